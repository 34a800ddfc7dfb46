import { SaxesParser } from 'saxes';
import { AppError } from '../../../shared/errors';
import { detach } from '../detach-string';
import type { XNode } from './node';

export interface ParseOptions {
  /** Human name of the input for messages: "Tally's answer", "DayBook.xml". */
  source: string;
  /**
   * Element names that are objects (VOUCHER, LEDGER ...); each is handed over once it closes. Only
   * elements inside Tally's data containers count (BODY/DATA and COLLECTION in answers, TALLYMESSAGE in
   * exports): real answers carry a CMPINFO block of counters named COMPANY, GROUP, LEDGER, VOUCHER ...
   * under DESC, which are never objects. ANY_OBJECT takes every element standing directly in a container
   * (the per-date count rows come as <OBJECT> or <VOUCHER> depending on Tally's build).
   */
  capture: ReadonlySet<string> | typeof ANY_OBJECT;
  /**
   * Element names handed over wherever they stand, outside the data too (SVCURRENTCOMPANY in an
   * export's header).
   */
  captureAnywhere?: ReadonlySet<string>;
  onObject(node: XNode): void;
  /** Longest text accepted in one field, in characters. */
  maxFieldLength?: number;
  /**
   * Element names worth keeping inside captured objects; other subtrees are skipped without building
   * nodes (Tally's own exports carry a hundred fields per voucher that the app never reads).
   * Everything is kept when omitted.
   */
  keep?: ReadonlySet<string>;
}

export interface ParseSummary {
  objects: number;
  /** Whether any element was seen at all (an empty answer is an error the caller words). */
  sawRoot: boolean;
  /** <STATUS> of the envelope header when present ("1" ok, "0" failed). */
  status: string | null;
  /** Counts from an import answer's <IMPORTRESULT>, when present. */
  importResult: Record<string, string>;
}

export interface TallyXmlParser {
  write(text: string): void;
  close(): ParseSummary;
}

const DEFAULT_MAX_FIELD = 100_000;

/** ParseOptions.capture: every element directly inside a data container is an object. */
export const ANY_OBJECT = 'any-object' as const;
/** Where objects stand: answers put them under BODY/DATA (COLLECTION), exports inside TALLYMESSAGE. */
const DATA_CONTAINERS: ReadonlySet<string> = new Set(['DATA', 'COLLECTION', 'TALLYMESSAGE']);
/** Never data, whatever it holds: the answer's description with its CMPINFO counters. */
const NOT_DATA = 'DESC';
/** Elements read outside captured objects: Tally's error texts and the envelope status. */
const ENVELOPE_TEXT = new Set([
  'LINEERROR',
  'STATUS',
  'RESPONSE',
  'CREATED',
  'ALTERED',
  'ERRORS',
  'EXCEPTIONS',
]);

/** Names an object in messages: "voucher Sales 12 of 20250401 (GUID ...)", "ledger Cash". */
export function describeObject(node: XNode): string {
  const kind = node.name.toLowerCase();
  const get = (n: string): string => (node.children.find((c) => c.name === n)?.text ?? '').trim();
  if (node.name === 'VOUCHER') {
    const type = get('VOUCHERTYPENAME') || node.attrs.VCHTYPE || '';
    const parts = [`voucher ${type} ${get('VOUCHERNUMBER')}`.trim()];
    if (get('DATE')) parts.push(`dated ${get('DATE')}`);
    const guid = get('GUID') || node.attrs.REMOTEID || '';
    if (guid) parts.push(`(GUID ${guid})`);
    return parts.join(' ');
  }
  const name = node.attrs.NAME ?? get('NAME');
  return name ? `${kind} "${name}"` : kind;
}

/**
 * Shared by every leaf (most elements of a voucher are leaves): one array less to allocate and collect
 * per field. Frozen, so a consumer that tried to push into it would fail loudly.
 */
const NO_CHILDREN: XNode[] = Object.freeze([]) as unknown as XNode[];

/**
 * The attributes of an element that has none (almost every element inside an object): one shared frozen
 * object instead of walking saxes' empty one for each of the ~40 elements of a voucher (measured: 4 % of
 * a sync's CPU). Frozen, so a consumer that wrote into it would fail loudly.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Streaming parser for Tally's XML: feeds text chunks to saxes and builds a small tree only for the
 * objects being captured, so memory stays flat however large the answer is. Errors name the object
 * being read.
 */
