import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { describeAddress, fastFailOptions, type RedisAddress, type RedisTimeouts } from './redis-options';
import { describeHostPort, type RedisTopology } from '../config/cache-settings';

// The topology's shape and SINGLE are configuration (config/cache-settings.ts).
export { describeHostPort, SINGLE, type HostPort, type RedisTopology } from '../config/cache-settings';

/** What a client needs to reach the cache server(s). */
export interface RedisTarget {
  address: RedisAddress;
  topology: RedisTopology;
}

export type RedisClient = Redis | Cluster;

/** "127.0.0.1:6379", "sentinel tcmaster via 10.0.0.5:26379, 10.0.0.6:26379" or "cluster 10.0.0.5:7000, ...". */
export function describeTarget(target: RedisTarget): string {
  const t = target.topology;
  if (t.kind === 'sentinel') return `sentinel ${t.name} via ${t.sentinels.map(describeHostPort).join(', ')}`;
  if (t.kind === 'cluster') return `cluster ${t.nodes.map(describeHostPort).join(', ')}`;
  return describeAddress(target.address);
}

/** Whether a server's answer means it has just been demoted (a Sentinel failover): reconnect at once. */
const isReadOnly = (error: Error): boolean => error.message.startsWith('READONLY');

/**
 * A fast-fail client for any topology, using ioredis's own Sentinel and Cluster support. Sentinel: the
 * sentinels are asked for the master on every (re)connect, and a demoted master's READONLY answer
 * forces a reconnect (Sentinel also kills the old master's client connections when it reconfigures it).
 * ioredis's failoverDetector is left off: disconnecting on +switch-master while a reconnect is under way
 * can end the client for good (seen with ioredis 5.11 in tests/core/cache/tiered-cache.test.ts). Cluster: no offline queue, no
 * retries on CLUSTERDOWN or a closed node connection (the call is served from memory instead), and the
 * per-node connections get the same fast-fail options as a single server.
 */
export function createRedisClient(
  target: RedisTarget,
  timeouts: RedisTimeouts,
  overrides: Partial<RedisOptions> = {},
): RedisClient {
  const base = { ...fastFailOptions(target.address, timeouts), ...overrides };
  const t = target.topology;
  if (t.kind === 'single') return new Redis(base);
  if (t.kind === 'sentinel') {
    const { host: _host, port: _port, ...rest } = base;
    return new Redis({
      ...rest,
      sentinels: t.sentinels.map(({ host, port }) => ({ host, port })),
      name: t.name,
      role: 'master',
      ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
      ...(target.address.tls ? { enableTLSForSentinelMode: true } : {}),
      sentinelCommandTimeout: timeouts.connectTimeoutMs,
      sentinelRetryStrategy: (attempt: number) =>
        Math.min(50 * 2 ** Math.min(attempt, 10), timeouts.maxReconnectDelayMs),
      reconnectOnError: (error: Error) => (isReadOnly(error) ? 2 : false),
      ...overrides,
    });
  }
  return new Cluster(t.nodes, clusterOptions(base, timeouts));
}

export function clusterOptions(base: RedisOptions, timeouts: RedisTimeouts): ClusterOptions {
  const {
    host: _host,
    port: _port,
    db: _db,
    retryStrategy,
    enableOfflineQueue,
    lazyConnect,
    tls,
    ...redisOptions
  } = base;
  return {
    lazyConnect: lazyConnect ?? true,
    enableOfflineQueue: enableOfflineQueue ?? false,
    enableReadyCheck: true,
    // A closed node or a cluster that lost slots fails the call now: the cache serves it from memory.
    retryDelayOnClusterDown: 0,
    retryDelayOnFailover: 0,
    retryDelayOnTryAgain: 0,
    maxRedirections: 4,
    slotsRefreshTimeout: timeouts.connectTimeoutMs,
    clusterRetryStrategy: (attempt: number) =>
      retryStrategy ? (retryStrategy(attempt) ?? null) : Math.min(100 * attempt, 2_000),
    redisOptions: { ...redisOptions, ...(tls ? { tls } : {}) },
  };
}

/** The master connections of a client: every master of a Cluster, or the one connection itself. */
export function masters(client: RedisClient): Redis[] {
  if (client instanceof Cluster) {
    return client
      .nodes('master')
      .slice()
      .sort((a, b) => nodeName(a).localeCompare(nodeName(b)));
  }
  return [client];
}

export function nodeName(node: Redis): string {
  const { host, port } = node.options;
  return describeHostPort({ host: host ?? '127.0.0.1', port: port ?? 6379 });
}
