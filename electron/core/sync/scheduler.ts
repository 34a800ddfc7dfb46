/**
 * Automatic sync every N minutes (off when N is 0, the default). Timers are injected so tests drive
 * time; a tick while a sync is still running is skipped rather than queued.
 */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface AutoSync {
  /** Changes the interval; 0 switches automatic sync off. */
  setMinutes(minutes: number): void;
  readonly minutes: number;
  stop(): void;
}

export function createAutoSync(options: {
  minutes: number;
  isRunning: () => boolean;
  syncAll: () => Promise<unknown>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): AutoSync {
  const timers: Timers = options.timers ?? {
    setInterval: (cb, ms) => {
      const handle = setInterval(cb, ms);
      // Never keeps a CLI or test process alive on its own.
      handle.unref();
      return handle;
    },
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  let handle: unknown = null;
  let minutes = 0;

  const tick = (): void => {
    if (options.isRunning()) return;
    options.syncAll().catch((error: unknown) => {
      try {
        options.onError?.(error);
      } catch {
        // A failing error reporter must not become an unhandled rejection of the timer tick.
      }
    });
  };

  const auto: AutoSync = {
    get minutes() {
      return minutes;
    },
    setMinutes(next) {
      if (!Number.isInteger(next) || next < 0)
        throw new RangeError(`Auto-sync minutes must be 0 or more, got ${next}`);
      if (handle !== null) timers.clearInterval(handle);
      handle = null;
      minutes = next;
      if (next > 0) handle = timers.setInterval(tick, next * 60_000);
    },
    stop() {
      auto.setMinutes(0);
    },
  };
  auto.setMinutes(options.minutes);
  return auto;
}
