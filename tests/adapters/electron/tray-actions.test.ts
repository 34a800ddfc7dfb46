import type { Envelope } from '../../../shared/errors';
import type { DispatchFn } from '../../../electron/main/ipc';
import { createTrayActions, type TrayActionDeps } from '../../../electron/main/tray-actions';

function deps(answers: Record<string, Envelope<unknown>>): TrayActionDeps & { calls: string[] } {
  const calls: string[] = [];
  const dispatch: DispatchFn = async (operation, input) => {
    calls.push(`${operation} ${JSON.stringify(input)}`);
    return (
      answers[operation] ?? { ok: false, error: { code: 'INTERNAL', message: `no answer for ${operation}` } }
    );
  };
  return {
    calls,
    dispatch,
    showWindow: vi.fn(),
    notify: vi.fn(),
    offerMemurai: vi.fn(async () => undefined),
    offerUpdate: vi.fn(async () => undefined),
    setOpenAtLogin: vi.fn(),
    quit: vi.fn(),
    setBusy: vi.fn(),
    refresh: vi.fn(async () => undefined),
  };
}

describe('tray actions', () => {
  it('Clear cache calls cache.clearAll, reports how many entries went, and refreshes the tray', async () => {
    const d = deps({ 'cache.clearAll': { ok: true, data: { deleted: 12 } } });
    const actions = createTrayActions(d);
    actions.clearAll();
    await actions.settled();
    expect(d.calls).toEqual(['cache.clearAll {}']);
    expect(d.notify).toHaveBeenCalledWith('Cache cleared', '12 cached entries removed.');
    expect(vi.mocked(d.setBusy).mock.calls).toEqual([[true], [false]]);
    expect(d.refresh).toHaveBeenCalled();
  });

  it('Clear cache for a company passes the company', async () => {
    const d = deps({ 'cache.clearCompany': { ok: true, data: { deleted: 1 } } });
    const actions = createTrayActions(d);
    actions.clearCompany('g-9');
    await actions.settled();
    expect(d.calls).toEqual(['cache.clearCompany {"companyGuid":"g-9"}']);
    expect(d.notify).toHaveBeenCalledWith('Cache cleared', '1 cached entry removed.');
  });

  it('sync all / one company go through sync.start and report the outcome', async () => {
    const d = deps({
      'sync.start': {
        ok: true,
        data: [
          { companyName: 'A', vouchersWritten: 1500 },
          { companyName: 'B', vouchersWritten: 0 },
        ],
      },
    });
    const actions = createTrayActions(d);
    actions.syncAll();
    actions.syncCompany('g-2');
    await actions.settled();
    expect(d.calls).toEqual(['sync.start {}', 'sync.start {"companyGuid":"g-2"}']);
    expect(d.notify).toHaveBeenCalledWith('Sync finished', '2 companies synced, 1,500 vouchers updated.');
  });

  it('an error envelope becomes a notification with its message; a cancelled sync stays quiet', async () => {
    const d = deps({
      'cache.redetect': {
        ok: false,
        error: { code: 'CACHE', message: 'Redis at 127.0.0.1:6379 refused the connection' },
      },
      'sync.start': { ok: false, error: { code: 'CANCELLED', message: 'Sync cancelled' } },
    });
    const actions = createTrayActions(d);
    actions.redetect();
    actions.syncAll();
    await actions.settled();
    expect(vi.mocked(d.notify).mock.calls).toEqual([
      ['TallyConnect', 'Redis at 127.0.0.1:6379 refused the connection'],
    ]);
  });

  it('Re-detect tells the user what it found', async () => {
    const d = deps({
      'cache.redetect': { ok: true, data: { reason: 'Memurai 4.2 answered on 127.0.0.1:6379' } },
    });
    const actions = createTrayActions(d);
    actions.redetect();
    await actions.settled();
    expect(d.notify).toHaveBeenCalledWith('Cache server', 'Memurai 4.2 answered on 127.0.0.1:6379');
  });

  it('open, start with Windows, start Memurai and quit reach their effects', async () => {
    const d = deps({});
    const actions = createTrayActions(d);
    actions.open();
    actions.setOpenAtLogin(true);
    actions.startMemurai();
    actions.quit();
    await actions.settled();
    expect(d.showWindow).toHaveBeenCalledOnce();
    expect(d.setOpenAtLogin).toHaveBeenCalledWith(true);
    expect(d.offerMemurai).toHaveBeenCalledOnce();
    expect(d.quit).toHaveBeenCalledOnce();
  });
});
