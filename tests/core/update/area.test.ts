import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATION_NAMES } from '../../../shared/contract';
import type { AppEvents } from '../../../shared/contract';
import type { PortalUser } from '../../../shared/types/portal';
import { createSettingsStore } from '../../../electron/core/config/settings';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { HandlerMap } from '../../../electron/core/service/types';
import { createUpdateArea } from '../../../electron/core/update/area';
import type { UpdateEngine } from '../../../electron/core/update/engine';

const desktop = { caller: 'ipc', user: null } as const;
const owner: PortalUser = {
  username: 'owner',
  displayName: 'Owner',
  role: 'owner',
  companies: [],
  disabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('update area (update.* operations over the settings store)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-update-area-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setUp(env: Record<string, string> = {}, engine: UpdateEngine | null = null) {
    const settings = createSettingsStore({ dataDir: dir, env });
    const events = createEventBus();
    const seen: AppEvents['update.status'][] = [];
    events.on('update.status', (s) => seen.push(s));
    const feeds: string[] = [];
    const area = createUpdateArea({
      engine: engine ?? {
        setFeed: (url) => feeds.push(url),
        check: async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }),
        download: async () => [],
        onProgress: () => () => undefined,
        quitAndInstall: () => undefined,
        installOnQuit: () => false,
      },
      currentVersion: '0.1.0',
      settings,
      events,
      logger: silentLogger,
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
    const complete = Object.fromEntries(
      OPERATION_NAMES.map((name) => [
        name,
        (area.handlers as Partial<HandlerMap>)[name] ?? (async () => null),
      ]),
    ) as HandlerMap;
    return { area, seen, feeds, dispatch: createDispatcher(complete) };
  }

  it('is off until the feed is set in Settings; setting it writes UPDATE_FEED_URL to .env and turns updates on', async () => {
    const { dispatch, seen, feeds, area } = setUp();
    expect(await dispatch('update.status', {}, desktop)).toMatchObject({
      ok: true,
      data: { phase: 'disabled', disabledReason: 'no-feed', currentVersion: '0.1.0' },
    });
    const set = await dispatch('update.configure', { feedUrl: ' https://updates.example.in/tc/ ' }, desktop);
    expect(set).toMatchObject({
      ok: true,
      data: { phase: 'idle', feedUrl: 'https://updates.example.in/tc/', feedSource: 'settings' },
    });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toContain(
      'UPDATE_FEED_URL=https://updates.example.in/tc/',
    );
    expect(feeds).toEqual(['https://updates.example.in/tc/']);
    expect(seen.at(-1)?.phase).toBe('idle');
    expect(await dispatch('update.check', {}, desktop)).toMatchObject({
      ok: true,
      data: { phase: 'up-to-date' },
    });
    // Clearing it switches updates off again and removes the line.
    await dispatch('update.configure', { feedUrl: '' }, desktop);
    expect(readFileSync(join(dir, '.env'), 'utf8')).not.toContain('UPDATE_FEED_URL');
    expect(area.policy.status()).toMatchObject({ phase: 'disabled', feedUrl: '' });
    area.close();
  });

  it('refuses an insecure or malformed feed address, naming the field', async () => {
    const { dispatch, area } = setUp();
    for (const feedUrl of ['http://updates.example.in/', 'ftp://x/', 'not a url', 'https://user:pw@x.in/']) {
      const answer = await dispatch('update.configure', { feedUrl }, desktop);
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // http is allowed on this computer only (a local test feed).
    expect((await dispatch('update.configure', { feedUrl: 'http://127.0.0.1:8080/' }, desktop)).ok).toBe(
      true,
    );
    area.close();
  });

  it('a feed from the environment is shown as such and cannot be changed from Settings', async () => {
    const { dispatch, area } = setUp({ UPDATE_FEED_URL: 'https://it.example.in/tc/' });
    expect(area.policy.status()).toMatchObject({
      feedUrl: 'https://it.example.in/tc/',
      feedSource: 'environment',
    });
    const refused = await dispatch('update.configure', { feedUrl: 'https://other.example.in/' }, desktop);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIG' } });
    expect(!refused.ok && refused.error.message).toContain('UPDATE_FEED_URL is set in the environment');
    area.close();
  });

  it('a bad address in .env or the environment is reported and leaves updates off', () => {
    const settings = createSettingsStore({ dataDir: dir, env: { UPDATE_FEED_URL: 'http://evil.example/' } });
    expect(settings.current().errors.map((e) => e.variable)).toEqual(['UPDATE_FEED_URL']);
    expect(settings.current().config.updates.feedUrl).toBe('');
  });

  it('refuses portal callers (even owners) to check, install or configure, below the portal guard too', async () => {
    const { dispatch, area } = setUp();
    const portal = { caller: 'http', user: owner } as const;
    expect((await dispatch('update.status', {}, portal)).ok).toBe(true);
    for (const [operation, input] of [
      ['update.check', {}],
      ['update.install', { when: 'now' }],
      ['update.configure', { feedUrl: '' }],
    ] as const) {
      expect(await dispatch(operation, input as never, portal)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    area.close();
  });

  it('update.install without a downloaded update answers NOT_FOUND; a bad answer is a VALIDATION error', async () => {
    const { dispatch, area } = setUp();
    expect(await dispatch('update.install', { when: 'now' }, desktop)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('update.install', { when: 'tomorrow' } as never, desktop)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    area.close();
  });

  it('without an engine (serve, CLI) updates are off, but the configured address is still shown', async () => {
    const settings = createSettingsStore({
      dataDir: dir,
      env: { UPDATE_FEED_URL: 'https://it.example.in/tc/' },
    });
    const area = createUpdateArea({
      engine: null,
      noEngineReason: 'not-desktop',
      currentVersion: '0.1.0',
      settings,
      events: createEventBus(),
      logger: silentLogger,
    });
    expect(area.policy.status()).toMatchObject({
      phase: 'disabled',
      disabledReason: 'not-desktop',
      feedUrl: 'https://it.example.in/tc/',
    });
    expect((await area.policy.check()).phase).toBe('disabled');
    area.close();
  });
});
