import type { MenuItemConstructorOptions } from 'electron';
import type { CacheDetection, CacheStats } from '../../../shared/types/cache';
import {
  INITIAL_TRAY_STATE,
  buildTrayMenu,
  statusLine,
  trayTooltip,
  type TrayActions,
  type TrayState,
} from '../../../electron/main/tray-menu';

function detection(patch: Partial<CacheDetection> = {}): CacheDetection {
  return {
    backend: 'memurai',
    address: '127.0.0.1:6379',
    serverVersion: '4.2',
    reason: 'Memurai answered on 127.0.0.1:6379',
    mode: 'auto',
    services: [],
    memuraiStopped: false,
    configErrors: [],
    detectedAt: '2026-11-25T10:00:00.000Z',
    ...patch,
  };
}
const stats: CacheStats = {
  backend: 'memurai',
  hits: 87,
  misses: 13,
  hitRate: 0.87,
  errors: 0,
  fallbacks: 0,
  keyCount: 42,
  memoryBytes: null,
};

function state(patch: Partial<TrayState> = {}): TrayState {
  return {
    ...INITIAL_TRAY_STATE,
    detection: detection(),
    stats,
    companies: [
      { guid: 'g-1', name: 'Shah & Sons' },
      { guid: 'g-2', name: 'Patil Traders' },
    ],
    openAtLogin: false,
    ...patch,
  };
}

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    open: vi.fn(),
    syncAll: vi.fn(),
    syncCompany: vi.fn(),
    cancelSync: vi.fn(),
    clearAll: vi.fn(),
    clearCompany: vi.fn(),
    redetect: vi.fn(),
    startMemurai: vi.fn(),
    setOpenAtLogin: vi.fn(),
    checkForUpdates: vi.fn(),
    installUpdate: vi.fn(),
    quit: vi.fn(),
  };
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return find(item.submenu, id);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`menu item ${id} not found`);
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();
const enabled = (item: MenuItemConstructorOptions) => item.enabled !== false;

describe('tray tooltip', () => {
  it('names the cache in use', () => {
    expect(trayTooltip(state())).toBe('TallyConnect — cache: Memurai 4.2');
    expect(trayTooltip(state({ detection: detection({ backend: 'redis', serverVersion: '7.2.4' }) }))).toBe(
      'TallyConnect — cache: Redis 7.2.4',
    );
    expect(trayTooltip(state({ detection: detection({ backend: 'memory', serverVersion: null }) }))).toBe(
      'TallyConnect — in-memory cache',
    );
  });

  it('says when Memurai is stopped and what a running sync is doing, within the Windows limit', () => {
    const text = trayTooltip(
      state({
        detection: detection({ backend: 'memory', serverVersion: null, memuraiStopped: true }),
        syncRunning: true,
        syncMessage: 'Vouchers 1,200 of 5,000 ' + 'x'.repeat(200),
      }),
    );
    expect(text).toMatch(/^TallyConnect — in-memory cache \(Memurai is stopped\)\nVouchers 1,200 of 5,000/);
    expect(text.length).toBeLessThanOrEqual(127);
  });
});

