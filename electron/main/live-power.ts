import type { LiveConditions } from '../core/live/policy';

/** The parts of Electron's powerMonitor live mode reads (injected, so tests pass a fake). */
export interface PowerSource {
  isOnBatteryPower(): boolean;
  /** Seconds since the user last touched the keyboard or mouse. */
  getSystemIdleTime(): number;
  on(event: 'on-ac' | 'on-battery' | 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'on-ac' | 'on-battery' | 'resume' | 'unlock-screen', listener: () => void): unknown;
}

const EVENTS = ['on-ac', 'on-battery', 'resume', 'unlock-screen'] as const;

/**
 * Tells live mode whether the laptop runs on battery and how long nobody has used the computer, and
 * re-times its next check when that changes (unplugged, plugged in, back from sleep or the lock screen).
 */
export function followPower(
  power: PowerSource,
  live: { setConditions(source: () => LiveConditions): void },
): () => void {
  const conditions = (): LiveConditions => {
    try {
      return { onBattery: power.isOnBatteryPower(), idleMs: power.getSystemIdleTime() * 1_000 };
    } catch {
      // Some systems cannot say; checking at the normal pace is the safe answer.
      return { onBattery: false, idleMs: 0 };
    }
  };
  const changed = (): void => live.setConditions(conditions);
  for (const event of EVENTS) power.on(event, changed);
  live.setConditions(conditions);
  return () => {
    for (const event of EVENTS) power.removeListener(event, changed);
  };
}
