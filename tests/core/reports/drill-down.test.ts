import { addDays, financialYearRange } from '../../../shared/dates';
import type { LedgerEntryRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import { groupSummary } from '../../../electron/core/reports/group-summary';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { stockSummary } from '../../../electron/core/reports/stock-summary';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import type { BalanceSheet, GroupSummary, TrialBalance } from '../../../shared/types/reports';
import {
  ledger,
  stockLine,
  TINY,
  tempDir,
  tinyGroups,
  tinyLedgers,
  tinyStockItems,
  tinyVoucherTypes,
  voucher,
} from '../db/fixtures';

/**
 * Issue 23 (A): a group's figure never changes when it is opened. For every group row of the trial
 * balance, the Group Summary of that group over the same period totals the row (opening, debit, credit,
 * closing), the stock included where the trial balance puts it (Opening Stock under Stock-in-Hand); from
 * the balance sheet, the Group Summary as on its date (the closing stock in place of Stock-in-Hand) totals
 * each group's closing. Checked on a small company with stock and a Stock-in-Hand ledger worked by hand,
 * and on the demo company for whole years, part years and a period spanning two years.
 */

const dir = tempDir('tc-drill-');
afterAll(() => dir.cleanup());

const amounts = (a: { opening: number; debit: number; credit: number; closing: number }) => ({
  opening: a.opening,
  debit: a.debit,
  credit: a.credit,
  closing: a.closing,
});

/** Every group row of the trial balance equals the total of its Group Summary; the summary adds up. */
function expectTrialBalanceDrillsTo(store: Store, masters: Masters, tb: TrialBalance): number {
  let checked = 0;
  const byName = new Map(tb.rows.filter((r) => r.kind === 'group').map((r) => [r.name, r]));
  for (const row of tb.rows.filter((r) => r.kind === 'group')) {
    const gs = groupSummary(store.db, masters, { groupName: row.name, from: tb.from, to: tb.to });
    expect({ group: row.name, ...amounts(gs.total) }).toEqual({ group: row.name, ...amounts(row) });
    expectAddsUp(gs);
    // Each sub-group row is that group's trial balance row, and opening + Dr − Cr = closing on every row.
    for (const sub of gs.rows) {
      expect(sub.opening + sub.debit - sub.credit).toBe(sub.closing);
      if (sub.kind === 'group') {
        expect({ group: sub.name, ...amounts(sub) }).toEqual({
          group: sub.name,
          ...amounts(byName.get(sub.name)!),
        });
      }
    }
    checked++;
  }
  return checked;
}

/** Every group of the balance sheet (lines and their sub-groups) closes in its Group Summary as on the date. */
function expectBalanceSheetDrillsTo(store: Store, masters: Masters, bs: BalanceSheet): number {
  let checked = 0;
  const lines = [...bs.assets, ...bs.liabilities].filter((l) => l.kind === 'group');
  const drill = (name: string) =>
    groupSummary(store.db, masters, { groupName: name, from: bs.from, to: bs.asOn, stock: 'closing' });
  for (const line of lines) {
    const gs = drill(line.name);
    expect({ group: line.name, closing: gs.total.closing }).toEqual({
      group: line.name,
      closing: line.closing,
    });
    expectAddsUp(gs);
    for (const child of line.children) {
      if (child.kind !== 'group') continue;
      expect({ group: child.name, closing: drill(child.name).total.closing }).toEqual({
        group: child.name,
        closing: child.closing,
      });
    }
    checked++;
  }
  return checked;
}

function expectAddsUp(gs: GroupSummary): void {
  const sum = (pick: (r: GroupSummary['rows'][number]) => number) => gs.rows.reduce((s, r) => s + pick(r), 0);
  expect({
    opening: sum((r) => r.opening),
    debit: sum((r) => r.debit),
    credit: sum((r) => r.credit),
    closing: sum((r) => r.closing),
  }).toEqual(amounts(gs.total));
  expect(gs.total.opening + gs.total.debit - gs.total.credit).toBe(gs.total.closing);
}

/*
 * Tiny Traders with stock (paise), as tests/core/inventory/stock-totals.test.ts, plus a Stock-in-Hand
 * ledger "Godown Stock" whose opening 1,500.00 Dr mirrors the items' opening stock (capital 16,500.00 Cr
 * = cash 10,000 + Asha 5,000 + stock 1,500). Stock: 1,500.00 on 1-Apr-25, 3,400.00 on 31-Mar-26,
 * 1,933.33 on 30-Sep-26 (worked there). FY 2026-27 inwards: Gadget +4 Nos 1,200.00.
 */
describe('drilling into groups on a small company with stock', () => {
  let store: Store;
  const items = tinyStockItems;
  const line = stockLine;
  const ledgers: LedgerRecord[] = [
    ...tinyLedgers.map((l) =>
      l.guid === 'L-CAP'
        ? { ...l, openingBalance: -16_500_00 }
        : { ...l, isBillWise: false, openingBills: [] },
    ),
    ledger('L-STOCK', 'Godown Stock', 'Stock-in-Hand', { openingBalance: 1_500_00 }),
  ];
  const e = (ledgerGuid: string, amount: number): LedgerEntryRecord => ({
    ledgerGuid,
    ledgerName: ledgers.find((l) => l.guid === ledgerGuid)!.name,
    amount,
    bills: [],
  });
  beforeAll(() => {
    store = openStore(dir.path('small.db'));
    const writer = store.beginCompanyWrite(TINY, 'replace');
    writer.putGroups(tinyGroups);
    writer.putVoucherTypes(tinyVoucherTypes);
    writer.putLedgers(ledgers);
    writer.putStockItems(items);
    writer.putVouchers([
      voucher('P1', '2025-05-10', 'Purchase', 'P1', [e('L-PURCH', 5_000_00), e('L-B', -5_000_00)], {
        inventory: [line('Widget', 20, 3_000_00), line('Gadget', 10, 2_000_00)],
      }),
      voucher('S1', '2025-06-15', 'Sales', 'S1', [e('L-A', 4_000_00), e('L-SALES', -4_000_00)], {
        inventory: [line('Widget', -15, -3_000_00), line('Gadget', -8, -1_000_00)],
      }),
      voucher('P2', '2026-04-20', 'Purchase', 'P2', [e('L-PURCH', 1_200_00), e('L-B', -1_200_00)], {
        inventory: [line('Gadget', 4, 1_200_00)],
      }),
      voucher('S2', '2026-05-05', 'Sales', 'S2', [e('L-A', 2_500_00), e('L-SALES', -2_500_00)], {
        inventory: [line('Widget', -5, -1_000_00), line('Gadget', -9, -1_500_00)],
      }),
    ]);
    writer.commit(TINY);
  });
  afterAll(() => store.close());
  const masters = () => loadMasters(store.db, store.requireCompany(TINY.guid));

  it('the trial balance Current Assets 24,900.00 Dr stays 24,900.00 Dr in its Group Summary', () => {
    const m = masters();
    const period = { from: '2026-04-01', to: '2026-09-30' };
    const tb = trialBalance(store.db, m, period);
    // Cash 10,000 + Asha (9,000 + 2,500) + Opening Stock 3,400 (the ledger's own opening left out).
    expect(tb.rows.find((r) => r.name === 'Current Assets')).toMatchObject({
      opening: 22_400_00,
      debit: 2_500_00,
      credit: 0,
      closing: 24_900_00,
    });
    const current = groupSummary(store.db, m, { groupName: 'Current Assets', ...period });
    expect(current.total).toEqual({ opening: 22_400_00, debit: 2_500_00, credit: 0, closing: 24_900_00 });
    expect(current.rows.find((r) => r.name === 'Stock-in-Hand')).toMatchObject({
      kind: 'group',
      opening: 3_400_00,
      closing: 3_400_00,
    });
    // Stock-in-Hand shows the trial balance's Opening Stock row, not "nothing".
    const stock = groupSummary(store.db, m, { groupName: 'Stock-in-Hand', ...period });
    expect(stock.rows).toEqual([
      {
        guid: 'opening-stock',
        name: 'Opening Stock',
        kind: 'stock',
        opening: 3_400_00,
        debit: 0,
        credit: 0,
        closing: 3_400_00,
      },
    ]);
    expect(stock.total.closing).toBe(3_400_00);
    expect(expectTrialBalanceDrillsTo(store, m, tb)).toBeGreaterThanOrEqual(8);
  });

  it('every group of the trial balance, over whole years and a period spanning two years', () => {
    const m = masters();
    for (const period of [
      { from: '2025-04-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2027-03-31' },
      { from: '2025-10-01', to: '2026-06-30' },
      { from: '2025-05-11', to: '2026-05-04' },
    ]) {
      expectTrialBalanceDrillsTo(store, m, trialBalance(store.db, m, period));
    }
  });

  it('the balance sheet closing stock 1,933.33 under Current Assets stays in its Group Summary', () => {
    const m = masters();
    const bs = balanceSheet(store.db, m, { asOn: '2026-09-30' });
    const current = bs.assets.find((l) => l.name === 'Current Assets')!;
    // Cash 10,000 + Asha 11,500 + closing stock 1,933.33 (the Stock-in-Hand ledger stands aside).
    expect(current.closing).toBe(23_433_33);
    const gs = groupSummary(store.db, m, {
      groupName: 'Stock-in-Hand',
      from: bs.from,
      to: bs.asOn,
      stock: 'closing',
    });
    // Opening 3,400.00, in 1,200.00 at cost, out at cost 3,400 + 1,200 − 1,933.33 = 2,666.67: the Stock
    // Summary's value columns for the same period.
    expect(gs.rows).toEqual([
      {
        guid: 'closing-stock',
        name: 'Closing Stock',
        kind: 'stock',
        opening: 3_400_00,
        debit: 1_200_00,
        credit: 2_666_67,
        closing: 1_933_33,
      },
    ]);
    const summary = stockSummary(store.db, m, { from: bs.from, to: bs.asOn });
    expect([
      summary.total.opening,
      summary.total.inwards,
      summary.total.outwards,
      summary.total.closing,
    ]).toEqual([3_400_00, 1_200_00, 2_666_67, 1_933_33]);
    expect(expectBalanceSheetDrillsTo(store, m, bs)).toBeGreaterThanOrEqual(3);
    for (const asOn of ['2025-06-30', '2026-03-31', '2026-05-04']) {
      expectBalanceSheetDrillsTo(store, m, balanceSheet(store.db, m, { asOn }));
    }
  });
});

describe('drilling into groups on the demo company', () => {
  let store: Store;
  let masters: Masters;
  beforeAll(() => {
    store = openStore(dir.path('demo.db'));
    const { companyGuid } = loadDemoCompany(store, {
      vouchers: 2_000,
      seed: 23,
      years: 3,
      until: '2026-11-25',
    });
    masters = loadMasters(store.db, store.requireCompany(companyGuid));
  });
  afterAll(() => store.close());

  it('every trial balance group row equals its Group Summary (every year, part years, across 1 April)', () => {
    const periods = [
      ...['2024-25', '2025-26', '2026-27'].map((fy) => financialYearRange(fy)),
      { from: '2025-10-01', to: '2026-06-30' },
      { from: '2025-07-16', to: '2025-11-20' },
    ];
    let stockRows = 0;
    for (const period of periods) {
      const tb = trialBalance(store.db, masters, period);
      const stock = tb.rows.find((r) => r.kind === 'stock');
      if (stock) {
        stockRows++;
        const gs = groupSummary(store.db, masters, { groupName: 'Stock-in-Hand', ...period });
        expect(gs.rows.find((r) => r.kind === 'stock')).toMatchObject(amounts(stock));
        // The Stock Summary the row opens starts the period with the same stock.
        expect(stockSummary(store.db, masters, period).total.opening).toBe(stock.opening);
      }
      expect(expectTrialBalanceDrillsTo(store, masters, tb)).toBeGreaterThan(10);
    }
    expect(stockRows).toBeGreaterThanOrEqual(3);
  });

  it('every balance sheet group closes in its Group Summary; the closing stock is the Stock Summary closing', () => {
    for (const asOn of ['2025-03-31', '2026-03-31', '2026-11-25', addDays('2026-04-01', 45)]) {
      const bs = balanceSheet(store.db, masters, { asOn });
      expect(expectBalanceSheetDrillsTo(store, masters, bs)).toBeGreaterThan(2);
      const gs = groupSummary(store.db, masters, {
        groupName: 'Stock-in-Hand',
        from: bs.from,
        to: bs.asOn,
        stock: 'closing',
      });
      const row = gs.rows.find((r) => r.kind === 'stock')!;
      expect(row.closing).toBe(bs.closingStock);
      const summary = stockSummary(store.db, masters, { from: bs.from, to: bs.asOn });
      expect(amounts(row)).toEqual({
        opening: summary.total.opening,
        debit: summary.total.inwards,
        credit: summary.total.outwards,
        closing: summary.total.closing,
      });
    }
  });
});
