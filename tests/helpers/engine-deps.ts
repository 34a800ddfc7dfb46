import { openStore, type Store } from '../../electron/core/db/store';
import { runSync, type EngineDeps } from '../../electron/core/sync/engine';
import { createProgressTracker } from '../../electron/core/sync/progress';
import { createTallyClient } from '../../electron/core/tally/client';
import { startTallySimulator, type SimulatorOptions } from '../../tools/tally-sim/server';
import type { SimSource } from '../../tools/tally-sim/source';

/**
 * Sync-engine dependencies for a test against the Tally simulator on `port`: one attempt, a counting clock;
 * `batchSize` as the engine's own unless given.
 */
export function simulatorEngineDeps(port: number, store: Store, batchSize?: number): EngineDeps {
  let t = 0;
  const now = (): number => (t += 1);
  return {
    client: createTallyClient({ host: '127.0.0.1', port, attempts: 1, timeoutMs: 20_000 }),
    store,
    progress: createProgressTracker({ runId: 'r', now, emit: () => undefined }),
    now,
    signal: new AbortController().signal,
    runId: 'r',
    ...(batchSize === undefined ? {} : { batchSize }),
  };
}

/**
 * A new in-memory store holding `sources` as one full sync from the Tally simulator (started with
 * `options` and stopped after) leaves them.
 */
export async function syncedFromSimulator(sources: SimSource[], options: SimulatorOptions): Promise<Store> {
  const sim = await startTallySimulator(sources, options);
  const store = openStore(':memory:');
  try {
    await runSync({ full: true }, simulatorEngineDeps(sim.port, store));
    return store;
  } catch (error) {
    store.close();
    throw error;
  } finally {
    await sim.stop();
  }
}
