import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import {
  balanceSheetColumn,
  compareBalanceSheets,
  compareGroupSummaries,
  compareProfitLoss,
  compareTrialBalances,
  mergeOrder,
  resolveColumn,
} from '../../../electron/core/reports/comparison';
import { groupSummary } from '../../../electron/core/reports/group-summary';
import type { Masters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import { ledger, tempDir } from '../db/fixtures';
import { handBooks, voucherTypes, writeHandBooks } from '../db/books';

/*
 * Compare Traders (books from 1 Apr 2024; rupees; debit positive), worked by hand:
 *   FY 2024-25: 10-May purchase 4,000 on credit (Supplier); 12-Jun cash sale 6,000; 1-Jul rent 1,000 cash.
 *   FY 2025-26: 5-May cash purchase 3,000; 18-Aug cash sale 9,000; 1-Sep advertising 1,500 cash;
 *               1-Oct Supplier paid 4,000.
 * Rent is in 2024-25 only, Advertising in 2025-26 only.
 * P&L 2025-26: sales 9,000, purchases 3,000, gross 6,000, advertising 1,500, net 4,500.
 * P&L 2024-25: sales 6,000, purchases 4,000, gross 2,000, rent 1,000, net 1,000.
 * Trial balance 2025-26: Cash 15,500 Dr (15,000 + 9,000 − 3,000 − 1,500 − 4,000), Capital 10,000 Cr,
 *   Supplier 0 (opened 4,000 Cr, paid), P&L A/c 1,000 Cr (last year's profit), Sales 9,000 Cr,
 *   Purchases 3,000 Dr, Advertising 1,500 Dr: closing 20,000 Dr = 20,000 Cr.
 * Trial balance 2024-25: Cash 15,000 Dr, Capital 10,000 Cr, Supplier 4,000 Cr, Sales 6,000 Cr,
 *   Purchases 4,000 Dr, Rent 1,000 Dr: closing 20,000 Dr = 20,000 Cr.
 * Balance sheet 31-Mar-2026: Capital 10,000 + P&L A/c 5,500 = Cash 15,500; 31-Mar-2025: Capital 10,000 +
 *   Supplier 4,000 (Current Liabilities) + P&L A/c 1,000 = Cash 15,000.
 */
const dir = tempDir('tc-compare-');
afterAll(() => dir.cleanup());

const COMPANY: CompanyRecord = {
  guid: 'compare-co-0001',
  name: 'Compare Traders',
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
  ledger('L-PURCH', 'Purchases', 'Purchase Accounts'),
  ledger('L-SUP', 'Supplier', 'Sundry Creditors'),
  ledger('L-RENT', 'Rent', 'Indirect Expenses'),
  ledger('L-ADV', 'Advertising', 'Indirect Expenses'),
];
const { voucher: v, cr, dr } = handBooks(ledgers);

let store: Store;
let masters: Masters;
beforeAll(() => {
  store = openStore(dir.path('compare.db'));
  masters = writeHandBooks(store, COMPANY, {
    voucherTypes: voucherTypes('t', ['Sales', 'Purchase', 'Payment']),
    ledgers,
    vouchers: [
      v('P1', '2024-05-10', 'Purchase', [dr('L-PURCH', 4_000), cr('L-SUP', 4_000)]),
      v('S1', '2024-06-12', 'Sales', [dr('L-CASH', 6_000), cr('L-SALES', 6_000)]),
      v('R1', '2024-07-01', 'Payment', [dr('L-RENT', 1_000), cr('L-CASH', 1_000)]),
      v('P2', '2025-05-05', 'Purchase', [dr('L-PURCH', 3_000), cr('L-CASH', 3_000)]),
      v('S2', '2025-08-18', 'Sales', [dr('L-CASH', 9_000), cr('L-SALES', 9_000)]),
      v('A1', '2025-09-01', 'Payment', [dr('L-ADV', 1_500), cr('L-CASH', 1_500)]),
      v('Y1', '2025-10-01', 'Payment', [dr('L-SUP', 4_000), cr('L-CASH', 4_000)]),
    ],
  });
});
afterAll(() => store.close());

const THIS_YEAR = { from: '2025-04-01', to: '2026-03-31' };
const LAST_YEAR = { from: '2024-04-01', to: '2025-03-31' };
const rupees = (paise: number[]) => paise.map((p) => p / 100);

describe('mergeOrder', () => {
  it('keeps each list’s order and puts a key new to the union beside its neighbours', () => {
    expect(mergeOrder([['a', 'c', 'e'], ['a', 'b', 'c', 'd'], ['x']])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'x',
    ]);
    // New keys at the head of a list go before its first known key.
    expect(
      mergeOrder([
        ['c', 'd'],
        ['a', 'b', 'd'],
      ]),
    ).toEqual(['c', 'a', 'b', 'd']);
    expect(mergeOrder([['b'], ['a', 'b', 'c']])).toEqual(['a', 'b', 'c']);
    expect(mergeOrder([])).toEqual([]);
  });
});

