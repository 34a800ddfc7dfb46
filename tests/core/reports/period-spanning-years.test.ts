import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { ledgerMonthly } from '../../../electron/core/reports/ledger-monthly';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { stockLedgers } from '../../../electron/core/reports/stock-value';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import type { LedgerMonthly, LedgerStatement } from '../../../shared/types/reports';
import { ledger, tempDir } from '../db/fixtures';
import { handBooks, voucherTypes, writeHandBooks } from '../db/books';

/**
 * Issue 23 (B): over a period spanning 1 April, a revenue ledger's statement, monthly summary and trial
 * balance row follow one rule (docs/TALLY.md, "A period spanning two years"): the ledger opens at the
 * period's start (zero at the start of that financial year, earlier years being in the Profit & Loss
 * A/c) and its balance runs through the whole period without restarting at 1 April. Each page adds up on
 * its own: opening + debit − credit = closing, and the monthly running balance reaches the closing.
 */

const dir = tempDir('tc-span-');
afterAll(() => dir.cleanup());

/** A statement and a monthly summary each add up, and agree with each other. */
function expectAgree(statement: LedgerStatement, monthly: LedgerMonthly): void {
  const name = statement.ledger.name;
  expect({ name, closing: statement.opening + statement.totalDebit - statement.totalCredit }).toEqual({
    name,
    closing: statement.closing,
  });
  if (statement.lines.length > 0) expect(statement.lines.at(-1)!.balance).toBe(statement.closing);
  let running = monthly.opening;
  for (const m of monthly.months) {
    running += m.debit - m.credit;
    expect({ name, month: m.month, closing: m.closing }).toEqual({ name, month: m.month, closing: running });
  }
  expect({ name, closing: monthly.opening + monthly.totalDebit - monthly.totalCredit }).toEqual({
    name,
    closing: monthly.closing,
  });
  expect({ name, running }).toEqual({ name, running: monthly.closing });
  expect({ name, ...figures(monthly) }).toEqual({ name, ...figures(statement) });
}

const figures = (r: { opening: number; totalDebit: number; totalCredit: number; closing: number }) => ({
  opening: r.opening,
  debit: r.totalDebit,
  credit: r.totalCredit,
  closing: r.closing,
});

/*
 * Span Traders (books from 1 Apr 2024; rupees; debit positive). Sales, a revenue ledger:
 *   FY 2024-25: 12-Jun-24 5,000 Cr; 20-Nov-24 3,000 Cr            (into the P&L A/c at 1 Apr 2025)
 *   FY 2025-26: 18-Aug-25 1,500 Cr  → opening at 1 Oct 2025: 1,500 Cr
 *               10-Oct-25 2,000 Cr; 14-Feb-26 4,000 Cr; 25-Mar-26 500 Dr (a return)
 *   FY 2026-27: 05-Apr-26 7,000 Cr; 10-May-26 1,000 Dr (a return); 30-Jun-26 6,000 Cr
 * Period 1 Oct 2025 – 30 Jun 2026: opening 1,500 Cr, debit 1,500, credit 19,000, closing 19,000 Cr.
 * Month ends: Oct 3,500 Cr; Nov–Jan 3,500 Cr; Feb 7,500 Cr; Mar 7,000 Cr; Apr 14,000 Cr; May 13,000 Cr;
 * Jun 19,000 Cr — one balance through 1 April (the old monthly summary restarted there and closed at
 * 12,000 Cr, which neither its own opening + Dr − Cr nor the statement reached).
 */
