import { stockInHandLedgers } from '../../../electron/core/reports/stock-value';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoucherRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { importFiles } from '../../../electron/core/import/file-import';
import { loadMasters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { renderAllMastersExport, renderDayBookExport } from '../../../tools/tally-sim/export-files';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import type { SimCompany } from '../../../tools/tally-sim/company';
import { simulatorEngineDeps } from '../../helpers/engine-deps';
import { createProgressTracker } from '../../../electron/core/sync/progress';

/**
 * A full sync, an incremental sync and a file import of a company in real-Tally shape (the simulator's
 * default: CMPINFO counters, TYPE attributes, the parentless Profit & Loss A/c with earlier profit,
 * sub-groups exported with wrong flags, groups written twice, <OBJECT> count rows, and orders, notes,
 * memoranda, a reversing journal, post-dated, cancelled and optional vouchers with ledger amounts). The
 * trial balance and profit & loss the app shows must equal a recomputation made here from Tally's own
 * records with Tally's rules, written out independently of the app's code:
 * - orders, inventory notes, memoranda and reversing journals (by the base type their voucher type
 *   derives from), cancelled and optional vouchers never post; a post-dated voucher posts once the date
 *   of last entry (the latest other voucher that posts) reaches its date;
 * - a ledger's nature is its PRIMARY group's (walked up by name), from Tally's table of the 15 primary
 *   groups below, whatever flags its own sub-group was exported with;
 * - revenue ledgers restart every 1 April; earlier years' result sits in the Profit & Loss A/c.
 */

const NOW = (): number => Date.parse('2026-12-02T06:00:00Z');
const FY = { from: '2026-04-01', to: '2027-03-31' };

/** Tally's primary groups: revenue or not, and whether they go into gross profit (Tally help). */
const PRIMARY_GROUPS: Record<string, { revenue: boolean; grossProfit: boolean }> = {
  'Branch / Divisions': { revenue: false, grossProfit: false },
  'Capital Account': { revenue: false, grossProfit: false },
  'Current Assets': { revenue: false, grossProfit: false },
  'Current Liabilities': { revenue: false, grossProfit: false },
  'Fixed Assets': { revenue: false, grossProfit: false },
  Investments: { revenue: false, grossProfit: false },
  'Loans (Liability)': { revenue: false, grossProfit: false },
  'Misc. Expenses (ASSET)': { revenue: false, grossProfit: false },
  'Suspense A/c': { revenue: false, grossProfit: false },
  'Sales Accounts': { revenue: true, grossProfit: true },
  'Purchase Accounts': { revenue: true, grossProfit: true },
  'Direct Incomes': { revenue: true, grossProfit: true },
  'Direct Expenses': { revenue: true, grossProfit: true },
  'Indirect Incomes': { revenue: true, grossProfit: false },
  'Indirect Expenses': { revenue: true, grossProfit: false },
};

/** Base voucher types whose vouchers Tally never posts (not accounting vouchers, or outside the books). */
const NOT_POSTING = new Set([
  'Sales Order',
  'Purchase Order',
  'Delivery Note',
  'Receipt Note',
  'Rejections In',
  'Rejections Out',
  'Stock Journal',
  'Physical Stock',
  'Memorandum',
  'Reversing Journal',
]);

interface HandBooks {
  /** Closing of every ledger with a non-zero closing (debit positive), by name. */
  closings: Record<string, number>;
  grossProfit: number;
  netProfit: number;
}

/** The books of FY 2026-27 worked out from what Tally holds, by the rules above. */
function byHand(c: SimCompany): HandBooks {
  const parentOf = new Map(c.groups.map((g) => [g.name, g.parent]));
  const primaryOf = (group: string): string => {
    let name = group;
    for (let parent = parentOf.get(name); parent; parent = parentOf.get(name)) name = parent;
    return name;
  };
  const kind = new Map<string, 'pl' | { revenue: boolean; grossProfit: boolean }>();
  for (const l of c.ledgers) {
    kind.set(l.name, l.parent === null ? 'pl' : PRIMARY_GROUPS[primaryOf(l.parent)]!);
  }
  const closings: Record<string, number> = {};
  const add = (name: string, paise: number): void => {
    closings[name] = (closings[name] ?? 0) + paise;
  };
  for (const l of c.ledgers) add(l.name, l.openingBalance);
  const plLedger = c.ledgers.find((l) => l.parent === null)!.name;
  let grossProfit = 0;
  let netProfit = 0;
  const typeParent = new Map(c.voucherTypes.map((t) => [t.name, t.reservedName || t.parent]));
  const baseOf = (type: string): string => {
    let name = type;
    for (let i = 0; i < 10 && typeParent.get(name) !== name && typeParent.has(name); i++)
      name = typeParent.get(name)!;
    return name;
  };
  const regular = [...c.all()].filter(
    (v) => !v.isCancelled && !v.isOptional && !NOT_POSTING.has(baseOf(v.voucherType)),
  );
  const lastEntry = regular.filter((v) => !v.isPostDated).reduce((d, v) => (v.date > d ? v.date : d), '');
  const books: VoucherRecord[] = regular.filter((v) => !v.isPostDated || v.date <= lastEntry);
  for (const v of books) {
    if (v.date > FY.to) continue;
    for (const e of v.entries) {
      const k = kind.get(e.ledgerName)!;
      if (k === 'pl' || !k.revenue) add(e.ledgerName, e.amount);
      else if (v.date < FY.from)
        add(plLedger, e.amount); // an earlier year's result
      else {
        add(e.ledgerName, e.amount);
        netProfit -= e.amount;
        if (k.grossProfit) grossProfit -= e.amount;
      }
    }
  }
  for (const [name, amount] of Object.entries(closings)) if (amount === 0) delete closings[name];
  return { closings, grossProfit, netProfit };
}

function shownByApp(store: Store, guid: string): HandBooks {
  const masters = loadMasters(store.db, store.requireCompany(guid));
  // Ledger figures by the posting rules: stock as the Stock-in-Hand ledgers hold it (the items' valuation
  // is checked against valuation.ts in tests/core/inventory/stock-totals.test.ts).
  const tb = trialBalance(store.db, masters, FY, { stock: stockInHandLedgers });
  const pl = profitLoss(store.db, masters, FY, { stock: stockInHandLedgers });
  return {
    closings: Object.fromEntries(
      tb.rows.filter((r) => r.kind === 'ledger' && r.closing !== 0).map((r) => [r.name, r.closing]),
    ),
    grossProfit: pl.grossProfit,
    netProfit: pl.netProfit,
  };
}

let sim: TallySimulator;
let dir: string;
const stores: Store[] = [];
const demo = generateDemoCompany({ vouchers: 900, seed: 21, years: 2, until: '2026-11-30' });

beforeEach(async () => {
  sim = await startTallySimulator([demo], { now: NOW });
  dir = mkdtempSync(join(tmpdir(), 'tc-real-books-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const deps = (store: Store): EngineDeps => simulatorEngineDeps(sim.port, store, 150);

describe('books of a real-shape Tally company', () => {
  it('full sync, then incremental sync, show what a recomputation by Tally’s rules gives', async () => {
    const store = openStore(':memory:');
    stores.push(store);
    const c = sim.company();
    expect(c.extraVouchers().length).toBeGreaterThanOrEqual(10);

    const [full] = await runSync({ full: false }, deps(store));
    expect(full).toMatchObject({ kind: 'full', vouchersWritten: [...c.all()].length });
    const hand = byHand(c);
    expect(Object.keys(hand.closings)).toContain('Profit & Loss A/c');
    expect(shownByApp(store, c.guid)).toEqual(hand);

    // In Tally: one more sale (posts) and one more sales order (does not), both with ledger amounts.
    const template = [...c.all()].find((v) => v.voucherType === 'Sales' && !c.isExtra(v.guid))!;
    const { alterId: _ignored, ...sale } = { ...template, guid: `${c.guid}-6e000001`, date: '2026-11-29' };
    c.addVoucher({ ...sale, voucherNumber: 'LIVE-1' });
    const order = {
      ...sale,
      guid: `${c.guid}-6e000002`,
      voucherType: 'Sales Order',
      voucherNumber: 'SO-LIVE',
    };
    c.addVoucher(order);
    const [incremental] = await runSync({ full: false }, deps(store));
    expect(incremental).toMatchObject({ kind: 'incremental', vouchersWritten: 2 });
    const after = byHand(c);
    // The live sale moves the figures; the live order does not (byHand leaves it out by its type).
    expect(after.netProfit).not.toBe(hand.netProfit);
    expect(shownByApp(store, c.guid)).toEqual(after);
  });

  it('a file import of the same company shows the same books', async () => {
    const masters = join(dir, 'Masters.xml');
    const dayBook = join(dir, 'DayBook.xml');
    writeFileSync(masters, Buffer.from(`\uFEFF${renderAllMastersExport(demo, { now: NOW })}`, 'utf16le'));
    writeFileSync(dayBook, Buffer.from(`\uFEFF${renderDayBookExport(demo, { now: NOW })}`, 'utf16le'));
    const store = openStore(':memory:');
    stores.push(store);
    const result = await importFiles({
      store,
      paths: [dayBook, masters],
      runId: 'i',
      progress: createProgressTracker({ runId: 'i', now: () => 0, emit: () => undefined }),
      now: () => 0,
    });
    const c = sim.company();
    expect(store.requireCompany(result.companyGuid).booksFrom).toBe(c.booksFrom);
    expect(shownByApp(store, result.companyGuid)).toEqual(byHand(c));
  });
});
