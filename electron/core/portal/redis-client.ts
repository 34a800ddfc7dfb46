import { Redis, type RedisOptions } from 'ioredis';
import { REDIS_TIMEOUT_DEFAULTS } from '../cache/redis-options';
import { createRedisClient, type RedisClient, type RedisTarget } from '../cache/topology';

/** Where the portal's Redis is: a redis:// URL, ioredis options, or the cache's target (any topology). */
export type PortalRedisTarget = string | RedisOptions | RedisTarget;

export function isRedisTarget(target: PortalRedisTarget): target is RedisTarget {
  return typeof target === 'object' && 'topology' in target && 'address' in target;
}

/**
 * ioredis connections for the portal: fail fast while Redis is down (no offline queue, short
 * timeouts) so a request falls back to memory at once instead of hanging, and reconnect in the
 * background. `target` is a redis:// URL or the cache layer's connection options (same server, same
 * credentials); the subscriber keeps its queue and re-subscribes after a reconnect.
 */
export function createPortalRedis(
  target: string | RedisOptions,
  options?: { subscriber?: boolean; commandTimeoutMs?: number },
): Redis;
export function createPortalRedis(
  target: PortalRedisTarget,
  options?: { subscriber?: boolean; commandTimeoutMs?: number },
): RedisClient;
export function createPortalRedis(
  target: PortalRedisTarget,
  options: { subscriber?: boolean; commandTimeoutMs?: number } = {},
): RedisClient {
  const subscriber = options.subscriber === true;
  const overrides: RedisOptions = {
    lazyConnect: false,
    enableOfflineQueue: subscriber,
    autoResubscribe: subscriber,
    maxRetriesPerRequest: subscriber ? null : 0,
    connectTimeout: 1_000,
    enableReadyCheck: true,
    retryStrategy: (attempt: number) => Math.min(100 * attempt, 1_000),
    connectionName: subscriber ? 'tallyconnect-portal-sub' : 'tallyconnect-portal',
    // Session reads and rate-limit scripts of concurrent requests share one round trip.
    enableAutoPipelining: !subscriber,
  };
  if (isRedisTarget(target)) {
    // Sentinel or Cluster through the cache layer's factory (ioredis's own support), portal behaviour on top.
    const timeouts = { ...REDIS_TIMEOUT_DEFAULTS, commandTimeoutMs: options.commandTimeoutMs ?? 500 };
    const client = createRedisClient(target, timeouts, {
      ...overrides,
      ...(subscriber ? { commandTimeout: undefined } : {}),
    });
    client.on('error', () => undefined);
    if (client.status === 'wait') client.connect().catch(() => undefined);
    return client;
  }
  const timeout = { commandTimeout: options.commandTimeoutMs ?? 500 };
  const base: RedisOptions = typeof target === 'string' ? timeout : { ...timeout, ...target };
  if (subscriber) delete base.commandTimeout;
  const client =
    typeof target === 'string'
      ? new Redis(target, { ...base, ...overrides })
      : new Redis({ ...base, ...overrides });
  // Errors are handled per command; without a listener ioredis prints every reconnect failure.
  client.on('error', () => undefined);
  return client;
}

/** Resolves once the client is connected, or after timeoutMs (the caller then runs on fallbacks). */
export function whenReady(client: RedisClient, timeoutMs = 1_000): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean): void => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = (): void => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}