export function createTallyParser(options: ParseOptions): TallyXmlParser {
  const maxField = options.maxFieldLength ?? DEFAULT_MAX_FIELD;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XNode[] = [];
  let captureDepth = -1;
  let depth = 0;
  /** Depth of the innermost open data container (-1: none), and of an open DESC (-1: none). */
  const containerDepths: number[] = [];
  let descDepth = -1;
  const anyObject = options.capture === ANY_OBJECT;
  const captureNames = options.capture === ANY_OBJECT ? null : options.capture;
  const isObject = (name: string): boolean => {
    if (descDepth >= 0) return options.captureAnywhere?.has(name) ?? false;
    if (options.captureAnywhere?.has(name)) return true;
    const container = containerDepths[containerDepths.length - 1];
    if (container === undefined) return false;
    if (anyObject) return depth === container + 1 && !DATA_CONTAINERS.has(name) && !ENVELOPE_TEXT.has(name);
    return captureNames?.has(name) ?? false;
  };
  let objects = 0;
  let sawRoot = false;
  let status: string | null = null;
  let envelopeText: string | null = null;
  let envelopeName: string | null = null;
  const lineErrors: string[] = [];
  const importResult: Record<string, string> = {};
  let lastObject: XNode | null = null;
  // Kept names map to one canonical string each, so the mappers' name comparisons are pointer checks
  // instead of comparing a fresh copy of every tag name character by character.
  const keep = options.keep ? new Map([...options.keep].map((name) => [name, name])) : null;
  let skipDepth = -1;
  let failure: unknown = null;

  const where = (): string => {
    const current = stack[0];
    if (current) return ` while reading ${describeObject(current)}`;
    return lastObject ? ` after ${describeObject(lastObject)}` : '';
  };

  // Counted as saxes reads them, so an element without attributes needs no look at its attribute object.
  // Each value is copied here, before saxes files it under the element's attributes (the handler receives
  // the very object saxes then reads), so no attribute pins its chunk: walking the attribute object of each
  // element afterwards (almost every element of Tally's answers has a TYPE) cost ~15 % of a parse.
  let attributesSeen = 0;
  parser.on('attribute', (attribute) => {
    attributesSeen++;
    attribute.value = detach(attribute.value);
  });
  parser.on('opentag', (tag) => {
    sawRoot = true;
    depth++;
    const hasAttributes = attributesSeen > 0;
    attributesSeen = 0;
    if (skipDepth >= 0) return;
    if (captureDepth >= 0) {
      const name = keep === null ? tag.name : keep.get(tag.name);
      if (name === undefined) {
        skipDepth = depth;
        return;
      }
      const node: XNode = {
        name,
        attrs: hasAttributes ? (tag.attributes as Record<string, string>) : NO_ATTRIBUTES,
        text: '',
        children: NO_CHILDREN,
      };
      const parent = stack[stack.length - 1] as XNode;
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else parent.children.push(node);
      stack.push(node);
    } else if (isObject(tag.name)) {
      captureDepth = depth;
      stack.push({
        name: tag.name,
        attrs: tag.attributes as Record<string, string>,
        text: '',
        children: [],
      });
    } else {
      if (tag.name === NOT_DATA && descDepth < 0) descDepth = depth;
      else if (descDepth < 0 && DATA_CONTAINERS.has(tag.name)) containerDepths.push(depth);
      if (ENVELOPE_TEXT.has(tag.name)) {
        envelopeName = tag.name;
        envelopeText = '';
      }
    }
  });
  parser.on('text', (text) => {
    if (skipDepth >= 0) return;
    if (captureDepth >= 0) {
      const node = stack[stack.length - 1] as XNode;
      if (node.text.length + text.length > maxField) {
        throw new AppError(
          'IMPORT_INVALID',
          `${options.source}: the field ${node.name} is longer than ${maxField.toLocaleString('en-IN')} characters${where()}`,
          { field: node.name },
        );
      }
      node.text += text;
    } else if (envelopeText !== null && envelopeText.length < maxField) {
      envelopeText += text;
    }
  });
  parser.on('closetag', (tag) => {
    if (skipDepth >= 0) {
      if (depth === skipDepth) skipDepth = -1;
      depth--;
      return;
    }
    if (captureDepth >= 0) {
      const node = stack.pop() as XNode;
      node.text = detach(node.text);
      if (depth === captureDepth) {
        captureDepth = -1;
        objects++;
        lastObject = node;
        try {
          options.onObject(node);
        } catch (error) {
          // The consumer's own failure (a store error ...) is not an XML problem: passed on unchanged.
          callbackError = error;
          throw error;
        }
      }
    } else if (depth === descDepth) {
      descDepth = -1;
    } else if (depth === containerDepths[containerDepths.length - 1]) {
      containerDepths.pop();
    } else if (envelopeName === tag.name && envelopeText !== null) {
      const value = envelopeText.trim();
      if (tag.name === 'LINEERROR' || tag.name === 'RESPONSE') {
        if (value) lineErrors.push(value);
      } else if (tag.name === 'STATUS') status = value;
      else importResult[tag.name] = value;
      envelopeName = null;
      envelopeText = null;
    }
    depth--;
  });
  let failureWhere = '';
  let callbackError: unknown = null;
  parser.on('error', (error) => {
    if (failure === null) failureWhere = where();
    failure ??= error;
  });

  const rethrow = (): void => {
    if (failure === null) return;
    if (callbackError !== null && failure === callbackError) throw failure;
    if (failure instanceof AppError) throw failure;
    const message = failure instanceof Error ? failure.message : String(failure);
    throw new AppError(
      'IMPORT_INVALID',
      `${options.source} is not well-formed XML${failureWhere || where()}: ${message}`,
    );
  };

  return {
    write(text) {
      if (failure !== null) rethrow();
      try {
        parser.write(text);
      } catch (error) {
        failure ??= error;
      }
      rethrow();
    },
    close() {
      // Nothing at all (Tally's answer when the company is not open): the caller words it.
      if (!sawRoot && failure === null) return { objects, sawRoot, status, importResult };
      if (failure === null) {
        try {
          parser.close();
        } catch (error) {
          failure ??= error;
        }
      }
      if (failure !== null && !(failure instanceof AppError) && lineErrors.length === 0) {
        const message = failure instanceof Error ? failure.message : String(failure);
        if (sawRoot && /unclosed|end of|unexpected end/i.test(message)) {
          throw new AppError(
            'IMPORT_INVALID',
            `${options.source} ended early (truncated or the connection was cut)${where()}`,
          );
        }
      }
      if (lineErrors.length > 0) {
        throw new AppError('TALLY_ERROR', `Tally answered: ${lineErrors.join('; ')}`, {
          lineError: lineErrors[0] ?? null,
        });
      }
      rethrow();
      return { objects, sawRoot, status, importResult };
    },
  };
}
