import { AppError } from '../../../shared/errors';
import type {
  LiveCompanyStatus,
  LiveNotificationSettings,
  LivePauseReason,
  LiveSlowdown,
  LiveState,
  LiveStatus,
} from '../../../shared/types/live';
import {
  hasChanged,
  livePolicy,
  nextBackoff,
  nextCheck,
  type AlterIds,
  type CheckOutcome,
  type LiveConditions,
  type LivePolicy,
} from './policy';

export interface LiveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CompanyIds extends AlterIds {
  guid: string;
  name: string;
}

export interface LiveWatcherDeps {
  /** Milliseconds since the epoch. */
  now: () => number;
  timers: LiveTimers;
  /** The one watch request: companies open in Tally with their AlterIDs (TCCompanies). */
  checkTally: (signal: AbortSignal) => Promise<CompanyIds[]>;
  /** Companies synced from Tally, with the AlterIDs their local copy holds. */
  localCompanies: () => CompanyIds[];
  /** A sync started elsewhere (the user, the timer) is running: no check goes to Tally meanwhile. */
  isSyncRunning: () => boolean;
  /**
   * Incremental sync of one company (the sync manager: invalidates the cache, announces books.changed).
   * `small` when Tally's AlterIDs moved by at most SMALL_CHANGE: a few vouchers, no worker thread needed.
   */
  syncCompany: (guid: string, small: boolean) => Promise<unknown>;
  conditions: () => LiveConditions;
  notifications: () => LiveNotificationSettings;
  onStatus: (status: LiveStatus) => void;
  report: (message: string, fields: Record<string, unknown>) => void;
  /** Tuning beyond the interval (tests, the bench); see policy.ts. */
  policy?: Partial<Omit<LivePolicy, 'baseMs'>>;
  /** After a failed live sync, the same AlterIDs are tried again only after this long (5 min). */
  retryFailedMs?: number;
}

export interface LiveWatcher {
  status(): LiveStatus;
  configure(settings: { enabled: boolean; intervalSeconds: number }): void;
  /** The machine's state changed (battery, activity): the pending check is re-timed. */
  conditionsChanged(): void;
  /** Stops checking and waits for a check or live sync in progress to end. */
  stop(): Promise<void>;
}

/** AlterIDs moved by at most this many: a small change (a user saving vouchers), synced on the spot. */
export const SMALL_CHANGE = 1_000;

const CLOSED_CAUSES: ReadonlySet<unknown> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH']);

/** Nothing answers on Tally's port (as opposed to an answer that was slow, cut or an error). */
export function isTallyClosed(error: unknown): boolean {
  return (
    error instanceof AppError && error.code === 'TALLY_UNREACHABLE' && CLOSED_CAUSES.has(error.details?.cause)
  );
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Live mode's loop: one check of Tally at a time (the next is timed only when the previous has
 * ended), a live sync of each company whose AlterIDs moved, and nothing else sent to Tally while
 * nothing changed. Status changes are announced; checks that found nothing new are not.
 */
