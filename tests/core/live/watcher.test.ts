import { AppError } from '../../../shared/errors';
import type { LiveStatus } from '../../../shared/types/live';
import type { LiveConditions } from '../../../electron/core/live/policy';
import { createLiveWatcher, type CompanyIds, type LiveWatcher } from '../../../electron/core/live/watcher';

const A = 'guid-a';
const B = 'guid-b';

/** A scripted Tally and local store around one watcher, on vitest's fake clock. */
function setup(options: { enabled?: boolean; intervalSeconds?: number } = {}) {
  const tally = new Map<string, CompanyIds>([
    [A, { guid: A, name: 'Alpha', masterAlterId: 10, voucherAlterId: 100 }],
    [B, { guid: B, name: 'Beta', masterAlterId: 20, voucherAlterId: 200 }],
  ]);
  const local = new Map<string, CompanyIds>([...tally].map(([k, v]) => [k, { ...v }]));
  const calls: { at: number; kind: 'check' | 'sync'; guid?: string; small?: boolean }[] = [];
  const statuses: LiveStatus[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let answerMs = 5;
  let failure: unknown = null;
  let syncFailure: unknown = null;
  let otherSyncRunning = false;
  let conditions: LiveConditions = { onBattery: false, idleMs: 0 };
  const watcher: LiveWatcher = createLiveWatcher(
    {
      now: () => Date.now(),
      timers: {
        setTimeout: (cb, ms) => setTimeout(cb, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      checkTally: async () => {
        calls.push({ at: Date.now(), kind: 'check' });
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await new Promise((r) => setTimeout(r, answerMs));
          if (failure) throw failure;
          return [...tally.values()].map((c) => ({ ...c }));
        } finally {
          inFlight--;
        }
      },
      localCompanies: () => [...local.values()],
      isSyncRunning: () => otherSyncRunning,
      syncCompany: async (guid, small) => {
        calls.push({ at: Date.now(), kind: 'sync', guid, small });
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await new Promise((r) => setTimeout(r, 50));
          if (syncFailure) throw syncFailure;
          const t = tally.get(guid);
          if (t) local.set(guid, { ...t });
        } finally {
          inFlight--;
        }
      },
      conditions: () => conditions,
      notifications: () => ({ receiptsFromOverdueParties: false, paymentsAbovePaise: 0 }),
      onStatus: (s) => statuses.push(s),
      report: () => undefined,
    },
    { enabled: options.enabled ?? true, intervalSeconds: options.intervalSeconds ?? 5 },
  );
  return {
    watcher,
    calls,
    statuses,
    tally,
    local,
    checks: () => calls.filter((c) => c.kind === 'check').length,
    syncs: () => calls.filter((c) => c.kind === 'sync').map((c) => c.guid),
    maxInFlight: () => maxInFlight,
    set answerMs(ms: number) {
      answerMs = ms;
    },
    set failure(error: unknown) {
      failure = error;
    },
    set syncFailure(error: unknown) {
      syncFailure = error;
    },
    set otherSyncRunning(value: boolean) {
      otherSyncRunning = value;
    },
    set conditions(value: LiveConditions) {
      conditions = value;
    },
    /** Tally records a new voucher in a company. */
    addVoucher(guid: string) {
      const c = tally.get(guid)!;
      tally.set(guid, { ...c, voucherAlterId: c.voucherAlterId + 1 });
    },
  };
}

const closedError = () =>
  new AppError('TALLY_UNREACHABLE', 'Tally is not running', {
    host: 'localhost',
    port: 9000,
    cause: 'ECONNREFUSED',
  });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live watcher', () => {
  it('sends only the watch request while nothing changes: one per interval', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(60_000);
    // One check at once, then one every 5 s after the previous answer (5 ms each): 12 in the minute.
    expect(s.checks()).toBe(12);
    expect(s.syncs()).toEqual([]);
    expect(s.watcher.status()).toMatchObject({ state: 'watching', currentIntervalMs: 5_000, slowdowns: [] });
    await s.watcher.stop();
  });

  it('syncs the company whose AlterIDs moved, within one interval, and records when', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(1_000);
    s.addVoucher(B);
    const changedAt = Date.now();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.syncs()).toEqual([B]);
    const status = s.watcher.status();
    expect(status.lastChangeAt).not.toBeNull();
    expect(Date.parse(status.lastChangeAt!) - changedAt).toBeLessThanOrEqual(5_000);
    expect(status.companies.find((c) => c.guid === B)?.lastChangeAt).toBe(status.lastChangeAt);
    expect(status.companies.find((c) => c.guid === A)?.lastChangeAt).toBeNull();
    // The change was announced (syncing, then watching with the time it was seen).
    expect(s.statuses.some((x) => x.state === 'syncing')).toBe(true);
    expect(s.statuses.at(-1)).toMatchObject({ state: 'watching', lastChangeAt: status.lastChangeAt });
    // Synced once: the next checks find nothing new.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.syncs()).toEqual([B]);
    await s.watcher.stop();
  });

  it('syncs a few changed vouchers on the spot and a big change in the worker', async () => {
    const s = setup();
    s.addVoucher(A);
    const b = s.tally.get(B)!;
    s.tally.set(B, { ...b, voucherAlterId: b.voucherAlterId + 5_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.calls.filter((c) => c.kind === 'sync').map((c) => [c.guid, c.small])).toEqual([
      [A, true],
      [B, false],
    ]);
    await s.watcher.stop();
  });

  it('never has two requests in flight, even when Tally answers slower than the interval', async () => {
    const s = setup({ intervalSeconds: 2 });
    s.answerMs = 7_000;
    s.addVoucher(A);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.maxInFlight()).toBe(1);
    expect(s.syncs()).toEqual([A]);
  });

  it('doubles the interval after each slow answer and comes back once Tally is quick again', async () => {
    const s = setup();
    s.answerMs = 1_500; // slower than the 1 s that counts as Tally being busy
    await vi.advanceTimersByTimeAsync(140_000);
    const starts = s.calls.map((c) => c.at);
    // The wait after each answer (the answer itself takes 1.5 s).
    const gaps = starts.slice(1, 5).map((at, i) => at - starts[i]! - 1_500);
    expect(gaps).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(s.watcher.status().slowdowns).toEqual(['tally-slow']);
    s.answerMs = 5;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(s.watcher.status()).toMatchObject({ currentIntervalMs: 5_000, slowdowns: [] });
    await s.watcher.stop();
  });

  it('backs off when Tally answers with errors', async () => {
    const s = setup();
    s.failure = new AppError('TALLY_ERROR', 'Tally answered: busy');
    await vi.advanceTimersByTimeAsync(60_000);
    // 0, 10, 30 (+20) s; then 70 s (+40) is beyond the minute.
    expect(s.checks()).toBe(3);
    expect(s.watcher.status().slowdowns).toEqual(['tally-busy']);
    await s.watcher.stop();
  });

  it('pauses while Tally is closed, probing rarely, and resumes when it answers again', async () => {
    const s = setup();
    s.failure = closedError();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks()).toBe(4); // 0, 15, 30, 45 s
    expect(s.watcher.status()).toMatchObject({ state: 'paused', pausedBecause: 'tally-closed' });
    expect(s.watcher.status().companies.every((c) => !c.open)).toBe(true);
    s.failure = null;
    s.addVoucher(A);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(s.watcher.status()).toMatchObject({ state: 'watching', pausedBecause: null });
    expect(s.syncs()).toEqual([A]);
    await s.watcher.stop();
  });

  it('checks further apart on battery and when the app has been idle for long', async () => {
    const s = setup();
    s.conditions = { onBattery: true, idleMs: 0 };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks()).toBe(4); // every 15 s
    expect(s.watcher.status().slowdowns).toEqual(['on-battery']);
    s.conditions = { onBattery: false, idleMs: 11 * 60_000 };
    s.watcher.conditionsChanged();
    const before = s.checks();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks() - before).toBe(2); // every 30 s
    expect(s.watcher.status().slowdowns).toEqual(['idle']);
    // Back at the desk on mains power: the pending check is re-timed at once.
    s.conditions = { onBattery: false, idleMs: 0 };
    s.watcher.conditionsChanged();
    const back = s.checks();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.checks() - back).toBe(2);
    await s.watcher.stop();
  });

  it('asks Tally nothing while another sync runs or when no company was synced from Tally', async () => {
    const s = setup();
    s.otherSyncRunning = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.checks()).toBe(0);
    expect(s.watcher.status()).toMatchObject({ state: 'paused', pausedBecause: 'sync-running' });
    s.otherSyncRunning = false;
    s.local.clear();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.checks()).toBe(0);
    expect(s.watcher.status()).toMatchObject({ state: 'paused', pausedBecause: 'nothing-to-watch' });
    await s.watcher.stop();
  });

  it('does not retry a failed live sync on the same AlterIDs until Tally changes again', async () => {
    const s = setup();
    s.syncFailure = new AppError('IMPORT_INVALID', 'Voucher 12 does not balance');
    s.addVoucher(A);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.syncs()).toEqual([A]);
    expect(s.watcher.status().companies.find((c) => c.guid === A)?.lastError).toBe(
      'Voucher 12 does not balance',
    );
    s.syncFailure = null;
    s.addVoucher(A);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.syncs()).toEqual([A, A]);
    expect(s.watcher.status().companies.find((c) => c.guid === A)?.lastError).toBeNull();
    await s.watcher.stop();
  });

  it('switches off and on: nothing is sent while off, a check goes out as soon as it is on', async () => {
    const s = setup({ enabled: false });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks()).toBe(0);
    expect(s.watcher.status()).toMatchObject({ enabled: false, state: 'off' });
    s.watcher.configure({ enabled: true, intervalSeconds: 10 });
    await vi.advanceTimersByTimeAsync(1);
    expect(s.checks()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks()).toBe(6); // every 10 s after the previous answer
    s.watcher.configure({ enabled: false, intervalSeconds: 10 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.checks()).toBe(6);
    expect(s.statuses.at(-1)).toMatchObject({ enabled: false, state: 'off' });
  });

  it('announces status changes only, not every check that found nothing', async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(1_000);
    const announced = s.statuses.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.statuses.length).toBe(announced);
    await s.watcher.stop();
  });
});
