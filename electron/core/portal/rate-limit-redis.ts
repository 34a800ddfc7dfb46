import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit';

/**
 * INCR and PEXPIRE in one Lua script, so the count and the window's expiry are set atomically even
 * with several instances hitting the same key (a crash between the two can never leave a key that
 * counts forever). A key without TTL (set by someone else) gets one.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type RedisWithHit = Redis & { tcPortalHit(key: string, windowMs: number): Promise<[number, number]> };

export function createRedisRateLimitStore(redis: Redis, prefix: string): RateLimitStore {
  const client = redis as RedisWithHit;
  if (typeof client.tcPortalHit !== 'function') {
    redis.defineCommand('tcPortalHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      if (!Number.isFinite(windowMs) || windowMs <= 0)
        throw new RangeError(`window must be > 0 ms, got ${windowMs}`);
      const [count, ttl] = await client.tcPortalHit(prefix + key, Math.round(windowMs));
      return { count: Number(count), resetInMs: Number(ttl) };
    },
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
  return {
    kind: 'resilient',
    async hit(key, windowMs) {
      try {
        const counted = await primary.hit(key, windowMs);
        if (!healthy) options.logger?.info('portal rate limits: Redis is back');
        healthy = true;
        return counted;
      } catch (error) {
        if (error instanceof RangeError) throw error;
        if (healthy)
          options.logger?.warn('portal rate limits: Redis unavailable, counting in memory', { error });
        healthy = false;
        return fallback.hit(key, windowMs);
      }
    },
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
