/**
 * What the configuration says about the cache: its shapes and defaults. They live here, below the cache,
 * because the configuration reads and checks them and the cache only uses them (the cache's modules
 * re-export them under their old names).
 */

export interface MemoryLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface FirstTierOptions {
  enabled: boolean;
  ttlSeconds: number;
  maxEntries: number;
  maxBytes: number;
}

export const FIRST_TIER_DEFAULTS: FirstTierOptions = {
  enabled: true,
  ttlSeconds: 5,
  maxEntries: 500,
  maxBytes: 16 * 1024 * 1024,
};

/** Sized for an office PC: a few thousand reports, at most 64 MiB. */
export const MEMORY_DEFAULTS = {
  maxEntries: 20_000,
  maxBytes: 64 * 1024 * 1024,
  sweepIntervalMs: 30_000,
} as const;

export type CacheResource = 'companies' | 'dashboard' | 'ledger' | 'outstanding' | 'report';

/** Default TTLs in seconds, from the design note; each overridable by its environment variable. */
export const DEFAULT_TTLS: Record<CacheResource, number> = {
  companies: 600,
  dashboard: 300,
  ledger: 600,
  outstanding: 600,
  report: 900,
};

export const TTL_ENV_VARS: Record<CacheResource, string> = {
  companies: 'CACHE_TTL_COMPANIES',
  dashboard: 'CACHE_TTL_DASHBOARD',
  ledger: 'CACHE_TTL_LEDGER',
  outstanding: 'CACHE_TTL_OUTSTANDING',
  report: 'CACHE_TTL_REPORTS',
};

/** Where and how to reach a Redis/Memurai server (parsed from REDIS_URL or REDIS_HOST/PORT/...). */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username: string | null;
  password: string | null;
  tls: boolean;
}

export interface RedisTimeouts {
  /** A command not answered within this is failed and served from memory. */
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** Cap of the reconnect backoff. */
  maxReconnectDelayMs: number;
}

export const REDIS_TIMEOUT_DEFAULTS: RedisTimeouts = {
  commandTimeoutMs: 50,
  connectTimeoutMs: 1000,
  maxReconnectDelayMs: 2000,
};

export function describeAddress(address: RedisAddress): string {
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

export interface HostPort {
  host: string;
  port: number;
}

/**
 * How the Redis/Memurai servers are laid out. `single`: one server at the address. `sentinel`: the
 * address's credentials, DB and TLS apply to whichever server the sentinels name master of `name`.
 * `cluster`: a Redis Cluster reached through any of `nodes` (DB 0 only, as Cluster has no others).
 */
export type RedisTopology =
  | { kind: 'single' }
  | { kind: 'sentinel'; sentinels: HostPort[]; name: string; sentinelPassword: string | null }
  | { kind: 'cluster'; nodes: HostPort[] };

export const SINGLE: RedisTopology = { kind: 'single' };

export function describeHostPort({ host, port }: HostPort): string {
  return describeAddress({ host, port, db: 0, username: null, password: null, tls: false });
}
