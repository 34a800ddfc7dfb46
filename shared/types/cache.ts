export type CacheBackendKind = 'redis' | 'memurai' | 'memory';

/** Windows service state as read from `sc.exe query`. */
export type ServiceState = 'running' | 'stopped' | 'starting' | 'stopping' | 'paused' | 'missing' | 'unknown';

export interface CacheDetection {
  backend: CacheBackendKind;
  /** "127.0.0.1:6379", or null for memory. */
  address: string | null;
  /** "7.2.4" (redis_version) or the Memurai version; null for memory. */
  serverVersion: string | null;
  /** Plain-words explanation shown in the tray and the cache panel. */
  reason: string;
  /** What REDIS_ENABLED asked for. */
  mode: 'auto' | 'true' | 'false';
  /** Windows services seen (Memurai / Redis); empty elsewhere. */
  services: { name: string; state: ServiceState }[];
  /** True when Memurai is installed but not running, so the UI can offer to start it. */
  memuraiStopped: boolean;
  /** Configuration problems (e.g. REDIS_PORT=abc), each naming the variable and value. */
  configErrors: string[];
  detectedAt: string;
}

export interface CacheStats {
  backend: CacheBackendKind;
  hits: number;
  misses: number;
  /** 0..1, or null before the first lookup. */
  hitRate: number | null;
  errors: number;
  fallbacks: number;
  keyCount: number;
  /** Bytes held by this app's keys where known (memory backend), else null. */
  memoryBytes: number | null;
}

export interface RedisMemoryInfo {
  usedMemoryHuman: string;
  maxmemory: number;
  maxmemoryHuman: string;
  maxmemoryPolicy: string;
}

export interface CacheTtlRow {
  resource: string;
  /** Key pattern, e.g. "dashboard:{guid}:{alterid}:{fy}". */
  pattern: string;
  ttlSeconds: number;
  envVar: string;
}

/** How the cache's Redis servers are laid out and who answers (Settings › cache panel). */
export interface CacheTopologyStatus {
  kind: 'single' | 'sentinel' | 'cluster';
  /** The Sentinel master name; null otherwise. */
  masterName: string | null;
  /** Configured entry points: the sentinels, or the cluster nodes listed in REDIS_CLUSTER_NODES. */
  seeds: string[];
  /** The master(s) that answered when Redis was last joined ("10.0.0.5:6379", role "master"). */
  nodes: { address: string; role: string }[];
  /** Times Redis came back as another server since start (failovers, restarts). */
  failovers: number;
}

export interface CacheStatus {
  detection: CacheDetection;
  stats: CacheStats;
  redisMemory: RedisMemoryInfo | null;
  keyPrefix: string;
  ttls: CacheTtlRow[];
  /** Whether the in-process first tier is in front of Redis. */
  firstTier: boolean;
  /** Which servers answer; absent on memory. */
  topology?: CacheTopologyStatus;
}

export interface CacheKeyEntry {
  /** Key without the namespace prefix. */
  key: string;
  /** Remaining TTL in ms, or null when the key has none. */
  ttlMs: number | null;
}

export interface CacheKeyPage {
  keys: CacheKeyEntry[];
  /** Opaque cursor for the next page, or null at the end. */
  cursor: string | null;
}
