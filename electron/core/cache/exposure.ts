import { isIPv4, isIPv6 } from 'node:net';
import type { CacheConfig } from '../config/config';

/** A host only this machine can reach: localhost, 127.0.0.0/8, ::1 (IPv4-mapped too). */
export function isLoopbackCacheHost(host: string): boolean {
  const text = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (text === 'localhost' || text.endsWith('.localhost')) return true;
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)?.[1];
  if (v4 !== undefined && isIPv4(v4)) return v4.startsWith('127.');
  return isIPv6(text) && /^(?:0{0,4}:){2,7}0{0,3}1$/.test(text.replace(/^::/, '0::'));
}

/**
 * Why the report cache must not use this Redis/Memurai, or null when it may. Cached reports are the
 * books' figures: a server on the network without a password or TLS lets anyone on the network read
 * (and change) them. The same rule the portal applies to its sessions (portal/redis-policy.ts).
 */
export function cacheExposure(config: Pick<CacheConfig, 'address' | 'topology'>): string | null {
  const { address, topology } = config;
  if ((address.password ?? '') !== '' || address.tls) return null;
  const hosts =
    topology.kind === 'sentinel'
      ? [...topology.sentinels.map((s) => s.host), address.host]
      : topology.kind === 'cluster'
        ? topology.nodes.map((n) => n.host)
        : [address.host];
  const remote = hosts.find((h) => !isLoopbackCacheHost(h));
  if (remote === undefined) return null;
  return (
    `The cache server at ${remote} is on the network and has no password or TLS: the cached figures of ` +
    'the books would be readable by anyone on the network, so TallyConnect uses its in-memory cache. ' +
    'Give the server a password (requirepass, then REDIS_PASSWORD or redis://:password@host) or use TLS (rediss://).'
  );
}
