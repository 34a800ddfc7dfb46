import { isIPv4, isIPv6 } from 'node:net';
import { networkScopeOf } from './address';
import { isRedisTarget, type PortalRedisTarget } from './redis-client';

/** A host name or address that can only be reached from this machine. */
export function isLoopbackHost(host: string): boolean {
  const text = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (text === 'localhost' || text.endsWith('.localhost')) return true;
  if (!isIPv4(text) && !isIPv6(text)) return false;
  return networkScopeOf(text) === 'loopback';
}

/** Where a Redis target points and whether it is reached with a password (URL or ioredis options). */
export function describeRedisTarget(target: PortalRedisTarget): { host: string; hasPassword: boolean } {
  if (isRedisTarget(target)) {
    const t = target.topology;
    const hosts =
      t.kind === 'sentinel'
        ? t.sentinels.map((s) => s.host)
        : t.kind === 'cluster'
          ? t.nodes.map((n) => n.host)
          : [target.address.host];
    // Sentinel/Cluster: the servers are as reachable as the least local of the listed ones.
    const host = hosts.find((h) => !isLoopbackHost(h)) ?? hosts[0] ?? '127.0.0.1';
    return { host, hasPassword: Boolean(target.address.password) };
  }
  if (typeof target === 'string') {
    try {
      const url = new URL(target);
      return { host: url.hostname || '127.0.0.1', hasPassword: url.password !== '' };
    } catch {
      return { host: target, hasPassword: false };
    }
  }
  // A Unix socket (path) is local by nature.
  const host = target.path ? 'localhost' : (target.host ?? '127.0.0.1');
  return { host, hasPassword: typeof target.password === 'string' && target.password !== '' };
}

/**
 * Why the portal must not keep its state in this Redis, or null when it may. Sessions, rate-limit
 * counters and live updates in a Redis anyone can write to would let them reset sign-in limits, read
 * who is signed in and every live event, or (without the signing key) at least wipe sessions. So the
 * portal uses a Redis without a password only while both the Redis and the portal itself are
 * reachable from this machine alone; otherwise it keeps its state in memory (see portal.ts).
 */
export function portalRedisRefusal(target: PortalRedisTarget, bindHost: string): string | null {
  const { host, hasPassword } = describeRedisTarget(target);
  if (hasPassword) return null;
  if (!isLoopbackHost(bindHost)) {
    return (
      `the portal listens on the network (${bindHost}) and the Redis/Memurai at ${host} has no password; ` +
      'set one (Memurai/Redis requirepass, then REDIS_PASSWORD or redis://:password@host) to share sessions between instances'
    );
  }
  if (!isLoopbackHost(host)) {
    return (
      `the Redis/Memurai at ${host} is on the network and has no password; ` +
      'set one (requirepass, then REDIS_PASSWORD or redis://:password@host)'
    );
  }
  return null;
}
