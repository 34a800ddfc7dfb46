import { financialYearRange } from '../../../shared/dates';
import type { CompanyRecord, GroupRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import type { ClosingStockProvider } from '../../../electron/core/reports/stock-value';
import { groupSummary } from '../../../electron/core/reports/group-summary';
import { ledgerMonthly } from '../../../electron/core/reports/ledger-monthly';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import type { BalanceSheet } from '../../../shared/types/reports';
import { ledger, tempDir } from '../db/fixtures';
import { handBooks, voucherTypes } from '../db/books';

/**
 * Balance Sheet, trial balance order and difference line, Group Summary and ledger Monthly Summary on a
 * small hand-built company. Every expected figure is worked out by hand from the vouchers below
 * (rupees × 100 = paise; debit positive).
 *
 * Openings (books from 1 Apr 2024): Cash 45,000 Dr, Stock 5,000 Dr, Capital 40,000 Cr, Profit & Loss
 * A/c 10,000 Cr (profit before the books): they sum to zero.
 *
 * FY 2024-25: sales 20,000 (Asha, credit), purchases 12,000 (cash), rent 3,000 (cash): profit 5,000.
 * FY 2025-26 to 31 Dec 2025: receipt 15,000 from Asha; cash sales 9,000; purchases 8,000 on credit from
 * Ravi; paid Ravi 10,000 (2,000 advance: Current Liabilities turn debit); loan from Mehta 6,000; interest
 * 1,000 into the bank; rent 2,500 from the bank (bank overdrawn 1,500); 2,000 of the profit moved from the
 * Profit & Loss A/c to Capital; partner brings 5,000 (a user's own primary group); a cancelled sale of
 * 99,999 that must never count. Year so far: incomes 10,000 − expenses 10,500 = loss 500.
 */

const GUID = 'bs-co-0001';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Sheet Traders',
  source: 'import',
  booksFrom: '2024-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};

const groups: GroupRecord[] = [
  ...predefinedGroups((id) => `g-${id}`, 1),
  {
    guid: 'g-partners',
    name: "Partners' Funds",
    parent: null,
    nature: 'liability',
    isRevenue: false,
    affectsGrossProfit: false,
    reservedName: null,
    alterId: 2,
  },
];

const baseLedgers = (cashOpening = 45_000_00): LedgerRecord[] => [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: cashOpening }),
  ledger('L-BANK', 'HDFC Bank', 'Bank Accounts'),
  ledger('L-STOCK', 'Stock', 'Stock-in-Hand', { openingBalance: 5_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -40_000_00 }),
  ledger('L-PL', 'Profit & Loss A/c', null, {
    reservedName: 'Profit & Loss A/c',
    openingBalance: -10_000_00,
  }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PUR', 'Purchases', 'Purchase Accounts'),
  ledger('L-RENT', 'Rent', 'Indirect Expenses'),
  ledger('L-INT', 'Interest Received', 'Indirect Incomes'),
  ledger('L-ASHA', 'Asha Stores', 'Sundry Debtors'),
  ledger('L-RAVI', 'Ravi Supplies', 'Sundry Creditors'),
  ledger('L-MEHTA', 'Loan from Mehta', 'Unsecured Loans'),
  ledger('L-PARTNER', 'Partner Current A/c', "Partners' Funds"),
];

const types = voucherTypes('t', ['Sales', 'Purchase', 'Receipt', 'Payment', 'Journal']);

const { voucher: v, entry: e } = handBooks(baseLedgers());

const vouchers = [
  v('V1', '2024-05-10', 'Sales', [e('L-ASHA', 20_000), e('L-SALES', -20_000)]),
  v('V2', '2024-06-15', 'Purchase', [e('L-PUR', 12_000), e('L-CASH', -12_000)]),
  v('V3', '2024-07-01', 'Payment', [e('L-RENT', 3_000), e('L-CASH', -3_000)]),
  v('W1', '2025-04-20', 'Receipt', [e('L-CASH', 15_000), e('L-ASHA', -15_000)]),
  v('W2', '2025-05-05', 'Sales', [e('L-CASH', 9_000), e('L-SALES', -9_000)]),
  v('W3', '2025-05-20', 'Purchase', [e('L-PUR', 8_000), e('L-RAVI', -8_000)]),
  v('W4', '2025-06-10', 'Payment', [e('L-RAVI', 10_000), e('L-CASH', -10_000)]),
  v('W5', '2025-06-30', 'Receipt', [e('L-CASH', 6_000), e('L-MEHTA', -6_000)]),
  v('W6', '2025-07-15', 'Receipt', [e('L-BANK', 1_000), e('L-INT', -1_000)]),
  v('W7', '2025-08-01', 'Payment', [e('L-RENT', 2_500), e('L-BANK', -2_500)]),
  v('W8', '2025-09-10', 'Journal', [e('L-PL', 2_000), e('L-CAP', -2_000)]),
  v('W9', '2025-10-01', 'Receipt', [e('L-CASH', 5_000), e('L-PARTNER', -5_000)]),
  v('C1', '2025-10-05', 'Sales', [e('L-CASH', 99_999), e('L-SALES', -99_999)], { isCancelled: true }),
];

