import { randomUUID } from 'node:crypto';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { SyncProgress, SyncResult, TallyConnectionInfo } from '../../../shared/types/sync';
import { databaseError, sqliteCode } from '../db/sqlite-errors';
import type { Store } from '../db/store';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { createTallyClient, type TallyClientOptions } from '../tally/client';
import { fetchCompanies } from '../tally/fetch';
import type { SyncRequest } from './engine';
import { errorInfoOf } from './error-info';
import type { SyncJob, SyncMessage } from './execute';
import { readLocalState } from './local-state';
import type { SyncRunner } from './runner';

export interface SyncManagerOptions {
  store: Pick<Store, 'findCompany' | 'db' | 'markSyncStatus'>;
  events: EventBus;
  runner: SyncRunner;
  /**
   * For small syncs asked for with `{ quick: true }` (live mode's few changed vouchers): runs without
   * starting a worker thread, whose start-up would be most of such a sync's time. Its own connection.
   */
  quickRunner?: SyncRunner;
  /** Current Tally settings (they may change while the app runs). */
  tally: () => TallyClientOptions;
  /** Whether a sync parses in a second worker thread (SYNC_PARSE_WORKER); read at each start. */
  parseInWorker?: () => boolean;
  /** Drops the company's cached reports; failures are logged, never fail a sync. */
  invalidateCompany: (companyGuid: string) => Promise<unknown>;
  /**
   * Drops the cached company list, which shows each company's sync status: after a sync that failed or
   * found nothing changed, the status moved but no books did.
   */
  invalidateCompanyList?: () => Promise<unknown>;
  /**
   * Where failures that must not fail a sync are reported (after-commit steps, event listeners): `error`
   * when the logger has it, else `warn`; without a logger, the console.
   */
  logger?: Pick<Logger, 'warn'> & Partial<Pick<Logger, 'error'>>;
  newRunId?: () => string;
}

export interface SyncManager {
  start(request: SyncRequest, how?: { quick?: boolean }): Promise<SyncResult[]>;
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
 *
 * Nothing here may reject or throw unobserved: the manager runs inside the app's process, where an
 * unhandled rejection ends the process. Every step that runs outside a caller's await (messages from the
 * runner, after-commit steps, event listeners) catches and reports its failure through the logger.
 */
