import type { EngineProgress, UpdateEngine } from '../../../electron/core/update/engine';
import { createUpdatePolicy, describeUpdateError } from '../../../electron/core/update/policy';
import type { UpdateStatus } from '../../../shared/types/update';

/** A scripted engine: each check answers the next version (or throws), downloads resolve on demand. */
function fakeEngine(offers: (string | Error | null)[]) {
  const calls: string[] = [];
  let progress: ((p: EngineProgress) => void) | null = null;
  let finishDownload: ((error?: Error) => void) | null = null;
  const engine: UpdateEngine = {
    setFeed: (url) => calls.push(`feed ${url}`),
    async check() {
      calls.push('check');
      const next = offers.shift();
      if (next instanceof Error) throw next;
      if (next === null || next === undefined) return null;
      return { isUpdateAvailable: next !== '0.1.0', updateInfo: { version: next, releaseDate: null } };
    },
    download() {
      calls.push('download');
      return new Promise((resolve, reject) => {
        finishDownload = (error) => (error ? reject(error) : resolve([]));
      });
    },
    onProgress(listener) {
      progress = listener;
      return () => {
        progress = null;
      };
    },
    quitAndInstall: () => calls.push('quitAndInstall'),
    installOnQuit: () => {
      calls.push('installOnQuit');
      return true;
    },
  };
  return {
    engine,
    calls,
    progress: (p: EngineProgress) => progress?.(p),
    finish: (error?: Error) => finishDownload?.(error),
    listening: () => progress !== null,
  };
}

