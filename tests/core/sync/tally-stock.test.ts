import type { IsoDate } from '../../../shared/dates';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { companyStockAt } from '../../../electron/core/inventory/stock-totals';
import { balanceSheet } from '../../../electron/core/reports/balance-sheet';
import { loadMasters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { stockDates } from '../../../electron/core/sync/tally-stock';
import { stockInHandRequest } from '../../../electron/core/tally/requests';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { simulatorEngineDeps } from '../../helpers/engine-deps';

/**
 * The closing stock as Tally values it (the Stock-in-Hand group's closing balance, docs/TALLY.md) is asked
 * of Tally during the sync for every month end and the last voucher date, and wins over TallyConnect's
 * own valuation wherever Tally answered. The simulated Tally here values some dates differently from
 * TallyConnect (as a real Tally does with Std. Cost or Last Purchase Cost items): the reports must show
 * Tally's figure, labelled as Tally's (not "computed"), and still balance.
 */

const NOW = (): number => Date.parse('2026-12-02T06:00:00Z');
const demo = generateDemoCompany({ vouchers: 700, seed: 33, years: 2, until: '2026-11-20' });
/** Tally's valuation differs from TallyConnect's by ₹1,234.56 from this date on. */
const DIFFERS_FROM: IsoDate = '2026-06-01';
const DIFFERENCE = 1_234_56;

let sim: TallySimulator;
let store: Store;

beforeEach(async () => {
  sim = await startTallySimulator([demo], {
    now: NOW,
    stockValuation: (asOn, computed) => (asOn >= DIFFERS_FROM ? computed + DIFFERENCE : computed),
  });
  store = openStore(':memory:');
});
afterEach(async () => {
  store.close();
  await sim.stop();
});

const deps = (): EngineDeps => simulatorEngineDeps(sim.port, store, 200);

const stored = (): { date: string; value: number }[] =>
  store.db.prepare('SELECT date, value FROM tally_stock_values ORDER BY date').all() as {
    date: string;
    value: number;
  }[];
/** The last date with a voucher that moves stock (posts, or an inventory note): the last date Tally is asked. */
const lastMoving = (): IsoDate =>
  store.db
    .prepare(`SELECT max(date) FROM vouchers WHERE off_books IS NULL OR off_books = 'inventory'`)
    .pluck()
    .get() as IsoDate;
const stockAsked = (): IsoDate[] => sim.requests.filter((r) => r.id === 'TCStockInHand').map((r) => r.to!);

describe('closing stock as Tally values it', () => {
  it('lists every month end up to the last voucher, then the last voucher date', () => {
    expect(stockDates('2025-01-15', '2025-04-10')).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-10',
    ]);
    expect(stockDates('2025-01-01', '2025-03-31')).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(stockDates('2025-05-01', '2025-04-30')).toEqual([]);
  });

  it('asks the Stock-in-Hand group for its closing balance as on the date', () => {
    const xml = stockInHandRequest('Shree & Co', '2025-04-01', '2025-09-30');
    expect(xml).toContain('<TYPE>Group</TYPE>');
    expect(xml).toContain('ClosingBalance');
    expect(xml).toContain('<SVTODATE>30-Sep-2025</SVTODATE>');
    expect(xml).toContain('<SVCURRENTCOMPANY>Shree &amp; Co</SVCURRENTCOMPANY>');
    expect(xml).toContain('$$IsEqual:$ReservedName:&quot;Stock-in-Hand&quot;');
  });

  it('a full sync stores Tally’s figure for every month end, and the reports show it', async () => {
    await runSync({ full: true }, deps());
    const c = sim.company();
    const company = store.requireCompany(c.guid);
    const values = stored();
    const lastVoucher = lastMoving();
    expect(lastVoucher).toBe('2026-11-20');
    expect(values.map((v) => v.date)).toEqual(stockDates(c.booksFrom!, lastVoucher));
    for (const v of values) expect(v.value).toBe(c.stock.closingStock(v.date));

    // Before the date Tally's valuation departs, Tally and TallyConnect agree to the paisa.
    expect(companyStockAt(store.db, company.id, '2026-03-31').value).toBe(c.stock.closingStock('2026-03-31'));

    const masters = loadMasters(store.db, company);
    const year = profitLoss(store.db, masters, { from: '2026-04-01', to: '2026-10-31' });
    // Opening (31 Mar) and closing (31 Oct) are both Tally's: not labelled as computed.
    expect(year.stockComputed).toBe(false);
    expect(year.closingStock).toBe(c.stock.closingStock('2026-10-31'));
    expect(year.closingStock).toBe(companyStockAt(store.db, company.id, '2026-10-31').value + DIFFERENCE);
    // The sheet still balances with Tally's figure: the difference flows through the Profit & Loss A/c.
    const sheet = balanceSheet(store.db, masters, { asOn: '2026-10-31' });
    expect(sheet.stockComputed).toBe(false);
    expect(sheet.totalAssets).toBe(sheet.totalLiabilities);
    expect(sheet.openingDifference).toBe(0);

    // After the last voucher the stock does not move: Tally's last figure holds.
    const later = profitLoss(store.db, masters, { from: '2026-04-01', to: '2027-03-31' });
    expect(later.closingStock).toBe(c.stock.closingStock(lastVoucher));
    expect(later.stockComputed).toBe(false);

    // A date between two of Tally's answers with stock moving in between: TallyConnect values it, and says so.
    const mid = profitLoss(store.db, masters, { from: '2026-04-01', to: '2026-10-15' });
    expect(mid.stockComputed).toBe(true);
    expect(mid.closingStock).toBe(companyStockAt(store.db, company.id, '2026-10-15').value);
  });

  it('an incremental sync asks again only from the month a voucher changed', async () => {
    await runSync({ full: true }, deps());
    const c = sim.company();
    const sale = [...c.all()].find((v) => v.voucherType === 'Sales' && (v.inventory?.length ?? 0) > 0)!;
    const { alterId: _alterId, ...copy } = { ...sale, guid: `${c.guid}-6e0000aa`, date: '2026-10-05' };
    c.addVoucher({ ...copy, voucherNumber: 'LIVE-STOCK-1' });
    sim.requests.length = 0;
    const [result] = await runSync({ full: false }, deps());
    expect(result).toMatchObject({ kind: 'incremental', vouchersWritten: 1 });
    expect(stockAsked()).toEqual(stockDates('2026-10-05', lastMoving()));
    for (const v of stored()) expect(v.value, v.date).toBe(c.stock.closingStock(v.date));

    // Nothing changed: nothing is asked.
    sim.requests.length = 0;
    await runSync({ full: false }, deps());
    expect(stockAsked()).toEqual([]);
  });

  it('when Tally does not value the stock the sync still lands, and the reports value it themselves', async () => {
    sim.addFault({ match: 'TCStockInHand', fault: { kind: 'error', message: 'Could not compute' } });
    const [result] = await runSync({ full: true }, deps());
    expect(result).toMatchObject({ kind: 'full' });
    expect(stored()).toEqual([]);
    const c = sim.company();
    const company = store.requireCompany(c.guid);
    const pl = profitLoss(store.db, loadMasters(store.db, company), { from: '2026-04-01', to: '2026-10-31' });
    expect(pl.stockComputed).toBe(true);
    expect(pl.closingStock).toBe(companyStockAt(store.db, company.id, '2026-10-31').value);
  });
});
