import { createSessionToken, isWellFormedToken, sessionIdOf } from './tokens';
import type { SessionRecord, SessionStore } from './session-store';

export interface SessionPolicy {
  /** A session ends after this long without a request (sliding expiry). */
  idleMs: number;
  /** ...and in any case this long after sign-in. */
  absoluteMs: number;
  /** Expiry is pushed back at most this often, so a busy dashboard does not write on every request. */
  touchIntervalMs: number;
  /**
   * A session this process just read is trusted for this long without asking the store again (saves a
   * Redis round trip per request). A sign-out here applies at once; one on another instance within this.
   */
  localCacheMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 2 * 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchIntervalMs: 15_000,
  localCacheMs: 1_000,
};

export interface ResolvedSession {
  id: string;
  record: SessionRecord;
}

export interface SessionManager {
  /**
   * A new session; `credentialsVersion` is the account's at sign-in (checked on every call). Sign-in
   * passes the version it read before checking the password; omitted, the current one is looked up.
   */
  create(
    username: string,
    address: string,
    credentialsVersion?: string,
  ): Promise<{ token: string; record: SessionRecord }>;
  /** The live session of a token, its expiry slid forward; null for malformed, unknown or expired. */
  resolve(token: string): Promise<ResolvedSession | null>;
  /** Remembers which company the session looks at (for the active-users list). */
  noteCompany(token: string, companyGuid: string): Promise<void>;
  revoke(token: string): Promise<boolean>;
  /**
   * Deletes every stored session of a user (best effort, this store only). What ends them in every
   * process is the account's new credentials version; this also clears them from the active list.
   */
  revokeUser(username: string): Promise<number>;
  active(): Promise<SessionRecord[]>;
  readonly policy: SessionPolicy;
}

export function createSessionManager(
  store: SessionStore,
  options: {
    policy?: Partial<SessionPolicy>;
    now?: () => number;
    randomBytes?: (size: number) => Uint8Array;
    /** The account's current credentials version (portal.db), for create() without one. */
    credentialsVersionOf?: (username: string) => string | null;
  } = {},
): SessionManager {
  const policy = { ...DEFAULT_SESSION_POLICY, ...options.policy };
  const now = options.now ?? Date.now;
  // What this process last wrote per session, to skip writes that would change nothing.
  const written = new Map<string, { companyGuid: string | null; at: number }>();
  const remember = (id: string, record: SessionRecord, at: number): void => {
    if (written.size > 10_000) written.clear();
    written.set(id, { companyGuid: record.companyGuid, at });
  };
  const hot = new Map<string, { record: SessionRecord; readAt: number }>();
  const keepHot = (id: string, record: SessionRecord, readAt: number): void => {
    if (policy.localCacheMs <= 0) return;
    if (hot.size > 10_000) hot.clear();
    hot.set(id, { record, readAt });
  };
  const forget = (id: string): void => {
    written.delete(id);
    hot.delete(id);
  };

  const expiryFor = (record: SessionRecord, at: number): number =>
    Math.min(at + policy.idleMs, Date.parse(record.signedInAt) + policy.absoluteMs);

  const resolve = async (token: string): Promise<ResolvedSession | null> => {
    if (!isWellFormedToken(token)) return null;
    const id = sessionIdOf(token);
    const at = now();
    const cached = hot.get(id);
    const fresh = cached && at - cached.readAt < policy.localCacheMs ? cached.record : null;
    const record = fresh ?? (await store.get(id));
    if (!record) {
      forget(id);
      return null;
    }
    if (record.expiresAt <= at) {
      await store.delete(id);
      forget(id);
      return null;
    }
    if (!fresh) keepHot(id, record, at);
    const last = written.get(id);
    const lastSeen = Math.max(Date.parse(record.lastSeenAt), last?.at ?? 0);
    if (at - lastSeen >= policy.touchIntervalMs) {
      const slid = { ...record, lastSeenAt: new Date(at).toISOString(), expiresAt: expiryFor(record, at) };
      await store.put(id, slid);
      remember(id, slid, at);
      if (hot.has(id)) hot.set(id, { record: slid, readAt: hot.get(id)?.readAt ?? at });
      return { id, record: slid };
    }
    return { id, record };
  };

  return {
    policy,
    async create(username, address, credentialsVersion) {
      const token = createSessionToken(options.randomBytes);
      const at = now();
      const iso = new Date(at).toISOString();
      const record: SessionRecord = {
        username,
        signedInAt: iso,
        lastSeenAt: iso,
        address,
        companyGuid: null,
        expiresAt: Math.min(at + policy.idleMs, at + policy.absoluteMs),
        // No version (unknown account): a session that every check refuses.
        credentialsVersion: credentialsVersion ?? options.credentialsVersionOf?.(username) ?? '',
      };
      const id = sessionIdOf(token);
      await store.put(id, record);
      remember(id, record, at);
      return { token, record };
    },
    resolve: (token) => resolve(token),
    async noteCompany(token, companyGuid) {
      if (!isWellFormedToken(token)) return;
      const id = sessionIdOf(token);
      if (written.get(id)?.companyGuid === companyGuid) return;
      const record = await store.get(id);
      if (!record || record.expiresAt <= now()) return;
      const at = now();
      const next = {
        ...record,
        companyGuid,
        lastSeenAt: new Date(at).toISOString(),
        expiresAt: expiryFor(record, at),
      };
      await store.put(id, next);
      remember(id, next, at);
      hot.delete(id);
    },
    async revoke(token) {
      if (!isWellFormedToken(token)) return false;
      const id = sessionIdOf(token);
      forget(id);
      return store.delete(id);
    },
    async revokeUser(username) {
      const lower = username.toLowerCase();
      let count = 0;
      for (const { id, record } of await store.list()) {
        if (record.username.toLowerCase() !== lower) continue;
        forget(id);
        if (await store.delete(id)) count++;
      }
      return count;
    },
    async active() {
      const at = now();
      return (await store.list())
        .map((s) => s.record)
        .filter((r) => r.expiresAt > at)
        .sort((a, b) => a.signedInAt.localeCompare(b.signedInAt));
    },
  };
}
