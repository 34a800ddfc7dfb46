import { parentPort, workerData } from 'node:worker_threads';
import { createTallyClient, type TallyClientOptions } from '../tally/client';
import { fetchVoucherAnswer, fetchVouchers } from '../tally/fetch';
import { packVouchers } from '../tally/voucher-pack';
import { errorInfoOf } from './error-info';
import type { FetchReply, FetchRequest } from './voucher-fetcher';

/**
 * The parse thread of a sync: fetches batches of vouchers from Tally, decodes and parses them, and posts
 * them back packed, while the sync worker stores the previous batch. A batch asked for `unparsed` is
 * posted as Tally's bytes instead, for the sync worker to parse itself (voucher-fetcher.ts says why).
 */
const port = parentPort;
if (port === null) throw new Error('fetch-worker must run as a worker thread');
const client = createTallyClient((workerData as { tally: TallyClientOptions }).tally);
const running = new Map<number, AbortController>();
/**
 * One batch at a time: the engine asks one batch ahead, and parsing two answers at once in this thread only
 * interleaves them (the first arrives as late as the second) while the store thread waits.
 */
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (message: FetchRequest) => {
  if (message.type === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const reply = (r: FetchReply): void => {
    if (r.type === 'vouchers') port.postMessage(r, [r.packed.lengths.buffer, r.packed.numbers.buffer]);
    else if (r.type === 'answer')
      port.postMessage(
        r,
        r.chunks.map((c) => c.buffer),
      );
    else port.postMessage(r);
  };
  const options = { alteredAfter: message.alteredAfter, signal: controller.signal };
  queue = queue
    .then(async (): Promise<FetchReply> => {
      if (message.unparsed === true) {
        const chunks = await fetchVoucherAnswer(client, message.company, message.range, options);
        return { type: 'answer', id: message.id, chunks };
      }
      const vouchers = await fetchVouchers(client, message.company, message.range, options);
      return { type: 'vouchers', id: message.id, packed: packVouchers(vouchers) };
    })
    .then(reply)
    .catch((error: unknown) => reply({ type: 'failed', id: message.id, error: errorInfoOf(error) }))
    .finally(() => running.delete(message.id));
});
