import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { CacheKeyPage, CacheStats, RedisMemoryInfo } from '../../../shared/types/cache';
import { hitRate, ttlMs, type Cache } from './cache';
import { decodeMessage, encodeMessage, InvalidationJournal, type Invalidation } from './invalidation';
import { prepareValue, type PreparedValue } from './json-value';
import type { MemoryBackend } from './memory-backend';
import type { PubSubLink } from './pubsub';
import type { RedisBackend } from './redis-backend';
import { SingleFlight } from './single-flight';

export interface TieredCacheOptions {
  remote: RedisBackend;
  /** The invalidation channel (pub/sub), shared by every instance on this server and namespace; null disables the first tier. */
  pubsub: PubSubLink | null;
  /** Serves every call while Redis is unreachable. */
  fallback: MemoryBackend;
  /** Small in-process tier in front of Redis (short TTL); null to go to Redis on every read. */
  firstTier: MemoryBackend | null;
  firstTierTtlSeconds: number;
  defaultTtlSeconds: number;
  /** While Redis is considered down, how often to check whether it is back. */
  healthCheckMs: number;
  /** Invalidations to replay before Redis is first trusted (e.g. unversioned keys after a restart). */
  initialInvalidations?: Invalidation[];
  onStateChange?: (healthy: boolean, reason: string) => void;
  /**
   * How long invalidations (and writes) are remembered after Redis acknowledged them. When Redis comes
   * back as another server (a failover promoted a replica, or a server restarted), they are replayed:
   * the old master may have acknowledged them without passing them on to the replica.
   */
  replayWindowMs?: number;
  now?: () => number;
}

export type TieredState = 'healthy' | 'down';

/**
 * Redis with a safety net: a first tier in front (microsecond hits for hot dashboards), the memory
 * backend behind (every call is served even when Redis is gone), pub/sub so instances sharing one
 * server drop each other's first-tier copies, and a journal that replays invalidations missed while
 * Redis was unreachable before Redis is trusted again. Never throws for a Redis fault; only bad
 * values (json-value.ts) and loader errors reach the caller.
 */
export class TieredCache implements Cache {
  readonly instanceId = randomUUID();
  private readonly remote: RedisBackend;
  private readonly pubsub: PubSubLink | null;
  private readonly fallback: MemoryBackend;
  private readonly firstTier: MemoryBackend | null;
  private readonly journal = new InvalidationJournal();
  private readonly flights = new SingleFlight();
  private healthy = false;
  private subscribed = false;
  private recovering = false;
  /**
   * Recovering: the journal is being replayed. Writes and invalidations already go to Redis (so the
   * journal can drain under load), reads still come from memory until the switch.
   */
  private draining = false;
  private closed = false;
  /** Bumped by every invalidation (start and end): a Redis read that overlapped one is not kept in the first tier. */
  private epoch = 0;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private healthWaiters: (() => void)[] = [];
  private lastReason = 'connecting';
  private counters = { hits: 0, misses: 0, errors: 0, fallbacks: 0, firstTierHits: 0 };
  /** Invalidations Redis acknowledged lately, replayed if the server behind the connection changes. */
  private recent: { at: number; inv: Invalidation }[] = [];
  private server: { id: string; nodes: { address: string; role: string }[] } | null = null;
  /** Times Redis came back as another server (failovers, restarts). */
  private serverChanges = 0;

  constructor(private readonly options: TieredCacheOptions) {
    this.remote = options.remote;
    this.pubsub = options.pubsub;
    this.fallback = options.fallback;
    this.firstTier = options.pubsub ? options.firstTier : null;
    for (const inv of options.initialInvalidations ?? []) this.journal.add(inv);
  }

  get kind(): 'redis' | 'memurai' {
    return this.remote.kind;
  }

  get state(): {
    healthy: boolean;
    firstTier: boolean;
    pendingInvalidations: number;
    reason: string;
    /** The master(s) that answered when Redis was last joined. */
    nodes: { address: string; role: string }[];
    serverChanges: number;
  } {
    return {
      healthy: this.healthy,
      firstTier: this.firstTierActive(),
      pendingInvalidations: this.journal.size,
      reason: this.lastReason,
      nodes: this.server?.nodes ?? [],
      serverChanges: this.serverChanges,
    };
  }