describe('a revenue ledger over a period spanning 1 April, by hand', () => {
  const COMPANY: CompanyRecord = {
    guid: 'span-co-0001',
    name: 'Span Traders',
    source: 'import',
    booksFrom: '2024-04-01',
    masterAlterId: 10,
    voucherAlterId: 50,
  };
  const ledgers: LedgerRecord[] = [
    ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 10_000_00 }),
    ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -10_000_00 }),
    ledger('L-PL', 'Profit & Loss A/c', null, { reservedName: 'Profit & Loss A/c' }),
    ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ];
  const { voucher: v, cr, dr } = handBooks(ledgers);
  const sale = (guid: string, date: string, rupees: number) =>
    v(guid, date, 'Sales', [dr('L-CASH', rupees), cr('L-SALES', rupees)]);
  const refund = (guid: string, date: string, rupees: number) =>
    v(guid, date, 'Credit Note', [dr('L-SALES', rupees), cr('L-CASH', rupees)]);
  let store: Store;
  let masters: Masters;
  beforeAll(() => {
    store = openStore(dir.path('span.db'));
    masters = writeHandBooks(store, COMPANY, {
      voucherTypes: voucherTypes('t', ['Sales', 'Credit Note']),
      ledgers,
      vouchers: [
        sale('S1', '2024-06-12', 5_000),
        sale('S2', '2024-11-20', 3_000),
        sale('S3', '2025-08-18', 1_500),
        sale('S4', '2025-10-10', 2_000),
        sale('S5', '2026-02-14', 4_000),
        refund('R1', '2026-03-25', 500),
        sale('S6', '2026-04-05', 7_000),
        refund('R2', '2026-05-10', 1_000),
        sale('S7', '2026-06-30', 6_000),
      ],
    });
  });
  afterAll(() => store.close());
  const period = { from: '2025-10-01', to: '2026-06-30' };

  it('the statement, the monthly summary and the trial balance close at 19,000 Cr, each adding up', () => {
    const statement = ledgerStatement(store.db, masters, { ledgerGuid: 'L-SALES', ...period });
    const monthly = ledgerMonthly(store.db, masters, { ledgerGuid: 'L-SALES', ...period });
    const tb = trialBalance(store.db, masters, period);
    const expected = { opening: -1_500_00, debit: 1_500_00, credit: 19_000_00, closing: -19_000_00 };
    expect(figures(statement)).toEqual(expected);
    expect(figures(monthly)).toEqual(expected);
    const row = tb.rows.find((r) => r.guid === 'L-SALES')!;
    expect({ opening: row.opening, debit: row.debit, credit: row.credit, closing: row.closing }).toEqual(
      expected,
    );
    expect(monthly.months.map((m) => [m.month, m.closing / 100])).toEqual([
      ['2025-10', -3_500],
      ['2025-11', -3_500],
      ['2025-12', -3_500],
      ['2026-01', -3_500],
      ['2026-02', -7_500],
      ['2026-03', -7_000],
      ['2026-04', -14_000],
      ['2026-05', -13_000],
      ['2026-06', -19_000],
    ]);
    expectAgree(statement, monthly);
  });

  it('part months at both ends and whole years agree too', () => {
    for (const p of [
      { from: '2025-08-18', to: '2026-04-05' },
      { from: '2024-04-01', to: '2026-06-30' },
      { from: '2026-03-25', to: '2026-05-09' },
      { from: '2025-04-01', to: '2026-03-31' },
    ]) {
      const statement = ledgerStatement(store.db, masters, { ledgerGuid: 'L-SALES', ...p });
      const monthly = ledgerMonthly(store.db, masters, { ledgerGuid: 'L-SALES', ...p });
      expectAgree(statement, monthly);
      const row = trialBalance(store.db, masters, p).rows.find((r) => r.guid === 'L-SALES')!;
      expect(row.closing).toBe(statement.closing);
      expect(row.opening).toBe(statement.opening);
    }
  });
});

describe('every ledger of the demo company over a period spanning two years', () => {
  let store: Store;
  let masters: Masters;
  beforeAll(() => {
    store = openStore(dir.path('demo.db'));
    const { companyGuid } = loadDemoCompany(store, {
      vouchers: 2_000,
      seed: 29,
      years: 3,
      until: '2026-11-25',
    });
    masters = loadMasters(store.db, store.requireCompany(companyGuid));
  });
  afterAll(() => store.close());

  it('statement, monthly summary and trial balance agree and each adds up (1-Oct-25 to 30-Jun-26)', () => {
    const period = { from: '2025-10-01', to: '2026-06-30' };
    const tb = trialBalance(store.db, masters, period);
    const rows = new Map(tb.rows.filter((r) => r.kind === 'ledger').map((r) => [r.guid, r]));
    // The trial balance's P&L A/c carries earlier stock gains and the Stock-in-Hand ledgers lose their
    // openings to the items' stock: their rows are the trial balance's own, not the ledger's statement.
    const own = new Set([masters.profitAndLoss?.guid, ...stockLedgers(masters).map((l) => l.guid)]);
    let revenue = 0;
    for (const l of masters.ledgers.values()) {
      const statement = ledgerStatement(store.db, masters, { ledgerGuid: l.guid, ...period });
      const monthly = ledgerMonthly(store.db, masters, { ledgerGuid: l.guid, ...period });
      expectAgree(statement, monthly);
      if (own.has(l.guid)) continue;
      const row = rows.get(l.guid);
      expect({ name: l.name, ...figures(statement) }).toEqual({
        name: l.name,
        ...(row
          ? { opening: row.opening, debit: row.debit, credit: row.credit, closing: row.closing }
          : { opening: 0, debit: 0, credit: 0, closing: 0 }),
      });
      if (l.group.isRevenue && statement.lines.length > 0) revenue++;
    }
    expect(revenue).toBeGreaterThan(10);
  });
});
