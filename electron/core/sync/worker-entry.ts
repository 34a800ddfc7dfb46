import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Where a worker's entry file is: next to the calling module, as .ts under tsx/vitest (started with
 * `--import tsx`) or as .js when bundled (the bundler emits `<name>.js` beside the main bundle; a module
 * bundled into a shared chunk looks one folder up).
 */
export interface WorkerEntry {
  path: string;
  /** TypeScript source (dev, tests): loaded through tsx's loader registered inside the worker. */
  typescript: boolean;
}

export function resolveWorkerEntry(name: string, moduleUrl: string): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return { path: join(dir, `${name}.ts`), typescript: true };
  const candidates = [
    join(dir, `${name}.js`),
    join(dir, `${name}.mjs`),
    join(dir, 'sync', `${name}.js`),
    join(dir, '..', `${name}.js`),
  ];
  return { path: candidates.find((p) => existsSync(p)) ?? (candidates[0] as string), typescript: false };
}

/**
 * The young generation of a sync thread's heap, in MB. V8's default on a large machine is ~48 MB per
 * thread, for garbage that a scavenge frees in a fraction of that; two sync threads with the default cost
 * ~80 MB more resident memory for no measurable speed.
 */
export const SYNC_YOUNG_GENERATION_MB = 8;

/**
 * `execArgv: ['--import', 'tsx']` is not honoured inside every host (vitest's forks, some Node 20
 * builds), so a TypeScript entry is started by a one-line bootstrap that registers tsx first.
 */
export function startWorker(
  entry: WorkerEntry,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  if (!entry.typescript) return new Worker(entry.path, { workerData, resourceLimits });
  const bootstrap =
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.path).href)}); })` +
    `.catch((error) => { throw error; });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
