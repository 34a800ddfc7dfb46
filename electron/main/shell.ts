import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  app,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type MessageBoxOptions,
  type OpenDialogOptions,
} from 'electron';
import log from 'electron-log/main';
import type { AppEventName } from '../../shared/contract';
import { isLogLevel, type LogLevel, type Logger } from '../core/logger';
import { aboutText, appMenuTemplate } from './app-menu';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { forwardEvents, registerIpcHandlers, type DispatchFn } from './ipc';
import { configureLogFile, coreLoggerFor } from './logging';
import { createLoginItems } from './login-items';
import { offerToStartMemurai, shouldOfferMemurai } from './memurai';
import { APP_ID, HIDDEN_ARG, builtPaths, resolveDataDir } from './paths';
import { mcpLaunchFor } from './mcp-mode';
import { PRINT_TO_PDF_OPTIONS, savePagePdf } from './print-pdf';
import { isTrustedRendererUrl } from './security';
import { applySessionSecurity } from './session-security';
import { createShellStateStore, restoreBounds } from './shell-state';
import { cancelSyncAndWait, createShutdown } from './shutdown';
import { createTrayController, type TrayController } from './tray';
import { trayTooltip } from './tray-menu';
import { createTrayActions } from './tray-actions';
import { followPower } from './live-power';
import { safeStorageBox } from './secret-box';
import type { SecretBox } from '../core/collections/secret-box';
import { statementPdfWith, type StatementPdf } from '../core/collections/statement-pdf';
import { ElectronPdfRenderer } from './pdf-window';
import { liveNoticeText } from './live-notice';
import type { LiveNotice } from '../../shared/types/live';
import type { LiveConditions } from '../core/live/policy';
import { createMainWindow, currentBounds, denyByDefault, showWindow } from './window';
import type { UpdateEngine } from '../core/update/engine';
import type { UpdateStatus } from '../../shared/types/update';
import { BUILD_DATE } from './build-info';
import { clickMenuItem, installTestHooks, trayMenuView } from './test-hooks';
import { engineFromUpdater, updaterLogger } from './updater';
import { offerUpdateInstall } from './update-prompt';

/** What the shell needs from the core (electron/core/app.ts createCore). */
export interface ShellCore {
  dispatch: DispatchFn;
  events: { onAny(listener: (event: AppEventName, payload: unknown) => void): () => void };
  close(): Promise<void> | void;
  /** The update policy's quit hook: installs a downloaded update the user agreed to. */
  updates?: { quitting(): boolean };
  /** Live mode: the shell reports battery and idle time (Electron's powerMonitor). */
  live?: { setConditions(source: () => LiveConditions): void };
}

export type CreateCore = (options: {
  dataDir: string;
  mode: 'electron';
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** electron-updater, in the installed app only. */
  updates: { engine: UpdateEngine | null; noEngineReason?: 'not-installed' };
  /** How an AI assistant starts this app as its MCP server (Settings › Assistants). */
  mcpLaunch?: { command: string; args: string[] };
  /** Seals the SMTP password (Electron's safeStorage). */
  secretBox?: SecretBox;
  /** Statements of account as PDF for reminder e-mails (a hidden window, electron/main/pdf-window.ts). */
  statementPdf?: StatementPdf;
}) => Promise<ShellCore> | ShellCore;

export interface ShellOptions {
  createCore: CreateCore;
  env: NodeJS.ProcessEnv;
  argv: string[];
  /** Folder of the built main.js (out/main). */
  mainDir: string;
  platform?: NodeJS.Platform;
}

