import type { Worker } from 'node:worker_threads';
import { AppError, isErrorInfo, type ErrorInfo } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/dates';
import { cancelled, type TallyClient, type TallyClientOptions } from '../tally/client';
import { answerWasCut } from '../tally/client';
import { fetchVouchers, parseVoucherAnswer } from '../tally/fetch';
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
  /**
   * Gets ready to fetch (starts the parse worker) while the sync still reads masters and counts, so the
   * first batch does not wait for a thread to start.
   */
  warmUp?(): void;
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
      /** Send Tally's answer back as bytes, unparsed: the asking thread parses this batch itself. */
      unparsed?: boolean;
    }
  | { type: 'cancel'; id: number };

export type FetchReply =
  | { type: 'vouchers'; id: number; packed: PackedVouchers }
  | { type: 'answer'; id: number; chunks: Uint8Array<ArrayBuffer>[] }
  | { type: 'failed'; id: number; error: ErrorInfo };

export function resolveFetchWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  return resolveWorkerEntry('fetch-worker', moduleUrl);
}

/**
 * In a second worker thread: Tally's answers are decoded and parsed there while this thread stores the
 * previous batch, so a sync uses both cores. The engine asks one batch ahead, so at most two batches are
 * in flight. Records come back packed (see voucher-pack.ts).
 *
 * Every other batch, the first among them, the worker only fetches and this thread parses it: parsing
 * costs three to four times what storing does, so a worker parsing every batch left this thread waiting
 * for most of the sync (measured per thread on 60,020 vouchers: ~3.1 s of CPU in the parse worker against
 * ~1.3 s in the sync worker, commit included). Split this way, each thread parses while the other stores
 * or parses, and Tally still answers one request at a time (the worker asks; docs/BENCHMARKS.md "Parsing
 * on both threads").
 */
export function workerFetcher(
  tally: TallyClientOptions,
  entry: WorkerEntry = resolveFetchWorkerEntry(),
): VoucherFetcher {
  let worker: Worker | null = null;
  let nextId = 1;
  /** A batch being fetched; `parse` when its answer comes back unparsed, `again` to ask the worker anew. */
  interface Waiting {
    resolve: (v: MappedVoucher[]) => void;
    reject: (e: unknown) => void;
    parse: (chunks: readonly Uint8Array[]) => MappedVoucher[];
    again: () => void;
  }
  const pending = new Map<number, Waiting>();
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
      } else if (reply.type === 'answer') {
        try {
          waiting.resolve(waiting.parse(reply.chunks));
        } catch (error) {
          // An answer cut mid-way: asked again, parsed in the worker, whose client retries as on this thread.
          if (answerWasCut(error)) waiting.again();
          else waiting.reject(error);
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
      const unparsed = nextId % 2 === 1;
      return new Promise<MappedVoucher[]>((resolve, reject) => {
        let id = 0;
        const onAbort = (): void => target.postMessage({ type: 'cancel', id } satisfies FetchRequest);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const ask = (answerOnly: boolean): void => {
          id = nextId++;
          pending.set(id, waiting);
          target.postMessage({
            type: 'fetch',
            id,
            company,
            range,
            alteredAfter: options.alteredAfter,
            unparsed: answerOnly,
          } satisfies FetchRequest);
        };
        const waiting: Waiting = {
          resolve: (v) => {
            options.signal?.removeEventListener('abort', onAbort);
            resolve(v);
          },
          reject: (e) => {
            options.signal?.removeEventListener('abort', onAbort);
            reject(e);
          },
          parse: (chunks) => {
            // Cancelled while the answer was on its way: not worth parsing.
            if (options.signal?.aborted) throw cancelled();
            return parseVoucherAnswer(chunks, company, range);
          },
          again: () => ask(false),
        };
        ask(unparsed);
      });
    },
    warmUp() {
      ensureWorker();
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
