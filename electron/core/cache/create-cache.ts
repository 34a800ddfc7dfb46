import { Cluster, Redis } from 'ioredis';
import type { Invalidation } from './invalidation';
import { MEMORY_DEFAULTS, MemoryBackend } from './memory-backend';
import { RedisBackend } from './redis-backend';
import { channelLink, clusterLink, type PubSubLink } from './pubsub';
import { fastFailOptions, type RedisAddress, type RedisTimeouts } from './redis-options';
import { TieredCache } from './tiered-cache';
import { createRedisClient, SINGLE, type RedisClient, type RedisTopology } from './topology';

import type { FirstTierOptions, MemoryLimits } from '../config/cache-settings';

export { FIRST_TIER_DEFAULTS, type FirstTierOptions, type MemoryLimits } from '../config/cache-settings';

export function createMemoryCache(
  defaultTtlSeconds: number,
  limits: MemoryLimits = MEMORY_DEFAULTS,
): MemoryBackend {
  return new MemoryBackend({
    ...limits,
    defaultTtlSeconds,
    sweepIntervalMs: MEMORY_DEFAULTS.sweepIntervalMs,
  });
}

export interface TieredCacheConfig {
  address: RedisAddress;
  /** Single server (default), Sentinel or Cluster. */
  topology?: RedisTopology;
  /** Cluster only: sharded pub/sub (SSUBSCRIBE/SPUBLISH, Redis 7+) for invalidations. */
  shardedPubSub?: boolean;
  timeouts: RedisTimeouts;
  prefix: string;
  kind: 'redis' | 'memurai';
  defaultTtlSeconds: number;
  memory: MemoryLimits;
  firstTier: FirstTierOptions;
  healthCheckMs?: number;
  initialInvalidations?: Invalidation[];
  onStateChange?: (healthy: boolean, reason: string) => void;
  /** A value under the prefix that was not ours to serve was dropped (see RedisBackend.getSized). */
  onBadValue?: (key: string, reason: string) => void;
}

/** Pub/sub channels are server-wide (not per DB): the DB number keeps two namespaces apart. */
export function invalidationChannel(prefix: string, db: number): string {
  return `${prefix}invalidations:db${db}`;
}

/** The invalidation channel for a client of any topology (see pubsub.ts). */
function invalidationLink(client: RedisClient, config: TieredCacheConfig): PubSubLink {
  const channel = invalidationChannel(config.prefix, config.address.db);
  if (client instanceof Cluster) {
    return clusterLink(client, channel, {
      sharded: config.shardedPubSub ?? false,
      connect: (host, port) =>
        new Redis({
          ...fastFailOptions({ ...config.address, host, port, db: 0 }, config.timeouts),
          connectionName: 'tallyconnect-invalidations',
        }),
    });
  }
  return channelLink(client, client.duplicate(), channel);
}

/** Builds and starts a Redis-backed two-tier cache; it serves from memory until Redis is ready. */
export function createTieredCache(config: TieredCacheConfig): TieredCache {
  const client = createRedisClient(
    { address: config.address, topology: config.topology ?? SINGLE },
    config.timeouts,
  );
  const remote = new RedisBackend(client, {
    prefix: config.prefix,
    defaultTtlSeconds: config.defaultTtlSeconds,
    kind: config.kind,
    ...(config.onBadValue ? { onBadValue: config.onBadValue } : {}),
  });
  const first = config.firstTier;
  const cache = new TieredCache({
    remote,
    pubsub: first.enabled ? invalidationLink(client, config) : null,
    fallback: new MemoryBackend({
      ...config.memory,
      defaultTtlSeconds: config.defaultTtlSeconds,
      sweepIntervalMs: MEMORY_DEFAULTS.sweepIntervalMs,
    }),
    firstTier: first.enabled
      ? new MemoryBackend({
          maxEntries: first.maxEntries,
          maxBytes: first.maxBytes,
          defaultTtlSeconds: first.ttlSeconds,
          sweepIntervalMs: 10_000,
        })
      : null,
    firstTierTtlSeconds: first.ttlSeconds,
    defaultTtlSeconds: config.defaultTtlSeconds,
    healthCheckMs: config.healthCheckMs ?? 250,
    ...(config.initialInvalidations ? { initialInvalidations: config.initialInvalidations } : {}),
    ...(config.onStateChange ? { onStateChange: config.onStateChange } : {}),
  });
  cache.start();
  return cache;
}
