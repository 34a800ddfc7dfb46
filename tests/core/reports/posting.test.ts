import type {
  CompanyRecord,
  GroupRecord,
  LedgerEntryRecord,
  LedgerRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { dayBook } from '../../../electron/core/reports/day-book';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { outstanding } from '../../../electron/core/reports/outstanding';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import type { ClosingStockProvider } from '../../../electron/core/reports/stock-value';
import { ledger, tempDir } from '../db/fixtures';
import { bill, handBooks, voucherTypes } from '../db/books';

/**
 * Posting as Tally posts (docs/TALLY.md): orders, inventory notes, memoranda, reversing journals,
 * cancelled and optional vouchers are stored and listed but change no balance; a post-dated voucher posts
 * once its date has come; a sub-group is treated by its primary group's nature whatever its own flags;
 * the parentless Profit & Loss A/c carries earlier years' results. Every expected figure below is worked
 * out by hand from the vouchers in this file (rupees × 100 = paise).
 */

const GUID = 'posting-co-0001';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Posting Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};

const groups: GroupRecord[] = [
  ...predefinedGroups((id) => `pg-${id}`, 1),
  // Flags as real exports carry them: wrong for the primary group they stand under.
  {
    guid: 'pg-local',
    name: 'Purchase - Local',
    parent: 'Purchase Accounts',
    nature: 'liability',
    isRevenue: false,
    affectsGrossProfit: false,
    reservedName: null,
    alterId: 2,
  },
  {
    guid: 'pg-export',
    name: 'Sales - Export',
    parent: 'Sales Accounts',
    nature: 'income',
    isRevenue: true,
    affectsGrossProfit: false,
    reservedName: null,
    alterId: 2,
  },
];

const ledgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 50_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -30_000_00 }),
  // Profit of the years before the books: ₹20,000 Cr. Openings sum to zero: 50,000 − 30,000 − 20,000.
  ledger('L-PL', 'Profit & Loss A/c', null, {
    reservedName: 'Profit & Loss A/c',
    openingBalance: -20_000_00,
  }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-EXPORT', 'Export Sales', 'Sales - Export'),
  ledger('L-LOCAL', 'Local Purchases', 'Purchase - Local'),
  ledger('L-RENT', 'Rent', 'Indirect Expenses'),
  ledger('L-ASHA', 'Asha Stores', 'Sundry Debtors', { isBillWise: true, creditPeriodDays: 30 }),
];

const types = voucherTypes('pt', [
  'Sales',
  'Purchase',
  'Receipt',
  'Payment',
  'Sales Order',
  'Delivery Note',
  'Memorandum',
  ['Counter Memo', 'Memorandum'],
  'Reversing Journal',
]);

const books = handBooks(ledgers);
const v = books.voucher;
/** A debit (with a new bill of 30 days when named) and a credit (against that bill). */
const dr = (guid: string, rupees: number, billName?: string): LedgerEntryRecord =>
  books.dr(guid, rupees, billName ? [bill(billName, 'New Ref', rupees, 30)] : []);
const cr = (guid: string, rupees: number, billName?: string): LedgerEntryRecord =>
  books.cr(guid, rupees, billName ? [bill(billName, 'Agst Ref', -rupees)] : []);

