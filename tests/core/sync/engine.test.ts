import { openStore, type Store } from '../../../electron/core/db/store';
import { createTallyClient } from '../../../electron/core/tally/client';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import type { SyncProgress } from '../../../shared/types/sync';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { cashSale, SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';

let sim: TallySimulator;
let store: Store;
let events: SyncProgress[];

beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
  store = openStore(':memory:');
  events = [];
});
afterEach(async () => {
  store.close();
  await sim.stop();
});

function deps(overrides: Partial<EngineDeps> = {}): EngineDeps {
  let t = 0;
  const now = (): number => (t += 10);
  return {
    client: createTallyClient({
      host: '127.0.0.1',
      port: sim.port,
      attempts: 2,
      backoffMs: 1,
      timeoutMs: 10_000,
    }),
    store,
    progress: createProgressTracker({ runId: 'r1', now, emit: (p) => events.push(p), minIntervalMs: 0 }),
    now,
    signal: new AbortController().signal,
    runId: 'r1',
    batchSize: 2,
    ...overrides,
  };
}

const q = <T>(sql: string, ...args: unknown[]): T[] => store.db.prepare(sql).all(...args) as T[];
/**
 * Closing balances from what posts. The simulator speaks real Tally: besides the 6 vouchers of the books
 * it serves 20 that Tally does not post (orders, notes, memoranda, a reversing journal, post-dated,
 * cancelled and optional, with ledger amounts), and the Profit & Loss A/c with ₹4,85,000 of earlier
 * profit, balanced by the same debit on Cash (tools/tally-sim/shapes.ts).
 */
const balances = (): Record<string, number> =>
  Object.fromEntries(
    q<{ name: string; total: number }>(
      `SELECT l.name AS name, l.opening_balance + coalesce(sum(e.amount), 0) AS total
       FROM ledgers l LEFT JOIN ledger_entries e ON e.company_id = l.company_id AND e.ledger_guid = l.guid
         AND e.voucher_id IN (SELECT id FROM vouchers WHERE off_books IS NULL)
       GROUP BY l.guid ORDER BY l.name`,
    ).map((r) => [r.name, r.total]),
  );
const EARLIER_PROFIT = 4_85_000_00;
/** The 20 vouchers real Tally has and does not post, stored off the books. */
const NOT_POSTING = 20;
const numbers = (): string[] =>
  q<{ n: string }>(
    `SELECT voucher_number AS n FROM vouchers WHERE voucher_type = 'Sales' AND off_books IS NULL
     ORDER BY date, voucher_number`,
  ).map((r) => r.n);

