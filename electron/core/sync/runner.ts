import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Store } from '../db/store';
import { executeSync, type SyncJob, type SyncMessage } from './execute';

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

/**
 * Where the worker's entry file is: next to this module, as .ts under tsx/vitest (started with
 * `--import tsx`) or as .js when bundled (the bundler must emit sync-worker.js beside the main bundle).
 */
export interface WorkerEntry {
  path: string;
  /** TypeScript source (dev, tests): loaded through tsx's loader registered inside the worker. */
  typescript: boolean;
}

export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return { path: join(dir, 'sync-worker.ts'), typescript: true };
  const candidates = [
    join(dir, 'sync-worker.js'),
    join(dir, 'sync-worker.mjs'),
    join(dir, 'sync', 'sync-worker.js'),
  ];
  return { path: candidates.find((p) => existsSync(p)) ?? (candidates[0] as string), typescript: false };
}

/**
 * `execArgv: ['--import', 'tsx']` is not honoured inside every host (vitest's forks, some Node 20
 * builds), so a TypeScript entry is started by a one-line bootstrap that registers tsx first.
 */
function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  // Optional cap on the worker's old generation (TALLYCONNECT_SYNC_HEAP_MB; unset or 0 = V8's default).
  // Measured: it does not change the resident growth of a long sync (docs/BENCHMARKS.md), so it is off.
  const heapMb = Number(process.env.TALLYCONNECT_SYNC_HEAP_MB ?? 0);
  const resourceLimits =
    Number.isFinite(heapMb) && heapMb > 0 ? { maxOldGenerationSizeMb: heapMb } : undefined;
  if (!entry.typescript) return new Worker(entry.path, { workerData, resourceLimits });
  const bootstrap =
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.path).href)}); })` +
    `.catch((error) => { throw error; });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/** In a worker thread with its own connection to the database file. */
export function workerRunner(dbPath: string, entry = resolveWorkerEntry()): SyncRunner {
  return {
    run(job, onMessage) {
      const worker = startWorker(entry, { dbPath, job });
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
