import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import type { SyncResult } from '../../../shared/types/sync';
import { PartyStore } from '../../../electron/core/collections/party-store';
import { interestFromFacts } from '../../../electron/core/collections/tally-interest';
import { openStore, type Store } from '../../../electron/core/db/store';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import { createTallyClient } from '../../../electron/core/tally/client';
import {
  dayBookFigures,
  outstandingFigures,
  profitLossFigures,
  statementFigures,
  trialBalanceFigures,
} from '../../fixtures/tally/real/books';
import {
  ALL_VOUCHERS,
  BOOKS_FROM,
  COMPANY_GUID,
  COMPANY_NAME,
  DAY_BOOK,
  MASTER_ALTER_ID,
  PAYABLE_2025_03_31,
  PAYABLE_2025_09_30,
  PL_2024_25_WITHOUT_ITEMS,
  PL_2025_26,
  RECEIVABLE_2024_04_30,
  RECEIVABLE_2025_03_31,
  RECEIVABLE_2025_09_30,
  STATEMENTS,
  TB_2024_25,
  TB_2025_26_WITHOUT_ITEMS,
  VOUCHER_ALTER_ID,
} from '../../fixtures/tally/real/expected';

/**
 * A full sync against Collection answers in the shapes a real TallyPrime sends (a CMPINFO block of
 * counters named like the objects, TYPE attributes on every value, `&#4; Primary` parents, per-date
 * counts as <OBJECT> rows with 1-Apr-24 dates), for the same company as the export files of
 * tests/fixtures/tally/real: the books must come out the same, to the paisa.
 *
 * The server answers each request with answers/<ID>.xml, in UTF-16LE; like Tally, it applies the date
 * range (and any cancelled / optional / AlterID filter) the request asks for.
 */

