import { createHttpBridge } from '../../renderer/src/bridge/http-bridge';

type Listener = (message: MessageEvent<string>) => void;

class FakeEventSource {
  listeners = new Map<string, Listener[]>();
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
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

  it('reopens the event stream with the new token after a sign-out and another sign-in', async () => {
    const sources: FakeEventSource[] = [];
    let token: string | null = 'tcp_first';
    const bridge = createHttpBridge({
      getToken: () => token,
      fetch: async () => new Response('{"ok":true,"data":null}'),
      createEventSource: (url) => {
        const s = new FakeEventSource(url);
        sources.push(s);
        return s as unknown as EventSource;
      },
    });
    const seen: string[] = [];
    bridge.subscribe('books.changed', (p) => seen.push(`books ${p.dataVersion}`));
    bridge.subscribe('sync.finished', (p) => seen.push(`sync ${p.runId}`));
    expect(sources.map((s) => s.url)).toEqual(['/api/events?token=tcp_first']);

    // Calls with an unchanged token keep the one stream.
    await bridge.invoke('auth.me', {});
    expect(sources).toHaveLength(1);

    // Sign-out, then another user signs in in the same tab: the next call switches the stream.
    token = null;
    await bridge.invoke('auth.signIn', { username: 'ravi', password: 'long-password' });
    token = 'tcp_second';
    await bridge.invoke('auth.me', {});
    const last = sources.at(-1)!;
    expect(last.url).toBe('/api/events?token=tcp_second');
    expect(sources.slice(0, -1).every((s) => s.closed)).toBe(true);
    expect(last.closed).toBe(false);

    // Listeners subscribed before the switch still get the new stream's events, once each.
    last.fire('books.changed', { companyGuid: 'c', dataVersion: 7 });
    last.fire('sync.finished', { runId: 'r2', results: [] });
    expect(seen).toEqual(['books 7', 'sync r2']);

    // A subscription made after a token change also lands on a stream with the current token.
    token = 'tcp_third';
    bridge.subscribe('sync.progress', () => {});
    expect(sources.at(-1)!.url).toBe('/api/events?token=tcp_third');
    expect(last.closed).toBe(true);
  });
});

describe('HTTP bridge: the launch token of serve mode', () => {
  it('sends JSON with the launch token on every call, and the upload header on uploads', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const bridge = createHttpBridge({
      getToken: () => null,
      getLaunchToken: () => 'launch-1',
      fetch: async (url, init) => {
        requests.push({ url: String(url), init: init ?? {} });
        return new Response('{"ok":true,"data":{"path":"/u/x.xml","bytes":3}}');
      },
    });
    await bridge.invoke('companies.list', {});
    await bridge.upload(new File(['<A/>'], 'Day Book.xml'));
    const [call, upload] = requests.map((r) => r.init.headers as Record<string, string>);
    expect(call).toMatchObject({ 'content-type': 'application/json', 'x-tallyconnect-token': 'launch-1' });
    expect(upload).toMatchObject({
      'x-tallyconnect-token': 'launch-1',
      'x-tallyconnect-upload': '1',
      'x-file-name': 'Day%20Book.xml',
    });
  });

  it('reads the token from the page’s meta tag', async () => {
    // What index.html from serve mode holds: <meta name="tallyconnect-token" content="…">.
    vi.stubGlobal('document', {
      querySelector: (selector: string) =>
        selector === 'meta[name="tallyconnect-token"]' ? { getAttribute: () => 'from-meta' } : null,
    });
    try {
      let headers: Record<string, string> = {};
      const bridge = createHttpBridge({
        getToken: () => null,
        fetch: async (_url, init) => {
          headers = init?.headers as Record<string, string>;
          return new Response('{"ok":true,"data":[]}');
        },
      });
      await bridge.invoke('companies.list', {});
      expect(headers['x-tallyconnect-token']).toBe('from-meta');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('puts the launch token on the event stream URL next to a portal session', () => {
    const urls: string[] = [];
    const bridge = createHttpBridge({
      getToken: () => 'tcp_s',
      getLaunchToken: () => 'L-1_x',
      createEventSource: (url) => {
        urls.push(url);
        return new FakeEventSource(url) as unknown as EventSource;
      },
    });
    bridge.subscribe('books.changed', () => {});
    expect(urls).toEqual(['/api/events?token=tcp_s&launch=L-1_x']);
  });

  it('after a server restart, reads the new token from a fresh page and retries once', async () => {
    const sent: (string | undefined)[] = [];
    const urls: string[] = [];
    const bridge = createHttpBridge({
      getToken: () => null,
      getLaunchToken: () => 'old',
      createEventSource: (url) => {
        urls.push(url);
        return new FakeEventSource(url) as unknown as EventSource;
      },
      fetch: async (url, init) => {
        if (String(url) === '/') {
          return new Response('<head><meta name="tallyconnect-token" content="new_1" /></head>');
        }
        const token = (init?.headers as Record<string, string>)['x-tallyconnect-token'];
        sent.push(token);
        return token === 'new_1'
          ? new Response('{"ok":true,"data":1}')
          : new Response(
              '{"ok":false,"error":{"code":"FORBIDDEN","message":"reload","details":{"reason":"token"}}}',
              { status: 403 },
            );
      },
    });
    bridge.subscribe('books.changed', () => {});
    expect(await bridge.invoke('companies.list', {})).toEqual({ ok: true, data: 1 });
    expect(sent).toEqual(['old', 'new_1']);
    // The event stream follows the new token.
    expect(urls).toEqual(['/api/events?launch=old', '/api/events?launch=new_1']);
  });

  it('does not loop when the fresh page has no newer token', async () => {
    let calls = 0;
    const bridge = createHttpBridge({
      getToken: () => null,
      getLaunchToken: () => 'old',
      fetch: async (url) => {
        if (String(url) === '/') return new Response('<head></head>');
        calls++;
        return new Response(
          '{"ok":false,"error":{"code":"FORBIDDEN","message":"reload","details":{"reason":"token"}}}',
          { status: 403 },
        );
      },
    });
    const answer = await bridge.invoke('companies.list', {});
    expect(answer.ok).toBe(false);
    expect(calls).toBe(1);
  });
});
