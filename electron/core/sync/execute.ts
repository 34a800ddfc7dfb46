import type { ErrorInfo } from '../../../shared/errors';
import type { SyncProgress, SyncResult } from '../../../shared/types/sync';
import type { Store } from '../db/store';
import { createTallyClient, type TallyClientOptions } from '../tally/client';
import { runSync, type SyncRequest } from './engine';
import { createProgressTracker } from './progress';
import { importFiles } from '../import/file-import';
import { errorInfoOf } from './error-info';
import { workerFetcher, type VoucherFetcher } from './voucher-fetcher';

/** Messages from a sync run (worker or in-process) to the manager. */
export type SyncMessage =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'companyDone'; result: SyncResult }
  | { type: 'companyFailed'; companyGuid: string; companyName: string; error: ErrorInfo }
  | { type: 'finished'; results: SyncResult[] }
  | { type: 'failed'; error: ErrorInfo };

export type SyncJob =
  | {
      kind: 'sync';
      runId: string;
      request: SyncRequest;
      tally: TallyClientOptions;
      batchSize?: number;
      /** Parse in a second worker (honoured where the runner allows it: the worker runner). */
      parseInWorker?: boolean;
    }
  | { kind: 'import'; runId: string; paths: string[] };

/** Runs one sync job against a store and reports everything as messages; never throws. */
export async function executeSync(
  store: Store,
  job: SyncJob,
  post: (message: SyncMessage) => void,
  signal: AbortSignal,
  now: () => number = () => Date.now(),
  options: { allowParseWorker?: boolean } = {},
): Promise<void> {
  const progress = createProgressTracker({
    runId: job.runId,
    now,
    emit: (p) => post({ type: 'progress', progress: p }),
  });
  let vouchers: VoucherFetcher | undefined;
  try {
    if (job.kind === 'import') {
      const result = await importFiles({ store, paths: job.paths, runId: job.runId, progress, now, signal });
      post({ type: 'companyDone', result });
      post({ type: 'finished', results: [result] });
      return;
    }
    // Parsing in a second worker lets it overlap with storing (two cores); in-process runs (tests, the
    // CLI) keep everything on one thread.
    if (options.allowParseWorker && job.parseInWorker) vouchers = workerFetcher(job.tally);
    const results = await runSync(job.request, {
      client: createTallyClient(job.tally),
      vouchers,
      store,
      progress,
      now,
      signal,
      runId: job.runId,
      batchSize: job.batchSize,
      onCompanyDone: (result) => post({ type: 'companyDone', result }),
      onCompanyFailed: (company, error) =>
        post({ type: 'companyFailed', companyGuid: company.guid, companyName: company.name, error }),
    });
    post({ type: 'finished', results });
  } catch (error) {
    post({ type: 'failed', error: errorInfoOf(error) });
  } finally {
    await vouchers?.close();
  }
}
