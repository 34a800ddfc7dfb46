import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATION_NAMES } from '../../../shared/contract';
import { CacheManager } from '../../../electron/core/cache/manager';
import { createSettingsStore } from '../../../electron/core/config/settings';
import { cacheHandlers } from '../../../electron/core/service/cache-handlers';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import { settingsHandlers } from '../../../electron/core/service/settings-handlers';
import type { HandlerMap } from '../../../electron/core/service/types';

const desktop = { caller: 'test', user: null } as const;

describe('settings store and handlers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function setup(env: Record<string, string> = {}) {
    const settings = createSettingsStore({ dataDir: dir, env: { REDIS_ENABLED: 'false', ...env } });
    const loaded = settings.current();
    const cache = await CacheManager.create({
      config: loaded.config.cache,
      configErrors: loaded.errors,
      deps: { platform: 'linux', probe: async () => ({ ok: false, error: 'refused' }) },
      autoRedetectMs: 0,
    });
    settings.onChange((next) => cache.reconfigure(next.config.cache, next.errors).then(() => undefined));
    const handlers = { ...settingsHandlers({ settings }), ...cacheHandlers({ cache }) };
    const complete = Object.fromEntries(
      OPERATION_NAMES.map((name) => [name, (handlers as Partial<HandlerMap>)[name] ?? (async () => null)]),
    ) as HandlerMap;
    return { settings, cache, dispatch: createDispatcher(complete) };
  }

  it('settings.get reads .env and the environment; the Redis password never leaves', async () => {
    writeFileSync(
      join(dir, '.env'),
      'TALLY_HOST=tally.local\nREDIS_URL=redis://:topsecret@10.0.0.9:6379/1\n',
    );
    const { dispatch, cache } = await setup();
    const got = await dispatch('settings.get', {}, desktop);
    expect(got.ok && got.data).toMatchObject({
      tallyHost: 'tally.local',
      tallyPort: 9000,
      autoSyncMinutes: 0,
      language: 'en',
      cache: { redisEnabled: 'false', redisUrl: 'redis://:***@10.0.0.9:6379/1', keyPrefix: 'tallyconnect:' },
      portal: { enabled: false },
    });
    expect(JSON.stringify(got)).not.toContain('topsecret');
    await cache.close();
  });

  it('settings.update writes .env atomically, keeping comments and unknown lines, and reloads', async () => {
    writeFileSync(
      join(dir, '.env'),
      '# my notes\nCUSTOM_THING=1\nTALLY_PORT=9000\nREDIS_URL=redis://:pw@h:6379\n',
    );
    const { dispatch, settings, cache } = await setup();
    const seen: number[] = [];
    settings.onChange((next) => void seen.push(next.config.tally.port));
    const updated = await dispatch(
      'settings.update',
      {
        tallyPort: 9100,
        autoSyncMinutes: 15,
        language: 'hi',
        cache: { ttls: { dashboard: 90 }, redisUrl: 'redis://:***@h:6379' },
        portal: { enabled: true, port: 5000 },
      },
      desktop,
    );
    expect(updated.ok, JSON.stringify(updated)).toBe(true);
    const text = readFileSync(join(dir, '.env'), 'utf8');
    expect(text).toBe(
      '# my notes\nCUSTOM_THING=1\nTALLY_PORT=9100\nREDIS_URL=redis://:pw@h:6379\nAUTO_SYNC_MINUTES=15\nLANGUAGE=hi\n' +
        'CACHE_TTL_DASHBOARD=90\nPORTAL_ENABLED=true\nPORTAL_PORT=5000\n',
    );
    expect(seen).toEqual([9100]);
    expect(settings.current().config.cache.ttls.dashboard).toBe(90);
    expect(cache.ttlFor('dashboard')).toBe(90);
    await cache.close();
  });

  it('refuses bad values with a CONFIG error naming the setting, writing nothing', async () => {
    const { dispatch, cache } = await setup();
    const bad = await dispatch('settings.update', { tallyHost: 'http://tally:9000' }, desktop);
    expect(bad).toMatchObject({ ok: false, error: { code: 'CONFIG', details: { field: 'TALLY_HOST' } } });
    expect(!bad.ok && bad.error.message).toContain('TALLY_HOST="http://tally:9000"');
    const url = await dispatch('settings.update', { cache: { redisUrl: 'http://nope' } }, desktop);
    expect(url).toMatchObject({ ok: false, error: { code: 'CONFIG' } });
    const ttl = await dispatch('settings.update', { cache: { ttls: { bogus: 10 } } }, desktop);
    expect(!ttl.ok && ttl.error.message).toContain('cache.ttls.bogus');
    const schema = await dispatch('settings.update', { tallyPort: 70000 }, desktop);
    expect(schema).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(() => readFileSync(join(dir, '.env'))).toThrow();
    await cache.close();
  });

  it('refuses to change a variable the environment overrides, and portal users entirely', async () => {
    const { dispatch, cache } = await setup({ TALLY_PORT: '9000' });
    const locked = await dispatch('settings.update', { tallyPort: 9001 }, desktop);
    expect(!locked.ok && locked.error.message).toContain('TALLY_PORT is set in the environment');
    const portalUser = {
      caller: 'http' as const,
      user: {
        id: 1,
        username: 'clerk',
        displayName: 'Clerk',
        role: 'staff',
        companyGuids: [],
        disabled: false,
      },
    };
    const forbidden = await dispatch('settings.update', { language: 'mr' }, portalUser as never);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await cache.close();
  });

  it('cache options apply at once: switching REDIS_ENABLED re-detects', async () => {
    const settings = createSettingsStore({ dataDir: dir, env: {} });
    const manager = await CacheManager.create({
      config: settings.current().config.cache,
      configErrors: [],
      deps: { platform: 'linux', probe: async () => ({ ok: false, error: 'refused' }) },
      autoRedetectMs: 0,
    });
    settings.onChange((next) => manager.reconfigure(next.config.cache, next.errors).then(() => undefined));
    expect(manager.detection.mode).toBe('auto');
    await settings.update({ cache: { redisEnabled: 'false' } });
    expect(manager.detection).toMatchObject({ mode: 'false', backend: 'memory' });
    await manager.close();
  });

  it('cache handlers: keys paging, bad cursor, clear company validation', async () => {
    const { dispatch, cache } = await setup();
    await cache.set('dashboard:{G1}:1:2025-26', 1);
    const page = await dispatch('cache.keys', { count: 10 }, desktop);
    expect(page.ok && page.data.keys.map((k) => k.key)).toEqual(['dashboard:{G1}:1:2025-26']);
    const bad = await dispatch('cache.keys', { cursor: 'abc' }, desktop);
    // A bad cursor is the caller's mistake (VALIDATION), never a cache fault.
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'cursor' } } });
    const empty = await dispatch('cache.clearCompany', { companyGuid: '' }, desktop);
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const cleared = await dispatch('cache.clearCompany', { companyGuid: 'G1' }, desktop);
    expect(cleared).toEqual({ ok: true, data: { deleted: 1 } });
    const status = await dispatch('cache.status', {}, desktop);
    expect(status.ok && status.data.detection.backend).toBe('memory');
    const redetect = await dispatch('cache.redetect', {}, desktop);
    expect(redetect.ok && redetect.data.mode).toBe('false');
    await cache.close();
  });
});
