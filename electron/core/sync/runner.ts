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

/**
 * Calls the manager's handler from a worker's event: a throw there would be an uncaught exception that
 * ends the process, so it is caught and reported as a process warning (the manager catches its own).
 */
function deliverSafely(onMessage: (message: SyncMessage) => void): (message: SyncMessage) => void {
  return (message) => {
    try {
      onMessage(message);
    } catch (error) {
      process.emitWarning(
        `TallyConnect: handling the sync message "${String((message as { type?: unknown } | null)?.type)}" failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}

/**
 * In a worker thread with its own connection to the database file. `done` always resolves (when the
 * worker has exited); every outcome, a crash of the worker included, arrives as a message.
 */
export function workerRunner(dbPath: string, entry = resolveSyncWorkerEntry()): SyncRunner {
  return {
    run(job, onMessage) {
      const deliver = deliverSafely(onMessage);
      let worker: Worker;
      try {
        worker = startSyncWorker(entry, { dbPath, job });
      } catch (error) {
        deliver({
          type: 'failed',
          error: {
            code: 'INTERNAL',
            message: `The sync worker could not start: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
        return { done: Promise.resolve(), cancel: () => undefined };
      }
      let finished = false;
      const fail = (message: string): void => {
        if (finished) return;
        finished = true;
        deliver({ type: 'failed', error: { code: 'INTERNAL', message } });
      };
      const done = new Promise<void>((resolve) => {
        worker.on('message', (message: SyncMessage) => {
          if (message.type === 'finished' || message.type === 'failed') {
            // The first outcome stands: a late one (a failing clean-up) cannot change it.
            if (finished) return;
            finished = true;
          }
          deliver(message);
        });
        worker.on('messageerror', (error) =>
          fail(`A message from the sync worker was unreadable: ${error.message}`),
        );
        worker.on('error', (error) => fail(`The sync worker stopped: ${error.message}`));
        worker.on('exit', (code) => {
          fail(`The sync worker exited unexpectedly (code ${code})`);
          resolve();
        });
      });
      return {
        done,
        cancel: () => {
          try {
            worker.postMessage({ type: 'cancel' });
          } catch {
            // The worker has already exited; its outcome is on its way.
          }
        },
      };
    },
  };
}
