import type { StatementPdf } from '../../../electron/core/collections/statement-pdf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fake from './fake-electron';
import { OPERATION_NAMES } from '../../../shared/contract';
import { createEventBus } from '../../../electron/core/events/bus';
import type { Envelope } from '../../../shared/errors';
import { startShell, type ShellCore } from '../../../electron/main/shell';
import { invokeChannel } from '../../../electron/preload/channels';
import { patilStatement, SHARMA_LETTERHEAD } from '../../helpers/party-statement';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-log/main', () => {
  const noop = () => undefined;
  return {
    default: {
      transports: { file: {}, console: {} },
      errorHandler: { startCatching: noop },
      debug: noop,
      info: noop,
      warn: noop,
      error: noop,
    },
  };
});

interface FakeCoreOptions {
  memuraiStopped?: boolean;
  syncRunning?: boolean;
}

function fakeCore(order: string[], options: FakeCoreOptions = {}) {
  const events = createEventBus();
  let syncRunning = options.syncRunning ?? false;
  const answers: Record<string, () => unknown> = {
    'cache.status': () => ({
      detection: {
        backend: options.memuraiStopped ? 'memory' : 'memurai',
        serverVersion: options.memuraiStopped ? null : '4.2',
        memuraiStopped: options.memuraiStopped ?? false,
      },
      stats: { keyCount: 3, hitRate: 0.5 },
    }),
    'companies.list': () => ({
      data: [{ guid: 'g-1', name: 'Demo Traders' }],
      source: 'database',
      tookMs: 1,
    }),
    'sync.status': () => ({ running: syncRunning, progress: null }),
    'sync.cancel': () => {
      order.push('sync.cancel');
      syncRunning = false;
      return { cancelled: true };
    },
    'cache.startMemurai': () => ({ started: true, message: 'started' }),
  };
  const core: ShellCore & { dispatch: ReturnType<typeof vi.fn> } = {
    dispatch: vi.fn(async (operation: string): Promise<Envelope<unknown>> => {
      const answer = answers[operation];
      return answer
        ? { ok: true, data: answer() }
        : { ok: false, error: { code: 'NOT_FOUND', message: operation } };
    }),
    events,
    close: vi.fn(async () => {
      order.push('core.close');
    }),
  };
  return core;
}

