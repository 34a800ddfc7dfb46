/** One invalidation, as applied locally, sent over pub/sub and kept for replay while Redis is down. */
export type Invalidation = { op: 'key'; key: string } | { op: 'pattern'; pattern: string } | { op: 'all' };

export interface InvalidationMessage {
  /** The sending instance; an instance ignores its own messages (it applied them already). */
  from: string;
  inv: Invalidation;
}

export function encodeMessage(message: InvalidationMessage): string {
  return JSON.stringify(message);
}

/**
 * Longest pub/sub message and pattern taken as they are. Ours are short (a key or a company's pattern);
 * a longer one, from anyone else who can publish on the server, is not parsed or glob-matched (a long
 * pattern costs matching time against every local key) but taken as "clear everything".
 */
export const MAX_MESSAGE_CHARS = 4096;
export const MAX_PATTERN_CHARS = 512;

/** Parses a pub/sub message; anything malformed or oversized becomes "clear everything" (safe, never stale). */
export function decodeMessage(text: string): InvalidationMessage {
  if (text.length > MAX_MESSAGE_CHARS) return { from: '?', inv: { op: 'all' } };
  try {
    const parsed = JSON.parse(text) as Partial<InvalidationMessage>;
    const inv = parsed.inv as Partial<Record<string, unknown>> | undefined;
    if (typeof parsed.from === 'string' && inv) {
      if (inv['op'] === 'key' && typeof inv['key'] === 'string')
        return { from: parsed.from, inv: { op: 'key', key: inv['key'] } };
      if (
        inv['op'] === 'pattern' &&
        typeof inv['pattern'] === 'string' &&
        inv['pattern'].length <= MAX_PATTERN_CHARS
      )
        return { from: parsed.from, inv: { op: 'pattern', pattern: inv['pattern'] } };
      if (inv['op'] === 'all') return { from: parsed.from, inv: { op: 'all' } };
    }
  } catch {
    // fall through
  }
  return { from: '?', inv: { op: 'all' } };
}

/**
 * Invalidations issued while Redis was unreachable, replayed (in order) before Redis is trusted again.
 * Bounded: past `limit` entries, or once "all" is asked, it collapses to a single clear-all.
 */
export class InvalidationJournal {
  private entries: Invalidation[] = [];

  constructor(private readonly limit = 1000) {}

  add(inv: Invalidation): void {
    if (inv.op === 'all' || this.entries.length >= this.limit) {
      this.entries = [{ op: 'all' }];
      return;
    }
    if (this.entries[0]?.op === 'all') return;
    const same = this.entries.some((e) => JSON.stringify(e) === JSON.stringify(inv));
    if (!same) this.entries.push(inv);
  }

  get size(): number {
    return this.entries.length;
  }

  peek(): Invalidation | undefined {
    return this.entries[0];
  }

  /** Drops the first entry once it has been replayed (only if it is still the same one). */
  shift(done: Invalidation): void {
    if (this.entries[0] === done) this.entries.shift();
  }

  clear(): void {
    this.entries = [];
  }

  snapshot(): readonly Invalidation[] {
    return [...this.entries];
  }
}
