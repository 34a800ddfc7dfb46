import type Database from 'better-sqlite3';
import { invalid } from './errors';
import { deleteVoucherGst } from './gst';
import { flushRows } from './rows';
import type { WriteContext } from './session';

/**
 * Deletions: vouchers (with their entries, bills and inventory lines), masters by GUID, a whole company's
 * rows, and the count a replace write reports of the vouchers its new copy no longer has. Children are
 * deleted explicitly, before their parents (no cascades).
 */

const prepare = (db: Database.Database) => ({
  findVoucher: db.prepare('SELECT id, date FROM vouchers WHERE company_id = ? AND guid = ?'),
  voucherLedgers: db
    .prepare(
      'SELECT DISTINCT l.guid FROM entries e JOIN ledgers l ON l.id = e.ledger_id WHERE e.voucher_id = ?',
    )
    .pluck(),
  deleteBillsOfVoucher: db.prepare(
    'DELETE FROM bill_allocations WHERE entry_id IN (SELECT id FROM entries WHERE voucher_id = ?)',
  ),
  deleteEntriesOfVoucher: db.prepare('DELETE FROM entries WHERE voucher_id = ?'),
  deleteInventoryOfVoucher: db.prepare('DELETE FROM inventory_entries WHERE voucher_id = ?'),
  deleteVoucher: db.prepare('DELETE FROM vouchers WHERE id = ?'),
  findLedger: db.prepare('SELECT name FROM ledgers WHERE company_id = ? AND guid = ?'),
  ledgerUsed: db.prepare(`SELECT 1 FROM entries
      WHERE ledger_id = (SELECT id FROM ledgers WHERE company_id = ? AND guid = ?) LIMIT 1`),
  deleteOpeningBills: db.prepare('DELETE FROM ledger_opening_bills WHERE company_id = ? AND ledger_guid = ?'),
  deleteClosingValues: db.prepare(
    'DELETE FROM ledger_closing_values WHERE company_id = ? AND ledger_guid = ?',
  ),
  deleteLedger: db.prepare('DELETE FROM ledgers WHERE company_id = ? AND guid = ?'),
  findStockItem: db.prepare('SELECT id, name FROM stock_items WHERE company_id = ? AND guid = ?'),
  unlinkInventory: db.prepare('UPDATE inventory_entries SET item_id = NULL, item_name = ? WHERE item_id = ?'),
  deleteStockItem: db.prepare('DELETE FROM stock_items WHERE id = ?'),
  deleteStockGroup: db.prepare('DELETE FROM stock_groups WHERE company_id = ? AND guid = ?'),
  deleteUnit: db.prepare('DELETE FROM units WHERE company_id = ? AND guid = ?'),
  deleteGodown: db.prepare('DELETE FROM godowns WHERE company_id = ? AND guid = ?'),
  deleteGroup: db.prepare('DELETE FROM groups WHERE company_id = ? AND guid = ?'),
  deleteVoucherType: db.prepare('DELETE FROM voucher_types WHERE company_id = ? AND guid = ? RETURNING name'),
});

/** Deletes a stored voucher by GUID, noting its ledgers and month for the summaries; false if none. */
export function deleteStoredVoucher(ctx: WriteContext, guid: string): boolean {
  const s = ctx.statements(prepare);
  flushRows(ctx);
  const found = s.findVoucher.get(ctx.companyId, guid) as { id: number; date: string } | undefined;
  if (!found) return false;
  for (const ledger of s.voucherLedgers.all(found.id) as string[]) ctx.touchedLedgers.add(ledger);
  ctx.touchedMonths.add(found.date.slice(0, 7));
  s.deleteBillsOfVoucher.run(found.id);
  s.deleteEntriesOfVoucher.run(found.id);
  s.deleteInventoryOfVoucher.run(found.id);
  deleteVoucherGst(ctx, found.id);
  s.deleteVoucher.run(found.id);
  return true;
}

export function deleteVouchers(ctx: WriteContext, guids: readonly string[]): void {
  if (guids.length > 0) ctx.accumulator = null;
  for (const guid of guids) if (deleteStoredVoucher(ctx, guid)) ctx.vouchersRemoved++;
}