function manualTimers() {
  const pending: { run: () => void; ms: number; id: number }[] = [];
  let next = 1;
  return {
    pending,
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        pending.push({ run, ms, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        const at = pending.findIndex((p) => p.id === id);
        if (at >= 0) pending.splice(at, 1);
      },
    },
    fire() {
      const due = pending.shift();
      due?.run();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const FEED = { url: 'https://updates.example.in/tallyconnect/', source: 'settings' as const };

function setUp(offers: (string | Error | null)[]) {
  const fake = fakeEngine(offers);
  const clock = manualTimers();
  const seen: UpdateStatus[] = [];
  const policy = createUpdatePolicy({
    engine: fake.engine,
    currentVersion: '0.1.0',
    now: () => new Date('2026-12-02T10:00:00Z'),
    timers: clock.timers,
    onChange: (s) => seen.push(s),
    startupDelayMs: 15_000,
    intervalMs: 6 * 3600_000,
  });
  return { fake, clock, seen, policy };
}

describe('update policy', () => {
  it('is off until a feed is configured: nothing is checked, nothing scheduled', async () => {
    const { fake, clock, policy } = setUp(['0.2.0']);
    expect(policy.status()).toMatchObject({ phase: 'disabled', disabledReason: 'no-feed', feedUrl: '' });
    expect(await policy.check()).toMatchObject({ phase: 'disabled' });
    expect(fake.calls).toEqual([]);
    expect(clock.pending).toEqual([]);
  });

  it('without an engine (browser server, CLI, unpackaged app) it stays off and says why', async () => {
    const policy = createUpdatePolicy({
      engine: null,
      noEngineReason: 'not-installed',
      currentVersion: '0.1.0',
    });
    expect(policy.configure(FEED)).toMatchObject({ phase: 'disabled', disabledReason: 'not-installed' });
    expect((await policy.check()).phase).toBe('disabled');
  });

  it('once configured, checks shortly after start and then every few hours', async () => {
    const { fake, clock, policy } = setUp(['0.1.0', '0.1.0']);
    expect(policy.configure(FEED)).toMatchObject({
      phase: 'idle',
      feedUrl: FEED.url,
      feedSource: 'settings',
    });
    expect(fake.calls).toEqual([`feed ${FEED.url}`]);
    expect(clock.pending.map((p) => p.ms)).toEqual([15_000]);
    clock.fire();
    await flush();
    expect(policy.status()).toMatchObject({ phase: 'up-to-date', lastCheckedAt: '2026-12-02T10:00:00.000Z' });
    expect(clock.pending.map((p) => p.ms)).toEqual([6 * 3600_000]);
    clock.fire();
    await flush();
    expect(fake.calls.filter((c) => c === 'check')).toHaveLength(2);
  });

  it('downloads a newer version in the background with progress, then waits for consent', async () => {
    const { fake, seen, policy } = setUp(['0.2.0']);
    policy.configure(FEED);
    const checking = policy.check();
    await flush();
    expect(policy.status()).toMatchObject({ phase: 'downloading', available: { version: '0.2.0' } });
    fake.progress({ percent: 41.26, transferred: 41, total: 100, bytesPerSecond: 1234.5 });
    expect(policy.status().progress).toEqual({
      percent: 41.3,
      transferredBytes: 41,
      totalBytes: 100,
      bytesPerSecond: 1235,
    });
    // A second check while downloading joins the first.
    const again = policy.check();
    fake.finish();
    expect(await checking).toMatchObject({ phase: 'ready', progress: null, installOnQuit: false });
    expect(await again).toBe(await checking);
    expect(fake.calls.filter((c) => c === 'download')).toHaveLength(1);
    expect(seen.map((s) => s.phase)).toEqual(['idle', 'checking', 'downloading', 'downloading', 'ready']);
    // Ready: further checks fetch nothing until the user answers.
    await policy.check();
    expect(fake.calls.filter((c) => c === 'check')).toHaveLength(1);
  });

  it('installs on quit only after the user agreed, and only once', async () => {
    const { fake, policy } = setUp(['0.2.0']);
    policy.configure(FEED);
    const done = policy.check();
    await flush();
    fake.finish();
    await done;
    expect(policy.quitting()).toBe(false);
    expect(policy.consent('not-now')).toMatchObject({ installOnQuit: false });
    expect(policy.quitting()).toBe(false);
    expect(policy.consent('on-quit')).toMatchObject({ phase: 'ready', installOnQuit: true });
    expect(policy.quitting()).toBe(true);
    expect(policy.quitting()).toBe(false);
    expect(fake.calls.filter((c) => c === 'installOnQuit')).toHaveLength(1);
    expect(fake.calls).not.toContain('quitAndInstall');
  });

  it('"install now" restarts through the engine, and quitting then does not start a second installer', async () => {
    const { fake, policy } = setUp(['0.2.0']);
    policy.configure(FEED);
    const done = policy.check();
    await flush();
    fake.finish();
    await done;
    policy.consent('now');
    expect(fake.calls).toContain('quitAndInstall');
    expect(policy.quitting()).toBe(false);
  });

  it('consent means nothing before an update is ready', () => {
    const { fake, policy } = setUp([]);
    policy.configure(FEED);
    expect(policy.consent('now').phase).toBe('idle');
    expect(policy.quitting()).toBe(false);
    expect(fake.calls).not.toContain('quitAndInstall');
  });

  it('a failed check or download is an error state in plain words; the next check may succeed', async () => {
    const { fake, policy } = setUp([
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      '0.2.0',
    ]);
    policy.configure(FEED);
    expect(await policy.check()).toMatchObject({
      phase: 'error',
      error: 'The update server could not be reached.',
    });
    const second = policy.check();
    await flush();
    fake.finish(
      Object.assign(new Error('sha512 checksum mismatch, expected a, got b'), {
        code: 'ERR_CHECKSUM_MISMATCH',
      }),
    );
    expect(await second).toMatchObject({
      phase: 'error',
      available: null,
      error: 'The downloaded update did not match its published checksum and was discarded.',
    });
  });

  it('an inactive engine (unpackaged app) turns updates off', async () => {
    const { policy } = setUp([null]);
    policy.configure(FEED);
    expect(await policy.check()).toMatchObject({ phase: 'disabled', disabledReason: 'not-installed' });
  });

  it('clearing the feed switches updates off and drops consent and the timer', async () => {
    const { clock, policy } = setUp([]);
    policy.configure(FEED);
    expect(clock.pending).toHaveLength(1);
    expect(policy.configure(null)).toMatchObject({
      phase: 'disabled',
      disabledReason: 'no-feed',
      feedUrl: '',
      installOnQuit: false,
    });
    expect(clock.pending).toEqual([]);
  });

  it('stop() cancels the timer and the progress listener', () => {
    const { fake, clock, policy } = setUp([]);
    policy.configure(FEED);
    policy.stop();
    expect(clock.pending).toEqual([]);
    expect(fake.listening()).toBe(false);
  });
});

describe('describeUpdateError', () => {
  it('turns electron-updater codes into one sentence', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(describeUpdateError(coded('ERR_UPDATER_INVALID_SIGNATURE'))).toMatch(/not signed/);
    expect(describeUpdateError(coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'))).toMatch(/latest\.yml/);
    expect(describeUpdateError(coded('ENOTFOUND'))).toBe('The update server could not be reached.');
    expect(describeUpdateError(new Error('first line\nstack'))).toBe('first line');
  });
});