const answersDir = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/tally/real/answers/${name}`, import.meta.url));
const template = (id: string): string | null => {
  try {
    return readFileSync(answersDir(`${id}.xml`), 'utf8');
  } catch {
    return null;
  }
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "1-Apr-2024" / "1-Apr-24" -> "20240401". */
function ymd(tallyDate: string): string {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(tallyDate.trim());
  if (!m) throw new Error(`test server: not a date "${tallyDate}"`);
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const month = String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0');
  return `${year}${month}${m[1]!.padStart(2, '0')}`;
}

const unescape = (s: string): string =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Cancelled / optional flags and AlterID of every voucher, by GUID (the index answer carries none). */
const voucherFacts = (() => {
  const facts = new Map<string, { cancelled: boolean; optional: boolean; alterId: number }>();
  for (const v of template('TCVouchers')?.match(/<VOUCHER [\s\S]*?<\/VOUCHER>/g) ?? []) {
    const guid = /<GUID TYPE="String">([^<]+)<\/GUID>/.exec(v)![1]!;
    facts.set(guid, {
      cancelled: /<ISCANCELLED TYPE="Logical">Yes</.test(v),
      optional: /<ISOPTIONAL TYPE="Logical">Yes</.test(v),
      alterId: Number(/<ALTERID TYPE="Number">\s*(\d+)</.exec(v)![1]),
    });
  }
  return facts;
})();

/** Keeps the objects of an answer that the request's period and filters select, as Tally would. */
function answerFor(id: string, request: string, overrides: Record<string, string>): string {
  const text = overrides[id] ?? template(id);
  if (text === null) {
    return `<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>Could not find Collection '${id}' (the test has no answer file for it)</LINEERROR></DATA></BODY></ENVELOPE>`;
  }
  const r = unescape(request);
  const from =
    /\$Date\s*>=\s*\$\$Date:"(\d{8})"/.exec(r)?.[1] ??
    (/<SVFROMDATE>([^<]+)<\/SVFROMDATE>/.exec(r) ? ymd(/<SVFROMDATE>([^<]+)</.exec(r)![1]!) : '00000000');
  const to =
    /\$Date\s*<=\s*\$\$Date:"(\d{8})"/.exec(r)?.[1] ??
    (/<SVTODATE>([^<]+)<\/SVTODATE>/.exec(r) ? ymd(/<SVTODATE>([^<]+)</.exec(r)![1]!) : '99999999');
  const noCancelled = /NOT \$IsCancelled/i.test(r);
  const noOptional = /NOT \$IsOptional/i.test(r);
  const alteredAfter = Number(/\$AlterID\s*>\s*(\d+)/i.exec(r)?.[1] ?? -1);
  // Only the objects under DATA: the CMPINFO counters before them share their tag names.
  const data = text.indexOf('<DATA>');
  if (data < 0) return text;
  const objects = text.slice(data).replace(/ {4}<(VOUCHER|OBJECT)[ >][\s\S]*?<\/\1>\r?\n/g, (object) => {
    if (object.startsWith('    <OBJECT')) {
      const date = ymd(/<DATE[^>]*>([^<]+)<\/DATE>/.exec(object)![1]!);
      return date >= from && date <= to ? object : '';
    }
    const date = /<DATE TYPE="Date">(\d{8})<\/DATE>/.exec(object)![1]!;
    const facts = voucherFacts.get(/<GUID TYPE="String">([^<]+)<\/GUID>/.exec(object)![1]!)!;
    const keep =
      date >= from &&
      date <= to &&
      !(noCancelled && facts.cancelled) &&
      !(noOptional && facts.optional) &&
      facts.alterId > alteredAfter;
    return keep ? object : '';
  });
  return text.slice(0, data) + objects;
}

interface FakeTally {
  port: number;
  requests: { id: string; encoding: string }[];
  close(): Promise<void>;
}

async function startFakeTally(overrides: Record<string, string> = {}): Promise<FakeTally> {
  const requests: FakeTally['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      let encoding = 'utf-8';
      if (body[0] === 0xff && body[1] === 0xfe) {
        encoding = 'utf-16le';
        body = body.subarray(2);
      } else if (body.length > 1 && body[1] === 0) encoding = 'utf-16le';
      const request = body.toString(encoding === 'utf-16le' ? 'utf16le' : 'utf8');
      const id = /<ID>([^<]*)<\/ID>/.exec(request)?.[1] ?? '';
      requests.push({ id, encoding });
      let answer: string;
      try {
        answer = answerFor(id, request, overrides).replace(/\r?\n/g, '\r\n');
      } catch (error) {
        res.writeHead(500).end(String(error));
        return;
      }
      // Tally answers UTF-16LE; no byte-order mark over HTTP.
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-16' });
      res.end(Buffer.from(answer, 'utf16le'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function deps(port: number, store: Store): EngineDeps {
  return {
    client: createTallyClient({ host: '127.0.0.1', port, attempts: 1, timeoutMs: 10_000 }),
    store,
    progress: createProgressTracker({ runId: 'real', now: () => Date.now(), emit: () => undefined }),
    // Real time: "today" decides whether the post-dated voucher (2099) has posted yet.
    now: () => Date.now(),
    signal: new AbortController().signal,
    runId: 'real',
  };
}

const GROUPS = [
  'Capital Account',
  'Current Liabilities',
  'Current Assets',
  'Fixed Assets',
  'Sales Accounts',
  'Purchase Accounts',
  'Direct Expenses',
  'Indirect Expenses',
  'Indirect Incomes',
];

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('full sync against real-shaped TallyPrime answers', () => {
  let store: Store;
  let tally: FakeTally;
  let result: SyncResult | undefined;
  beforeAll(async () => {
    tally = await startFakeTally();
    store = openStore(':memory:');
    cleanups.push(
      () => store.close(),
      () => tally.close(),
    );
    [result] = await runSync({ full: true }, deps(tally.port, store));
  });

  it('syncs the company from its answers: GUID, name, books-from, AlterIDs, every voucher', () => {
    expect(result).toMatchObject({
      kind: 'full',
      companyGuid: COMPANY_GUID,
      companyName: COMPANY_NAME,
      vouchersWritten: ALL_VOUCHERS,
    });
    expect(store.requireCompany(COMPANY_GUID).booksFrom).toBe(BOOKS_FROM);
    expect(
      store.db
        .prepare('SELECT master_alter_id AS m, voucher_alter_id AS v FROM companies WHERE guid = ?')
        .get(COMPANY_GUID),
    ).toEqual({ m: MASTER_ALTER_ID, v: VOUCHER_ALTER_ID });
    // Requests went out in UTF-16LE, as Tally expects.
    expect(tally.requests.length).toBeGreaterThan(0);
    expect(new Set(tally.requests.map((r) => r.encoding))).toEqual(new Set(['utf-16le']));
  });

  it('stores the parties’ contacts, their interest settings and the company’s own profile', () => {
    const parties = new PartyStore(store.db, () => new Date());
    const patil = parties.parties(COMPANY_GUID).get('5a6e5a6e-0000-4000-8000-00000000ca5e-00000026')!;
    expect(patil.contact).toMatchObject({
      mailingName: 'Patil & Sons',
      address: ['14, Market Yard', 'Gultekdi, Pune'],
      state: 'Maharashtra',
      pincode: '411037',
      gstin: '27AAGFP4321M1Z6',
      email: { value: 'accounts@patilandsons.example', source: 'tally' },
      emailCc: 'sanjay.patil@patilandsons.example',
      mobile: { value: '+91 98220 12345', source: 'tally' },
      phone: '020-24261234',
      contactPerson: 'Sanjay Patil',
    });
    expect(interestFromFacts(patil.interest)).toMatchObject({
      kind: 'parameters',
      parameters: { ratePercent: '18', style: '365-Day Year', balances: 'Debit Balances Only', from: 'due' },
    });
    expect(parties.profile(COMPANY_GUID)).toMatchObject({
      mailingName: 'Shree Ganesh Traders',
      address: ['Shop 3, Laxmi Road', 'Pune'],
      state: 'Maharashtra',
      pincode: '411002',
      gstin: '27AAKFS1234M1Z5',
      registrationType: 'Regular',
      email: 'accounts@shreeganesh.example',
    });
  });

  it('trial balances of FY 2024-25 and FY 2025-26 equal the hand-computed ones', () => {
    expect(trialBalanceFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31', GROUPS)).toEqual(TB_2024_25);
    expect(trialBalanceFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31', GROUPS)).toEqual(
      TB_2025_26_WITHOUT_ITEMS,
    );
  });

  it('profit & loss per year', () => {
    expect(profitLossFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31')).toEqual(
      PL_2024_25_WITHOUT_ITEMS,
    );
    expect(profitLossFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31')).toEqual(PL_2025_26);
  });

  it('outstanding per party', () => {
    expect(outstandingFigures(store, COMPANY_GUID, 'receivable', '2024-04-30')).toEqual(
      RECEIVABLE_2024_04_30,
    );
    expect(outstandingFigures(store, COMPANY_GUID, 'receivable', '2025-03-31')).toEqual(
      RECEIVABLE_2025_03_31,
    );
    expect(outstandingFigures(store, COMPANY_GUID, 'payable', '2025-03-31')).toEqual(PAYABLE_2025_03_31);
    expect(outstandingFigures(store, COMPANY_GUID, 'receivable', '2025-09-30')).toEqual(
      RECEIVABLE_2025_09_30,
    );
    expect(outstandingFigures(store, COMPANY_GUID, 'payable', '2025-09-30')).toEqual(PAYABLE_2025_09_30);
  });

  it('ledger statements', () => {
    for (const expected of STATEMENTS)
      expect(statementFigures(store, COMPANY_GUID, expected)).toEqual(expected);
  });

  it('the day book lists every voucher with why the non-posting ones do not post', () => {
    expect(dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2099-12-31')).toEqual({
      totalVouchers: ALL_VOUCHERS,
      offBooksVouchers: 10,
      vouchers: DAY_BOOK,
    });
  });

  it('a second sync with unchanged AlterIDs only polls the company list', async () => {
    const before = tally.requests.length;
    const [again] = await runSync({ full: false }, deps(tally.port, store));
    expect(again?.kind).toBe('unchanged');
    expect(tally.requests.slice(before).map((r) => r.id)).toEqual(['TCCompanies']);
  });
});

describe('a per-date count that comes back empty while AltVchId says there are vouchers', () => {
  const emptyCount = (template('TCVoucherDates') ?? '').replace(
    /<COLLECTION>[\s\S]*<\/COLLECTION>/,
    '<COLLECTION>\n   </COLLECTION>',
  );

  it('is never a successful sync of no vouchers: the books are read another way, or the sync fails saying so', async () => {
    expect(emptyCount).toContain('<CMPINFO>');
    expect(emptyCount).not.toContain('<OBJECT>');
    const tally = await startFakeTally({ TCVoucherDates: emptyCount });
    const store = openStore(':memory:');
    cleanups.push(
      () => store.close(),
      () => tally.close(),
    );
    let result: SyncResult | undefined;
    let failure: unknown = null;
    try {
      [result] = await runSync({ full: true }, deps(tally.port, store));
    } catch (error) {
      failure = error;
    }
    if (failure !== null) {
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).message).toMatch(/voucher/i);
      return;
    }
    expect(result?.vouchersWritten).toBeGreaterThan(0);
    // Read month by month, the books are the same (a voucher dated after today, the post-dated PY/6 of
    // 2099, need not be read: it does not post).
    expect(trialBalanceFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31', GROUPS)).toEqual(TB_2024_25);
    expect(trialBalanceFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31', GROUPS)).toEqual(
      TB_2025_26_WITHOUT_ITEMS,
    );
    expect(profitLossFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31')).toEqual(PL_2025_26);
    expect(outstandingFigures(store, COMPANY_GUID, 'receivable', '2025-09-30')).toEqual(
      RECEIVABLE_2025_09_30,
    );
    const upToToday = dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2098-12-31');
    expect(upToToday.totalVouchers).toBe(ALL_VOUCHERS - 1);
  });
});
