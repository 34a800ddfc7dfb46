import { createPrivateFile, securePrivateFolder } from './data-folder';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { CacheManager } from './cache/manager';
import { formatConfigError } from './config/parse';
import { createSettingsStore, type SettingsStore } from './config/settings';
import { openStore, type Store } from './db/store';
import { createEventBus, type EventBus } from './events/bus';
import { silentLogger, type Logger } from './logger';
import { companyHandlers } from './service/company-handlers';
import { createDispatcher, type Dispatcher } from './service/dispatch';
import { reportHandlers } from './service/report-handlers';
import { gstHandlers } from './service/gst-handlers';
import { registerHandlers } from './service/register-handlers';
import { cacheHandlers } from './service/cache-handlers';
import { settingsHandlers } from './service/settings-handlers';
import { createSyncArea } from './sync/area';
import { syncHandlers } from './service/sync-handlers';
import type { SyncManager } from './sync/manager';
import { portalHandlers } from './service/portal-handlers';
import { createPortal, type Portal } from './portal/portal';
import { certificateState } from './portal/certificate';
import { portalOptionsFromEnv } from './portal/env';
import { withPortalAccess } from './portal/guard';
import type { AccessPolicy } from './portal/access';
import type { HandlerMap } from './service/types';
import { createUpdateArea } from './update/area';
import type { UpdateEngine } from './update/engine';
import { createLiveArea, type LiveArea } from './live/area';
import { liveHandlers } from './service/live-handlers';
import { masterHandlers } from './service/master-handlers';
import { assistantHandlers } from './service/assistant-handlers';
import { claudeConfigPath, type ServerLaunch } from './mcp/claude-config';
import { homedir } from 'node:os';
import { createCollectionsArea, type StatementPdf } from './collections/area';
import { createReminderScheduler } from './collections/scheduler';
import { type SecretBox, unavailableSecretBox } from './collections/secret-box';
import { collectionsHandlers } from './service/collections-handlers';

export type CoreMode = 'electron' | 'serve' | 'cli' | 'test';

export interface CoreOptions {
  /** Folder holding tallyconnect.db (and, for other areas, .env, logs, uploads). */
  dataDir: string;
  mode: CoreMode;
  env?: Record<string, string | undefined>;
  logger?: Logger;
  now?: () => Date;
  /** The desktop shell's updater (electron-updater); absent elsewhere, where updates are off. */
  updates?: { engine: UpdateEngine | null; noEngineReason?: 'not-installed' | 'not-desktop' };
  /** How an AI assistant starts the MCP server here (the desktop: the app with --mcp); default npm run mcp. */
  mcpLaunch?: ServerLaunch;
  /**
   * Seals the SMTP password (the desktop: Electron's safeStorage, electron/main/secret-box.ts). Absent: no
   * password can be stored, and the mail settings say so (serve mode, the CLI).
   */
  secretBox?: SecretBox;
  /**
   * The statement of account as a PDF for reminder e-mails: the print engine in the adapter's headless
   * page (the desktop's hidden window, serve's Chromium; collections/statement-pdf.ts statementPdfWith).
   * Absent, null or unavailable (no Chromium): reminders go without the PDF and previews say why.
   */
  statementPdf?: StatementPdf | null;
}

