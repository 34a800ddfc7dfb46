import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventoryEntryRecord, VoucherRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { importFiles } from '../../../electron/core/import/file-import';
import { runSync, type EngineDeps } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import { createTallyClient } from '../../../electron/core/tally/client';
import { renderAllMastersExport, renderDayBookExport } from '../../../tools/tally-sim/export-files';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import type { SimSource } from '../../../tools/tally-sim/source';

/** A small company with stock, served by the simulator in Tally's Collection shapes. */
const C = '570c5570-0000-4000-8000-0000000000aa';
const g = (n: number): string => `${C}-${n.toString(16).padStart(8, '0')}`;

const line = (
  item: string,
  quantity: number,
  unit: string,
  rate: number,
  amount: number,
  godown: string | null,
  ledgerName: string,
): InventoryEntryRecord => ({
  stockItemGuid: null,
  stockItemName: item,
  actualQuantity: quantity,
  billedQuantity: quantity,
  unit,
  rate,
  rateUnit: unit,
  amount,
  godown,
  ledgerName,
});

function invoice(
  n: number,
  type: 'Sales' | 'Purchase',
  date: string,
  lines: InventoryEntryRecord[],
  alterId: number,
): VoucherRecord {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return {
    guid: g(100 + n),
    alterId,
    masterId: 100 + n,
    date,
    voucherType: type,
    voucherNumber: `${type[0]}/${n}`,
    partyLedgerName: 'Cash',
    narration: '',
    reference: null,
    isCancelled: false,
    isOptional: false,
    entries: [
      { ledgerGuid: null, ledgerName: 'Cash', amount: -total, bills: [] },
      { ledgerGuid: null, ledgerName: type, amount: total, bills: [] },
    ],
    inventory: lines,
  };
}

function stockSource(): SimSource {
  const vouchers = [
    invoice(
      1,
      'Purchase',
      '2025-04-02',
      [line('Toor Dal', 50_000, 'Kgs', 100_00, 5_000_00, 'Main Location', 'Purchase')],
      101,
    ),
    invoice(
      2,
      'Sales',
      '2025-04-05',
      [
        line('Rice Bag', -1_000, 'Nos', 2_500_00, -2_500_00, 'Main Location', 'Sales'),
        line('Toor Dal', -10_250, 'Kgs', 140_00, -1_435_00, 'Back Store', 'Sales'),
      ],
      102,
    ),
  ];
  return {
    company: { guid: C, name: 'Anand Kirana & Co', booksFrom: '2025-04-01' },
    groups: [
      {
        guid: g(1),
        name: 'Current Assets',
        parent: null,
        nature: 'asset',
        isRevenue: false,
        affectsGrossProfit: false,
        reservedName: 'Current Assets',
        alterId: 1,
      },
      {
        guid: g(2),
        name: 'Cash-in-Hand',
        parent: 'Current Assets',
        nature: 'asset',
        isRevenue: false,
        affectsGrossProfit: false,
        reservedName: 'Cash-in-Hand',
        alterId: 2,
      },
      {
        guid: g(3),
        name: 'Sales Accounts',
        parent: null,
        nature: 'income',
        isRevenue: true,
        affectsGrossProfit: true,
        reservedName: 'Sales Accounts',
        alterId: 3,
      },
      {
        guid: g(4),
        name: 'Purchase Accounts',
        parent: null,
        nature: 'expense',
        isRevenue: true,
        affectsGrossProfit: true,
        reservedName: 'Purchase Accounts',
        alterId: 4,
      },
    ],
    ledgers: [
      {
        guid: g(10),
        name: 'Cash',
        parent: 'Cash-in-Hand',
        openingBalance: 10_000_00,
        isBillWise: false,
        creditPeriodDays: null,
        gstin: null,
        state: null,
        alterId: 10,
        openingBills: [],
      },
      {
        guid: g(11),
        name: 'Sales',
        parent: 'Sales Accounts',
        openingBalance: 0,
        isBillWise: false,
        creditPeriodDays: null,
        gstin: null,
        state: null,
        alterId: 11,
        openingBills: [],
      },
      {
        guid: g(12),
        name: 'Purchase',
        parent: 'Purchase Accounts',
        openingBalance: 0,
        isBillWise: false,
        creditPeriodDays: null,
        gstin: null,
        state: null,
        alterId: 12,
        openingBills: [],
      },
    ],
    voucherTypes: [
      {
        guid: g(20),
        name: 'Sales',
        parent: 'Sales',
        reservedName: 'Sales',
        autoNumbered: false,
        alterId: 20,
      },
      {
        guid: g(21),
        name: 'Purchase',
        parent: 'Purchase',
        reservedName: 'Purchase',
        autoNumbered: false,
        alterId: 21,
      },
    ],
    stockGroups: [
      { guid: g(30), name: 'Grains', parent: null, alterId: 30 },
      { guid: g(31), name: 'Pulses', parent: 'Grains', alterId: 31 },
    ],
    units: [
      {
        guid: g(40),
        name: 'Nos',
        formalName: 'Numbers',
        decimalPlaces: 0,
        isSimple: true,
        baseUnits: null,
        additionalUnits: null,
        conversion: null,
        alterId: 40,
      },
      {
        guid: g(41),
        name: 'Kgs',
        formalName: 'Kilograms',
        decimalPlaces: 3,
        isSimple: true,
        baseUnits: null,
        additionalUnits: null,
        conversion: null,
        alterId: 41,
      },
    ],
    godowns: [
      { guid: g(50), name: 'Main Location', parent: null, alterId: 50 },
      { guid: g(51), name: 'Back Store', parent: null, alterId: 51 },
    ],
    stockItems: [
      {
        guid: g(60),
        name: 'Toor Dal',
        parent: 'Pulses',
        unit: 'Kgs',
        openingQuantity: 100_500,
        openingRate: 95_00,
        openingValue: 9_547_50,
        costingMethod: 'Avg. Cost',
        alterId: 60,
      },
      {
        guid: g(61),
        name: 'Rice Bag',
        parent: 'Grains',
        unit: 'Nos',
        openingQuantity: 10_000,
        openingRate: 1_850_00,
        openingValue: 18_500_00,
        costingMethod: 'FIFO',
        alterId: 61,
      },
    ],
    vouchers: () => vouchers,
  };
}

