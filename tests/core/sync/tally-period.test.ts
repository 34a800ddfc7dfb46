import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { runSync } from '../../../electron/core/sync/engine';
import { booksPeriod } from '../../../electron/core/sync/tally-period';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { createEventBus } from '../../../electron/core/events/bus';
import { createSyncManager } from '../../../electron/core/sync/manager';
import { inProcessRunner } from '../../../electron/core/sync/runner';
import { simulatorEngineDeps } from '../../helpers/engine-deps';
import type { VoucherRecord } from '../../../electron/core/db/records';

/**
 * Tally's collections answer for Tally's current period (Alt+F2), not for the request's SVFROMDATE and
 * SVTODATE (a live TallyPrime sent only the current year's vouchers however a request was dated;
 * tally-database-loader changes the period before it exports). The simulator answers that way; the sync
 * must make the whole books the current period, read, and give the accountant's period back.
 */

const NOW = (): number => Date.parse('2026-12-02T06:00:00Z');
// Three financial years of books: 2024-25, 2025-26 and the running 2026-27.
const demo = generateDemoCompany({ vouchers: 900, seed: 71, years: 3, until: '2026-11-20' });
const ACCOUNTANTS_PERIOD = { from: '2026-04-01', to: '2027-03-31' };

let sim: TallySimulator;
let store: Store;
beforeEach(async () => {
  sim = await startTallySimulator([demo], { now: NOW });
  sim.setPeriod(ACCOUNTANTS_PERIOD);
  store = openStore(':memory:');
});
afterEach(async () => {
  store.close();
  await sim.stop();
});

/** A new voucher like `template` (a demo voucher), saved on `date`, as the accountant would enter it. */
function likeOn(template: VoucherRecord, suffix: string, date: string): Omit<VoucherRecord, 'alterId'> {
  const { alterId: _alterId, ...rest } = template;
  return { ...rest, guid: `${template.guid}-${suffix}`, masterId: null, date };
}

const storedVouchers = (): number =>
  store.db.prepare('SELECT count(*) FROM vouchers').pluck().get() as number;
const storedYears = (): string[] =>
  (
    store.db
      .prepare(
        `SELECT DISTINCT CASE WHEN substr(date, 6, 2) >= '04' THEN substr(date, 1, 4) ELSE substr(date, 1, 4) - 1 END
         FROM vouchers ORDER BY 1`,
      )
      .pluck()
      .all() as (string | number)[]
  ).map(String);

