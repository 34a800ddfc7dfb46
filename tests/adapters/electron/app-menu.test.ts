import type { MenuItemConstructorOptions } from 'electron';
import * as fake from './fake-electron';
import { aboutText, appMenuTemplate, type AppMenuActions } from '../../../electron/main/app-menu';

vi.mock('electron', () => import('./fake-electron'));
beforeEach(() => fake.resetFakeElectron());

const actions = (): AppMenuActions & Record<string, ReturnType<typeof vi.fn>> => ({
  openDataFolder: vi.fn(),
  openLogFolder: vi.fn(),
  about: vi.fn(),
  checkForUpdates: vi.fn(),
  quit: vi.fn(),
});
const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  it('offers zoom and editing, and the support folders', () => {
    const a = actions();
    const items = flat(appMenuTemplate({ dev: false }, a));
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'copy', 'paste', 'selectAll']),
    );
    (items.find((i) => i.id === 'help.logs')!.click as unknown as () => void)();
    (items.find((i) => i.id === 'help.data')!.click as unknown as () => void)();
    (items.find((i) => i.id === 'app.quit')!.click as unknown as () => void)();
    expect(a.openLogFolder).toHaveBeenCalledOnce();
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });

  it('leaves Alt+P and Alt+E to the reports (print, export as in Tally): no menu opens with them', () => {
    const mnemonics = appMenuTemplate({ dev: false }, actions()).map((item) =>
      /&(\w)/.exec(item.label ?? '')?.[1]?.toLowerCase(),
    );
    expect(mnemonics).not.toContain('p');
    expect(mnemonics).not.toContain('e');
    expect(new Set(mnemonics).size).toBe(mnemonics.length);
  });

  it('has reload and developer tools only in development', () => {
    const roles = (dev: boolean) => flat(appMenuTemplate({ dev }, actions())).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('never offers developer tools or reload in a packaged app, even when asked for dev', () => {
    fake.app.isPackaged = true;
    const roles = flat(appMenuTemplate({ dev: true }, actions())).map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('About names the version, the data folder and the log file', () => {
    expect(
      aboutText({
        version: '0.1.0',
        dataDir: 'C:\\Users\\a\\AppData\\Roaming\\TallyConnect',
        logFile: 'L',
        electron: '45.5.0',
      }),
    ).toBe(
      'Version 0.1.0 (Electron 45.5.0)\nData folder: C:\\Users\\a\\AppData\\Roaming\\TallyConnect\nLog file: L',
    );
  });

  it('About shows the build date when the build injected one', () => {
    const text = aboutText({
      version: '0.2.0',
      buildDate: '2026-12-02',
      dataDir: 'D',
      logFile: 'L',
      electron: '45.5.0',
    });
    expect(text.split('\n')[0]).toBe('Version 0.2.0, built 2026-12-02 (Electron 45.5.0)');
  });

  it('Help › Check for updates… runs the check', () => {
    const a = actions();
    const item = flat(appMenuTemplate({ dev: false }, a)).find((i) => i.id === 'help.checkUpdates')!;
    expect(item.label).toBe('Check for updates…');
    (item.click as unknown as () => void)();
    expect(a.checkForUpdates).toHaveBeenCalledOnce();
  });
});
