import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RedisClient } from '../cache/topology';
import type { PortalStatus, PortalUser, SignInResult } from '../../../shared/types/portal';
import type { EventBus } from '../events/bus';
import { silentLogger, type Logger } from '../logger';
import { openPortalDb, portalSecret } from './accounts-db';
import { createArgon2Pool, DEFAULT_ARGON2_POOL, type Argon2PoolOptions } from './argon2-pool';
import { createAccountStore, type AccountStore } from './accounts';
import { DEFAULT_LIMITS, type PortalLimits } from './limits';
import { createLiveFeed, type LiveFeed, type LiveListener } from './live-feed';
import { createPasswordHasher, DEFAULT_ARGON2, type Argon2Params, type PasswordHasher } from './password';
import {
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimiter,
  type RateLimitStore,
} from './rate-limit';
import { createRedisRateLimitStore, createResilientRateLimitStore } from './rate-limit-redis';
import { createPortalRedis, whenReady, type PortalRedisTarget } from './redis-client';
import { portalRedisRefusal } from './redis-policy';
import { createMemorySessionStore, type SessionStore } from './session-store';
import { createRedisSessionStore } from './session-store-redis';
import { createResilientSessionStore } from './session-store-resilient';
import { createSessionManager, type SessionManager, type SessionPolicy } from './sessions';
import { signIn } from './signin';

export interface PortalOptions {
  /** Folder holding portal.db; ':memory:' keeps accounts in memory (tests). */
  dataDir: string;
  /**
   * The Redis/Memurai the cache layer uses (a redis:// URL, ioredis options, or the cache's target, which
   * may be a Sentinel set or a Cluster); null for memory only. Sessions, rate limits and live updates
   * are then shared by every instance on that server. useRedis() moves the portal to another one.
   */
  redis: PortalRedisTarget | null;
  /** The cache's key prefix (default "tallyconnect:"); portal keys live beside it, not inside it. */
  keyPrefix?: string;
  bus: EventBus;
  logger?: Logger;
  now?: () => number;
  limits?: PortalLimits;
  sessionPolicy?: Partial<SessionPolicy>;
  argon2?: Argon2Params;
  /** Worker threads and queue bound for password hashing (default: 2 threads, 16 waiting). */
  hashing?: Argon2PoolOptions;
  instanceId?: string;
  /**
   * Where the portal listens, when known up front; applyBind() tells it later otherwise. Decides
   * whether a Redis without a password may hold portal state (redis-policy.ts).
   */
  bindHost?: string;
}

export type { PortalStatus };

export interface Authenticated {
  user: PortalUser;
  sessionId: string;
}

export interface Portal {
  readonly backend: 'redis' | 'memory';
  status(): PortalStatus;
  /**
   * Tells the portal where it listens. A Redis without a password is then refused for portal state
   * if the portal or the Redis is reachable from the network: sessions, rate limits and live updates
   * move to memory (this instance only) and a warning says why. Call before serving requests.
   */
  applyBind(host: string): PortalStatus;
  /**
   * Follows the cache to another Redis (re-detection, settings change) or to memory (null): sessions,
   * rate limits and live updates move there; the old connections are closed.
   */
  useRedis(target: PortalRedisTarget | null): PortalStatus;
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly sessions: SessionManager;
  readonly limiter: RateLimiter;
  readonly limits: PortalLimits;
  readonly live: LiveFeed;
  /**
   * The user behind a token, or null (missing, malformed, forged, expired, deleted or disabled, or
   * signed in before the account's password changed: its credentials version is stale).
   */
  authenticate(token: string): Promise<Authenticated | null>;
  signIn(username: string, password: string, address: string): Promise<SignInResult>;
  /** Waits (at most timeoutMs) for the Redis connections; until then everything runs from memory. */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Portal keys use "{<prefix>-portal}:" with the prefix's trailing ':' dropped, e.g.
 * "{tallyconnect-portal}:session:…". They sit outside the report cache's namespace on purpose: "Clear
 * cache" must not sign the whole office out. The braces are a Redis Cluster hash tag: every portal key
 * lands in one slot, so a session's MULTI (record + index), the session list's MGET and the rate
 * limiter's Lua script (several keys per call) work on a Cluster exactly as on one server.
 */
export function portalKeyPrefix(cachePrefix: string): string {
  return `{${cachePrefix.replace(/:+$/, '')}-portal}:`;
}

export function createPortal(options: PortalOptions): Portal {
  const logger = (options.logger ?? silentLogger).child({ area: 'portal' });
  const now = options.now ?? Date.now;
  const prefix = portalKeyPrefix(options.keyPrefix ?? 'tallyconnect:');
  const limits = options.limits ?? DEFAULT_LIMITS;
  const instanceId = options.instanceId ?? randomUUID();

  const db = openPortalDb(options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'portal.db'));
  const accounts = createAccountStore(db, () => new Date(now()));
  // Signs session records kept in Redis; lives in portal.db only, never in Redis.
  const sessionKey = portalSecret(db, 'session-mac');
  const pool = createArgon2Pool(options.hashing ?? DEFAULT_ARGON2_POOL);
  const hasher = createPasswordHasher(options.argon2 ?? DEFAULT_ARGON2, undefined, pool.compute);

