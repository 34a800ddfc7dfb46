import {
  createMemoryRateLimitStore,
  createRateLimiter,
  decide,
  type RateLimitStore,
  type RateRule,
} from '../../../electron/core/portal/rate-limit';
import {
  createRedisRateLimitStore,
  createResilientRateLimitStore,
} from '../../../electron/core/portal/rate-limit-redis';
import { fakeClock, memoryAndRedis, onSentinelAndCluster, usePortalRedis } from './fixtures';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import { startTestRedis } from '../../helpers/redis-server';

const portalRedis = usePortalRedis();

const rule = (limit: number, windowMs: number): RateRule => ({ name: 'test', limit, windowMs });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The same behaviour, asserted against both backends with real time (short windows).
const backends = [
  ...memoryAndRedis<RateLimitStore>(portalRedis, createMemoryRateLimitStore, (c) =>
    createRedisRateLimitStore(c, 'rl-test:'),
  ),
  ...onSentinelAndCluster<RateLimitStore>((c) => createRedisRateLimitStore(c, '{rl-test}:')),
];

describe.each(backends)('rate limiter conformance: %s', (_name, make) => {
  it('allows up to the limit, then refuses with a Retry-After within the window', async () => {
    const limiter = createRateLimiter(await make());
    const r = rule(3, 5_000);
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await limiter.check(r, '10.0.0.1'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(decisions[3]?.retryAfterSeconds).toBeLessThanOrEqual(5);
  });

  it('counts subjects and rules separately', async () => {
    const limiter = createRateLimiter(await make());
    const r = rule(1, 5_000);
    expect((await limiter.check(r, 'a')).allowed).toBe(true);
    expect((await limiter.check(r, 'b')).allowed).toBe(true);
    expect((await limiter.check({ ...r, name: 'other' }, 'a')).allowed).toBe(true);
    expect((await limiter.check(r, 'a')).allowed).toBe(false);
  });

  it('opens a new window once the old one ends', async () => {
    const limiter = createRateLimiter(await make());
    const r = rule(2, 200);
    await limiter.check(r, 'x');
    await limiter.check(r, 'x');
    expect((await limiter.check(r, 'x')).allowed).toBe(false);
    await sleep(260);
    expect((await limiter.check(r, 'x')).allowed).toBe(true);
  });

  it('reset forgets a subject', async () => {
    const limiter = createRateLimiter(await make());
    const r = rule(1, 5_000);
    await limiter.check(r, 'u');
    expect((await limiter.check(r, 'u')).allowed).toBe(false);
    await limiter.reset(r, 'u');
    expect((await limiter.check(r, 'u')).allowed).toBe(true);
  });

  it('counts concurrent hits exactly (no lost updates)', async () => {
    const limiter = createRateLimiter(await make());
    const r = rule(50, 5_000);
    const decisions = await Promise.all(Array.from({ length: 80 }, () => limiter.check(r, 'burst')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
  });

  it('checks several rules in one call, each counted as a single check would be', async () => {
    const limiter = createRateLimiter(await make());
    const address = rule(3, 5_000);
    const user = { ...rule(2, 5_000), name: 'user' };
    const rounds = [];
    for (let i = 0; i < 3; i++) {
      rounds.push(
        (
          await limiter.checkAll([
            [address, '10.0.0.1'],
            [user, 'asha'],
          ])
        ).map((d) => d.allowed),
      );
    }
    expect(rounds).toEqual([
      [true, true],
      [true, true],
      [true, false],
    ]);
    expect((await limiter.check(address, '10.0.0.1')).allowed).toBe(false);
    expect(await limiter.checkAll([])).toEqual([]);
  });

  it('refuses a nonsensical window', async () => {
    const store = await make();
    await expect(store.hit('k', 0)).rejects.toThrow(RangeError);
  });
});

describe('rate limiting details', () => {
  it('Retry-After is the rest of the window, rounded up to whole seconds', () => {
    expect(decide(rule(1, 60_000), { count: 2, resetInMs: 1_200 }).retryAfterSeconds).toBe(2);
    expect(decide(rule(1, 60_000), { count: 2, resetInMs: 10 }).retryAfterSeconds).toBe(1);
    expect(decide(rule(1, 60_000), { count: 1, resetInMs: 10 }).retryAfterSeconds).toBe(0);
  });

  it('memory windows follow the injected clock', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(createMemoryRateLimitStore(clock.now));
    const r = rule(1, 60_000);
    await limiter.check(r, 'a');
    clock.advance(45_000);
    expect((await limiter.check(r, 'a')).retryAfterSeconds).toBe(15);
    clock.advance(15_000);
    expect((await limiter.check(r, 'a')).allowed).toBe(true);
  });

  it('Redis windows are shared by instances and keys carry an expiry', async () => {
    await portalRedis.client().flushdb();
    const other = createPortalRedis(portalRedis.url(), { commandTimeoutMs: 5000 });
    await whenReady(other);
    const a = createRateLimiter(createRedisRateLimitStore(portalRedis.client(), 'shared:'));
    const b = createRateLimiter(createRedisRateLimitStore(other, 'shared:'));
    const r = rule(2, 10_000);
    await a.check(r, 'ip');
    await b.check(r, 'ip');
    expect((await a.check(r, 'ip')).allowed).toBe(false);
    const keys = await portalRedis.client().keys('shared:*');
    expect(keys).toHaveLength(1);
    expect(await portalRedis.client().pttl(keys[0] ?? '')).toBeGreaterThan(0);
    other.disconnect();
  });

  it('falls back to counting in memory while Redis is down, without errors', async () => {
    const own = await startTestRedis();
    const conn = createPortalRedis(own.url, { commandTimeoutMs: 5000 });
    await whenReady(conn);
    const limiter = createRateLimiter(createResilientRateLimitStore(createRedisRateLimitStore(conn, 'f:')));
    const r = rule(2, 10_000);
    expect((await limiter.check(r, 'ip')).allowed).toBe(true);
    await own.kill();
    const during = [await limiter.check(r, 'ip'), await limiter.check(r, 'ip'), await limiter.check(r, 'ip')];
    expect(during.map((d) => d.allowed)).toEqual([true, true, false]);
    conn.disconnect();
    await own.stop();
  });
});
