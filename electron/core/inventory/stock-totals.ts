import type Database from 'better-sqlite3';
import { lastDayOfMonth, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { Milli } from '../db/records';
import { MOVES_STOCK } from './movements';
import { mulDivRound, valuationMethodOf, type ClosingStock, type ValuationMethod } from './valuation';

/**
 * Closing stock from the derived `stock_item_month_totals` (schema 11), equal to valuation.ts's
 * closingStock() to the paisa (tests/core/inventory/stock-totals.test.ts holds them equal) without reading
 * every movement of every item:
 *
 * - average cost: opening + the inward and outward sums of the whole months up to the date (the summary)
 *   + those of the part month at the end (the item's lines through the (item_id, date) index);
 * - FIFO: the closing quantity as above, then only the newest inward lots backwards until it is covered:
 *   the part month's lines, whole months from the summary while a month's inward quantity fits, the lines
 *   of the one month where it stops fitting, and the opening stock (the oldest lot) last.
 */

interface ItemRow {
  id: number;
  costingMethod: string;
  openingQuantity: Milli;
  openingValue: Paise;
}

export interface Sums {
  inQuantity: Milli;
  inValue: Paise;
  /** Zero or negative: outward quantities carry the minus sign they are stored with. */
  outQuantity: Milli;
}

export interface ItemClosing extends ClosingStock {
  itemId: number;
  method: ValuationMethod;
  /** Every movement up to the date added up (openings excluded): a period's inwards and outwards are the
   * difference of these sums at its two ends. */
  moved: Sums;
}

export interface CompanyStockValue {
  /** Sum of the items' closing values. */
  value: Paise;
  items: ItemClosing[];
}

/** Above this many items the part month is read through the vouchers' date index instead of per item. */
const FEW_ITEMS = 200;

const monthOf = (date: IsoDate): string => date.slice(0, 7);

function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Prepared statements of one database (reports run many times against the same connection). */
interface Statements {
  items: Database.Statement;
  monthSums: Database.Statement;
  partItem: Database.Statement;
  partAll: Database.Statement;
  linesBack: Database.Statement;
  monthsBack: Database.Statement;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (s) return s;
  const sums = `sum(CASE WHEN e.actual_quantity > 0 THEN e.actual_quantity ELSE 0 END) AS inQuantity,
      sum(CASE WHEN e.actual_quantity > 0 THEN e.amount ELSE 0 END) AS inValue,
      sum(CASE WHEN e.actual_quantity < 0 THEN e.actual_quantity ELSE 0 END) AS outQuantity`;
  s = {
    items: db.prepare(
      `SELECT id, costing_method AS costingMethod, opening_quantity AS openingQuantity,
         opening_value AS openingValue FROM stock_items WHERE company_id = ? ORDER BY id`,
    ),
    monthSums: db.prepare(
      `SELECT item_id AS itemId, sum(in_quantity) AS inQuantity, sum(in_value) AS inValue,
         sum(out_quantity) AS outQuantity
       FROM stock_item_month_totals WHERE company_id = ? AND month <= ? GROUP BY item_id`,
    ),
    partItem: db.prepare(
      `SELECT ${sums} FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id
       WHERE e.item_id = ? AND e.date >= ? AND e.date <= ? AND ${MOVES_STOCK}`,
    ),
    partAll: db.prepare(
      `SELECT e.item_id AS itemId, ${sums} FROM vouchers v JOIN inventory_entries e ON e.voucher_id = v.id
       WHERE v.company_id = ? AND v.date >= ? AND v.date <= ? AND e.item_id IS NOT NULL AND ${MOVES_STOCK}
       GROUP BY e.item_id`,
    ),
    // Inward lots newest first: the exact reverse of movements.ts's order (date, voucher, line).
    linesBack: db.prepare(
      `SELECT e.actual_quantity AS quantity, e.amount FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id
       WHERE e.item_id = ? AND e.date >= ? AND e.date <= ? AND e.actual_quantity > 0 AND ${MOVES_STOCK}
       ORDER BY e.date DESC, e.voucher_id DESC, e.id DESC`,
    ),
    monthsBack: db.prepare(
      `SELECT month, in_quantity AS inQuantity, in_value AS inValue FROM stock_item_month_totals
       WHERE company_id = ? AND item_id = ? AND month <= ? AND in_quantity > 0 ORDER BY month DESC`,
    ),
  };
  prepared.set(db, s);
  return s;
}

const EARLIEST = '0001-01-01';

/** Number of stock items of a company (0: no inventory kept). */
export function stockItemCount(db: Database.Database, companyId: number): number {
  return db.prepare('SELECT count(*) FROM stock_items WHERE company_id = ?').pluck().get(companyId) as number;
}

/**
 * The items' opening stock at the books' start, valued as the valuation values an item before any
 * movement (an opening with no positive quantity is worth 0): the opening balance the stock carries.
 */
export function itemsOpeningValue(db: Database.Database, companyId: number): Paise {
  return (db
    .prepare(
      `SELECT coalesce(sum(opening_value), 0) FROM stock_items WHERE company_id = ? AND opening_quantity > 0`,
    )
    .pluck()
    .get(companyId) ?? 0) as Paise;
}

/** Closing quantity and value of every stock item of a company as on a date (end of that day). */
export function companyStockAt(db: Database.Database, companyId: number, asOn: IsoDate): CompanyStockValue {
  const s = statements(db);
  const items = s.items.all(companyId) as ItemRow[];
  if (items.length === 0) return { value: 0, items: [] };
  const monthEnd = asOn === lastDayOfMonth(monthOf(asOn));
  /** The last whole month the summary answers; the days after it come from the lines. */
  const lastWhole = monthEnd ? monthOf(asOn) : previousMonth(monthOf(asOn));
  const partFrom: IsoDate | null = monthEnd ? null : `${monthOf(asOn)}-01`;

  const totals = new Map<number, Sums>();
  const add = (itemId: number, r: Sums): void => {
    const t = totals.get(itemId);
    if (t) {
      t.inQuantity += r.inQuantity ?? 0;
      t.inValue += r.inValue ?? 0;
      t.outQuantity += r.outQuantity ?? 0;
    } else
      totals.set(itemId, {
        inQuantity: r.inQuantity ?? 0,
        inValue: r.inValue ?? 0,
        outQuantity: r.outQuantity ?? 0,
      });
  };
  for (const r of s.monthSums.all(companyId, lastWhole) as (Sums & { itemId: number })[]) add(r.itemId, r);
  if (partFrom !== null) {
    if (items.length <= FEW_ITEMS) {
      for (const item of items) add(item.id, s.partItem.get(item.id, partFrom, asOn) as Sums);
    } else {
      for (const r of s.partAll.all(companyId, partFrom, asOn) as (Sums & { itemId: number })[]) {
        add(r.itemId, r);
      }
    }
  }

  let value = 0;
  const result: ItemClosing[] = [];
  for (const item of items) {
    const t = totals.get(item.id) ?? { inQuantity: 0, inValue: 0, outQuantity: 0 };
    const method = valuationMethodOf(item.costingMethod) ?? 'average';
    const quantity = item.openingQuantity + t.inQuantity + t.outQuantity;
    const openingLot = item.openingQuantity > 0;
    let itemValue: Paise;
    if (method === 'average') {
      const inQuantity = (openingLot ? item.openingQuantity : 0) + t.inQuantity;
      const inValue = (openingLot ? item.openingValue : 0) + t.inValue;
      itemValue = inQuantity === 0 ? 0 : mulDivRound(quantity, inValue, inQuantity);
    } else {
      itemValue = fifoValue(s, companyId, item, quantity, asOn, lastWhole, partFrom);
    }
    value += itemValue;
    result.push({ itemId: item.id, method, quantity, value: itemValue, moved: t });
  }
  return { value, items: result };
}

function fifoValue(
  s: Statements,
  companyId: number,
  item: ItemRow,
  quantity: Milli,
  asOn: IsoDate,
  lastWhole: string,
  partFrom: IsoDate | null,
): Paise {
  if (quantity === 0) return 0;
  if (quantity < 0) {
    // Valued at the newest lot's rate (the opening lot when nothing came in).
    const newest = s.linesBack.get(item.id, EARLIEST, asOn) as { quantity: Milli; amount: Paise } | undefined;
    if (newest) return mulDivRound(quantity, newest.amount, newest.quantity);
    return item.openingQuantity > 0 ? mulDivRound(quantity, item.openingValue, item.openingQuantity) : 0;
  }
  let needed = quantity;
  let value = 0;
  /** Takes lots newest first until the quantity is covered; true when it is. */
  const takeLines = (from: IsoDate, to: IsoDate): boolean => {
    for (const lot of s.linesBack.iterate(item.id, from, to) as Iterable<{
      quantity: Milli;
      amount: Paise;
    }>) {
      if (lot.quantity <= needed) {
        value += lot.amount;
        needed -= lot.quantity;
      } else {
        value += mulDivRound(needed, lot.amount, lot.quantity);
        needed = 0;
      }
      if (needed === 0) return true;
    }
    return false;
  };
  if (partFrom !== null && takeLines(partFrom, asOn)) return value;
  let boundary: string | null = null;
  for (const m of s.monthsBack.iterate(companyId, item.id, lastWhole) as Iterable<{
    month: string;
    inQuantity: Milli;
    inValue: Paise;
  }>) {
    if (m.inQuantity <= needed) {
      value += m.inValue;
      needed -= m.inQuantity;
      if (needed === 0) return value;
    } else {
      boundary = m.month;
      break;
    }
  }
  if (boundary !== null) {
    if (takeLines(`${boundary}-01`, lastDayOfMonth(boundary))) return value;
  }
  if (needed > 0 && item.openingQuantity > 0) {
    if (item.openingQuantity <= needed) value += item.openingValue;
    else value += mulDivRound(needed, item.openingValue, item.openingQuantity);
  }
  return value;
}
