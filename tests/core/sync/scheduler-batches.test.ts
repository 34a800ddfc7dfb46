import { planBatches } from '../../../electron/core/sync/batches';
import { createAutoSync, type Timers } from '../../../electron/core/sync/scheduler';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import type { SyncProgress } from '../../../shared/types/sync';

function fakeTimers(): Timers & { fire(): void; active: () => number; lastMs: number | null } {
  const callbacks = new Map<number, () => void>();
  let id = 0;
  const t = {
    lastMs: null as number | null,
    setInterval(cb: () => void, ms: number) {
      callbacks.set(++id, cb);
      t.lastMs = ms;
      return id;
    },
    clearInterval(handle: unknown) {
      callbacks.delete(handle as number);
    },
    fire() {
      for (const cb of callbacks.values()) cb();
    },
    active: () => callbacks.size,
  };
  return t;
}

describe('automatic sync', () => {
  it('is off by default and runs every N minutes once switched on, skipping while a sync runs', async () => {
    const timers = fakeTimers();
    let running = false;
    const calls: number[] = [];
    const auto = createAutoSync({
      minutes: 0,
      isRunning: () => running,
      syncAll: async () => calls.push(1),
      timers,
    });
    expect(timers.active()).toBe(0);
    auto.setMinutes(15);
    expect(timers.lastMs).toBe(15 * 60_000);
    timers.fire();
    expect(calls).toHaveLength(1);
    running = true;
    timers.fire();
    expect(calls).toHaveLength(1);
    auto.setMinutes(0);
    expect(timers.active()).toBe(0);
    expect(() => auto.setMinutes(-1)).toThrow(RangeError);
  });

  it('reports a failing automatic sync instead of crashing', async () => {
    const timers = fakeTimers();
    const errors: unknown[] = [];
    createAutoSync({
      minutes: 5,
      isRunning: () => false,
      syncAll: () => Promise.reject(new Error('Tally closed')),
      timers,
      onError: (e) => errors.push(e),
    });
    timers.fire();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
  });
});

describe('batch planning', () => {
  it('packs consecutive dates up to the limit; a huge date gets its own batch', () => {
    const dates = [
      { date: '2025-04-03', count: 3000 },
      { date: '2025-04-01', count: 2000 },
      { date: '2025-04-02', count: 2500 },
      { date: '2025-04-04', count: 9000 },
      { date: '2025-04-05', count: 1 },
    ];
    expect(planBatches(dates, 5000)).toEqual([
      { from: '2025-04-01', to: '2025-04-02', count: 4500 },
      { from: '2025-04-03', to: '2025-04-03', count: 3000 },
      { from: '2025-04-04', to: '2025-04-04', count: 9000 },
      { from: '2025-04-05', to: '2025-04-05', count: 1 },
    ]);
    expect(planBatches([], 5000)).toEqual([]);
    expect(() => planBatches(dates, 0)).toThrow(RangeError);
  });
});

describe('progress', () => {
  it('computes rate and time left from the injected clock, throttled', () => {
    let t = 0;
    const out: SyncProgress[] = [];
    const p = createProgressTracker({
      runId: 'r',
      now: () => t,
      emit: (x) => out.push(x),
      minIntervalMs: 1000,
    });
    p.phase('vouchers', 1000, 'reading');
    t = 500;
    p.advance(100); // within the throttle window: not emitted
    t = 1000;
    p.advance(100);
    expect(out.at(-1)).toMatchObject({ phase: 'vouchers', done: 200, total: 1000, rate: 200, etaSeconds: 4 });
    expect(out).toHaveLength(2);
    t = 1100;
    p.advance(800); // the end is always emitted
    expect(out.at(-1)).toMatchObject({ done: 1000, etaSeconds: 0 });
  });
});
