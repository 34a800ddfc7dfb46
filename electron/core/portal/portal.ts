import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Redis, RedisOptions } from 'ioredis';
import type { PortalUser, SignInResult } from '../../../shared/types/portal';
import type { EventBus } from '../events/bus';
import { silentLogger, type Logger } from '../logger';
import { openPortalDb } from './accounts-db';
import { createAccountStore, type AccountStore } from './accounts';
import { DEFAULT_LIMITS, type PortalLimits } from './limits';
import { createLiveFeed, type LiveFeed } from './live-feed';
import { createPasswordHasher, DEFAULT_ARGON2, type Argon2Params, type PasswordHasher } from './password';
import {
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimiter,
  type RateLimitStore,
} from './rate-limit';
import { createRedisRateLimitStore, createResilientRateLimitStore } from './rate-limit-redis';
import { createPortalRedis, whenReady } from './redis-client';
import { createMemorySessionStore, type SessionStore } from './session-store';
import { createRedisSessionStore } from './session-store-redis';
import { createResilientSessionStore } from './session-store-resilient';
import { createSessionManager, type SessionManager, type SessionPolicy } from './sessions';
import { signIn } from './signin';

export interface PortalOptions {
  /** Folder holding portal.db; ':memory:' keeps accounts in memory (tests). */
  dataDir: string;
  /**
   * The Redis/Memurai the cache layer uses (a redis:// URL or its ioredis options); null for memory
   * only. Sessions, rate limits and live updates are then shared by every instance on that server.
   */
  redis: string | RedisOptions | null;
  /** The cache's key prefix (default "tallyconnect:"); portal keys live beside it, not inside it. */
  keyPrefix?: string;
  bus: EventBus;
  logger?: Logger;
  now?: () => number;
  limits?: PortalLimits;
  sessionPolicy?: Partial<SessionPolicy>;
  argon2?: Argon2Params;
  instanceId?: string;
}

export interface Authenticated {
  user: PortalUser;
  sessionId: string;
}

export interface Portal {
  readonly backend: 'redis' | 'memory';
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly sessions: SessionManager;
  readonly limiter: RateLimiter;
  readonly limits: PortalLimits;
  readonly live: LiveFeed;
  /** The user behind a token, or null (missing, malformed, forged, expired, deleted or disabled). */
  authenticate(token: string): Promise<Authenticated | null>;
  signIn(username: string, password: string, address: string): Promise<SignInResult>;
  /** Waits (at most timeoutMs) for the Redis connections; until then everything runs from memory. */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Portal keys use "<prefix>portal:" with the prefix's trailing ':' turned into '-', e.g.
 * "tallyconnect-portal:". They sit outside the report cache's namespace on purpose: "Clear cache" must
 * not sign the whole office out.
 */
export function portalKeyPrefix(cachePrefix: string): string {
  return `${cachePrefix.replace(/:+$/, '')}-portal:`;
}

export function createPortal(options: PortalOptions): Portal {
  const logger = (options.logger ?? silentLogger).child({ area: 'portal' });
  const now = options.now ?? Date.now;
  const prefix = portalKeyPrefix(options.keyPrefix ?? 'tallyconnect:');
  const limits = options.limits ?? DEFAULT_LIMITS;

  const db = openPortalDb(options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'portal.db'));
  const accounts = createAccountStore(db, () => new Date(now()));
  const hasher = createPasswordHasher(options.argon2 ?? DEFAULT_ARGON2);

  let clients: Redis[] = [];
  let sessionStore: SessionStore;
  let rateStore: RateLimitStore;
  let live: LiveFeed;
  if (options.redis) {
    const commands = createPortalRedis(options.redis);
    const publisher = createPortalRedis(options.redis);
    const subscriber = createPortalRedis(options.redis, { subscriber: true });
    clients = [commands, publisher, subscriber];
    sessionStore = createResilientSessionStore(createRedisSessionStore(commands, prefix, now), {
      now,
      logger,
    });
    rateStore = createResilientRateLimitStore(createRedisRateLimitStore(commands, prefix), { now, logger });
    live = createLiveFeed({
      bus: options.bus,
      instanceId: options.instanceId ?? randomUUID(),
      redis: { publisher, subscriber, channel: `${prefix}events` },
      logger,
    });
  } else {
    sessionStore = createMemorySessionStore(now);
    rateStore = createMemoryRateLimitStore(now);
    live = createLiveFeed({ bus: options.bus, instanceId: options.instanceId ?? randomUUID(), logger });
  }
  const sessions = createSessionManager(sessionStore, { policy: options.sessionPolicy, now });
  const limiter = createRateLimiter(rateStore);

  return {
    backend: options.redis ? 'redis' : 'memory',
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
      const user = accounts.get(session.record.username);
      if (!user || user.disabled) return null;
      return { user, sessionId: session.id };
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
      db.close();
    },
  };
}