let dataDir: string;
beforeEach(() => {
  fake.resetFakeElectron();
  dataDir = mkdtempSync(join(tmpdir(), 'tc-shell-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(options: FakeCoreOptions & { argv?: string[] } = {}) {
  const order: string[] = [];
  const core = fakeCore(order, options);
  const createCore = vi.fn(async (_options: { statementPdf?: StatementPdf }) => core);
  const handle = startShell({
    createCore,
    env: { TALLYCONNECT_DATA_DIR: dataDir },
    argv: options.argv ?? ['electron', '.'],
    mainDir: '/app/out/main',
    platform: 'win32',
  });
  await handle.ready;
  return { handle, core, createCore, order };
}

describe('Electron shell', () => {
  it('a second launch quits at once, and the first instance focuses its window', async () => {
    fake.app.requestSingleInstanceLock.mockImplementation(() => false);
    const handle = startShell({
      createCore: vi.fn(),
      env: {},
      argv: [],
      mainDir: '/app/out/main',
      platform: 'win32',
    });
    expect(handle.started).toBe(false);
    expect(fake.app.quit).toHaveBeenCalled();

    fake.resetFakeElectron();
    const { handle: first } = await start();
    expect(first.started).toBe(true);
    const win = fake.BrowserWindow.instances[0]!;
    win.hide();
    fake.app.emit('second-instance');
    expect(win.visible).toBe(true);
  });

  it('sets the AppUserModelId and keeps all data in TALLYCONNECT_DATA_DIR', async () => {
    const { createCore } = await start();
    expect(fake.app.setAppUserModelId).toHaveBeenCalledWith('in.tallyconnect.desktop');
    expect(fake.app.getPath('userData')).toBe(dataDir);
    expect(fake.app.setAppLogsPath).toHaveBeenCalledWith(join(dataDir, 'logs'));
    expect(createCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir, mode: 'electron' }));
  });

  it('registers the app:// scheme, the CSP session and every contract operation on IPC', async () => {
    await start();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    for (const op of OPERATION_NAMES) expect(fake.ipcMain.handlers.has(invokeChannel(op))).toBe(true);
  });

  it('IPC calls reach the core with the ipc caller; foreign senders do not', async () => {
    const { core } = await start();
    const handler = fake.ipcMain.handlers.get(invokeChannel('cache.status'))!;
    await expect(
      handler({ senderFrame: { url: 'app://tallyconnect/index.html' } }, {}),
    ).resolves.toMatchObject({ ok: true });
    expect(core.dispatch).toHaveBeenCalledWith('cache.status', {}, { caller: 'ipc', user: null });
    core.dispatch.mockClear();
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('opens one secure window and a tray naming the cache', async () => {
    await start();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const win = fake.BrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.options.webPreferences).toMatchObject({ preload: join('/app/out/preload/preload.cjs') });
    const tray = fake.Tray.instances[0]!;
    expect(tray.tooltip).toBe('TallyConnect — cache: Memurai 4.2');
    expect(tray.image).toEqual({ path: join('/app/out/main/tray.ico') });
  });

  it('forwards core events to the window', async () => {
    const { core } = await start();
    const win = fake.BrowserWindow.instances[0]!;
    (core.events as ReturnType<typeof createEventBus>).emit('books.changed', {
      companyGuid: 'g-1',
      dataVersion: 3,
    });
    expect(win.webContents.send).toHaveBeenCalledWith('tallyconnect:event', 'books.changed', {
      companyGuid: 'g-1',
      dataVersion: 3,
    });
  });

  it('closing the window hides it to the tray with a one-time notification', async () => {
    await start();
    const win = fake.BrowserWindow.instances[0]!;
    win.show();
    for (let i = 0; i < 2; i++) {
      const event = new fake.FakeEvent();
      win.emit('close', event);
      expect(event.defaultPrevented).toBe(true);
      expect(win.visible).toBe(false);
    }
    expect(fake.Notification.shown).toHaveLength(1);
    expect(fake.Notification.shown[0]!.title).toBe('TallyConnect is still running');
  });

  it('starts hidden in the tray when launched by "Start with Windows"', async () => {
    await start({ argv: ['TallyConnect.exe', '--hidden'] });
    const win = fake.BrowserWindow.instances[0]!;
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
  });

  it('offers to start Memurai when it is installed but stopped', async () => {
    fake.dialog.showMessageBox.mockImplementationOnce(() =>
      Promise.resolve({ response: 0, checkboxChecked: false }),
    );
    const { core } = await start({ memuraiStopped: true });
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalled());
    const tray = fake.Tray.instances[0]!;
    expect(tray.tooltip).toContain('Memurai is stopped');
    await vi.waitFor(() =>
      expect(core.dispatch).toHaveBeenCalledWith('cache.startMemurai', {}, expect.anything()),
    );
  });

  it('quitting cancels a running sync, then stops IPC, then closes the core, then exits', async () => {
    const { core, order } = await start({ syncRunning: true });
    const win = fake.BrowserWindow.instances[0]!;
    fake.app.emit('before-quit');
    const closing = new fake.FakeEvent();
    win.emit('close', closing);
    expect(closing.defaultPrevented).toBe(false); // a real quit lets the window close

    const quitEvent = new fake.FakeEvent();
    fake.app.emit('will-quit', quitEvent);
    expect(quitEvent.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    expect(order).toEqual(['sync.cancel', 'core.close']);
    expect(core.close).toHaveBeenCalledOnce();
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.Tray.instances[0]!.destroyed).toBe(true);
  });

  it('gives the core a statement PDF maker: a hidden window opened on the first statement, closed after the core', async () => {
    const { createCore, order } = await start();
    const maker = createCore.mock.calls[0]![0].statementPdf!;
    expect(maker.unavailable()).toBeNull();
    expect(fake.BrowserWindow.instances).toHaveLength(1); // only the app's window until a statement is made
    const pdf = await maker.make({
      statement: patilStatement([]),
      company: SHARMA_LETTERHEAD,
      language: 'en',
    });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake');
    const hidden = fake.BrowserWindow.instances[1]!;
    expect(hidden.options).toMatchObject({ show: false });
    expect(hidden.webContents.printToPDF).toHaveBeenCalledOnce();

    fake.app.emit('before-quit');
    fake.app.emit('will-quit', new fake.FakeEvent());
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(0));
    expect(order).toContain('core.close');
    expect(hidden.destroy).toHaveBeenCalledOnce();
  });

  it('any web contents created later is denied popups, webviews and navigation by default', async () => {
    await start();
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', new fake.FakeEvent(), contents);
    expect(contents.windowOpenHandler!({ url: 'https://help.tallysolutions.com/' })).toEqual({
      action: 'deny',
    });
    const away = new fake.FakeEvent();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.defaultPrevented).toBe(true);
    const home = new fake.FakeEvent();
    contents.emit('will-navigate', home, 'app://tallyconnect/index.html');
    expect(home.defaultPrevented).toBe(false);
    const exportBlob = new fake.FakeEvent();
    contents.emit('will-navigate', exportBlob, 'blob:app://tallyconnect/5b1c');
    expect(exportBlob.defaultPrevented).toBe(false);
    const webview = new fake.FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('Windows logging off closes the core cleanly', async () => {
    const { core } = await start();
    fake.BrowserWindow.instances[0]!.emit('session-end');
    await vi.waitFor(() => expect(core.close).toHaveBeenCalledOnce());
  });

  it('a core that cannot start shows the reason and the log path, then exits', async () => {
    const handle = startShell({
      createCore: () => Promise.reject(new Error('database is newer than this version of TallyConnect')),
      env: { TALLYCONNECT_DATA_DIR: dataDir },
      argv: [],
      mainDir: '/app/out/main',
      platform: 'win32',
    });
    await handle.ready;
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'TallyConnect could not start',
      expect.stringMatching(/newer than this version[\s\S]*main\.log/),
    );
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });
});

