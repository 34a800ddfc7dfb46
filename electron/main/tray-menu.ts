import type { MenuItemConstructorOptions } from 'electron';
import type { CacheDetection, CacheStats } from '../../shared/types/cache';
import type { UpdateStatus } from '../../shared/types/update';
import type { LiveStatus } from '../../shared/types/live';

/** Everything the tray shows, gathered from the core through the contract. */
export interface TrayState {
  detection: CacheDetection | null;
  stats: CacheStats | null;
  companies: { guid: string; name: string }[];
  syncRunning: boolean;
  /** Latest progress line of the running sync ("Vouchers 1,200 of 5,000"). */
  syncMessage: string | null;
  /** null where the OS has no login items (Linux): the toggle is left out. */
  openAtLogin: boolean | null;
  /** True while a tray action (clear, re-detect, start Memurai) is in flight. */
  busy: boolean;
  /** Self-update state (null until first read); the update items show only when updates are on. */
  update: UpdateStatus | null;
  /** Live mode (issue 18); absent until read: the item is left out. */
  live?: Pick<LiveStatus, 'enabled' | 'state' | 'pausedBecause'> | null;
}

export interface TrayActions {
  open(): void;
  syncAll(): void;
  syncCompany(guid: string): void;
  cancelSync(): void;
  clearAll(): void;
  clearCompany(guid: string): void;
  redetect(): void;
  startMemurai(): void;
  setOpenAtLogin(enabled: boolean): void;
  checkForUpdates(): void;
  /** Asks whether to install the downloaded update now, when quitting, or not now. */
  installUpdate(): void;
  /** Live mode on or off (live.set). */
  setLive?(enabled: boolean): void;
  quit(): void;
}

export const INITIAL_TRAY_STATE: TrayState = {
  detection: null,
  stats: null,
  companies: [],
  syncRunning: false,
  syncMessage: null,
  openAtLogin: null,
  busy: false,
  update: null,
};

const TOOLTIP_LIMIT = 127; // Windows truncates tray tooltips at 127 characters.

/** "Memurai 4.2", "Redis 7.2.4" or "in-memory cache". */
export function cacheLabel(detection: CacheDetection | null): string {
  if (!detection) return 'detecting cache…';
  if (detection.backend === 'memory') return 'in-memory cache';
  const name = detection.backend === 'memurai' ? 'Memurai' : 'Redis';
  return detection.serverVersion ? `${name} ${detection.serverVersion}` : name;
}

export function trayTooltip(state: TrayState): string {
  const { detection } = state;
  const cache = detection?.backend === 'memory' ? 'in-memory cache' : `cache: ${cacheLabel(detection)}`;
  let text = `TallyConnect — ${cache}`;
  if (detection?.memuraiStopped) text += ' (Memurai is stopped)';
  if (state.syncRunning) text += `\n${state.syncMessage ?? 'Syncing…'}`;
  return text.length > TOOLTIP_LIMIT ? `${text.slice(0, TOOLTIP_LIMIT - 1)}…` : text;
}

/** "Cache: Memurai 4.2 · 42 keys · 87% hits". */
export function statusLine(state: TrayState): string {
  const parts = [`Cache: ${cacheLabel(state.detection)}`];
  if (state.stats) {
    const { keyCount, hitRate } = state.stats;
    parts.push(`${keyCount.toLocaleString('en-IN')} ${keyCount === 1 ? 'key' : 'keys'}`);
    parts.push(hitRate === null ? 'no lookups yet' : `${Math.round(hitRate * 100)}% hits`);
  }
  return parts.join(' · ');
}

const LIVE_PAUSES: Record<NonNullable<LiveStatus['pausedBecause']>, string> = {
  'tally-closed': 'paused, Tally is closed',
  'nothing-to-watch': 'waiting for a first sync',
  'sync-running': 'paused while a sync runs',
};

/** "Live books — watching Tally", "Live books — paused, Tally is closed", "Live books (off)". */
export function liveLabel(live: NonNullable<TrayState['live']>): string {
  if (!live.enabled) return 'Live books (follow Tally)';
  if (live.pausedBecause) return `Live books — ${LIVE_PAUSES[live.pausedBecause]}`;
  return live.state === 'syncing' ? 'Live books — bringing in changes…' : 'Live books — watching Tally';
}

/** Menu labels treat "&" as an accelerator marker; company names like "Shah & Sons" must show as typed. */
function menuText(text: string): string {
  return text.replace(/&/g, '&&');
}

