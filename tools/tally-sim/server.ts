import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, yearStartOf, type IsoDate } from '../../shared/dates';
import { toTallyRequestDate } from '../../electron/core/tally/quirks';
import type { VoucherRecord } from '../../electron/core/db/records';
import { admits, SimCompany, type VoucherFilter } from './company';
import { collectionHeadFor, collectionTail, createRenderer, errorEnvelope } from './render';
import { resolveShapes, type SimOptions } from './shapes';
import type { SimSource } from './source';

export { nonPostingVouchers, nonPostingKind, NO_REAL_SHAPES, REAL_SHAPES } from './shapes';
export type { RealShapeOptions, SimOptions } from './shapes';

/** Ways to misbehave, as a real Tally (or the network to it) does. */
export type SimFault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop'; afterBytes: number }
  | { kind: 'error'; message: string }
  | { kind: 'empty' }
  | { kind: 'http500' }
  | { kind: 'garbage'; text: string };

export interface FaultRule {
  fault: SimFault;
  /** Only requests with this ID (TCVouchers ...); all when omitted. */
  match?: string;
  /** How many requests it affects; unlimited when omitted. */
  times?: number;
}

export interface SimRequestLog {
  id: string;
  company: string | null;
  from: IsoDate | null;
  to: IsoDate | null;
  alteredAfter: number | null;
  /** What the request's filter formulae leave out (`NOT $IsCancelled`, `NOT $IsOptional`). */
  filter: VoucherFilter;
  objects: number;
  /** When the request arrived (ms since the epoch): live mode's request rate is measured from these. */
  at: number;
}

export interface TallySimulator {
  readonly port: number;
  readonly url: string;
  readonly companies: SimCompany[];
  company(guid?: string): SimCompany;
  /** Opens another company (Tally can have several open), with the simulator's options unless given. */
  open(source: SimSource, options?: SimOptions): SimCompany;
  /** Closes a company: requests naming it get an empty answer, as in Tally. */
  close(guid: string): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Tally's current period (Alt+F2), as the accountant would see it. */
  currentPeriod(): { from: IsoDate; to: IsoDate };
  /** Sets it as the accountant would (Alt+F2). */
  setPeriod(period: { from: IsoDate; to: IsoDate }): void;
  /** How many times a request changed the current period ("Change Period" accepted), since the start. */
  readonly periodChanges: number;
  readonly requests: SimRequestLog[];
  stop(): Promise<void>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** "1-Apr-2025" -> "2025-04-01" */
function requestDate(text: string | undefined): IsoDate | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec((text ?? '').trim());
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

interface ParsedRequest {
  id: string;
  /** "Collection", "Data", "Function" ... */
  type: string;
  /** A "Change Period" report's SVFromDate / SVToDate. */
  setPeriod: { from: IsoDate; to: IsoDate } | null;
  company: string | null;
  from: IsoDate | null;
  to: IsoDate | null;
  alteredAfter: number | null;
  filter: VoucherFilter;
}

function parseRequest(body: Buffer): ParsedRequest {
  const text =
    body[1] === 0 || (body[0] === 0xff && body[1] === 0xfe)
      ? body.toString('utf16le')
      : body.toString('utf8');
  const tag = (name: string): string | undefined =>
    new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text)?.[1];
  const altered = /\$AlterID\s*&gt;\s*(\d+)/.exec(text);
  const company = tag('SVCURRENTCOMPANY');
  const set = (name: string): IsoDate | null =>
    requestDate(new RegExp(`<SET>\\s*${name}\\s*:\\s*"([^"]*)"\\s*</SET>`, 'i').exec(text)?.[1]);
  const setFrom = set('SVFromDate');
  const setTo = set('SVToDate');
  return {
    id: (tag('ID') ?? '').trim(),
    type: (tag('TYPE') ?? '').trim(),
    setPeriod:
      /<USE>\s*Change Period\s*<\/USE>/i.test(text) && setFrom && setTo ? { from: setFrom, to: setTo } : null,
    company: company === undefined ? null : unescape(company),
    from: requestDate(tag('SVFROMDATE')),
    to: requestDate(tag('SVTODATE')),
    alteredAfter: altered ? Number(altered[1]) : null,
    // TallyConnect's older requests filtered with NOT $IsCancelled AND NOT $IsOptional; newer ones
    // fetch every voucher that is not deleted.
    filter: { excludeCancelled: /\$IsCancelled/i.test(text), excludeOptional: /\$IsOptional/i.test(text) },
  };
}