  // The stores and the live feed sit behind fixed facades, so applyBind() can move them to memory
  // after the HTTP layer has taken hold of them.
  let clients: RedisClient[] = [];
  let sessionInner: SessionStore;
  let rateInner: RateLimitStore;
  let liveInner: LiveFeed;
  let redisRefused: string | null = null;
  let target: PortalRedisTarget | null = options.redis;
  let bindHost: string | undefined = options.bindHost;
  const liveListeners = new Set<LiveListener>();
  const fanOut: LiveListener = (event, payload) => {
    for (const listener of [...liveListeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        logger.warn('live feed listener failed', { event, error });
      }
    }
  };
  const useMemory = (): void => {
    sessionInner = createMemorySessionStore(now);
    rateInner = createMemoryRateLimitStore(now);
    liveInner = createLiveFeed({ bus: options.bus, instanceId, logger });
    liveInner.subscribe(fanOut);
  };
  const refuseRedis = (reason: string): void => {
    redisRefused = reason;
    logger.warn(
      "portal: NOT using Redis/Memurai for sessions, sign-in limits and live updates; they stay in this instance's memory",
      { reason },
    );
  };
  const useRedisNow = (where: PortalRedisTarget): void => {
    const commands = createPortalRedis(where);
    const publisher = createPortalRedis(where);
    const subscriber = createPortalRedis(where, { subscriber: true });
    clients = [commands, publisher, subscriber];
    sessionInner = createResilientSessionStore(createRedisSessionStore(commands, prefix, sessionKey, now), {
      now,
      logger,
    });
    rateInner = createResilientRateLimitStore(createRedisRateLimitStore(commands, prefix), { now, logger });
    liveInner = createLiveFeed({
      bus: options.bus,
      instanceId,
      redis: { publisher, subscriber, channel: `${prefix}events` },
      logger,
    });
    liveInner.subscribe(fanOut);
  };
  /** Closes the current stores and connections in the background (they are already replaced). */
  const retire = (): void => {
    const [oldSessions, oldRates, oldLive, oldClients] = [sessionInner, rateInner, liveInner, clients];
    clients = [];
    void (async () => {
      await oldLive.close();
      await oldSessions.close();
      await oldRates.close();
    })()
      .catch(() => undefined)
      .finally(() => {
        for (const client of oldClients) client.disconnect();
      });
  };
  /** Redis when there is one the policy allows, else memory. */
  const place = (): void => {
    redisRefused = null;
    const refusal = target && bindHost !== undefined ? portalRedisRefusal(target, bindHost) : null;
    if (target && refusal === null) useRedisNow(target);
    else {
      if (refusal) refuseRedis(refusal);
      useMemory();
    }
  };
  place();

  const sessionStore: SessionStore = {
    get kind() {
      return sessionInner.kind;
    },
    put: (id, record) => sessionInner.put(id, record),
    get: (id) => sessionInner.get(id),
    delete: (id) => sessionInner.delete(id),
    list: () => sessionInner.list(),
    close: () => sessionInner.close(),
  };
  const rateStore: RateLimitStore = {
    get kind() {
      return rateInner.kind;
    },
    hit: (key, windowMs) => rateInner.hit(key, windowMs),
    hitMany: (entries) => rateInner.hitMany(entries),
    reset: (key) => rateInner.reset(key),
    close: () => rateInner.close(),
  };
  const live: LiveFeed = {
    get mode() {
      return liveInner.mode;
    },
    subscribe(listener) {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    async close() {
      liveListeners.clear();
      await liveInner.close();
    },
  };
  const sessions = createSessionManager(sessionStore, {
    policy: options.sessionPolicy,
    now,
    credentialsVersionOf: (username) => accounts.getCredentials(username)?.credentialsVersion ?? null,
  });
  const limiter = createRateLimiter(rateStore);
  const status = (): PortalStatus => ({
    backend: clients.length > 0 ? 'redis' : 'memory',
    liveUpdates: liveInner.mode,
    redisRefused,
  });

  return {
    get backend() {
      return status().backend;
    },
    status,
    applyBind(host) {
      bindHost = host;
      const reason = target && clients.length > 0 ? portalRedisRefusal(target, host) : null;
      if (reason === null) return status();
      refuseRedis(reason);
      retire();
      useMemory();
      return status();
    },
    useRedis(next) {
      if (JSON.stringify(next) === JSON.stringify(target)) return status();
      target = next;
      logger.info('portal: following the cache to another Redis', {
        redis: next === null ? 'none (memory)' : typeof next === 'string' ? 'url' : 'configured',
      });
      retire();
      place();
      return status();
    },
    accounts,
    hasher,
    sessions,
    limiter,
    limits,
    live,
    async authenticate(token) {
      const session = await sessions.resolve(token);
      if (!session) return null;
      // Permissions are read fresh on every call: a change in Settings applies to open sessions at once.
      // The credentials version ends sessions in every process sharing this portal.db, Redis or not.
      const account = accounts.getCredentials(session.record.username);
      if (
        !account ||
        account.user.disabled ||
        account.credentialsVersion !== session.record.credentialsVersion
      ) {
        await sessions.revoke(token).catch(() => false);
        return null;
      }
      return { user: account.user, sessionId: session.id };
    },
    signIn: (username, password, address) =>
      signIn({ accounts, hasher, sessions, limiter, limits, logger }, username, password, address),
    async ready(timeoutMs = 2_000) {
      await Promise.all(clients.map((client) => whenReady(client, timeoutMs)));
    },
    async close() {
      await live.close();
      await sessionStore.close();
      await rateStore.close();
      for (const client of clients) client.disconnect();
      clients = [];
      await pool.close();
      db.close();
    },
  };
}
