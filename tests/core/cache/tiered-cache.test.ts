import { Redis } from 'ioredis';
import { createTieredCache, FIRST_TIER_DEFAULTS } from '../../../electron/core/cache/create-cache';
import { REDIS_TIMEOUT_DEFAULTS } from '../../../electron/core/cache/redis-options';
import type { TieredCache } from '../../../electron/core/cache/tiered-cache';
import type { RedisClient, RedisTarget } from '../../../electron/core/cache/topology';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { TOPOLOGIES, useTopology } from '../../helpers/redis-topology';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

function tiered(
  where: number | RedisTarget,
  extra: Partial<Parameters<typeof createTieredCache>[0]> = {},
): TieredCache {
  const target: RedisTarget =
    typeof where === 'number'
      ? {
          address: { host: '127.0.0.1', port: where, db: 0, username: null, password: null, tls: false },
          topology: { kind: 'single' },
        }
      : where;
  return createTieredCache({
    address: target.address,
    topology: target.topology,
    shardedPubSub: target.topology.kind === 'cluster',
    // Generous on a loaded CI machine; the hung-server test sets the real 50 ms default.
    timeouts: { ...REDIS_TIMEOUT_DEFAULTS, commandTimeoutMs: 250, maxReconnectDelayMs: 100 },
    prefix: 'tallyconnect:',
    kind: 'redis',
    defaultTtlSeconds: 300,
    memory: { maxEntries: 1000, maxBytes: 10_000_000 },
    firstTier: { ...FIRST_TIER_DEFAULTS, ttlSeconds: 30 },
    healthCheckMs: 50,
    ...extra,
  });
}

async function healthy(cache: TieredCache): Promise<void> {
  expect(await cache.whenHealthy(5_000)).toBe(true);
  await vi.waitFor(() => expect(cache.state.firstTier).toBe(true), { timeout: 5_000 });
}

describe.each(TOPOLOGIES)('TieredCache: two tiers and pub/sub (real redis-server: %s)', (kind) => {
  const topology = useTopology(kind);
  let raw: RedisClient;
  const open: TieredCache[] = [];

  beforeAll(() => {
    raw = topology.raw();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await topology.flush();
  });

  it('serves repeat reads from the first tier and writes through to Redis', async () => {
    const cache = tiered(topology.target());
    open.push(cache);
    await healthy(cache);
    await cache.set('dashboard:G:1:2025-26', { n: 1 });
    expect(await raw.get('tallyconnect:dashboard:G:1:2025-26')).toBe(
      '{"tc":1,"k":"dashboard:G:1:2025-26","v":{"n":1}}',
    );
    expect(await cache.get('dashboard:G:1:2025-26')).toEqual({ n: 1 });
    expect(cache.firstTierHits).toBe(1);
    const stats = await cache.stats();
    expect(stats).toMatchObject({ backend: 'redis', hits: 1, keyCount: 1 });
  });

  it('two instances sharing one server never serve each other stale data', async () => {
    const a = tiered(topology.target());
    const b = tiered(topology.target());
    open.push(a, b);
    await Promise.all([healthy(a), healthy(b)]);

    await a.set('companies:all:synced', ['v1']);
    // b keeps a copy in its first tier (once a's own invalidation message has reached it).
    await vi.waitFor(async () => {
      expect(await b.get('companies:all:synced')).toEqual(['v1']);
      expect(b.firstTierHits).toBeGreaterThan(0);
    });

    await a.set('companies:all:synced', ['v2']);
    await vi.waitFor(async () => expect(await b.get('companies:all:synced')).toEqual(['v2']), {
      timeout: 2_000,
    });

    await b.get('companies:all:synced');
    await a.clearPattern('companies:*');
    await vi.waitFor(async () => expect(await b.get('companies:all:synced')).toBeUndefined(), {
      timeout: 2_000,
    });

    await a.set('x', 1);
    expect(await b.get('x')).toBe(1);
    await a.clearAll();
    await vi.waitFor(async () => expect(await b.get('x')).toBeUndefined(), { timeout: 2_000 });
    await a.set('y', 1);
    expect(await b.get('y')).toBe(1);
    await a.delete('y');
    await vi.waitFor(async () => expect(await b.get('y')).toBeUndefined(), { timeout: 2_000 });
  });

  it('single-flight across the tiers: concurrent misses run the loader once', async () => {
    const cache = tiered(topology.target());
    open.push(cache);
    await healthy(cache);
    let calls = 0;
    const loader = async (): Promise<number> => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return 7;
    };
    const all = await Promise.all(Array.from({ length: 8 }, () => cache.getOrCompute('k', 60, loader)));
    expect(calls).toBe(1);
    expect(all.map((r) => r.value)).toEqual(Array(8).fill(7));
    expect((await cache.getOrCompute('k', 60, loader)).hit).toBe(true);
    expect(await raw.pttl('tallyconnect:k')).toBeGreaterThan(59_000);
  });

  it('refuses non-JSON values with the same error as the other backends', async () => {
    const cache = tiered(topology.target());
    open.push(cache);
    await expect(cache.set('k', { big: 1n })).rejects.toMatchObject({
      code: 'CACHE',
      details: { key: 'k', path: '$.big' },
    });
  });
});

