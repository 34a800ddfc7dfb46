import type { Redis } from 'ioredis';
import { parseSessionRecord, type SessionRecord, type SessionStore } from './session-store';

/**
 * Sessions in Redis: one string key per session with PX expiry (so Redis drops it by itself) and a
 * sorted set index (score = expiresAt) for the active-users list without SCANning the keyspace.
 */
export function createRedisSessionStore(
  redis: Redis,
  prefix: string,
  now: () => number = Date.now,
): SessionStore {
  const key = (id: string): string => `${prefix}session:${id}`;
  const index = `${prefix}sessions`;
  return {
    kind: 'redis',
    async put(id, record) {
      const ttl = record.expiresAt - now();
      if (ttl <= 0) {
        await redis.multi().del(key(id)).zrem(index, id).exec();
        return;
      }
      const result = await redis
        .multi()
        .set(key(id), JSON.stringify(record), 'PX', ttl)
        .zadd(index, record.expiresAt, id)
        .zremrangebyscore(index, '-inf', now())
        .exec();
      const failed = result?.find(([error]) => error);
      if (!result || failed) throw failed?.[0] ?? new Error('Redis transaction was aborted');
    },
    async get(id) {
      return parseSessionRecord(await redis.get(key(id)));
    },
    async delete(id) {
      const result = await redis.multi().del(key(id)).zrem(index, id).exec();
      return Number(result?.[0]?.[1] ?? 0) > 0;
    },
    async list() {
      const ids = await redis.zrangebyscore(index, now(), '+inf');
      if (ids.length === 0) return [];
      const values = await redis.mget(ids.map(key));
      const out: { id: string; record: SessionRecord }[] = [];
      ids.forEach((id, i) => {
        const record = parseSessionRecord(values[i] ?? null);
        if (record) out.push({ id, record });
      });
      return out;
    },
    async close() {
      // The connection belongs to the caller.
    },
  };
}
