import { Cluster, type Redis } from 'ioredis';
import { assertKeyCursor } from '../../../shared/contract/cache';
import type { CacheKeyPage, CacheStats, RedisMemoryInfo } from '../../../shared/types/cache';
import { hitRate, ttlMs, type Cache } from './cache';
import { parseInfo, toMemoryInfo } from './info';
import {
  decodeEnvelope,
  encodeEnvelope,
  MAX_REDIS_VALUE_BYTES,
  prepareValue,
  type PreparedValue,
} from './json-value';
import { escapeGlob } from './keys';
import { SingleFlight } from './single-flight';
import { groupBySlot } from './slots';
import { masters, nodeName, type RedisClient } from './topology';

export interface RedisBackendOptions {
  /** Namespace prefix, e.g. "tallyconnect:". Never empty: clearAll relies on it. */
  prefix: string;
  defaultTtlSeconds: number;
  kind?: 'redis' | 'memurai';
  /** SCAN COUNT / UNLINK batch size for clears: small enough that no step blocks the server for long. */
  batchSize?: number;
  /** Largest stored value in bytes (MAX_REDIS_VALUE_BYTES): larger ones are neither written nor read. */
  maxValueBytes?: number;
  /** Told about every value under the prefix that was not ours to serve (it was deleted, and missed). */
  onBadValue?: (key: string, reason: string) => void;
}

