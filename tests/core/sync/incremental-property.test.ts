import { addDays } from '../../../shared/dates';
import type { VoucherRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import { createTallyClient } from '../../../electron/core/tally/client';
import type { SimCompany } from '../../../tools/tally-sim/company';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { storeContents } from '../../helpers/store-contents';
import { rng } from '../../helpers/rng';

/**
 * Incremental sync against its own definition: after any mix of changes in Tally, the copy kept up to
 * date incrementally must equal a fresh full sync of the same books — vouchers, entries with their
 * particulars, bills, and every summary table the reports read.
 */

/** Four fixed seeds on CI; `PROPERTY_SEEDS=80 npx vitest run tests/core/sync/incremental-property.test.ts` searches deeper. */
const SEEDS = process.env.PROPERTY_SEEDS
  ? Array.from({ length: Number(process.env.PROPERTY_SEEDS) }, (_, i) => 1000 + i * 7)
  : [11, 29, 47, 83];

let sim: TallySimulator;
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await sim.stop();
});

function deps(store: Store): EngineDeps {
  let t = 0;
  const now = (): number => (t += 10);
  return {
    client: createTallyClient({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 10_000 }),
    store,
    progress: createProgressTracker({ runId: 'p', now, emit: () => undefined }),
    now,
    signal: new AbortController().signal,
    runId: 'p',
    batchSize: 40,
  };
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;

/** One random change as a user makes it in Tally; returns what it did, for the failure message. */
function change(c: SimCompany, random: () => number, serial: number): string {
  const vouchers = [...c.all()];
  const v = pick(vouchers, random);
  const kind = random();
  if (kind < 0.2) {
    // Amounts doubled on every line and bill: still balanced, every balance and bill moves.
    c.alterVoucher(v.guid, (x) => ({
      ...x,
      entries: x.entries.map((e) => ({
        ...e,
        amount: e.amount * 2,
        bills: e.bills.map((b) => ({ ...b, amount: b.amount * 2 })),
      })),
    }));
    return `doubled ${v.guid}`;
  }
  if (kind < 0.35) {
    // Redated, often into another month: both months' totals and counts move.
    const date = addDays(v.date, Math.floor(random() * 90) - 45);
    const booksFrom = c.booksFrom ?? date;
    const moved = date < booksFrom ? booksFrom : date;
    c.alterVoucher(v.guid, (x) => ({ ...x, date: moved }));
    return `moved ${v.guid} ${v.date} → ${moved}`;
  }
  if (kind < 0.5) {
    c.deleteVoucher(v.guid);
    return `deleted ${v.guid}`;
  }
  if (kind < 0.62) {
    c.alterVoucher(v.guid, (x) => ({ ...x, isCancelled: true }));
    return `cancelled ${v.guid}`;
  }
  if (kind < 0.7) {
    c.alterVoucher(v.guid, (x) => ({ ...x, isOptional: true }));
    return `made optional ${v.guid}`;
  }
  if (kind < 0.85) {
    // A copy entered as a new voucher (Tally gives it a new GUID and the next number in its type).
    const copy: Omit<VoucherRecord, 'alterId'> = {
      ...v,
      guid: `${c.guid}-f${serial.toString(16).padStart(7, '0')}`,
      date: addDays(v.date, Math.floor(random() * 20)),
    };
    c.addVoucher(copy);
    return `added a copy of ${v.guid}`;
  }
  if (kind < 0.86) {
    // A new ledger, and a new voucher that uses it in place of a line without bills.
    const line = v.entries.findIndex((e) => e.bills.length === 0);
    if (line < 0) return 'nothing (no line without bills)';
    const group = pick(c.groups, random);
    const ledger = c.addLedger({
      guid: `${c.guid}-e${serial.toString(16).padStart(7, '0')}`,
      name: `New ledger ${serial}`,
      parent: group.name,
      openingBalance: 0,
      isBillWise: false,
      creditPeriodDays: null,
      gstin: null,
      state: null,
      openingBills: [],
    });
    c.addVoucher({
      ...v,
      guid: `${c.guid}-d${serial.toString(16).padStart(7, '0')}`,
      entries: v.entries.map((e, i) =>
        i === line ? { ...e, ledgerGuid: null, ledgerName: ledger.name } : e,
      ),
    });
    return `new ledger ${ledger.name} under ${group.name}, used in a copy of ${v.guid}`;
  }
  if (kind < 0.88) {
    // A group renamed: its ledgers and sub-groups are not sent again, only the group itself.
    const group = pick(c.groups, random);
    const name = `${group.name} (${serial})`;
    c.renameGroup(group.name, name);
    return `renamed group ${group.guid} to ${name}`;
  }
  if (kind < 0.91) {
    // A predefined voucher type renamed ("Sales" → "Tax Invoice"): it stays that base type.
    const type = pick(c.voucherTypes, random);
    const name = `${type.name} (${serial})`;
    c.renameVoucherType(type.name, name);
    return `renamed voucher type ${type.guid} to ${name}`;
  }
  if (kind < 0.95) {
    const ledger = pick(c.ledgers, random);
    const name = `${ledger.name} (${serial})`;
    c.renameLedger(ledger.name, name);
    return `renamed ledger ${ledger.guid} to ${name}`;
  }
  c.alterVoucher(v.guid, (x) => ({ ...x, narration: `${x.narration} — corrected ${serial}` }));
  return `narration of ${v.guid}`;
}

describe('incremental sync equals a full sync', () => {
  it.each(SEEDS)(
    'after random changes in Tally (seed %i)',
    async (seed) => {
      sim = await startTallySimulator([generateDemoCompany({ vouchers: 600, seed, years: 2 })]);
      const kept = openStore(':memory:');
      stores.push(kept);
      await runSync({ full: true }, deps(kept));
      const random = rng(seed);
      const done: string[] = [];
      let serial = 0;
      for (let round = 0; round < 6; round++) {
        const changes = 1 + Math.floor(random() * 6);
        for (let i = 0; i < changes; i++) done.push(change(sim.company(), random, ++serial));
        const [result] = await runSync({ full: false }, deps(kept));
        expect(result?.kind, done.join('\n')).toBe('incremental');
        const fresh = openStore(':memory:');
        stores.push(fresh);
        await runSync({ full: true }, deps(fresh));
        const expected = storeContents(fresh);
        const actual = storeContents(kept);
        for (const part of Object.keys(expected)) {
          expect(actual[part], `round ${round}, ${part}, after:\n${done.join('\n')}`).toEqual(expected[part]);
        }
      }
    },
    60_000,
  );
});
