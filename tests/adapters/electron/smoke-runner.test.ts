import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { developmentElectron, locateSmokeTarget, packagedExe } from '../../../tools/electron-smoke/locate';
import {
  TEST_HOOKS_GLOBAL,
  clickMenuItem,
  installTestHooks,
  trayMenuView,
  type TestHooks,
} from '../../../electron/main/test-hooks';

const ROOT = '/repo';
const files = (entries: Record<string, string>) => ({
  exists: (path: string) => Object.prototype.hasOwnProperty.call(entries, path),
  read: (path: string) => entries[path] ?? '',
});

describe('npm run test:electron: what it launches', () => {
  it('says plainly that it cannot run when node_modules/electron has no binary (as on these machines)', () => {
    const target = locateSmokeTarget({ root: ROOT, argv: [], env: {}, ...files({}) });
    expect(target.kind).toBe('unavailable');
    expect(target.kind === 'unavailable' && target.reason).toMatch(/^no Electron binary on this machine/);
  });

  it('a path.txt without the downloaded binary is still "no binary"', () => {
    const fs = files({ [join(ROOT, 'node_modules/electron/path.txt')]: 'electron' });
    expect(developmentElectron({ root: ROOT, argv: [], env: {}, ...fs })).toBeNull();
  });

  it('runs `electron .` on the checkout when the binary was downloaded', () => {
    const binary = join(ROOT, 'node_modules/electron/dist/electron.exe');
    const fs = files({ [join(ROOT, 'node_modules/electron/path.txt')]: 'electron.exe', [binary]: '' });
    expect(locateSmokeTarget({ root: ROOT, argv: [], env: {}, ...fs })).toEqual({
      kind: 'development',
      executable: binary,
      args: [ROOT],
    });
  });

  it('runs the packaged exe given by --exe or TALLYCONNECT_SMOKE_EXE, and refuses a missing one', () => {
    const exe = join(ROOT, 'dist-smoke/win-unpacked/TallyConnect.exe');
    const fs = files({ [exe]: '' });
    expect(packagedExe(['--exe', 'x.exe'], {})).toBe('x.exe');
    expect(packagedExe([], { TALLYCONNECT_SMOKE_EXE: 'y.exe' })).toBe('y.exe');
    expect(
      locateSmokeTarget({
        root: ROOT,
        argv: ['--exe', 'dist-smoke/win-unpacked/TallyConnect.exe'],
        env: {},
        ...fs,
      }),
    ).toEqual({ kind: 'packaged', executable: exe, args: [] });
    const missing = locateSmokeTarget({ root: ROOT, argv: ['--exe', 'nope.exe'], env: {}, ...fs });
    expect(missing.kind === 'unavailable' && missing.reason).toMatch(/does not exist/);
  });
});

describe('main-process test hooks (TALLYCONNECT_TEST_HOOKS=1 only)', () => {
  const hooks = {} as TestHooks;

  it('are installed only when the variable is 1', () => {
    const target: Record<string, unknown> = {};
    expect(installTestHooks({}, hooks, target)).toBe(false);
    expect(installTestHooks({ TALLYCONNECT_TEST_HOOKS: 'true' }, hooks, target)).toBe(false);
    expect(target[TEST_HOOKS_GLOBAL]).toBeUndefined();
    expect(installTestHooks({ TALLYCONNECT_TEST_HOOKS: '1' }, hooks, target)).toBe(true);
    expect(target[TEST_HOOKS_GLOBAL]).toBe(hooks);
  });

  it('list the tray menu (submenus included) and click enabled items only', () => {
    const clicked: string[] = [];
    const menu: MenuItemConstructorOptions[] = [
      { id: 'open', label: 'Open', click: () => clicked.push('open') },
      { type: 'separator' },
      {
        id: 'sync',
        label: 'Sync',
        submenu: [{ id: 'sync.all', label: 'All', click: () => clicked.push('all') }],
      },
      { id: 'cache.clearAll', label: 'Clear cache', enabled: false, click: () => clicked.push('clear') },
    ];
    expect(trayMenuView(menu)).toEqual([
      { id: 'open', label: 'Open', enabled: true },
      { id: 'sync', label: 'Sync', enabled: true },
      { id: 'sync.all', label: 'All', enabled: true },
      { id: 'cache.clearAll', label: 'Clear cache', enabled: false },
    ]);
    expect(clickMenuItem(menu, 'sync.all')).toBe(true);
    expect(clickMenuItem(menu, 'cache.clearAll')).toBe(false);
    expect(clickMenuItem(menu, 'nope')).toBe(false);
    expect(clicked).toEqual(['all']);
  });
});