export function createLiveWatcher(
  deps: LiveWatcherDeps,
  initial: { enabled: boolean; intervalSeconds: number },
): LiveWatcher {
  const retryFailedMs = deps.retryFailedMs ?? 5 * 60_000;
  let settings = { ...initial };
  let policy = livePolicy(settings.intervalSeconds, deps.policy);
  let timer: unknown = null;
  let dueAt: number | null = null;
  let running: Promise<void> | null = null;
  let controller: AbortController | null = null;
  let stopped = false;
  let generation = 0;

  let state: LiveState = 'off';
  let pausedBecause: LivePauseReason | null = null;
  let backoff = 1;
  let lastOutcome: CheckOutcome | null = null;
  let slowdowns: LiveSlowdown[] = [];
  let currentIntervalMs = policy.baseMs;
  let lastCheckAt: number | null = null;
  let lastCheckEndedAt: number | null = null;
  let lastChangeAt: number | null = null;
  const openInTally = new Set<string>();
  const changeSeenAt = new Map<string, number>();
  const failures = new Map<string, { ids: AlterIds; at: number; message: string }>();
  let lastAnnounced = '';

  const safeLocal = (): CompanyIds[] => {
    try {
      return deps.localCompanies();
    } catch (error) {
      deps.report('reading the local companies for live mode failed', { error });
      return [];
    }
  };

  const buildStatus = (): LiveStatus => {
    const companies: LiveCompanyStatus[] = safeLocal().map((c) => ({
      guid: c.guid,
      name: c.name,
      open: openInTally.has(c.guid),
      lastChangeAt: iso(changeSeenAt.get(c.guid) ?? null),
      lastError: failures.get(c.guid)?.message ?? null,
    }));
    return {
      enabled: settings.enabled,
      state,
      pausedBecause,
      intervalSeconds: settings.intervalSeconds,
      currentIntervalMs,
      slowdowns: [...slowdowns],
      lastCheckAt: iso(lastCheckAt),
      lastChangeAt: iso(lastChangeAt),
      companies,
      notifications: deps.notifications(),
    };
  };

  /** Announces the status when something a user would see changed (not the time of the last check). */
  const announce = (): void => {
    const status = buildStatus();
    const key = JSON.stringify({ ...status, lastCheckAt: null });
    if (key === lastAnnounced) return;
    lastAnnounced = key;
    try {
      deps.onStatus(status);
    } catch (error) {
      deps.report('announcing the live status failed', { error });
    }
  };

  const setState = (next: LiveState, reason: LivePauseReason | null = null): void => {
    state = next;
    pausedBecause = reason;
  };

  const clearTimer = (): void => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    dueAt = null;
  };

  const schedule = (delayMs: number): void => {
    clearTimer();
    if (stopped || !settings.enabled) return;
    const mine = generation;
    dueAt = deps.now() + delayMs;
    timer = deps.timers.setTimeout(() => {
      timer = null;
      dueAt = null;
      if (mine !== generation || running !== null) return;
      const run = tick(mine).catch((error: unknown) => {
        // tick catches what it expects; anything else is a bug, reported, and the loop goes on.
        deps.report('live check failed unexpectedly', { error });
        if (mine === generation) schedule(policy.baseMs);
      });
      running = run.finally(() => {
        running = null;
      });
    }, delayMs);
  };

  const changedCompanies = (
    open: CompanyIds[],
    local: CompanyIds[],
    at: number,
  ): { ids: CompanyIds; small: boolean }[] => {
    const inTally = new Map(open.map((c) => [c.guid, c]));
    openInTally.clear();
    const changed: { ids: CompanyIds; small: boolean }[] = [];
    for (const company of local) {
      const tally = inTally.get(company.guid);
      if (!tally) continue;
      openInTally.add(company.guid);
      if (!hasChanged(tally, company)) {
        failures.delete(company.guid);
        continue;
      }
      const failed = failures.get(company.guid);
      // A sync that failed on these very AlterIDs would fail again: wait for Tally to change, or a while.
      if (failed && !hasChanged(tally, failed.ids) && at - failed.at < retryFailedMs) continue;
      const small =
        Math.abs(tally.voucherAlterId - company.voucherAlterId) <= SMALL_CHANGE &&
        Math.abs(tally.masterAlterId - company.masterAlterId) <= SMALL_CHANGE;
      changed.push({ ids: tally, small });
    }
    return changed;
  };

  const syncChanged = async (changed: { ids: CompanyIds; small: boolean }[], mine: number): Promise<void> => {
    for (const { ids: company, small } of changed) {
      if (mine !== generation) return;
      const seen = deps.now();
      changeSeenAt.set(company.guid, seen);
      lastChangeAt = seen;
      setState('syncing');
      announce();
      try {
        await deps.syncCompany(company.guid, small);
        failures.delete(company.guid);
      } catch (error) {
        // Someone else's sync got there first: it brings the change in; nothing to remember.
        if (error instanceof AppError && error.code === 'SYNC_IN_PROGRESS') continue;
        const message = error instanceof Error ? error.message : String(error);
        failures.set(company.guid, { ids: company, at: deps.now(), message });
        deps.report('live sync failed', { error, companyGuid: company.guid });
      }
    }
  };

  const finish = (outcome: CheckOutcome | null, mine: number): void => {
    if (mine !== generation) return;
    if (outcome !== null) {
      backoff = nextBackoff(backoff, outcome, policy);
      lastOutcome = outcome;
    }
    const next = nextCheck(backoff, lastOutcome, deps.conditions(), policy);
    currentIntervalMs = next.delayMs;
    slowdowns = next.slowdowns;
    lastCheckEndedAt = deps.now();
    schedule(next.delayMs);
    announce();
  };

  const tick = async (mine: number): Promise<void> => {
    if (stopped || !settings.enabled || mine !== generation) return;
    const local = safeLocal();
    if (local.length === 0) {
      // Nothing synced from Tally yet: nothing to compare with, so nothing is asked.
      setState('paused', 'nothing-to-watch');
      openInTally.clear();
      finish(null, mine);
      return;
    }
    if (deps.isSyncRunning()) {
      setState('paused', 'sync-running');
      finish(null, mine);
      return;
    }
    controller = new AbortController();
    const started = deps.now();
    lastCheckAt = started;
    let outcome: CheckOutcome;
    let open: CompanyIds[] = [];
    try {
      open = await deps.checkTally(controller.signal);
      outcome = { kind: 'answered', tookMs: deps.now() - started };
    } catch (error) {
      if (mine !== generation) return;
      outcome = isTallyClosed(error) ? { kind: 'closed' } : { kind: 'failed', tookMs: deps.now() - started };
    } finally {
      controller = null;
    }
    if (mine !== generation) return;
    if (outcome.kind === 'closed') {
      openInTally.clear();
      setState('paused', 'tally-closed');
      finish(outcome, mine);
      return;
    }
    if (outcome.kind === 'answered') {
      const changed = changedCompanies(open, local, started);
      if (changed.length > 0) await syncChanged(changed, mine);
    }
    setState('watching');
    finish(outcome, mine);
  };

  const restart = (): void => {
    generation++;
    clearTimer();
    controller?.abort();
    backoff = 1;
    lastOutcome = null;
    slowdowns = [];
    currentIntervalMs = policy.baseMs;
    if (!settings.enabled || stopped) {
      setState('off');
      announce();
      return;
    }
    setState('watching');
    announce();
    const waiting = running;
    if (waiting === null) schedule(0);
    // A check or live sync still ending: the next one is timed after it (one request at a time).
    else void waiting.then(() => schedule(0));
  };

  const watcher: LiveWatcher = {
    status: buildStatus,
    configure(next) {
      const changed = next.enabled !== settings.enabled || next.intervalSeconds !== settings.intervalSeconds;
      settings = { ...next };
      policy = livePolicy(settings.intervalSeconds, deps.policy);
      if (changed) restart();
      else announce();
    },
    conditionsChanged() {
      if (!settings.enabled || stopped || dueAt === null || running !== null) return;
      const next = nextCheck(backoff, lastOutcome, deps.conditions(), policy);
      currentIntervalMs = next.delayMs;
      slowdowns = next.slowdowns;
      const from = lastCheckEndedAt ?? deps.now();
      schedule(Math.max(0, from + next.delayMs - deps.now()));
      announce();
    },
    async stop() {
      stopped = true;
      generation++;
      clearTimer();
      controller?.abort();
      setState('off');
      await running;
    },
  };
  restart();
  return watcher;
}
