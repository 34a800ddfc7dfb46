import { LRUCache } from 'lru-cache';
import { assertKeyCursor } from '../../../shared/contract/cache';
import type { CacheKeyPage, CacheStats } from '../../../shared/types/cache';
import { hitRate, ttlMs, type Cache } from './cache';
import { compileGlob } from './glob';
import { prepareValue, type PreparedValue } from './json-value';
import { SingleFlight } from './single-flight';

export interface MemoryBackendOptions {
  /** Upper bound on entries (LRU eviction beyond it). */
  maxEntries: number;
  /** Upper bound on the approximate heap bytes of all values (LRU eviction beyond it). */
  maxBytes: number;
  defaultTtlSeconds: number;
  /** Background sweep of expired entries; 0 disables (reads still honour TTLs). */
  sweepIntervalMs: number;
  /** Injected clock (ms, monotonic) for tests; defaults to performance.now. */
  now?: () => number;
}

/** lru-cache reserves undefined for "absent"; null is a legal cached value, so it is boxed. */
const NULL_BOX = Object.freeze({ __tallyconnectNull: true });

export { MEMORY_DEFAULTS } from '../config/cache-settings';

/** The in-process backend: lru-cache bounded by entries and bytes, TTL checked on every read. */
export class MemoryBackend implements Cache {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, object | string | number | boolean>;
  private readonly flights = new SingleFlight();
  private readonly sweepTimer: NodeJS.Timeout | null;
  private readonly defaultTtlSeconds: number;
  private hits = 0;
  private misses = 0;
  private bytes = 0;

  constructor(options: MemoryBackendOptions) {
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    const now = options.now;
    this.lru = new LRUCache({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      ttl: ttlMs(options.defaultTtlSeconds, '(default)'),
      // Expired entries are never returned, and a read does not extend their life.
      allowStale: false,
      updateAgeOnGet: false,
      // An injected clock is read on every check (lru-cache otherwise caches "now" for 1 ms).
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    });
    this.sweepTimer =
      options.sweepIntervalMs > 0 ? setInterval(() => this.lru.purgeStale(), options.sweepIntervalMs) : null;
    this.sweepTimer?.unref();
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const found = this.lru.get(key);
    if (found === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return (found === NULL_BOX ? null : found) as T;
  }

  /** Synchronous read for the first tier, which must not add an await to a hot hit. */
  peek<T = unknown>(key: string): T | undefined {
    const found = this.lru.get(key);
    if (found === undefined) return undefined;
    return (found === NULL_BOX ? null : found) as T;
  }

  async set(key: string, value: unknown, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    this.putPreparedSync(key, prepareValue(key, value), ttlSeconds);
  }

  async putPrepared(key: string, prepared: PreparedValue, ttlSeconds: number): Promise<void> {
    this.putPreparedSync(key, prepared, ttlSeconds);
  }

  putPreparedSync(key: string, prepared: PreparedValue, ttlSeconds: number): void {
    const ttl = ttlMs(ttlSeconds, key);
    const stored =
      prepared.value === null ? NULL_BOX : (prepared.value as object | string | number | boolean);
    // Entries larger than the whole budget are simply not kept (lru-cache refuses them).
    this.lru.set(key, stored, { ttl, size: Math.max(1, prepared.bytes) });
  }

  async delete(key: string): Promise<boolean> {
    return this.deleteSync(key);
  }

  deleteSync(key: string): boolean {
    this.flights.invalidate();
    return this.lru.delete(key);
  }

  async has(key: string): Promise<boolean> {
    return this.lru.has(key);
  }

  async ttl(key: string): Promise<number | null> {
    if (!this.lru.has(key)) return null;
    const remaining = this.lru.getRemainingTTL(key);
    return remaining <= 0 ? null : Math.round(remaining);
  }

  async clearPattern(pattern: string): Promise<number> {
    return this.clearPatternSync(pattern);
  }

  clearPatternSync(pattern: string): number {
    this.flights.invalidate();
    const matches = compileGlob(pattern);
    this.lru.purgeStale();
    let deleted = 0;
    // Collect first: deleting while iterating an LRU's linked list is unsafe.
    const doomed: string[] = [];
    for (const key of this.lru.keys()) if (matches(key)) doomed.push(key);
    for (const key of doomed) if (this.lru.delete(key)) deleted++;
    return deleted;
  }

  async clearAll(): Promise<number> {
    return this.clearAllSync();
  }

  clearAllSync(): number {
    this.flights.invalidate();
    this.lru.purgeStale();
    const count = this.lru.size;
    this.lru.clear();
    return count;
  }

  async getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    // Hot path: a hit needs no single-flight bookkeeping.
    const found = this.peek<T>(key);
    if (found !== undefined) {
      this.hits++;
      return { value: found, hit: true };
    }
    return this.flights.getOrCompute(this, key, ttlSeconds, loader);
  }

  async keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage> {
    if (cursor !== null) assertKeyCursor(cursor);
    const matches = compileGlob(pattern);
    this.lru.purgeStale();
    const all = [...this.lru.keys()].filter(matches).sort();
    const start = cursor === null ? 0 : Number(cursor);
    const page = all.slice(start, start + count);
    const next = start + count < all.length ? String(start + count) : null;
    return {
      keys: page.map((key) => {
        const remaining = this.lru.getRemainingTTL(key);
        return { key, ttlMs: Number.isFinite(remaining) ? Math.max(0, Math.round(remaining)) : null };
      }),
      cursor: next,
    };
  }

  get size(): number {
    return this.lru.size;
  }

  async stats(): Promise<CacheStats> {
    this.bytes = this.lru.calculatedSize;
    return {
      backend: 'memory',
      hits: this.hits,
      misses: this.misses,
      hitRate: hitRate(this.hits, this.misses),
      errors: 0,
      fallbacks: 0,
      keyCount: this.lru.size,
      memoryBytes: this.bytes,
    };
  }

  async memoryInfo(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.lru.clear();
  }
}
