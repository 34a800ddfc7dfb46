import { join } from 'node:path';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { closingStockOf } from '../../../electron/core/inventory/movements';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import { loadMasters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { stockSummary } from '../../../electron/core/reports/stock-summary';
import { createProgressTracker } from '../../../electron/core/sync/progress';

/**
 * A real-shape Day Book whose invoices are tracked to a receipt note and a delivery note
 * (tests/fixtures/tally/real/tracked; figures as in tests/core/reports/stock-tracking.test.ts):
 * Widget, opening 10 Nos at ₹100; RN/1 +10 at ₹110; PI/1 +10 at ₹120 tracked to RN/1; DN/1 −5;
 * SI/1 −5 tracked to DN/1; SI/2 −3 "Not Applicable". Stock moves once per note: 12 Nos at
 * (1,000 + 1,100) / 20 = ₹105 = ₹1,260.
 */
const FIXTURES = join(__dirname, '../../fixtures/tally/real/tracked');
const COMPANY = 'c0ffee00-0000-4000-8000-0000000007ac';

let store: Store;
beforeAll(async () => {
  store = openStore(':memory:');
  await importFiles({
    store,
    paths: [join(FIXTURES, 'DayBook.xml'), join(FIXTURES, 'Masters.xml')],
    runId: 'imp',
    now: () => 0,
    progress: createProgressTracker({ runId: 'imp', now: () => 0, emit: () => undefined }),
  });
});
afterAll(() => {
  store.close();
});

describe('import of a Day Book with invoices tracked to notes', () => {
  it('reads each line’s tracking number; "Not Applicable" is none', () => {
    expect(
      store.db
        .prepare(
          `SELECT v.voucher_number AS n, v.off_books AS offBooks, e.actual_quantity AS q,
             e.tracking_number AS t FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id
           ORDER BY e.date`,
        )
        .all(),
    ).toEqual([
      { n: 'RN/1', offBooks: 'inventory', q: 10_000, t: 'RN/1' },
      { n: 'PI/1', offBooks: null, q: 10_000, t: 'RN/1' },
      { n: 'DN/1', offBooks: 'inventory', q: -5_000, t: 'DN/1' },
      { n: 'SI/1', offBooks: null, q: -5_000, t: 'DN/1' },
      { n: 'SI/2', offBooks: null, q: -3_000, t: null },
    ]);
  });

  it('moves stock once: stock summary closing = P&L closing stock = balance sheet stock', () => {
    const [widget] = closingStockOf(store.db, COMPANY, '2025-04-30');
    expect(widget?.closing).toEqual({ quantity: 12_000, value: 1_260_00 });
    const masters = loadMasters(store.db, store.requireCompany(COMPANY));
    const period = { from: '2025-04-01', to: '2025-04-30' };
    expect(stockSummary(store.db, masters, period).total.closing).toBe(1_260_00);
    const pl = profitLoss(store.db, masters, period);
    expect(pl).toMatchObject({ closingStock: 1_260_00, stockComputed: true });
    // Sales 750 + 450, purchases 1,200: 1,200 − 1,200 + 1,260 − 1,000.
    expect(pl.grossProfit).toBe(260_00);
    const bs = balanceSheet(store.db, masters, { asOn: '2025-04-30' });
    expect(bs.closingStock).toBe(1_260_00);
    expect(bs.totalAssets).toBe(bs.totalLiabilities);
  });
});
