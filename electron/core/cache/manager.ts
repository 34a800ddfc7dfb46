import type {
  CacheDetection,
  CacheKeyPage,
  CacheStats,
  CacheStatus,
  CacheTopologyStatus,
  CacheTtlRow,
  RedisMemoryInfo,
} from '../../../shared/types/cache';
import type { CacheConfig } from '../config/config';
import { redisUrlOf } from '../config/config';
import type { ConfigError } from '../config/parse';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { Cache } from './cache';
import { createMemoryCache, createTieredCache } from './create-cache';
import { detectCache, type DetectDeps } from './detect';
import { InvalidationJournal, type Invalidation } from './invalidation';
import {
  COMPANY_LIST_PATTERN,
  companyPatterns,
  DEFAULT_TTLS,
  KEY_PATTERNS,
  TTL_ENV_VARS,
  type CacheResource,
} from './keys';
import { MemoryBackend } from './memory-backend';
import { execRunner } from './process-runner';
import { probeRedis } from './probe';
import { TieredCache } from './tiered-cache';
import { describeHostPort, type RedisTarget } from './topology';
import { startServiceElevated } from './windows-services';

export interface CacheManagerOptions {
  config: CacheConfig;
  configErrors: readonly ConfigError[];
  bus?: EventBus;
  logger?: Logger;
  deps?: Partial<DetectDeps>;
  /** While on memory (auto/true), re-detect this often so a server started later is picked up; 0 = never. */
  autoRedetectMs?: number;
}

/** Keys without a data version in them: dropped whenever a Redis backend is (re)joined. */
const UNVERSIONED: Invalidation[] = [{ op: 'pattern', pattern: COMPANY_LIST_PATTERN }];

/**
 * The cache the app holds: runs detection, builds the backend it chose (two-tier Redis/Memurai or
 * memory), switches backend without a restart (re-detect, settings change), and answers the cache
 * panel. It is itself a Cache that delegates to the current backend.
 */
export class CacheManager implements Cache {
  private current: Cache;
  private config: CacheConfig;
  private configErrors: readonly ConfigError[];
  private detected: CacheDetection;
  /** Invalidations made while on memory, replayed when Redis is joined (its keys may predate them). */
  private readonly memoryJournal = new InvalidationJournal();
  private readonly deps: DetectDeps;
  private switching: Promise<CacheDetection> | null = null;
  private readonly redetectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The Redis/Memurai the current two-tier cache talks to. */
  private server: { kind: 'redis' | 'memurai'; address: string | null; version: string | null } | null = null;

  private constructor(
    private readonly options: CacheManagerOptions,
    deps: DetectDeps,
    initial: { cache: Cache; detection: CacheDetection },
  ) {
    this.deps = deps;
    this.config = options.config;
    this.configErrors = options.configErrors;
    this.current = initial.cache;
    this.detected = initial.detection;
    const every = options.autoRedetectMs ?? 30_000;
    if (every > 0) {
      this.redetectTimer = setInterval(() => {
        const idle = this.current instanceof MemoryBackend && this.config.mode !== 'false' && !this.switching;
        if (idle && !this.closed) void this.redetect().catch(() => undefined);
      }, every);
      this.redetectTimer.unref();
    }
  }

  static async create(options: CacheManagerOptions): Promise<CacheManager> {
    const deps: DetectDeps = {
      platform: options.deps?.platform ?? process.platform,
      runner: options.deps?.runner ?? execRunner,
      probe: options.deps?.probe ?? probeRedis,
      now: options.deps?.now ?? (() => new Date()),
    };
    const detection = await detectCache(options.config, options.configErrors, deps);
    const placeholder = createMemoryCache(options.config.defaultTtlSeconds, options.config.memory);
    const manager = new CacheManager(options, deps, { cache: placeholder, detection });
    if (detection.backend !== 'memory') {
      await manager.install(detection);
    } else manager.announce();
    return manager;
  }

  get kind(): Cache['kind'] {
    return this.current.kind;
  }

  get detection(): CacheDetection {
    return this.detected;
  }

  get cacheConfig(): CacheConfig {
    return this.config;
  }

  /** TTL in seconds for a resource, from configuration (CACHE_TTL_*). */
  ttlFor(resource: CacheResource): number {
    return this.config.ttls[resource];
  }

  /** URL of the Redis/Memurai in use (with credentials), or null on memory or Sentinel/Cluster. */
  redisUrl(): string | null {
    const target = this.redisTarget();
    return target && target.topology.kind === 'single' ? redisUrlOf(target.address) : null;
  }

  /**
   * Where the cache's Redis/Memurai is (any topology, with credentials), or null while the cache runs
   * on memory alone; for the portal, which follows it (onTargetChange).
   */
  redisTarget(): RedisTarget | null {
    if (!(this.current instanceof TieredCache)) return null;
    return { address: this.config.address, topology: this.config.topology };
  }

  private targetListeners = new Set<(target: RedisTarget | null) => void>();
  private lastTarget: string | null = null;

  /** Told whenever the Redis target changes (a switch to or from memory, another server, new settings). */
  onTargetChange(listener: (target: RedisTarget | null) => void): () => void {
    this.targetListeners.add(listener);
    return () => this.targetListeners.delete(listener);
  }

