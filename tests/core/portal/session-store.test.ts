import {
  createMemorySessionStore,
  type SessionRecord,
  type SessionStore,
} from '../../../electron/core/portal/session-store';
import { randomBytes } from 'node:crypto';
import {
  createRedisSessionStore,
  signSessionRecord,
} from '../../../electron/core/portal/session-store-redis';
import { createResilientSessionStore } from '../../../electron/core/portal/session-store-resilient';
import { memoryAndRedis, onSentinelAndCluster, usePortalRedis } from './fixtures';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import { startTestRedis } from '../../helpers/redis-server';

const record = (username: string, ttlMs: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  username,
  signedInAt: new Date().toISOString(),
  lastSeenAt: new Date().toISOString(),
  address: '10.0.0.1',
  companyGuid: null,
  expiresAt: Date.now() + ttlMs,
  credentialsVersion: 'v1',
  ...extra,
});

/** The signing key a portal.db would hold. */
const KEY = randomBytes(32);

const portalRedis = usePortalRedis();

const backends = [
  ...memoryAndRedis<SessionStore>(portalRedis, createMemorySessionStore, (c) =>
    createRedisSessionStore(c, 'test-portal:', KEY),
  ),
  ...onSentinelAndCluster<SessionStore>((c) => createRedisSessionStore(c, '{test-portal}:', KEY)),
];

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
    const store = createRedisSessionStore(portalRedis.client(), 'p1:', KEY);
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
    const a = createRedisSessionStore(portalRedis.client(), 'p:', KEY);
    const b = createRedisSessionStore(other, 'p:', KEY);
    await a.put('s', record('asha', 60_000));
    expect((await b.get('s'))?.username).toBe('asha');
    await b.delete('s');
    expect(await a.get('s')).toBeNull();
    other.disconnect();
  });
});

describe('signed session records in Redis', () => {
  const plain = (r: ReturnType<typeof record>): string => JSON.stringify(r);

  it('refuses a record written into Redis without a valid signature', async () => {
    await portalRedis.client().flushdb();
    const store = createRedisSessionStore(portalRedis.client(), 's:', KEY);
    // What an attacker with write access to Redis would write: a well-formed record, no key to sign it.
    await portalRedis.client().set('s:session:forged', plain(record('ravi', 60_000)));
    await portalRedis.client().zadd('s:sessions', Date.now() + 60_000, 'forged');
    expect(await store.get('forged')).toBeNull();
    await portalRedis
      .client()
      .set('s:session:forged', JSON.stringify({ ...record('ravi', 60_000), mac: 'A'.repeat(43) }));
    expect(await store.get('forged')).toBeNull();
    expect(await store.list()).toEqual([]);
    // Signed with another key (another portal.db, or a guessed key): refused too.
    await portalRedis
      .client()
      .set('s:session:forged', signSessionRecord(randomBytes(32), 'forged', record('ravi', 60_000)));
    expect(await store.get('forged')).toBeNull();
  });

  it('refuses an altered record and a genuine record copied under another session id', async () => {
    await portalRedis.client().flushdb();
    const store = createRedisSessionStore(portalRedis.client(), 's:', KEY);
    await store.put('real', record('asha', 60_000));
    const stored = JSON.parse((await portalRedis.client().get('s:session:real')) as string) as Record<
      string,
      unknown
    >;
    expect(typeof stored.mac).toBe('string');
    for (const change of [{ username: 'ravi' }, { expiresAt: Date.now() + 86_400_000 }]) {
      await portalRedis.client().set('s:session:real', JSON.stringify({ ...stored, ...change }));
      expect(await store.get('real'), JSON.stringify(change)).toBeNull();
    }
    await portalRedis.client().set('s:session:copy', JSON.stringify(stored));
    expect(await store.get('copy')).toBeNull();
    await portalRedis.client().set('s:session:real', JSON.stringify(stored));
    expect((await store.get('real'))?.username).toBe('asha');
  });
});

describe('resilient session store (Redis with a local fallback)', () => {
  it('keeps users signed in while Redis is down and catches Redis up when it returns', async () => {
    const own = await startTestRedis();
    const conn = createPortalRedis(own.url, { commandTimeoutMs: 5000 });
    await whenReady(conn);
    const store = createResilientSessionStore(createRedisSessionStore(conn, 'r:', KEY));
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
