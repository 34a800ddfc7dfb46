import { MemoryBackend } from '../../../electron/core/cache/memory-backend';

function makeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function backend(overrides: Partial<ConstructorParameters<typeof MemoryBackend>[0]> = {}): MemoryBackend {
  return new MemoryBackend({
    maxEntries: 100,
    maxBytes: 1_000_000,
    defaultTtlSeconds: 60,
    sweepIntervalMs: 0,
    ...overrides,
  });
}

// What every backend owes (falsy values, frozen copies, refusals, clearing, paging, single flight) is in
// contract.test.ts; this file holds what only the memory backend does (fake clock, LRU and byte bounds).
describe('MemoryBackend', () => {
  it('gets, sets, deletes and reports has/ttl', async () => {
    const clock = makeClock();
    const cache = backend({ now: clock.now });
    await cache.set('a', { x: 1 }, 10);
    expect(await cache.get('a')).toEqual({ x: 1 });
    expect(await cache.has('a')).toBe(true);
    expect(await cache.ttl('a')).toBe(10_000);
    clock.advance(4_000);
    expect(await cache.ttl('a')).toBe(6_000);
    expect(await cache.delete('a')).toBe(true);
    expect(await cache.delete('a')).toBe(false);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.ttl('a')).toBeNull();
  });

  it('honours the TTL on read, without extending it on access', async () => {
    const clock = makeClock();
    const cache = backend({ now: clock.now });
    await cache.set('k', 'v', 2);
    clock.advance(1_500);
    expect(await cache.get('k')).toBe('v');
    clock.advance(600);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.has('k')).toBe(false);
  });

  it('sweeps expired entries in the background', async () => {
    vi.useFakeTimers();
    try {
      const clock = makeClock();
      const cache = backend({ now: clock.now, sweepIntervalMs: 1_000 });
      await cache.set('k', 'v', 1);
      await cache.set('long', 'v', 100);
      expect(cache.size).toBe(2);
      clock.advance(2_000);
      vi.advanceTimersByTime(1_000);
      expect(cache.size).toBe(1);
      await cache.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('evicts the least recently used entry beyond the entry bound', async () => {
    const cache = backend({ maxEntries: 3 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('c', 3);
    await cache.get('a');
    await cache.set('d', 4);
    expect(await cache.has('b')).toBe(false);
    expect(await cache.has('a')).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('evicts beyond the byte bound and never keeps a value larger than the whole budget', async () => {
    const cache = backend({ maxBytes: 10_000 });
    const chunk = 'x'.repeat(1_500); // about 3 KB each
    for (let i = 0; i < 10; i++) await cache.set(`k${i}`, chunk);
    const { memoryBytes, keyCount } = await cache.stats();
    expect(memoryBytes).toBeLessThanOrEqual(10_000);
    expect(keyCount).toBeLessThan(10);
    expect(await cache.has('k9')).toBe(true);
    await cache.set('huge', 'y'.repeat(20_000));
    expect(await cache.has('huge')).toBe(false);
  });

  it('runs the loader once for concurrent misses (single-flight) and reports hits', async () => {
    const cache = backend();
    let calls = 0;
    const loader = async (): Promise<{ n: number }> => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return { n: 42 };
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrCompute('k', 60, loader)));
    expect(calls).toBe(1);
    expect(results.every((r) => r.hit === false && r.value.n === 42)).toBe(true);
    expect(Object.isFrozen(results[0]!.value)).toBe(true);
    expect(await cache.getOrCompute('k', 60, loader)).toEqual({ value: { n: 42 }, hit: true });
    expect(calls).toBe(1);
    const stats = await cache.stats();
    expect(stats.hits).toBeGreaterThanOrEqual(1);
    expect(stats.hitRate).not.toBeNull();
  });

  it('does not store a load that overlapped an invalidation, and a loader error is not cached', async () => {
    const cache = backend();
    let release: () => void = () => undefined;
    const slow = cache.getOrCompute('k', 60, () => new Promise<string>((r) => (release = () => r('old'))));
    await new Promise((r) => setTimeout(r, 5));
    await cache.clearAll();
    release();
    expect((await slow).value).toBe('old');
    expect(await cache.has('k')).toBe(false);

    await expect(
      cache.getOrCompute('e', 60, () => {
        throw new Error('db down');
      }),
    ).rejects.toThrow('db down');
    expect((await cache.getOrCompute('e', 60, () => 'ok')).value).toBe('ok');
  });

  it('pages keys in order with remaining TTLs', async () => {
    const clock = makeClock();
    const cache = backend({ now: clock.now });
    for (let i = 0; i < 5; i++) await cache.set(`k${i}`, i, 10);
    await cache.set('other', 1, 10);
    const first = await cache.keys(null, 3, 'k*');
    expect(first.keys.map((k) => k.key)).toEqual(['k0', 'k1', 'k2']);
    expect(first.keys[0]!.ttlMs).toBe(10_000);
    const second = await cache.keys(first.cursor, 3, 'k*');
    expect(second.keys.map((k) => k.key)).toEqual(['k3', 'k4']);
    expect(second.cursor).toBeNull();
  });
});
