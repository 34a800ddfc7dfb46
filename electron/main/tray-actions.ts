import type { DispatchFn } from './ipc';
import type { TrayActions } from './tray-menu';
import type { CallContext } from '../core/service/types';
import type { UpdateStatus } from '../../shared/types/update';

export interface TrayActionDeps {
  dispatch: DispatchFn;
  showWindow(): void;
  /** A balloon / toast with a title and one line. */
  notify(title: string, body: string): void;
  offerMemurai(): Promise<void>;
  /** Asks the user whether to install the downloaded update (now / when quitting / not now). */
  offerUpdate(): Promise<void>;
  setOpenAtLogin(enabled: boolean): void;
  quit(): void;
  /** Called around each action so the menu can disable itself and then show fresh state. */
  setBusy(busy: boolean): void;
  refresh(): Promise<void>;
}

const CONTEXT: CallContext = { caller: 'ipc', user: null };

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-IN')} ${n === 1 ? one : many}`;

/**
 * The tray's actions, all through the contract (never core internals). Menu clicks are fire-and-forget,
 * so `settled()` lets the shutdown and the tests wait for whatever is still running.
 */
export function createTrayActions(deps: TrayActionDeps): TrayActions & { settled(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const track = (work: () => Promise<void>, busy: boolean): void => {
    if (busy) deps.setBusy(true);
    const promise = work()
      .catch((error: unknown) => {
        deps.notify('TallyConnect', error instanceof Error ? error.message : String(error));
      })
      .finally(async () => {
        running.delete(promise);
        if (busy) deps.setBusy(false);
        await deps.refresh().catch(() => undefined);
      });
    running.add(promise);
  };
  const call = async <T>(operation: string, input: unknown): Promise<T | null> => {
    const result = await deps.dispatch(operation, input, CONTEXT);
    if (result.ok) return result.data as T;
    // CANCELLED is the user's own doing (Cancel sync); no need to alarm them.
    if (result.error.code !== 'CANCELLED') deps.notify('TallyConnect', result.error.message);
    return null;
  };

  const sync = (input: { companyGuid?: string }) =>
    track(async () => {
      const results = await call<{ companyName: string; vouchersWritten: number }[]>('sync.start', input);
      if (!results) return;
      const written = results.reduce((n, r) => n + r.vouchersWritten, 0);
      const companies = plural(results.length, 'company', 'companies');
      deps.notify('Sync finished', `${companies} synced, ${plural(written, 'voucher', 'vouchers')} updated.`);
    }, false);

  return {
    open: () => deps.showWindow(),
    syncAll: () => sync({}),
    syncCompany: (guid) => sync({ companyGuid: guid }),
    setLive: (enabled) =>
      track(async () => {
        await call('live.set', { enabled });
      }, true),
    cancelSync: () =>
      track(async () => {
        await call('sync.cancel', {});
      }, false),
    clearAll: () =>
      track(async () => {
        const result = await call<{ deleted: number }>('cache.clearAll', {});
        if (result)
          deps.notify(
            'Cache cleared',
            `${plural(result.deleted, 'cached entry', 'cached entries')} removed.`,
          );
      }, true),
    clearCompany: (guid) =>
      track(async () => {
        const result = await call<{ deleted: number }>('cache.clearCompany', { companyGuid: guid });
        if (result)
          deps.notify(
            'Cache cleared',
            `${plural(result.deleted, 'cached entry', 'cached entries')} removed.`,
          );
      }, true),
    redetect: () =>
      track(async () => {
        const detection = await call<{ reason: string }>('cache.redetect', {});
        if (detection) deps.notify('Cache server', detection.reason);
      }, true),
    startMemurai: () => track(() => deps.offerMemurai(), true),
    setOpenAtLogin: (enabled) =>
      track(async () => {
        deps.setOpenAtLogin(enabled);
      }, false),
    checkForUpdates: () =>
      track(async () => {
        const status = await call<UpdateStatus>('update.check', {});
        if (status) deps.notify(...updateCheckMessage(status));
      }, false),
    installUpdate: () => track(() => deps.offerUpdate(), false),
    quit: () => deps.quit(),
    async settled() {
      while (running.size) await Promise.all([...running]);
    },
  };
}

/** What a check from the tray or the Help menu tells the user: [title, body]. */
export function updateCheckMessage(status: UpdateStatus): [string, string] {
  switch (status.phase) {
    case 'disabled':
      return status.disabledReason === 'no-feed'
        ? ['Updates are off', 'Enter the update address in Settings › Updates to turn them on.']
        : ['Updates are off', 'Only the installed TallyConnect updates itself.'];
    case 'up-to-date':
      return ['TallyConnect is up to date', `Version ${status.currentVersion} is the latest.`];
    case 'downloading':
      return [
        'Downloading an update',
        `TallyConnect ${status.available?.version ?? ''} is downloading in the background.`.replace(
          '  ',
          ' ',
        ),
      ];
    case 'ready':
      return [
        'Update ready',
        `TallyConnect ${status.available?.version ?? ''} is ready: choose "Install update" in the tray.`,
      ];
    case 'error':
      return ['Update failed', status.error ?? 'The update could not be checked.'];
    default:
      return ['Checking for updates', 'TallyConnect is checking for updates.'];
  }
}