const posting = [
  v('V1', '2025-04-10', 'Sales', [dr('L-ASHA', 10_000, 'S1'), cr('L-SALES', 10_000)]),
  v('V2', '2025-05-05', 'Sales', [dr('L-CASH', 4_000), cr('L-EXPORT', 4_000)]),
  v('V3', '2025-06-01', 'Purchase', [dr('L-LOCAL', 6_000), cr('L-CASH', 6_000)]),
  v('V4', '2025-07-01', 'Payment', [dr('L-RENT', 1_500), cr('L-CASH', 1_500)]),
  // Post-dated: it waits until the company's date of last entry (its latest regular voucher) reaches
  // 1 Feb 2026, as Tally regularises post-dated vouchers; V4 of 1 Jul 2025 is the last entry so far.
  v('V5', '2026-02-01', 'Payment', [dr('L-RENT', 500), cr('L-CASH', 500)], { isPostDated: true }),
];
/** FY 2026-27: entries that move the date of last entry past V5's date. */
const later = [
  v('V6', '2026-04-15', 'Receipt', [dr('L-CASH', 10_000), cr('L-ASHA', 10_000, 'S1')]),
  v('V7', '2026-05-01', 'Sales', [dr('L-CASH', 3_000), cr('L-SALES', 3_000)]),
];
/** With ledger amounts, as real exports carry them; none of them may move a figure. */
const notPosting = [
  v('O1', '2025-04-08', 'Sales Order', [dr('L-ASHA', 99_000, 'SO1'), cr('L-SALES', 99_000)]),
  v('D1', '2025-04-09', 'Delivery Note', [dr('L-ASHA', 10_000), cr('L-SALES', 10_000)]),
  v('M1', '2025-05-20', 'Memorandum', [dr('L-RENT', 7_777), cr('L-CASH', 7_777)]),
  v('M2', '2025-05-21', 'Counter Memo', [dr('L-CASH', 1), cr('L-SALES', 1)]),
  v('R1', '2025-08-01', 'Reversing Journal', [dr('L-RENT', 3_333), cr('L-CASH', 3_333)]),
  // Cancelled vouchers need not balance; they are listed to explain the gap in numbering.
  v('C1', '2025-09-01', 'Sales', [dr('L-ASHA', 5_000, 'C1'), cr('L-SALES', 4_000)], { isCancelled: true }),
  v('P1', '2025-09-02', 'Sales', [dr('L-ASHA', 2_000, 'P1'), cr('L-SALES', 2_000)], { isOptional: true }),
];

const dir = tempDir('tc-posting-');
let store: Store;

function write(vouchers: VoucherRecord[], company: CompanyRecord = COMPANY): void {
  const writer = store.beginCompanyWrite(company, 'replace');
  writer.putGroups(groups);
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putVouchers(vouchers);
  writer.commit(company);
}
const masters = (): Masters => loadMasters(store.db, store.requireCompany(GUID));
const FY26 = { from: '2025-04-01', to: '2026-03-31' };
const FY27 = { from: '2026-04-01', to: '2027-03-31' };
const closings = (period: { from: string; to: string }): Record<string, number> =>
  Object.fromEntries(
    trialBalance(store.db, masters(), period)
      .rows.filter((r) => r.kind === 'ledger')
      .map((r) => [r.name, r.closing]),
  );

let n = 0;
beforeEach(() => {
  store = openStore(dir.path(`p${n++}.db`));
});
afterEach(() => store.close());
afterAll(() => dir.cleanup());