describe('sync engine against the simulator', () => {
  it('runs a full sync in batches, then nothing when unchanged', async () => {
    const [result] = await runSync({ full: false }, deps());
    expect(result).toMatchObject({
      kind: 'full',
      vouchersWritten: 6 + NOT_POSTING,
      companyGuid: SMALL_GUID,
      companyName: 'Small & Co',
    });
    expect(balances()).toEqual({
      Cash: 5_000_00 + EARLIER_PROFIT + 4_000_00 + 2_500_50,
      'Profit & Loss A/c': -EARLIER_PROFIT,
      Sales: -(10_000_00 + 2_500_50 + 7_000_00 + 1_000_00),
      'Sharma & Sons "Retail"': 12_000_00 + 10_000_00 - 4_000_00 + 7_000_00,
      'गणेश ट्रेडर्स': 2_500_50 + 1_000_00 - 2_500_50,
    });
    // Batches of at most 2 vouchers.
    const voucherRequests = sim.requests.filter((r) => r.id === 'TCVouchers');
    // (A single date holding more gets a request of its own: a date cannot be split.)
    expect(voucherRequests.filter((r) => r.objects > 2 && r.from !== r.to)).toEqual([]);
    expect(voucherRequests.length).toBeGreaterThanOrEqual(3);
    expect(events.map((e) => e.phase)).toEqual(
      expect.arrayContaining(['companies', 'masters', 'counting', 'vouchers', 'done']),
    );
    const vouchersPhase = events.filter((e) => e.phase === 'vouchers');
    expect(vouchersPhase.at(-1)).toMatchObject({ done: 6 + NOT_POSTING, total: 6 + NOT_POSTING });

    const before = sim.requests.length;
    const [again] = await runSync({ full: false }, deps());
    expect(again?.kind).toBe('unchanged');
    expect(sim.requests.length - before).toBe(1); // only the company poll
  });

  it('applies alterations, additions, deletions, renames and renumbering incrementally', async () => {
    await runSync({ full: false }, deps());
    const c = sim.company();
    const sales = [...c.all()].filter((v) => v.voucherType === 'Sales');
    // Alter sale 3 (7,000 -> 9,000), delete receipt 2, rename a ledger, insert a sale on 15 April.
    const s3 = sales[2]!;
    c.alterVoucher(s3.guid, (v) => ({
      ...v,
      entries: v.entries.map((e) => ({
        ...e,
        amount: Math.sign(e.amount) * 9_000_00,
        bills: e.bills.map((b) => ({ ...b, amount: 9_000_00 })),
      })),
    }));
    const r2 = [...c.all()].find((v) => v.voucherNumber === 'R2')!;
    c.deleteVoucher(r2.guid);
    c.renameLedger('गणेश ट्रेडर्स', 'Ganesh Traders');
    const added = c.addVoucher(cashSale('0000ffff', '2025-04-15', 500_00));
    expect(added.voucherNumber).toBe('3');

    const [result] = await runSync({ full: false }, deps());
    expect(result).toMatchObject({
      kind: 'incremental',
      vouchersWritten: 2,
      vouchersDeleted: 1,
      mastersWritten: 1,
    });
    expect(balances()).toEqual({
      Cash: 5_000_00 + EARLIER_PROFIT + 4_000_00 + 500_00,
      'Profit & Loss A/c': -EARLIER_PROFIT,
      'Ganesh Traders': 2_500_50 + 1_000_00,
      Sales: -(10_000_00 + 2_500_50 + 9_000_00 + 1_000_00 + 500_00),
      'Sharma & Sons "Retail"': 12_000_00 + 10_000_00 - 4_000_00 + 9_000_00,
    });
    // The later sales were renumbered 3 -> 4, 4 -> 5 in Tally without new AlterIDs.
    expect(numbers()).toEqual(['1', '2', '3', '4', '5']);
    const stored = q<{ m: number; v: number }>(
      'SELECT master_alter_id AS m, voucher_alter_id AS v FROM companies',
    )[0];
    expect(stored).toEqual({ m: c.masterAlterId, v: c.voucherAlterId });
  });

  it('a full sync that fails halfway leaves the previous data exactly as it was', async () => {
    await runSync({ full: false }, deps());
    const snapshot = balances();
    const c = sim.company();
    const first = [...c.all()][0]!;
    c.alterVoucher(first.guid, (v) => ({ ...v, narration: 'changed' }));
    // The second voucher batch fails with a Tally error.
    sim.addFault({
      match: 'TCVouchers',
      times: 1,
      fault: { kind: 'error', message: 'Memory Access Violation' },
    });
    await expect(runSync({ full: true, companyGuid: SMALL_GUID }, deps())).rejects.toThrow(
      'Tally answered: Memory Access Violation',
    );
    expect(balances()).toEqual(snapshot);
    expect(q<{ s: string; e: string }>('SELECT sync_status AS s, sync_error AS e FROM companies')[0]).toEqual(
      {
        s: 'error',
        e: 'Tally answered: Memory Access Violation',
      },
    );
  });

  it('recovers from a connection cut mid-answer by retrying the batch', async () => {
    sim.addFault({ match: 'TCVouchers', times: 1, fault: { kind: 'drop', afterBytes: 300 } });
    const [result] = await runSync({ full: false }, deps());
    expect(result?.vouchersWritten).toBe(6 + NOT_POSTING);
    expect(q<{ n: number }>('SELECT count(*) AS n FROM vouchers')[0]?.n).toBe(6 + NOT_POSTING);
  });

  it('can be cancelled, leaving nothing half-written', async () => {
    const controller = new AbortController();
    sim.addFault({ match: 'TCVouchers', fault: { kind: 'slow', delayMs: 50 } });
    const run = runSync({ full: false }, deps({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(q<{ n: number }>('SELECT count(*) AS n FROM companies')[0]?.n).toBe(0);
  });
});