  /** Starts connecting in the background; calls are served from memory until Redis is ready. */
  start(): void {
    const client = this.remote.client;
    client.on('error', () => undefined); // reported through faults; never an unhandled 'error' event
    client.on('ready', () => void this.tryRecover());
    client.on('close', () => {
      if (this.healthy) this.fault(new Error('connection to the cache server closed'));
    });
    // ioredis gave up on this connection (it should not, with our retry strategy): start it again.
    client.on('end', () => {
      if (this.closed) return;
      const again = setTimeout(() => {
        if (!this.closed && client.status === 'end') client.connect().catch(() => undefined);
      }, this.options.healthCheckMs);
      again.unref();
    });
    client.connect().catch(() => undefined);
    this.scheduleRecovery();
    this.pubsub?.start({
      up: () => {
        // Messages may have been missed while unsubscribed: start the first tier empty.
        this.firstTier?.clearAllSync();
        this.epoch++;
        this.subscribed = true;
      },
      down: () => {
        this.subscribed = false;
        this.firstTier?.clearAllSync();
      },
      message: (text) => {
        // Anyone who can PUBLISH on the server can send anything here: a message is decoded defensively
        // (decodeMessage), and nothing it does may throw out of ioredis's event handler (that would be
        // an uncaught exception in the main process). Whatever goes wrong, drop every local copy.
        const message = decodeMessage(text);
        if (message.from === this.instanceId) return;
        this.flights.invalidate();
        this.epoch++;
        try {
          this.applyLocal(message.inv);
        } catch {
          this.applyLocal({ op: 'all' });
        }
      },
    });
  }