describe('posting as Tally posts', () => {
  it('lists orders, notes, memoranda, reversing journals, cancelled and optional vouchers without posting them', () => {
    write([...posting, ...notPosting]);
    expect(closings(FY26)).toEqual({
      Cash: 46_500_00, // 50,000 + 4,000 − 6,000 − 1,500
      Capital: -30_000_00,
      'Profit & Loss A/c': -20_000_00,
      Sales: -10_000_00,
      'Export Sales': -4_000_00,
      'Local Purchases': 6_000_00,
      Rent: 1_500_00,
      'Asha Stores': 10_000_00,
    });
    const book = dayBook(store.db, masters(), { ...FY26, page: 1, pageSize: 50 });
    expect(book.totalVouchers).toBe(12);
    expect(book.offBooksVouchers).toBe(8);
    expect(Object.fromEntries(book.vouchers.map((x) => [x.guid, x.offBooks]))).toEqual({
      O1: 'order',
      D1: 'inventory',
      V1: null,
      V2: null,
      M1: 'memorandum',
      M2: 'memorandum',
      V3: null,
      V4: null,
      R1: 'reversing-journal',
      C1: 'cancelled',
      P1: 'optional',
      V5: 'post-dated',
    });
    const rent = ledgerStatement(store.db, masters(), { ledgerGuid: 'L-RENT', ...FY26 });
    expect(rent.lines.map((l) => l.voucherNumber)).toEqual(['V4']);
    const receivables = outstanding(store.db, masters(), {
      kind: 'receivable',
      asOn: '2026-03-31',
      buckets: [30],
    });
    expect(receivables.parties.flatMap((p) => p.bills.map((b) => [b.billName, b.amount]))).toEqual([
      ['S1', 10_000_00],
    ]);
  });

  it('gives the same figures with and without the vouchers Tally does not post', () => {
    write(posting);
    const without = { tb: closings(FY26), pl: profitLoss(store.db, masters(), FY26) };
    write([...posting, ...notPosting]);
    expect(closings(FY26)).toEqual(without.tb);
    expect(profitLoss(store.db, masters(), FY26)).toEqual(without.pl);
  });

  it('treats a sub-group by its primary group, whatever flags it was exported with', () => {
    write(posting);
    const pl = profitLoss(store.db, masters(), FY26);
    // Sales 10,000 + Export Sales 4,000 (Sales - Export affects gross profit through Sales Accounts);
    // Local Purchases 6,000 is a direct expense although its sub-group said "not revenue".
    expect(pl.directIncomes.map((l) => [l.groupName, l.amount])).toEqual([['Sales Accounts', 14_000_00]]);
    expect(pl.directExpenses.map((l) => [l.groupName, l.amount])).toEqual([['Purchase Accounts', 6_000_00]]);
    expect(pl.grossProfit).toBe(8_000_00);
    expect(pl.netProfit).toBe(6_500_00); // − Rent 1,500
    const local = store.db
      .prepare(
        "SELECT nature, is_revenue, affects_gross_profit, primary_group FROM groups WHERE name = 'Purchase - Local'",
      )
      .get();
    expect(local).toEqual({
      nature: 'expense',
      is_revenue: 1,
      affects_gross_profit: 1,
      primary_group: 'Purchase Accounts',
    });
  });

  it('posts a post-dated voucher once the date of last entry reaches it, and takes it back when it does not', () => {
    write([...posting, ...notPosting]);
    expect(closings(FY26)).toMatchObject({ Cash: 46_500_00, Rent: 1_500_00 });
    // A receipt of 15 Apr 2026 moves the date of last entry past 1 Feb 2026: V5 posts.
    const merge = store.beginCompanyWrite(COMPANY, 'merge');
    merge.putVouchers([later[0]!]);
    merge.commit(COMPANY);
    expect(closings(FY26)).toMatchObject({ Cash: 46_000_00, Rent: 2_000_00 });
    expect(profitLoss(store.db, masters(), FY26).netProfit).toBe(6_000_00);
    const book = dayBook(store.db, masters(), { ...FY26, page: 1, pageSize: 50 });
    expect(book.vouchers.find((x) => x.guid === 'V5')?.offBooks).toBeNull();
    // Deleted again in Tally: the last entry is 1 Jul 2025 once more, and V5 waits.
    const undo = store.beginCompanyWrite(COMPANY, 'merge');
    undo.deleteVouchers(['V6']);
    expect(undo.commit(COMPANY).vouchersRemoved).toBe(1);
    expect(closings(FY26)).toMatchObject({ Cash: 46_500_00, Rent: 1_500_00 });
  });

  it('carries the year result into the Profit & Loss A/c, revenue ledgers restarting at 1 April', () => {
    write([...posting, ...later, ...notPosting]); // V7 of 1 May 2026 is the last entry: V5 posts
    const tb = trialBalance(store.db, masters(), FY27);
    const row = (name: string) => tb.rows.find((r) => r.name === name);
    // 20,000 before the books + FY 2025-26's net profit 6,000 (14,000 − 6,000 − 2,000).
    expect(row('Profit & Loss A/c')).toMatchObject({
      guid: 'L-PL',
      opening: -26_000_00,
      closing: -26_000_00,
    });
    expect(row('Sales')).toMatchObject({ opening: 0, credit: 3_000_00, closing: -3_000_00 });
    expect(row('Export Sales')).toBeUndefined();
    expect(row('Cash')).toMatchObject({ opening: 46_000_00, closing: 59_000_00 });
    expect(tb.closingDebit).toBe(59_000_00);
    expect(tb.closingCredit).toBe(59_000_00); // Capital 30,000 + P&L 26,000 + Sales 3,000
    const pl = ledgerStatement(store.db, masters(), { ledgerGuid: 'L-PL', ...FY27 });
    expect(pl.opening).toBe(-26_000_00);
  });

  it('restarts revenue ledgers for an import without a books-from date, from the first voucher', () => {
    write([...posting, ...later], { ...COMPANY, booksFrom: null });
    expect(store.requireCompany(GUID).booksFrom).toBeNull();
    expect(masters().booksBegin).toBe('2025-04-01');
    expect(closings(FY27)).toMatchObject({ Sales: -3_000_00, 'Profit & Loss A/c': -26_000_00 });
  });

  it('takes opening and closing stock into the gross profit, and the balance sheet agrees', () => {
    write(posting);
    // ₹12,000 of stock at 1 April, ₹15,500 at 31 March (as an inventory valuation would give them).
    const stock: ClosingStockProvider = (_db, _masters, { asOn }) => ({
      opening: 12_000_00,
      closing: asOn === FY26.to ? 15_500_00 : 12_000_00,
    });
    const pl = profitLoss(store.db, masters(), FY26, { stock });
    expect([pl.openingStock, pl.closingStock]).toEqual([12_000_00, 15_500_00]);
    expect(pl.grossProfit).toBe(8_000_00 + 3_500_00); // 14,000 − 6,000 + 15,500 − 12,000
    expect(pl.netProfit).toBe(10_000_00); // − Rent 1,500
    const bs = balanceSheet(store.db, masters(), { asOn: FY26.to }, { closingStock: stock });
    expect(bs.closingStock).toBe(15_500_00);
    expect(bs.profitAndLoss.currentPeriod).toBe(-pl.netProfit);
    expect(bs.totalAssets).toBe(bs.totalLiabilities);
    // Without stock ledgers there is no stock: the figures stay as they were.
    expect(profitLoss(store.db, masters(), FY26)).toMatchObject({
      openingStock: 0,
      closingStock: 0,
      grossProfit: 8_000_00,
    });
  });

  it("takes the stock from the Stock-in-Hand ledgers' closing values entered in Tally", () => {
    // Inventory not integrated: a stock ledger opening at ₹12,000, closing stock of ₹15,500 entered for
    // 31 March 2026 (LEDGERCLOSINGVALUES); the capital takes the opening so that openings agree.
    const withStock = ledgers.map((l) => (l.guid === 'L-CAP' ? { ...l, openingBalance: -42_000_00 } : l));
    withStock.push(
      ledger('L-STOCK', 'Stock of Rice', 'Stock-in-Hand', {
        openingBalance: 12_000_00,
        closingValues: [{ date: '2026-03-31', amount: 15_500_00 }],
      }),
    );
    const writer = store.beginCompanyWrite(COMPANY, 'replace');
    writer.putGroups(groups);
    writer.putVoucherTypes(types);
    writer.putLedgers(withStock);
    writer.putVouchers(posting);
    writer.commit(COMPANY);
    const pl = profitLoss(store.db, masters(), FY26);
    expect([pl.openingStock, pl.closingStock, pl.grossProfit, pl.netProfit]).toEqual([
      12_000_00,
      15_500_00,
      11_500_00, // 14,000 − 6,000 + 15,500 − 12,000
      10_000_00, // − Rent 1,500
    ]);
    // Before 31 March no closing value stands yet: the ledger's balance is the stock.
    expect(profitLoss(store.db, masters(), { from: FY26.from, to: '2026-03-30' }).closingStock).toBe(
      12_000_00,
    );
    const bs = balanceSheet(store.db, masters(), { asOn: FY26.to });
    expect(bs.closingStock).toBe(15_500_00);
    expect(bs.profitAndLoss.currentPeriod).toBe(-pl.netProfit);
    expect(bs.totalAssets).toBe(bs.totalLiabilities);
    expect(bs.openingDifference).toBe(0);
  });

  it('refuses a ledger without a group unless it is the Profit & Loss A/c', () => {
    const writer = store.beginCompanyWrite(COMPANY, 'replace');
    writer.putGroups(groups);
    expect(() => writer.putLedgers([ledger('L-X', 'Stray', null)])).toThrow(
      /Ledger "Stray".*no parent group/,
    );
  });

  it('still refuses an unbalanced voucher that posts', () => {
    const writer = store.beginCompanyWrite(COMPANY, 'replace');
    writer.putGroups(groups);
    writer.putVoucherTypes(types);
    writer.putLedgers(ledgers);
    expect(() =>
      writer.putVouchers([v('B1', '2025-04-01', 'Sales', [dr('L-CASH', 100), cr('L-SALES', 90)])]),
    ).toThrow(/does not balance: debits ₹100\.00, credits ₹90\.00/);
  });
});