export function deleteMasters(ctx: WriteContext, guids: readonly string[]): void {
  if (guids.length > 0) ctx.accumulator = null;
  ctx.mastersChanged = true;
  for (const guid of guids) deleteMaster(ctx, guid);
}

/** Deletes the master with this GUID, whatever its kind; nothing when there is none. */
function deleteMaster(ctx: WriteContext, guid: string): void {
  const s = ctx.statements(prepare);
  const { companyId } = ctx;
  const m = ctx.masters;
  const ledger = s.findLedger.get(companyId, guid) as { name: string } | undefined;
  if (ledger) {
    const used = s.ledgerUsed.get(companyId, guid);
    if (used) {
      throw invalid(`Ledger "${ledger.name}" cannot be deleted: vouchers still use it`, {
        guid,
        name: ledger.name,
      });
    }
    s.deleteOpeningBills.run(companyId, guid);
    s.deleteClosingValues.run(companyId, guid);
    s.deleteLedger.run(companyId, guid);
    m.ledgerGuidByName.delete(ledger.name);
    m.ledgerNameByGuid.delete(guid);
    m.ledgerIdByGuid.delete(guid);
    ctx.touchedLedgers.add(guid);
    return;
  }
  const item = s.findStockItem.get(companyId, guid) as { id: number; name: string } | undefined;
  if (item) {
    // Its lines keep the item's name (Tally refuses to delete an item vouchers use; a Day Book may be newer).
    flushRows(ctx);
    s.unlinkInventory.run(item.name, item.id);
    s.deleteStockItem.run(item.id);
    ctx.touchedItems.add(item.id);
    m.itemIdByGuid.delete(guid);
    m.itemIdByName.delete(item.name);
    m.itemNameByGuid.delete(guid);
    return;
  }
  for (const [remove, names] of [
    [s.deleteStockGroup, m.stockGroupNameByGuid],
    [s.deleteUnit, m.unitNameByGuid],
    [s.deleteGodown, m.godownNameByGuid],
  ] as const) {
    if (remove.run(companyId, guid).changes) {
      names.delete(guid);
      return;
    }
  }
  s.deleteGroup.run(companyId, guid);
  m.groupNameByGuid.delete(guid);
  const type = s.deleteVoucherType.get(companyId, guid) as { name: string } | undefined;
  if (type) m.typeParent.delete(type.name);
  m.typeNameByGuid.delete(guid);
}

/** Deletes a company's rows children first (cheaper than per-row cascades on millions of entries). */
export function clearCompanyData(db: Database.Database, companyId: number): void {
  for (const table of [
    'ledger_month_totals',
    'stock_item_month_totals',
    'bill_totals',
    'voucher_month_counts',
    'bill_allocations',
    'entries',
    'inventory_entries',
    'gst_line_details',
    'voucher_gst',
    'vouchers',
    'stock_items',
    'stock_groups',
    'units',
    'godowns',
    'ledger_closing_values',
    'tally_stock_values',
    'ledger_opening_bills',
    'ledgers',
    'voucher_types',
    'groups',
  ]) {
    db.prepare(`DELETE FROM ${table} WHERE company_id = ?`).run(companyId);
  }
}

/**
 * Starts a replace write: remembers the stored vouchers' GUIDs (to tell at commit how many of them the
 * new copy no longer has), then clears the company's rows.
 */
export function clearForReplace(ctx: WriteContext): void {
  const { db, companyId } = ctx;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS replaced_vouchers (guid TEXT PRIMARY KEY) WITHOUT ROWID');
  db.exec('DELETE FROM temp.replaced_vouchers');
  db.prepare('INSERT INTO temp.replaced_vouchers SELECT guid FROM vouchers WHERE company_id = ?').run(
    companyId,
  );
  clearCompanyData(db, companyId);
}

/** At the commit of a replace write: how many of the replaced vouchers the new copy does not have. */
export function countReplacedVouchersGone(ctx: WriteContext): number {
  const gone = ctx.db
    .prepare(
      `SELECT count(*) FROM temp.replaced_vouchers r
       WHERE NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.company_id = ? AND v.guid = r.guid)`,
    )
    .pluck()
    .get(ctx.companyId) as number;
  ctx.db.exec('DELETE FROM temp.replaced_vouchers');
  return gone;
}
