/**
 * Fixed-window rate limiting with identical semantics on every backend: the first hit of a key opens a
 * window of windowMs; every hit (allowed or not) counts; hits beyond the limit are refused until the
 * window ends, and the refusal says how long that is (Retry-After).
 */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes. */
  resetInMs: number;
}

export interface RateLimitStore {
  readonly kind: 'memory' | 'redis' | 'resilient';
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Several keys at once (one round trip on Redis); each counts exactly as hit() would. */
  hitMany(entries: readonly { key: string; windowMs: number }[]): Promise<WindowCount[]>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface RateRule {
  /** Names the rule in keys and logs: 'api-address', 'signin-user', ... */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds to wait before retrying (at least 1); 0 when allowed. */
  retryAfterSeconds: number;
}

export function decide(rule: RateRule, counted: WindowCount): RateDecision {
  const allowed = counted.count <= rule.limit;
  return {
    allowed,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - counted.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(counted.resetInMs / 1000)),
  };
}

export interface RateLimiter {
  check(rule: RateRule, subject: string): Promise<RateDecision>;
  /** Several rules at once, e.g. the caller's address and user: one round trip on Redis. */
  checkAll(checks: readonly (readonly [RateRule, string])[]): Promise<RateDecision[]>;
  reset(rule: RateRule, subject: string): Promise<void>;
}

export function createRateLimiter(store: RateLimitStore): RateLimiter {
  // Subjects (addresses, usernames) are encoded so a crafted name cannot collide with another rule's key.
  const keyOf = (rule: RateRule, subject: string): string => `rl:${rule.name}:${encodeURIComponent(subject)}`;
  return {
    async check(rule, subject) {
      return decide(rule, await store.hit(keyOf(rule, subject), rule.windowMs));
    },
    async checkAll(checks) {
      const counted = await store.hitMany(
        checks.map(([rule, subject]) => ({ key: keyOf(rule, subject), windowMs: rule.windowMs })),
      );
      return checks.map(([rule], i) =>
        decide(rule, counted[i] ?? { count: Infinity, resetInMs: rule.windowMs }),
      );
    },
    reset: (rule, subject) => store.reset(keyOf(rule, subject)),
  };
}

export function createMemoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweepAt = now();
  const sweep = (at: number): void => {
    // Expired windows are dropped now and then, so the map stays as small as the active subjects.
    if (at - sweepAt < 60_000) return;
    sweepAt = at;
    for (const [key, w] of windows) if (w.endsAt <= at) windows.delete(key);
  };
  const hit = (key: string, windowMs: number): WindowCount => {
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      throw new RangeError(`window must be > 0 ms, got ${windowMs}`);
    const at = now();
    sweep(at);
    let w = windows.get(key);
    if (!w || w.endsAt <= at) {
      w = { count: 0, endsAt: at + windowMs };
      windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetInMs: w.endsAt - at };
  };
  return {
    kind: 'memory',
    hit: async (key, windowMs) => hit(key, windowMs),
    hitMany: async (entries) => entries.map((e) => hit(e.key, e.windowMs)),
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      windows.clear();
    },
  };
}
