import type {
  CacheBackendKind,
  CacheKeyPage,
  CacheStats,
  RedisMemoryInfo,
} from '../../../shared/types/cache';
import { AppError } from '../../../shared/errors';
import type { ReportCache } from './types';

/**
 * The one cache interface every backend implements (memory, Redis, the two-tier resilient cache) and
 * the app holds (CacheManager). Keys are unprefixed; Redis backends add the namespace prefix.
 *
 * Values are JSON, checked at set time (json-value.ts), and every get hands out a deep-frozen value:
 * mutating it throws, so no caller can change what the next caller reads.
 */
export interface Cache extends ReportCache {
  readonly kind: CacheBackendKind;
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** ttlSeconds defaults to the cache's default TTL (REDIS_DEFAULT_TTL). */
  set(key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  has(key: string): Promise<boolean>;
  /** Remaining lifetime in ms; null when the key is absent; Infinity when it never expires. */
  ttl(key: string): Promise<number | null>;
  /** Deletes keys matching a Redis glob (unprefixed). Returns how many were deleted. */
  clearPattern(pattern: string): Promise<number>;
  /** Deletes this application's keys only. */
  clearAll(): Promise<number>;
  /** A page of keys with remaining TTLs; cursor null starts, a null cursor back means the end. */
  keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage>;
  stats(): Promise<CacheStats>;
  /** Redis INFO memory, or null for memory backends. */
  memoryInfo(): Promise<RedisMemoryInfo | null>;
  close(): Promise<void>;
}

/** Shared TTL argument check: a TTL must be a positive, finite number of seconds. */
export function ttlMs(ttlSeconds: number, key: string): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new AppError(
      'CACHE',
      `Cache TTL for "${key}" must be a positive number of seconds, got ${ttlSeconds}`,
      {
        key,
      },
    );
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

export function hitRate(hits: number, misses: number): number | null {
  const total = hits + misses;
  return total === 0 ? null : hits / total;
}
