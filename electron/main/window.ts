import { app, BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, isAllowedExternalUrl, isTrustedRendererUrl } from './security';
import { MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './shell-state';

export interface MainWindowConfig {
  bounds: WindowBounds;
  preloadPath: string;
  iconPath: string | null;
  /** Vite dev server (development only); null loads the built renderer from app://. */
  devServerUrl: string | null;
  /** Developer tools for development; always off in a packaged build, whatever is asked here. */
  devTools: boolean;
}

/**
 * The window's options: isolated, sandboxed renderer without Node, no webviews. Developer tools are
 * forced off when packaged (app.isPackaged), so no setting, environment variable or caller can turn them
 * on in what users install: devtools in the accountant's app would be a console into every company's books.
 */
export function mainWindowOptions(config: MainWindowConfig): BrowserWindowConstructorOptions {
  const { bounds } = config;
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'TallyConnect',
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    ...(config.iconPath ? { icon: config.iconPath } : {}),
    webPreferences: {
      preload: config.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: config.devTools && !app.isPackaged,
    },
  };
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Where the app may navigate: its own pages, and blobs the page made itself (Excel/CSV exports, which
 * Electron turns into a Save dialog).
 */
export function isInAppUrl(url: string, devServerUrl: string | null): boolean {
  return url.startsWith(`blob:${APP_ORIGIN}/`) || isTrustedRendererUrl(url, devServerUrl);
}

/**
 * No new windows and no navigation away from the app. Links to allow-listed sites (Tally and Memurai
 * help) open in the user's browser; everything else is silently refused.
 */
export function guardNavigation(
  contents: GuardedContents,
  options: { devServerUrl: string | null; openExternal: (url: string) => Promise<void> | void },
): void {
  const openIfAllowed = (url: string): void => {
    if (isAllowedExternalUrl(url)) void options.openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (isInAppUrl(url, options.devServerUrl)) return;
    event.preventDefault();
    openIfAllowed(url);
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Defence in depth for every web contents the app ever creates (devtools, a future window): no popups,
 * no webviews, no navigation. The main window then installs its own, slightly wider guard.
 */
export function denyByDefault(contents: GuardedContents, devServerUrl: string | null): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isInAppUrl(url, devServerUrl)) event.preventDefault();
  });
}

export function createMainWindow(
  config: MainWindowConfig,
  options: {
    show: boolean;
    openExternal: (url: string) => Promise<void> | void;
    onRendererGone?: (reason: string) => void;
  },
): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(config));
  guardNavigation(win.webContents, { devServerUrl: config.devServerUrl, openExternal: options.openExternal });
  // A crashed or killed renderer comes back by itself instead of leaving a blank window.
  win.webContents.on('render-process-gone', (_event, details) => {
    options.onRendererGone?.(details.reason);
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.reload();
  });
  if (config.bounds.maximized) win.maximize();
  win.once('ready-to-show', () => {
    if (options.show) win.show();
  });
  void win.loadURL(config.devServerUrl ?? APP_ENTRY_URL);
  return win;
}

/** Current bounds to remember (the restored size when maximised, so un-maximising works next time). */
export function currentBounds(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowBounds {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

export function showWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