function companySubmenu(
  state: TrayState,
  idPrefix: string,
  onClick: (guid: string) => void,
): MenuItemConstructorOptions[] {
  if (state.companies.length === 0) {
    return [{ id: `${idPrefix}.none`, label: 'No companies yet', enabled: false }];
  }
  return state.companies.map((c) => ({
    id: `${idPrefix}.${c.guid}`,
    label: menuText(c.name),
    click: () => onClick(c.guid),
  }));
}

/**
 * The tray menu as a pure function of state: no Electron calls, so every item and enabled state is
 * unit-tested. While a sync runs, starting another sync, clearing and re-detecting are disabled (they
 * would race with the sync's own cache invalidation); Cancel sync and Quit stay available.
 */
export function buildTrayMenu(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const idle = !state.syncRunning && !state.busy;
  const hasCompanies = state.companies.length > 0;
  const items: MenuItemConstructorOptions[] = [
    { id: 'open', label: 'Open TallyConnect', click: () => actions.open() },
    { type: 'separator' },
    {
      id: 'sync',
      label: state.syncRunning ? `Syncing… ${state.syncMessage ?? ''}`.trim() : 'Sync now',
      enabled: idle,
      submenu: [
        { id: 'sync.all', label: 'All companies', enabled: idle, click: () => actions.syncAll() },
        { type: 'separator' },
        ...companySubmenu(state, 'sync.company', (guid) => actions.syncCompany(guid)).map((item) => ({
          ...item,
          enabled: idle && hasCompanies,
        })),
      ],
    },
  ];
  if (state.syncRunning) {
    items.push({ id: 'sync.cancel', label: 'Cancel sync', click: () => actions.cancelSync() });
  }
  const live = state.live;
  if (live) {
    items.push({
      id: 'live',
      label: liveLabel(live),
      type: 'checkbox',
      checked: live.enabled,
      enabled: !state.busy,
      click: () => actions.setLive?.(!live.enabled),
    });
  }
  items.push(
    { type: 'separator' },
    { id: 'cache.clearAll', label: 'Clear cache', enabled: idle, click: () => actions.clearAll() },
    {
      id: 'cache.clearCompany',
      label: 'Clear cache for a company',
      enabled: idle && hasCompanies,
      submenu: companySubmenu(state, 'cache.clearCompany', (guid) => actions.clearCompany(guid)).map(
        (item) => ({ ...item, enabled: idle && hasCompanies }),
      ),
    },
    { id: 'cache.status', label: statusLine(state), enabled: false },
  );
  if (state.detection?.memuraiStopped) {
    items.push({
      id: 'cache.startMemurai',
      label: 'Memurai is stopped — Start Memurai…',
      enabled: !state.busy,
      click: () => actions.startMemurai(),
    });
  }
  items.push({
    id: 'cache.redetect',
    label: 'Re-detect cache server',
    enabled: idle,
    click: () => actions.redetect(),
  });
  items.push({ type: 'separator' }, ...updateItems(state.update, actions));
  if (state.openAtLogin !== null) {
    const enabled = state.openAtLogin;
    items.push({
      id: 'openAtLogin',
      label: 'Start with Windows',
      type: 'checkbox',
      checked: enabled,
      click: () => actions.setOpenAtLogin(!enabled),
    });
  }
  items.push({ id: 'quit', label: 'Quit TallyConnect', click: () => actions.quit() });
  return items;
}

/** "Check for updates", or the download's progress, or "Install update …" once it is ready. */
export function updateItems(update: UpdateStatus | null, actions: TrayActions): MenuItemConstructorOptions[] {
  if (!update || update.phase === 'disabled') return [];
  if (update.phase === 'ready' && update.available) {
    const label = update.installOnQuit
      ? `Update ${update.available.version} installs when you quit`
      : `Install update ${update.available.version}…`;
    return [{ id: 'update.install', label, click: () => actions.installUpdate() }];
  }
  if (update.phase === 'downloading') {
    const percent = Math.floor(update.progress?.percent ?? 0);
    const version = update.available?.version ?? '';
    return [{ id: 'update.progress', label: `Downloading update ${version} — ${percent}%`, enabled: false }];
  }
  return [
    {
      id: 'update.check',
      label: update.phase === 'checking' ? 'Checking for updates…' : 'Check for updates',
      enabled: update.phase !== 'checking',
      click: () => actions.checkForUpdates(),
    },
  ];
}
