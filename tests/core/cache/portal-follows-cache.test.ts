import { CacheManager } from '../../../electron/core/cache/manager';
import { probeRedis } from '../../../electron/core/cache/probe';
import { loadConfig } from '../../../electron/core/config/config';
import { createEventBus } from '../../../electron/core/events/bus';
import { createPortal } from '../../../electron/core/portal/portal';
import { FAST_ARGON2 } from '../portal/fixtures';
import { useTopology } from '../../helpers/redis-topology';

describe('the portal follows the cache (real Redis Cluster)', () => {
  const topology = useTopology('cluster');

  it('keeps sessions and sign-in limits in the cluster, moves to memory and back with the settings', async () => {
    const nodes = topology.cluster!.nodes.map((n) => `${n.host}:${n.port}`).join(',');
    const config = (extra: Record<string, string>) => {
      const loaded = loadConfig({
        dataDir: '/nonexistent-tc-dir',
        env: { REDIS_CLUSTER_NODES: nodes, REDIS_COMMAND_TIMEOUT_MS: '1000', ...extra },
      });
      return { config: loaded.config.cache, configErrors: loaded.errors };
    };
    const cache = await CacheManager.create({
      ...config({}),
      deps: { platform: 'linux', now: () => new Date(), probe: probeRedis },
      autoRedetectMs: 0,
    });
    const portal = createPortal({
      dataDir: ':memory:',
      redis: cache.redisTarget(),
      bus: createEventBus(),
      argon2: FAST_ARGON2,
      bindHost: '127.0.0.1',
    });
    cache.onTargetChange((target) => portal.useRedis(target));
    try {
      await portal.ready(10_000);
      expect(portal.status()).toMatchObject({ backend: 'redis', liveUpdates: 'redis', redisRefused: null });
      portal.accounts.save(
        { username: 'asha', displayName: 'Asha', role: 'staff', companies: ['g1'], disabled: false },
        await portal.hasher.hash('s3cret-pass'),
      );
      // Sign-in runs the rate limiter's Lua script over several keys and the session MULTI: one slot.
      const first = await portal.signIn('asha', 's3cret-pass', '10.0.0.2');
      expect((await portal.authenticate(first.token))?.user.username).toBe('asha');
      const keys = [...(await topology.keysPerNode('{tallyconnect-portal}:*')).values()].flat();
      expect(keys.some((k) => k.startsWith('{tallyconnect-portal}:session:'))).toBe(true);
      expect(keys.some((k) => k.startsWith('{tallyconnect-portal}:rl:'))).toBe(true);
      // "Clear cache" does not sign the office out.
      await cache.clearAll();
      expect((await portal.authenticate(first.token))?.user.username).toBe('asha');

      const off = config({ REDIS_ENABLED: 'false' });
      await cache.reconfigure(off.config, off.configErrors);
      expect(portal.status().backend).toBe('memory');

      const on = config({});
      await cache.reconfigure(on.config, on.configErrors);
      expect(portal.status().backend).toBe('redis');
      await portal.ready(10_000);
      // Back on the cluster: the session stored there before is found again.
      expect((await portal.authenticate(first.token))?.user.username).toBe('asha');
    } finally {
      await portal.close();
      await cache.close();
    }
  }, 30_000);
});