const dir = tempDir('tc-bs-');
let store: Store;
let n = 0;

function write(ledgers = baseLedgers()): Masters {
  store = openStore(dir.path(`bs${n++}.db`));
  const writer = store.beginCompanyWrite(COMPANY, 'replace');
  writer.putGroups(groups);
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putVouchers(vouchers);
  writer.commit(COMPANY);
  return loadMasters(store.db, store.requireCompany(GUID));
}
afterEach(() => store?.close());
afterAll(() => dir.cleanup());

const AS_ON = { asOn: '2025-12-31' };
const sides = (bs: BalanceSheet) => ({
  liabilities: bs.liabilities.map((l) => [l.name, l.amount]),
  assets: bs.assets.map((l) => [l.name, l.amount]),
});

describe('balance sheet', () => {
  it('balances by primary group, each on the side its balance puts it, with the P&L A/c last', () => {
    const masters = write();
    const bs = balanceSheet(store.db, masters, AS_ON);
    expect(bs.from).toBe('2025-04-01');
    expect(sides(bs)).toEqual({
      liabilities: [
        ['Capital Account', 42_000_00], // 40,000 + 2,000 moved from the P&L A/c
        ['Loans (Liability)', 6_000_00],
        ["Partners' Funds", 5_000_00], // a user's own liability group, after the predefined ones
        ['Profit & Loss A/c', 12_500_00], // 15,000 − 500 loss − 2,000 moved
      ],
      assets: [
        // Cash 55,000 − bank overdraft 1,500 + stock 5,000 + Asha 5,000
        ['Current Assets', 63_500_00],
        // Ravi owes us a 2,000 advance: a debit Current Liabilities stands among the assets
        ['Current Liabilities', 2_000_00],
      ],
    });
    expect(bs.totalLiabilities).toBe(65_500_00);
    expect(bs.totalAssets).toBe(65_500_00);
    expect(bs.openingDifference).toBe(0);
    expect(bs.closingStock).toBe(5_000_00);
    const current = bs.assets.find((l) => l.name === 'Current Assets')!;
    expect(current.children.map((c) => [c.kind, c.name, c.closing])).toEqual([
      ['closingStock', 'Closing Stock', 5_000_00],
      ['group', 'Bank Accounts', -1_500_00],
      ['group', 'Cash-in-Hand', 55_000_00],
      ['group', 'Sundry Debtors', 5_000_00],
    ]);
    expect(
      bs.assets.find((l) => l.name === 'Current Liabilities')!.children.map((c) => [c.name, c.closing]),
    ).toEqual([['Sundry Creditors', 2_000_00]]);
  });

  it('shows the Profit & Loss A/c as opening, current period and what was moved out of it', () => {
    const masters = write();
    const bs = balanceSheet(store.db, masters, AS_ON);
    // Opening: 10,000 before the books + FY 2024-25's profit 5,000 (Cr). Current period: loss 500 (Dr).
    expect(bs.profitAndLoss).toEqual({
      opening: -15_000_00,
      currentPeriod: 500_00,
      transferred: 2_000_00,
      closing: -12_500_00,
    });
    // The current period is the Profit & Loss report's net result for the same months.
    const pl = profitLoss(store.db, masters, { from: '2025-04-01', to: '2025-12-31' });
    expect(pl.netProfit).toBe(-500_00);
    expect(bs.profitAndLoss.currentPeriod).toBe(-pl.netProfit);
    // In the books' first year the opening is the ledger's own only.
    const first = balanceSheet(store.db, masters, { asOn: '2025-03-31' });
    expect(first.profitAndLoss).toEqual({
      opening: -10_000_00,
      currentPeriod: -5_000_00,
      transferred: 0,
      closing: -15_000_00,
    });
    expect(first.totalAssets).toBe(first.totalLiabilities);
    expect(first.totalAssets).toBe(55_000_00); // Cash 30,000 + Stock 5,000 + Asha 20,000
  });

  it('shows the difference in opening balances on the side that makes it balance', () => {
    // Cash opened 700 too high: the openings sum to 700 Dr, shown as 700 among the liabilities.
    let masters = write(baseLedgers(45_700_00));
    let bs = balanceSheet(store.db, masters, AS_ON);
    expect(bs.openingDifference).toBe(700_00);
    expect(bs.liabilities.at(-1)).toMatchObject({
      kind: 'openingDifference',
      name: 'Difference in opening balances',
      closing: -700_00,
      amount: 700_00,
    });
    expect(bs.totalAssets).toBe(66_200_00);
    expect(bs.totalLiabilities).toBe(66_200_00);
    store.close();
    // 1,000 too low: 1,000 Cr short, shown among the assets.
    masters = write(baseLedgers(44_000_00));
    bs = balanceSheet(store.db, masters, AS_ON);
    expect(bs.openingDifference).toBe(-1_000_00);
    expect(bs.assets.at(-1)).toMatchObject({ kind: 'openingDifference', amount: 1_000_00 });
    expect(bs.totalAssets).toBe(bs.totalLiabilities);
    expect(bs.totalAssets).toBe(65_500_00); // Current Assets 62,500 + 2,000 + 1,000
  });

  it('takes an injected closing stock and still balances through the P&L A/c', () => {
    const masters = write();
    // An inventory valuation: 6,000 at the start of the year, 9,000 now (the ledgers say 5,000 and 5,000).
    const valuation: ClosingStockProvider = () => ({ opening: 6_000_00, closing: 9_000_00 });
    const bs = balanceSheet(store.db, masters, AS_ON, { closingStock: valuation });
    expect(bs.closingStock).toBe(9_000_00);
    expect(bs.profitAndLoss).toEqual({
      opening: -16_000_00, // 1,000 more stock at the start: earlier years' profit
      currentPeriod: -2_500_00, // stock up 3,000 this year: loss 500 becomes profit 2,500
      transferred: 2_000_00,
      closing: -16_500_00,
    });
    expect(bs.totalAssets).toBe(69_500_00);
    expect(bs.totalLiabilities).toBe(69_500_00);
  });
});

