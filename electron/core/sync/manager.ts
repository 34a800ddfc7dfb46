import { randomUUID } from 'node:crypto';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { SyncProgress, SyncResult, TallyConnectionInfo } from '../../../shared/types/sync';
import type { Store } from '../db/store';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { createTallyClient, type TallyClientOptions } from '../tally/client';
import { fetchCompanies } from '../tally/fetch';
import type { SyncRequest } from './engine';
import type { SyncJob, SyncMessage } from './execute';
import type { SyncRunner } from './runner';

export interface SyncManagerOptions {
  store: Pick<Store, 'findCompany'>;
  events: EventBus;
  runner: SyncRunner;
  /** Current Tally settings (they may change while the app runs). */
  tally: () => TallyClientOptions;
  /** Drops the company's cached reports; failures are logged, never fail a sync. */
  invalidateCompany: (companyGuid: string) => Promise<unknown>;
  logger?: Pick<Logger, 'warn'>;
  newRunId?: () => string;
}

export interface SyncManager {
  start(request: SyncRequest): Promise<SyncResult[]>;
  importFiles(paths: string[]): Promise<SyncResult>;
  cancel(): { cancelled: boolean };
  status(): { running: boolean; progress: SyncProgress | null };
  testConnection(target?: { host?: string; port?: number }): Promise<TallyConnectionInfo>;
  /** Waits for a running sync to stop (cancelling it). */
  close(): Promise<void>;
}

/**
 * One sync (or import) at a time: runs it through the runner (a worker thread in the app), forwards
 * progress to the event bus, and after every committed company invalidates its cache and announces
 * 'books.changed' so open dashboards refresh.
 */
export function createSyncManager(options: SyncManagerOptions): SyncManager {
  const newRunId = options.newRunId ?? randomUUID;
  let running: { cancel(): void; done: Promise<unknown> } | null = null;
  let progress: SyncProgress | null = null;

  const afterCommit = async (result: SyncResult): Promise<void> => {
    if (result.kind === 'unchanged') return;
    try {
      await options.invalidateCompany(result.companyGuid);
    } catch (error) {
      // Keys carry the data version, so stale entries cannot be served even if this fails.
      options.logger?.warn('cache invalidation after sync failed', { error, companyGuid: result.companyGuid });
    }
    const row = options.store.findCompany(result.companyGuid);
    options.events.emit('books.changed', { companyGuid: result.companyGuid, dataVersion: row?.dataVersion ?? 0 });
  };

  const run = (job: SyncJob, companyGuid: string | null): Promise<SyncResult[]> => {
    if (running !== null) {
      throw new AppError('SYNC_IN_PROGRESS', 'A sync is already running; wait for it to finish or cancel it');
    }
    const pending: Promise<void>[] = [];
    let outcome: { results: SyncResult[] } | { error: ErrorInfo } | null = null;
    const onMessage = (message: SyncMessage): void => {
      switch (message.type) {
        case 'progress':
          progress = message.progress;
          options.events.emit('sync.progress', message.progress);
          break;
        case 'companyDone':
          pending.push(afterCommit(message.result));
          break;
        case 'companyFailed':
          options.events.emit('sync.failed', { runId: job.runId, companyGuid: message.companyGuid, error: message.error });
          break;
        case 'finished':
          outcome = { results: message.results };
          break;
        case 'failed':
          outcome = { error: message.error };
          break;
      }
    };
    const handle = options.runner.run(job, onMessage);
    const done = (async () => {
      try {
        await handle.done;
        await Promise.all(pending);
      } finally {
        running = null;
      }
      const result = outcome as { results: SyncResult[] } | { error: ErrorInfo } | null;
      if (result !== null && 'results' in result) {
        options.events.emit('sync.finished', { runId: job.runId, results: result.results });
        return result.results;
      }
      const error = result?.error ?? { code: 'INTERNAL' as const, message: 'The sync stopped without a result' };
      progress = progress && { ...progress, phase: error.code === 'CANCELLED' ? 'cancelled' : 'failed', message: error.message };
      options.events.emit('sync.failed', { runId: job.runId, companyGuid, error });
      throw new AppError(error.code, error.message, error.details);
    })();
    running = { cancel: handle.cancel, done: done.catch(() => undefined) };
    return done;
  };

  return {
    start(request) {
      return Promise.resolve().then(() =>
        run({ kind: 'sync', runId: newRunId(), request, tally: options.tally() }, request.companyGuid ?? null),
      );
    },
    async importFiles(paths) {
      const [result] = await run({ kind: 'import', runId: newRunId(), paths }, null);
      if (!result) throw new AppError('IMPORT_INVALID', 'The import produced no company');
      return result;
    },
    cancel() {
      if (running === null) return { cancelled: false };
      running.cancel();
      return { cancelled: true };
    },
    status() {
      return { running: running !== null, progress };
    },
    async testConnection(target = {}) {
      const base = options.tally();
      const tally = { ...base, host: target.host ?? base.host, port: target.port ?? base.port, attempts: 1 };
      const client = createTallyClient({ ...tally, timeoutMs: Math.min(tally.timeoutMs ?? 30_000, 30_000) });
      try {
        const companies = await fetchCompanies(client);
        const n = companies.length;
        return {
          host: tally.host,
          port: tally.port,
          reachable: true,
          message:
            n === 0
              ? 'Connected, but no company is open in Tally'
              : `Connected; ${n} ${n === 1 ? 'company' : 'companies'} open`,
          companies: companies.map((c) => ({ guid: c.guid, name: c.name })),
        };
      } catch (error) {
        if (error instanceof AppError && error.code === 'TALLY_UNREACHABLE') {
          return { host: tally.host, port: tally.port, reachable: false, message: error.message, companies: [] };
        }
        throw error;
      }
    },
    async close() {
      const current = running;
      if (current === null) return;
      current.cancel();
      await current.done;
    },
  };
}
