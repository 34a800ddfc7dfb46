import * as fake from './fake-electron';
import { createMainWindow, mainWindowOptions, type MainWindowConfig } from '../../../electron/main/window';
import { APP_ENTRY_URL } from '../../../electron/main/security';

vi.mock('electron', () => import('./fake-electron'));

const config: MainWindowConfig = {
  bounds: { x: 10, y: 20, width: 1300, height: 820, maximized: false },
  preloadPath: '/app/out/preload/preload.cjs',
  iconPath: null,
  devServerUrl: null,
  devTools: false,
};

beforeEach(() => fake.resetFakeElectron());

describe('main window', () => {
  it('is isolated and sandboxed, without Node, webviews or devtools when packaged', () => {
    const options = mainWindowOptions(config);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1300,
      height: 820,
      show: false,
      title: 'TallyConnect',
    });
  });

  it('turns developer tools off in a packaged app even when the caller asks for them', () => {
    fake.app.isPackaged = true;
    expect(mainWindowOptions({ ...config, devTools: true }).webPreferences?.devTools).toBe(false);
    const win = createMainWindow(
      { ...config, devTools: true },
      { show: true, openExternal: vi.fn() },
    ) as unknown as fake.BrowserWindow;
    const prefs = win.options['webPreferences'] as { devTools: boolean; sandbox: boolean };
    expect(prefs.devTools).toBe(false);
    expect(prefs.sandbox).toBe(true);
  });

  it('offers developer tools in development only when asked', () => {
    expect(fake.app.isPackaged).toBe(false);
    expect(mainWindowOptions({ ...config, devTools: true }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ ...config, devTools: false }).webPreferences?.devTools).toBe(false);
  });

  it('centres when no position is remembered', () => {
    const options = mainWindowOptions({ ...config, bounds: { width: 1280, height: 800, maximized: false } });
    expect(options.center).toBe(true);
    expect(options.x).toBeUndefined();
  });

  it('loads the app from app://, restores maximised state and shows on ready-to-show', () => {
    const win = createMainWindow(
      { ...config, bounds: { ...config.bounds, maximized: true } },
      { show: true, openExternal: vi.fn() },
    ) as unknown as fake.BrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(win.maximized).toBe(true);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('stays hidden when started from the login item', () => {
    const win = createMainWindow(config, {
      show: false,
      openExternal: vi.fn(),
    }) as unknown as fake.BrowserWindow;
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
  });

  it('denies new windows; allow-listed links open in the browser, others nowhere', () => {
    const openExternal = vi.fn();
    const win = createMainWindow(config, { show: true, openExternal }) as unknown as fake.BrowserWindow;
    const handler = win.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://help.tallysolutions.com/x' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://help.tallysolutions.com/x']]);
  });

  it('blocks navigation away from the app but allows in-app navigation', () => {
    const openExternal = vi.fn();
    const win = createMainWindow(config, { show: true, openExternal }) as unknown as fake.BrowserWindow;
    for (const channel of ['will-navigate', 'will-redirect']) {
      const away = new fake.FakeEvent();
      win.webContents.emit(channel, away, 'https://evil.example/phish');
      expect(away.defaultPrevented).toBe(true);
      const inside = new fake.FakeEvent();
      win.webContents.emit(channel, inside, 'app://tallyconnect/index.html');
      expect(inside.defaultPrevented).toBe(false);
    }
    const download = new fake.FakeEvent();
    win.webContents.emit('will-navigate', download, 'blob:app://tallyconnect/3f2a-11');
    expect(download.defaultPrevented).toBe(false);
    const foreignBlob = new fake.FakeEvent();
    win.webContents.emit('will-navigate', foreignBlob, 'blob:https://evil.example/3f2a-11');
    expect(foreignBlob.defaultPrevented).toBe(true);
    const help = new fake.FakeEvent();
    win.webContents.emit('will-navigate', help, 'https://www.memurai.com/');
    expect(help.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.memurai.com/');
    const webview = new fake.FakeEvent();
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('reloads a renderer that crashed, but not one that exited cleanly', () => {
    const gone = vi.fn();
    const win = createMainWindow(config, {
      show: true,
      openExternal: vi.fn(),
      onRendererGone: gone,
    }) as unknown as fake.BrowserWindow;
    win.webContents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'crashed' });
    expect(win.reload).toHaveBeenCalledOnce();
    expect(gone).toHaveBeenCalledWith('crashed');
    win.webContents.emit('render-process-gone', new fake.FakeEvent(), { reason: 'clean-exit' });
    expect(win.reload).toHaveBeenCalledOnce();
  });
});
