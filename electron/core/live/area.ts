import { todayInIndia, type IsoDate } from '../../../shared/dates';
import type { LiveConfig } from '../config/config';
import type { SettingsStore } from '../config/settings';
import type { Store } from '../db/store';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { SyncManager } from '../sync/manager';
import { createTallyClient } from '../tally/client';
import { fetchCompanies } from '../tally/fetch';
import { readWatchedCompanies } from './local-companies';
import { findNotices, voucherHighWater } from './notices';
import { ACTIVE_ON_MAINS, type LiveConditions } from './policy';
import {
  createLiveWatcher,
  type CompanyIds,
  type LiveTimers,
  type LiveWatcher,
  type LiveWatcherDeps,
} from './watcher';

/** How long one watch request may take before it counts as Tally being busy (it is then dropped). */
export const WATCH_TIMEOUT_MS = 10_000;

export interface LiveArea {
  watcher: LiveWatcher;
  /** The adapter's view of the machine (Electron's powerMonitor); the default is "on mains, in use". */
  setConditions(source: () => LiveConditions): void;
  close(): Promise<void>;
}

export const realTimers: LiveTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // Never keeps a CLI or test process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whether live mode is on: the saved choice, else on in the desktop app only (serve and the CLI opt in). */
export function liveEnabled(config: LiveConfig, mode: string): boolean {
  return config.enabled ?? mode === 'electron';
}

/**
 * Wires live mode: Tally's address from the settings, the watch request (the Company collection the
 * sync's own poll uses, one attempt, a short timeout), the sync manager for the live syncs, and the
 * event bus for `live.status`.
 */
export function createLiveArea(deps: {
  store: Pick<Store, 'db'>;
  events: EventBus;
  settings: SettingsStore;
  sync: Pick<SyncManager, 'start' | 'status'>;
  logger: Logger;
  mode: string;
  timers?: LiveTimers;
  now?: () => number;
  watcher?: Pick<LiveWatcherDeps, 'policy' | 'retryFailedMs'>;
}): LiveArea {
  const { settings } = deps;
  let conditions: () => LiveConditions = () => ACTIVE_ON_MAINS;
  const live = () => settings.current().config.live;

  const checkTally = async (signal: AbortSignal): Promise<CompanyIds[]> => {
    const tally = settings.current().config.tally;
    // One attempt: retries would multiply the requests a busy Tally gets; the next check comes anyway.
    const client = createTallyClient({
      host: tally.host,
      port: tally.port,
      timeoutMs: WATCH_TIMEOUT_MS,
      attempts: 1,
    });
    const companies = await fetchCompanies(client, signal);
    return companies.map((c) => ({
      guid: c.guid,
      name: c.name,
      masterAlterId: c.masterAlterId,
      voucherAlterId: c.voucherAlterId,
    }));
  };

  const now = deps.now ?? Date.now;
  /** Today in India (bills fall due on India dates), whatever zone the PC clock is set to. */
  const today = (): IsoDate => todayInIndia(now());
  /** A live sync, then the notices its new vouchers deserve (only when the user asked for any). */
  const syncCompany = async (guid: string, small: boolean): Promise<unknown> => {
    const { notifyReceipts, notifyPaymentAbovePaise } = live();
    const wanted = notifyReceipts || notifyPaymentAbovePaise > 0;
    const before = wanted ? voucherHighWater(deps.store.db, guid) : 0;
    const result = await deps.sync.start({ companyGuid: guid, full: false }, { quick: small });
    if (!wanted) return result;
    try {
      const settings = {
        receiptsFromOverdueParties: notifyReceipts,
        paymentsAbovePaise: notifyPaymentAbovePaise,
      };
      for (const notice of findNotices(deps.store.db, guid, before, settings, today())) {
        deps.events.emit('live.notice', notice);
      }
    } catch (error) {
      // A notice is a courtesy: its failure never fails the sync that brought the books in.
      deps.logger.warn('working out live notices failed', { error, companyGuid: guid });
    }
    return result;
  };

  const watcher = createLiveWatcher(
    {
      now,
      timers: deps.timers ?? realTimers,
      checkTally,
      localCompanies: () => readWatchedCompanies(deps.store.db),
      isSyncRunning: () => deps.sync.status().running,
      syncCompany,
      conditions: () => conditions(),
      notifications: () => ({
        receiptsFromOverdueParties: live().notifyReceipts,
        paymentsAbovePaise: live().notifyPaymentAbovePaise,
      }),
      onStatus: (status) => deps.events.emit('live.status', status),
      report: (message, fields) => deps.logger.warn(message, fields),
      ...deps.watcher,
    },
    { enabled: liveEnabled(live(), deps.mode), intervalSeconds: live().intervalSeconds },
  );

  const unsubscribe = settings.onChange((next) => {
    watcher.configure({
      enabled: liveEnabled(next.config.live, deps.mode),
      intervalSeconds: next.config.live.intervalSeconds,
    });
  });

  return {
    watcher,
    setConditions(source) {
      conditions = source;
      watcher.conditionsChanged();
    },
    async close() {
      unsubscribe();
      await watcher.stop();
    },
  };
}
