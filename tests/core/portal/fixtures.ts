import type { Redis } from 'ioredis';
import type { Argon2Params } from '../../../electron/core/portal/password';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import type { RedisClient } from '../../../electron/core/cache/topology';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { useTopology, type TopologyFixture } from '../../helpers/redis-topology';

/** Tiny argon2 parameters so tests run fast; production uses DEFAULT_ARGON2. */
export const FAST_ARGON2: Argon2Params = {
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
  hashLength: 32,
  saltLength: 16,
};

/** A settable clock for expiry tests. */
export function fakeClock(start = Date.parse('2026-01-05T09:00:00Z')): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** A private redis-server and a portal client to it, started before this file's tests and stopped after. */
export function usePortalRedis(): { client(): Redis; url(): string } {
  let redis: TestRedis;
  let client: Redis;
  beforeAll(async () => {
    redis = await startTestRedis();
    client = createPortalRedis(redis.url, { commandTimeoutMs: 5000 });
    await whenReady(client);
  });
  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });
  return { client: () => client, url: () => redis.url };
}

/** The two backends a conformance suite runs against: memory, and Redis (emptied before each use). */
export function memoryAndRedis<T>(
  portalRedis: { client(): Redis },
  memory: () => T,
  redis: (client: Redis) => T,
): [string, () => Promise<T>][] {
  return [
    ['memory', async () => memory()],
    [
      'redis',
      async () => {
        await portalRedis.client().flushdb();
        return redis(portalRedis.client());
      },
    ],
  ];
}

/**
 * The same Redis backend on a Sentinel set and on a Cluster (started for this file), through the
 * portal's own client factory. Each use starts from emptied servers. The prefix a store gets must carry
 * a hash tag in a Cluster, as portalKeyPrefix's does.
 */
export function onSentinelAndCluster<T>(redis: (client: RedisClient) => T): [string, () => Promise<T>][] {
  const fixtures: TopologyFixture[] = [useTopology('sentinel'), useTopology('cluster')];
  const clients = new Map<TopologyFixture, RedisClient>();
  afterAll(() => {
    for (const client of clients.values()) client.disconnect();
  });
  return fixtures.map((fixture) => [
    `redis ${fixture.kind}`,
    async () => {
      let client = clients.get(fixture);
      if (!client) {
        client = createPortalRedis(fixture.target(), { commandTimeoutMs: 5000 });
        clients.set(fixture, client);
        await whenReady(client, 10_000);
      }
      await fixture.flush();
      return redis(client);
    },
  ]);
}
