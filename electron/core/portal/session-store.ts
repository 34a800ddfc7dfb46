/**
 * Where sessions live. Ids are SHA-256 hashes of tokens (tokens.ts), never the tokens themselves.
 * Implementations: memory (one process), Redis (shared by every instance on the same Redis/Memurai),
 * and the resilient pair that keeps working from memory while Redis is down.
 */
export interface SessionRecord {
  username: string;
  signedInAt: string;
  lastSeenAt: string;
  address: string;
  companyGuid: string | null;
  /** Epoch ms when the session expires unless used again (sliding expiry). */
  expiresAt: number;
  /**
   * The account's credentials version at sign-in (portal.db). Checked on every call: a new password,
   * disabling or re-creating the account changes it, so older sessions are refused in every process.
   */
  credentialsVersion: string;
}

export interface SessionStore {
  readonly kind: 'memory' | 'redis' | 'resilient';
  /** Stores (or replaces) a session that expires at record.expiresAt. */
  put(id: string, record: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  delete(id: string): Promise<boolean>;
  /** Every live session. */
  list(): Promise<{ id: string; record: SessionRecord }[]>;
  close(): Promise<void>;
}

export function createMemorySessionStore(now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, SessionRecord>();
  const live = (id: string): SessionRecord | null => {
    const record = sessions.get(id);
    if (!record) return null;
    if (record.expiresAt <= now()) {
      sessions.delete(id);
      return null;
    }
    return record;
  };
  return {
    kind: 'memory',
    async put(id, record) {
      if (record.expiresAt <= now()) sessions.delete(id);
      else sessions.set(id, { ...record });
    },
    async get(id) {
      const record = live(id);
      return record ? { ...record } : null;
    },
    async delete(id) {
      return sessions.delete(id);
    },
    async list() {
      const out: { id: string; record: SessionRecord }[] = [];
      for (const id of [...sessions.keys()]) {
        const record = live(id);
        if (record) out.push({ id, record: { ...record } });
      }
      return out;
    },
    async close() {
      sessions.clear();
    },
  };
}

/** The record's fields in a fixed order: what a signature covers, byte for byte. */
export function canonicalSessionRecord(record: SessionRecord): string {
  return JSON.stringify([
    record.username,
    record.signedInAt,
    record.lastSeenAt,
    record.address,
    record.companyGuid,
    record.expiresAt,
    record.credentialsVersion,
  ]);
}

/** Parses a stored record, refusing anything that is not exactly a session (a corrupt or foreign key). */
export function parseSessionRecord(text: string | null): SessionRecord | null {
  if (text === null) return null;
  try {
    return sessionRecordOf(JSON.parse(text));
  } catch {
    // fall through: unreadable records count as absent
  }
  return null;
}

/** The session fields of a parsed value, or null when any is missing or of the wrong type. */
export function sessionRecordOf(value: unknown): SessionRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  {
    const v = value as Partial<SessionRecord>;
    if (
      typeof v.username === 'string' &&
      typeof v.signedInAt === 'string' &&
      typeof v.lastSeenAt === 'string' &&
      typeof v.address === 'string' &&
      (v.companyGuid === null || typeof v.companyGuid === 'string') &&
      typeof v.expiresAt === 'number' &&
      Number.isFinite(v.expiresAt) &&
      typeof v.credentialsVersion === 'string'
    ) {
      return {
        username: v.username,
        signedInAt: v.signedInAt,
        lastSeenAt: v.lastSeenAt,
        address: v.address,
        companyGuid: v.companyGuid,
        expiresAt: v.expiresAt,
        credentialsVersion: v.credentialsVersion,
      };
    }
  }
  return null;
}
