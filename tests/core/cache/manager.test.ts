import { Redis } from 'ioredis';
import type { AppEvents } from '../../../shared/contract';
import { CacheManager } from '../../../electron/core/cache/manager';
import type { Probe } from '../../../electron/core/cache/probe';
import { probeRedis } from '../../../electron/core/cache/probe';
import { parseInfo } from '../../../electron/core/cache/info';
import { encodeEnvelope } from '../../../electron/core/cache/json-value';
import type { ProcessRunner } from '../../../electron/core/cache/process-runner';
import { loadConfig } from '../../../electron/core/config/config';
import { createEventBus } from '../../../electron/core/events/bus';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { useTopology } from '../../helpers/redis-topology';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

function cacheConfig(env: Record<string, string>) {
  // A generous command timeout: these tests are about switching, not about timeouts.
  const loaded = loadConfig({
    dataDir: '/nonexistent-tc-dir',
    env: { REDIS_COMMAND_TIMEOUT_MS: '250', ...env },
  });
  return { config: loaded.config.cache, configErrors: loaded.errors };
}

function recordEvents() {
  const bus = createEventBus();
  const seen: { event: keyof AppEvents; payload: unknown }[] = [];
  bus.onAny((event, payload) => seen.push({ event, payload }));
  return { bus, seen };
}

const linux = { platform: 'linux' as const, now: () => new Date('2025-06-01T10:00:00Z') };

describe('CacheManager on memory', () => {
  it('starts on memory, reports status with a TTL table and emits events', async () => {
    const { bus, seen } = recordEvents();
    const refused: Probe = async () => ({ ok: false, error: 'connect ECONNREFUSED' });
    const manager = await CacheManager.create({
      ...cacheConfig({ CACHE_TTL_DASHBOARD: '120' }),
      bus,
      deps: { ...linux, probe: refused },
      autoRedetectMs: 0,
    });
    try {
      expect(manager.detection.backend).toBe('memory');
      expect(manager.ttlFor('dashboard')).toBe(120);
      await manager.getOrCompute('dashboard:{G1}:3:2025-26', 120, () => ({ total: 1 }));
      await manager.getOrCompute('dashboard:{G1}:3:2025-26', 120, () => ({ total: 1 }));
      await manager.set('dashboard:{G2}:1:2025-26', { total: 2 });
      await manager.set('companies:all:synced', []);

      const status = await manager.status();
      expect(status.stats).toMatchObject({
        backend: 'memory',
        hits: 1,
        misses: 1,
        hitRate: 0.5,
        keyCount: 3,
      });
      expect(status.redisMemory).toBeNull();
      expect(status.keyPrefix).toBe('tallyconnect:');
      expect(status.firstTier).toBe(false);
      expect(status.ttls).toContainEqual({
        resource: 'dashboard',
        pattern: 'dashboard:{guid}:{alterid}:{fy}:{to}:{as_on}',
        ttlSeconds: 120,
        envVar: 'CACHE_TTL_DASHBOARD',
      });

      expect(await manager.invalidateCompany('G1')).toBe(2); // its dashboard + the company list
      expect(await manager.has('dashboard:{G2}:1:2025-26')).toBe(true);
      // A sync that failed changes only the list's status column: the list alone goes.
      await manager.set('companies:all:synced', []);
      expect(await manager.invalidateCompanyList()).toBe(1);
      expect(await manager.has('companies:all:synced')).toBe(false);
      expect(await manager.has('dashboard:{G2}:1:2025-26')).toBe(true);
      expect(await manager.clearAll()).toBe(1);
      await new Promise((r) => setTimeout(r, 10));
      expect(seen.map((e) => e.event)).toEqual(['cache.status', 'cache.cleared', 'cache.cleared']);
      expect(seen[1]?.payload).toEqual({ scope: 'company', companyGuid: 'G1', deleted: 2 });
      expect(seen[2]?.payload).toEqual({ scope: 'all', companyGuid: null, deleted: 1 });

      const memurai = await manager.startMemurai();
      expect(memurai.started).toBe(false);
      expect(memurai.message).toContain('Windows service');
    } finally {
      await manager.close();
    }
  });
});

