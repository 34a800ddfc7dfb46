import type Database from 'better-sqlite3';
import { addDays, type IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { StockFigure, StockSummary, StockSummaryRow } from '../../../shared/types/reports';
import { ITEM_COLUMNS, type StockItemMovements, type StockItemRow } from '../inventory/movements';
import { companyStockAt, type ItemClosing } from '../inventory/stock-totals';
import { closingStock, mulDivRound } from '../inventory/valuation';
import type { Masters } from './masters';

/**
 * Tally's Stock Summary for a period, computed by TallyConnect from the store's stock items and their
 * movements (electron/core/inventory): for every item, by its costing method (average cost or FIFO),
 *
 * - opening: the closing stock as on the day before `from` (the item's opening plus every movement before);
 * - inwards: the quantities and values of the inward movements in the period (their cost);
 * - outwards: the quantities of the outward movements; the value at cost, as Tally shows consumption:
 *   opening value + inward value − closing value;
 * - closing: the closing stock as on `to`.
 *
 * So opening + inwards − outwards = closing holds exactly, in quantity and value. Stock groups add up the
 * values of every item under them, and their quantities only when all those items share one unit.
 */

export interface StockFigures {
  opening: StockFigure;
  inwards: StockFigure;
  outwards: StockFigure;
  closing: StockFigure;
}

/** Paise per unit of a value over a quantity in thousandths; null without a quantity. */
export function rateOf(quantity: number | null, value: number): number | null {
  return quantity === null || quantity === 0 ? null : mulDivRound(value, 1000, quantity);
}

export const figure = (quantity: number | null, value: number): StockFigure => ({
  quantity,
  rate: rateOf(quantity, value),
  value,
});

/** Opening, inwards, outwards and closing of one item over a period (movements in date order). */
export function itemFigures(item: StockItemMovements, from: IsoDate, to: IsoDate): StockFigures {
  const opening = closingStock(item.method, item.opening, item.movements, addDays(from, -1));
  const closing = closingStock(item.method, item.opening, item.movements, to);
  let inQuantity = 0;
  let inValue = 0;
  let outQuantity = 0;
  for (const m of item.movements) {
    if (m.date < from || m.date > to) continue;
    if (m.quantity > 0) {
      inQuantity += m.quantity;
      inValue += m.amount;
    } else outQuantity -= m.quantity;
  }
  return {
    opening: figure(opening.quantity, opening.value),
    inwards: figure(inQuantity, inValue),
    outwards: figure(outQuantity, opening.value + inValue - closing.value),
    closing: figure(closing.quantity, closing.value),
  };
}

const byItem = (items: ItemClosing[]): Map<number, ItemClosing> => new Map(items.map((i) => [i.itemId, i]));

const NOTHING: ItemClosing = {
  itemId: 0,
  method: 'average',
  quantity: 0,
  value: 0,
  moved: { inQuantity: 0, inValue: 0, outQuantity: 0 },
};

/**
 * An item's period from its stock at the day before the period and at its last day: inwards and outwards
 * are the differences of the running sums, the outwards' value what the period consumed at cost (the same
 * rule as itemFigures, which works from the movements themselves).
 */
export function periodFigures(before: ItemClosing = NOTHING, after: ItemClosing = NOTHING): StockFigures {
  const inQuantity = after.moved.inQuantity - before.moved.inQuantity;
  const inValue = after.moved.inValue - before.moved.inValue;
  const outQuantity = before.moved.outQuantity - after.moved.outQuantity;
  return {
    opening: figure(before.quantity, before.value),
    inwards: figure(inQuantity, inValue),
    outwards: figure(outQuantity, before.value + inValue - after.value),
    closing: figure(after.quantity, after.value),
  };
}

/** Decimal places of each unit of a company, by name. */
export function unitDecimals(db: Database.Database, companyId: number): Map<string, number> {
  const rows = db
    .prepare('SELECT name, decimal_places AS decimals FROM units WHERE company_id = ?')
    .all(companyId) as { name: string; decimals: number }[];
  return new Map(rows.map((r) => [r.name, r.decimals]));
}

interface StockGroupNode {
  guid: string;
  name: string;
  parent: string | null;
}

/** The company's stock groups by name; a group an item names but the store lacks stands under Primary. */
function stockGroups(db: Database.Database, companyId: number, items: { group: string | null }[]) {
  const rows = db
    .prepare('SELECT guid, name, parent_name AS parent FROM stock_groups WHERE company_id = ? ORDER BY name')
    .all(companyId) as StockGroupNode[];
  const groups = new Map(rows.map((g) => [g.name, { ...g }]));
  for (const item of items) {
    if (item.group !== null && !groups.has(item.group))
      groups.set(item.group, { guid: item.group, name: item.group, parent: null });
  }
  // A parent the store lacks, or a cycle (a hand-edited database): the group stands under Primary.
  for (const g of groups.values()) {
    if (g.parent !== null && !groups.has(g.parent)) g.parent = null;
  }
  for (const g of groups.values()) {
    const seen = new Set<string>([g.name]);
    for (let p = g.parent; p !== null; p = groups.get(p)?.parent ?? null) {
      if (seen.has(p)) {
        g.parent = null;
        break;
      }
      seen.add(p);
    }
  }
  return groups;
}

const ZERO_TOTAL = () => ({ opening: 0, inwards: 0, outwards: 0, closing: 0 });

export function stockSummary(
  db: Database.Database,
  masters: Masters,
  input: { from: IsoDate; to: IsoDate; groupName?: string | undefined },
): StockSummary {
  const company = masters.company;
  const items = db
    .prepare(`SELECT ${ITEM_COLUMNS} FROM stock_items WHERE company_id = ? ORDER BY name`)
    .all(company.id) as StockItemRow[];
  const groups = stockGroups(db, company.id, items);
  const groupName = input.groupName ?? null;
  const group = groupName === null ? null : groups.get(groupName);
  if (group === undefined) {
    throw new AppError(
      'NOT_FOUND',
      `No stock group "${groupName}" in company "${company.name}"`,
      { groupName, companyGuid: company.guid },
      { reason: 'unknownStockGroup', params: { group: groupName ?? '', company: company.name } },
    );
  }
  const decimals = unitDecimals(db, company.id);
  // Both ends of the period valued from the monthly summary (stock-totals.ts), not every movement.
  const before = byItem(companyStockAt(db, company.id, addDays(input.from, -1)).items);
  const after = byItem(companyStockAt(db, company.id, input.to).items);

  const itemRows: StockSummaryRow[] = items.map((item) => ({
    kind: 'item',
    guid: item.guid,
    name: item.name,
    parent: item.group,
    depth: 0,
    unit: item.unit,
    decimals: (item.unit !== null ? decimals.get(item.unit) : undefined) ?? 0,
    costingMethod: item.costingMethod,
    ...periodFigures(before.get(item.id), after.get(item.id)),
  }));

  const childGroups = new Map<string | null, StockGroupNode[]>();
  for (const g of groups.values()) {
    const list = childGroups.get(g.parent);
    if (list) list.push(g);
    else childGroups.set(g.parent, [g]);
  }
  const childItems = new Map<string | null, StockSummaryRow[]>();
  for (const row of itemRows) {
    const list = childItems.get(row.parent);
    if (list) list.push(row);
    else childItems.set(row.parent, [row]);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

  /** Rows under a group (null: Primary) at a depth, each group followed by its own rows; with their items. */
  const emit = (
    parent: string | null,
    depth: number,
  ): { rows: StockSummaryRow[]; items: StockSummaryRow[] } => {
    const rows: StockSummaryRow[] = [];
    const all: StockSummaryRow[] = [];
    for (const g of [...(childGroups.get(parent) ?? [])].sort(byName)) {
      const inner = emit(g.name, depth + 1);
      // A group with no item anywhere under it has nothing to show (as in Tally).
      if (inner.items.length === 0) continue;
      rows.push(groupRow(g, depth, inner.items), ...inner.rows);
      all.push(...inner.items);
    }
    for (const item of [...(childItems.get(parent) ?? [])].sort(byName)) {
      rows.push({ ...item, depth });
      all.push(item);
    }
    return { rows, items: all };
  };
  const { rows, items: covered } = emit(groupName, 0);
  const total = ZERO_TOTAL();
  for (const r of covered) {
    total.opening += r.opening.value;
    total.inwards += r.inwards.value;
    total.outwards += r.outwards.value;
    total.closing += r.closing.value;
  }
  return {
    companyGuid: company.guid,
    from: input.from,
    to: input.to,
    group: group === null ? null : { name: group.name, parent: group.parent },
    rows,
    total,
    computed: true,
  };
}

/** A stock group's row: its items' values added up, and their quantities when they share one unit. */
function groupRow(g: StockGroupNode, depth: number, items: StockSummaryRow[]): StockSummaryRow {
  const units = new Set(items.map((i) => i.unit));
  const unit = units.size === 1 ? (items[0]?.unit ?? null) : null;
  const sum = (pick: (r: StockSummaryRow) => StockFigure): StockFigure => {
    const value = items.reduce((s, r) => s + pick(r).value, 0);
    const quantity = unit === null ? null : items.reduce((s, r) => s + (pick(r).quantity ?? 0), 0);
    return figure(quantity, value);
  };
  return {
    kind: 'group',
    guid: g.guid,
    name: g.name,
    parent: g.parent,
    depth,
    unit,
    decimals: Math.max(0, ...items.map((i) => i.decimals)),
    costingMethod: null,
    opening: sum((r) => r.opening),
    inwards: sum((r) => r.inwards),
    outwards: sum((r) => r.outwards),
    closing: sum((r) => r.closing),
  };
}