describe("Tally's current period during a sync", () => {
  it('reads every year of the books, not only the period Tally shows, and puts that period back', async () => {
    const tallyHolds = [...sim.company().all()].length;
    const [result] = await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    expect(result!.kind).toBe('full');
    expect(storedVouchers()).toBe(tallyHolds);
    expect(storedYears()).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
    // The books were made the current period before any voucher was asked for ...
    const ids = sim.requests.map((r) => r.id);
    expect(ids.indexOf('TCChangePeriod')).toBeGreaterThan(-1);
    expect(ids.indexOf('TCChangePeriod')).toBeLessThan(ids.indexOf('TCVoucherDates'));
    // ... and the accountant finds Tally on the period they had.
    expect(sim.currentPeriod()).toEqual(ACCOUNTANTS_PERIOD);
  });

  it('an incremental sync sees a change in an earlier year', async () => {
    await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    const company = sim.company();
    const old = [...company.all()].find((v) => v.date < '2025-03-01' && v.voucherType === 'Sales')!;
    company.alterVoucher(old.guid, (v) => ({ ...v, narration: 'Corrected in an earlier year' }));
    const [result] = await runSync({ full: false }, simulatorEngineDeps(sim.port, store, 300));
    expect(result!.kind).toBe('incremental');
    expect(store.db.prepare('SELECT narration FROM vouchers WHERE guid = ?').pluck().get(old.guid)).toBe(
      'Corrected in an earlier year',
    );
    expect(sim.currentPeriod()).toEqual(ACCOUNTANTS_PERIOD);
  });

  it('brings in vouchers saved in the current period without changing the period at all', async () => {
    await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    const company = sim.company();
    const changesBefore = sim.periodChanges;
    // What the accountant saves while live mode watches: a cash sale, and a sale with stock lines,
    // dated in the period Tally shows.
    const vouchers = [...company.all()];
    const withStock = vouchers.find((v) => v.voucherType === 'Sales' && (v.inventory?.length ?? 0) > 0)!;
    const payment = vouchers.find((v) => v.voucherType === 'Payment')!;
    company.addVoucher(likeOn(payment, 'live1', '2026-11-23'));
    company.addVoucher(likeOn(withStock, 'live2', '2026-11-24'));
    const [result] = await runSync({ full: false }, simulatorEngineDeps(sim.port, store, 300));
    expect(result!.kind).toBe('incremental');
    expect(result!.vouchersWritten).toBe(2);
    expect(storedVouchers()).toBe([...company.all()].length);
    expect(sim.periodChanges).toBe(changesBefore);
    expect(sim.currentPeriod()).toEqual(ACCOUNTANTS_PERIOD);
    // Tally's closing stock was still asked for, as on the new last stock date, within the period Tally has.
    expect(
      store.db.prepare('SELECT count(*) FROM tally_stock_values WHERE date = ?').pluck().get('2026-11-24'),
    ).toBe(1);
  });

  it('changes the period when a deletion or a change outside it leaves an AlterID unaccounted for', async () => {
    await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    const company = sim.company();
    const inPeriod = [...company.all()].find((v) => v.date >= '2026-05-01' && v.voucherType === 'Payment')!;
    const earlier = [...company.all()].find((v) => v.date < '2025-03-01' && v.voucherType === 'Receipt')!;
    company.addVoucher(likeOn(inPeriod, 'live3', '2026-11-23'));
    company.deleteVoucher(inPeriod.guid);
    company.alterVoucher(earlier.guid, (v) => ({ ...v, narration: 'Changed before the period' }));
    const changesBefore = sim.periodChanges;
    const [result] = await runSync({ full: false }, simulatorEngineDeps(sim.port, store, 300));
    expect(result!.kind).toBe('incremental');
    expect(result!.vouchersDeleted).toBe(1);
    expect(storedVouchers()).toBe([...company.all()].length);
    expect(store.db.prepare('SELECT narration FROM vouchers WHERE guid = ?').pluck().get(earlier.guid)).toBe(
      'Changed before the period',
    );
    expect(sim.periodChanges).toBeGreaterThan(changesBefore);
    expect(sim.currentPeriod()).toEqual(ACCOUNTANTS_PERIOD);
  });

  it('a Tally that will not change its period fails the sync in plain words and keeps the books', async () => {
    await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    const before = storedVouchers();
    sim.addFault({ match: 'TCChangePeriod', fault: { kind: 'error', message: 'Could not find Report' } });
    await expect(runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300))).rejects.toThrow(
      /did not let TallyConnect read the whole books .*Alt\+F2.*from 2024-04-01/,
    );
    expect(storedVouchers()).toBe(before);
  });

  it('believes the period Tally then shows, whatever Tally answered to the change', async () => {
    sim.addFault({ match: 'TCChangePeriod', fault: { kind: 'empty' }, times: 1 });
    const [result] = await runSync({ full: true }, simulatorEngineDeps(sim.port, store, 300));
    expect(result!.kind).toBe('full');
    expect(storedVouchers()).toBe([...sim.company().all()].length);
    expect(sim.currentPeriod()).toEqual(ACCOUNTANTS_PERIOD);
  });

  it("tells the sync's logger when Tally will not say its period", async () => {
    sim.addFault({ match: '$$SystemPeriodFrom', fault: { kind: 'error', message: 'Unknown function' } });
    const warnings: string[] = [];
    const manager = createSyncManager({
      store,
      events: createEventBus(),
      runner: inProcessRunner(store),
      tally: () => ({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 20_000 }),
      invalidateCompany: async () => undefined,
      logger: { warn: (message: string) => void warnings.push(message) },
    });
    const [result] = await manager.start({ full: true });
    await manager.close();
    expect(result!.kind).toBe('full');
    expect(warnings).toEqual([expect.stringMatching(/Tally's period: .*Unknown function/)]);
  });

  it('the books period runs from the books’ first day to a 31st a year past today', () => {
    const company = {
      guid: 'g',
      name: 'N',
      booksFrom: '2021-04-01',
      yearStartMonth: 4,
      masterAlterId: 1,
      voucherAlterId: 1,
    };
    expect(booksPeriod(company, '2026-12-02')).toEqual({ from: '2021-04-01', to: '2027-12-31' });
    expect(booksPeriod({ ...company, booksFrom: null }, '2026-12-02')).toEqual({
      from: '2026-04-01',
      to: '2027-12-31',
    });
  });
});
