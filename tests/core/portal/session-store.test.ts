import {
  createMemorySessionStore,
  type SessionRecord,
  type SessionStore,
} from '../../../electron/core/portal/session-store';
import { createRedisSessionStore } from '../../../electron/core/portal/session-store-redis';
import { createResilientSessionStore } from '../../../electron/core/portal/session-store-resilient';
import { memoryAndRedis, usePortalRedis } from './fixtures';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import { startTestRedis } from '../../helpers/redis-server';

const record = (username: string, ttlMs: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  username,
  signedInAt: new Date().toISOString(),
  lastSeenAt: new Date().toISOString(),
  address: '10.0.0.1',
  companyGuid: null,
  expiresAt: Date.now() + ttlMs,
  ...extra,
});

const portalRedis = usePortalRedis();

const backends = memoryAndRedis<SessionStore>(portalRedis, createMemorySessionStore, (c) =>
  createRedisSessionStore(c, 'test-portal:'),
);

describe.each(backends)('session store conformance: %s', (_name, make) => {
  it('stores, reads, replaces and deletes', async () => {
    const store = await make();
    await store.put('a', record('asha', 60_000));
    expect((await store.get('a'))?.username).toBe('asha');
    await store.put('a', record('asha', 60_000, { companyGuid: 'g1' }));
    expect((await store.get('a'))?.companyGuid).toBe('g1');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
  });

  it('drops sessions when they expire, from reads and from the list', async () => {
    const store = await make();
    await store.put('short', record('asha', 150));
    await store.put('long', record('ravi', 60_000));
    expect((await store.list()).map((s) => s.id).sort()).toEqual(['long', 'short']);
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.get('short')).toBeNull();
    expect((await store.list()).map((s) => s.id)).toEqual(['long']);
  });

  it('treats an already expired record as a delete', async () => {
    const store = await make();
    await store.put('x', record('asha', 60_000));
    await store.put('x', record('asha', -1));
    expect(await store.get('x')).toBeNull();
  });
});

describe('redis session store', () => {
  it('keeps sessions under its own prefix and ignores corrupt values', async () => {
    await portalRedis.client().flushdb();
    const store = createRedisSessionStore(portalRedis.client(), 'p1:');
    await store.put('a', record('asha', 60_000));
    expect(await portalRedis.client().exists('p1:session:a')).toBe(1);
    const pttl = await portalRedis.client().pttl('p1:session:a');
    expect(pttl).toBeGreaterThan(50_000);
    await portalRedis.client().set('p1:session:bad', '{"username":1}');
    expect(await store.get('bad')).toBeNull();
  });

  it('is shared by two instances on the same Redis', async () => {
    await portalRedis.client().flushdb();
    const other = createPortalRedis(portalRedis.url(), { commandTimeoutMs: 5000 });
    await whenReady(other);
    const a = createRedisSessionStore(portalRedis.client(), 'p:');
    const b = createRedisSessionStore(other, 'p:');
    await a.put('s', record('asha', 60_000));
    expect((await b.get('s'))?.username).toBe('asha');
    await b.delete('s');
    expect(await a.get('s')).toBeNull();
    other.disconnect();
  });
});

describe('resilient session store (Redis with a local fallback)', () => {
  it('keeps users signed in while Redis is down and catches Redis up when it returns', async () => {
    const own = await startTestRedis();
    const conn = createPortalRedis(own.url, { commandTimeoutMs: 5000 });
    await whenReady(conn);
    const store = createResilientSessionStore(createRedisSessionStore(conn, 'r:'));
    await store.put('before', record('asha', 60_000));
    await store.put('gone', record('ravi', 60_000));

    await own.kill();
    expect((await store.get('before'))?.username).toBe('asha');
    await store.put('during', record('zoya', 60_000));
    expect((await store.get('during'))?.username).toBe('zoya');
    expect(await store.delete('gone')).toBe(true);
    expect((await store.list()).map((s) => s.id).sort()).toEqual(['before', 'during']);

    await own.restart();
    await vi.waitFor(async () => expect(await conn.ping()).toBe('PONG'), { timeout: 5000, interval: 100 });
    // Sessions created during the outage are pushed to Redis; the restarted Redis lost the others.
    expect((await store.get('during'))?.username).toBe('zoya');
    expect(await conn.exists('r:session:during')).toBe(1);
    expect(await store.get('gone')).toBeNull();
    conn.disconnect();
    await own.stop();
  });
});
