import { AppError } from '../../../shared/errors';

export type TallyEncoding = 'utf-16le' | 'utf-16be' | 'utf-8';

/**
 * Picks the encoding from the first bytes: a BOM when there is one (Tally's export files start with
 * FF FE), otherwise UTF-16LE when the first characters have zero high bytes ("<\0"), else UTF-8.
 * An HTTP charset is only a hint: Tally's headers are not always right, the bytes are.
 */
export function detectEncoding(head: Uint8Array, hint?: string | null): TallyEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2) {
    let zeroOdd = 0;
    let zeroEven = 0;
    const n = Math.min(head.length, 64) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) zeroEven++;
      if (head[i + 1] === 0) zeroOdd++;
    }
    if (zeroOdd > n / 4 && zeroEven === 0) return 'utf-16le';
    if (zeroEven > n / 4 && zeroOdd === 0) return 'utf-16be';
    if (zeroOdd === 0 && zeroEven === 0) return 'utf-8';
  }
  if (hint && /utf-?16/i.test(hint)) return 'utf-16le';
  return 'utf-8';
}

/**
 * Decodes a byte stream to strings chunk by chunk (a character split across chunks is kept for the
 * next one). Invalid byte sequences are an error in plain words, not mojibake in the books.
 */
export interface StreamDecoder {
  push(bytes: Uint8Array): string;
  end(): string;
  readonly encoding: TallyEncoding | null;
}

/** XML (and so every Tally export and answer) starts with "<", after a BOM and white space. */
const XML_WHITESPACE = /^[\s\uFEFF]*/;

export function notTallyXml(source: string, what: string): AppError {
  return new AppError(
    'IMPORT_INVALID',
    `${source} is not a Tally XML export (${what}); in Tally, export the report as XML (Export > Format: XML)`,
  );
}

/**
 * The first character of XML text, or null while only white space has been seen. Anything but "<"
 * means the bytes are not XML at all: a binary file (Excel, PDF, ZIP, an image) or plain text.
 */
function firstSignificant(text: string): string | null {
  const rest = text.slice(XML_WHITESPACE.exec(text)?.[0].length ?? 0);
  return rest === '' ? null : rest.charAt(0);
}

// eslint-disable-next-line no-control-regex -- control characters are what marks binary data
const BINARY = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/;

/** Why the start is not XML, never quoting the file: it may be anything (a key, the books) but an export. */
function describeStart(text: string): string {
  return BINARY.test(text.slice(0, 64)) ? 'it holds binary data, not text' : 'it does not start with "<"';
}

export function createStreamDecoder(source: string, hint?: string | null): StreamDecoder {
  let decoder: TextDecoder | null = null;
  let encoding: TallyEncoding | null = null;
  let pending: Uint8Array = new Uint8Array(0);
  // Until the first non-blank character has been seen to be "<".
  let startChecked = false;
  const checkStart = (text: string): string => {
    if (startChecked) return text;
    const first = firstSignificant(text);
    if (first === null) return text;
    if (first !== '<') throw notTallyXml(source, describeStart(text));
    startChecked = true;
    return text;
  };
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return checkStart((decoder as TextDecoder).decode(bytes, { stream }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
      throw new AppError(
        'IMPORT_INVALID',
        stream
          ? `${source} is not valid ${name} text (wrong encoding?); export it from Tally again as XML`
          : `${source} ends in the middle of a character (truncated?)`,
        { encoding },
      );
    }
  };
  const start = (bytes: Uint8Array): void => {
    encoding = detectEncoding(bytes, hint);
    // A binary file is named as such before its bytes are reported as a wrong text encoding.
    checkStart(new TextDecoder(encoding).decode(bytes.subarray(0, 64), { stream: true }));
    // fatal: invalid input throws instead of turning into U+FFFD; a matching BOM is dropped.
    decoder = new TextDecoder(encoding, { fatal: true });
  };
  return {
    get encoding() {
      return encoding;
    },
    push(bytes) {
      if (decoder === null) {
        // A few bytes are needed to see the BOM or the zero-byte pattern.
        const joined = new Uint8Array(pending.length + bytes.length);
        joined.set(pending);
        joined.set(bytes, pending.length);
        if (joined.length < 4) {
          pending = joined;
          return '';
        }
        pending = new Uint8Array(0);
        start(joined);
        return decode(joined, true);
      }
      return decode(bytes, true);
    },
    end() {
      let out = '';
      if (decoder === null) {
        if (pending.length === 0) return '';
        start(pending);
        out = decode(pending, true);
        pending = new Uint8Array(0);
      }
      return out + decode(new Uint8Array(0), false);
    },
  };
}
