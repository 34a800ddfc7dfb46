import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import type { AppEvents } from '../../../shared/contract';
import type { LiveStatus } from '../../../shared/types/live';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { cashSale, SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';
import type { VoucherRecord } from '../../../electron/core/db/records';

const ctx: CallContext = { caller: 'test', user: null };
let sim: TallySimulator;
let dir: string;
let core: Core;

/** Waits until `check` holds; the limit is generous (a busy build machine), never a speed assertion. */
async function until(check: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const watchRequests = (since: number) => sim.requests.slice(since).filter((r) => r.id === 'TCCompanies');

beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
  dir = mkdtempSync(join(tmpdir(), 'tc-live-'));
  // In the .env file (not the environment), so live.set may change them.
  writeFileSync(join(dir, '.env'), 'LIVE_MODE=true\nLIVE_INTERVAL_SECONDS=2\n');
  core = await createCore({
    dataDir: dir,
    mode: 'test',
    env: { TALLY_HOST: '127.0.0.1', TALLY_PORT: String(sim.port) },
  });
});
afterEach(async () => {
  await core.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('live mode against the Tally simulator', () => {
  it('brings a voucher saved in Tally into the reports within a few checks, and sends only checks meanwhile', async () => {
    const statuses: LiveStatus[] = [];
    const changed: AppEvents['books.changed'][] = [];
    core.events.on('live.status', (s) => statuses.push(s));
    core.events.on('books.changed', (e) => changed.push(e));

    // Nothing synced from Tally yet: live mode waits without asking Tally anything.
    await until(() => core.live.watcher.status().pausedBecause !== null, 'the first look');
    const waiting = await core.dispatch('live.status', {}, ctx);
    expect(waiting).toMatchObject({ ok: true, data: { enabled: true, pausedBecause: 'nothing-to-watch' } });
    expect(sim.requests).toEqual([]);

    expect(await core.dispatch('sync.start', {}, ctx)).toMatchObject({ ok: true, data: [{ kind: 'full' }] });
    await until(
      () => core.live.watcher.status().companies[0]?.open === true,
      'live mode to watch the company',
    );
    const before = await core.dispatch('dashboard.get', { companyGuid: SMALL_GUID, fy: '2025-26' }, ctx);
    if (!before.ok) throw new Error(JSON.stringify(before));
    changed.length = 0;

    // Idle: three more checks, and nothing but the one cheap request each time.
    const idleFrom = sim.requests.length;
    await until(() => watchRequests(idleFrom).length >= 3, 'three idle checks');
    expect(sim.requests.slice(idleFrom).map((r) => r.id)).toEqual([
      'TCCompanies',
      'TCCompanies',
      'TCCompanies',
    ]);
    expect(changed).toEqual([]);

    // A voucher saved in Tally: the next check sees it and an incremental sync brings it in.
    const savedFrom = sim.requests.length;
    sim.company().addVoucher(cashSale('0000fff1', '2025-06-01', 500_00));
    await until(() => changed.length > 0, 'the live sync');
    expect(changed[0]?.companyGuid).toBe(SMALL_GUID);
    // Seen by the first or second check after the save; the sync itself then reads the company list
    // twice (the manager's poll and the worker's own), before its first voucher request.
    const companyReadsBeforeSync = sim.requests.slice(savedFrom).findIndex((r) => r.id !== 'TCCompanies');
    expect(companyReadsBeforeSync).toBeGreaterThanOrEqual(3);
    expect(companyReadsBeforeSync).toBeLessThanOrEqual(4);
    const after = await core.dispatch('dashboard.get', { companyGuid: SMALL_GUID, fy: '2025-26' }, ctx);
    if (!after.ok) throw new Error(JSON.stringify(after));
    expect(after.data.data.kpis.sales - before.data.data.kpis.sales).toBe(500_00);

    await until(() => core.live.watcher.status().state === 'watching', 'the live sync to end');
    const status = core.live.watcher.status();
    expect(status).toMatchObject({ state: 'watching', pausedBecause: null, intervalSeconds: 2 });
    expect(status.lastChangeAt).not.toBeNull();
    expect(statuses.some((s) => s.state === 'syncing')).toBe(true);
  });

  it('pauses when Tally closes, switches off and on through live.set, and saves the choice', async () => {
    expect(await core.dispatch('sync.start', {}, ctx)).toMatchObject({ ok: true });
    await until(
      () => core.live.watcher.status().companies[0]?.open === true,
      'live mode to watch the company',
    );
    await sim.stop();
    await until(() => core.live.watcher.status().pausedBecause === 'tally-closed', 'the pause', 30_000);

    const off = await core.dispatch('live.set', { enabled: false, intervalSeconds: 7 }, ctx);
    expect(off).toMatchObject({ ok: true, data: { enabled: false, state: 'off', intervalSeconds: 7 } });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toMatch(/LIVE_MODE=false/);

    const bad = await core.dispatch('live.set', { intervalSeconds: 1 }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/intervalSeconds/);

    const notices = await core.dispatch(
      'live.set',
      { notifications: { receiptsFromOverdueParties: true, paymentsAbovePaise: 50_000_00 } },
      ctx,
    );
    expect(notices).toMatchObject({
      ok: true,
      data: { notifications: { receiptsFromOverdueParties: true, paymentsAbovePaise: 50_000_00 } },
    });
    const on = await core.dispatch('live.set', { enabled: true }, ctx);
    expect(on).toMatchObject({ ok: true, data: { enabled: true, intervalSeconds: 7 } });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toMatch(/LIVE_MODE=true/);
  });

  it('tells of a receipt from a party with overdue bills when that notice is on', async () => {
    const notices: AppEvents['live.notice'][] = [];
    core.events.on('live.notice', (n) => notices.push(n));
    expect(await core.dispatch('sync.start', {}, ctx)).toMatchObject({ ok: true });
    await until(
      () => core.live.watcher.status().companies[0]?.open === true,
      'live mode to watch the company',
    );

    // Off by default: a receipt comes in without a notice.
    sim.company().addVoucher(receiptFromSharma('0000fff2', 1_000_00));
    await until(() => core.live.watcher.status().lastChangeAt !== null, 'the first live sync');
    await until(() => core.live.watcher.status().state === 'watching', 'the first live sync to end');
    expect(notices).toEqual([]);

    expect(
      await core.dispatch('live.set', { notifications: { receiptsFromOverdueParties: true } }, ctx),
    ).toMatchObject({ ok: true });
    const seen = core.live.watcher.status().lastChangeAt;
    sim.company().addVoucher(receiptFromSharma('0000fff3', 500_00));
    await until(() => notices.length > 0, 'the notice');
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'receipt-from-overdue-party',
        companyGuid: SMALL_GUID,
        party: 'Sharma & Sons "Retail"',
        amount: 500_00,
        // All three of the party's bills are past due: OB/1 (₹12,000 less these two receipts, ₹10,500),
        // INV-1 (₹10,000 less ₹4,000 received) and INV-3 (₹7,000).
        overdue: 10_500_00 + 6_000_00 + 7_000_00,
      }),
    ]);
    expect(core.live.watcher.status().lastChangeAt).not.toBe(seen);
  });
});

/** A receipt in cash from Sharma & Sons against their overdue opening bill OB/1. */
function receiptFromSharma(guidSuffix: string, paise: number): Omit<VoucherRecord, 'alterId'> {
  return {
    guid: `${SMALL_GUID}-${guidSuffix}`,
    masterId: null,
    date: '2025-06-01',
    voucherType: 'Receipt',
    voucherNumber: guidSuffix,
    partyLedgerName: 'Sharma & Sons "Retail"',
    narration: '',
    reference: null,
    isCancelled: false,
    isOptional: false,
    entries: [
      { ledgerGuid: null, ledgerName: 'Cash', amount: paise, bills: [] },
      {
        ledgerGuid: null,
        ledgerName: 'Sharma & Sons "Retail"',
        amount: -paise,
        bills: [
          { billName: 'OB/1', billType: 'Agst Ref', amount: -paise, creditPeriodDays: null, dueDate: null },
        ],
      },
    ],
  };
}
