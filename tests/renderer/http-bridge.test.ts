import { createHttpBridge } from '../../renderer/src/bridge/http-bridge';

type Listener = (message: MessageEvent<string>) => void;

class FakeEventSource {
  listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {}
  addEventListener(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  fire(event: string, data: unknown) {
    for (const l of this.listeners.get(event) ?? [])
      l({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

describe('HTTP bridge', () => {
  it('posts the input to /api/<operation> with the bearer token and returns the envelope', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const bridge = createHttpBridge({
      baseUrl: 'http://x',
      getToken: () => 'tok-1',
      fetch: async (url, init) => {
        requests.push({ url: String(url), init: init ?? {} });
        return new Response(JSON.stringify({ ok: true, data: { deleted: 3 } }));
      },
    });
    const envelope = await bridge.invoke('cache.clearCompany', { companyGuid: 'c1' });
    expect(envelope).toEqual({ ok: true, data: { deleted: 3 } });
    expect(requests[0]!.url).toBe('http://x/api/cache.clearCompany');
    expect(requests[0]!.init.method).toBe('POST');
    expect(requests[0]!.init.body).toBe('{"companyGuid":"c1"}');
    expect((requests[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok-1');
  });

  it('sends no authorization header without a token, and turns network failures into plain errors', async () => {
    let headers: Record<string, string> = {};
    const ok = createHttpBridge({
      getToken: () => null,
      fetch: async (_url, init) => {
        headers = init?.headers as Record<string, string>;
        return new Response('{"ok":true,"data":[]}');
      },
    });
    await ok.invoke('companies.list', {});
    expect(headers.authorization).toBeUndefined();

    const down = createHttpBridge({
      getToken: () => null,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const envelope = await down.invoke('companies.list', {});
    expect(envelope.ok).toBe(false);
    expect(!envelope.ok && envelope.error.message).toMatch(/Cannot reach the TallyConnect server/);

    const html = createHttpBridge({
      getToken: () => null,
      fetch: async () => new Response('<html>', { status: 502 }),
    });
    const bad = await html.invoke('companies.list', {});
    expect(!bad.ok && bad.error.message).toMatch(/answered 502/);
  });

  it('shares one event stream and delivers each event once per listener until unsubscribed', () => {
    const sources: FakeEventSource[] = [];
    const bridge = createHttpBridge({
      getToken: () => 'a b',
      createEventSource: (url) => {
        const s = new FakeEventSource(url);
        sources.push(s);
        return s as unknown as EventSource;
      },
    });
    const seen: number[] = [];
    const off = bridge.subscribe('books.changed', (p) => seen.push(p.dataVersion));
    const off2 = bridge.subscribe('books.changed', (p) => seen.push(p.dataVersion * 10));
    off2();
    bridge.subscribe('books.changed', (p) => seen.push(p.dataVersion * 100));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/api/events?token=a%20b');
    sources[0]!.fire('books.changed', { companyGuid: 'c', dataVersion: 2 });
    expect(seen).toEqual([2, 200]);
    off();
    sources[0]!.fire('books.changed', { companyGuid: 'c', dataVersion: 3 });
    expect(seen).toEqual([2, 200, 300]);
  });
});