describe('trial balance as Tally orders it', () => {
  it("lists primary groups in Tally's order, a user's own after its nature's, then P&L A/c", () => {
    const masters = write();
    const tb = trialBalance(store.db, masters, financialYearRange('2025-26'));
    expect(tb.rows.filter((r) => r.depth === 0).map((r) => r.name)).toEqual([
      'Capital Account',
      'Loans (Liability)',
      'Current Liabilities',
      'Current Assets',
      "Partners' Funds",
      'Sales Accounts',
      'Purchase Accounts',
      'Indirect Incomes',
      'Indirect Expenses',
      'Profit & Loss A/c',
    ]);
    expect(tb.rows.some((r) => r.kind === 'difference')).toBe(false);
    expect(tb.closingDebit).toBe(tb.closingCredit);
  });

  it('adds the difference in opening balances, so both closing columns agree', () => {
    const masters = write(baseLedgers(45_700_00));
    const tb = trialBalance(store.db, masters, financialYearRange('2025-26'));
    expect(tb.rows.at(-1)).toEqual({
      guid: 'difference-in-opening-balances',
      name: 'Difference in opening balances',
      kind: 'difference',
      depth: 0,
      parentGuid: null,
      opening: -700_00,
      debit: 0,
      credit: 0,
      closing: -700_00,
    });
    expect(tb.closingDebit).toBe(tb.closingCredit);
  });
});

