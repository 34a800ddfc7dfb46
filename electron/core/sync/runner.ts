import type { Worker } from 'node:worker_threads';
import type { Store } from '../db/store';
import { executeSync, type SyncJob, type SyncMessage } from './execute';
import { resolveWorkerEntry, startWorker, SYNC_YOUNG_GENERATION_MB, type WorkerEntry } from './worker-entry';

/** Runs a sync job somewhere and streams its messages; `cancel` asks it to stop (it rolls back). */
export interface SyncRunner {
  run(job: SyncJob, onMessage: (message: SyncMessage) => void): { done: Promise<void>; cancel(): void };
}

/** On the calling thread: for in-memory databases (tests) and the CLI. */
export function inProcessRunner(store: Store, now?: () => number): SyncRunner {
  return {
    run(job, onMessage) {
      const controller = new AbortController();
      return {
        done: executeSync(store, job, onMessage, controller.signal, now),
        cancel: () => controller.abort(),
      };
    },
  };
}

export function resolveSyncWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  return resolveWorkerEntry('sync-worker', moduleUrl);
}

function startSyncWorker(entry: WorkerEntry, workerData: unknown): Worker {
  // Optional cap on the worker's old generation (TALLYCONNECT_SYNC_HEAP_MB; unset or 0 = V8's default).
  // Measured: it does not change the resident growth of a long sync (docs/BENCHMARKS.md), so it is off.
  const heapMb = Number(process.env.TALLYCONNECT_SYNC_HEAP_MB ?? 0);
  const resourceLimits = {
    maxYoungGenerationSizeMb: SYNC_YOUNG_GENERATION_MB,
    ...(Number.isFinite(heapMb) && heapMb > 0 ? { maxOldGenerationSizeMb: heapMb } : {}),
  };
  return startWorker(entry, workerData, resourceLimits);
}

/** In a worker thread with its own connection to the database file. */
export function workerRunner(dbPath: string, entry = resolveSyncWorkerEntry()): SyncRunner {
  return {
    run(job, onMessage) {
      const worker = startSyncWorker(entry, { dbPath, job });
      let finished = false;
      const done = new Promise<void>((resolve) => {
        worker.on('message', (message: SyncMessage) => {
          if (message.type === 'finished' || message.type === 'failed') finished = true;
          onMessage(message);
        });
        worker.on('error', (error) => {
          if (!finished) {
            finished = true;
            onMessage({
              type: 'failed',
              error: { code: 'INTERNAL', message: `The sync worker stopped: ${error.message}` },
            });
          }
        });
        worker.on('exit', (code) => {
          if (!finished) {
            finished = true;
            onMessage({
              type: 'failed',
              error: { code: 'INTERNAL', message: `The sync worker exited unexpectedly (code ${code})` },
            });
          }
          resolve();
        });
      });
      return {
        done,
        cancel: () => worker.postMessage({ type: 'cancel' }),
      };
    },
  };
}
