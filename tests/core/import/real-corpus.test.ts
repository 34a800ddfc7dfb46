import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import type { SyncResult } from '../../../shared/types/sync';
import { PartyStore } from '../../../electron/core/collections/party-store';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import {
  dayBookFigures,
  outstandingFigures,
  profitLossFigures,
  revenueOpenings,
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
  PL_2024_25,
  PL_2025_26,
  RECEIVABLE_2024_04_30,
  RECEIVABLE_2025_03_31,
  RECEIVABLE_2025_09_30,
  SMALL_DAY_BOOK,
  SMALL_GROSS_PROFIT,
  SMALL_NET_PROFIT,
  SMALL_RECEIVABLE_2024_06_30,
  SMALL_TB,
  STATEMENTS,
  TB_2024_25,
  TB_2025_26,
  VOUCHER_ALTER_ID,
} from '../../fixtures/tally/real/expected';
import { buildCorpus } from '../../fixtures/tally/real/make-corpus';

/**
 * Tally export files in the shapes real TallyPrime writes (tests/fixtures/tally/real: hand-written for
 * the company "Shree Ganesh Traders", see expected.ts for the vouchers and the hand computation), imported
 * through the file import and checked against hand-computed figures to the paisa.
 */

const corpus = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/tally/real/${name}`, import.meta.url));
const MASTERS = corpus('All Masters.xml');
const DAY_BOOK_FILE = corpus('DayBook.xml');

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

const run = (store: Store, paths: string[]): Promise<SyncResult> =>
  importFiles({
    store,
    paths,
    runId: 'real',
    now: () => 0,
    progress: createProgressTracker({ runId: 'real', now: () => 0, emit: () => undefined }),
  });

const stores: Store[] = [];
const freshStore = (): Store => {
  const s = openStore(':memory:');
  stores.push(s);
  return s;
};
afterAll(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('the corpus files', () => {
  it('are what make-corpus.ts builds from the templates: UTF-16LE with a BOM and CRLF, or re-saved UTF-8', () => {
    for (const [name, bytes] of Object.entries(buildCorpus())) {
      expect(readFileSync(corpus(name)).equals(bytes), `${name} is stale: run make-corpus.ts`).toBe(true);
    }
    for (const name of ['All Masters.xml', 'DayBook.xml', 'Small Export.xml']) {
      const bytes = readFileSync(corpus(name));
      expect([bytes[0], bytes[1]], name).toEqual([0xff, 0xfe]);
      const text = bytes.subarray(2).toString('utf16le');
      expect(text.includes('\r\n') && !/[^\r]\n/.test(text), name).toBe(true);
      expect(text, name).toContain('&#4; Not Applicable');
    }
    const bom = readFileSync(corpus('resaved-utf8-bom.xml'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = readFileSync(corpus('resaved-utf8.xml'));
    expect(plain[0]).toBe('<'.charCodeAt(0));
    expect(plain.toString('utf8')).toContain('<GSTREGISTRATIONTYPE>4 Not Applicable</GSTREGISTRATIONTYPE>');
    expect(plain.toString('utf8')).not.toContain('&#4;');
  });
});

describe('import of the real-shaped All Masters and Day Book exports', () => {
  let store: Store;
  let result: SyncResult;
  beforeAll(async () => {
    store = freshStore();
    // Day Book first: the import must find the masters file itself.
    result = await run(store, [DAY_BOOK_FILE, MASTERS]);
  });

  it('imports the company under its GUID and name, with the books-from date of its COMPANY object', () => {
    expect(result).toMatchObject({ kind: 'import', companyGuid: COMPANY_GUID, companyName: COMPANY_NAME });
    // Every voucher of the Day Book is kept (non-posting ones are stored but never posted).
    expect(result.vouchersWritten).toBe(ALL_VOUCHERS);
    const company = store.requireCompany(COMPANY_GUID);
    expect(company.booksFrom).toBe(BOOKS_FROM);
    expect(
      store.db
        .prepare('SELECT master_alter_id AS m, voucher_alter_id AS v FROM companies WHERE guid = ?')
        .get(COMPANY_GUID),
    ).toEqual({ m: MASTER_ALTER_ID, v: VOUCHER_ALTER_ID });
  });

  it('brings the parties’ contacts (older flat tags) and the company’s address and GSTIN from Export > Masters', () => {
    const parties = new PartyStore(store.db, () => new Date());
    const patil = parties.parties(COMPANY_GUID).get('5a6e5a6e-0000-4000-8000-00000000ca5e-00000026')!;
    expect(patil.contact).toMatchObject({
      mailingName: 'Patil & Sons',
      address: ['14, Market Yard', 'Gultekdi, Pune'],
      pincode: '411037',
      email: { value: 'accounts@patilandsons.example', source: 'tally' },
      emailCc: 'sanjay.patil@patilandsons.example',
      mobile: { value: '+91 98220 12345', source: 'tally' },
      contactPerson: 'Sanjay Patil',
    });
    expect(patil.interest?.slabs).toHaveLength(1);
    const ganesh = parties.parties(COMPANY_GUID).get('5a6e5a6e-0000-4000-8000-00000000ca5e-00000027')!;
    expect(ganesh.contact).toMatchObject({ address: ['मंडई रोड', 'सातारा'], email: null, mobile: null });
    expect(parties.profile(COMPANY_GUID)).toMatchObject({
      address: ['Shop 3, Laxmi Road', 'Pune'],
      pincode: '411002',
      gstin: '27AAKFS1234M1Z5',
      phone: '020-24451234',
    });
  });

  it('trial balance FY 2024-25: every ledger closing, P&L A/c with its own opening only', () => {
    expect(trialBalanceFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31', GROUPS)).toEqual(TB_2024_25);
  });

  it("trial balance FY 2025-26: revenue ledgers restart, last year's profit moves into the P&L A/c row", () => {
    expect(trialBalanceFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31', GROUPS)).toEqual(TB_2025_26);
    expect(revenueOpenings(store, COMPANY_GUID, '2025-04-01', '2026-03-31').every((o) => o === 0)).toBe(true);
  });

  it('profit & loss per year: "Purchase - Local" is a direct expense, "Sales - Export" a direct income', () => {
    expect(profitLossFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31')).toEqual(PL_2024_25);
    expect(profitLossFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31')).toEqual(PL_2025_26);
  });

  it('outstanding bills per party as on a date (opening bills, a due date as credit period, On Account)', () => {
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

  it.each(STATEMENTS.map((s) => [`${s.ledger.slice(-2)} ${s.from}..${s.to}`, s] as const))(
    'ledger statement %s: opening, lines of posting vouchers only, closing',
    (_name, expected) => {
      expect(statementFigures(store, COMPANY_GUID, expected)).toEqual(expected);
    },
  );

  it('the day book lists every voucher — orders, notes, memoranda, reversing, post-dated, cancelled, optional', () => {
    const all = dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2099-12-31');
    expect(all).toEqual({ totalVouchers: ALL_VOUCHERS, offBooksVouchers: 10, vouchers: DAY_BOOK });
    expect(dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31')).toMatchObject({
      totalVouchers: 19,
      offBooksVouchers: 7,
    });
    expect(dayBookFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31')).toMatchObject({
      totalVouchers: 9,
      offBooksVouchers: 2,
    });
  });

  it('masters-only import into the company keeps its vouchers, or is refused in plain words', async () => {
    const before = dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2099-12-31');
    const tb = trialBalanceFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31', GROUPS);
    let outcome: SyncResult | AppError;
    try {
      outcome = await run(store, [MASTERS]);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = error;
    }
    if (outcome instanceof AppError) {
      expect(outcome.message).toMatch(/voucher|day book/i);
    } else {
      expect(outcome.vouchersDeleted).toBe(0);
    }
    expect(dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2099-12-31')).toEqual(before);
    expect(trialBalanceFigures(store, COMPANY_GUID, '2025-04-01', '2026-03-31', GROUPS)).toEqual(tb);
  });
});

describe('an export re-saved as UTF-8 by an editor (&#4; became "4")', () => {
  const SMALL_GROUPS = ['Current Assets', 'Current Liabilities', 'Sales Accounts', 'Purchase Accounts'];
  const figures = (store: Store) => ({
    tb: trialBalanceFigures(store, COMPANY_GUID, '2024-04-01', '2024-06-30', SMALL_GROUPS),
    pl: profitLossFigures(store, COMPANY_GUID, '2024-04-01', '2024-06-30'),
    receivable: outstandingFigures(store, COMPANY_GUID, 'receivable', '2024-06-30'),
    dayBook: dayBookFigures(store, COMPANY_GUID, '2024-04-01', '2025-03-31'),
  });

  it('the UTF-16 original gives the hand-computed figures', async () => {
    const store = freshStore();
    await run(store, [corpus('Small Export.xml')]);
    const f = figures(store);
    expect(f.tb).toEqual(SMALL_TB);
    expect([f.pl.grossProfit, f.pl.netProfit]).toEqual([SMALL_GROSS_PROFIT, SMALL_NET_PROFIT]);
    expect(f.receivable).toEqual(SMALL_RECEIVABLE_2024_06_30);
    expect(f.dayBook).toEqual({ totalVouchers: 7, offBooksVouchers: 3, vouchers: SMALL_DAY_BOOK });
  });

  it.each(['resaved-utf8.xml', 'resaved-utf8-bom.xml'])(
    '%s imports and gives the same figures as its UTF-16 original',
    async (name) => {
      const original = freshStore();
      await run(original, [corpus('Small Export.xml')]);
      const resaved = freshStore();
      const result = await run(resaved, [corpus(name)]);
      expect(result).toMatchObject({
        companyGuid: COMPANY_GUID,
        companyName: COMPANY_NAME,
        vouchersWritten: 7,
      });
      expect(figures(resaved)).toEqual(figures(original));
      expect(figures(resaved).tb).toEqual(SMALL_TB);
    },
  );
});