describe('Electron shell: updates', () => {
  const ready = {
    phase: 'ready',
    currentVersion: '0.1.0',
    feedUrl: 'https://updates.example.in/tc/',
    feedSource: 'settings',
    disabledReason: null,
    available: { version: '0.2.0', releaseDate: null },
    progress: null,
    installOnQuit: true,
    lastCheckedAt: null,
    error: null,
  } as const;

  it('an unpackaged app gives the core no updater, and says why', async () => {
    const { createCore } = await start();
    expect(createCore).toHaveBeenCalledWith(
      expect.objectContaining({ updates: { engine: null, noEngineReason: 'not-installed' } }),
    );
  });

  it('announces a downloaded update once, and installs an agreed one as the very last shutdown step', async () => {
    const { handle, core, order } = await start();
    const quitting = vi.fn(() => {
      order.push('update.quitting');
      return true;
    });
    core.updates = { quitting };
    // fakeCore's events are a real bus; ShellCore only promises onAny.
    const bus = core.events as ReturnType<typeof createEventBus>;
    bus.emit('update.status', { ...ready, phase: 'downloading' });
    bus.emit('update.status', ready);
    bus.emit('update.status', ready);
    const announced = fake.Notification.shown.filter((n) => n.title === 'TallyConnect 0.2.0 is ready');
    expect(announced).toHaveLength(1);
    expect(announced[0]!.body).toMatch(/Install update/);
    await handle.shutdown();
    expect(quitting).toHaveBeenCalledOnce();
    expect(order.indexOf('update.quitting')).toBeGreaterThan(order.indexOf('core.close'));
  });
});
