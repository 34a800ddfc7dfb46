import type { Worker } from 'node:worker_threads';
import { AppError, isErrorInfo, type ErrorInfo } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/dates';
import { cancelled, type TallyClient, type TallyClientOptions } from '../tally/client';
import { fetchVouchers } from '../tally/fetch';
import type { MappedVoucher } from '../tally/mappers';
import { unpackVouchers, type PackedVouchers } from '../tally/voucher-pack';
import { resolveWorkerEntry, startWorker, SYNC_YOUNG_GENERATION_MB, type WorkerEntry } from './worker-entry';

/** Fetches and parses one batch of vouchers; the engine stores them. */
export interface VoucherFetcher {
  fetch(
    company: string,
    range: { from: IsoDate; to: IsoDate },
    options: { alteredAfter?: number; signal?: AbortSignal },
  ): Promise<MappedVoucher[]>;
  close(): Promise<void>;
}

/** On the calling thread: parsing and storing take turns. */
export function inThreadFetcher(client: TallyClient): VoucherFetcher {
  return {
    fetch: (company, range, options) => fetchVouchers(client, company, range, options),
    close: async () => undefined,
  };
}

/** Messages to and from the fetch worker. */
export type FetchRequest =
  | {
      type: 'fetch';
      id: number;
      company: string;
      range: { from: IsoDate; to: IsoDate };
      alteredAfter?: number;
    }
  | { type: 'cancel'; id: number };

export type FetchReply =
  { type: 'vouchers'; id: number; packed: PackedVouchers } | { type: 'failed'; id: number; error: ErrorInfo };

export function resolveFetchWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  return resolveWorkerEntry('fetch-worker', moduleUrl);
}

/**
 * In a second worker thread: Tally's answers are decoded and parsed there while this thread stores the
 * previous batch, so a sync uses both cores. The engine asks one batch ahead, so at most two batches are
 * in flight. Records come back packed (see voucher-pack.ts).
 */
export function workerFetcher(
  tally: TallyClientOptions,
  entry: WorkerEntry = resolveFetchWorkerEntry(),
): VoucherFetcher {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: MappedVoucher[]) => void; reject: (e: unknown) => void }>();
  const failAll = (error: AppError): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const ensureWorker = (): Worker => {
    if (worker !== null) return worker;
    const { sleep: _sleep, ...cloneable } = tally;
    const started = startWorker(
      entry,
      { tally: cloneable },
      { maxYoungGenerationSizeMb: SYNC_YOUNG_GENERATION_MB },
    );
    started.on('message', (reply: FetchReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.type === 'vouchers') {
        try {
          waiting.resolve(unpackVouchers(reply.packed));
        } catch (error) {
          waiting.reject(error);
        }
      } else {
        const info = reply.error;
        waiting.reject(
          isErrorInfo(info) ? AppError.fromInfo(info) : new AppError('INTERNAL', 'The parse worker failed'),
        );
      }
    });
    started.on('error', (error) =>
      failAll(new AppError('INTERNAL', `The parse worker stopped: ${error.message}`)),
    );
    started.on('exit', (code) => {
      worker = null;
      failAll(new AppError('INTERNAL', `The parse worker exited unexpectedly (code ${code})`));
    });
    worker = started;
    return started;
  };
  return {
    fetch(company, range, options) {
      if (options.signal?.aborted) return Promise.reject(cancelled());
      const target = ensureWorker();
      const id = nextId++;
      return new Promise<MappedVoucher[]>((resolve, reject) => {
        const onAbort = (): void => target.postMessage({ type: 'cancel', id } satisfies FetchRequest);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (v) => {
            options.signal?.removeEventListener('abort', onAbort);
            resolve(v);
          },
          reject: (e) => {
            options.signal?.removeEventListener('abort', onAbort);
            reject(e);
          },
        });
        target.postMessage({
          type: 'fetch',
          id,
          company,
          range,
          alteredAfter: options.alteredAfter,
        } satisfies FetchRequest);
      });
    },
    async close() {
      const running = worker;
      worker = null;
      if (running === null) return;
      running.removeAllListeners('exit');
      failAll(cancelled());
      await running.terminate();
    },
  };
}
