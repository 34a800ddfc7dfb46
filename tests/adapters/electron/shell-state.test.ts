import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_WINDOW,
  createShellStateStore,
  parseShellState,
  restoreBounds,
} from '../../../electron/main/shell-state';
import { builtPaths, resolveDataDir } from '../../../electron/main/paths';
import { createLoginItems } from '../../../electron/main/login-items';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('remembered window bounds', () => {
  it('reopens where it was when that spot is still on a display', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: false };
    expect(restoreBounds(saved, screen)).toEqual(saved);
  });

  it('forgets a position on a monitor that is no longer connected (keeps the size, centres)', () => {
    const saved = { x: 2500, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreBounds(saved, screen)).toEqual({ width: 1400, height: 900, maximized: true });
  });

  it('shrinks to the display and never below the minimum size', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, screen)).toMatchObject({
      width: 1920,
      height: 1040,
    });
    expect(restoreBounds({ width: 200, height: 100, maximized: false }, screen)).toMatchObject({
      width: 900,
      height: 600,
    });
  });

  it('uses the default size on first launch', () => {
    expect(restoreBounds(null, screen)).toEqual(DEFAULT_WINDOW);
  });
});

describe('shell state file', () => {
  it('survives garbage and wrong types', () => {
    expect(parseShellState('{not json')).toEqual({
      window: null,
      trayNoticeShown: false,
      memuraiPromptDismissed: false,
    });
    expect(parseShellState('[]').window).toBeNull();
    expect(parseShellState('{"window":{"width":"wide","height":3}}').window).toBeNull();
    expect(
      parseShellState('{"window":{"width":1000,"height":700,"x":1.5,"y":3},"trayNoticeShown":true}'),
    ).toEqual({
      window: { width: 1000, height: 700, maximized: false },
      trayNoticeShown: true,
      memuraiPromptDismissed: false,
    });
  });

  it('writes updates and reads them back in the next session', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-shell-'));
    try {
      const file = join(dir, 'nested', 'shell-state.json');
      const store = createShellStateStore(file);
      store.update({
        trayNoticeShown: true,
        window: { x: 5, y: 6, width: 1000, height: 700, maximized: true },
      });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ trayNoticeShown: true });
      const again = createShellStateStore(file);
      expect(again.get()).toEqual(store.get());
      writeFileSync(file, 'corrupt');
      expect(createShellStateStore(file).get().trayNoticeShown).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('paths', () => {
  it('uses userData unless TALLYCONNECT_DATA_DIR overrides it', () => {
    expect(resolveDataDir({}, '/home/a/.config/TallyConnect')).toEqual({
      dir: '/home/a/.config/TallyConnect',
      overridden: false,
    });
    expect(resolveDataDir({ TALLYCONNECT_DATA_DIR: '/tmp/tc' }, '/x')).toEqual({
      dir: '/tmp/tc',
      overridden: true,
    });
    expect(resolveDataDir({ TALLYCONNECT_DATA_DIR: '  ' }, '/x').overridden).toBe(false);
    expect(resolveDataDir({ TALLYCONNECT_DATA_DIR: 'rel' }, '/x').dir).toBe(join(process.cwd(), 'rel'));
  });

  it('finds the built preload (CommonJS), renderer and tray icon next to main.js', () => {
    const win = builtPaths('/app/out/main', 'win32');
    expect(win.preload).toBe(join('/app/out/preload/preload.cjs'));
    expect(win.rendererDir).toBe(join('/app/out/renderer'));
    expect(win.trayIcon).toBe(join('/app/out/main/tray.ico'));
    expect(builtPaths('/app/out/main', 'linux').trayIcon).toBe(join('/app/out/main/tray.png'));
  });
});

describe('login items', () => {
  it('registers TallyConnect to start hidden with Windows, and is unsupported on Linux', () => {
    const app = { getLoginItemSettings: vi.fn(() => ({ openAtLogin: true })), setLoginItemSettings: vi.fn() };
    const win = createLoginItems(app as never, 'win32');
    expect(win.get()).toBe(true);
    expect(app.getLoginItemSettings).toHaveBeenCalledWith({ args: ['--hidden'] });
    win.set(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false, args: ['--hidden'] });
    const linux = createLoginItems(app as never, 'linux');
    expect(linux.get()).toBeNull();
    linux.set(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
  });
});
