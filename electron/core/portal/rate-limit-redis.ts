import type { RedisClient } from '../cache/topology';
import type { Logger } from '../logger';
import { createMemoryRateLimitStore, type RateLimitStore, type WindowCount } from './rate-limit';

/**
 * INCR and PEXPIRE in one Lua script, so the count and the window's expiry are set atomically even
 * with several instances hitting the same key (a crash between the two can never leave a key that
 * counts forever). A key without TTL (set by someone else) gets one. In a Redis Cluster the keys of one
 * call must share a slot: the prefix carries a hash tag (portalKeyPrefix in portal.ts).
 */
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local window = ARGV[i]
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, window) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = tonumber(window)
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

type RedisWithHit = RedisClient & {
  tcPortalHit(keyCount: number, ...keysThenWindows: (string | number)[]): Promise<number[]>;
};

const checkWindow = (windowMs: number): void => {
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw new RangeError(`window must be > 0 ms, got ${windowMs}`);
};

export function createRedisRateLimitStore(redis: RedisClient, prefix: string): RateLimitStore {
  const client = redis as RedisWithHit;
  if (typeof client.tcPortalHit !== 'function') {
    // Key count is passed per call (the script takes any number of keys).
    redis.defineCommand('tcPortalHit', { lua: HIT_SCRIPT });
  }
  const hitMany = async (entries: readonly { key: string; windowMs: number }[]): Promise<WindowCount[]> => {
    for (const e of entries) checkWindow(e.windowMs);
    if (entries.length === 0) return [];
    const flat = await client.tcPortalHit(
      entries.length,
      ...entries.map((e) => prefix + e.key),
      ...entries.map((e) => Math.round(e.windowMs)),
    );
    return entries.map((_, i) => ({ count: Number(flat[2 * i]), resetInMs: Number(flat[2 * i + 1]) }));
  };
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      const [counted] = await hitMany([{ key, windowMs }]);
      return counted as WindowCount;
    },
    hitMany: (entries) => hitMany(entries),
    async reset(key) {
      await redis.del(prefix + key);
    },
    async close() {
      // The connection belongs to the caller.
    },
  };
}

/** Redis while it answers, memory (same semantics, this instance only) while it does not. */
export function createResilientRateLimitStore(
  primary: RateLimitStore,
  options: { now?: () => number; logger?: Logger } = {},
): RateLimitStore {
  const fallback = createMemoryRateLimitStore(options.now);
  let healthy = true;
  /** Asks Redis, else memory; says once when Redis goes away and once when it is back. */
  const eitherStore = async <T>(ask: (store: RateLimitStore) => Promise<T>): Promise<T> => {
    try {
      const answer = await ask(primary);
      if (!healthy) options.logger?.info('portal rate limits: Redis is back');
      healthy = true;
      return answer;
    } catch (error) {
      if (error instanceof RangeError) throw error;
      if (healthy)
        options.logger?.warn('portal rate limits: Redis unavailable, counting in memory', { error });
      healthy = false;
      return ask(fallback);
    }
  };
  return {
    kind: 'resilient',
    hit: (key, windowMs) => eitherStore((store) => store.hit(key, windowMs)),
    hitMany: (entries) => eitherStore((store) => store.hitMany(entries)),
    async reset(key) {
      await fallback.reset(key);
      try {
        await primary.reset(key);
      } catch {
        // The window expires by itself in Redis.
      }
    },
    async close() {
      await fallback.close();
      await primary.close();
    },
  };
}