export interface ShellHandle {
  /** False when another TallyConnect already runs (this process then quits). */
  started: boolean;
  /** Resolves once the window, tray and IPC are up (or startup failed). */
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

const IMPORT_DIALOG: OpenDialogOptions = {
  title: 'Import Tally XML exports',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [
    { name: 'Tally XML export', extensions: ['xml'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * Starts the desktop shell around the core: single instance, logging, secure window, IPC, tray and an
 * orderly shutdown. Holds no business logic — every action goes through the core's contract.
 */
export function startShell(options: ShellOptions): ShellHandle {
  const platform = options.platform ?? process.platform;
  const { env } = options;
  const devServerUrl = !app.isPackaged ? (env.ELECTRON_RENDERER_URL ?? null) : null;

  // Windows toasts, taskbar grouping and the installer's shortcuts all key on this id.
  app.setAppUserModelId(APP_ID);
  const data = resolveDataDir(env, app.getPath('userData'));
  // Chromium's own caches follow the data folder too, so a test run leaves the real profile alone.
  if (data.overridden) app.setPath('userData', data.dir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: false, ready: Promise.resolve(), shutdown: () => Promise.resolve() };
  }

  const logDir = join(data.dir, 'logs');
  app.setAppLogsPath(logDir);
  const requestedLevel = env.TALLYCONNECT_LOG_LEVEL;
  const level: LogLevel = isLogLevel(requestedLevel) ? requestedLevel : 'info';
  const logFile = configureLogFile(log, logDir, level);
  const logger = coreLoggerFor(log, level).child({ area: 'shell' });
  logger.info('TallyConnect starting', { version: app.getVersion(), dataDir: data.dir, logFile });
  // Last resort: a promise nobody awaited must be logged, not end the app an accountant is working in.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));

  registerAppScheme(protocol);
  const paths = builtPaths(options.mainDir, platform);
  const stateStore = createShellStateStore(join(data.dir, 'shell-state.json'));
  const startHidden = options.argv.includes(HIDDEN_ARG);

  let core: ShellCore | null = null;
  let win: BrowserWindow | null = null;
  let tray: TrayController | null = null;
  let quitting = false;
  const cleanups: (() => void)[] = [];

  const notify = (title: string, body: string): void => {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  };
  const openWindow = (): void => {
    if (win && !win.isDestroyed()) showWindow(win);
  };
  const saveWindow = (): void => {
    if (win && !win.isDestroyed()) stateStore.update({ window: currentBounds(win) });
  };
  const loginItems = createLoginItems(app, platform);
  const dispatch: DispatchFn = (operation, input, context) => {
    if (!core)
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'TallyConnect is starting' } });
    return core.dispatch(operation, input, context);
  };

  const offerMemurai = async (): Promise<void> => {
    await offerToStartMemurai({
      // Attached to the window only when it is on screen: a dialog owned by a hidden window is invisible.
      showMessageBox: (box) =>
        win && !win.isDestroyed() && win.isVisible()
          ? dialog.showMessageBox(win, box)
          : dialog.showMessageBox(box),
      dispatch,
      dismissForever: () => stateStore.update({ memuraiPromptDismissed: true }),
    });
  };
  const showBox = (box: MessageBoxOptions) =>
    win && !win.isDestroyed() && win.isVisible()
      ? dialog.showMessageBox(win, box)
      : dialog.showMessageBox(box);
  const actions = createTrayActions({
    dispatch,
    showWindow: openWindow,
    notify,
    offerMemurai,
    offerUpdate: async () => {
      await offerUpdateInstall({ dispatch, showMessageBox: showBox });
    },
    setOpenAtLogin: (enabled) => loginItems.set(enabled),
    quit: () => app.quit(),
    setBusy: (busy) => tray?.setBusy(busy),
    refresh: () => tray?.refresh() ?? Promise.resolve(),
  });

  // The hidden window that prints statements for reminder e-mails: opened on the first one, kept after.
  const pdfRenderer = new ElectronPdfRenderer();
  const shutdown = createShutdown(
    [
      { name: 'remember window', run: saveWindow },
      // A sync in progress rolls back its transaction before the database closes.
      { name: 'cancel sync', run: () => cancelSyncAndWait(dispatch), timeoutMs: 15_000 },
      { name: 'finish tray actions', run: () => actions.settled() },
      { name: 'stop IPC and events', run: () => cleanups.splice(0).forEach((cleanup) => cleanup()) },
      { name: 'close core (database, Redis)', run: () => core?.close(), timeoutMs: 10_000 },
      // After the core: a reminder run it stopped may still have been printing.
      { name: 'close PDF window', run: () => pdfRenderer.close() },
      { name: 'remove tray', run: () => tray?.destroy() },
      // Last: the installer waits for this process to end, and only runs if the user agreed.
      { name: 'install agreed update', run: () => core?.updates?.quitting() },
    ],
    logger,
  );

  app.on('web-contents-created', (_event, contents) => denyByDefault(contents, devServerUrl));
  app.on('second-instance', () => openWindow());
  // Closing the last window keeps TallyConnect in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    void shutdown().finally(() => {
      shutDown = true;
      logger.info('TallyConnect stopped');
      app.exit(0);
    });
  });

  const ready = (async () => {
    await app.whenReady();
    if (!devServerUrl) applySessionSecurity(session.defaultSession);
    handleAppProtocol(protocol, paths.rendererDir);
    try {
      core = await options.createCore({
        dataDir: data.dir,
        mode: 'electron',
        env,
        logger: coreLoggerFor(log, level),
        updates: await createUpdateEngine(logger),
        mcpLaunch: mcpLaunchFor(app.isPackaged, process.execPath, app.getAppPath()),
        // The SMTP password is sealed by the system key store (DPAPI on Windows); safeStorage works once
        // the app is ready, as it is here.
        secretBox: safeStorageBox(safeStorage),
        statementPdf: statementPdfWith(pdfRenderer),
      });
    } catch (error) {
      logger.error('core failed to start', { error });
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(
        'TallyConnect could not start',
        `${message}\n\nData folder: ${data.dir}\nLog file: ${logFile}\n\nPlease send the log file to support.`,
      );
      app.exit(1);
      return;
    }

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          { dev: !app.isPackaged },
          {
            openLogFolder: () => void shell.openPath(logDir),
            openDataFolder: () => void shell.openPath(data.dir),
            about: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: 'About TallyConnect',
                message: 'TallyConnect',
                detail: aboutText({
                  version: app.getVersion(),
                  buildDate: BUILD_DATE,
                  dataDir: data.dir,
                  logFile,
                  electron: process.versions.electron ?? 'unknown',
                }),
                buttons: ['OK'],
                noLink: true,
              }),
            checkForUpdates: () => actions.checkForUpdates(),
            quit: () => app.quit(),
          },
        ),
      ),
    );

    const isTrusted = (url: string) => isTrustedRendererUrl(url, devServerUrl);
    cleanups.push(
      registerIpcHandlers({
        ipcMain,
        dispatch,
        isTrustedUrl: isTrusted,
        logger,
        pickFiles: async () => {
          const result = win
            ? await dialog.showOpenDialog(win, IMPORT_DIALOG)
            : await dialog.showOpenDialog(IMPORT_DIALOG);
          return result.canceled ? [] : result.filePaths.slice(0, 10);
        },
        savePdf: (sender, name) =>
          savePagePdf(
            {
              printToPdf: () => sender.printToPDF(PRINT_TO_PDF_OPTIONS),
              chooseFile: async (suggested) => {
                const options = { defaultPath: suggested, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
                const result = win
                  ? await dialog.showSaveDialog(win, options)
                  : await dialog.showSaveDialog(options);
                return result.canceled || !result.filePath ? null : result.filePath;
              },
              writeFile: (path, data) => writeFile(path, data),
            },
            name,
          ),
      }),
      forwardEvents(core.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents)),
    );
    if (core.live) cleanups.push(followPower(powerMonitor, core.live));
    // Live notices show as toasts in the window; when it is hidden in the tray, the system tells instead.
    cleanups.push(
      core.events.onAny((event, payload) => {
        if (event !== 'live.notice' || (win && !win.isDestroyed() && win.isVisible())) return;
        const { title, body } = liveNoticeText(payload as LiveNotice);
        notify(title, body);
      }),
    );

    const bounds = restoreBounds(
      stateStore.get().window,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = createMainWindow(
      {
        bounds,
        preloadPath: paths.preload,
        iconPath: paths.windowIcon,
        devServerUrl,
        // Packaged builds never open devtools (window.ts enforces it too).
        devTools: !app.isPackaged,
      },
      {
        show: !startHidden,
        openExternal: (url) => shell.openExternal(url),
        onRendererGone: (reason) => logger.error('renderer process gone; reloading', { reason }),
      },
    );
    const window = win;
    // Windows is logging off or shutting down: close the database cleanly while there is still time.
    window.on('session-end', () => {
      quitting = true;
      void shutdown();
    });
    window.on('close', (event) => {
      saveWindow();
      if (quitting) return;
      event.preventDefault();
      window.hide();
      if (!stateStore.get().trayNoticeShown) {
        notify(
          'TallyConnect is still running',
          'It keeps your reports ready in the tray. Right-click the icon to quit.',
        );
        stateStore.update({ trayNoticeShown: true });
      }
    });

    tray = createTrayController({
      iconPath: paths.trayIcon,
      dispatch,
      events: core.events,
      actions: () => actions,
      openAtLogin: () => loginItems.get(),
    });
    await tray.refresh();
    const trayNow = tray;
    // A downloaded update is announced once; installing waits for the user's answer.
    let lastUpdatePhase: UpdateStatus['phase'] | null = null;
    cleanups.push(
      core.events.onAny((event, payload) => {
        if (event !== 'update.status') return;
        const update = payload as UpdateStatus;
        if (update.phase === 'ready' && lastUpdatePhase !== 'ready' && update.available)
          notify(
            `TallyConnect ${update.available.version} is ready`,
            'Choose "Install update" in the tray menu, or in Settings › Updates.',
          );
        lastUpdatePhase = update.phase;
      }),
    );
    installTestHooks(env, {
      trayExists: () => !trayNow.isDestroyed(),
      trayTooltip: () => trayTooltip(trayNow.state()),
      trayMenu: () => trayMenuView(trayNow.menu()),
      clickTray: (id) => clickMenuItem(trayNow.menu(), id),
      settled: () => actions.settled(),
      windowState: () => ({
        exists: !window.isDestroyed(),
        visible: !window.isDestroyed() && window.isVisible(),
        focused: !window.isDestroyed() && window.isFocused(),
      }),
    });
    const detection = tray.state().detection;
    if (shouldOfferMemurai(detection, stateStore.get().memuraiPromptDismissed)) actions.startMemurai();
    logger.info('TallyConnect ready', { cache: detection?.backend ?? 'unknown' });
  })().catch((error: unknown) => {
    logger.error('startup failed', { error });
  });

  return { started: true, ready, shutdown };
}

/**
 * electron-updater's NSIS updater for the installed app; an unpackaged run (`electron .`) has nothing
 * to update and reports updates as off. Loaded lazily: nothing of it runs until the app is installed.
 */
async function createUpdateEngine(
  logger: Logger,
): Promise<{ engine: UpdateEngine | null; noEngineReason?: 'not-installed' }> {
  if (!app.isPackaged) return { engine: null, noEngineReason: 'not-installed' };
  try {
    const { NsisUpdater } = await import('electron-updater');
    const updater = new NsisUpdater();
    updater.logger = updaterLogger(logger.child({ area: 'update' }));
    return { engine: engineFromUpdater(updater) };
  } catch (error) {
    // A broken updater must never keep the accountant out of the books: run without updates.
    logger.error('updater unavailable; updates are off', { error });
    return { engine: null, noEngineReason: 'not-installed' };
  }
}
