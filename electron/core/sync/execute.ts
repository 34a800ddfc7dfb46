import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { SyncProgress, SyncResult } from '../../../shared/types/sync';
import type { Store } from '../db/store';
import { createTallyClient, type TallyClientOptions } from '../tally/client';
import { runSync, type SyncRequest } from './engine';
import { createProgressTracker } from './progress';
import { importFiles } from '../import/file-import';

/** Messages from a sync run (worker or in-process) to the manager. */
export type SyncMessage =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'companyDone'; result: SyncResult }
  | { type: 'companyFailed'; companyGuid: string; companyName: string; error: ErrorInfo }
  | { type: 'finished'; results: SyncResult[] }
  | { type: 'failed'; error: ErrorInfo };

export type SyncJob =
  | { kind: 'sync'; runId: string; request: SyncRequest; tally: TallyClientOptions; batchSize?: number }
  | { kind: 'import'; runId: string; paths: string[] };

export const errorInfoOf = (error: unknown): ErrorInfo =>
  error instanceof AppError
    ? error.toInfo()
    : {
        code: 'INTERNAL',
        message: `Sync failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      };

/** Runs one sync job against a store and reports everything as messages; never throws. */
export async function executeSync(
  store: Store,
  job: SyncJob,
  post: (message: SyncMessage) => void,
  signal: AbortSignal,
  now: () => number = () => Date.now(),
): Promise<void> {
  const progress = createProgressTracker({
    runId: job.runId,
    now,
    emit: (p) => post({ type: 'progress', progress: p }),
  });
  try {
    if (job.kind === 'import') {
      const result = await importFiles({ store, paths: job.paths, runId: job.runId, progress, now, signal });
      post({ type: 'companyDone', result });
      post({ type: 'finished', results: [result] });
      return;
    }
    const results = await runSync(job.request, {
      client: createTallyClient(job.tally),
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
  }
}