describe('group summary and monthly summary', () => {
  it("gives a group's sub-groups and ledgers with opening, debit, credit and closing", () => {
    const masters = write();
    const period = { from: '2025-04-01', to: '2025-12-31' };
    const current = groupSummary(store.db, masters, { groupName: 'Current Assets', ...period });
    const figures = (rows: typeof current.rows) =>
      rows.map((r) => [r.kind, r.name, r.opening, r.debit, r.credit, r.closing]);
    expect(figures(current.rows)).toEqual([
      ['group', 'Bank Accounts', 0, 1_000_00, 2_500_00, -1_500_00],
      ['group', 'Cash-in-Hand', 30_000_00, 35_000_00, 10_000_00, 55_000_00],
      ['group', 'Stock-in-Hand', 5_000_00, 0, 0, 5_000_00],
      ['group', 'Sundry Debtors', 20_000_00, 0, 15_000_00, 5_000_00],
    ]);
    expect(current.total).toEqual({
      opening: 55_000_00,
      debit: 36_000_00,
      credit: 27_500_00,
      closing: 63_500_00,
    });
    expect(current.group).toMatchObject({ name: 'Current Assets', parent: null });
    const sales = groupSummary(store.db, masters, { groupName: 'Sales Accounts', ...period });
    // Revenue restarts on 1 April; the cancelled sale never counts.
    expect(figures(sales.rows)).toEqual([['ledger', 'Sales', 0, 0, 9_000_00, -9_000_00]]);
    expect(() => groupSummary(store.db, masters, { groupName: 'Nope', ...period })).toThrow(/No group named/);
  });

  it("gives a ledger's months from the summary table, partial months from the entries", () => {
    const masters = write();
    const cash = ledgerMonthly(store.db, masters, {
      ledgerGuid: 'L-CASH',
      from: '2025-04-15',
      to: '2025-07-20',
    });
    expect(cash.opening).toBe(30_000_00);
    expect(cash.months).toEqual([
      { month: '2025-04', debit: 15_000_00, credit: 0, closing: 45_000_00 },
      { month: '2025-05', debit: 9_000_00, credit: 0, closing: 54_000_00 },
      { month: '2025-06', debit: 6_000_00, credit: 10_000_00, closing: 50_000_00 },
      { month: '2025-07', debit: 0, credit: 0, closing: 50_000_00 },
    ]);
    expect([cash.totalDebit, cash.totalCredit, cash.closing]).toEqual([30_000_00, 10_000_00, 50_000_00]);
    // A revenue ledger opens at the start of the period's first year and, like its statement and the
    // trial balance, runs on through 1 April (tests/core/reports/period-spanning-years.test.ts).
    const sales = ledgerMonthly(store.db, masters, {
      ledgerGuid: 'L-SALES',
      from: '2025-03-01',
      to: '2025-05-31',
    });
    expect(sales.opening).toBe(-20_000_00);
    expect(sales.months.map((m) => [m.month, m.credit, m.closing])).toEqual([
      ['2025-03', 0, -20_000_00],
      ['2025-04', 0, -20_000_00],
      ['2025-05', 9_000_00, -29_000_00],
    ]);
    // From 1 April it opens at zero: the earlier year is in the Profit & Loss A/c.
    const year = ledgerMonthly(store.db, masters, {
      ledgerGuid: 'L-SALES',
      from: '2025-04-01',
      to: '2025-05-31',
    });
    expect([year.opening, year.closing]).toEqual([0, -9_000_00]);
  });
});

describe('balance sheet invariant on the demo company', () => {
  it('balances to the paisa at every financial year end, with no difference in opening balances', () => {
    store = openStore(dir.path('demo.db'));
    const { companyGuid } = loadDemoCompany(store, { vouchers: 3_000, seed: 7, until: '2026-11-25' });
    const masters = loadMasters(store.db, store.requireCompany(companyGuid));
    for (const fy of ['2024-25', '2025-26', '2026-27']) {
      const { from, to } = financialYearRange(fy);
      const bs = balanceSheet(store.db, masters, { asOn: to });
      expect(bs.totalAssets).toBeGreaterThan(0);
      expect(bs.totalAssets).toBe(bs.totalLiabilities);
      expect(bs.openingDifference).toBe(0);
      expect([...bs.assets, ...bs.liabilities].some((l) => l.kind === 'openingDifference')).toBe(false);
      expect(bs.profitAndLoss.currentPeriod).toBe(-profitLoss(store.db, masters, { from, to }).netProfit);
      // Each group line adds up its children.
      for (const line of [...bs.assets, ...bs.liabilities].filter((l) => l.kind === 'group')) {
        expect(line.children.reduce((s, c) => s + c.closing, 0)).toBe(line.closing);
      }
    }
  });
});
