import { cancelSyncAndWait, createShutdown } from '../../../electron/main/shutdown';
import type { DispatchFn } from '../../../electron/main/ipc';

const logger = () => ({ info: vi.fn(), warn: vi.fn() });

describe('shutdown', () => {
  it('runs the steps in order, once, even when called twice', async () => {
    const order: string[] = [];
    const shutdown = createShutdown(
      [
        { name: 'cancel sync', run: async () => void order.push('cancel') },
        { name: 'close core', run: () => void order.push('close') },
      ],
      logger(),
    );
    await Promise.all([shutdown(), shutdown()]);
    expect(order).toEqual(['cancel', 'close']);
  });

  it('a failing step is logged and the next still runs (the database is closed anyway)', async () => {
    const log = logger();
    const close = vi.fn();
    await createShutdown(
      [
        { name: 'cancel sync', run: () => Promise.reject(new Error('Tally hung up')) },
        { name: 'close core', run: close },
      ],
      log,
    )();
    expect(close).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledWith(
      'shutdown step failed',
      expect.objectContaining({ step: 'cancel sync' }),
    );
  });

  it('a hanging step times out', async () => {
    const close = vi.fn();
    await createShutdown(
      [
        { name: 'stuck redis', run: () => new Promise(() => undefined), timeoutMs: 20 },
        { name: 'close core', run: close },
      ],
      logger(),
    )();
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('cancelSyncAndWait', () => {
  it('does nothing when no sync runs', async () => {
    const calls: string[] = [];
    const dispatch: DispatchFn = async (op) => {
      calls.push(op);
      return { ok: true, data: { running: false, progress: null } };
    };
    await expect(cancelSyncAndWait(dispatch)).resolves.toBe(false);
    expect(calls).toEqual(['sync.status']);
  });

  it('cancels a running sync and waits until it has stopped', async () => {
    const calls: string[] = [];
    let polls = 0;
    const dispatch: DispatchFn = async (op) => {
      calls.push(op);
      if (op === 'sync.cancel') return { ok: true, data: { cancelled: true } };
      const running = calls.includes('sync.cancel') ? ++polls < 3 : true;
      return { ok: true, data: { running, progress: null } };
    };
    await expect(cancelSyncAndWait(dispatch, { pollMs: 1 })).resolves.toBe(true);
    expect(calls).toEqual(['sync.status', 'sync.cancel', 'sync.status', 'sync.status', 'sync.status']);
  });
});
