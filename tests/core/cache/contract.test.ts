import { createTieredCache, FIRST_TIER_DEFAULTS } from '../../../electron/core/cache/create-cache';
import { MemoryBackend } from '../../../electron/core/cache/memory-backend';
import { RedisBackend } from '../../../electron/core/cache/redis-backend';
import { REDIS_TIMEOUT_DEFAULTS } from '../../../electron/core/cache/redis-options';
import type { TieredCache } from '../../../electron/core/cache/tiered-cache';
import { createRedisClient, type RedisTarget } from '../../../electron/core/cache/topology';
import { freePort, startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { cacheContract } from './contract';

const DEFAULT_TTL = 300;
// Generous on a loaded CI machine; the fast-fail defaults have tests of their own.
const TIMEOUTS = { ...REDIS_TIMEOUT_DEFAULTS, commandTimeoutMs: 1_000, maxReconnectDelayMs: 100 };

const target = (port: number): RedisTarget => ({
  address: { host: '127.0.0.1', port, db: 0, username: null, password: null, tls: false },
  topology: { kind: 'single' },
});

/** A private redis-server for one suite, started on first use. */
function privateRedis() {
  let server: TestRedis | null = null;
  return {
    port: async () => (server ??= await startTestRedis()).port,
    stop: async () => server?.stop(),
  };
}

function tiered(port: number): TieredCache {
  return createTieredCache({
    address: target(port).address,
    topology: { kind: 'single' },
    shardedPubSub: false,
    timeouts: TIMEOUTS,
    prefix: 'tallyconnect:',
    kind: 'redis',
    defaultTtlSeconds: DEFAULT_TTL,
    memory: { maxEntries: 1_000, maxBytes: 10_000_000 },
    firstTier: FIRST_TIER_DEFAULTS,
    healthCheckMs: 50,
  });
}

cacheContract('memory', () => ({
  open: async () =>
    new MemoryBackend({
      maxEntries: 1_000,
      maxBytes: 10_000_000,
      defaultTtlSeconds: DEFAULT_TTL,
      sweepIntervalMs: 0,
    }),
}));

cacheContract('Redis (real redis-server)', () => {
  const redis = privateRedis();
  return {
    open: async () => {
      const client = createRedisClient(target(await redis.port()), TIMEOUTS);
      await client.connect();
      return new RedisBackend(client, { prefix: 'tallyconnect:', defaultTtlSeconds: DEFAULT_TTL });
    },
    close: redis.stop,
  };
});

cacheContract('two tiers in front of Redis (real redis-server)', () => {
  const redis = privateRedis();
  return {
    open: async () => {
      const cache = tiered(await redis.port());
      expect(await cache.whenHealthy(5_000)).toBe(true);
      await vi.waitFor(() => expect(cache.state.firstTier).toBe(true), { timeout: 5_000 });
      return cache;
    },
    close: redis.stop,
  };
});

cacheContract('two tiers with Redis unreachable (serves from memory)', () => ({
  open: async () => {
    // A port nothing listens on: the cache must behave the same from its memory fallback.
    const cache = tiered(await freePort());
    expect((await cache.stats()).backend).toBe('memory');
    return cache;
  },
}));
