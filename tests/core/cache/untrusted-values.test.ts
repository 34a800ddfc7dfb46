import { Redis } from 'ioredis';
import { createTieredCache, FIRST_TIER_DEFAULTS } from '../../../electron/core/cache/create-cache';
import {
  CACHE_FORMAT,
  decodeEnvelope,
  encodeEnvelope,
  MAX_REDIS_VALUE_BYTES,
} from '../../../electron/core/cache/json-value';
import { cacheKeys } from '../../../electron/core/cache/keys';
import { RedisBackend } from '../../../electron/core/cache/redis-backend';
import { fastFailOptions, REDIS_TIMEOUT_DEFAULTS } from '../../../electron/core/cache/redis-options';
import type { TieredCache } from '../../../electron/core/cache/tiered-cache';
import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { TINY_GUID, tempDir, writeTiny } from '../db/fixtures';

/**
 * Threat: anyone who can write to a shared Redis/Memurai can put anything under "tallyconnect:".
 * Such a value must be a miss (deleted and recomputed), never an error, never served, and never make
 * the two-tier cache believe Redis is down.
 */

const GUID = '6f8a1c2e-0b7d-4e1f-9a3c-5d2e7f8b9c0a';
const REPORT_KEYS = [
  cacheKeys.dashboard(GUID, 41, '2025-26'),
  cacheKeys.ledger(GUID, 41, 'L-cash', '2025-04-01', '2026-03-31'),
  cacheKeys.outstanding(GUID, 41, 'receivable', '2026-03-31', [30, 60, 90]),
  cacheKeys.report(GUID, 41, 'trial-balance', ['2025-04-01', '2026-03-31']),
  cacheKeys.companies(),
];
const COMPUTED = { kpis: { sales: 1_180_000 }, rows: [{ name: 'Cash', amount: -5_000 }] };

/** What an attacker (or a broken program) can leave under a real key; `raw` is the exact stored string. */
const BAD_VALUES: { name: string; raw: (key: string) => string }[] = [
  { name: 'garbage', raw: () => '\u0000\u00ff not json at all {{{' },
  {
    name: 'truncated JSON (a real envelope cut short)',
    raw: (key) => encodeEnvelope(key, COMPUTED).slice(0, 40),
  },
  { name: 'a JSON array', raw: () => '[1,2,3]' },
  { name: 'a JSON number', raw: () => '42' },
  { name: 'JSON null', raw: () => 'null' },
  { name: 'a JSON string', raw: () => '"hello"' },
  { name: 'a bare report object (no envelope)', raw: () => JSON.stringify(COMPUTED) },
  {
    name: 'an envelope of another format version',
    raw: (key) => JSON.stringify({ tc: CACHE_FORMAT + 1, k: key, v: COMPUTED }),
  },
  {
    name: 'an envelope written for another key (copied from another company)',
    raw: () => encodeEnvelope(cacheKeys.dashboard('other-company', 41, '2025-26'), { kpis: { sales: 1 } }),
  },
  {
    name: 'an envelope with an extra field',
    raw: (key) => JSON.stringify({ tc: CACHE_FORMAT, k: key, v: COMPUTED, x: 1 }),
  },
  { name: 'an envelope without its value', raw: (key) => JSON.stringify({ tc: CACHE_FORMAT, k: key }) },
  {
    name: 'an envelope whose marker is a string',
    raw: (key) => JSON.stringify({ tc: String(CACHE_FORMAT), k: key, v: COMPUTED }),
  },
  {
    name: 'a "__proto__" envelope',
    raw: (key) => `{"__proto__":{"tc":${CACHE_FORMAT},"k":${JSON.stringify(key)},"v":1}}`,
  },
  {
    name: `a huge value (over ${MAX_REDIS_VALUE_BYTES} bytes, otherwise a valid envelope)`,
    raw: (key) => encodeEnvelope(key, { pad: 'x'.repeat(MAX_REDIS_VALUE_BYTES + 1024) }),
  },
];

