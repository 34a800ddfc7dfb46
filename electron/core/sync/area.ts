import { existsSync } from 'node:fs';
import { openStore, type Store } from '../db/store';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { SettingsStore } from '../config/settings';
import { createSyncManager, type SyncManager } from './manager';
import { inProcessRunner, resolveSyncWorkerEntry, workerRunner, type SyncRunner } from './runner';
import { createAutoSync, type AutoSync } from './scheduler';

export interface SyncArea {
  manager: SyncManager;
  autoSync: AutoSync;
  close(): Promise<void>;
}

/**
 * Wires the sync into the core: a worker-thread runner on the database file, Tally's address and the
 * auto-sync interval from the settings (TALLY_HOST, TALLY_PORT, AUTO_SYNC_MINUTES), and the cache's
 * invalidateCompany after each commit. Its API handlers are wired in app.ts (service/sync-handlers.ts).
 */
export function createSyncArea(deps: {
  store: Store;
  events: EventBus;
  settings: SettingsStore;
  invalidateCompany: (companyGuid: string) => Promise<unknown>;
  invalidateCompanyList: () => Promise<unknown>;
  logger: Logger;
}): SyncArea {
  const { settings } = deps;
  const entry = resolveSyncWorkerEntry();
  // A build that forgot to emit sync-worker.js still syncs, on the main thread, and says so.
  const runner = existsSync(entry.path) ? workerRunner(deps.store.path, entry) : inProcessRunner(deps.store);
  if (!existsSync(entry.path)) {
    deps.logger.warn('sync worker file missing; syncing on the main thread', { path: entry.path });
  }
  // Live mode's small syncs run on this thread, on a second connection opened when first needed (a
  // write transaction stays open while Tally answers; reports must not read it through theirs).
  let quickStore: Store | null = null;
  const quickRunner: SyncRunner = {
    run(job, onMessage) {
      if (deps.store.path === ':memory:') return inProcessRunner(deps.store).run(job, onMessage);
      quickStore ??= openStore(deps.store.path);
      return inProcessRunner(quickStore).run(job, onMessage);
    },
  };
  const manager = createSyncManager({
    store: deps.store,
    events: deps.events,
    runner,
    quickRunner,
    tally: () => ({ ...settings.current().config.tally }),
    parseInWorker: () => settings.current().config.syncParseWorker,
    invalidateCompany: deps.invalidateCompany,
    invalidateCompanyList: deps.invalidateCompanyList,
    logger: deps.logger,
  });
  const autoSync = createAutoSync({
    minutes: settings.current().config.autoSyncMinutes,
    isRunning: () => manager.status().running,
    syncAll: () => manager.start({ full: false }),
    onError: (error) => deps.logger.warn('automatic sync failed', { error }),
  });
  const unsubscribe = settings.onChange((next) => {
    if (next.config.autoSyncMinutes !== autoSync.minutes) autoSync.setMinutes(next.config.autoSyncMinutes);
  });
  return {
    manager,
    autoSync,
    async close() {
      unsubscribe();
      autoSync.stop();
      await manager.close();
      quickStore?.close();
    },
  };
}
