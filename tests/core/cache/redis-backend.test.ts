import { Redis } from 'ioredis';
import { RedisBackend } from '../../../electron/core/cache/redis-backend';
import { fastFailOptions, REDIS_TIMEOUT_DEFAULTS } from '../../../electron/core/cache/redis-options';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';

describe('RedisBackend (real redis-server)', () => {
  let server: TestRedis;
  let raw: Redis;
  let cache: RedisBackend;

  beforeAll(async () => {
    server = await startTestRedis();
    raw = new Redis(server.port, '127.0.0.1');
    const client = new Redis(
      fastFailOptions(
        { host: '127.0.0.1', port: server.port, db: 0, username: null, password: null, tls: false },
        REDIS_TIMEOUT_DEFAULTS,
      ),
    );
    await client.connect();
    cache = new RedisBackend(client, { prefix: 'tallyconnect:', defaultTtlSeconds: 300, batchSize: 50 });
  });
  afterAll(async () => {
    await cache.close();
    raw.disconnect();
    await server.stop();
  });
  beforeEach(async () => {
    await raw.flushdb(); // the private test server only
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

  it("clears only this app's keys: other programs' keys survive clearAll and clearPattern", async () => {
    await raw.set('other-app:session', 'keep');
    await raw.set('tallyconnectX:lookalike', 'keep');
    await raw.set('unrelated', 'keep');
    for (let i = 0; i < 260; i++) await cache.set(`report:G${i % 3}:1:x:${i}`, { i });
    await cache.set('companies:all:synced', []);
    expect(await cache.clearPattern('report:G1:*')).toBe(87);
    expect(await cache.stats()).toMatchObject({ keyCount: 174 });
    expect(await cache.clearAll()).toBe(174);
    expect(await raw.get('other-app:session')).toBe('keep');
    expect(await raw.get('tallyconnectX:lookalike')).toBe('keep');
    expect(await raw.get('unrelated')).toBe('keep');
    expect(await raw.dbsize()).toBe(3);
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

  it('pages keys with SCAN and remaining TTLs', async () => {
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
