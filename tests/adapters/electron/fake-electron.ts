/**
 * A stand-in for the 'electron' module (the real binary cannot run here). Tests do
 * `vi.mock('electron', () => import('./fake-electron'))` and inspect `fake` afterwards.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  readonly send = vi.fn();
  readonly executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => undefined);
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4 fake'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances;
  }
  readonly webContents = new FakeWebContents();
  visible = false;
  maximized = false;
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly reload = vi.fn();
  readonly destroy = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1200, height: 760 };
  }
}

export class Tray extends Emitter {
  static instances: Tray[] = [];
  tooltip = '';
  menu: { template: unknown[] } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: unknown[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: vi.fn(),
};
export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export class Notification {
  static shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {}
  show(): void {
    Notification.shown.push(this.options);
  }
}

class FakePowerMonitor extends Emitter {
  onBattery = false;
  idleSeconds = 0;
  isOnBatteryPower(): boolean {
    return this.onBattery;
  }
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
}
export const powerMonitor = new FakePowerMonitor();

class FakeApp extends Emitter {
  isPackaged = false;
  paths = new Map<string, string>([['userData', '/tmp/tallyconnect-fake-userdata']]);
  loginItem = false;
  readonly setAppUserModelId = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly setAppLogsPath = vi.fn();
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return '/tmp/tallyconnect-fake-app';
  }
  getLoginItemSettings() {
    return { openAtLogin: this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = settings.openAtLogin;
  }
}
export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};

export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
};

export const dialog = {
  showMessageBox: vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false })),
  showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
  showErrorBox: vi.fn(),
};

/** Seals by reversing and tagging: enough to tell sealed from clear text in tests. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'dpapi',
  encryptString: (plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptString: (sealed: Buffer) => [...sealed.toString().slice('sealed:'.length)].reverse().join(''),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = {
  invoke: vi.fn(() => Promise.resolve(undefined)),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** Clears recorded state between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  Tray.instances = [];
  Notification.shown = [];
  powerMonitor.listeners.clear();
  powerMonitor.onBattery = false;
  powerMonitor.idleSeconds = 0;
  app.listeners.clear();
  app.isPackaged = false;
  app.loginItem = false;
  app.paths = new Map([['userData', '/tmp/tallyconnect-fake-userdata']]);
  ipcMain.handlers.clear();
  vi.clearAllMocks();
  app.requestSingleInstanceLock.mockImplementation(() => true);
}

export default {
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  app,
  ipcMain,
  protocol,
  session,
  screen,
  shell,
  dialog,
  contextBridge,
  ipcRenderer,
};
