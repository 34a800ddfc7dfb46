import { Redis } from 'ioredis';
import { RedisBackend } from '../../../electron/core/cache/redis-backend';
import { fastFailOptions, REDIS_TIMEOUT_DEFAULTS } from '../../../electron/core/cache/redis-options';
import { keySlot } from '../../../electron/core/cache/slots';
import { createRedisClient, type RedisClient } from '../../../electron/core/cache/topology';
import { TOPOLOGIES, useTopology } from '../../helpers/redis-topology';

describe.each(TOPOLOGIES)('RedisBackend (real redis-server: %s)', (kind) => {
  const topology = useTopology(kind);
  let raw: RedisClient;
  let cache: RedisBackend;

  beforeAll(async () => {
    raw = topology.raw();
    const client = createRedisClient(topology.target(), {
      ...REDIS_TIMEOUT_DEFAULTS,
      commandTimeoutMs: 1_000,
    });
    await client.connect();
    cache = new RedisBackend(client, { prefix: 'tallyconnect:', defaultTtlSeconds: 300, batchSize: 50 });
  });
  afterAll(async () => {
    await cache.close();
  });
  beforeEach(async () => {
    await topology.flush(); // the private test servers only
  });

  it('stores JSON under the prefix with SET PX and reads back a frozen copy', async () => {
    await cache.set('dashboard:G:1:2025-26', { total: 12345, rows: [1, 2] }, 30);
    expect(await raw.get('tallyconnect:dashboard:G:1:2025-26')).toBe(
      '{"tc":1,"k":"dashboard:G:1:2025-26","v":{"total":12345,"rows":[1,2]}}',
    );
    const pttl = await raw.pttl('tallyconnect:dashboard:G:1:2025-26');
    expect(pttl).toBeGreaterThan(29_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
    const value = await cache.get<{ rows: number[] }>('dashboard:G:1:2025-26');
    expect(value).toEqual({ total: 12345, rows: [1, 2] });
    expect(() => value!.rows.push(3)).toThrow(TypeError);
    expect(await cache.get('dashboard:G:1:2025-26')).toEqual({ total: 12345, rows: [1, 2] });
    expect(await cache.has('dashboard:G:1:2025-26')).toBe(true);
    expect(await cache.ttl('dashboard:G:1:2025-26')).toBeGreaterThan(29_000);
    expect(await cache.ttl('nope')).toBeNull();
    expect(await cache.get('nope')).toBeUndefined();
    expect(await cache.delete('dashboard:G:1:2025-26')).toBe(true);
    expect(await cache.has('dashboard:G:1:2025-26')).toBe(false);
  });

  it('refuses non-JSON values exactly like the memory backend', async () => {
    await expect(cache.set('k', { a: undefined })).rejects.toMatchObject({
      code: 'CACHE',
      details: { key: 'k', path: '$.a' },
    });
    expect(await raw.exists('tallyconnect:k')).toBe(0);
  });

  it("clears only this app's keys: other programs' keys survive clearAll and clearPattern on every node", async () => {
    const foreign = Array.from({ length: 30 }, (_, i) => `other-app:session:${i}`);
    for (const key of foreign) await raw.set(key, 'keep');
    await raw.set('tallyconnectX:lookalike', 'keep');
    await raw.set('unrelated', 'keep');
    const before = await topology.keysPerNode();
    // Foreign keys sit on every master (a cluster spreads them over its slots).
    for (const keys of before.values()) expect(keys.length).toBeGreaterThan(0);
    for (let i = 0; i < 260; i++) await cache.set(`report:G${i % 3}:1:x:${i}`, { i });
    await cache.set('companies:all:synced', []);
    expect(await cache.clearPattern('report:G1:*')).toBe(87);
    expect(await cache.stats()).toMatchObject({ keyCount: 174 });
    expect(await cache.clearAll()).toBe(174);
    for (const key of foreign) expect(await raw.get(key)).toBe('keep');
    expect(await raw.get('tallyconnectX:lookalike')).toBe('keep');
    expect(await raw.get('unrelated')).toBe('keep');
    const after = await topology.keysPerNode();
    for (const [port, keys] of before) expect(new Set(after.get(port))).toEqual(new Set(keys));
  });

  it("a company's keys share one slot (hash tag) and its clear leaves other companies alone", async () => {
    const { cacheKeys, companyPatterns } = await import('../../../electron/core/cache/keys');
    const keys = [
      cacheKeys.dashboard('G-1', 4, '2025-26'),
      cacheKeys.ledger('G-1', 4, 'L/1', '2025-04-01', '2026-03-31'),
      cacheKeys.outstanding('G-1', 4, 'receivable', '2026-03-31', [30, 60]),
      cacheKeys.report('G-1', 4, 'trial-balance', ['2026-03-31']),
    ];
    expect(new Set(keys.map((k) => keySlot(`tallyconnect:${k}`))).size).toBe(1);
    expect(keys[0]).toBe('dashboard:{G-1}:4:2025-26');
    for (const key of keys) await cache.set(key, 1);
    await cache.set(cacheKeys.dashboard('G-2', 1, '2025-26'), 2);
    let deleted = 0;
    for (const pattern of companyPatterns('G-1')) deleted += await cache.clearPattern(pattern);
    expect(deleted).toBe(4);
    expect(await cache.get(cacheKeys.dashboard('G-2', 1, '2025-26'))).toBe(2);
  });

  it('escapes glob characters in the prefix so it never widens', async () => {
    const client = raw.duplicate();
    const odd = new RedisBackend(client, { prefix: 'tc[1]*:', defaultTtlSeconds: 60 });
    await raw.set('tc1x:keep', '1');
    await odd.set('a', 1);
    expect(await odd.clearAll()).toBe(1);
    expect(await raw.get('tc1x:keep')).toBe('1');
    await odd.close();
  });

  it('pages keys with SCAN and remaining TTLs (every master, one cursor)', async () => {
    for (let i = 0; i < 30; i++) await cache.set(`k:${i}`, i, 100);
    await raw.set('foreign', '1');
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await cache.keys(cursor, 10, 'k:*');
      for (const entry of page.keys) {
        seen.add(entry.key);
        expect(entry.ttlMs).toBeGreaterThan(90_000);
      }
      cursor = page.cursor;
    } while (cursor !== null);
    expect(seen.size).toBe(30);
    await expect(cache.keys('not-a-cursor', 10, '*')).rejects.toThrow('cursor');
  });

  it('reports INFO memory', async () => {
    const info = await cache.memoryInfo();
    expect(info.usedMemoryHuman).toMatch(/\d/);
    expect(info.maxmemoryPolicy).toBe('noeviction');
  });
});

describe('RedisBackend without a server', () => {
  it('fails fast (no offline queue) when the server is gone', async () => {
    const client = new Redis(
      fastFailOptions(
        { host: '127.0.0.1', port: 1, db: 0, username: null, password: null, tls: false },
        REDIS_TIMEOUT_DEFAULTS,
      ),
    );
    client.on('error', () => undefined);
    const dead = new RedisBackend(client, { prefix: 'tallyconnect:', defaultTtlSeconds: 60 });
    const started = performance.now();
    await expect(dead.get('k')).rejects.toThrow();
    // Behaviour, not a speed target: refused at once instead of queued (ioredis's default would wait).
    expect(performance.now() - started).toBeLessThan(1_000);
    client.disconnect();
  });
});
