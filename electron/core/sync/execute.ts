import { statSync } from 'node:fs';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import { databaseError, sqliteCode } from '../db/sqlite-errors';
import type { SyncProgress, SyncResult } from '../../../shared/types/sync';
import { DATABASE_FILE_SUFFIXES, type Store } from '../db/store';
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
  | { type: 'failed'; error: ErrorInfo }
  /** Something that did not fail the run but belongs in the log (Tally refused to change its period ...). */
  | { type: 'warning'; message: string };

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

/** A file's identity (device and inode) without opening it: stat never touches SQLite's locks. */
function identity(path: string): string | null {
  try {
    const stats = statSync(path);
    return stats.ino === 0 ? null : `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

/**
 * Refuses to import the database itself (or its -wal/-shm/-journal, or the GST summaries' database beside
 * it): reading it would open and close a
 * descriptor of the file in this process, which on POSIX drops every SQLite lock the process holds on
 * it (docs/security/database.md). Compared by device and inode, so links and other spellings count.
 */
function refuseDatabaseFiles(store: Store, paths: readonly string[]): void {
  const own = new Set(
    DATABASE_FILE_SUFFIXES.map((suffix) => identity(`${store.path}${suffix}`)).filter(
      (id): id is string => id !== null,
    ),
  );
  if (own.size === 0) return;
  for (const path of paths) {
    const id = identity(path);
    if (id !== null && own.has(id)) {
      throw new AppError(
        'IMPORT_INVALID',
        `${path} is TallyConnect's own database, not a Tally export; choose the XML files exported from Tally`,
        { path },
      );
    }
  }
}

/** A raw SQLite failure as a DATABASE error that names the file and says what happened. */
function failureOf(store: Store, error: unknown): ErrorInfo {
  return errorInfoOf(sqliteCode(error) !== null ? databaseError(store.path, error) : error);
}

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
      refuseDatabaseFiles(store, job.paths);
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
      warn: (message) => post({ type: 'warning', message }),
    });
    post({ type: 'finished', results });
  } catch (error) {
    post({ type: 'failed', error: failureOf(store, error) });
  } finally {
    try {
      await vouchers?.close();
    } catch {
      // The parse worker is gone either way; the run's outcome was already posted.
    }
  }
}