describe('tray menu', () => {
  it('has every item the user asked for, in order', () => {
    const items = buildTrayMenu(state(), actions());
    expect(items.filter((i) => i.type !== 'separator').map((i) => i.id)).toEqual([
      'open',
      'sync',
      'cache.clearAll',
      'cache.clearCompany',
      'cache.status',
      'cache.redetect',
      'openAtLogin',
      'quit',
    ]);
    expect(find(items, 'open').label).toBe('Open TallyConnect');
    expect(find(items, 'cache.clearAll').label).toBe('Clear cache');
    expect(find(items, 'cache.redetect').label).toBe('Re-detect cache server');
    expect(find(items, 'openAtLogin')).toMatchObject({
      label: 'Start with Windows',
      type: 'checkbox',
      checked: false,
    });
  });

  it('shows the status line: backend, keys and hit rate, not clickable', () => {
    const item = find(buildTrayMenu(state(), actions()), 'cache.status');
    expect(item.label).toBe('Cache: Memurai 4.2 · 42 keys · 87% hits');
    expect(item.enabled).toBe(false);
    expect(statusLine(state({ stats: { ...stats, hitRate: null, keyCount: 1 } }))).toBe(
      'Cache: Memurai 4.2 · 1 key · no lookups yet',
    );
    expect(statusLine(state({ detection: null, stats: null }))).toBe('Cache: detecting cache…');
  });

  it('sync submenu: all companies, then one per company; clicks call the right action', () => {
    const a = actions();
    const items = buildTrayMenu(state(), a);
    click(find(items, 'sync.all'));
    expect(a.syncAll).toHaveBeenCalledOnce();
    const one = find(items, 'sync.company.g-2');
    expect(one.label).toBe('Patil Traders');
    click(one);
    expect(a.syncCompany).toHaveBeenCalledWith('g-2');
  });

  it('clear-cache submenu clears one company; "&" in names shows literally', () => {
    const a = actions();
    const items = buildTrayMenu(state(), a);
    const shah = find(items, 'cache.clearCompany.g-1');
    expect(shah.label).toBe('Shah && Sons');
    click(shah);
    expect(a.clearCompany).toHaveBeenCalledWith('g-1');
    click(find(items, 'cache.clearAll'));
    expect(a.clearAll).toHaveBeenCalledOnce();
  });

  it('while a sync runs: sync, clear and re-detect are disabled; Cancel sync appears; Open and Quit stay', () => {
    const a = actions();
    const items = buildTrayMenu(state({ syncRunning: true, syncMessage: 'Vouchers 10 of 50' }), a);
    expect(find(items, 'sync').label).toBe('Syncing… Vouchers 10 of 50');
    for (const id of [
      'sync',
      'sync.all',
      'sync.company.g-1',
      'cache.clearAll',
      'cache.clearCompany',
      'cache.clearCompany.g-2',
      'cache.redetect',
    ]) {
      expect(enabled(find(items, id)), id).toBe(false);
    }
    for (const id of ['open', 'sync.cancel', 'quit']) expect(enabled(find(items, id)), id).toBe(true);
    click(find(items, 'sync.cancel'));
    expect(a.cancelSync).toHaveBeenCalledOnce();
  });

  it('when idle everything is enabled and there is no Cancel sync', () => {
    const items = buildTrayMenu(state(), actions());
    for (const id of [
      'sync',
      'sync.all',
      'sync.company.g-1',
      'cache.clearAll',
      'cache.clearCompany',
      'cache.redetect',
    ]) {
      expect(enabled(find(items, id)), id).toBe(true);
    }
    expect(() => find(items, 'sync.cancel')).toThrow();
  });

  it('while a tray action is busy, clearing and re-detecting are disabled', () => {
    const items = buildTrayMenu(state({ busy: true }), actions());
    expect(enabled(find(items, 'cache.clearAll'))).toBe(false);
    expect(enabled(find(items, 'cache.redetect'))).toBe(false);
  });

  it('without companies the per-company submenus say so and are disabled', () => {
    const items = buildTrayMenu(state({ companies: [] }), actions());
    expect(find(items, 'sync.company.none')).toMatchObject({ label: 'No companies yet', enabled: false });
    expect(enabled(find(items, 'cache.clearCompany'))).toBe(false);
    expect(enabled(find(items, 'sync.all'))).toBe(true);
  });

  it('offers to start Memurai only when detection says it is installed but stopped', () => {
    expect(() => find(buildTrayMenu(state(), actions()), 'cache.startMemurai')).toThrow();
    const a = actions();
    const items = buildTrayMenu(
      state({ detection: detection({ backend: 'memory', serverVersion: null, memuraiStopped: true }) }),
      a,
    );
    const item = find(items, 'cache.startMemurai');
    expect(item.label).toMatch(/Memurai is stopped/);
    click(item);
    expect(a.startMemurai).toHaveBeenCalledOnce();
  });

  it('Start with Windows toggles, and is left out where the OS has no login items', () => {
    const a = actions();
    click(find(buildTrayMenu(state({ openAtLogin: true }), a), 'openAtLogin'));
    expect(a.setOpenAtLogin).toHaveBeenCalledWith(false);
    expect(() => find(buildTrayMenu(state({ openAtLogin: null }), a), 'openAtLogin')).toThrow();
  });

  it('Open and Quit call their actions', () => {
    const a = actions();
    const items = buildTrayMenu(state(), a);
    click(find(items, 'open'));
    click(find(items, 'quit'));
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
  });
});
