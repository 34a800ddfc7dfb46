import type { Core } from '../../../electron/core/app';
import { cacheKeys } from '../../../electron/core/cache/keys';
import type {
  CompanyRecord,
  InventoryEntryRecord,
  LedgerEntryRecord,
  StockItemRecord,
  VoucherRecord,
} from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { closingStockOf, readStockMovements } from '../../../electron/core/inventory/movements';
import { loadMasters } from '../../../electron/core/reports/masters';
import { stockItemRegister } from '../../../electron/core/reports/stock-item';
import { itemFigures, stockSummary } from '../../../electron/core/reports/stock-summary';
import { voucherView } from '../../../electron/core/reports/voucher';
import type { CallContext } from '../../../electron/core/service/types';
import { addDays } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { ledger, tempDir } from '../db/fixtures';
import { createTestCore } from '../service/test-core';
import { voucherTypes } from '../db/books';

/**
 * Stock Summary, item movement register and the voucher's inventory lines, on a small trading company
 * with stock written by hand. Every figure below is worked out by hand (paise; quantities in thousandths).
 *
 * Toor Dal (Pulses under Grains, Kgs, Avg. Cost): opening 100 kg at ₹95 = ₹9,500.
 * Rice Bag (Grains, Nos, FIFO): opening 10 Nos at ₹1,850 = ₹18,500.
 * Groundnut Oil (Oils, Ltr, Avg. Cost): no opening.
 */

const GUID = 'stock-co-0001';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Anand Kirana',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};

const ledgers = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 28_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -28_000_00 }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PURCH', 'Purchase', 'Purchase Accounts'),
  ledger('L-PATIL', 'Patil Enterprises', 'Sundry Debtors'),
];
const types = voucherTypes('st', ['Sales', 'Purchase', 'Delivery Note', 'Sales Order']);
const item = (
  guid: string,
  name: string,
  parent: string,
  unit: string,
  costingMethod: string,
  openingQuantity = 0,
  openingValue = 0,
): StockItemRecord => ({
  guid,
  name,
  parent,
  unit,
  openingQuantity,
  openingRate: openingQuantity ? Math.round((openingValue * 1000) / openingQuantity) : null,
  openingValue,
  costingMethod,
  alterId: 5,
});
const items = [
  item('I-DAL', 'Toor Dal', 'Pulses', 'Kgs', 'Avg. Cost', 100_000, 9_500_00),
  item('I-RICE', 'Rice Bag', 'Grains', 'Nos', 'FIFO', 10_000, 18_500_00),
  item('I-OIL', 'Groundnut Oil', 'Oils', 'Ltr', 'Avg. Cost'),
];
const unit = (guid: string, name: string, decimalPlaces: number) => ({
  guid,
  name,
  formalName: null,
  decimalPlaces,
  isSimple: true,
  baseUnits: null,
  additionalUnits: null,
  conversion: null,
  alterId: 4,
});

