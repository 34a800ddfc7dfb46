import type { UpdateProgress, UpdateStatus } from '../../../shared/types/update';
import type { UpdateEngine } from './engine';

export interface UpdateTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdatePolicyOptions {
  /** null where the app cannot update itself (the browser server, the CLI, an unpackaged build). */
  engine: UpdateEngine | null;
  /** Why there is no engine ('not-desktop' for serve/CLI, 'not-installed' for `electron .`). */
  noEngineReason?: 'not-installed' | 'not-desktop';
  currentVersion: string;
  now?: () => Date;
  timers?: UpdateTimers;
  /** Every change of state, for the event bus (tray, Settings). */
  onChange?: (status: UpdateStatus) => void;
  /** Failures worth a log line (the status carries the user-facing text). */
  onError?: (error: unknown) => void;
  /** First check after start, so launching stays quick (default 15 s). */
  startupDelayMs?: number;
  /** Later checks while the app stays open in the tray (default 6 hours). */
  intervalMs?: number;
}

export interface Feed {
  url: string;
  source: 'environment' | 'settings';
}

export interface UpdatePolicy {
  status(): UpdateStatus;
  /** Applies the configured feed ('' / null switches updates off) and (re)plans the automatic checks. */
  configure(feed: Feed | null): UpdateStatus;
  /** Checks now (from the tray, the Help menu or Settings); a newer version downloads in the background. */
  check(): Promise<UpdateStatus>;
  /** The user's answer once an update is ready. */
  consent(when: 'now' | 'on-quit' | 'not-now'): UpdateStatus;
  /** Called while the app quits: installs the downloaded update if, and only if, the user agreed. */
  quitting(): boolean;
  stop(): void;
}

const DEFAULT_STARTUP_DELAY_MS = 15_000;
const DEFAULT_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** electron-updater's errors are long and technical: the user gets one plain sentence. */
export function describeUpdateError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(text))
    return 'The downloaded update did not match its published checksum and was discarded.';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE')
    return 'The downloaded update is not signed by TallyConnect’s publisher and was discarded.';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND')
    return 'The update address has no latest.yml (is the address right?).';
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|net::ERR_/.test(`${code} ${text}`))
    return 'The update server could not be reached.';
  return text.split('\n')[0]?.slice(0, 300) || 'The update failed for an unknown reason.';
}

/**
 * When to check, what to do with an answer, and when to install — nothing else. The engine does the
 * network, the download and the verification.
 *  - Off until a feed is configured; then a check shortly after start and every few hours.
 *  - A newer version downloads in the background (progress reported); the same or an older one is
 *    "up to date".
 *  - A downloaded update is installed only with the user's consent: now (restart) or when TallyConnect
 *    quits. Without an answer it is left alone; it is offered again after the next start.
 */
export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { engine } = options;
  const now = options.now ?? (() => new Date());
  const timers: UpdateTimers = options.timers ?? {
    setTimeout: (run, ms) => {
      const handle = setTimeout(run, ms);
      // A pending check must never keep a test or the CLI alive.
      (handle as { unref?: () => void }).unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const startupDelayMs = options.startupDelayMs ?? DEFAULT_STARTUP_DELAY_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;

  let state: UpdateStatus = {
    phase: 'disabled',
    currentVersion: options.currentVersion,
    feedUrl: '',
    feedSource: null,
    disabledReason: engine ? 'no-feed' : (options.noEngineReason ?? 'not-desktop'),
    available: null,
    progress: null,
    installOnQuit: false,
    lastCheckedAt: null,
    error: null,
  };
  let timer: unknown = null;
  let running: Promise<UpdateStatus> | null = null;
  let stopped = false;
  /** The installer was started (now, or at quit): never twice. */
  let installed = false;

  const set = (patch: Partial<UpdateStatus>): UpdateStatus => {
    state = { ...state, ...patch };
    options.onChange?.(state);
    return state;
  };
  const schedule = (ms: number): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void check().finally(() => {
        if (!stopped && state.phase !== 'disabled') schedule(intervalMs);
      });
    }, ms);
  };

  const unsubscribe = engine?.onProgress((p) => {
    if (state.phase !== 'downloading') return;
    const progress: UpdateProgress = {
      percent: Math.max(0, Math.min(100, Math.round(p.percent * 10) / 10)),
      transferredBytes: p.transferred,
      totalBytes: p.total,
      bytesPerSecond: Math.round(p.bytesPerSecond),
    };
    set({ progress });
  });

  const runCheck = async (active: UpdateEngine): Promise<UpdateStatus> => {
    set({ phase: 'checking', error: null });
    let offered: { version: string; releaseDate: string | null };
    try {
      const result = await active.check();
      if (result === null) {
        return set({
          phase: 'disabled',
          disabledReason: 'not-installed',
          lastCheckedAt: now().toISOString(),
        });
      }
      if (!result.isUpdateAvailable) {
        return set({
          phase: 'up-to-date',
          available: null,
          progress: null,
          lastCheckedAt: now().toISOString(),
        });
      }
      offered = { version: result.updateInfo.version, releaseDate: result.updateInfo.releaseDate ?? null };
    } catch (error) {
      options.onError?.(error);
      return set({ phase: 'error', error: describeUpdateError(error), lastCheckedAt: now().toISOString() });
    }
    set({
      phase: 'downloading',
      available: offered,
      progress: { percent: 0, transferredBytes: 0, totalBytes: 0, bytesPerSecond: 0 },
      lastCheckedAt: now().toISOString(),
    });
    try {
      await active.download();
    } catch (error) {
      options.onError?.(error);
      return set({ phase: 'error', available: null, progress: null, error: describeUpdateError(error) });
    }
    return set({ phase: 'ready', progress: null });
  };

  function check(): Promise<UpdateStatus> {
    if (!engine || stopped || state.phase === 'disabled') return Promise.resolve(state);
    // Once downloaded, nothing new is fetched until the user answers or restarts.
    if (state.phase === 'ready') return Promise.resolve(state);
    running ??= runCheck(engine).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    status: () => state,
    configure(feed) {
      // Without an engine the address is still shown (Settings), but nothing is ever checked.
      if (!engine) return set({ feedUrl: feed?.url ?? '', feedSource: feed?.source ?? null });
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      if (!feed || feed.url === '') {
        return set({
          phase: 'disabled',
          disabledReason: 'no-feed',
          feedUrl: '',
          feedSource: null,
          installOnQuit: false,
        });
      }
      const changed = feed.url !== state.feedUrl;
      engine.setFeed(feed.url);
      const next = set({
        feedUrl: feed.url,
        feedSource: feed.source,
        disabledReason: null,
        ...(state.phase === 'disabled' ||
        (changed && state.phase !== 'ready' && state.phase !== 'downloading')
          ? { phase: 'idle' as const, error: null }
          : {}),
      });
      if (!stopped) schedule(startupDelayMs);
      return next;
    },
    check,
    consent(when) {
      if (!engine || state.phase !== 'ready') return state;
      if (when === 'now') {
        installed = true;
        engine.quitAndInstall();
        return set({ installOnQuit: true });
      }
      return set({ installOnQuit: when === 'on-quit' });
    },
    quitting() {
      if (!engine || installed || state.phase !== 'ready' || !state.installOnQuit) return false;
      installed = true;
      return engine.installOnQuit();
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      unsubscribe?.();
    },
  };
}
