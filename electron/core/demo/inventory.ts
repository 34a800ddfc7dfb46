import type { Paise } from '../../../shared/money';
import type {
  GodownRecord,
  InventoryEntryRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
} from '../db/records';
import type { Random } from './random';

/**
 * The demo company's inventory: a few stock groups, units and godowns, a dozen items with opening stock,
 * and the inventory lines of its invoices. Lines are added to sales and purchase vouchers without changing
 * any ledger line: their amounts add up exactly to the voucher's sales/purchase ledger line.
 */

export interface DemoStock {
  stockGroups: StockGroupRecord[];
  units: UnitRecord[];
  godowns: GodownRecord[];
  stockItems: StockItemRecord[];
}

interface ItemSpec {
  name: string;
  group: string;
  unit: 'Nos' | 'Kgs' | 'Mtr' | 'Box';
  /** GST rate of the sales/purchase ledger it is invoiced through. */
  gst: 5 | 12 | 18 | 28;
  /** HSN code (customs tariff heading) of the goods. */
  hsn: string;
  /** Cost price, rupees per unit. */
  cost: number;
  fifo?: boolean;
}

const ITEMS: readonly ItemSpec[] = [
  { name: 'Toor Dal', group: 'Grocery', unit: 'Kgs', gst: 5, hsn: '0713', cost: 95 },
  { name: 'Basmati Rice 25 Kg Bag', group: 'Grocery', unit: 'Nos', gst: 5, hsn: '1006', cost: 1850 },
  { name: 'Sugar', group: 'Grocery', unit: 'Kgs', gst: 5, hsn: '1701', cost: 38, fifo: true },
  { name: 'Ghee 1 Ltr Tin', group: 'Grocery', unit: 'Nos', gst: 12, hsn: '0405', cost: 520 },
  { name: 'Hand Tools Kit', group: 'Hardware', unit: 'Box', gst: 12, hsn: '8206', cost: 1450 },
  { name: 'PVC Pipe 1 inch', group: 'Hardware', unit: 'Mtr', gst: 12, hsn: '3917', cost: 62 },
  { name: 'Copper Wire 2.5 sqmm', group: 'Electricals', unit: 'Mtr', gst: 18, hsn: '8544', cost: 28 },
  { name: 'LED Bulb 9W', group: 'Electricals', unit: 'Nos', gst: 18, hsn: '8539', cost: 85 },
  { name: 'Ceiling Fan 1200mm', group: 'Electricals', unit: 'Nos', gst: 18, hsn: '8414', cost: 1750 },
  { name: 'MCB 32A', group: 'Electricals', unit: 'Nos', gst: 18, hsn: '8536', cost: 240, fifo: true },
  { name: 'Air Conditioner 1.5 Ton', group: 'Electricals', unit: 'Nos', gst: 28, hsn: '8415', cost: 32_000 },
  { name: 'Cement OPC 53 Grade', group: 'Hardware', unit: 'Nos', gst: 28, hsn: '2523', cost: 360 },
];

const UNITS = [
  { name: 'Nos', formalName: 'Numbers', decimalPlaces: 0 },
  { name: 'Kgs', formalName: 'Kilograms', decimalPlaces: 3 },
  { name: 'Mtr', formalName: 'Metres', decimalPlaces: 2 },
  { name: 'Box', formalName: 'Boxes', decimalPlaces: 0 },
] as const;
const DECIMALS: Record<ItemSpec['unit'], number> = { Nos: 0, Kgs: 3, Mtr: 2, Box: 0 };

export const DEMO_GODOWNS = ['Main Location', 'Bhiwandi Warehouse'] as const;
/** Selling price over cost. */
const MARKUP = 1.45;

/** Masters, with GUIDs and AlterIDs from `nextId` on (after everything else the demo numbers). */
export function demoStockMasters(guidOf: (id: number) => string, firstId: number): DemoStock {
  let id = firstId;
  const next = (): { guid: string; alterId: number } => {
    const n = id++;
    return { guid: guidOf(n), alterId: n };
  };
  const stockGroups: StockGroupRecord[] = ['Grocery', 'Hardware', 'Electricals'].map((name) => ({
    ...next(),
    name,
    parent: null,
  }));
  const units: UnitRecord[] = UNITS.map((u) => ({
    ...next(),
    ...u,
    isSimple: true,
    baseUnits: null,
    additionalUnits: null,
    conversion: null,
  }));
  const godowns: GodownRecord[] = DEMO_GODOWNS.map((name) => ({ ...next(), name, parent: null }));
  const stockItems: StockItemRecord[] = ITEMS.map((spec) => {
    const units = Math.max(1, Math.round(2_00_000 / spec.cost));
    const rate = spec.cost * 100;
    return {
      ...next(),
      name: spec.name,
      parent: spec.group,
      unit: spec.unit,
      openingQuantity: units * 1000,
      openingRate: rate,
      openingValue: units * rate,
      costingMethod: spec.fifo === true ? 'FIFO' : 'Avg. Cost',
      gst: { hsn: spec.hsn, taxability: 'taxable', rate: spec.gst * 100 },
    };
  });
  return { stockGroups, units, godowns, stockItems };
}

