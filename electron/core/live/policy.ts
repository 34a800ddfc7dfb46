import type { LiveSlowdown } from '../../../shared/types/live';

/**
 * How often live mode asks Tally, as pure functions of what the last check saw and of the machine's
 * state. Tally is single-threaded and its user comes first: a slow or failed answer doubles the
 * interval (up to `maxMs`), each quick answer halves the back-off again; on battery and while nobody
 * uses the app the checks are further apart; a closed Tally is probed rarely.
 */
export interface LivePolicy {
  /** The configured interval (LIVE_INTERVAL_SECONDS, default 5 s). */
  baseMs: number;
  /** An answer slower than this counts as Tally being busy with its user. */
  slowMs: number;
  /** The longest interval back-off may reach (never below baseMs). */
  maxMs: number;
  /** How often a closed Tally (nothing on its port) is probed. */
  closedProbeMs: number;
  /** Interval factor on battery. */
  batteryFactor: number;
  /** Interval factor once the app has been idle for `idleAfterMs`. */
  idleFactor: number;
  idleAfterMs: number;
}

export const DEFAULT_LIVE_POLICY: Omit<LivePolicy, 'baseMs'> = {
  slowMs: 1_000,
  maxMs: 60_000,
  closedProbeMs: 15_000,
  batteryFactor: 3,
  idleFactor: 6,
  idleAfterMs: 10 * 60_000,
};

export function livePolicy(intervalSeconds: number, overrides: Partial<LivePolicy> = {}): LivePolicy {
  return { ...DEFAULT_LIVE_POLICY, baseMs: intervalSeconds * 1_000, ...overrides };
}

/** What one check of Tally came to. */
export type CheckOutcome =
  | { kind: 'answered'; tookMs: number }
  /** Tally answered with an error or not within the watch timeout: it is busy or struggling. */
  | { kind: 'failed'; tookMs: number }
  /** Nothing answers on Tally's port: Tally is closed. */
  | { kind: 'closed' };

/** The machine and the app, as the desktop adapter (or serve) reports them. */
export interface LiveConditions {
  onBattery: boolean;
  /** How long nobody has used the app (or the computer), in milliseconds. */
  idleMs: number;
}

export const ACTIVE_ON_MAINS: LiveConditions = { onBattery: false, idleMs: 0 };

/** Back-off is a power of two: 1 (none), 2, 4 ... */
export function nextBackoff(backoff: number, outcome: CheckOutcome, policy: LivePolicy): number {
  const ceiling = Math.max(1, Math.floor(Math.max(policy.maxMs, policy.baseMs) / policy.baseMs));
  switch (outcome.kind) {
    case 'closed':
      // A closed Tally is a different wait (closedProbeMs); when it is back, start from scratch.
      return 1;
    case 'failed':
      return Math.min(backoff * 2, ceiling);
    case 'answered':
      return outcome.tookMs > policy.slowMs ? Math.min(backoff * 2, ceiling) : Math.max(1, backoff / 2);
  }
}

export interface NextCheck {
  delayMs: number;
  slowdowns: LiveSlowdown[];
}

/** When to ask Tally next, and why it is later than the configured interval (if it is). */
export function nextCheck(
  backoff: number,
  outcome: CheckOutcome | null,
  conditions: LiveConditions,
  policy: LivePolicy,
): NextCheck {
  const slowdowns: LiveSlowdown[] = [];
  const maxMs = Math.max(policy.maxMs, policy.baseMs);
  if (outcome?.kind === 'closed') {
    return { delayMs: Math.max(policy.closedProbeMs, policy.baseMs), slowdowns };
  }
  let delay = policy.baseMs * backoff;
  if (backoff > 1) slowdowns.push(outcome?.kind === 'failed' ? 'tally-busy' : 'tally-slow');
  if (conditions.onBattery) {
    delay *= policy.batteryFactor;
    slowdowns.push('on-battery');
  }
  if (conditions.idleMs >= policy.idleAfterMs) {
    delay *= policy.idleFactor;
    slowdowns.push('idle');
  }
  return { delayMs: Math.min(delay, maxMs), slowdowns };
}

/** A company's AlterIDs as Tally reports them and as the local copy holds them. */
export interface AlterIds {
  masterAlterId: number;
  voucherAlterId: number;
}

/** Whether Tally holds changes the local copy does not have (either counter moved, either way). */
export function hasChanged(tally: AlterIds, local: AlterIds): boolean {
  return tally.masterAlterId !== local.masterAlterId || tally.voucherAlterId !== local.voucherAlterId;
}
