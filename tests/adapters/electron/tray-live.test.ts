import type { MenuItemConstructorOptions } from 'electron';
import type { Envelope } from '../../../shared/errors';
import type { DispatchFn } from '../../../electron/main/ipc';
import { createTrayActions } from '../../../electron/main/tray-actions';
import { INITIAL_TRAY_STATE, buildTrayMenu, type TrayActions } from '../../../electron/main/tray-menu';
import { readTrayState } from '../../../electron/main/tray';

vi.mock('electron', () => import('./fake-electron'));

const noop = () => undefined;
const actions = (setLive: (enabled: boolean) => void): TrayActions => ({
  open: noop,
  syncAll: noop,
  syncCompany: noop,
  cancelSync: noop,
  clearAll: noop,
  clearCompany: noop,
  redetect: noop,
  startMemurai: noop,
  setOpenAtLogin: noop,
  checkForUpdates: noop,
  installUpdate: noop,
  setLive,
  quit: noop,
});
const liveItem = (items: MenuItemConstructorOptions[]) => items.find((i) => i.id === 'live');

describe('live mode in the tray', () => {
  it('is a checkbox that says what live mode does now, and switches it', () => {
    const setLive = vi.fn();
    const on = liveItem(
      buildTrayMenu(
        { ...INITIAL_TRAY_STATE, live: { enabled: true, state: 'paused', pausedBecause: 'tally-closed' } },
        actions(setLive),
      ),
    );
    expect(on).toMatchObject({
      type: 'checkbox',
      checked: true,
      label: 'Live books — paused, Tally is closed',
    });
    (on?.click as unknown as () => void)();
    expect(setLive).toHaveBeenCalledWith(false);

    const off = liveItem(
      buildTrayMenu(
        { ...INITIAL_TRAY_STATE, live: { enabled: false, state: 'off', pausedBecause: null } },
        actions(setLive),
      ),
    );
    expect(off).toMatchObject({ checked: false, label: 'Live books (follow Tally)' });
    // Not read yet (or not available): no item rather than a wrong one.
    expect(liveItem(buildTrayMenu(INITIAL_TRAY_STATE, actions(setLive)))).toBeUndefined();
  });

  it('reads the status through the contract and switches through live.set', async () => {
    const calls: string[] = [];
    const answers: Record<string, Envelope<unknown>> = {
      'live.status': {
        ok: true,
        data: { enabled: true, state: 'watching', pausedBecause: null },
      },
      'live.set': { ok: true, data: { enabled: false, state: 'off', pausedBecause: null } },
    };
    const dispatch: DispatchFn = async (operation, input) => {
      calls.push(`${operation} ${JSON.stringify(input)}`);
      return answers[operation] ?? { ok: false, error: { code: 'INTERNAL', message: 'no answer' } };
    };
    const state = await readTrayState(dispatch, INITIAL_TRAY_STATE);
    expect(state.live).toEqual({ enabled: true, state: 'watching', pausedBecause: null });

    const tray = createTrayActions({
      dispatch,
      showWindow: noop,
      notify: vi.fn(),
      offerMemurai: async () => undefined,
      offerUpdate: async () => undefined,
      setOpenAtLogin: noop,
      quit: noop,
      setBusy: noop,
      refresh: async () => undefined,
    });
    tray.setLive?.(false);
    await tray.settled();
    expect(calls).toContain('live.set {"enabled":false}');
  });
});