export function createSyncManager(options: SyncManagerOptions): SyncManager {
  const newRunId = options.newRunId ?? randomUUID;
  let running: { cancel(): void; done: Promise<unknown> } | null = null;
  let progress: SyncProgress | null = null;

  const report = (message: string, fields: Record<string, unknown>): void => {
    try {
      const logger = options.logger;
      if (logger?.error) logger.error(message, fields);
      else if (logger) logger.warn(message, fields);
      else console.error(`TallyConnect sync: ${message}`, fields);
    } catch {
      // A failing logger has nowhere left to report to; the sync itself goes on.
    }
  };

  /** Announces an event; a throwing listener (a closed window, a broken stream) is reported, not raised. */
  const emit: EventBus['emit'] = (event, payload) => {
    try {
      options.events.emit(event, payload);
    } catch (error) {
      report(`announcing ${event} failed`, { error, event });
    }
  };

  /** A raw SQLite failure of the main connection as a DATABASE error that names the file. */
  const asAppError = (error: unknown): unknown =>
    sqliteCode(error) !== null ? databaseError(options.store.db.name, error) : error;

  /** Never rejects: the books are committed, so its failures are reported, never raised. */
  const afterCommit = async (result: SyncResult): Promise<void> => {
    if (result.kind === 'unchanged') return;
    try {
      await options.invalidateCompany(result.companyGuid);
    } catch (error) {
      // Keys carry the data version, so stale entries cannot be served even if this fails.
      report('cache invalidation after sync failed', { error, companyGuid: result.companyGuid });
    }
    let dataVersion = 0;
    try {
      dataVersion = options.store.findCompany(result.companyGuid)?.dataVersion ?? 0;
    } catch (error) {
      // Still announced below: open dashboards refresh and read the committed books themselves.
      report('reading the committed company after sync failed', {
        error: asAppError(error),
        companyGuid: result.companyGuid,
      });
    }
    emit('books.changed', { companyGuid: result.companyGuid, dataVersion });
  };

  /** Runs an after-commit step so that even a synchronous throw of it ends up reported. */
  const settle = (step: () => Promise<void>, what: string): Promise<void> => {
    try {
      return step().catch((error: unknown) => report(`${what} failed`, { error }));
    } catch (error) {
      report(`${what} failed`, { error });
      return Promise.resolve();
    }
  };

  const refreshCompanyList = async (): Promise<void> => {
    try {
      await options.invalidateCompanyList?.();
    } catch (error) {
      // The list then shows the previous status until its short TTL runs out.
      report('dropping the cached company list failed', { error });
    }
  };

  const run = (
    job: SyncJob,
    companyGuid: string | null,
    runner: SyncRunner = options.runner,
  ): Promise<SyncResult[]> => {
    if (running !== null) {
      throw new AppError('SYNC_IN_PROGRESS', 'A sync is already running; wait for it to finish or cancel it');
    }
    const pending: Promise<void>[] = [];
    const announced = new Set<string>();
    let outcome: { results: SyncResult[] } | { error: ErrorInfo } | null = null;
    // Called from the runner's event handlers (a worker's 'message'): a throw here would be uncaught.
    const onMessage = (message: SyncMessage): void => {
      try {
        switch (message.type) {
          case 'progress':
            progress = message.progress;
            emit('sync.progress', message.progress);
            break;
          case 'companyDone':
            pending.push(settle(() => afterCommit(message.result), 'after-commit step'));
            break;
          case 'companyFailed':
            announced.add(message.error.message);
            pending.push(settle(refreshCompanyList, 'dropping the cached company list'));
            emit('sync.failed', {
              runId: job.runId,
              companyGuid: message.companyGuid,
              error: message.error,
            });
            break;
          case 'finished':
            // The first outcome stands: a late message after it cannot turn a success into a failure.
            outcome ??= { results: message.results };
            break;
          case 'failed':
            outcome ??= { error: message.error };
            break;
          case 'warning':
            // The run goes on; the log keeps what Tally did not do (a refused period change ...).
            try {
              options.logger?.warn(message.message, { runId: job.runId });
            } catch {
              // A failing logger has nowhere left to report to.
            }
            break;
        }
      } catch (error) {
        report('handling a message from the sync run failed', {
          error,
          type: (message as { type?: unknown } | null)?.type,
        });
      }
    };
    const handle = runner.run(job, onMessage);
    const done = (async () => {
      try {
        await handle.done;
      } catch (error) {
        // The runners report through messages and never reject; if one does, the run failed.
        outcome ??= { error: errorInfoOf(asAppError(error)) };
      }
      try {
        // Every pending step already catches (settle); allSettled keeps that true whatever is pushed.
        await Promise.allSettled(pending);
      } finally {
        running = null;
      }
      const result = outcome as { results: SyncResult[] } | { error: ErrorInfo } | null;
      if (result !== null && 'results' in result) {
        emit('sync.finished', { runId: job.runId, results: result.results });
        return result.results;
      }
      const error = result?.error ?? {
        code: 'INTERNAL' as const,
        message: 'The sync stopped without a result',
      };
      progress = progress && {
        ...progress,
        phase: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
        message: error.message,
      };
      // A company's failure was already announced with its GUID; the run's own failure only once.
      if (!announced.has(error.message)) emit('sync.failed', { runId: job.runId, companyGuid, error });
      throw AppError.fromInfo(error);
    })();
    running = { cancel: handle.cancel, done: done.catch(() => undefined) };
    return done;
  };

  /** Results when every requested company is unchanged in Tally (AltMstId / AltVchId), else null. */
  const pollUnchanged = async (
    request: SyncRequest,
    tally: TallyClientOptions,
    runId: string,
    signal: AbortSignal,
  ): Promise<SyncResult[] | null> => {
    const started = Date.now();
    const open = await fetchCompanies(createTallyClient(tally), signal);
    const targets =
      request.companyGuid === undefined ? open : open.filter((c) => c.guid === request.companyGuid);
    if (targets.length === 0) return null; // the worker run words the error
    const results: SyncResult[] = [];
    for (const company of targets) {
      const local = readLocalState(options.store.db, company.guid);
      if (
        local === null ||
        local.source !== 'tally' ||
        local.masterAlterId !== company.masterAlterId ||
        local.voucherAlterId !== company.voucherAlterId
      ) {
        return null;
      }
      results.push({
        runId,
        companyGuid: company.guid,
        companyName: company.name,
        kind: 'unchanged',
        vouchersWritten: 0,
        vouchersDeleted: 0,
        mastersWritten: 0,
        tookMs: Date.now() - started,
      });
    }
    for (const r of results) options.store.markSyncStatus(r.companyGuid, 'ok');
    await refreshCompanyList();
    return results;
  };

  return {
    async start(request, how = {}) {
      if (running !== null) {
        throw new AppError(
          'SYNC_IN_PROGRESS',
          'A sync is already running; wait for it to finish or cancel it',
        );
      }
      const runId = newRunId();
      const tally = options.tally();
      if (!request.full) {
        // The cheap poll runs here, without starting a worker: most automatic syncs end at this step.
        const controller = new AbortController();
        const poll = pollUnchanged(request, tally, runId, controller.signal);
        running = { cancel: () => controller.abort(), done: poll.catch(() => undefined) };
        let unchanged: SyncResult[] | null;
        try {
          unchanged = await poll;
        } catch (error) {
          running = null;
          const failure = asAppError(error);
          emit('sync.failed', {
            runId,
            companyGuid: request.companyGuid ?? null,
            error: errorInfoOf(failure),
          });
          throw failure;
        }
        running = null;
        if (unchanged !== null) {
          progress = {
            runId,
            companyGuid: request.companyGuid ?? null,
            companyName: unchanged.length === 1 ? (unchanged[0]?.companyName ?? null) : null,
            phase: 'done',
            done: 0,
            total: 0,
            rate: null,
            etaSeconds: null,
            message: 'Nothing changed in Tally since the last sync',
          };
          emit('sync.progress', progress);
          emit('sync.finished', { runId, results: unchanged });
          return unchanged;
        }
      }
      const parseInWorker = options.parseInWorker?.() ?? false;
      const runner = how.quick && !request.full ? (options.quickRunner ?? options.runner) : options.runner;
      return run({ kind: 'sync', runId, request, tally, parseInWorker }, request.companyGuid ?? null, runner);
    },
    async importFiles(paths) {
      const [result] = await run({ kind: 'import', runId: newRunId(), paths }, null);
      if (!result) throw new AppError('IMPORT_INVALID', 'The import produced no company');
      return result;
    },
    cancel() {
      if (running === null) return { cancelled: false };
      try {
        running.cancel();
      } catch (error) {
        // The run is ending anyway (its worker exited); it reports its own outcome.
        report('cancelling the sync failed', { error });
      }
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
          return {
            host: tally.host,
            port: tally.port,
            reachable: false,
            message: error.message,
            companies: [],
          };
        }
        throw error;
      }
    },
    async close() {
      const current = running;
      if (current === null) return;
      try {
        current.cancel();
      } catch (error) {
        report('cancelling the sync failed', { error });
      }
      await current.done;
    },
  };
}
