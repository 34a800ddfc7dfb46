// A stand-in for Electron's main-process API, just enough for the BUILT out/main/main.js to boot under
// plain Node (the real binary cannot be downloaded on CI). Everything it does is recorded in `record`.
import { EventEmitter } from 'node:events';

export const record = { calls: [], ipcHandlers: new Map(), windows: [], trays: [], protocolHandler: null };
const note = (...args) => record.calls.push(args);

class StubApp extends EventEmitter {
  isPackaged = false;
  name = 'TallyConnect';
  whenReady = () => Promise.resolve();
  isReady = () => true;
  getPath = (name) =>
    name === 'userData' ? process.env.TALLYCONNECT_DATA_DIR : `${process.env.TALLYCONNECT_DATA_DIR}/${name}`;
  setPath = (name, value) => note('setPath', name, value);
  getName = () => 'TallyConnect';
  getVersion = () => '0.1.0';
  getAppPath = () => process.cwd();
  getLocale = () => 'en';
  requestSingleInstanceLock = () => true;
  setAppUserModelId = (id) => note('setAppUserModelId', id);
  setAppLogsPath = (path) => note('setAppLogsPath', path);
  quit = () => note('quit');
  exit = (code) => {
    note('exit', code);
    process.stdout.write(`${JSON.stringify({ exit: code, calls: record.calls.map((c) => c[0]) })}\n`);
    process.exit(code);
  };
  getLoginItemSettings = () => ({ openAtLogin: false });
  setLoginItemSettings = () => undefined;
}
export const app = new StubApp();

class StubIpcMain extends EventEmitter {
  handle(channel, listener) {
    record.ipcHandlers.set(channel, listener);
  }
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  }
}
export const ipcMain = new StubIpcMain();

class StubWebContents extends EventEmitter {
  setWindowOpenHandler() {}
  send(channel, event) {
    note('send', event);
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new StubWebContents();
    record.windows.push(this);
  }
  loadURL(url) {
    note('loadURL', url);
    setTimeout(() => this.emit('ready-to-show'), 5);
    return Promise.resolve();
  }
  show() {
    note('show');
  }
  hide() {
    note('hide');
  }
  focus() {}
  maximize() {}
  restore() {}
  reload() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isVisible() {
    return true;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
}

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    record.trays.push(this);
  }
  setToolTip(text) {
    this.tooltip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    note('tray.destroy');
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => note('setApplicationMenu', menu.template.length),
};
export const nativeImage = { createFromPath: (path) => ({ path }) };
export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    this.options = options;
  }
  show() {
    note('notification', this.options.title);
  }
}
export const dialog = {
  showMessageBox: async () => ({ response: 1, checkboxChecked: false }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showErrorBox: (title, message) => note('showErrorBox', title, message),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => note('registerSchemesAsPrivileged', schemes),
  handle: (scheme, handler) => {
    record.protocolHandler = handler;
    note('protocol.handle', scheme);
  },
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: () => note('onHeadersReceived') },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  },
};
export const shell = { openExternal: async () => undefined, openPath: async () => '' };
export const webContents = { getAllWebContents: () => [] };
// As on Windows (DPAPI): available, and no Linux backend to name.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`sealed:${text}`),
  decryptString: (sealed) =>
    Buffer.from(sealed)
      .toString()
      .replace(/^sealed:/, ''),
};
class StubPowerMonitor extends EventEmitter {
  isOnBatteryPower = () => false;
  getSystemIdleTime = () => 0;
}
export const powerMonitor = new StubPowerMonitor();

const electron = {
  app,
  ipcMain,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  dialog,
  protocol,
  screen,
  session,
  shell,
  webContents,
  powerMonitor,
  safeStorage,
};
// electron-log loads Electron with require(); the CommonJS shim hands it this same object.
globalThis.__tallyConnectElectronStub = electron;
export default electron;
