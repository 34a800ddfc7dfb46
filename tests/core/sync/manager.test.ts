import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { createSyncManager, type SyncManager } from '../../../electron/core/sync/manager';
import { inProcessRunner, workerRunner, type SyncRunner } from '../../../electron/core/sync/runner';
import type { AppEventName, AppEvents } from '../../../shared/contract';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';

let sim: TallySimulator;
let dir: string;
let store: Store;
const seen: { event: AppEventName; payload: unknown }[] = [];
let invalidated: string[];
let listsDropped: number;

function manager(runner: SyncRunner, port = sim.port, parseInWorker = false): SyncManager {
  const events = createEventBus();
  events.onAny((event, payload) => seen.push({ event, payload }));
  return createSyncManager({
    store,
    events,
    runner,
    tally: () => ({ host: '127.0.0.1', port, attempts: 1, timeoutMs: 20_000 }),
    invalidateCompany: async (guid) => {
      invalidated.push(guid);
    },
    invalidateCompanyList: async () => {
      listsDropped++;
    },
    newRunId: () => 'run-1',
    parseInWorker: () => parseInWorker,
  });
}

/** The worker tests run with the answers parsed in the sync worker and in a second parse worker. */
const PARSING = [
  ['parsing in the sync worker', false],
  ['parsing in a second worker', true],
] as const;

beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
  dir = mkdtempSync(join(tmpdir(), 'tc-sync-'));
  store = openStore(join(dir, 'test.db'));
  seen.length = 0;
  invalidated = [];
  listsDropped = 0;
});
afterEach(async () => {
  store.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const syncStatus = (): unknown =>
  store.db
    .prepare('SELECT sync_status AS status, sync_error AS error FROM companies WHERE guid = ?')
    .get(SMALL_GUID);

const ofType = <E extends AppEventName>(event: E): AppEvents[E][] =>
  seen.filter((e) => e.event === event).map((e) => e.payload as AppEvents[E]);

describe('sync manager', () => {
  it.each(PARSING)(
    'syncs in a worker thread (%s), invalidates the cache and announces the change',
    async (_, parseInWorker) => {
      const m = manager(workerRunner(store.path), sim.port, parseInWorker);
      const results = await m.start({ full: false });
      expect(results).toHaveLength(1);
      // 6 vouchers in the books + the 20 the simulator serves as real Tally does and that do not post.
      expect(results[0]).toMatchObject({ kind: 'full', vouchersWritten: 26, companyGuid: SMALL_GUID });
      // The worker wrote through its own connection; this one sees the committed data.
      expect(store.db.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 26 });
      expect(store.db.prepare('SELECT count(*) AS n FROM vouchers WHERE off_books IS NULL').get()).toEqual({
        n: 6,
      });
      expect(invalidated).toEqual([SMALL_GUID]);
      expect(ofType('books.changed')).toEqual([
        { companyGuid: SMALL_GUID, dataVersion: store.findCompany(SMALL_GUID)?.dataVersion },
      ]);
      expect(ofType('sync.finished')).toHaveLength(1);
      const phases = ofType('sync.progress').map((p) => p.phase);
      expect(phases).toContain('vouchers');
      expect(m.status()).toMatchObject({ running: false, progress: { phase: 'done' } });

      // Unchanged: no invalidation, no books.changed.
      const again = await m.start({ full: false });
      expect(again[0]?.kind).toBe('unchanged');
      expect(invalidated).toHaveLength(1);
    },
  );

  it.each(PARSING)(
    'refuses a second sync while one runs, and cancels in the worker (%s) with nothing written',
    async (_, parseInWorker) => {
      sim.addFault({ match: 'TCVouchers', fault: { kind: 'slow', delayMs: 400 } });
      const m = manager(workerRunner(store.path), sim.port, parseInWorker);
      const first = m.start({ full: false });
      await expect(m.start({ full: false })).rejects.toMatchObject({ code: 'SYNC_IN_PROGRESS' });
      await vi.waitUntil(() => ofType('sync.progress').some((p) => p.phase === 'vouchers'), {
        timeout: 10_000,
      });
      expect(m.cancel()).toEqual({ cancelled: true });
      await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(store.findCompany(SMALL_GUID)).toBeNull();
      expect(ofType('sync.failed').at(-1)?.error.code).toBe('CANCELLED');
      expect(m.status().running).toBe(false);
    },
  );

  it("drops the cached company list when a company's sync status changes but its books do not", async () => {
    const m = manager(inProcessRunner(store));
    await m.start({ full: false });
    expect(listsDropped).toBe(0); // the commit's own invalidation covered the list
    // Tally changes, then fails while sending the vouchers: the company is marked with the error.
    sim.company().addVoucher({ ...[...sim.company().all()][0]!, guid: `${SMALL_GUID}-0000abcd` });
    sim.addFault({ match: 'TCVouchers', times: 5, fault: { kind: 'error', message: 'Memory full' } });
    await expect(m.start({ full: false })).rejects.toMatchObject({ code: 'TALLY_ERROR' });
    expect(syncStatus()).toEqual({ status: 'error', error: 'Tally answered: Memory full' });
    expect(listsDropped).toBe(1);
    // The next sync succeeds (its commit invalidates the company); one that finds nothing changed
    // still moves the status back to "ok", so the list is dropped again.
    sim.clearFaults();
    await m.start({ full: false });
    store.markSyncStatus(SMALL_GUID, 'error', 'left over');
    await m.start({ full: false });
    expect(syncStatus()).toEqual({ status: 'ok', error: null });
    expect(listsDropped).toBe(2);
  });

  it('says in plain words when Tally is not running', async () => {
    const closed = await startTallySimulator([]);
    const port = closed.port;
    await closed.stop();
    const m = manager(inProcessRunner(store), port);
    await expect(m.start({ full: false })).rejects.toMatchObject({
      code: 'TALLY_UNREACHABLE',
      message: expect.stringContaining(
        'Tally is not running, or its XML port is off (F1 > Settings > Connectivity)',
      ),
    });
    const info = await m.testConnection();
    expect(info).toMatchObject({ reachable: false, companies: [] });
    expect(ofType('sync.failed')[0]?.error.code).toBe('TALLY_UNREACHABLE');
  });

  it('tests the connection and lists open companies', async () => {
    const m = manager(inProcessRunner(store));
    expect(await m.testConnection()).toEqual({
      host: '127.0.0.1',
      port: sim.port,
      reachable: true,
      message: 'Connected; 1 company open',
      companies: [{ guid: SMALL_GUID, name: 'Small & Co' }],
    });
  });

  it('reports a company that is not open in Tally', async () => {
    const m = manager(inProcessRunner(store));
    await expect(m.start({ full: false, companyGuid: 'nope' })).rejects.toMatchObject({
      code: 'TALLY_ERROR',
      message: expect.stringContaining('not open in Tally'),
    });
  });
});
