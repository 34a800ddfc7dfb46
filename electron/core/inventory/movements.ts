import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { MOVES_STOCK } from '../db/stock-moves';
import {
  closingStock,
  valuationMethodOf,
  type ClosingStock,
  type ItemMovement,
  type ItemOpening,
  type ValuationMethod,
} from './valuation';

/**
 * Reads a company's stock items with their openings and movements from the store, and values them with
 * valuation.ts. Stock moves with the vouchers that post and with inventory vouchers (delivery and receipt
 * notes, stock journals ... stored off the books as 'inventory'); orders, cancelled, optional, memorandum
 * vouchers and post-dated ones not yet due move nothing. A line of a posting voucher (an invoice, credit or
 * debit note) tracked against a delivery / receipt note or rejection moves nothing either: the note moves
 * the stock, whether it comes before or after the invoice (Tally help "Using Tracking Numbers": invoice
 * lines update stock at once only when "Not Applicable"; docs/TALLY.md "Which lines move stock").
 */

// The SQL conditions for the lines that move stock are the store's (its summaries use them).
export { MOVES_STOCK, VOUCHER_MAY_MOVE_STOCK } from '../db/stock-moves';

export interface StockItemMovements {
  id: number;
  guid: string;
  name: string;
  group: string | null;
  unit: string | null;
  costingMethod: string;
  /** The method valued with: the item's own when valuation.ts knows it, else average cost. */
  method: ValuationMethod;
  opening: ItemOpening;
  /** Date order. */
  movements: ItemMovement[];
}

/** A stock item's master row as the readers select it (ITEM_COLUMNS). */
export interface StockItemRow {
  id: number;
  guid: string;
  name: string;
  group: string | null;
  unit: string | null;
  costingMethod: string;
  openingQuantity: number;
  openingValue: number;
}

/** The columns of a StockItemRow, on stock_items. */
export const ITEM_COLUMNS = `id, guid, name, group_name AS "group", unit, costing_method AS costingMethod,
  opening_quantity AS openingQuantity, opening_value AS openingValue`;

export function readStockMovements(
  db: Database.Database,
  companyGuid: string,
  asOn: IsoDate,
): StockItemMovements[] {
  const items = db
    .prepare(
      `SELECT ${ITEM_COLUMNS} FROM stock_items
       WHERE company_id = (SELECT id FROM companies WHERE guid = ?) ORDER BY name`,
    )
    .all(companyGuid) as StockItemRow[];
  const moves = db.prepare(
    `SELECT e.date, e.actual_quantity AS quantity, e.amount FROM inventory_entries e
     JOIN vouchers v ON v.id = e.voucher_id
     WHERE e.item_id = ? AND e.date <= ? AND ${MOVES_STOCK} ORDER BY e.date, e.voucher_id, e.id`,
  );
  return items.map((i) => ({
    id: i.id,
    guid: i.guid,
    name: i.name,
    group: i.group,
    unit: i.unit,
    costingMethod: i.costingMethod,
    method: valuationMethodOf(i.costingMethod) ?? 'average',
    opening: { quantity: i.openingQuantity, value: i.openingValue },
    movements: moves.all(i.id, asOn) as ItemMovement[],
  }));
}

/** Closing quantity and value of every stock item as on a date (see valuation.ts for the rules). */
export function closingStockOf(
  db: Database.Database,
  companyGuid: string,
  asOn: IsoDate,
): (StockItemMovements & { closing: ClosingStock })[] {
  return readStockMovements(db, companyGuid, asOn).map((item) => ({
    ...item,
    closing: closingStock(item.method, item.opening, item.movements, asOn),
  }));
}