  private notifyTarget(): void {
    const target = this.redisTarget();
    const key = JSON.stringify(target);
    if (key === this.lastTarget) return;
    this.lastTarget = key;
    for (const listener of this.targetListeners) {
      try {
        listener(target);
      } catch (error) {
        this.options.logger?.warn('A cache target listener failed', { error });
      }
    }
  }

  /** Builds the backend for a detection result and swaps it in; the old one is closed after. */
  private async install(detection: CacheDetection): Promise<void> {
    const previous = this.current;
    let next: Cache;
    if (detection.backend === 'memory') {
      next = createMemoryCache(this.config.defaultTtlSeconds, this.config.memory);
    } else {
      const major = Number((detection.serverVersion ?? '').split('.')[0]);
      const tiered = createTieredCache({
        address: this.config.address,
        topology: this.config.topology,
        // Sharded pub/sub needs Redis 7 (Memurai reports the Redis version it implements).
        shardedPubSub: this.config.topology.kind === 'cluster' && major >= 7,
        timeouts: this.config.timeouts,
        prefix: this.config.keyPrefix,
        kind: detection.backend,
        defaultTtlSeconds: this.config.defaultTtlSeconds,
        memory: this.config.memory,
        firstTier: this.config.firstTier,
        initialInvalidations: [...UNVERSIONED, ...this.memoryJournal.snapshot()],
        onStateChange: (healthy, reason) => this.onRedisState(tiered, healthy, reason),
        onBadValue: (key, reason) => this.onBadValue(key, reason),
      });
      next = tiered;
      await tiered.whenHealthy(this.config.timeouts.connectTimeoutMs);
    }
    this.current = next;
    this.detected = detection;
    if (next instanceof TieredCache) {
      this.memoryJournal.clear();
      this.server = { kind: next.kind, address: detection.address, version: detection.serverVersion };
    }
    if (previous !== next) await previous.close();
    this.notifyTarget();
    this.announce();
  }

  /** Dropped foreign/corrupt values: logged, at most one line a minute (the rest counted), never an error. */
  private badValues = { lastLogAt: Number.NEGATIVE_INFINITY, unlogged: 0 };

  private onBadValue(key: string, reason: string): void {
    const now = performance.now();
    if (now - this.badValues.lastLogAt < 60_000) {
      this.badValues.unlogged++;
      return;
    }
    this.options.logger?.warn('Dropped a cache value TallyConnect did not write (recomputed instead)', {
      key,
      reason,
      alsoDroppedSinceLastWarning: this.badValues.unlogged,
    });
    this.badValues = { lastLogAt: now, unlogged: 0 };
  }

  private onRedisState(source: TieredCache, healthy: boolean, reason: string): void {
    if (source !== this.current || !this.server) return;
    const { kind, address, version } = this.server;
    const name = kind === 'memurai' ? 'Memurai' : 'Redis';
    // The detection tells the truth about what serves calls right now.
    this.detected = healthy
      ? {
          ...this.detected,
          backend: kind,
          address,
          serverVersion: version,
          memuraiStopped: false,
          reason: `Using ${name}${version ? ` ${version}` : ''} at ${address ?? ''}.`,
        }
      : {
          ...this.detected,
          backend: 'memory',
          reason:
            `${name} at ${address ?? ''} stopped answering (${reason}); using the in-memory cache and ` +
            'reconnecting in the background.',
        };
    this.options.logger?.[healthy ? 'info' : 'warn']('Cache server state changed', { healthy, reason });
    this.announce();
  }

  /** Emits 'cache.status' (stats are gathered asynchronously; a failure there is not an error). */
  private announce(): void {
    const bus = this.options.bus;
    if (!bus) return;
    const detection = this.detected;
    void this.current.stats().then(
      (stats) => bus.emit('cache.status', { detection, stats }),
      () => undefined,
    );
  }

  /**
   * Runs detection again and switches backend when the answer changed. A two-tier cache whose server
   * is away is kept: it serves from memory, reconnects by itself and switches back when it returns.
   */
  redetect(): Promise<CacheDetection> {
    if (this.switching) return this.switching;
    this.switching = (async () => {
      try {
        const detection = await detectCache(this.config, this.configErrors, this.deps);
        const onTiered = this.current instanceof TieredCache;
        const keep = onTiered
          ? detection.backend === 'memory' || detection.address === this.server?.address
          : detection.backend === 'memory';
        if (keep) {
          const healthy = this.current instanceof TieredCache && this.current.state.healthy;
          this.detected = detection.backend === 'memory' && healthy ? this.detected : detection;
          this.announce();
        } else await this.install(detection);
        this.options.logger?.info('Cache detection', {
          backend: this.detected.backend,
          reason: this.detected.reason,
        });
        return this.detected;
      } finally {
        this.switching = null;
      }
    })();
    return this.switching;
  }