describe('TieredCache: faults', () => {
  let server: TestRedis;
  let proxy: TcpProxy;
  let raw: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    proxy = await startTcpProxy(server.port);
    raw = new Redis(server.port, '127.0.0.1', { lazyConnect: true });
  });
  afterAll(async () => {
    raw.disconnect();
    await proxy.close();
    await server.stop();
  });

  it('starts on memory when Redis is down and switches to Redis when it appears', async () => {
    proxy.cut();
    const cache = tiered(proxy.port);
    try {
      await cache.set('k', 1);
      expect(await cache.get('k')).toBe(1);
      expect((await cache.stats()).backend).toBe('memory');
      proxy.heal();
      await healthy(cache);
      // The memory copy is dropped on switching: Redis is the one source of truth again.
      expect(await cache.get('k')).toBeUndefined();
      expect((await cache.stats()).backend).toBe('redis');
    } finally {
      await cache.close();
    }
  });

  it('replays invalidations missed during an outage before trusting Redis again (data kept)', async () => {
    const cache = tiered(proxy.port);
    const peer = tiered(proxy.port);
    try {
      await Promise.all([healthy(cache), healthy(peer)]);
      await cache.set('dashboard:G:1:2025-26', 'old');
      await cache.set('companies:all:synced', ['old']);
      await cache.set('ledger:G:1:L:a:b', 'old');
      expect(await peer.get('companies:all:synced')).toEqual(['old']);

      proxy.cut();
      expect(await cache.clearPattern('dashboard:G:*')).toBe(0); // Redis unreachable: journaled
      await cache.set('companies:all:synced', ['new']); // journaled as a key invalidation
      expect(await cache.get('companies:all:synced')).toEqual(['new']);
      expect(cache.state).toMatchObject({ healthy: false, pendingInvalidations: 2 });
      // The server kept the old values meanwhile.
      await raw.connect();
      expect(await raw.get('tallyconnect:dashboard:G:1:2025-26')).toBe(
        '{"tc":1,"k":"dashboard:G:1:2025-26","v":"old"}',
      );

      proxy.heal();
      await healthy(cache);
      expect(cache.state.pendingInvalidations).toBe(0);
      expect(await cache.get('dashboard:G:1:2025-26')).toBeUndefined();
      expect(await cache.get('companies:all:synced')).toBeUndefined();
      expect(await cache.get('ledger:G:1:L:a:b')).toBe('old');
      // The peer's first tier heard the replayed invalidations too.
      await healthy(peer);
      await vi.waitFor(async () => expect(await peer.get('companies:all:synced')).toBeUndefined(), {
        timeout: 2_000,
      });
    } finally {
      raw.disconnect();
      await Promise.all([cache.close(), peer.close()]);
    }
  });

  it('a hung server costs one command timeout per call, then calls go straight to memory', async () => {
    const cache = tiered(proxy.port, {
      timeouts: { ...REDIS_TIMEOUT_DEFAULTS, maxReconnectDelayMs: 100 },
    });
    try {
      await healthy(cache);
      await cache.set('k', 'redis');
      proxy.hang();
      const started = performance.now();
      expect(await cache.get('other')).toBeUndefined(); // times out → served by memory
      const firstCall = performance.now() - started;
      // Bounded by the command timeout (50 ms), not by ioredis's defaults (which would wait forever).
      expect(firstCall).toBeLessThan(1_000);
      expect(cache.state.healthy).toBe(false);
      await cache.set('m', 'memory');
      expect(await cache.get('m')).toBe('memory');
      const stats = await cache.stats();
      expect(stats.errors).toBeGreaterThanOrEqual(1);
      expect(stats.fallbacks).toBeGreaterThanOrEqual(2);
      proxy.heal();
      await healthy(cache);
      expect(await cache.get('k')).toBe('redis');
      expect(await cache.get('m')).toBeUndefined(); // journaled set dropped Redis's copy (there was none)
    } finally {
      await cache.close();
    }
  });
});

/**
 * Four workers, each owning its keys (so "the latest version" is exact for a sequential check), read,
 * delete and clear through `cache` while `disrupt` runs. Counts calls that failed and reads that served
 * a value older than the last invalidation of its key.
 */
let workloadRuns = 0;

