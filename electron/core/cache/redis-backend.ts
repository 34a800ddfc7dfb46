import type { Redis } from 'ioredis';
import type { CacheKeyPage, CacheStats, RedisMemoryInfo } from '../../../shared/types/cache';
import { hitRate, ttlMs, type Cache } from './cache';
import { parseInfo, toMemoryInfo } from './info';
import { deepFreezeJson, prepareValue, type PreparedValue } from './json-value';
import { escapeGlob } from './keys';
import { SingleFlight } from './single-flight';

export interface RedisBackendOptions {
  /** Namespace prefix, e.g. "tallyconnect:". Never empty: clearAll relies on it. */
  prefix: string;
  defaultTtlSeconds: number;
  kind?: 'redis' | 'memurai';
  /** SCAN COUNT / UNLINK batch size for clears: small enough that no step blocks the server for long. */
  batchSize?: number;
}

/**
 * The raw Redis backend: every key under the namespace prefix, SET ... PX, SCAN + UNLINK in batches
 * inside the prefix (never KEYS, FLUSHDB or FLUSHALL: a shared Memurai holds other programs' keys).
 * Errors propagate; the resilient cache (tiered-cache.ts) turns them into memory fallbacks.
 */
export class RedisBackend implements Cache {
  readonly kind: 'redis' | 'memurai';
  readonly prefix: string;
  private readonly globPrefix: string;
  private readonly defaultTtlSeconds: number;
  private readonly batchSize: number;
  private readonly flights = new SingleFlight();
  private hits = 0;
  private misses = 0;

  constructor(
    readonly client: Redis,
    options: RedisBackendOptions,
  ) {
    if (!options.prefix) throw new Error('RedisBackend needs a non-empty key prefix');
    this.kind = options.kind ?? 'redis';
    this.prefix = options.prefix;
    this.globPrefix = escapeGlob(options.prefix);
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    this.batchSize = options.batchSize ?? 500;
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const found = await this.getSized<T>(key);
    return found?.value;
  }

  /** A read that also reports the value's size, for the first tier's byte bound. */
  async getSized<T>(key: string): Promise<{ value: T; bytes: number } | undefined> {
    const raw = await this.client.get(this.prefix + key);
    if (raw === null) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return { value: deepFreezeJson(JSON.parse(raw) as T), bytes: raw.length * 2 };
  }

  async set(key: string, value: unknown, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    await this.putPrepared(key, prepareValue(key, value), ttlSeconds);
  }

  async putPrepared(key: string, prepared: PreparedValue, ttlSeconds: number): Promise<void> {
    await this.client.set(this.prefix + key, JSON.stringify(prepared.value), 'PX', ttlMs(ttlSeconds, key));
  }

  async delete(key: string): Promise<boolean> {
    this.flights.invalidate();
    return (await this.client.unlink(this.prefix + key)) > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.client.exists(this.prefix + key)) > 0;
  }

  async ttl(key: string): Promise<number | null> {
    const ms = await this.client.pttl(this.prefix + key);
    if (ms === -2) return null;
    return ms === -1 ? Number.POSITIVE_INFINITY : ms;
  }

  async clearPattern(pattern: string): Promise<number> {
    this.flights.invalidate();
    return this.scanUnlink(this.globPrefix + pattern);
  }

  async clearAll(): Promise<number> {
    return this.clearPattern('*');
  }

  /**
   * SCAN in batches and UNLINK each batch (UNLINK frees large values off the main thread). The next SCAN
   * is sent without waiting for the previous UNLINK; one connection keeps them in order.
   */
  private async scanUnlink(match: string): Promise<number> {
    let cursor = '0';
    const unlinks: Promise<number>[] = [];
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', match, 'COUNT', this.batchSize);
      cursor = next;
      if (keys.length > 0) unlinks.push(this.client.unlink(...keys));
    } while (cursor !== '0');
    const counts = await Promise.all(unlinks);
    return counts.reduce((a, b) => a + b, 0);
  }

  async getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    return this.flights.getOrCompute(this, key, ttlSeconds, loader);
  }

  async keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage> {
    if (cursor !== null && !/^\d+$/.test(cursor)) throw new Error(`Invalid cache key cursor "${cursor}"`);
    const [next, keys] = await this.client.scan(
      cursor ?? '0',
      'MATCH',
      this.globPrefix + pattern,
      'COUNT',
      count,
    );
    const pipeline = this.client.pipeline();
    for (const key of keys) pipeline.pttl(key);
    const ttls = keys.length > 0 ? ((await pipeline.exec()) ?? []) : [];
    const entries = keys.map((key, i) => {
      const ms = Number(ttls[i]?.[1] ?? -2);
      return { key: key.slice(this.prefix.length), ttlMs: ms >= 0 ? ms : null, gone: ms === -2 };
    });
    return {
      keys: entries.filter((e) => !e.gone).map(({ key, ttlMs: ms }) => ({ key, ttlMs: ms })),
      cursor: next === '0' ? null : next,
    };
  }

  /** Counts this namespace's keys with SCAN (DBSIZE would count other programs' keys too). */
  async countKeys(): Promise<number> {
    let cursor = '0';
    let total = 0;
    do {
      const [next, keys] = await this.client.scan(
        cursor,
        'MATCH',
        this.globPrefix + '*',
        'COUNT',
        this.batchSize,
      );
      cursor = next;
      total += keys.length;
    } while (cursor !== '0');
    return total;
  }

  async stats(): Promise<CacheStats> {
    return {
      backend: this.kind,
      hits: this.hits,
      misses: this.misses,
      hitRate: hitRate(this.hits, this.misses),
      errors: 0,
      fallbacks: 0,
      keyCount: await this.countKeys(),
      memoryBytes: null,
    };
  }

  async memoryInfo(): Promise<RedisMemoryInfo> {
    return toMemoryInfo(parseInfo(await this.client.info('memory')));
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
