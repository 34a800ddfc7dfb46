import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RedisClient } from '../cache/topology';
import {
  canonicalSessionRecord,
  sessionRecordOf,
  type SessionRecord,
  type SessionStore,
} from './session-store';

/** Domain separation: this key signs nothing else, and a future format gets a new tag. */
const MAC_TAG = 'tallyconnect-portal-session-v1';

/** HMAC-SHA256 over the session id and the record, so a record is valid only under its own key. */
export function sessionMac(key: Buffer, id: string, record: SessionRecord): string {
  return createHmac('sha256', key)
    .update(`${MAC_TAG}\n${id}\n${canonicalSessionRecord(record)}`)
    .digest('base64url');
}

/** The stored form: the record plus its signature. */
export function signSessionRecord(key: Buffer, id: string, record: SessionRecord): string {
  return JSON.stringify({ ...record, mac: sessionMac(key, id, record) });
}

/**
 * The record stored under `id`, or null unless it is well formed AND carries a valid signature for
 * this id: a record someone wrote into Redis by hand, edited (another user, a later expiry) or copied
 * under another session id is treated as absent.
 */
export function verifySessionRecord(key: Buffer, id: string, text: string | null): SessionRecord | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const record = sessionRecordOf(value);
  const mac = (value as { mac?: unknown }).mac;
  if (!record || typeof mac !== 'string') return null;
  const expected = Buffer.from(sessionMac(key, id, record));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? record : null;
}

/**
 * Sessions in Redis: one string key per session with PX expiry (so Redis drops it by itself) and a
 * sorted set index (score = expiresAt) for the active-users list without SCANning the keyspace.
 * Every record is signed with `macKey` (HMAC-SHA256, the key lives in portal.db, never in Redis), so
 * write access to Redis is not enough to forge, alter or copy a session. MULTI and MGET span the
 * session keys and the index: in a Redis Cluster the prefix must carry a hash tag (portalKeyPrefix).
 */
export function createRedisSessionStore(
  redis: RedisClient,
  prefix: string,
  macKey: Buffer,
  now: () => number = Date.now,
): SessionStore {
  if (macKey.length < 32) throw new RangeError('the session signing key must have at least 32 bytes');
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
        .set(key(id), signSessionRecord(macKey, id, record), 'PX', ttl)
        .zadd(index, record.expiresAt, id)
        .zremrangebyscore(index, '-inf', now())
        .exec();
      const failed = result?.find(([error]) => error);
      if (!result || failed) throw failed?.[0] ?? new Error('Redis transaction was aborted');
    },
    async get(id) {
      return verifySessionRecord(macKey, id, await redis.get(key(id)));
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
        const record = verifySessionRecord(macKey, id, values[i] ?? null);
        if (record) out.push({ id, record });
      });
      return out;
    },
    async close() {
      // The connection belongs to the caller.
    },
  };
}