export interface Core {
  dispatch: Dispatcher;
  events: EventBus;
  store: Store;
  logger: Logger;
  dataDir: string;
  databasePath: string;
  /** The cache (Redis/Memurai two-tier or memory); the sync calls cache.invalidateCompany(guid). */
  cache: CacheManager;
  /** Configuration from the environment and `${dataDir}/.env`; areas read theirs from current().config. */
  settings: SettingsStore;
  /** Office portal: accounts (portal.db), sessions, rate limits, live feed (electron/core/portal). */
  portal: Portal;
  /** What staff may do beyond their companies' reports (collections where the owner allows): the operations and the event streams ask it alike. */
  accessPolicy: AccessPolicy;
  /** Tally sync and file import (one at a time, in a worker thread). */
  sync: SyncManager;
  /** Live mode: watches Tally's AlterIDs and syncs a company when they move (electron/core/live). */
  live: LiveArea;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'tallyconnect.db';

/**
 * The composition root: one store, one event bus, one dispatcher over every area's handlers. The
 * Electron main process, the headless server, the CLI and the tests all start the core here.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  // The books, password hashes and the session key: the folder and its files are this user's alone.
  const secured = await securePrivateFolder(options.dataDir);
  if (secured.fixed.length > 0)
    logger.warn('Made the data folder readable by this user only', { fixed: secured.fixed.length });
  if (secured.problem !== null) logger.warn('Data folder permissions', { problem: secured.problem });
  const databasePath = join(options.dataDir, DATABASE_FILE);
  createPrivateFile(databasePath);
  const store = openStore(databasePath, { now });
  // A sync the last run did not finish (killed, power cut) left its companies "syncing"; the copy is
  // what the last finished sync wrote, and the status says the last one was interrupted.
  if (options.mode !== 'cli') store.clearInterruptedSyncs();
  const events = createEventBus();
  // Tests never reach for a developer's Redis on 6379 unless they ask for one.
  const env = options.mode === 'test' ? { REDIS_ENABLED: 'false', ...options.env } : (options.env ?? {});
  const settings = createSettingsStore({ dataDir: options.dataDir, env });
  const loaded = settings.current();
  for (const problem of loaded.errors)
    logger.warn('Configuration problem', { problem: formatConfigError(problem) });
  const cache = await CacheManager.create({
    config: loaded.config.cache,
    configErrors: loaded.errors,
    bus: events,
    logger: logger.child({ area: 'cache' }),
    ...(options.mode === 'test' ? { autoRedetectMs: 0 } : {}),
  });
  settings.onChange((next) => cache.reconfigure(next.config.cache, next.errors).then(() => undefined));
  const mode = options.mode === 'test' ? 'cli' : options.mode;
  const sync = createSyncArea({
    store,
    events,
    settings,
    invalidateCompany: (guid) => cache.invalidateCompany(guid),
    invalidateCompanyList: () => cache.invalidateCompanyList(),
    logger: logger.child({ area: 'sync' }),
  });

  const live = createLiveArea({
    store,
    events,
    settings,
    sync: sync.manager,
    logger: logger.child({ area: 'live' }),
    mode: options.mode,
  });

  // Portal: shares the cache's Redis/Memurai (sessions, limits, pub/sub) or runs in memory.
  const portalEnv = portalOptionsFromEnv(env);
  for (const problem of portalEnv.problems) logger.warn('Configuration problem', { problem });
  const portal = createPortal({
    dataDir: options.dataDir,
    redis: cache.redisTarget(),
    keyPrefix: cache.cacheConfig.keyPrefix,
    bus: events,
    logger,
    ...portalEnv.options,
  });
  await portal.ready();
  // The portal follows the cache to another Redis (re-detection, settings) or to memory.
  cache.onTargetChange((target) => portal.useRedis(target));

  const updates = createUpdateArea({
    engine: options.updates?.engine ?? null,
    noEngineReason: options.updates?.noEngineReason ?? 'not-desktop',
    currentVersion: packageJson.version,
    settings,
    events,
    logger: logger.child({ area: 'update' }),
    now,
  });

  // Collections (issue 28): reminder runs, their log and settings in the books' database.
  const collections = createCollectionsArea({
    store,
    events,
    secretBox: options.secretBox ?? unavailableSecretBox(),
    now,
    logger: logger.child({ area: 'collections' }),
    statementPdf: options.statementPdf ?? null,
    // The CLI and the MCP server share the database with a running app: its runs are not theirs to end.
    recoverInterrupted: options.mode !== 'cli',
  });
  // Scheduled reminder runs only where TallyConnect keeps running (the desktop app, serve).
  const reminderScheduler = createReminderScheduler({
    area: collections,
    clock: now,
    logger: logger.child({ area: 'collections' }),
  });
  if (options.mode === 'electron' || options.mode === 'serve') reminderScheduler.start();

  // Typed as the full map: an operation of the contract without a handler does not compile.
  const handlers: HandlerMap = {
    ...reportHandlers({ store, cache, now, ttl: (resource) => cache.ttlFor(resource) }),
    ...gstHandlers({ store }),
    ...registerHandlers({ store, cache, ttl: (resource) => cache.ttlFor(resource) }),
    ...cacheHandlers({ cache }),
    ...settingsHandlers({ settings }),
    ...syncHandlers({ sync: sync.manager }),
    ...portalHandlers(portal, {
      certificate: () =>
        certificateState(options.dataDir, settings.current().config.portalCertificate, { now }),
    }),
    ...updates.handlers,
    ...liveHandlers({ watcher: live.watcher, settings }),
    ...masterHandlers({ store }),
    ...assistantHandlers({
      dataDir: options.dataDir,
      store,
      now,
      launch: options.mcpLaunch ?? {
        command: 'npm',
        args: ['run', '--silent', '--prefix', process.cwd(), 'mcp', '--', '--data-dir', options.dataDir],
      },
      claudeConfigPath: claudeConfigPath(process.platform, env, homedir()),
    }),
    ...collectionsHandlers({ store, area: collections }),
    ...companyHandlers({
      store,
      events,
      logger,
      now,
      invalidateCompany: (guid) => cache.invalidateCompany(guid),
      info: { version: packageJson.version, dataDir: options.dataDir, databasePath, mode },
    }),
  };
  // Every handler behind the portal's access check (portal users: their companies only).
  const accessPolicy: AccessPolicy = {
    staffMayCollect: (guid) =>
      store.findCompany(guid) !== null && collections.settings.reminderSettings(guid).staffAllowed,
  };
  const guarded = withPortalAccess(handlers, {
    noteCompany: (token, guid) => portal.sessions.noteCompany(token, guid),
    policy: accessPolicy,
  });
  const dispatch = createDispatcher(guarded, (error) => logger.error('unexpected error', { error }));

  let closed = false;
  return {
    dispatch,
    events,
    store,
    logger,
    dataDir: options.dataDir,
    databasePath,
    cache,
    settings,
    portal,
    accessPolicy,
    sync: sync.manager,
    live,
    async close() {
      if (closed) return;
      closed = true;
      updates.close();
      reminderScheduler.stop();
      await collections.close();
      // Live mode stops first (no new check), while the sync's close cancels a live sync in progress.
      const liveStopped = live.close();
      await sync.close();
      await liveStopped;
      await portal.close();
      await cache.close();
      store.close();
    },
  };
}