/** Why Redis refused a command on a key holding another type (a hash, a list, ...) planted under our prefix. */
function isWrongType(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('WRONGTYPE');
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
  private readonly maxValueBytes: number;
  private readonly onBadValue: ((key: string, reason: string) => void) | undefined;
  private readonly flights = new SingleFlight();
  private hits = 0;
  private misses = 0;

  constructor(
    readonly client: RedisClient,
    options: RedisBackendOptions,
  ) {
    if (!options.prefix) throw new Error('RedisBackend needs a non-empty key prefix');
    this.kind = options.kind ?? 'redis';
    this.prefix = options.prefix;
    this.globPrefix = escapeGlob(options.prefix);
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    this.batchSize = options.batchSize ?? 500;
    this.maxValueBytes = options.maxValueBytes ?? MAX_REDIS_VALUE_BYTES;
    this.onBadValue = options.onBadValue;
  }

  /** Values under the prefix that were refused (not our envelope, wrong key, too big, wrong type). */
  rejected = 0;

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const found = await this.getSized<T>(key);
    return found?.value;
  }

  /**
   * A read that also reports the value's size, for the first tier's byte bound.
   *
   * Anyone who can write to the server can put anything under our prefix, so a stored value is served
   * only if it is exactly the envelope this version writes for this key (json-value.ts). Anything else
   * — not JSON, truncated, an array, another format or key, larger than maxValueBytes, a non-string
   * Redis type — is a miss: the key is deleted (the caller recomputes and rewrites it) and never an
   * error, so it can neither fail a report nor make the two-tier cache think Redis is down.
   */
  async getSized<T>(key: string): Promise<{ value: T; bytes: number } | undefined> {
    const full = this.prefix + key;
    let raw: Buffer;
    try {
      // At most maxValueBytes + 1 bytes cross the wire, however big the stored value is.
      raw = await this.client.getrangeBuffer(full, 0, this.maxValueBytes);
    } catch (error) {
      if (!isWrongType(error)) throw error;
      return this.refuse(key, 'not a string value');
    }
    // GETRANGE answers "" for a missing key; the app never writes an empty value.
    if (raw.length === 0) {
      this.misses++;
      return undefined;
    }
    if (raw.length > this.maxValueBytes) return this.refuse(key, `larger than ${this.maxValueBytes} bytes`);
    const text = raw.toString('utf8');
    const decoded = decodeEnvelope(key, text);
    if (!decoded.ok) return this.refuse(key, decoded.reason);
    this.hits++;
    return { value: decoded.value as T, bytes: text.length * 2 };
  }

  private async refuse(key: string, reason: string): Promise<undefined> {
    this.misses++;
    this.rejected++;
    this.onBadValue?.(key, reason);
    await this.client.unlink(this.prefix + key);
    return undefined;
  }

  async set(key: string, value: unknown, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    await this.putPrepared(key, prepareValue(key, value), ttlSeconds);
  }

  async putPrepared(key: string, prepared: PreparedValue, ttlSeconds: number): Promise<void> {
    const px = ttlMs(ttlSeconds, key);
    const text = encodeEnvelope(key, prepared.value);
    // Too big to be read back: not kept (and an older copy must not outlive this newer value).
    if (Buffer.byteLength(text) > this.maxValueBytes) {
      await this.client.unlink(this.prefix + key);
      return;
    }
    await this.client.set(this.prefix + key, text, 'PX', px);
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
   * SCAN in batches and UNLINK each batch (UNLINK frees large values off the main thread), on every
   * master of a Cluster side by side (one master otherwise). The next SCAN is sent without waiting for
   * the previous UNLINK; one connection keeps them in order. In a Cluster a batch is split by slot, as
   * a multi-key command must stay within one.
   */
  private async scanUnlink(match: string): Promise<number> {
    const sliced = this.client instanceof Cluster;
    const perNode = await Promise.all(
      masters(this.client).map(async (node) => {
        let cursor = '0';
        const unlinks: Promise<number>[] = [];
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', match, 'COUNT', this.batchSize);
          cursor = next;
          if (keys.length === 0) continue;
          for (const group of sliced ? groupBySlot(keys) : [keys]) unlinks.push(node.unlink(...group));
        } while (cursor !== '0');
        return (await Promise.all(unlinks)).reduce((a, b) => a + b, 0);
      }),
    );
    return perNode.reduce((a, b) => a + b, 0);
  }

  async getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    return this.flights.getOrCompute(this, key, ttlSeconds, loader);
  }

  /**
   * One page of SCAN. In a Cluster the masters are walked one after another (sorted by address) and the
   * page cursor carries both: node cursor × node count + node index, still one decimal number.
   */
  async keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage> {
    if (cursor !== null) assertKeyCursor(cursor);
    const nodes = masters(this.client);
    const width = BigInt(nodes.length);
    const packed = BigInt(cursor ?? '0');
    const index = Number(packed % width);
    const node = nodes[index] as Redis;
    const [next, keys] = await node.scan(
      String(packed / width),
      'MATCH',
      this.globPrefix + pattern,
      'COUNT',
      count,
    );
    const pipeline = node.pipeline();
    for (const key of keys) pipeline.pttl(key);
    const ttls = keys.length > 0 ? ((await pipeline.exec()) ?? []) : [];
    const entries = keys.map((key, i) => {
      const ms = Number(ttls[i]?.[1] ?? -2);
      return { key: key.slice(this.prefix.length), ttlMs: ms >= 0 ? ms : null, gone: ms === -2 };
    });
    let after: string | null = null;
    if (next !== '0') after = String(BigInt(next) * width + BigInt(index));
    else if (index + 1 < nodes.length) after = String(index + 1);
    return {
      keys: entries.filter((e) => !e.gone).map(({ key, ttlMs: ms }) => ({ key, ttlMs: ms })),
      cursor: after,
    };
  }

  /** Counts this namespace's keys with SCAN on every master (DBSIZE would count other programs' keys too). */
  async countKeys(): Promise<number> {
    const counts = await Promise.all(
      masters(this.client).map(async (node) => {
        let cursor = '0';
        let total = 0;
        do {
          const [next, keys] = await node.scan(
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
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** PING on every master: a Cluster is healthy only when every node holding slots answers. */
  async ping(): Promise<void> {
    await Promise.all(masters(this.client).map((node) => node.ping()));
  }

  /**
   * Which server(s) hold the data now: the masters' addresses and run ids. It changes when a failover
   * promoted a replica or a server restarted empty; the cache then replays recent invalidations, which
   * the new master may never have received.
   */
  async identity(): Promise<{ id: string; nodes: { address: string; role: string }[] }> {
    const nodes = await Promise.all(
      masters(this.client).map(async (node) => {
        const info = parseInfo(await node.info('server'));
        const role = (await node.call('ROLE')) as unknown[];
        return {
          address: this.addressOf(node),
          role: role[0] === 'master' ? 'master' : String(role[0]),
          runId: info['run_id'] ?? '',
        };
      }),
    );
    return {
      id: nodes.map((n) => `${n.address}/${n.runId}`).join(','),
      nodes: nodes.map(({ address, role }) => ({ address, role })),
    };
  }

  /** Where a connection is connected right now (a Sentinel client moves with the master). */
  private addressOf(node: Redis): string {
    const stream = (node as unknown as { stream?: { remoteAddress?: string; remotePort?: number } }).stream;
    if (stream?.remoteAddress && stream.remotePort) {
      const host = stream.remoteAddress.replace(/^::ffff:/, '');
      return `${host.includes(':') ? `[${host}]` : host}:${stream.remotePort}`;
    }
    return nodeName(node);
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

  /** INFO memory; in a Cluster the first master's (each master has its own maxmemory). */
  async memoryInfo(): Promise<RedisMemoryInfo> {
    const node = masters(this.client)[0] as Redis;
    return toMemoryInfo(parseInfo(await node.info('memory')));
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