const ITEM_GUIDS: Record<string, string> = {
  'Toor Dal': 'I-DAL',
  'Rice Bag': 'I-RICE',
  'Groundnut Oil': 'I-OIL',
};
const UNITS: Record<string, string> = { 'Toor Dal': 'Kgs', 'Rice Bag': 'Nos', 'Groundnut Oil': 'Ltr' };
/** An inventory line: quantity in thousandths (inward positive), rate paise per unit, amount debit positive. */
const line = (
  name: string,
  quantity: number,
  rate: number,
  godown: string | null = null,
): InventoryEntryRecord => ({
  stockItemGuid: ITEM_GUIDS[name] ?? null,
  stockItemName: name,
  actualQuantity: quantity,
  billedQuantity: quantity,
  unit: UNITS[name] ?? null,
  rate,
  rateUnit: UNITS[name] ?? null,
  amount: Math.round((quantity * rate) / 1000),
  godown,
});
const entry = (guid: string, name: string, amount: number): LedgerEntryRecord => ({
  ledgerGuid: guid,
  ledgerName: name,
  amount,
  bills: [],
});
let alterId = 10;
/** A voucher whose ledger lines balance its inventory: purchases Dr Purchase Cr Cash, sales the other way. */
const v = (
  guid: string,
  date: string,
  voucherType: string,
  inventory: InventoryEntryRecord[],
  party: string | null = null,
): VoucherRecord => {
  const total = inventory.reduce((s, l) => s + l.amount, 0);
  const sale = total < 0;
  return {
    guid,
    alterId: alterId++,
    masterId: null,
    date,
    voucherType,
    voucherNumber: guid,
    partyLedgerName: party,
    narration: '',
    reference: null,
    isCancelled: false,
    isOptional: false,
    entries: sale
      ? [entry('L-CASH', 'Cash', -total), entry('L-SALES', 'Sales', total)]
      : [entry('L-PURCH', 'Purchase', total), entry('L-CASH', 'Cash', -total)],
    inventory,
  };
};

const vouchers: VoucherRecord[] = [
  v('P1', '2025-04-02', 'Purchase', [line('Toor Dal', 50_000, 100_00, 'Main Location')]),
  v(
    'S1',
    '2025-04-10',
    'Sales',
    [line('Toor Dal', -60_000, 120_00), line('Rice Bag', -4_000, 2_000_00)],
    'Patil Enterprises',
  ),
  // Toor Dal received into two godowns: one line per godown.
  v('P2', '2025-05-05', 'Purchase', [
    line('Rice Bag', 6_000, 1_900_00),
    line('Toor Dal', 20_000, 105_00, 'Main Location'),
    line('Toor Dal', 10_000, 105_00, 'Back Store'),
  ]),
  // A delivery note moves stock though it posts nothing; an order moves nothing.
  v('D1', '2025-05-20', 'Delivery Note', [line('Rice Bag', -5_000, 2_000_00)], 'Patil Enterprises'),
  v('O1', '2025-05-21', 'Sales Order', [line('Toor Dal', -1_000_000, 120_00)], 'Patil Enterprises'),
  v('P3', '2025-06-01', 'Purchase', [line('Groundnut Oil', 15_500, 180_00)]),
  v('S2', '2025-06-15', 'Sales', [line('Toor Dal', -40_500, 120_00), line('Groundnut Oil', -5_000, 200_00)]),
  // A line naming an item the masters lack: kept by name, valued nowhere.
  v('P4', '2025-06-20', 'Purchase', [line('Mystery Spice', 1_000, 50_00)]),
];

