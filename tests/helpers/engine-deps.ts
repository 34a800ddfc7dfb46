import type { Store } from '../../electron/core/db/store';
import type { EngineDeps } from '../../electron/core/sync/engine';
import { createProgressTracker } from '../../electron/core/sync/progress';
import { createTallyClient } from '../../electron/core/tally/client';

/** Sync-engine dependencies for a test against the Tally simulator on `port`: one attempt, a counting clock. */
export function simulatorEngineDeps(port: number, store: Store, batchSize: number): EngineDeps {
  let t = 0;
  const now = (): number => (t += 1);
  return {
    client: createTallyClient({ host: '127.0.0.1', port, attempts: 1, timeoutMs: 20_000 }),
    store,
    progress: createProgressTracker({ runId: 'r', now, emit: () => undefined }),
    now,
    signal: new AbortController().signal,
    runId: 'r',
    batchSize,
  };
}