describe('CacheManager with a real redis-server', () => {
  let server: TestRedis;
  let proxy: TcpProxy;
  let raw: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    proxy = await startTcpProxy(server.port);
    raw = new Redis(server.port, '127.0.0.1');
  });
  afterAll(async () => {
    raw.disconnect();
    await proxy.close();
    await server.stop();
  });

  it('re-detects and switches memory → Redis without restart, replaying invalidations made on memory', async () => {
    proxy.cut();
    const { bus, seen } = recordEvents();
    const manager = await CacheManager.create({
      ...cacheConfig({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` }),
      bus,
      deps: { ...linux, probe: probeRedis },
      autoRedetectMs: 0,
    });
    try {
      expect(manager.detection.backend).toBe('memory');
      expect(manager.redisUrl()).toBeNull();
      // Left over in Redis from an earlier run; the company was synced while we ran on memory.
      await raw.set(
        'tallyconnect:dashboard:{G1}:3:2025-26',
        encodeEnvelope('dashboard:{G1}:3:2025-26', 'old'),
      );
      await raw.set('tallyconnect:companies:all:synced', encodeEnvelope('companies:all:synced', ['old']));
      await raw.set(
        'tallyconnect:dashboard:{G2}:1:2025-26',
        encodeEnvelope('dashboard:{G2}:1:2025-26', 'keep'),
      );
      await raw.set('someone-else:key', 'keep');
      await manager.invalidateCompany('G1');

      proxy.heal();
      const detection = await manager.redetect();
      expect(detection.backend).toBe('redis');
      expect(manager.redisUrl()).toBe(`redis://127.0.0.1:${proxy.port}/0`);
      expect(await raw.exists('tallyconnect:dashboard:{G1}:3:2025-26')).toBe(0);
      expect(await raw.exists('tallyconnect:companies:all:synced')).toBe(0);
      expect(await manager.get('dashboard:{G2}:1:2025-26')).toBe('keep');

      await manager.set('report:{G2}:1:tb:a', { n: 1 }, 50);
      const status = await manager.status();
      expect(status.detection.backend).toBe('redis');
      expect(status.stats.keyCount).toBe(2);
      expect(status.redisMemory?.usedMemoryHuman).toBeTruthy();
      expect(status.firstTier).toBe(true);
      const page = await manager.keys(null, 100, 'report:*');
      expect(page.keys).toEqual([{ key: 'report:{G2}:1:tb:a', ttlMs: expect.any(Number) }]);
      expect(await manager.clearAll()).toBe(2);
      expect(await raw.get('someone-else:key')).toBe('keep');

      // Redis goes away mid-run: the detection says so, calls keep working, and it comes back by itself.
      proxy.cut();
      await manager.set('k', 1);
      expect(await manager.get('k')).toBe(1);
      await vi.waitFor(() => expect(manager.detection.backend).toBe('memory'));
      expect(manager.detection.reason).toContain('stopped answering');
      proxy.heal();
      await vi.waitFor(() => expect(manager.detection.backend).toBe('redis'), { timeout: 5_000 });
      expect(seen.filter((e) => e.event === 'cache.status').length).toBeGreaterThanOrEqual(3);
    } finally {
      await manager.close();
    }
  });

  it('starts Memurai on Windows through the injected runner, then re-detects and uses it', async () => {
    let started = false;
    const calls: string[] = [];
    const runner: ProcessRunner = async (command, args) => {
      calls.push([command, ...args].join(' '));
      if (command === 'powershell.exe') {
        started = true;
        return { code: 0, stdout: '', stderr: '' };
      }
      const state = args[1] === 'Memurai' ? (started ? '4  RUNNING' : '1  STOPPED') : null;
      return state
        ? {
            code: 0,
            stdout: `SERVICE_NAME: Memurai\r\n        STATE              : ${state}\r\n`,
            stderr: '',
          }
        : { code: 1060, stdout: '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:', stderr: '' };
    };
    // The fake "Memurai" is the test redis-server, answering with Memurai's INFO fields once started.
    const probe: Probe = async (address, budget) => {
      if (!started) return { ok: false, error: 'connect ECONNREFUSED' };
      const real = await probeRedis(address, budget);
      return real.ok ? { ok: true, info: { ...real.info, ...parseInfo('memurai_version:4.1.2') } } : real;
    };
    const manager = await CacheManager.create({
      ...cacheConfig({ REDIS_URL: server.url }),
      deps: { platform: 'win32', runner, probe, now: () => new Date() },
      autoRedetectMs: 0,
    });
    try {
      expect(manager.detection).toMatchObject({ backend: 'memory', memuraiStopped: true });
      const result = await manager.startMemurai();
      expect(result.started).toBe(true);
      expect(result.message).toContain('Using Memurai 4.1.2');
      expect(manager.detection.backend).toBe('memurai');
      expect(calls.some((c) => c.startsWith('powershell.exe'))).toBe(true);
    } finally {
      await manager.close();
    }
  });

  it('reconfigure applies new settings at once (prefix change, then REDIS_ENABLED=false)', async () => {
    const manager = await CacheManager.create({
      ...cacheConfig({ REDIS_URL: server.url }),
      deps: { ...linux, probe: probeRedis },
      autoRedetectMs: 0,
    });
    try {
      expect(manager.detection.backend).toBe('redis');
      const prefixed = cacheConfig({ REDIS_URL: server.url, REDIS_KEY_PREFIX: 'tc2:' });
      await manager.reconfigure(prefixed.config, prefixed.configErrors);
      await manager.set('a', 1);
      expect(await raw.get('tc2:a')).toBe(encodeEnvelope('a', 1));
      const off = cacheConfig({ REDIS_URL: server.url, REDIS_ENABLED: 'false' });
      const detection = await manager.reconfigure(off.config, off.configErrors);
      expect(detection).toMatchObject({ backend: 'memory', mode: 'false' });
      expect(manager.kind).toBe('memory');
    } finally {
      await manager.close();
      await raw.del('tc2:a');
    }
  });
});

describe.each(['sentinel', 'cluster'] as const)('CacheManager configured for %s', (kind) => {
  const topology = useTopology(kind);

  const env = (): Record<string, string> => {
    const t = topology.target().topology;
    const list = (nodes: { host: string; port: number }[]): string =>
      nodes.map((n) => `${n.host}:${n.port}`).join(',');
    if (t.kind === 'sentinel') return { REDIS_SENTINELS: list(t.sentinels), REDIS_SENTINEL_NAME: t.name };
    if (t.kind === 'cluster') return { REDIS_CLUSTER_NODES: list(t.nodes) };
    return {};
  };

  it('detects the servers, says which node answers, clears a company and only our keys', async () => {
    const { bus } = recordEvents();
    const manager = await CacheManager.create({
      ...cacheConfig(env()),
      bus,
      deps: { ...linux, probe: probeRedis },
      autoRedetectMs: 0,
    });
    const targets: unknown[] = [];
    manager.onTargetChange((target) => targets.push(target));
    try {
      expect(manager.detection.backend).toBe('redis');
      expect(manager.detection.address).toMatch(
        kind === 'sentinel' ? /^sentinel tcmaster via 127\.0\.0\.1:/ : /^cluster 127\.0\.0\.1:/,
      );
      expect(manager.redisTarget()?.topology.kind).toBe(kind);
      expect(manager.redisUrl()).toBeNull();

      const raw = topology.raw();
      for (let i = 0; i < 20; i++) await raw.set(`someone-else:${i}`, 'keep');
      await manager.set('dashboard:{G1}:3:2025-26', 1);
      await manager.set('report:{G1}:3:tb:x', 1);
      await manager.set('dashboard:{G2}:1:2025-26', 2);
      await manager.set('companies:all:synced', []);
      expect(await manager.invalidateCompany('G1')).toBe(3);
      expect(await manager.get('dashboard:{G2}:1:2025-26')).toBe(2);

      const status = await manager.status();
      expect(status.stats).toMatchObject({ backend: 'redis', keyCount: 1 });
      expect(status.topology?.kind).toBe(kind);
      expect(status.topology?.nodes.length).toBe(kind === 'cluster' ? 3 : 1);
      expect(status.topology?.nodes.every((n) => n.role === 'master')).toBe(true);
      expect(status.topology?.seeds.length).toBe(3);
      expect(status.topology?.masterName).toBe(kind === 'sentinel' ? 'tcmaster' : null);

      expect(await manager.clearAll()).toBe(1);
      for (let i = 0; i < 20; i++) expect(await raw.get(`someone-else:${i}`)).toBe('keep');

      // Settings switch it off: the portal is told the Redis target is gone.
      const off = cacheConfig({ ...env(), REDIS_ENABLED: 'false' });
      await manager.reconfigure(off.config, off.configErrors);
      expect(targets).toEqual([null]);
      expect(manager.redisTarget()).toBeNull();
    } finally {
      await manager.close();
      await topology.flush();
    }
  });
});
