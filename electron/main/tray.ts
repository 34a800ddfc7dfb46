import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AppEventName } from '../../shared/contract';
import type { CacheStatus } from '../../shared/types/cache';
import type { SyncProgress } from '../../shared/types/sync';
import type { UpdateStatus } from '../../shared/types/update';
import type { LiveStatus } from '../../shared/types/live';
import type { DispatchFn } from './ipc';
import {
  INITIAL_TRAY_STATE,
  buildTrayMenu,
  trayTooltip,
  type TrayActions,
  type TrayState,
} from './tray-menu';

const CONTEXT = { caller: 'ipc', user: null } as const;
const FINAL_PHASES: ReadonlySet<string> = new Set(['done', 'failed', 'cancelled']);

/** Reads what the tray shows through the contract; a failing part keeps its previous value. */
export async function readTrayState(dispatch: DispatchFn, previous: TrayState): Promise<TrayState> {
  const [cache, companies, sync, update, live] = await Promise.all([
    dispatch('cache.status', {}, CONTEXT),
    dispatch('companies.list', {}, CONTEXT),
    dispatch('sync.status', {}, CONTEXT),
    dispatch('update.status', {}, CONTEXT),
    dispatch('live.status', {}, CONTEXT),
  ]);
  const next = { ...previous };
  if (cache.ok) {
    const status = cache.data as CacheStatus;
    next.detection = status.detection;
    next.stats = status.stats;
  }
  if (companies.ok) {
    const served = companies.data as { data: { guid: string; name: string }[] };
    next.companies = served.data.map((c) => ({ guid: c.guid, name: c.name }));
  }
  if (sync.ok) {
    const s = sync.data as { running: boolean; progress: SyncProgress | null };
    next.syncRunning = s.running;
    next.syncMessage = s.running ? (s.progress?.message ?? null) : null;
  }
  if (update.ok) next.update = update.data as UpdateStatus;
  if (live.ok) {
    const s = live.data as LiveStatus;
    next.live = { enabled: s.enabled, state: s.state, pausedBecause: s.pausedBecause };
  }
  return next;
}

export interface TrayController {
  refresh(): Promise<void>;
  setBusy(busy: boolean): void;
  state(): TrayState;
  /** The menu as last shown (for the smoke test's hook: ids, labels, enabled, click). */
  menu(): MenuItemConstructorOptions[];
  isDestroyed(): boolean;
  destroy(): void;
}

export interface TrayControllerOptions {
  iconPath: string;
  dispatch: DispatchFn;
  events: { onAny(listener: (event: AppEventName, payload: unknown) => void): () => void };
  actions: () => TrayActions;
  openAtLogin: () => boolean | null;
}

/** The tray icon: re-renders its tooltip and menu whenever the core reports a change. */
export function createTrayController(options: TrayControllerOptions): TrayController {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let state: TrayState = { ...INITIAL_TRAY_STATE, openAtLogin: options.openAtLogin() };
  let destroyed = false;
  let template: MenuItemConstructorOptions[] = [];

  const render = (): void => {
    if (destroyed) return;
    tray.setToolTip(trayTooltip(state));
    template = buildTrayMenu(state, options.actions());
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const refresh = async (): Promise<void> => {
    state = await readTrayState(options.dispatch, { ...state, openAtLogin: options.openAtLogin() });
    render();
  };

  // Progress arrives many times a second; the menu is rebuilt at most twice a second.
  let progressTimer: ReturnType<typeof setTimeout> | null = null;
  const renderSoon = (): void => {
    if (progressTimer) return;
    progressTimer = setTimeout(() => {
      progressTimer = null;
      render();
    }, 500);
  };

  const unsubscribe = options.events.onAny((event, payload) => {
    if (event === 'sync.progress') {
      const p = payload as SyncProgress;
      state = { ...state, syncRunning: !FINAL_PHASES.has(p.phase), syncMessage: p.message };
      renderSoon();
    } else if (event === 'update.status') {
      const update = payload as UpdateStatus;
      // Download progress arrives often; only its whole percents change the menu.
      if (update.phase === 'downloading' && state.update?.phase === 'downloading') {
        state = { ...state, update };
        renderSoon();
      } else {
        state = { ...state, update };
        render();
      }
    } else if (event === 'live.status') {
      const s = payload as LiveStatus;
      state = { ...state, live: { enabled: s.enabled, state: s.state, pausedBecause: s.pausedBecause } };
      render();
    } else if (event === 'cache.status') {
      const p = payload as Pick<CacheStatus, 'detection' | 'stats'>;
      state = { ...state, detection: p.detection, stats: p.stats };
      render();
    } else {
      void refresh().catch(() => undefined);
    }
  });

  // A left click opens the window (the Windows convention); the menu is on the right click.
  tray.on('click', () => options.actions().open());
  render();

  return {
    refresh,
    setBusy(busy) {
      state = { ...state, busy };
      render();
    },
    state: () => state,
    menu: () => template,
    isDestroyed: () => destroyed,
    destroy() {
      destroyed = true;
      if (progressTimer) clearTimeout(progressTimer);
      unsubscribe();
      tray.destroy();
    },
  };
}
