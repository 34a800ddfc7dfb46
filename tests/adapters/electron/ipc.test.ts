import { OPERATION_NAMES } from '../../../shared/contract';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { HandlerMap } from '../../../electron/core/service/types';
import { forwardEvents, registerIpcHandlers, type DispatchFn } from '../../../electron/main/ipc';
import { isTrustedRendererUrl } from '../../../electron/main/security';
import { createDesktopBridge } from '../../../electron/preload/bridge';
import { EVENT_CHANNEL, PICK_FILES_CHANNEL, invokeChannel } from '../../../electron/preload/channels';
import { createEventBus } from '../../../electron/core/events/bus';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup(dispatch?: DispatchFn) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, h: Handler) => {
      handlers.set(channel, h);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  const clearAll = vi.fn(async () => ({ deleted: 7 }));
  const realDispatch = createDispatcher({ 'cache.clearAll': clearAll } as unknown as HandlerMap);
  const logger = { warn: vi.fn(), error: vi.fn() };
  const pickFiles = vi.fn(async () => ['C:\\a.xml']);
  const dispose = registerIpcHandlers({
    ipcMain: ipcMain as never,
    dispatch: dispatch ?? (realDispatch as DispatchFn),
    isTrustedUrl: (url) => isTrustedRendererUrl(url),
    logger,
    pickFiles,
  });
  const call = (channel: string, url: string | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: url === null ? null : { url } }, ...args);
  };
  return { handlers, ipcMain, clearAll, logger, pickFiles, dispose, call };
}

const APP = 'app://tallyconnect/index.html#/cache';

describe('IPC adapter', () => {
  it('registers every contract operation (and the file dialog) with ipcMain.handle', () => {
    const { handlers } = setup();
    for (const op of OPERATION_NAMES) expect(handlers.has(invokeChannel(op))).toBe(true);
    expect(handlers.has(PICK_FILES_CHANNEL)).toBe(true);
    expect(handlers.size).toBe(OPERATION_NAMES.length + 1);
  });

  it('answers a valid call from the app window with an ok envelope', async () => {
    const { call, clearAll } = setup();
    await expect(call(invokeChannel('cache.clearAll'), APP, {})).resolves.toEqual({
      ok: true,
      data: { deleted: 7 },
    });
    expect(clearAll).toHaveBeenCalledWith({}, { caller: 'ipc', user: null });
  });

  it('bad input gets a VALIDATION envelope naming the field, and the handler never runs', async () => {
    const { call, clearAll } = setup();
    const result = (await call(invokeChannel('cache.clearAll'), APP, { everything: true })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/cache\.clearAll/);
    expect(clearAll).not.toHaveBeenCalled();

    const r2 = (await call(invokeChannel('dashboard.get'), APP, { companyGuid: 'c1', fy: '2025' })) as {
      error: { code: string; message: string };
    };
    expect(r2.error.code).toBe('VALIDATION');
    expect(r2.error.message).toMatch(/fy: must be a financial year/);
  });

  it.each([
    ['another web page', 'https://evil.example/index.html'],
    ['a local file', 'file:///C:/Users/x/Downloads/page.html'],
    ['a look-alike host', 'app://tallyconnect.evil/index.html'],
    ['a destroyed frame', null],
  ])('refuses calls from %s with FORBIDDEN and never dispatches', async (_what, url) => {
    const dispatch = vi.fn();
    const { call, logger } = setup(dispatch);
    const result = (await call(invokeChannel('cache.clearAll'), url, {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalled();
  });

  it('never leaks a stack trace when dispatch itself throws', async () => {
    const { call } = setup(() => Promise.reject(new Error('boom at /secret/path.ts:12')));
    const result = await call(invokeChannel('cache.status'), APP, {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside TallyConnect' },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret|at /);
  });

  it('the file dialog is sender-checked too', async () => {
    const { call, pickFiles } = setup();
    await expect(call(PICK_FILES_CHANNEL, 'https://evil.example/')).resolves.toEqual([]);
    expect(pickFiles).not.toHaveBeenCalled();
    await expect(call(PICK_FILES_CHANNEL, APP)).resolves.toEqual(['C:\\a.xml']);
  });

  it('the returned function removes every handler', () => {
    const { handlers, dispose } = setup();
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('the preload bridge and the adapter agree end to end', async () => {
    const { handlers } = setup();
    const bridge = createDesktopBridge({
      invoke: async (channel, ...args) => {
        const h = handlers.get(channel);
        if (!h) throw new Error(`No handler registered for '${channel}'`);
        return h({ senderFrame: { url: APP } }, ...args);
      },
      on: () => undefined,
      removeListener: () => undefined,
    });
    await expect(bridge.invoke('cache.clearAll', {})).resolves.toEqual({ ok: true, data: { deleted: 7 } });
    const bad = await bridge.invoke('ledgers.search', { companyGuid: '', limit: 5000 });
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
  });
});

describe('event forwarding', () => {
  it('sends every core event to every open window and skips closed ones', () => {
    const bus = createEventBus();
    const open = { isDestroyed: () => false, send: vi.fn() };
    const closed = { isDestroyed: () => true, send: vi.fn() };
    const stop = forwardEvents(bus, () => [open, closed]);
    const payload = { scope: 'all' as const, companyGuid: null, deleted: 4 };
    bus.emit('cache.cleared', payload);
    expect(open.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'cache.cleared', payload);
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    bus.emit('cache.cleared', payload);
    expect(open.send).toHaveBeenCalledTimes(1);
  });
});