const byRate = new Map<number, ItemSpec[]>();
for (const item of ITEMS) byRate.set(item.gst, [...(byRate.get(item.gst) ?? []), item]);

/**
 * Inventory lines of a sale (outward, credit) or purchase (inward, debit) whose taxable value is
 * `taxable` paise through the GST `rate` ledger `ledgerName`: amounts add up to exactly `taxable`.
 * Uses its own random stream, so the vouchers' ledger lines are those of the demo without inventory.
 */
/**
 * What the demo trader holds of each item (thousandths of its unit), so it sells what it has and buys what
 * runs low, as a shop does: without it, items drawn at random went deep into negative stock.
 */
export type DemoStockOnHand = Map<string, number>;

export function demoStockOnHand(): DemoStockOnHand {
  return new Map(ITEMS.map((item) => [item.name, Math.max(1, Math.round(2_00_000 / item.cost)) * 1000]));
}

/**
 * What the items invoiced at GST `rate` are short of their usual stock (their opening quantity), valued at
 * cost, in paise: a purchase at that rate buys at least this much, so the shop restocks what runs low
 * instead of selling into negative stock for years.
 */
export function demoRestockNeed(onHand: DemoStockOnHand, rate: number): Paise {
  let need = 0;
  for (const item of byRate.get(rate) ?? []) {
    const usual = Math.max(1, Math.round(2_00_000 / item.cost)) * 1000;
    const short = usual - (onHand.get(item.name) ?? 0);
    if (short > 0) need += Math.round((short / 1000) * item.cost * 100);
  }
  return need;
}

export function demoInventoryLines(
  random: Random,
  kind: 'sale' | 'purchase',
  rate: number,
  taxable: Paise,
  ledgerName: string,
  onHand: DemoStockOnHand = demoStockOnHand(),
): InventoryEntryRecord[] {
  const candidates = byRate.get(rate) ?? [];
  if (candidates.length === 0 || taxable <= 0) return [];
  const count =
    taxable < 1_000_00 ? 1 : Math.min(candidates.length, random.chance(0.55) ? 1 : random.int(2, 3));
  // Sales draw on the items with the most stock (at cost), purchases restock those with the least; a
  // random start breaks ties so equal stock still varies.
  const start = random.int(0, candidates.length - 1);
  const held = (item: ItemSpec): number => ((onHand.get(item.name) ?? 0) / 1000) * item.cost;
  const ordered = candidates
    .map((item, k) => ({ item, order: (k - start + candidates.length) % candidates.length }))
    .sort(
      (a, b) =>
        (kind === 'sale' ? held(b.item) - held(a.item) : held(a.item) - held(b.item)) || a.order - b.order,
    )
    .map((c) => c.item);
  const sign = kind === 'sale' ? -1 : 1;
  const priceOf = (item: ItemSpec): number => Math.round(item.cost * 100 * (kind === 'sale' ? MARKUP : 1));
  // A sale worth more than its first items hold takes in the next ones too (a shop sells what it has).
  let picked = ordered.slice(0, count);
  if (kind === 'sale') {
    const worthHeld = (items: ItemSpec[]): number =>
      items.reduce((sum, item) => sum + ((onHand.get(item.name) ?? 0) / 1000) * priceOf(item), 0);
    let more = count;
    while (more < ordered.length && worthHeld(picked) < taxable) picked = ordered.slice(0, ++more);
  }
  const lines = picked.length;
  let left = taxable;
  return picked.map((item, k) => {
    const price = priceOf(item);
    const heldWorth = Math.max(0, Math.floor((((onHand.get(item.name) ?? 0) / 1000) * price) / 100) * 100);
    const share =
      k === lines - 1 ? left : Math.max(1, Math.floor((left * (0.3 + 0.4 * random.next())) / 100) * 100);
    // A sale takes no more of an item than is held, while later items can take the rest.
    const amount = kind === 'sale' && k < lines - 1 && heldWorth >= 100 ? Math.min(share, heldWorth) : share;
    left -= amount;
    // Quantity to the unit's decimals (thousandths: 1 Nos = 1000), at least one step.
    const step = 10 ** (3 - DECIMALS[item.unit]);
    const quantity = Math.max(1, Math.round((amount * 1000) / price / step)) * step;
    onHand.set(item.name, (onHand.get(item.name) ?? 0) + sign * quantity);
    return {
      stockItemGuid: null,
      stockItemName: item.name,
      actualQuantity: sign * quantity,
      billedQuantity: sign * quantity,
      unit: item.unit,
      rate: Math.round((amount * 1000) / quantity),
      rateUnit: item.unit,
      amount: sign * amount,
      godown: random.chance(0.7) ? DEMO_GODOWNS[0] : DEMO_GODOWNS[1],
      ledgerName,
    };
  });
}