async function workload(
  cache: TieredCache,
  disrupt: () => Promise<void>,
): Promise<{ failures: number; stale: number; calls: number }> {
  // Keys of earlier runs may still be cached: each run has its own version segment.
  const run = ++workloadRuns;
  const truth = new Map<string, number>();
  let failures = 0;
  let stale = 0;
  let calls = 0;
  let stop = false;
  const worker = async (id: number): Promise<void> => {
    let i = 0;
    while (!stop) {
      // One company per worker: its keys share a slot in a Cluster, as the app's keys do.
      const key = `report:{G${id}}:${run}:k${i % 5}`;
      try {
        if (i % 7 === 3) {
          truth.set(key, (truth.get(key) ?? 0) + 1);
          await cache.delete(key);
        } else if (i % 11 === 5) {
          truth.set(key, (truth.get(key) ?? 0) + 1);
          await cache.clearPattern(`report:{G${id}}:*`);
          for (let j = 0; j < 5; j++) {
            const k = `report:{G${id}}:${run}:k${j}`;
            if (k !== key) truth.set(k, (truth.get(k) ?? 0) + 1);
          }
        } else {
          const expected = truth.get(key) ?? 0;
          const { value } = await cache.getOrCompute(key, 60, () => ({ v: truth.get(key) ?? 0 }));
          if (value.v !== expected) stale++;
        }
      } catch {
        failures++;
      }
      calls++;
      i++;
      // Bounded load: a few thousand calls a second, not a busy loop.
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  try {
    await new Promise((r) => setTimeout(r, 300));
    await disrupt();
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    stop = true;
    await Promise.all(workers);
  }
  return { failures, stale, calls };
}

describe('TieredCache: redis-server killed and restarted during a workload', () => {
  it('no failed call and no stale read', async () => {
    const server = await startTestRedis();
    const cache = tiered(server.port);
    const peer = tiered(server.port);
    try {
      await Promise.all([healthy(cache), healthy(peer)]);
      const outcome = await workload(cache, async () => {
        await server.kill();
        await new Promise((r) => setTimeout(r, 300));
        expect(cache.state.healthy).toBe(false);
        await server.restart();
        await healthy(cache);
      });
      expect(outcome).toMatchObject({ failures: 0, stale: 0 });
      expect(outcome.calls).toBeGreaterThan(100);
      const stats = await cache.stats();
      expect(stats.fallbacks).toBeGreaterThan(0);
      expect(stats.backend).toBe('redis');
      // The peer reconnected too and serves nothing stale from its first tier.
      await healthy(peer);
    } finally {
      await Promise.all([cache.close(), peer.close()]);
      await server.stop();
    }
  });
});

describe('TieredCache: Sentinel failover during a workload', () => {
  const topology = useTopology('sentinel', { failover: true });

  it('SENTINEL FAILOVER, then the master killed: no failed call, no stale read, back on the new master', async () => {
    const sentinel = topology.sentinel!;
    const cache = tiered(topology.target());
    try {
      await healthy(cache);
      const first = await sentinel.masterPort();
      expect(cache.state.nodes).toEqual([{ address: `127.0.0.1:${first}`, role: 'master' }]);

      const graceful = await workload(cache, async () => {
        const promoted = await sentinel.failover();
        await vi.waitFor(() => expect(cache.state.nodes[0]?.address).toBe(`127.0.0.1:${promoted}`), {
          timeout: 15_000,
        });
        await healthy(cache);
      });
      expect(graceful).toMatchObject({ failures: 0, stale: 0 });
      expect(cache.state.serverChanges).toBe(1);

      const crash = await workload(cache, async () => {
        const { newPort } = await sentinel.killMaster();
        await vi.waitFor(() => expect(cache.state.nodes[0]?.address).toBe(`127.0.0.1:${newPort}`), {
          timeout: 15_000,
        });
        await healthy(cache);
      });
      expect(crash).toMatchObject({ failures: 0, stale: 0 });
      expect(crash.calls).toBeGreaterThan(100);
      expect(cache.state.serverChanges).toBe(2);
      expect((await cache.stats()).backend).toBe('redis');
    } finally {
      await cache.close();
    }
  }, 60_000);
});

describe('TieredCache: a Cluster node lost during a workload', () => {
  const topology = useTopology('cluster');

  it('no failed call and no stale read while a master is down; back on Redis once it returns', async () => {
    const cluster = topology.cluster!;
    const cache = tiered(topology.target());
    try {
      await healthy(cache);
      const victim = cluster.nodes[1]!.port;
      const outcome = await workload(cache, async () => {
        await cluster.kill(victim);
        await vi.waitFor(() => expect(cache.state.healthy).toBe(false), { timeout: 10_000 });
        await new Promise((r) => setTimeout(r, 300));
        await cluster.revive(victim);
        await healthy(cache);
      });
      expect(outcome).toMatchObject({ failures: 0, stale: 0 });
      expect(outcome.calls).toBeGreaterThan(100);
      const stats = await cache.stats();
      expect(stats.fallbacks).toBeGreaterThan(0);
      expect(stats.backend).toBe('redis');
    } finally {
      await cache.close();
    }
  }, 60_000);
});
