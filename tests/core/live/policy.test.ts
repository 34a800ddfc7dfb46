import {
  hasChanged,
  livePolicy,
  nextBackoff,
  nextCheck,
  ACTIVE_ON_MAINS,
} from '../../../electron/core/live/policy';

const policy = livePolicy(5);

describe('live policy', () => {
  it('checks at the configured interval while Tally answers quickly', () => {
    expect(nextBackoff(1, { kind: 'answered', tookMs: 20 }, policy)).toBe(1);
    expect(nextCheck(1, { kind: 'answered', tookMs: 20 }, ACTIVE_ON_MAINS, policy)).toEqual({
      delayMs: 5_000,
      slowdowns: [],
    });
  });

  it('doubles the interval for each slow or failed answer, up to the ceiling, and halves it back', () => {
    let backoff = 1;
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      backoff = nextBackoff(backoff, { kind: 'answered', tookMs: 2_500 }, policy);
      delays.push(nextCheck(backoff, { kind: 'answered', tookMs: 2_500 }, ACTIVE_ON_MAINS, policy).delayMs);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(nextBackoff(1, { kind: 'failed', tookMs: 10_000 }, policy)).toBe(2);
    expect(nextCheck(2, { kind: 'failed', tookMs: 10_000 }, ACTIVE_ON_MAINS, policy).slowdowns).toEqual([
      'tally-busy',
    ]);
    expect(nextBackoff(8, { kind: 'answered', tookMs: 10 }, policy)).toBe(4);
    expect(nextBackoff(1, { kind: 'answered', tookMs: 10 }, policy)).toBe(1);
  });

  it('probes a closed Tally rarely and starts afresh when it is back', () => {
    expect(nextCheck(4, { kind: 'closed' }, ACTIVE_ON_MAINS, policy).delayMs).toBe(15_000);
    expect(nextBackoff(8, { kind: 'closed' }, policy)).toBe(1);
    // An interval above the probe time is never shortened by it.
    expect(nextCheck(1, { kind: 'closed' }, ACTIVE_ON_MAINS, livePolicy(30)).delayMs).toBe(30_000);
  });

  it('slows down on battery and when the app has been idle for long', () => {
    expect(nextCheck(1, null, { onBattery: true, idleMs: 0 }, policy)).toEqual({
      delayMs: 15_000,
      slowdowns: ['on-battery'],
    });
    expect(nextCheck(1, null, { onBattery: false, idleMs: 9 * 60_000 }, policy).delayMs).toBe(5_000);
    expect(nextCheck(1, null, { onBattery: false, idleMs: 10 * 60_000 }, policy)).toEqual({
      delayMs: 30_000,
      slowdowns: ['idle'],
    });
    expect(nextCheck(1, null, { onBattery: true, idleMs: 60 * 60_000 }, policy)).toEqual({
      delayMs: 60_000,
      slowdowns: ['on-battery', 'idle'],
    });
    // A long configured interval is kept as it is, never capped below itself.
    expect(nextCheck(1, null, { onBattery: true, idleMs: 0 }, livePolicy(120)).delayMs).toBe(120_000);
  });

  it('sees a change in either AlterID', () => {
    const local = { masterAlterId: 10, voucherAlterId: 20 };
    expect(hasChanged({ masterAlterId: 10, voucherAlterId: 20 }, local)).toBe(false);
    expect(hasChanged({ masterAlterId: 11, voucherAlterId: 20 }, local)).toBe(true);
    expect(hasChanged({ masterAlterId: 10, voucherAlterId: 19 }, local)).toBe(true);
  });
});
