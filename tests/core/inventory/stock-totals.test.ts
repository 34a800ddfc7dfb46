import { addDays } from '../../../shared/dates';
import type { LedgerEntryRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { summaryStatements } from '../../../electron/core/db/summaries';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { closingStockOf } from '../../../electron/core/inventory/movements';
import { companyStockAt } from '../../../electron/core/inventory/stock-totals';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import { loadMasters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import {
  stockLine,
  TINY,
  tempDir,
  tinyGroups,
  tinyLedgers,
  tinyStockItems,
  tinyVoucherTypes,
  voucher,
} from '../db/fixtures';

const dir = tempDir('tc-stock-');
afterAll(() => dir.cleanup());

describe('stock from stock_item_month_totals equals valuation.ts', () => {
  let store: Store;
  let guid: string;
  beforeAll(() => {
    store = openStore(dir.path('demo.db'));
    guid = loadDemoCompany(store, { vouchers: 5_000, seed: 77, years: 3, until: '2026-10-20' }).companyGuid;
  });
  afterAll(() => store.close());

  const sumOf = <T>(list: T[], pick: (x: T) => number): number => list.reduce((t, x) => t + pick(x), 0);

  it('for every item on many dates (month ends, part months, before the books, after the last voucher)', () => {
    const company = store.requireCompany(guid);
    const dates = new Set<string>(['2020-01-01', '2030-12-31']);
    for (let d = '2023-03-25'; d <= '2026-11-05'; d = addDays(d, 17)) dates.add(d);
    for (const m of ['2024-03-31', '2025-02-28', '2025-12-31', '2026-04-30']) dates.add(m);
    let fifoItems = 0;
    for (const date of dates) {
      const slow = closingStockOf(store.db, guid, date);
      const fast = companyStockAt(store.db, company.id, date);
      const byId = new Map(fast.items.map((i) => [i.itemId, i]));
      for (const item of slow) {
        expect({ date, item: item.name, ...byId.get(item.id) }).toEqual({
          date,
          item: item.name,
          itemId: item.id,
          method: item.method,
          quantity: item.closing.quantity,
          value: item.closing.value,
          // The running sums are the movements themselves added up (the stock summary's inwards/outwards).
          moved: {
            inQuantity: sumOf(item.movements, (m) => (m.quantity > 0 ? m.quantity : 0)),
            inValue: sumOf(item.movements, (m) => (m.quantity > 0 ? m.amount : 0)),
            outQuantity: sumOf(item.movements, (m) => (m.quantity < 0 ? m.quantity : 0)),
          },
        });
        if (item.method === 'fifo') fifoItems++;
      }
      expect(fast.value).toBe(slow.reduce((s, i) => s + i.closing.value, 0));
    }
    expect(fifoItems).toBeGreaterThan(0);
  });

  it('the summary written at commit equals a rebuild from the lines', () => {
    const id = store.requireCompany(guid).id;
    const rows = (): unknown[] =>
      store.db
        .prepare('SELECT * FROM stock_item_month_totals WHERE company_id = ? ORDER BY item_id, month')
        .all(id);
    const before = rows();
    expect(before.length).toBeGreaterThan(12);
    store.db.transaction(() => summaryStatements(store.db).rebuildCompanyStock(id))();
    expect(rows()).toEqual(before);
  });
});

/*
 * A small company with stock over two years, worked by hand (paise). Tiny Traders' ledgers, capital
 * 16,500.00 Cr (cash 10,000.00 + Asha 5,000.00 + the items' opening stock 1,500.00).
 *   Widget (Avg. Cost): opening 10 Nos, 1,000.00.   Gadget (FIFO): opening 5 Nos, 500.00.
 * FY 2025-26
 *   10-May-25 Purchase: Purchases 5,000.00 Dr / Bharat 5,000.00 Cr; Widget +20 Nos 3,000.00, Gadget +10 Nos 2,000.00
 *   15-Jun-25 Sales: Asha 4,000.00 Dr / Sales 4,000.00 Cr; Widget −15 Nos, Gadget −8 Nos
 *   31-Mar-26: Widget 15 Nos × (1,000 + 3,000) / 30 = 2,000.00; Gadget 7 Nos of the newest lot (10 @ 200) =
 *   1,400.00; closing stock 3,400.00. Gross profit 4,000 − 5,000 + 3,400 − 1,500 = 900.00 = net profit.
 * FY 2026-27
 *   20-Apr-26 Purchase: Purchases 1,200.00 / Bharat 1,200.00; Gadget +4 Nos 1,200.00
 *   05-May-26 Sales: Asha 2,500.00 / Sales 2,500.00; Widget −5 Nos, Gadget −9 Nos
 *   30-Sep-26: Widget 10 × 4,000 / 30 = 1,333.333… → 1,333.33; Gadget 2 Nos of the newest lot (4 @ 300) =
 *   600.00; closing stock 1,933.33. Gross profit 2,500 − 1,200 + 1,933.33 − 3,400 = −166.67 (a loss).
 * Balance sheet 30-Sep-26: assets Cash 10,000 + Asha 11,500 + stock 1,933.33 = 23,433.33; liabilities
 * Capital 16,500 + Bharat 6,200 + P&L A/c 733.33 Cr (opening 900.00 Cr: FY 2025-26 incl. its stock gain
 * 3,400 − 1,500; current period 166.67 Dr) = 23,433.33. No difference in opening balances.
 */
describe('a small company with stock, by hand', () => {
  let store: Store;
  const items = tinyStockItems;
  const line = stockLine;
  const e = (ledgerGuid: string, amount: number): LedgerEntryRecord => ({
    ledgerGuid,
    ledgerName: tinyLedgers.find((l) => l.guid === ledgerGuid)!.name,
    amount,
    bills: [],
  });
  beforeAll(() => {
    store = openStore(dir.path('small.db'));
    const writer = store.beginCompanyWrite(TINY, 'replace');
    writer.putGroups(tinyGroups);
    writer.putVoucherTypes(tinyVoucherTypes);
    writer.putLedgers(
      tinyLedgers.map((l) =>
        l.guid === 'L-CAP'
          ? { ...l, openingBalance: -16_500_00 }
          : { ...l, isBillWise: false, openingBills: [] },
      ),
    );
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

  it('P&L: gross profit = sales − purchases + closing stock − opening stock', () => {
    const first = profitLoss(store.db, masters(), { from: '2025-04-01', to: '2026-03-31' });
    expect(first).toMatchObject({ openingStock: 1_500_00, closingStock: 3_400_00, stockComputed: true });
    expect(first.grossProfit).toBe(4_000_00 - 5_000_00 + 3_400_00 - 1_500_00);
    expect(first.netProfit).toBe(900_00);
    const second = profitLoss(store.db, masters(), { from: '2026-04-01', to: '2026-09-30' });
    expect(second).toMatchObject({ openingStock: 3_400_00, closingStock: 1_933_33 });
    expect(second.grossProfit).toBe(2_500_00 - 1_200_00 + 1_933_33 - 3_400_00);
    expect(second.netProfit).toBe(-166_67);
  });

  it('balance sheet balances; P&L A/c = earlier years (their stock included) + current period', () => {
    const bs = balanceSheet(store.db, masters(), { asOn: '2026-09-30' });
    expect(bs.openingDifference).toBe(0);
    expect(bs.stockComputed).toBe(true);
    expect(bs.closingStock).toBe(1_933_33);
    expect(bs.profitAndLoss).toEqual({
      opening: -900_00,
      currentPeriod: 166_67,
      transferred: 0,
      closing: -733_33,
    });
    expect(bs.totalAssets).toBe(23_433_33);
    expect(bs.totalLiabilities).toBe(23_433_33);
    const first = balanceSheet(store.db, masters(), { asOn: '2026-03-31' });
    expect(first.profitAndLoss).toMatchObject({ opening: 0, currentPeriod: -900_00 });
    expect(first.totalAssets).toBe(first.totalLiabilities);
  });

  it('trial balance shows the opening stock under Stock-in-Hand and still balances', () => {
    const tb = trialBalance(store.db, masters(), { from: '2026-04-01', to: '2027-03-31' });
    expect(tb.rows.find((r) => r.kind === 'stock')).toMatchObject({ opening: 3_400_00, closing: 3_400_00 });
    expect(tb.rows.find((r) => r.name === 'Stock-in-Hand')).toMatchObject({ closing: 3_400_00 });
    // Earlier years: 1,000.00 Dr of ledgers (sales 4,000 − purchases 5,000) and 1,900.00 Cr of stock gain.
    expect(tb.rows.find((r) => r.guid === 'profit-and-loss')).toMatchObject({
      opening: -900_00,
      closing: -900_00,
    });
    expect(tb.rows.some((r) => r.kind === 'difference')).toBe(false);
    expect(tb.closingDebit).toBe(10_000_00 + 11_500_00 + 1_200_00 + 3_400_00);
    expect(tb.closingCredit).toBe(tb.closingDebit);
    const first = trialBalance(store.db, masters(), { from: '2025-04-01', to: '2026-03-31' });
    expect(first.rows.find((r) => r.kind === 'stock')).toMatchObject({ opening: 1_500_00 });
    expect(first.closingDebit).toBe(25_500_00);
    expect(first.closingCredit).toBe(25_500_00);
  });
});
