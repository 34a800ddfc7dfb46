import type { MenuItemConstructorOptions } from 'electron';
import type { Envelope } from '../../../shared/errors';
import type { UpdateStatus } from '../../../shared/types/update';
import type { DispatchFn } from '../../../electron/main/ipc';
import { updateItems, type TrayActions } from '../../../electron/main/tray-menu';
import { createTrayActions, updateCheckMessage } from '../../../electron/main/tray-actions';
import { offerUpdateInstall, updatePrompt } from '../../../electron/main/update-prompt';

const base: UpdateStatus = {
  phase: 'up-to-date',
  currentVersion: '0.1.0',
  feedUrl: 'https://updates.example.in/tc/',
  feedSource: 'settings',
  disabledReason: null,
  available: null,
  progress: null,
  installOnQuit: false,
  lastCheckedAt: null,
  error: null,
};
const ready: UpdateStatus = { ...base, phase: 'ready', available: { version: '0.2.0', releaseDate: null } };

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  const names = [
    'open',
    'syncAll',
    'syncCompany',
    'cancelSync',
    'clearAll',
    'clearCompany',
    'redetect',
    'startMemurai',
    'setOpenAtLogin',
    'checkForUpdates',
    'installUpdate',
    'quit',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as TrayActions &
    Record<string, ReturnType<typeof vi.fn>>;
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('tray: update items', () => {
  it('shows nothing while updates are off', () => {
    expect(updateItems(null, actions())).toEqual([]);
    expect(updateItems({ ...base, phase: 'disabled', disabledReason: 'no-feed' }, actions())).toEqual([]);
  });

  it('"Check for updates" runs the check; it is disabled while checking', () => {
    const a = actions();
    const [item] = updateItems(base, a);
    expect(item).toMatchObject({ id: 'update.check', label: 'Check for updates', enabled: true });
    click(item!);
    expect(a.checkForUpdates).toHaveBeenCalledOnce();
    expect(updateItems({ ...base, phase: 'checking' }, a)[0]).toMatchObject({ enabled: false });
  });

  it('shows the download progress, then "Install update 0.2.0…" which asks the user', () => {
    const a = actions();
    const downloading = updateItems(
      {
        ...base,
        phase: 'downloading',
        available: ready.available,
        progress: { percent: 57.9, transferredBytes: 1, totalBytes: 2, bytesPerSecond: 1 },
      },
      a,
    );
    expect(downloading).toEqual([
      { id: 'update.progress', label: 'Downloading update 0.2.0 — 57%', enabled: false },
    ]);
    const [install] = updateItems(ready, a);
    expect(install).toMatchObject({ id: 'update.install', label: 'Install update 0.2.0…' });
    click(install!);
    expect(a.installUpdate).toHaveBeenCalledOnce();
    expect(updateItems({ ...ready, installOnQuit: true }, a)[0]!.label).toBe(
      'Update 0.2.0 installs when you quit',
    );
  });
});

describe('update consent and messages', () => {
  function dispatcher(status: UpdateStatus) {
    const calls: string[] = [];
    const dispatch: DispatchFn = async (operation, input): Promise<Envelope<unknown>> => {
      calls.push(`${operation} ${JSON.stringify(input)}`);
      if (operation === 'update.status') return { ok: true, data: status };
      return { ok: true, data: { ...status, installOnQuit: true } };
    };
    return { calls, dispatch };
  }

  it.each([
    [0, 'now'],
    [1, 'on-quit'],
    [2, 'not-now'],
  ] as const)('button %i answers update.install with "%s"', async (response, when) => {
    const { calls, dispatch } = dispatcher(ready);
    const showMessageBox = vi.fn(async () => ({ response, checkboxChecked: false }));
    expect(await offerUpdateInstall({ dispatch, showMessageBox })).toBe(when);
    expect(showMessageBox).toHaveBeenCalledWith(updatePrompt('0.2.0'));
    expect(calls).toEqual(['update.status {}', `update.install {"when":"${when}"}`]);
  });

  it('asks nothing when no update is ready', async () => {
    const { calls, dispatch } = dispatcher(base);
    const showMessageBox = vi.fn();
    expect(await offerUpdateInstall({ dispatch, showMessageBox })).toBeNull();
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(calls).toEqual(['update.status {}']);
  });

  it('the question offers install now, when quitting, or not now — "when I quit" by default', () => {
    const prompt = updatePrompt('0.2.0');
    expect(prompt.buttons).toEqual(['Restart and install now', 'Install when I quit', 'Not now']);
    expect(prompt).toMatchObject({ defaultId: 1, cancelId: 2 });
  });

  it('a check from the tray or Help menu tells the outcome in a toast', async () => {
    const notify = vi.fn();
    const { dispatch } = dispatcher(base);
    const trayActions = createTrayActions({
      dispatch: async (operation, input, context) =>
        operation === 'update.check'
          ? { ok: true, data: { ...base, phase: 'downloading', available: ready.available } }
          : dispatch(operation, input, context),
      showWindow: vi.fn(),
      notify,
      offerMemurai: vi.fn(async () => undefined),
      offerUpdate: vi.fn(async () => undefined),
      setOpenAtLogin: vi.fn(),
      quit: vi.fn(),
      setBusy: vi.fn(),
      refresh: vi.fn(async () => undefined),
    });
    trayActions.checkForUpdates();
    await trayActions.settled();
    expect(notify).toHaveBeenCalledWith(
      'Downloading an update',
      'TallyConnect 0.2.0 is downloading in the background.',
    );
    expect(updateCheckMessage({ ...base, phase: 'disabled', disabledReason: 'no-feed' })[1]).toMatch(
      /Settings › Updates/,
    );
    expect(updateCheckMessage(base)).toEqual(['TallyConnect is up to date', 'Version 0.1.0 is the latest.']);
  });
});