const dir = tempDir('tc-stock-summary-');
const context: CallContext = { caller: 'test', user: null };
let core: Core;
beforeAll(async () => {
  core = await createTestCore(dir.path('data'));
  const writer = core.store.beginCompanyWrite(COMPANY, 'replace');
  writer.putGroups(predefinedGroups((id) => `sg-${id}`, 1));
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putStockGroups([
    { guid: 'G-GRAINS', name: 'Grains', parent: null, alterId: 2 },
    { guid: 'G-PULSES', name: 'Pulses', parent: 'Grains', alterId: 2 },
    { guid: 'G-OILS', name: 'Oils', parent: null, alterId: 2 },
    // No item under it: not shown.
    { guid: 'G-SPICES', name: 'Spices', parent: null, alterId: 2 },
  ]);
  writer.putUnits([unit('U-KGS', 'Kgs', 3), unit('U-NOS', 'Nos', 0), unit('U-LTR', 'Ltr', 2)]);
  writer.putGodowns([
    { guid: 'GD-MAIN', name: 'Main Location', parent: null, alterId: 2 },
    { guid: 'GD-BACK', name: 'Back Store', parent: null, alterId: 2 },
  ]);
  writer.putStockItems(items);
  writer.putVouchers(vouchers);
  writer.commit(COMPANY);
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

const masters = () => loadMasters(core.store.db, core.store.requireCompany(GUID));
const PERIOD = { from: '2025-05-01', to: '2025-06-30' };
const f = (quantity: number | null, rate: number | null, value: number) => ({ quantity, rate, value });

// Toor Dal, average cost. As on 30 Apr: 100 + 50 − 60 = 90 kg; in 150 kg for ₹14,500, so
// 90 × 14,500 / 150 = ₹8,700 (rate 8,700 / 90 = ₹96.666… → ₹96.67).
// May–June: in 30 kg for ₹3,150; out 40.5 kg. As on 30 Jun: 79.5 kg; in 180 kg for ₹17,650:
// 79.5 × 17,650 / 180 = ₹7,795.416… → ₹7,795.42 (rate ₹98.055… → ₹98.06).
// Outwards at cost: 8,700 + 3,150 − 7,795.42 = ₹4,054.58 (rate 4,054.58 / 40.5 = ₹100.113… → ₹100.11).
const DAL = {
  opening: f(90_000, 96_67, 8_700_00),
  inwards: f(30_000, 105_00, 3_150_00),
  outwards: f(40_500, 100_11, 4_054_58),
  closing: f(79_500, 98_06, 7_795_42),
};
// Rice Bag, FIFO. As on 30 Apr: 10 − 4 = 6 Nos of the opening lot: 6 × 1,850 = ₹11,100.
// May–June: in 6 Nos for ₹11,400; out 5 (the delivery note). As on 30 Jun: 7 Nos = the 6 bought
// (₹11,400) + 1 of the opening lot (₹1,850) = ₹13,250 (rate ₹1,892.857… → ₹1,892.86).
// Outwards at cost: 11,100 + 11,400 − 13,250 = ₹9,250 (₹1,850 each).
const RICE = {
  opening: f(6_000, 1_850_00, 11_100_00),
  inwards: f(6_000, 1_900_00, 11_400_00),
  outwards: f(5_000, 1_850_00, 9_250_00),
  closing: f(7_000, 1_892_86, 13_250_00),
};
// Groundnut Oil, average cost: in 15.5 L for ₹2,790 (₹180 a litre), out 5 L: 10.5 L = ₹1,890; outwards ₹900.
const OIL = {
  opening: f(0, null, 0),
  inwards: f(15_500, 180_00, 2_790_00),
  outwards: f(5_000, 180_00, 900_00),
  closing: f(10_500, 180_00, 1_890_00),
};
// Grains: Toor Dal (Kgs) and Rice Bag (Nos), so values only.
const GRAINS = {
  opening: f(null, null, 19_800_00),
  inwards: f(null, null, 14_550_00),
  outwards: f(null, null, 13_304_58),
  closing: f(null, null, 21_045_42),
};

describe('stock summary', () => {
  it('shows stock groups with their items: opening, inwards, outwards at cost and closing by each method', () => {
    const s = stockSummary(core.store.db, masters(), PERIOD);
    expect(s.computed).toBe(true);
    expect(s.group).toBeNull();
    expect(s.rows.map((r) => [r.kind, r.name, r.depth, r.unit, r.decimals])).toEqual([
      ['group', 'Grains', 0, null, 3],
      ['group', 'Pulses', 1, 'Kgs', 3],
      ['item', 'Toor Dal', 2, 'Kgs', 3],
      ['item', 'Rice Bag', 1, 'Nos', 0],
      ['group', 'Oils', 0, 'Ltr', 2],
      ['item', 'Groundnut Oil', 1, 'Ltr', 2],
    ]);
    const byName = Object.fromEntries(s.rows.map((r) => [r.name, r]));
    expect(byName['Toor Dal']).toMatchObject({
      ...DAL,
      costingMethod: 'Avg. Cost',
      parent: 'Pulses',
      guid: 'I-DAL',
    });
    expect(byName['Pulses']).toMatchObject({
      ...DAL,
      guid: 'G-PULSES',
      parent: 'Grains',
      costingMethod: null,
    });
    expect(byName['Rice Bag']).toMatchObject({ ...RICE, costingMethod: 'FIFO' });
    expect(byName['Groundnut Oil']).toMatchObject(OIL);
    expect(byName['Oils']).toMatchObject(OIL);
    expect(byName['Grains']).toMatchObject(GRAINS);
    expect(s.total).toEqual({
      opening: 19_800_00,
      inwards: 14_550_00 + 2_790_00,
      outwards: 13_304_58 + 900_00,
      closing: 21_045_42 + 1_890_00,
    });
  });

  it('summarises one stock group, its sub-groups and items', () => {
    const s = stockSummary(core.store.db, masters(), { ...PERIOD, groupName: 'Grains' });
    expect(s.group).toEqual({ name: 'Grains', parent: null });
    expect(s.rows.map((r) => [r.name, r.depth])).toEqual([
      ['Pulses', 0],
      ['Toor Dal', 1],
      ['Rice Bag', 0],
    ]);
    expect(s.total).toEqual({
      opening: 19_800_00,
      inwards: 14_550_00,
      outwards: 13_304_58,
      closing: 21_045_42,
    });
    expect(stockSummary(core.store.db, masters(), { ...PERIOD, groupName: 'Pulses' }).group).toEqual({
      name: 'Pulses',
      parent: 'Grains',
    });
  });

  it('answers NOT_FOUND for a stock group the company does not have', () => {
    expect(() => stockSummary(core.store.db, masters(), { ...PERIOD, groupName: 'Nope' })).toThrow(AppError);
  });

  it('takes the opening from the item masters before the first movement', () => {
    const s = stockSummary(core.store.db, masters(), { from: '2025-04-01', to: '2025-04-30' });
    const dal = s.rows.find((r) => r.name === 'Toor Dal')!;
    // 100 kg at ₹9,500; in 50 kg ₹5,000; out 60 kg: closing ₹8,700; outwards 9,500 + 5,000 − 8,700.
    expect(dal).toMatchObject({
      opening: f(100_000, 95_00, 9_500_00),
      inwards: f(50_000, 100_00, 5_000_00),
      outwards: f(60_000, 96_67, 5_800_00),
      closing: f(90_000, 96_67, 8_700_00),
    });
  });
});

describe('stock item movement register', () => {
  it("lists the item's vouchers with running quantity, opening and closing as the summary computes them", () => {
    const r = stockItemRegister(core.store.db, masters(), {
      itemGuid: 'I-DAL',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(r.item).toEqual({
      guid: 'I-DAL',
      name: 'Toor Dal',
      group: 'Pulses',
      unit: 'Kgs',
      decimals: 3,
      costingMethod: 'Avg. Cost',
      method: 'average',
    });
    expect(r.opening).toEqual(f(100_000, 95_00, 9_500_00));
    expect(
      r.lines.map((l) => [
        l.voucherGuid,
        l.date,
        l.voucherType,
        l.party,
        l.inward,
        l.outward,
        l.rate,
        l.value,
        l.runningQuantity,
        l.godown,
      ]),
    ).toEqual([
      ['P1', '2025-04-02', 'Purchase', null, 50_000, 0, 100_00, 5_000_00, 150_000, 'Main Location'],
      ['S1', '2025-04-10', 'Sales', 'Patil Enterprises', 0, 60_000, 120_00, 7_200_00, 90_000, null],
      [
        'P2',
        '2025-05-05',
        'Purchase',
        null,
        30_000,
        0,
        105_00,
        3_150_00,
        120_000,
        'Main Location, Back Store',
      ],
      // The sales order O1 moves nothing.
      ['S2', '2025-06-15', 'Sales', null, 0, 40_500, 120_00, 4_860_00, 79_500, null],
    ]);
    expect(r.inwards).toEqual(f(80_000, 101_88, 8_150_00));
    // 9,500 + 8,150 − 7,795.42 = ₹9,854.58 for 100.5 kg.
    expect(r.outwards).toEqual(f(100_500, 98_06, 9_854_58));
    expect(r.closing).toEqual(DAL.closing);
    expect(r.computed).toBe(true);
  });

  it('shows a delivery note as an inventory voucher, and the period opening after earlier movements', () => {
    const r = stockItemRegister(core.store.db, masters(), { itemGuid: 'I-RICE', ...PERIOD });
    expect(r.opening).toEqual(RICE.opening);
    expect(r.lines.map((l) => [l.voucherGuid, l.offBooks, l.inward, l.outward, l.runningQuantity])).toEqual([
      ['P2', null, 6_000, 0, 12_000],
      ['D1', 'inventory', 0, 5_000, 7_000],
    ]);
    expect(r.closing).toEqual(RICE.closing);
    expect(r.outwards).toEqual(RICE.outwards);
  });

  it('answers NOT_FOUND for an unknown item', () => {
    expect(() => stockItemRegister(core.store.db, masters(), { itemGuid: 'NOPE', ...PERIOD })).toThrow(
      AppError,
    );
  });
});

describe('voucher view inventory lines', () => {
  it('shows item, actual and billed quantity with unit, rate, amount and godown, one line per godown', () => {
    const v = voucherView(core.store.db, masters(), 'P2');
    expect(v.inventory).toEqual([
      {
        itemGuid: 'I-RICE',
        itemName: 'Rice Bag',
        actualQuantity: 6_000,
        billedQuantity: 6_000,
        unit: 'Nos',
        decimals: 0,
        rate: 1_900_00,
        rateUnit: 'Nos',
        amount: 11_400_00,
        godown: null,
      },
      {
        itemGuid: 'I-DAL',
        itemName: 'Toor Dal',
        actualQuantity: 20_000,
        billedQuantity: 20_000,
        unit: 'Kgs',
        decimals: 3,
        rate: 105_00,
        rateUnit: 'Kgs',
        amount: 2_100_00,
        godown: 'Main Location',
      },
      {
        itemGuid: 'I-DAL',
        itemName: 'Toor Dal',
        actualQuantity: 10_000,
        billedQuantity: 10_000,
        unit: 'Kgs',
        decimals: 3,
        rate: 105_00,
        rateUnit: 'Kgs',
        amount: 1_050_00,
        godown: 'Back Store',
      },
    ]);
    expect(
      voucherView(core.store.db, masters(), 'S1').inventory.map((l) => [
        l.itemName,
        l.actualQuantity,
        l.amount,
      ]),
    ).toEqual([
      ['Toor Dal', -60_000, -7_200_00],
      ['Rice Bag', -4_000, -8_000_00],
    ]);
  });

  it('keeps the name of an item the masters lack', () => {
    expect(voucherView(core.store.db, masters(), 'P4').inventory).toMatchObject([
      {
        itemGuid: null,
        itemName: 'Mystery Spice',
        actualQuantity: 1_000,
        unit: null,
        decimals: 0,
        amount: 50_00,
      },
    ]);
  });
});

describe('through the dispatcher', () => {
  it('serves the stock summary, then from the cache under its report key', async () => {
    const input = { companyGuid: GUID, ...PERIOD };
    const first = await core.dispatch('stockSummary.get', input, context);
    expect(first.ok && first.data.source).toBe('database');
    expect(first.ok && first.data.data.total.closing).toBe(22_935_42);
    const second = await core.dispatch('stockSummary.get', input, context);
    expect(second.ok && second.data.source).toBe('cache');
    const version = core.store.requireCompany(GUID).dataVersion;
    const keys = await core.dispatch('cache.keys', { pattern: '*' }, context);
    expect(keys.ok && keys.data.keys.map((k) => k.key)).toContain(
      cacheKeys.report(GUID, version, 'stock-summary', [PERIOD.from, PERIOD.to, '']),
    );
  });

  it('answers NOT_FOUND for an unknown group or item, VALIDATION for a reversed period', async () => {
    expect(
      await core.dispatch('stockSummary.get', { companyGuid: GUID, ...PERIOD, groupName: 'Nope' }, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await core.dispatch('stockItem.movements', { companyGuid: GUID, itemGuid: 'NOPE', ...PERIOD }, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { itemGuid: 'NOPE' } },
    });
    expect(
      await core.dispatch(
        'stockItem.movements',
        { companyGuid: GUID, itemGuid: 'I-DAL', from: '2025-06-30', to: '2025-05-01' },
        context,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await core.dispatch(
      'stockItem.movements',
      { companyGuid: GUID, itemGuid: 'I-OIL', ...PERIOD },
      context,
    );
    expect(ok.ok && ok.data.data.lines.map((l) => [l.voucherGuid, l.runningQuantity])).toEqual([
      ['P3', 15_500],
      ['S2', 10_500],
    ]);
  });
});

describe('stock summary invariants on the demo company', () => {
  const demoDir = tempDir('tc-stock-demo-');
  let store: Store;
  let demoGuid: string;
  beforeAll(() => {
    store = openStore(demoDir.path('demo.db'));
    demoGuid = loadDemoCompany(store, { vouchers: 3_000, seed: 77, until: '2026-11-25' }).companyGuid;
  });
  afterAll(() => {
    store.close();
    demoDir.cleanup();
  });

  it.each([
    ['a financial year', '2025-04-01', '2026-03-31'],
    ['a part of a year', '2025-08-15', '2025-11-10'],
    ['the books to date', '2024-04-01', '2026-11-25'],
  ])(
    'opening + inwards − outwards = closing for every item over %s, closing = closingStockOf',
    (_l, from, to) => {
      const m = loadMasters(store.db, store.requireCompany(demoGuid));
      const s = stockSummary(store.db, m, { from, to });
      const items = s.rows.filter((r) => r.kind === 'item');
      const all = closingStockOf(store.db, demoGuid, to);
      expect(items.length).toBe(all.length);
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((r) => r.inwards.quantity! > 0 && r.outwards.quantity! > 0)).toBe(true);
      // The summary's figures (from the monthly sums) equal the rule worked on every movement.
      const slow = new Map(readStockMovements(store.db, demoGuid, to).map((i) => [i.guid, i]));
      for (const r of items) {
        const { opening, inwards, outwards, closing } = r;
        expect({ item: r.name, opening, inwards, outwards, closing }).toEqual({
          item: r.name,
          ...itemFigures(slow.get(r.guid)!, from, to),
        });
      }
      for (const r of items) {
        const q = (x: { quantity: number | null }) => x.quantity ?? 0;
        expect(q(r.opening) + q(r.inwards) - q(r.outwards), r.name).toBe(q(r.closing));
        expect(r.opening.value + r.inwards.value - r.outwards.value, r.name).toBe(r.closing.value);
      }
      const sum = (list: { closing: { value: number } }[]) => list.reduce((t, x) => t + x.closing.value, 0);
      expect(s.total.closing).toBe(sum(all));
      expect(sum(items)).toBe(sum(all));
      // The opening is the closing as on the day before.
      const before = closingStockOf(store.db, demoGuid, addDays(from, -1));
      expect(s.total.opening).toBe(sum(before));
      // The groups at the top add up to the total.
      const top = s.rows.filter((r) => r.depth === 0);
      expect(top.reduce((t, r) => t + r.closing.value, 0)).toBe(s.total.closing);
      expect(top.reduce((t, r) => t + r.outwards.value, 0)).toBe(s.total.outwards);
    },
  );
});