const CHUNK_CHARS = 32 * 1024;

export interface SimulatorOptions extends SimOptions {
  port?: number;
  host?: string;
}

/**
 * An HTTP server that answers TallyConnect's export requests the way TallyPrime does: UTF-16LE, native
 * objects with Tally's quirks, streamed in chunks (so a million vouchers never sit in one string).
 * Real Tally's shapes are on unless switched off: `{ realShapes: { countRows: false } }` (shapes.ts).
 */
export async function startTallySimulator(
  sources: SimSource[],
  options: SimulatorOptions = {},
): Promise<TallySimulator> {
  const { port: wantedPort, host, ...simOptions } = options;
  const shapes = resolveShapes(options.realShapes);
  const head = collectionHeadFor(shapes);
  const companies = sources.map((s) => new SimCompany(s, simOptions));
  const closed = new Set<string>();
  let faults: FaultRule[] = [];
  const requests: SimRequestLog[] = [];

  // Tally's current period (Alt+F2): the financial year of today until a "Change Period" report sets it.
  let period: { from: IsoDate; to: IsoDate } | null = null;
  let periodChanges = 0;
  const currentPeriod = (): { from: IsoDate; to: IsoDate } => {
    if (period !== null) return period;
    const start = yearStartOf(new Date((options.now ?? Date.now)()).toISOString().slice(0, 10), 4);
    return { from: start, to: addDays(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`, -1) };
  };

  const takeFault = (id: string): SimFault | null => {
    const rule = faults.find((f) => (f.match === undefined || f.match === id) && (f.times ?? 1) > 0);
    if (!rule) return null;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  };

  function* answer(req: ParsedRequest, log: SimRequestLog): Generator<string> {
    if (req.id === 'TCCompanies') {
      yield head;
      const render = createRenderer({ mode: 'collection', realShapes: shapes });
      for (const c of companies) {
        if (closed.has(c.guid)) continue;
        log.objects++;
        yield render.company({
          guid: c.guid,
          name: c.name,
          booksFrom: c.booksFrom,
          masterAlterId: c.masterAlterId,
          voucherAlterId: c.voucherAlterId,
          profile: c.profile,
        });
      }
      yield collectionTail;
      return;
    }
    const company = companies.find((c) => c.name === req.company && !closed.has(c.guid));
    // Tally answers nothing at all for a company that is not open.
    if (!company) return;
    yield company.shapes.cmpinfo === shapes.cmpinfo ? head : collectionHeadFor(company.shapes);
    const render = createRenderer({
      mode: 'collection',
      realShapes: company.shapes,
      exportedFlags: company.exportedFlags,
    });
    let from = req.from ?? '1900-01-01';
    let to = req.to ?? '9999-12-31';
    if (company.shapes.periodScoped) {
      // Real Tally: the collection holds the current period's vouchers only, whatever SVFROMDATE says
      // (the request's own $Date formulae, which name the same dates, still narrow it).
      const current = currentPeriod();
      if (current.from > from) from = current.from;
      if (current.to < to) to = current.to;
    }
    const served = (v: VoucherRecord): boolean => admits(req.filter, v);
    switch (req.id) {
      case 'TCGroups':
        for (const g of render.groupsWritten(company.groups)) {
          log.objects++;
          yield render.group(g);
        }
        break;
      case 'TCLedgers':
        for (const l of company.ledgers) yield render.ledger(l);
        log.objects += company.ledgers.length;
        break;
      case 'TCVoucherTypes':
        for (const t of company.voucherTypes) yield render.voucherType(t);
        log.objects += company.voucherTypes.length;
        break;
      case 'TCStockGroups':
        for (const g of company.stockGroups) yield render.stockGroup(g);
        log.objects += company.stockGroups.length;
        break;
      case 'TCUnits':
        for (const u of company.units) yield render.unit(u);
        log.objects += company.units.length;
        break;
      case 'TCGodowns':
        for (const g of company.godowns) yield render.godown(g);
        log.objects += company.godowns.length;
        break;
      case 'TCStockItems':
        for (const i of company.stockItems) yield render.stockItem(i);
        log.objects += company.stockItems.length;
        break;
      case 'TCVoucherDates': {
        let counts = company.dateCounts(req.filter);
        if (req.alteredAfter !== null) {
          const after = req.alteredAfter;
          counts = new Map();
          for (const v of company.all()) {
            if (served(v) && v.alterId > after) counts.set(v.date, (counts.get(v.date) ?? 0) + 1);
          }
        }
        const dates = [...counts].filter(([d]) => d >= from && d <= to).sort();
        for (const [date, count] of dates) {
          log.objects++;
          yield render.countRow(date, count);
        }
        break;
      }
      case 'TCVoucherIndex':
        for (const v of company.range(from, to)) {
          if (!served(v)) continue;
          log.objects++;
          yield render.indexRow(v);
        }
        break;
      case 'TCStockInHand':
        // One group: the filter names Stock-in-Hand. Its closing balance is the stock as on SVTODATE.
        log.objects++;
        yield render.stockInHand(
          company.stock.closingStock(company.shapes.periodScoped ? currentPeriod().to : to),
        );
        break;
      case 'TCVouchers':
        for (const v of company.range(from, to)) {
          if (!served(v) || (req.alteredAfter !== null && v.alterId <= req.alteredAfter)) continue;
          log.objects++;
          yield render.voucher(v);
        }
        break;
      default:
        yield `</COLLECTION></DATA></BODY></ENVELOPE>`;
        return;
    }
    yield collectionTail;
  }

  const server = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (c: Buffer) => parts.push(c));
    request.on('end', () => {
      if ((request.url ?? '/').startsWith('/_sim/')) {
        control(request.url ?? '', Buffer.concat(parts).toString('utf8'), response);
        return;
      }
      void (async () => {
        const parsed = parseRequest(Buffer.concat(parts));
        const log: SimRequestLog = { ...parsed, objects: 0, at: Date.now() };
        requests.push(log);
        const fault = takeFault(parsed.id);
        // A refused "Change Period" (an error answer) changes nothing; one whose answer is lost still does.
        if (parsed.setPeriod !== null && fault?.kind !== 'error' && fault?.kind !== 'http500') {
          period = parsed.setPeriod;
          periodChanges++;
        }
        if (fault?.kind === 'http500') {
          response.writeHead(500).end();
          return;
        }
        response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-16' });
        if (fault?.kind === 'empty') {
          response.end();
          return;
        }
        if (fault?.kind === 'error') {
          response.end(Buffer.from(errorEnvelope(fault.message), 'utf16le'));
          return;
        }
        if (fault?.kind === 'garbage') {
          response.end(Buffer.from(fault.text, 'utf16le'));
          return;
        }
        if (parsed.type === 'Function' && /^\$\$SystemPeriod(From|To)$/.test(parsed.id)) {
          const current = currentPeriod();
          const date = parsed.id.endsWith('From') ? current.from : current.to;
          response.end(
            Buffer.from(
              '<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC></DESC><DATA>' +
                `<RESULT TYPE="Date">${toTallyRequestDate(date)}</RESULT></DATA></BODY></ENVELOPE>`,
              'utf16le',
            ),
          );
          return;
        }
        if (parsed.id === 'TCChangePeriod' && parsed.setPeriod !== null) {
          response.end(
            Buffer.from(
              '<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC></DESC><DATA></DATA></BODY></ENVELOPE>',
              'utf16le',
            ),
          );
          return;
        }
        const known = [
          'TCCompanies',
          'TCGroups',
          'TCLedgers',
          'TCVoucherTypes',
          'TCStockGroups',
          'TCUnits',
          'TCGodowns',
          'TCStockItems',
          'TCVoucherDates',
          'TCVoucherIndex',
          'TCVouchers',
          'TCStockInHand',
        ];
        if (!known.includes(parsed.id)) {
          response.end(Buffer.from('<RESPONSE>Unknown Request, cannot be processed</RESPONSE>', 'utf16le'));
          return;
        }
        let sent = 0;
        let pending = '';
        const flush = async (): Promise<boolean> => {
          const bytes = Buffer.from(pending, 'utf16le');
          pending = '';
          if (fault?.kind === 'drop' && sent + bytes.length > fault.afterBytes) {
            response.write(bytes.subarray(0, Math.max(0, fault.afterBytes - sent)));
            // Cut the connection mid-answer, as a crashing Tally or a broken network does.
            response.socket?.destroy();
            return false;
          }
          sent += bytes.length;
          if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
          if (!response.write(bytes)) await new Promise((r) => response.once('drain', r));
          return !response.destroyed;
        };
        for (const piece of answer(parsed, log)) {
          pending += piece;
          if (pending.length >= CHUNK_CHARS && !(await flush())) return;
        }
        if (pending.length > 0 && !(await flush())) return;
        response.end();
      })().catch(() => response.destroy());
    });
  });

  /** A small JSON control API for demos from another terminal (tests use the object API directly). */
  function control(url: string, body: string, response: http.ServerResponse): void {
    const reply = (status: number, value: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    };
    try {
      const c = companies[0];
      if (!c) return reply(404, { error: 'no company' });
      if (url === '/_sim/status') {
        return reply(200, {
          companies: companies.map((x) => ({
            guid: x.guid,
            name: x.name,
            altMstId: x.masterAlterId,
            altVchId: x.voucherAlterId,
          })),
          requests: requests.length,
        });
      }
      if (url === '/_sim/fault') {
        faults.push(JSON.parse(body) as FaultRule);
        return reply(200, { faults: faults.length });
      }
      if (url === '/_sim/clear') {
        faults = [];
        return reply(200, { faults: 0 });
      }
      if (url === '/_sim/add') {
        // A copy of the latest sale under a new GUID: sales and receivables move.
        let last: VoucherRecord | null = null;
        for (const v of c.all()) if (v.voucherType === 'Sales' && !c.isExtra(v.guid)) last = v;
        if (!last) return reply(409, { error: 'no sales voucher to copy' });
        const added = c.addVoucher({
          ...last,
          guid: `${c.guid}-${(0xf0000000 + c.voucherAlterId).toString(16)}`,
        });
        return reply(200, { added: added.guid, altVchId: c.voucherAlterId, savedAt: Date.now() });
      }
      return reply(404, { error: `unknown control ${url}` });
    } catch (error) {
      return reply(500, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  await new Promise<void>((resolve) => server.listen(wantedPort ?? 0, host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${host ?? '127.0.0.1'}:${port}`,
    companies,
    company(guid) {
      const c = guid === undefined ? companies[0] : companies.find((x) => x.guid === guid);
      if (!c) throw new Error(`The simulator has no company ${guid ?? ''}`);
      return c;
    },
    open(source, companyOptions) {
      const c = new SimCompany(source, companyOptions ?? simOptions);
      companies.push(c);
      return c;
    },
    close(guid) {
      closed.add(guid);
    },
    addFault(rule) {
      faults.push(rule);
    },
    clearFaults() {
      faults = [];
    },
    currentPeriod,
    setPeriod(value) {
      period = value;
    },
    get periodChanges() {
      return periodChanges;
    },
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
