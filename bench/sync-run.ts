import { rmSync } from 'node:fs';
import { openStore } from '../electron/core/db/store';
import { createEventBus } from '../electron/core/events/bus';
import { createSyncManager } from '../electron/core/sync/manager';
import { workerRunner } from '../electron/core/sync/runner';

/**
 * One full sync as the app runs it, for the sync benches: a fresh database at `path`, the bundled sync
 * worker at `workerPath` (parsing in a second worker when `parseInWorker`), Tally on 127.0.0.1:`port`.
 * Times it (wall, and this process's CPU over all its threads) and deletes the database afterwards.
 */
export async function timedFullSync(options: {
  path: string;
  workerPath: string;
  parseInWorker: boolean;
  port: number;
}): Promise<{ wall: number; cpu: number; vouchers: number }> {
  const store = openStore(options.path);
  const manager = createSyncManager({
    store,
    events: createEventBus(),
    runner: workerRunner(options.path, { path: options.workerPath, typescript: false }),
    tally: () => ({ host: '127.0.0.1', port: options.port, timeoutMs: 10 * 60_000 }),
    parseInWorker: () => options.parseInWorker,
    invalidateCompany: async () => 0,
  });
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const [result] = await manager.start({ full: true });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000, vouchers: result?.vouchersWritten ?? 0 };
  } finally {
    await manager.close();
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.path}${suffix}`, { force: true });
  }
}
