import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';

/** One argon2id computation: the raw digest of `password` (already NFC-normalised) with `salt`. */
export interface Argon2Job {
  password: string;
  salt: Uint8Array;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

export interface Argon2Compute {
  /**
   * `priority` jobs (the desktop owner saving an account) go to the front of the queue and are never
   * refused; all others (sign-ins) are refused with RATE_LIMITED once the queue is full.
   */
  (job: Argon2Job, options?: { priority?: boolean }): Promise<Uint8Array>;
}

export interface Argon2Pool {
  readonly compute: Argon2Compute;
  /** Jobs running or waiting. */
  readonly pending: number;
  close(): Promise<void>;
}

export interface Argon2PoolOptions {
  /** Worker threads (each argon2id run blocks its thread; memory per run is the memory parameter). */
  threads: number;
  /** Jobs allowed to wait for a free thread; more are refused at once instead of queueing forever. */
  maxQueued: number;
}

/** Two threads keep up with an office's sign-ins; 16 waiting is under a second of work at ~100 ms each. */
export const DEFAULT_ARGON2_POOL: Argon2PoolOptions = { threads: 2, maxQueued: 16 };

/**
 * The worker's code, evaluated as a CommonJS script (no extra bundle entry needed): hash-wasm is loaded
 * from the path the main thread resolved, so this works under tsx, vitest and the packaged app alike.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.hashWasm);
parentPort.on('message', (job) => {
  argon2id({
    password: job.password,
    salt: job.salt,
    parallelism: job.parallelism,
    iterations: job.iterations,
    memorySize: job.memoryKiB,
    hashLength: job.hashLength,
    outputType: 'binary',
  }).then(
    (digest) => parentPort.postMessage({ id: job.id, digest }),
    (error) => parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) }),
  );
});
`;

interface Queued {
  id: number;
  job: Argon2Job;
  resolve: (digest: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Queued | null;
}

/**
 * Password hashing off the main thread: a small pool of worker threads with a bounded queue. A flood
 * of sign-ins can neither stall the event loop (every API call of every user would wait behind each
 * 50-100 ms hash) nor pile up work without limit: past the bound, a sign-in is answered 429 at once.
 */
export function createArgon2Pool(options: Argon2PoolOptions = DEFAULT_ARGON2_POOL): Argon2Pool {
  if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError('threads must be >= 1');
  if (!Number.isInteger(options.maxQueued) || options.maxQueued < 0)
    throw new RangeError('maxQueued must be >= 0');
  const hashWasm = createRequire(import.meta.url).resolve('hash-wasm');
  const slots: Slot[] = [];
  const queue: Queued[] = [];
  let nextId = 1;
  let closed = false;

  const fail = (slot: Slot, error: Error): void => {
    const job = slot.current;
    slot.current = null;
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    job?.reject(error);
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm } });
    const slot: Slot = { worker, current: null };
    worker.unref();
    worker.on('message', (message: { id: number; digest?: Uint8Array; error?: string }) => {
      const job = slot.current;
      if (!job || job.id !== message.id) return;
      slot.current = null;
      worker.unref();
      if (message.digest) job.resolve(new Uint8Array(message.digest));
      else job.reject(new Error(`argon2id failed: ${message.error ?? 'unknown error'}`));
      pump();
    });
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => fail(slot, new Error(`argon2 worker stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.current === null) ?? (slots.length < options.threads ? spawn() : null);
      if (!slot) return;
      const next = queue.shift() as Queued;
      slot.current = next;
      // Keeps the process alive while a hash runs; idle workers never do.
      slot.worker.ref();
      slot.worker.postMessage({ id: next.id, ...next.job });
    }
  };

  const running = (): number => slots.filter((s) => s.current !== null).length;

  const compute: Argon2Compute = (job, jobOptions = {}) => {
    if (closed) return Promise.reject(new Error('the password hasher is closed'));
    const idle = slots.length < options.threads || running() < slots.length;
    if (!jobOptions.priority && !idle && queue.length >= options.maxQueued) {
      return Promise.reject(
        new AppError('RATE_LIMITED', 'The server is busy checking other sign-ins; try again in a moment', {
          retryAfterSeconds: 1,
        }),
      );
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const queued: Queued = { id: nextId++, job, resolve, reject };
      if (jobOptions.priority) queue.unshift(queued);
      else queue.push(queued);
      pump();
    });
  };

  return {
    compute,
    get pending() {
      return running() + queue.length;
    },
    async close() {
      closed = true;
      for (const queued of queue.splice(0)) queued.reject(new Error('the password hasher is closed'));
      const workers = slots.splice(0).map((s) => s.worker);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
