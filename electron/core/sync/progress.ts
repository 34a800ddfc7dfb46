import type { SyncPhase, SyncProgress } from '../../../shared/types/sync';

export interface ProgressTracker {
  /** Starts a phase; `total` null when unknown. Always emitted. */
  phase(phase: SyncPhase, total: number | null, message: string): void;
  /** Advances the current phase; emitted at most every `minIntervalMs` (and at the end). */
  advance(by: number): void;
  company(guid: string | null, name: string | null): void;
  latest(): SyncProgress;
}

/**
 * Progress with rate (items per second over the phase) and time left, for the UI's progress bar.
 * The clock is injected so tests can drive it.
 */
export function createProgressTracker(options: {
  runId: string;
  now: () => number;
  emit: (progress: SyncProgress) => void;
  minIntervalMs?: number;
}): ProgressTracker {
  const minInterval = options.minIntervalMs ?? 250;
  let state: SyncProgress = {
    runId: options.runId,
    companyGuid: null,
    companyName: null,
    phase: 'connecting',
    done: 0,
    total: null,
    rate: null,
    etaSeconds: null,
    message: 'Connecting to Tally',
  };
  let phaseStart = options.now();
  let lastEmit = -Infinity;

  const send = (): void => {
    lastEmit = options.now();
    options.emit({ ...state });
  };

  return {
    company(guid, name) {
      state = { ...state, companyGuid: guid, companyName: name };
    },
    phase(phase, total, message) {
      phaseStart = options.now();
      state = { ...state, phase, total, done: 0, rate: null, etaSeconds: null, message };
      send();
    },
    advance(by) {
      const now = options.now();
      const done = state.done + by;
      const seconds = (now - phaseStart) / 1000;
      const rate = seconds > 0 ? done / seconds : null;
      const eta =
        rate !== null && rate > 0 && state.total !== null
          ? Math.max(0, Math.round((state.total - done) / rate))
          : null;
      state = { ...state, done, rate: rate === null ? null : Math.round(rate), etaSeconds: eta };
      if (now - lastEmit >= minInterval || (state.total !== null && done >= state.total)) send();
    },
    latest: () => ({ ...state }),
  };
}
