import type { MessageBoxOptions } from 'electron';
import type { CacheDetection } from '../../../shared/types/cache';
import type { DispatchFn } from '../../../electron/main/ipc';
import { offerToStartMemurai, shouldOfferMemurai } from '../../../electron/main/memurai';

const stopped = { memuraiStopped: true } as CacheDetection;

describe('Memurai prompt', () => {
  it('is offered only when Memurai is installed but stopped and the user has not opted out', () => {
    expect(shouldOfferMemurai(stopped, false)).toBe(true);
    expect(shouldOfferMemurai(stopped, true)).toBe(false);
    expect(shouldOfferMemurai({ memuraiStopped: false } as CacheDetection, false)).toBe(false);
    expect(shouldOfferMemurai(null, false)).toBe(false);
  });

  function run(response: number, answer: Awaited<ReturnType<DispatchFn>>, checkboxChecked = false) {
    const boxes: MessageBoxOptions[] = [];
    const dispatch = vi.fn<DispatchFn>(async () => answer);
    const dismissForever = vi.fn();
    const result = offerToStartMemurai({
      showMessageBox: async (box) => {
        boxes.push(box);
        return { response: boxes.length === 1 ? response : 0, checkboxChecked };
      },
      dispatch,
      dismissForever,
    });
    return { result, boxes, dispatch, dismissForever };
  }

  it('starts Memurai through cache.startMemurai and confirms', async () => {
    const r = run(0, {
      ok: true,
      data: { started: true, message: 'Memurai started; cache switched to Memurai 4.2' },
    });
    await expect(r.result).resolves.toBe('started');
    expect(r.dispatch).toHaveBeenCalledWith('cache.startMemurai', {}, { caller: 'ipc', user: null });
    expect(r.boxes[1]).toMatchObject({
      type: 'info',
      detail: 'Memurai started; cache switched to Memurai 4.2',
    });
  });

  it('explains why when Windows did not start it', async () => {
    const r = run(0, {
      ok: true,
      data: { started: false, message: 'The administrator prompt was cancelled.' },
    });
    await expect(r.result).resolves.toBe('failed');
    expect(r.boxes[1]?.type).toBe('warning');
    expect(r.boxes[1]?.detail).toMatch(/administrator prompt was cancelled[\s\S]*in-memory cache/);
  });

  it('an error envelope is explained as well', async () => {
    const r = run(0, { ok: false, error: { code: 'CACHE', message: 'Memurai service not found' } });
    await expect(r.result).resolves.toBe('failed');
    expect(r.boxes[1]?.detail).toMatch(/Memurai service not found/);
  });

  it('"Not now" does nothing; "Don\'t ask again" is remembered', async () => {
    const r = run(1, { ok: true, data: {} }, true);
    await expect(r.result).resolves.toBe('declined');
    expect(r.dispatch).not.toHaveBeenCalled();
    expect(r.dismissForever).toHaveBeenCalledOnce();
    expect(r.boxes).toHaveLength(1);
  });
});
