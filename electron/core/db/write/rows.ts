import type Database from 'better-sqlite3';
import type { WriteContext } from './session';

/**
 * Rows the write inserts by the million: vouchers' entries, bill allocations and inventory lines. Every
 * row gets an explicit id (no lastInsertRowid round trip per row, and children can name their parent at
 * once), and rows are buffered and written ROWS_PER_INSERT at a time with one multi-row INSERT: one
 * statement step per 64 rows instead of one per row. Buffers are flushed (entries before their bills)
 * before anything reads, renames or deletes those tables, and at the end of every putVouchers call.
 */

export const ROWS_PER_INSERT = 64;
export const ENTRY_COLUMNS = 9;
export const BILL_COLUMNS = 10;
export const INVENTORY_COLUMNS = 14;
const INSERT_INVENTORY = `INSERT INTO inventory_entries (id, voucher_id, company_id, item_id, item_name, date,
  actual_quantity, billed_quantity, unit, rate, rate_unit, amount, godown, tracking_number) VALUES`;
const INSERT_ENTRY = `INSERT INTO entries (id, voucher_id, company_id, ledger_id, date, amount, other_ledger_id,
  other_ledger_count, more_ledger_ids) VALUES`;
const INSERT_BILL = `INSERT INTO bill_allocations (id, entry_id, company_id, ledger_id, date, bill_name,
  bill_type, amount, credit_period_days, due_date) VALUES`;
/** "(?, ?), (?, ?), ..." for a multi-row INSERT. */
const values = (columns: number, rows: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

const prepare = (db: Database.Database) => ({
  insertEntry: db.prepare(`${INSERT_ENTRY} ${values(ENTRY_COLUMNS, 1)}`),
  insertEntries: db.prepare(`${INSERT_ENTRY} ${values(ENTRY_COLUMNS, ROWS_PER_INSERT)}`),
  insertBill: db.prepare(`${INSERT_BILL} ${values(BILL_COLUMNS, 1)}`),
  insertBills: db.prepare(`${INSERT_BILL} ${values(BILL_COLUMNS, ROWS_PER_INSERT)}`),
  insertInventory: db.prepare(`${INSERT_INVENTORY} ${values(INVENTORY_COLUMNS, 1)}`),
  insertInventories: db.prepare(`${INSERT_INVENTORY} ${values(INVENTORY_COLUMNS, ROWS_PER_INSERT)}`),
  maxVoucherId: db.prepare('SELECT coalesce(max(id), 0) FROM vouchers').pluck(),
  maxEntryId: db.prepare('SELECT coalesce(max(id), 0) FROM entries').pluck(),
  maxBillId: db.prepare('SELECT coalesce(max(id), 0) FROM bill_allocations').pluck(),
  maxInventoryId: db.prepare('SELECT coalesce(max(id), 0) FROM inventory_entries').pluck(),
});

/** Starts each table's ids after the largest stored one (of any company). */
export function startRowIds(ctx: WriteContext): void {
  const s = ctx.statements(prepare);
  ctx.nextId.voucher = (s.maxVoucherId.get() as number) + 1;
  ctx.nextId.entry = (s.maxEntryId.get() as number) + 1;
  ctx.nextId.bill = (s.maxBillId.get() as number) + 1;
  ctx.nextId.inventory = (s.maxInventoryId.get() as number) + 1;
}

function flushBuffer(
  rows: unknown[],
  columns: number,
  many: Database.Statement,
  one: Database.Statement,
): void {
  if (rows.length === columns * ROWS_PER_INSERT) many.run(rows);
  else for (let i = 0; i < rows.length; i += columns) one.run(rows.slice(i, i + columns));
  rows.length = 0;
}

/** Writes the buffered entries (before their bills can be written). */
export function flushEntries(ctx: WriteContext): void {
  const s = ctx.statements(prepare);
  flushBuffer(ctx.rows.entries, ENTRY_COLUMNS, s.insertEntries, s.insertEntry);
}

/** Writes every buffered row: entries, then bills, then inventory lines. */
export function flushRows(ctx: WriteContext): void {
  const s = ctx.statements(prepare);
  flushBuffer(ctx.rows.entries, ENTRY_COLUMNS, s.insertEntries, s.insertEntry);
  flushBuffer(ctx.rows.bills, BILL_COLUMNS, s.insertBills, s.insertBill);
  flushBuffer(ctx.rows.inventory, INVENTORY_COLUMNS, s.insertInventories, s.insertInventory);
}
