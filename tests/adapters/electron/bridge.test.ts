import { createDesktopBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { EVENT_CHANNEL, PICK_FILES_CHANNEL, invokeChannel } from '../../../electron/preload/channels';
import type { OperationName } from '../../../shared/contract';

function fakeIpc(
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = () => Promise.resolve(),
) {
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipc: IpcRendererLike & {
    emit(channel: string, ...args: unknown[]): void;
    count(channel: string): number;
  } = {
    invoke: vi.fn(answer),
    on: vi.fn((channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener])),
    removeListener: vi.fn((channel, listener) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
    ),
    emit: (channel, ...args) =>
      (listeners.get(channel) ?? []).forEach((l) => l({ sender: 'hidden' }, ...args)),
    count: (channel) => (listeners.get(channel) ?? []).length,
  };
  return ipc;
}

describe('preload bridge', () => {
  it('sends each operation on its own channel and returns the envelope unchanged', async () => {
    const ipc = fakeIpc(async () => ({ ok: true, data: { deleted: 3 } }));
    const bridge = createDesktopBridge(ipc);
    await expect(bridge.invoke('cache.clearAll', {})).resolves.toEqual({ ok: true, data: { deleted: 3 } });
    expect(ipc.invoke).toHaveBeenCalledWith(invokeChannel('cache.clearAll'), {});
  });

  it('refuses names that are not operations without touching IPC', async () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    const result = await bridge.invoke('../../evil' as OperationName, {} as never);
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', message: 'Unknown operation "../../evil"' },
    });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns "no handler" into UNKNOWN_OPERATION and other IPC failures into INTERNAL envelopes', async () => {
    const missing = fakeIpc(() =>
      Promise.reject(new Error("No handler registered for 'tallyconnect:invoke:x.y'")),
    );
    const r1 = await createDesktopBridge(missing).invoke('x.y' as OperationName, {} as never);
    expect(r1.ok === false && r1.error.code).toBe('UNKNOWN_OPERATION');
    const broken = fakeIpc(() => Promise.reject(new Error('object could not be cloned')));
    const r2 = await createDesktopBridge(broken).invoke('cache.status', {});
    expect(r2.ok === false && r2.error.code).toBe('INTERNAL');
    expect(r2.ok === false && r2.error.message).toMatch(/could not be cloned/);
  });

  it('delivers events to subscribers without the IPC event object, and unsubscribes cleanly', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    const progress = vi.fn();
    const cleared = vi.fn();
    const off1 = bridge.subscribe('sync.progress', progress);
    const off2 = bridge.subscribe('cache.cleared', cleared);
    expect(ipc.count(EVENT_CHANNEL)).toBe(1); // one IPC listener however many subscribers

    ipc.emit(EVENT_CHANNEL, 'sync.progress', { runId: 'r1' });
    expect(progress).toHaveBeenCalledWith({ runId: 'r1' });
    expect(progress.mock.calls[0]).toHaveLength(1);
    expect(cleared).not.toHaveBeenCalled();

    off1();
    off1(); // twice is harmless
    ipc.emit(EVENT_CHANNEL, 'sync.progress', { runId: 'r2' });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(ipc.count(EVENT_CHANNEL)).toBe(1);
    off2();
    expect(ipc.count(EVENT_CHANNEL)).toBe(0);
  });

  it('a throwing listener does not stop the others', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    bridge.subscribe('books.changed', () => {
      throw new Error('screen bug');
    });
    bridge.subscribe('books.changed', good);
    ipc.emit(EVENT_CHANNEL, 'books.changed', { companyGuid: 'c', dataVersion: 2 });
    expect(good).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('rejects unknown event names at subscribe time', () => {
    const bridge = createDesktopBridge(fakeIpc());
    expect(() => bridge.subscribe('nope' as 'sync.progress', () => undefined)).toThrow(
      /Unknown event "nope"/,
    );
  });

  it('pickFiles returns only strings', async () => {
    const ipc = fakeIpc(async () => ['C:\\exports\\DayBook.xml', 42]);
    await expect(createDesktopBridge(ipc).pickFiles()).resolves.toEqual(['C:\\exports\\DayBook.xml']);
    expect(ipc.invoke).toHaveBeenCalledWith(PICK_FILES_CHANNEL);
  });
});

describe('preload entry', () => {
  it('exposes exactly invoke, subscribe, pickFiles and savePdf as window.tallyConnect', async () => {
    vi.resetModules();
    vi.doMock('electron', () => import('./fake-electron'));
    const fake = await import('./fake-electron');
    fake.resetFakeElectron();
    await import('../../../electron/preload/preload');
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, object];
    expect(name).toBe('tallyConnect');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'pickFiles', 'savePdf', 'subscribe']);
    vi.doUnmock('electron');
  });
});
