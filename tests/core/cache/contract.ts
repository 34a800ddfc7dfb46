/**
 * One behaviour every cache backend owes the report service, run against each of them (memory, Redis,
 * the two-tier cache in front of Redis, and the two-tier cache with Redis unreachable): a new backend
 * passes these tests before it is used. What only one backend does (LRU bounds, SET PX on the wire,
 * pub/sub between processes, fail-over) stays in that backend's own test file.
 */
import type { Cache } from '../../../electron/core/cache/cache';

export interface CacheUnderTest {
  /** A fresh, empty cache with a default TTL of 300 s. */
  open(): Promise<Cache>;
  /** Ends what open() started beyond the cache itself (servers, clients). */
  close?(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function cacheContract(name: string, setup: () => CacheUnderTest): void {
  describe(`cache contract: ${name}`, () => {
    const subject = setup();
    let cache: Cache;

    beforeEach(async () => {
      cache = await subject.open();
    });
    afterEach(async () => {
      await cache.clearAll();
      await cache.close();
    });
    afterAll(async () => {
      await subject.close?.();
    });

    it('sets, gets, tells has and ttl, deletes', async () => {
      await cache.set('dashboard:G:1:2025-26', { total: 12_345, rows: [1, 2] }, 30);
      expect(await cache.get('dashboard:G:1:2025-26')).toEqual({ total: 12_345, rows: [1, 2] });
      expect(await cache.has('dashboard:G:1:2025-26')).toBe(true);
      const ttl = await cache.ttl('dashboard:G:1:2025-26');
      expect(ttl).toBeGreaterThan(25_000);
      expect(ttl).toBeLessThanOrEqual(30_000);
      expect(await cache.delete('dashboard:G:1:2025-26')).toBe(true);
      expect(await cache.delete('dashboard:G:1:2025-26')).toBe(false);
      expect(await cache.get('dashboard:G:1:2025-26')).toBeUndefined();
      expect(await cache.has('dashboard:G:1:2025-26')).toBe(false);
      expect(await cache.ttl('dashboard:G:1:2025-26')).toBeNull();
    });

    it('uses the default TTL when none is given', async () => {
      await cache.set('k', 1);
      const ttl = await cache.ttl('k');
      expect(ttl).toBeGreaterThan(290_000);
      expect(ttl).toBeLessThanOrEqual(300_000);
    });

    it('keeps null and falsy values apart from a miss', async () => {
      for (const [key, value] of [
        ['n', null],
        ['z', 0],
        ['f', false],
        ['s', ''],
      ] as const) {
        await cache.set(key, value);
        expect(await cache.get(key)).toBe(value);
        expect(await cache.has(key)).toBe(true);
      }
    });

    it('hands out a frozen copy: neither the caller nor the writer can change what the next get reads', async () => {
      const original = { rows: [{ amount: 100 }] };
      await cache.set('k', original);
      original.rows[0]!.amount = 999;
      const first = await cache.get<{ rows: { amount: number }[] }>('k');
      expect(() => {
        first!.rows[0]!.amount = 5;
      }).toThrow(TypeError);
      expect(() => first!.rows.push({ amount: 1 })).toThrow(TypeError);
      expect(await cache.get('k')).toEqual({ rows: [{ amount: 100 }] });
    });

    it('refuses values that are not JSON and TTLs that are not positive, storing nothing', async () => {
      await expect(cache.set('k', { d: new Date() })).rejects.toMatchObject({ code: 'CACHE' });
      await expect(cache.set('k', { a: undefined })).rejects.toMatchObject({ code: 'CACHE' });
      await expect(cache.set('k', 1, 0)).rejects.toMatchObject({ code: 'CACHE' });
      await expect(cache.set('k', 1, Number.NaN)).rejects.toMatchObject({ code: 'CACHE' });
      expect(await cache.has('k')).toBe(false);
    });

    it('forgets a value when its TTL runs out', async () => {
      await cache.set('short', 'v', 1);
      await cache.set('long', 'v', 60);
      expect(await cache.get('short')).toBe('v');
      await sleep(1_200);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.has('short')).toBe(false);
      expect(await cache.get('long')).toBe('v');
    });

    it('clears by glob and clears all, counting what it deleted', async () => {
      for (const key of [
        'dashboard:{G1}:1:2025-26',
        'dashboard:{G1}:2:2025-26',
        'dashboard:{G2}:1:2025-26',
        'x',
      ])
        await cache.set(key, 1);
      expect(await cache.clearPattern('dashboard:{G1}:*')).toBe(2);
      expect(await cache.has('dashboard:{G1}:1:2025-26')).toBe(false);
      expect(await cache.has('dashboard:{G2}:1:2025-26')).toBe(true);
      expect(await cache.clearAll()).toBe(2);
      expect(await cache.has('x')).toBe(false);
      expect((await cache.stats()).keyCount).toBe(0);
    });

    it('lists every matching key once, page by page, with its TTL', async () => {
      const wanted = Array.from({ length: 25 }, (_, i) => `ledger:{G}:1:L${i}:2025-04-01:2026-03-31`);
      for (const key of wanted) await cache.set(key, 1, 120);
      await cache.set('outstanding:{G}:1:2026-03-31', 1);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const page = await cache.keys(cursor, 10, 'ledger:*');
        for (const entry of page.keys) {
          seen.push(entry.key);
          expect(entry.ttlMs).toBeGreaterThan(100_000);
        }
        cursor = page.cursor;
        if (cursor === null) break;
      }
      expect(seen.sort()).toEqual([...wanted].sort());
    });

    it('computes a missing value once, then serves it as a hit', async () => {
      let calls = 0;
      const loader = () => {
        calls++;
        return { n: calls };
      };
      expect(await cache.getOrCompute('k', 60, loader)).toEqual({ value: { n: 1 }, hit: false });
      expect(await cache.getOrCompute('k', 60, loader)).toEqual({ value: { n: 1 }, hit: true });
      expect(calls).toBe(1);
    });

    it('runs one loader for concurrent misses of the same key', async () => {
      let calls = 0;
      const loader = async () => {
        calls++;
        await sleep(30);
        return 'v';
      };
      const results = await Promise.all(Array.from({ length: 5 }, () => cache.getOrCompute('k', 60, loader)));
      expect(results.map((r) => r.value)).toEqual(['v', 'v', 'v', 'v', 'v']);
      expect(calls).toBe(1);
    });

    it("passes a loader's error on and caches nothing for it", async () => {
      await expect(
        cache.getOrCompute('k', 60, () => {
          throw new Error('report failed');
        }),
      ).rejects.toThrow('report failed');
      expect(await cache.has('k')).toBe(false);
      expect(await cache.getOrCompute('k', 60, () => 'later')).toEqual({ value: 'later', hit: false });
    });

    it('counts hits and misses in its statistics', async () => {
      const before = await cache.stats();
      await cache.getOrCompute('k', 60, () => 1);
      await cache.getOrCompute('k', 60, () => 1);
      const after = await cache.stats();
      expect(after.misses - before.misses).toBeGreaterThanOrEqual(1);
      expect(after.hits - before.hits).toBeGreaterThanOrEqual(1);
      expect(after.keyCount).toBe(1);
    });
  });
}