let sim: TallySimulator;
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await sim.stop();
});

function newStore(): Store {
  const s = openStore(':memory:');
  stores.push(s);
  return s;
}

function deps(store: Store): EngineDeps {
  let t = 0;
  const now = (): number => (t += 10);
  return {
    client: createTallyClient({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 10_000 }),
    store,
    progress: createProgressTracker({ runId: 'inv', now, emit: () => undefined, minIntervalMs: 0 }),
    now,
    signal: new AbortController().signal,
    runId: 'inv',
    batchSize: 2,
  };
}

const q = <T>(store: Store, sql: string): T[] => store.db.prepare(sql).all() as T[];
const items = (store: Store) =>
  q(
    store,
    `SELECT guid, name, group_name AS "group", unit, opening_quantity AS qty, opening_rate AS rate,
       opening_value AS value, costing_method AS method, alter_id AS alterId FROM stock_items ORDER BY guid`,
  );
/** Inventory lines as the books hold them (row ids aside), in voucher and line order. */
const lines = (store: Store) =>
  q(
    store,
    `SELECT v.guid AS voucher, coalesce(i.name, e.item_name) AS item, e.date, e.actual_quantity AS actual,
       e.billed_quantity AS billed, e.unit, e.rate, e.rate_unit AS rateUnit, e.amount, e.godown
     FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id LEFT JOIN stock_items i ON i.id = e.item_id
     ORDER BY v.guid, e.id`,
  );
const stockMasters = (store: Store) => ({
  groups: q(
    store,
    'SELECT guid, name, parent_name AS parent, alter_id AS alterId FROM stock_groups ORDER BY guid',
  ),
  units: q(
    store,
    `SELECT guid, name, formal_name AS formal, decimal_places AS places, is_simple AS simple, base_units AS base,
       additional_units AS additional, conversion, alter_id AS alterId FROM units ORDER BY guid`,
  ),
  godowns: q(
    store,
    'SELECT guid, name, parent_name AS parent, alter_id AS alterId FROM godowns ORDER BY guid',
  ),
  items: items(store),
});