  /** Applies new settings at once: a new backend when anything connection-related changed. */
  async reconfigure(config: CacheConfig, configErrors: readonly ConfigError[]): Promise<CacheDetection> {
    if (this.switching) await this.switching.catch(() => undefined);
    // TTL-table changes apply through ttlFor(); anything a backend was built with means a rebuild.
    const built = (c: CacheConfig): string =>
      JSON.stringify([
        c.mode,
        c.address,
        c.topology,
        c.keyPrefix,
        c.timeouts,
        c.firstTier,
        c.memory,
        c.defaultTtlSeconds,
      ]);
    const connectionChanged = built(config) !== built(this.config);
    this.config = config;
    this.configErrors = configErrors;
    if (!connectionChanged) return this.redetect();
    const detection = await detectCache(this.config, this.configErrors, this.deps);
    await this.install(detection);
    return this.detected;
  }

  /** For the sync engine after a successful sync: drops everything cached for one company. */
  async invalidateCompany(companyGuid: string): Promise<number> {
    // One SCAN pass per pattern, run side by side on the one connection.
    const counts = await Promise.all(
      companyPatterns(companyGuid).map((pattern) => this.clearPattern(pattern)),
    );
    const deleted = counts.reduce((a, b) => a + b, 0);
    this.options.bus?.emit('cache.cleared', { scope: 'company', companyGuid, deleted });
    return deleted;
  }

  /** For the sync when a company's status changed but its books did not (a failed or unchanged sync). */
  async invalidateCompanyList(): Promise<number> {
    return this.clearPattern(COMPANY_LIST_PATTERN);
  }

  async startMemurai(): Promise<{ started: boolean; message: string }> {
    if (this.deps.platform !== 'win32') {
      return {
        started: false,
        message:
          'Memurai is a Windows service; on this system start Redis with your service manager ' +
          '(for example `sudo systemctl start redis-server`), then choose Re-detect.',
      };
    }
    const outcome = await startServiceElevated(this.deps.runner, 'Memurai');
    const detection = await this.redetect();
    const usingIt = detection.backend === 'memurai';
    return {
      started: outcome.ok && usingIt,
      message: `${outcome.message} ${detection.reason}`,
    };
  }

  async status(): Promise<CacheStatus> {
    const [stats, redisMemory] = await Promise.all([this.current.stats(), this.current.memoryInfo()]);
    const ttls: CacheTtlRow[] = (Object.keys(DEFAULT_TTLS) as CacheResource[]).map((resource) => ({
      resource,
      pattern: KEY_PATTERNS[resource],
      ttlSeconds: this.config.ttls[resource],
      envVar: TTL_ENV_VARS[resource],
    }));
    ttls.push({
      resource: 'default',
      pattern: '*',
      ttlSeconds: this.config.defaultTtlSeconds,
      envVar: 'REDIS_DEFAULT_TTL',
    });
    return {
      detection: this.detected,
      stats,
      redisMemory,
      keyPrefix: this.config.keyPrefix,
      ttls,
      firstTier: this.current instanceof TieredCache && this.current.state.firstTier,
      ...(this.current instanceof TieredCache ? { topology: this.topologyStatus(this.current) } : {}),
    };
  }

  private topologyStatus(cache: TieredCache): CacheTopologyStatus {
    const t = this.config.topology;
    const { nodes, serverChanges } = cache.state;
    return {
      kind: t.kind,
      masterName: t.kind === 'sentinel' ? t.name : null,
      seeds:
        t.kind === 'sentinel'
          ? t.sentinels.map(describeHostPort)
          : t.kind === 'cluster'
            ? t.nodes.map(describeHostPort)
            : [],
      nodes,
      failovers: serverChanges,
    };
  }

  // ---- Cache, delegated -------------------------------------------------------------------------

  get<T = unknown>(key: string): Promise<T | undefined> {
    return this.current.get<T>(key);
  }

  set(key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    return this.current.set(key, value, ttlSeconds);
  }

  private journalIfMemory(inv: Invalidation): void {
    if (this.current instanceof MemoryBackend) this.memoryJournal.add(inv);
  }

  delete(key: string): Promise<boolean> {
    this.journalIfMemory({ op: 'key', key });
    return this.current.delete(key);
  }

  has(key: string): Promise<boolean> {
    return this.current.has(key);
  }

  ttl(key: string): Promise<number | null> {
    return this.current.ttl(key);
  }

  clearPattern(pattern: string): Promise<number> {
    this.journalIfMemory({ op: 'pattern', pattern });
    return this.current.clearPattern(pattern);
  }

  async clearAll(): Promise<number> {
    this.journalIfMemory({ op: 'all' });
    const deleted = await this.current.clearAll();
    this.options.bus?.emit('cache.cleared', { scope: 'all', companyGuid: null, deleted });
    return deleted;
  }

  getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    return this.current.getOrCompute(key, ttlSeconds, loader);
  }

  keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage> {
    return this.current.keys(cursor, count, pattern);
  }

  stats(): Promise<CacheStats> {
    return this.current.stats();
  }

  memoryInfo(): Promise<RedisMemoryInfo | null> {
    return this.current.memoryInfo();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.redetectTimer) clearInterval(this.redetectTimer);
    if (this.switching) await this.switching.catch(() => undefined);
    await this.current.close();
  }
}