  /** Resolves true once Redis is in use, false after timeoutMs. */
  whenHealthy(timeoutMs: number): Promise<boolean> {
    if (this.healthy) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.healthy), timeoutMs);
      this.healthWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private firstTierActive(): boolean {
    return this.firstTier !== null && this.healthy && this.subscribed;
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    if (this.firstTierActive()) {
      const near = (this.firstTier as MemoryBackend).peek<T>(key);
      if (near !== undefined) {
        this.counters.hits++;
        this.counters.firstTierHits++;
        return near;
      }
    }
    if (this.healthy) {
      const epoch = this.epoch;
      try {
        const found = await this.remote.getSized<T>(key);
        if (found === undefined) {
          this.counters.misses++;
          return undefined;
        }
        if (epoch === this.epoch && this.firstTierActive()) {
          (this.firstTier as MemoryBackend).putPreparedSync(key, found, this.options.firstTierTtlSeconds);
        }
        this.counters.hits++;
        return found.value;
      } catch (error) {
        this.fault(error);
      }
    }
    this.counters.fallbacks++;
    const value = this.fallback.peek<T>(key);
    if (value === undefined) this.counters.misses++;
    else this.counters.hits++;
    return value;
  }

  async set(key: string, value: unknown, ttlSeconds = this.options.defaultTtlSeconds): Promise<void> {
    ttlMs(ttlSeconds, key);
    await this.putPrepared(key, prepareValue(key, value), ttlSeconds);
  }

  async putPrepared(key: string, prepared: PreparedValue, ttlSeconds: number): Promise<void> {
    const inv: Invalidation = { op: 'key', key };
    this.keyCountMemo = null;
    // Another read of this key that is in flight must not park the old value in the first tier.
    this.epoch++;
    this.firstTier?.deleteSync(key);
    if (this.healthy || this.draining) {
      try {
        // SET and PUBLISH leave together: one round trip, and other instances hear only after the write.
        await Promise.all([this.remote.putPrepared(key, prepared, ttlSeconds), this.publish(inv)]);
        this.remember(inv);
        if (this.firstTierActive()) {
          (this.firstTier as MemoryBackend).putPreparedSync(
            key,
            prepared,
            Math.min(ttlSeconds, this.options.firstTierTtlSeconds),
          );
        }
        // Reads are still served from memory until the switch: keep read-your-writes there.
        if (!this.healthy) this.fallback.putPreparedSync(key, prepared, ttlSeconds);
        return;
      } catch (error) {
        this.fault(error);
      }
    }
    // Redis may still hold an older value of this key: drop it there before Redis is trusted again.
    this.journal.add(inv);
    this.counters.fallbacks++;
    this.fallback.putPreparedSync(key, prepared, ttlSeconds);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.invalidate({ op: 'key', key })) > 0;
  }

  async has(key: string): Promise<boolean> {
    if (this.firstTierActive() && (this.firstTier as MemoryBackend).peek(key) !== undefined) return true;
    if (this.healthy) {
      try {
        return await this.remote.has(key);
      } catch (error) {
        this.fault(error);
      }
    }
    this.counters.fallbacks++;
    return this.fallback.has(key);
  }

  async ttl(key: string): Promise<number | null> {
    if (this.healthy) {
      try {
        return await this.remote.ttl(key);
      } catch (error) {
        this.fault(error);
      }
    }
    this.counters.fallbacks++;
    return this.fallback.ttl(key);
  }

  clearPattern(pattern: string): Promise<number> {
    return this.invalidate({ op: 'pattern', pattern });
  }

  clearAll(): Promise<number> {
    return this.invalidate({ op: 'all' });
  }

  async getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    if (this.firstTierActive()) {
      const near = (this.firstTier as MemoryBackend).peek<T>(key);
      if (near !== undefined) {
        this.counters.hits++;
        this.counters.firstTierHits++;
        return { value: near, hit: true };
      }
    }
    return this.flights.getOrCompute(this, key, ttlSeconds, loader);
  }

  async keys(cursor: string | null, count: number, pattern: string): Promise<CacheKeyPage> {
    if (this.healthy) {
      try {
        return await this.remote.keys(cursor, count, pattern);
      } catch (error) {
        // A bad cursor is the caller's mistake, not a sign that Redis is down.
        if (error instanceof AppError) throw error;
        this.fault(error);
      }
    }
    return this.fallback.keys(cursor, count, pattern);
  }

  async stats(): Promise<CacheStats> {
    const { hits, misses, errors, fallbacks } = this.counters;
    let keyCount = this.fallback.size;
    let backend: CacheStats['backend'] = 'memory';
    if (this.healthy) {
      try {
        keyCount = await this.countKeys();
        backend = this.remote.kind;
      } catch (error) {
        this.fault(error);
      }
    }
    return {
      backend,
      hits,
      misses,
      hitRate: hitRate(hits, misses),
      errors,
      fallbacks,
      keyCount,
      memoryBytes: backend === 'memory' ? (await this.fallback.stats()).memoryBytes : null,
    };
  }

  /**
   * Counting the namespace is a full SCAN (DBSIZE would count other programs' keys), so a status panel
   * polling every few seconds while the app is idle reuses a count up to 5 s old; writes and
   * invalidations forget it.
   */
  private keyCountMemo: { count: number; at: number } | null = null;

  private async countKeys(): Promise<number> {
    const memo = this.keyCountMemo;
    if (memo && performance.now() - memo.at < 5_000) return memo.count;
    const count = await this.remote.countKeys();
    this.keyCountMemo = { count, at: performance.now() };
    return count;
  }

  /** Hits answered by the first tier (a subset of hits). */
  get firstTierHits(): number {
    return this.counters.firstTierHits;
  }

  async memoryInfo(): Promise<RedisMemoryInfo | null> {
    if (!this.healthy) return null;
    try {
      return await this.remote.memoryInfo();
    } catch (error) {
      this.fault(error);
      return null;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.healthy = false;
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.recoveryTimer = null;
    await Promise.all([
      this.remote.close(),
      this.pubsub?.close(),
      this.fallback.close(),
      this.firstTier?.close(),
    ]);
  }

  // ---- invalidation -------------------------------------------------------------------------------

  private async invalidate(inv: Invalidation): Promise<number> {
    this.flights.invalidate();
    this.keyCountMemo = null;
    this.epoch++;
    const local = this.applyLocal(inv);
    try {
      if (this.healthy || this.draining) {
        try {
          return await this.applyRemote(inv);
        } catch (error) {
          this.fault(error);
        }
      }
      this.journal.add(inv);
      return local;
    } finally {
      this.epoch++;
    }
  }

  /** Applies to the in-process tiers; returns how many fallback entries went. */
  private applyLocal(inv: Invalidation): number {
    const tiers = [this.fallback, this.firstTier].filter((t): t is MemoryBackend => t !== null);
    let fromFallback = 0;
    for (const tier of tiers) {
      let n = 0;
      if (inv.op === 'all') n = tier.clearAllSync();
      else if (inv.op === 'key') n = tier.deleteSync(inv.key) ? 1 : 0;
      else n = tier.clearPatternSync(inv.pattern);
      if (tier === this.fallback) fromFallback = n;
    }
    return fromFallback;
  }

  private async applyRemote(inv: Invalidation): Promise<number> {
    const deleted =
      inv.op === 'all'
        ? await this.remote.clearAll()
        : inv.op === 'pattern'
          ? await this.remote.clearPattern(inv.pattern)
          : (await this.remote.delete(inv.key))
            ? 1
            : 0;
    // Only once the keys are gone from Redis: a peer re-reading after the message must not find them.
    await this.publish(inv);
    this.remember(inv);
    return deleted;
  }

  private async publish(inv: Invalidation): Promise<void> {
    if (!this.pubsub) return;
    await this.pubsub.publish(encodeMessage({ from: this.instanceId, inv }));
  }

  private remember(inv: Invalidation): void {
    const now = (this.options.now ?? performance.now.bind(performance))();
    const window = this.options.replayWindowMs ?? 30_000;
    const recent = this.recent;
    let stale = 0;
    while (stale < recent.length && now - (recent[stale] as { at: number }).at > window) stale++;
    if (stale > 0) recent.splice(0, stale);
    // Bounded like the journal: past its limit one clear-all stands for them all.
    if (recent.length >= 1000) this.recent = [{ at: now, inv: { op: 'all' } }];
    else recent.push({ at: now, inv });
  }

  /**
   * Before Redis is trusted again: if another server now answers (a failover, a restart), the recent
   * invalidations join the journal, since the new master may never have received them.
   */
  private async checkServer(): Promise<void> {
    const now = await this.remote.identity();
    const before = this.server;
    this.server = now;
    if (!before || before.id === now.id) return;
    this.serverChanges++;
    const window = this.options.replayWindowMs ?? 30_000;
    const at = (this.options.now ?? performance.now.bind(performance))();
    for (const { at: when, inv } of this.recent) if (at - when <= window) this.journal.add(inv);
  }

  // ---- faults and recovery -------------------------------------------------------------------------

  private fault(error: unknown): void {
    this.counters.errors++;
    this.draining = false; // a recovery in progress is abandoned; the next one starts over
    if (!this.healthy) return;
    this.healthy = false;
    this.lastReason = error instanceof Error ? error.message : String(error);
    this.firstTier?.clearAllSync();
    this.options.onStateChange?.(false, this.lastReason);
    this.scheduleRecovery();
  }

  private scheduleRecovery(): void {
    if (this.recoveryTimer || this.closed) return;
    this.recoveryTimer = setInterval(() => void this.tryRecover(), this.options.healthCheckMs);
    this.recoveryTimer.unref();
  }

  private async tryRecover(): Promise<void> {
    if (this.healthy || this.recovering || this.closed) return;
    if (this.remote.client.status !== 'ready') return;
    this.recovering = true;
    try {
      await this.remote.ping();
      await this.checkServer();
      this.draining = true;
      // New invalidations now go straight to Redis, so this loop ends; a fault clears `draining`.
      for (let inv = this.journal.peek(); inv && this.draining; inv = this.journal.peek()) {
        await this.applyRemote(inv);
        this.journal.shift(inv);
      }
      if (this.closed || !this.draining || this.journal.size > 0) return;
      this.draining = false;
      // No await since the journal was found empty: nothing can slip in between.
      this.fallback.clearAllSync();
      this.firstTier?.clearAllSync();
      this.flights.invalidate();
      this.epoch++;
      this.healthy = true;
      this.lastReason = 'connected';
      if (this.recoveryTimer) clearInterval(this.recoveryTimer);
      this.recoveryTimer = null;
      for (const wake of this.healthWaiters.splice(0)) wake();
      this.options.onStateChange?.(true, this.lastReason);
    } catch {
      this.counters.errors++;
      this.draining = false;
    } finally {
      this.recovering = false;
      this.draining = false;
    }
  }
}