describe('sync of a company with stock', () => {
  it('stores its stock masters and each voucher’s inventory lines exactly', async () => {
    sim = await startTallySimulator([stockSource()]);
    const store = newStore();
    const [result] = await runSync({ full: false }, deps(store));
    expect(result?.kind).toBe('full');
    expect(stockMasters(store)).toEqual({
      groups: [
        { guid: g(30), name: 'Grains', parent: null, alterId: 30 },
        { guid: g(31), name: 'Pulses', parent: 'Grains', alterId: 31 },
      ],
      units: [
        {
          guid: g(40),
          name: 'Nos',
          formal: 'Numbers',
          places: 0,
          simple: 1,
          base: null,
          additional: null,
          conversion: null,
          alterId: 40,
        },
        {
          guid: g(41),
          name: 'Kgs',
          formal: 'Kilograms',
          places: 3,
          simple: 1,
          base: null,
          additional: null,
          conversion: null,
          alterId: 41,
        },
      ],
      godowns: [
        { guid: g(50), name: 'Main Location', parent: null, alterId: 50 },
        { guid: g(51), name: 'Back Store', parent: null, alterId: 51 },
      ],
      items: [
        {
          guid: g(60),
          name: 'Toor Dal',
          group: 'Pulses',
          unit: 'Kgs',
          qty: 100_500,
          rate: 95_00,
          value: 9_547_50,
          method: 'Avg. Cost',
          alterId: 60,
        },
        {
          guid: g(61),
          name: 'Rice Bag',
          group: 'Grains',
          unit: 'Nos',
          qty: 10_000,
          rate: 1_850_00,
          value: 18_500_00,
          method: 'FIFO',
          alterId: 61,
        },
      ],
    });
    expect(lines(store)).toEqual([
      {
        voucher: g(101),
        item: 'Toor Dal',
        date: '2025-04-02',
        actual: 50_000,
        billed: 50_000,
        unit: 'Kgs',
        rate: 100_00,
        rateUnit: 'Kgs',
        amount: 5_000_00,
        godown: 'Main Location',
      },
      {
        voucher: g(102),
        item: 'Rice Bag',
        date: '2025-04-05',
        actual: -1_000,
        billed: -1_000,
        unit: 'Nos',
        rate: 2_500_00,
        rateUnit: 'Nos',
        amount: -2_500_00,
        godown: 'Main Location',
      },
      {
        voucher: g(102),
        item: 'Toor Dal',
        date: '2025-04-05',
        actual: -10_250,
        billed: -10_250,
        unit: 'Kgs',
        rate: 140_00,
        rateUnit: 'Kgs',
        amount: -1_435_00,
        godown: 'Back Store',
      },
    ]);
    // The Collection fetch reads AllLedgerEntries only: each ledger line once.
    expect(
      q(
        store,
        `SELECT count(*) AS n FROM entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.guid = '${g(102)}'`,
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('follows an altered item and an altered voucher’s inventory lines incrementally, as a full sync would', async () => {
    sim = await startTallySimulator([stockSource()]);
    const store = newStore();
    await runSync({ full: false }, deps(store));
    const tally = sim.company();
    tally.alterStockItem('Toor Dal', (i) => ({
      ...i,
      name: 'Toor Dal (Premium)',
      openingQuantity: 80_000,
      openingValue: 8_000_00,
      openingRate: 100_00,
      costingMethod: 'FIFO',
    }));
    tally.alterVoucher(g(102), (v) => ({
      ...v,
      entries: [
        { ledgerGuid: null, ledgerName: 'Cash', amount: 2_800_00, bills: [] },
        { ledgerGuid: null, ledgerName: 'Sales', amount: -2_800_00, bills: [] },
      ],
      inventory: [line('Toor Dal (Premium)', -20_000, 'Kgs', 140_00, -2_800_00, 'Main Location', 'Sales')],
    }));
    const [result] = await runSync({ full: false }, deps(store));
    expect(result).toMatchObject({ kind: 'incremental', vouchersWritten: 1, mastersWritten: 1 });
    expect(items(store)[0]).toMatchObject({
      guid: g(60),
      name: 'Toor Dal (Premium)',
      qty: 80_000,
      value: 8_000_00,
      method: 'FIFO',
    });
    expect(lines(store).filter((l) => (l as { voucher: string }).voucher === g(102))).toEqual([
      {
        voucher: g(102),
        item: 'Toor Dal (Premium)',
        date: '2025-04-05',
        actual: -20_000,
        billed: -20_000,
        unit: 'Kgs',
        rate: 140_00,
        rateUnit: 'Kgs',
        amount: -2_800_00,
        godown: 'Main Location',
      },
    ]);
    // The renamed item keeps its key: the purchase line stored before follows it.
    expect(lines(store)[0]).toMatchObject({ voucher: g(101), item: 'Toor Dal (Premium)' });
    const fresh = newStore();
    await runSync({ full: true }, deps(fresh));
    expect(stockMasters(store)).toEqual(stockMasters(fresh));
    expect(lines(store)).toEqual(lines(fresh));
  });

  it('runs a full sync for a copy stored before inventory was (schema 10 marks it)', async () => {
    sim = await startTallySimulator([stockSource()]);
    const store = newStore();
    await runSync({ full: false }, deps(store));
    store.db.exec('DELETE FROM inventory_entries; UPDATE companies SET needs_full_sync = 1');
    const [again] = await runSync({ full: false }, deps(store));
    expect(again?.kind).toBe('full');
    expect(lines(store)).toHaveLength(3);
    expect(store.db.prepare('SELECT needs_full_sync FROM companies').pluck().get()).toBe(0);
    const [then] = await runSync({ full: false }, deps(store));
    expect(then?.kind).toBe('unchanged');
  });
});

describe('the demo company with inventory', () => {
  it('syncs from the simulator and imports from its export files to the same stock and lines', async () => {
    const demo = generateDemoCompany({ vouchers: 400, seed: 11, years: 1 });
    const withLines = [...demo.vouchers()].filter((v) => (v.inventory?.length ?? 0) > 0);
    expect(withLines.length).toBeGreaterThan(150);
    // Inventory amounts add up to the sales/purchase ledger line of each invoice.
    for (const v of withLines) {
      const ledger = v.inventory![0]!.ledgerName!;
      const line = v.entries.find((e) => e.ledgerName === ledger)!;
      expect(v.inventory!.reduce((s, l) => s + l.amount, 0)).toBe(line.amount);
    }
    sim = await startTallySimulator([demo]);
    const synced = newStore();
    await runSync({ full: true }, deps(synced));

    const dir = mkdtempSync(join(tmpdir(), 'tc-demo-stock-'));
    try {
      const bom = (text: string): Buffer =>
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const masters = join(dir, 'Masters.xml');
      const daybook = join(dir, 'DayBook.xml');
      writeFileSync(masters, bom(renderAllMastersExport(demo)));
      writeFileSync(daybook, bom(renderDayBookExport(demo)));
      const imported = newStore();
      await importFiles({
        store: imported,
        paths: [masters, daybook],
        runId: 'imp',
        now: () => 0,
        progress: createProgressTracker({ runId: 'imp', now: () => 0, emit: () => undefined }),
      });
      expect(stockMasters(imported)).toEqual(stockMasters(synced));
      expect(lines(imported)).toEqual(lines(synced));
      const entries = (s: Store) =>
        q(
          s,
          `SELECT v.guid, l.name, e.amount FROM entries e JOIN vouchers v ON v.id = e.voucher_id
              JOIN ledgers l ON l.id = e.ledger_id ORDER BY v.guid, e.id`,
        );
      expect(entries(imported)).toEqual(entries(synced));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stockMasters(synced).items).toHaveLength(12);
    expect(q(synced, 'SELECT count(*) AS n FROM inventory_entries WHERE item_id IS NULL')).toEqual([
      { n: 0 },
    ]);
    expect(lines(synced).length).toBe(withLines.reduce((n, v) => n + v.inventory!.length, 0));
  });
});
