import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { OffBooksReason, StockItemLine, StockItemRegister } from '../../../shared/types/reports';
import {
  ITEM_COLUMNS,
  MOVES_STOCK,
  type StockItemMovements,
  type StockItemRow,
} from '../inventory/movements';
import { valuationMethodOf } from '../inventory/valuation';
import type { Masters } from './masters';
import { itemFigures, rateOf, unitDecimals } from './stock-summary';

interface MoveRow {
  voucherId: number;
  voucherGuid: string;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
  party: string | null;
  offBooks: OffBooksReason | null;
  quantity: number;
  rate: number | null;
  amount: number;
  godown: string | null;
}

const ITEM_SQL = `SELECT ${ITEM_COLUMNS} FROM stock_items WHERE company_id = ? AND guid = ?`;
// The same movements, in the same order, as inventory/movements.ts reads them, with their vouchers.
const MOVES_SQL = `SELECT v.id AS voucherId, v.guid AS voucherGuid, e.date, v.voucher_type AS voucherType,
    v.voucher_number AS voucherNumber, v.party_name AS party, v.off_books AS offBooks,
    e.actual_quantity AS quantity, e.rate, e.amount, e.godown
  FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id
  WHERE e.item_id = ? AND e.date <= ? AND ${MOVES_STOCK} ORDER BY e.date, e.voucher_id, e.id`;

/**
 * A stock item's movement register (Tally's Stock Item Vouchers) for a period: one line per voucher that
 * moved the item (its lines for the item added up), with inward / outward quantity, rate, value and the
 * quantity in stock after it; the opening, inwards, outwards (at cost) and closing as the Stock Summary
 * computes them. NOT_FOUND for an item the company does not have.
 */
export function stockItemRegister(
  db: Database.Database,
  masters: Masters,
  input: { itemGuid: string; from: IsoDate; to: IsoDate },
): StockItemRegister {
  const company = masters.company;
  const row = db.prepare(ITEM_SQL).get(company.id, input.itemGuid) as StockItemRow | undefined;
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `No stock item with GUID "${input.itemGuid}" in company "${company.name}"`,
      {
        itemGuid: input.itemGuid,
        companyGuid: company.guid,
      },
      { reason: 'unknownStockItem', params: { guid: input.itemGuid, company: company.name } },
    );
  }
  const moves = db.prepare(MOVES_SQL).all(row.id, input.to) as MoveRow[];
  const item: StockItemMovements = {
    id: row.id,
    guid: row.guid,
    name: row.name,
    group: row.group,
    unit: row.unit,
    costingMethod: row.costingMethod,
    method: valuationMethodOf(row.costingMethod) ?? 'average',
    opening: { quantity: row.openingQuantity, value: row.openingValue },
    movements: moves.map((m) => ({ date: m.date, quantity: m.quantity, amount: m.amount })),
  };
  const figures = itemFigures(item, input.from, input.to);

  // The period's movements, one line per voucher (in date order, a voucher's lines together).
  const lines: StockItemLine[] = [];
  let running = figures.opening.quantity ?? 0;
  let lastVoucher: number | null = null;
  const rates: (number | null)[][] = [];
  const godowns: Set<string>[] = [];
  for (const m of moves) {
    if (m.date < input.from) continue;
    if (m.voucherId !== lastVoucher) {
      lastVoucher = m.voucherId;
      lines.push({
        voucherGuid: m.voucherGuid,
        date: m.date,
        voucherType: m.voucherType,
        voucherNumber: m.voucherNumber,
        party: m.party,
        offBooks: m.offBooks,
        inward: 0,
        outward: 0,
        rate: null,
        value: 0,
        runningQuantity: running,
        godown: null,
      });
      rates.push([]);
      godowns.push(new Set());
    }
    const line = lines[lines.length - 1]!;
    if (m.quantity > 0) line.inward += m.quantity;
    else line.outward -= m.quantity;
    line.value += Math.abs(m.amount);
    running += m.quantity;
    line.runningQuantity = running;
    rates[rates.length - 1]!.push(m.rate);
    if (m.godown) godowns[godowns.length - 1]!.add(m.godown);
  }
  lines.forEach((line, i) => {
    const distinct = new Set(rates[i]);
    // The voucher's rate when its lines agree on one; else its value over its quantity.
    const only = distinct.size === 1 ? ([...distinct][0] ?? null) : null;
    line.rate = only ?? rateOf(line.inward + line.outward, line.value);
    const names = godowns[i]!;
    line.godown = names.size > 0 ? [...names].join(', ') : null;
  });

  const decimals = row.unit !== null ? (unitDecimals(db, company.id).get(row.unit) ?? 0) : 0;
  return {
    companyGuid: company.guid,
    from: input.from,
    to: input.to,
    item: {
      guid: row.guid,
      name: row.name,
      group: row.group,
      unit: row.unit,
      decimals,
      costingMethod: row.costingMethod,
      method: item.method,
    },
    opening: figures.opening,
    lines,
    inwards: figures.inwards,
    outwards: figures.outwards,
    closing: figures.closing,
    computed: true,
  };
}