const address = (port: number) => ({
  host: '127.0.0.1',
  port,
  db: 0,
  username: null,
  password: null,
  tls: false,
});

describe('decodeEnvelope (unit)', () => {
  it('accepts exactly what encodeEnvelope writes for the same key, frozen', () => {
    const decoded = decodeEnvelope('k', encodeEnvelope('k', { a: [1] }));
    expect(decoded).toEqual({ ok: true, value: { a: [1] } });
    if (decoded.ok) expect(Object.isFrozen((decoded.value as { a: number[] }).a)).toBe(true);
    expect(decodeEnvelope('k', encodeEnvelope('k', null))).toEqual({ ok: true, value: null });
  });

  it.each(BAD_VALUES.filter((b) => !b.name.startsWith('a huge')))(
    'refuses $name, without throwing',
    ({ raw }) => {
      const key = REPORT_KEYS[0]!;
      const decoded = decodeEnvelope(key, raw(key));
      expect(decoded.ok).toBe(false);
    },
  );
});

describe('values TallyConnect did not write (real redis-server)', () => {
  let server: TestRedis;
  let raw: Redis;
  let backend: RedisBackend;
  const rejected: { key: string; reason: string }[] = [];
  const open: TieredCache[] = [];

  const tiered = (extra: Partial<Parameters<typeof createTieredCache>[0]> = {}): TieredCache => {
    const cache = createTieredCache({
      address: address(server.port),
      timeouts: { ...REDIS_TIMEOUT_DEFAULTS, commandTimeoutMs: 1_000 },
      prefix: 'tallyconnect:',
      kind: 'redis',
      defaultTtlSeconds: 300,
      memory: { maxEntries: 1000, maxBytes: 10_000_000 },
      firstTier: { ...FIRST_TIER_DEFAULTS, enabled: false },
      healthCheckMs: 50,
      ...extra,
    });
    open.push(cache);
    return cache;
  };

  beforeAll(async () => {
    server = await startTestRedis();
    raw = new Redis(server.port, '127.0.0.1');
    const client = new Redis(
      fastFailOptions(address(server.port), { ...REDIS_TIMEOUT_DEFAULTS, commandTimeoutMs: 1_000 }),
    );
    await client.connect();
    backend = new RedisBackend(client, {
      prefix: 'tallyconnect:',
      defaultTtlSeconds: 300,
      onBadValue: (key, reason) => rejected.push({ key, reason }),
    });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await raw.flushdb(); // the private test server only
    rejected.length = 0;
  });
  afterAll(async () => {
    await backend.close();
    raw.disconnect();
    await server.stop();
  });

  describe.each(BAD_VALUES)('$name', ({ raw: badValue }) => {
    it('RedisBackend: getOrCompute recomputes and replaces the key; get misses and deletes it', async () => {
      for (const key of REPORT_KEYS) {
        await raw.set(`tallyconnect:${key}`, badValue(key));
        const loader = vi.fn(() => COMPUTED);
        const answer = await backend.getOrCompute(key, 60, loader);
        expect(answer).toEqual({ value: COMPUTED, hit: false });
        expect(loader).toHaveBeenCalledOnce();
        expect(await raw.get(`tallyconnect:${key}`)).toBe(encodeEnvelope(key, COMPUTED));
        // Now it is ours: a hit.
        expect(await backend.getOrCompute(key, 60, loader)).toEqual({ value: COMPUTED, hit: true });

        await raw.set(`tallyconnect:${key}`, badValue(key));
        expect(await backend.get(key)).toBeUndefined();
        expect(await raw.exists(`tallyconnect:${key}`)).toBe(0);
      }
      expect(rejected.map((r) => r.key)).toEqual(REPORT_KEYS.flatMap((k) => [k, k]));
    });

    it('TieredCache (what the app uses): served the computed value, Redis stays healthy, no error', async () => {
      const cache = tiered();
      expect(await cache.whenHealthy(5_000)).toBe(true);
      for (const key of REPORT_KEYS) {
        await raw.set(`tallyconnect:${key}`, badValue(key));
        const loader = vi.fn(async () => COMPUTED);
        expect(await cache.getOrCompute(key, 60, loader)).toEqual({ value: COMPUTED, hit: false });
        expect(loader).toHaveBeenCalledOnce();
        expect(await raw.get(`tallyconnect:${key}`)).toBe(encodeEnvelope(key, COMPUTED));
        await raw.set(`tallyconnect:${key}`, badValue(key));
        expect(await cache.get(key)).toBeUndefined();
      }
      expect(cache.state.healthy).toBe(true);
      expect(await cache.stats()).toMatchObject({ backend: 'redis', errors: 0, fallbacks: 0 });
    });
  });

  it('a key of another Redis type (hash, list) under a report key is a miss too, not a fault', async () => {
    const cache = tiered();
    expect(await cache.whenHealthy(5_000)).toBe(true);
    const [dashboard, ledger] = REPORT_KEYS as [string, string];
    await raw.hset(`tallyconnect:${dashboard}`, 'kpis', '1');
    await raw.rpush(`tallyconnect:${ledger}`, 'a', 'b');
    expect(await cache.getOrCompute(dashboard, 60, () => COMPUTED)).toEqual({ value: COMPUTED, hit: false });
    expect(await cache.get(ledger)).toBeUndefined();
    expect(await raw.type(`tallyconnect:${dashboard}`)).toBe('string');
    expect(await raw.exists(`tallyconnect:${ledger}`)).toBe(0);
    expect(cache.state.healthy).toBe(true);
    expect(await cache.stats()).toMatchObject({ errors: 0, fallbacks: 0 });
  });

  it('a huge value costs one bounded read: at most MAX_REDIS_VALUE_BYTES + 1 bytes cross the wire', async () => {
    const key = REPORT_KEYS[0]!;
    await raw.set(`tallyconnect:${key}`, 'x'.repeat(3 * MAX_REDIS_VALUE_BYTES));
    const before = Number(/total_net_output_bytes:(\d+)/.exec(await raw.info('stats'))?.[1]);
    expect(await backend.getOrCompute(key, 60, () => COMPUTED)).toEqual({ value: COMPUTED, hit: false });
    const after = Number(/total_net_output_bytes:(\d+)/.exec(await raw.info('stats'))?.[1]);
    expect(after - before).toBeLessThan(MAX_REDIS_VALUE_BYTES + 64 * 1024);
  });

  it('never writes a value it would refuse to read back (too big: the older copy goes instead)', async () => {
    const small = new RedisBackend(raw.duplicate(), {
      prefix: 'tallyconnect:',
      defaultTtlSeconds: 60,
      maxValueBytes: 1_000,
    });
    try {
      const key = REPORT_KEYS[1]!;
      await small.set(key, { n: 1 });
      expect(await small.get(key)).toEqual({ n: 1 });
      await small.set(key, { pad: 'y'.repeat(2_000) });
      expect(await raw.exists(`tallyconnect:${key}`)).toBe(0);
      expect(small.rejected).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('values written by another TallyConnect of the same version are shared (a hit, no recompute)', async () => {
    const a = tiered();
    const b = tiered();
    expect(await a.whenHealthy(5_000)).toBe(true);
    expect(await b.whenHealthy(5_000)).toBe(true);
    const key = REPORT_KEYS[0]!;
    await a.getOrCompute(key, 60, () => COMPUTED);
    const loader = vi.fn(() => ({ other: true }));
    expect(await b.getOrCompute(key, 60, loader)).toEqual({ value: COMPUTED, hit: true });
    expect(loader).not.toHaveBeenCalled();
    expect(await backend.get(key)).toEqual(COMPUTED);
    expect(rejected).toEqual([]);
  });

  it('garbage published on the invalidation channel neither throws nor leaves stale first-tier copies', async () => {
    const cache = tiered({ firstTier: { ...FIRST_TIER_DEFAULTS, ttlSeconds: 30 } });
    expect(await cache.whenHealthy(5_000)).toBe(true);
    await vi.waitFor(() => expect(cache.state.firstTier).toBe(true), { timeout: 5_000 });
    const key = REPORT_KEYS[0]!;
    const channel = 'tallyconnect:invalidations:db0';
    const messages = [
      'not json',
      'null',
      '[]',
      // A pattern too long to glob-match against every local key (cost), though the message is small.
      JSON.stringify({ from: 'x', inv: { op: 'pattern', pattern: `${'a*'.repeat(1_500)}b` } }),
      'x'.repeat(100_000),
      JSON.stringify({ from: 'x', inv: { op: 'key', key: 42 } }),
    ];
    for (const message of messages) {
      await cache.set(key, { v: 1 });
      expect(await cache.get(key)).toEqual({ v: 1 }); // from the first tier
      // Someone changes the value behind our back and publishes junk: it must count as "clear all".
      await raw.set(`tallyconnect:${key}`, encodeEnvelope(key, { v: 2 }));
      await raw.publish(channel, message);
      await vi.waitFor(async () => expect(await cache.get(key)).toEqual({ v: 2 }), { timeout: 2_000 });
    }
    expect(cache.state.healthy).toBe(true);
  });
});

describe('reports through the whole app with a poisoned shared Redis (real redis-server)', () => {
  let server: TestRedis;
  let raw: Redis;
  let core: Core;
  const dir = tempDir('tc-untrusted-');
  const context: CallContext = { caller: 'test', user: null };

  beforeAll(async () => {
    server = await startTestRedis();
    raw = new Redis(server.port, '127.0.0.1');
    core = await createCore({
      dataDir: dir.path('data'),
      mode: 'test',
      // No first tier: every read goes to Redis, where the attacker writes.
      env: {
        REDIS_ENABLED: 'true',
        REDIS_URL: server.url,
        CACHE_FIRST_TIER: 'false',
        REDIS_COMMAND_TIMEOUT_MS: '1000',
      },
      now: () => new Date('2026-11-25T06:00:00Z'),
    });
    writeTiny(core.store);
  });
  afterAll(async () => {
    await core.close();
    raw.disconnect();
    await server.stop();
    dir.cleanup();
  });

  it('every bad value under the real dashboard and trial-balance keys is recomputed: never an error, never served', async () => {
    expect(core.cache.detection.backend).toBe('redis');
    const calls = [
      ['dashboard.get', { companyGuid: TINY_GUID, fy: '2025-26' }],
      ['trialBalance.get', { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' }],
    ] as const;
    const good: unknown[] = [];
    for (const [operation, input] of calls) {
      const first = await core.dispatch(operation, input, context);
      expect(first).toMatchObject({ ok: true, data: { source: 'database' } });
      if (first.ok) good.push(first.data.data);
    }
    const [, found] = await raw.scan('0', 'MATCH', 'tallyconnect:*', 'COUNT', 1000);
    const keys = found.filter((k) => /:(dashboard|report):/.test(k));
    expect(keys).toHaveLength(2);
    for (const bad of BAD_VALUES) {
      for (const fullKey of keys) await raw.set(fullKey, bad.raw(fullKey.slice('tallyconnect:'.length)));
      for (const [i, [operation, input]] of calls.entries()) {
        const answer = await core.dispatch(operation, input, context);
        expect(answer, bad.name).toMatchObject({ ok: true, data: { source: 'database' } });
        if (answer.ok) expect(answer.data.data).toEqual(good[i]);
        // Replaced by the recomputed value: the next read is a cache hit.
        expect(await core.dispatch(operation, input, context), bad.name).toMatchObject({
          ok: true,
          data: { source: 'cache' },
        });
      }
    }
    expect(core.cache.detection.backend).toBe('redis');
    expect((await core.cache.status()).stats).toMatchObject({ errors: 0, fallbacks: 0 });
  });
});