describe('columns as asked', () => {
  it('an as-on date runs from its financial year’s start; a balance sheet is as on a period’s end', () => {
    expect(resolveColumn({ asOn: '2025-09-30' }, 4)).toEqual({ from: '2025-04-01', to: '2025-09-30' });
    expect(resolveColumn({ from: '2025-05-01', to: '2025-05-31' }, 4)).toEqual({
      from: '2025-05-01',
      to: '2025-05-31',
    });
    expect(balanceSheetColumn({ from: '2025-05-01', to: '2026-01-31' }, 4)).toEqual({
      from: '2025-04-01',
      to: '2026-01-31',
    });
    expect(balanceSheetColumn({ asOn: '2025-12-31' }, 1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('two years side by side, by hand', () => {
  it('P&L: a ledger of one year only stands with zero in the other; difference = current − previous', () => {
    const columns = [THIS_YEAR, LAST_YEAR];
    const cmp = compareProfitLoss(
      columns,
      columns.map((c) => profitLoss(store.db, masters, c)),
    );
    expect(cmp.columns).toEqual(columns);
    expect(rupees(cmp.netProfit)).toEqual([4_500, 1_000]);
    expect(rupees(cmp.grossProfit)).toEqual([6_000, 2_000]);
    const sales = cmp.directIncomes.find((l) => l.groupName === 'Sales Accounts')!;
    expect(rupees(sales.amounts)).toEqual([9_000, 6_000]);
    expect(sales.difference).toBe(3_000_00);
    const purchases = cmp.directExpenses.find((l) => l.groupName === 'Purchase Accounts')!;
    expect(purchases.difference).toBe(-1_000_00);
    const indirect = cmp.indirectExpenses.find((l) => l.groupName === 'Indirect Expenses')!;
    expect(rupees(indirect.amounts)).toEqual([1_500, 1_000]);
    expect(indirect.difference).toBe(500_00);
    expect(indirect.ledgers.map((l) => [l.name, ...rupees(l.amounts), (l.difference ?? 0) / 100])).toEqual([
      ['Advertising', 1_500, 0, 1_500],
      ['Rent', 0, 1_000, -1_000],
    ]);
    // Each column's lines add up to that column's own P&L.
    cmp.reports.forEach((report, i) => {
      const sum = (lines: { amounts: number[] }[]) => lines.reduce((s, l) => s + l.amounts[i]!, 0);
      expect(
        sum(cmp.directIncomes) -
          sum(cmp.directExpenses) +
          cmp.closingStock[i]! -
          cmp.openingStock[i]! +
          sum(cmp.indirectIncomes) -
          sum(cmp.indirectExpenses),
      ).toBe(report.netProfit);
    });
  });

  it('trial balance: rows of either year under their groups, zero where absent, closing totals per column', () => {
    const columns = [THIS_YEAR, LAST_YEAR];
    const cmp = compareTrialBalances(
      columns,
      columns.map((c) => trialBalance(store.db, masters, c)),
    );
    const row = (name: string) => cmp.rows.find((r) => r.name === name)!;
    expect(rupees(row('Cash').closing)).toEqual([15_500, 15_000]);
    expect(row('Cash').difference).toBe(500_00);
    expect(rupees(row('Rent').closing)).toEqual([0, 1_000]);
    expect(row('Rent').difference).toBe(-1_000_00);
    expect(rupees(row('Advertising').closing)).toEqual([1_500, 0]);
    expect(rupees(row('Profit & Loss A/c').closing)).toEqual([-1_000, 0]);
    expect(rupees(row('Supplier').closing)).toEqual([0, -4_000]);
    // Rent and Advertising both stand under Indirect Expenses, right after it and before the next group.
    const names = cmp.rows.map((r) => r.name);
    const at = names.indexOf('Indirect Expenses');
    expect(names.slice(at, at + 3)).toEqual(['Indirect Expenses', 'Advertising', 'Rent']);
    expect(row('Rent').parentGuid).toBe(row('Indirect Expenses').guid);
    expect(rupees(cmp.closingDebit)).toEqual([20_000, 20_000]);
    expect(rupees(cmp.closingCredit)).toEqual([20_000, 20_000]);
    // The ledger rows' closing balances sum, per column, to its own closing totals.
    for (const i of [0, 1]) {
      const leaves = cmp.rows.filter((r) => r.kind !== 'group');
      expect(leaves.reduce((s, r) => s + Math.max(r.closing[i]!, 0), 0)).toBe(cmp.closingDebit[i]);
      expect(leaves.reduce((s, r) => s + Math.max(-r.closing[i]!, 0), 0)).toBe(cmp.closingCredit[i]);
    }
    // Every key once.
    expect(new Set(cmp.rows.map((r) => `${r.kind}:${r.guid}`)).size).toBe(cmp.rows.length);
  });

  it('balance sheet: each column’s sides add up to its own totals; a line of one date only has zero at the other', () => {
    const columns = [THIS_YEAR, LAST_YEAR].map((c) => ({ from: c.from, to: c.to }));
    const cmp = compareBalanceSheets(
      columns,
      columns.map((c) => balanceSheet(store.db, masters, { asOn: c.to })),
    );
    expect(rupees(cmp.totalLiabilities)).toEqual([15_500, 15_000]);
    expect(rupees(cmp.totalAssets)).toEqual([15_500, 15_000]);
    for (const side of ['liabilities', 'assets'] as const) {
      const totals = side === 'assets' ? cmp.totalAssets : cmp.totalLiabilities;
      for (const i of [0, 1]) expect(cmp[side].reduce((s, l) => s + l.amounts[i]!, 0)).toBe(totals[i]);
    }
    const pl = cmp.liabilities.find((l) => l.kind === 'profitAndLoss')!;
    expect(rupees(pl.amounts)).toEqual([5_500, 1_000]);
    expect(pl.difference).toBe(4_500_00);
    const creditors = cmp.liabilities.find((l) => l.name === 'Current Liabilities')!;
    expect(rupees(creditors.amounts)).toEqual([0, 4_000]);
    expect(creditors.difference).toBe(-4_000_00);
  });

  it('group summary: the group’s ledgers of both years with their closing balances and difference', () => {
    const columns = [THIS_YEAR, LAST_YEAR];
    const cmp = compareGroupSummaries(
      columns,
      columns.map((c) =>
        groupSummary(store.db, masters, { groupName: 'Indirect Expenses', stock: 'opening', ...c }),
      ),
    );
    expect(cmp.rows.map((r) => [r.name, ...rupees(r.closing), (r.difference ?? 0) / 100])).toEqual([
      ['Advertising', 1_500, 0, 1_500],
      ['Rent', 0, 1_000, -1_000],
    ]);
    expect(rupees(cmp.total.closing)).toEqual([1_500, 1_000]);
  });

  it('one column has no difference; three columns keep the third beside the others', () => {
    const one = compareProfitLoss([THIS_YEAR], [profitLoss(store.db, masters, THIS_YEAR)]);
    expect(one.directIncomes[0]!.difference).toBeNull();
    const half = { from: '2025-04-01', to: '2025-09-30' };
    const three = [THIS_YEAR, LAST_YEAR, half];
    const cmp = compareProfitLoss(
      three,
      three.map((c) => profitLoss(store.db, masters, c)),
    );
    expect(rupees(cmp.netProfit)).toEqual([4_500, 1_000, 4_500]);
    const sales = cmp.directIncomes[0]!;
    expect(rupees(sales.amounts)).toEqual([9_000, 6_000, 9_000]);
    expect(sales.difference).toBe(3_000_00);
  });
});
