import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../../shared/dates';
import type {
  GodownRecord,
  StockGroupRecord,
  StockItemRecord,
  TallyStockValue,
  UnitRecord,
  VoucherRecord,
} from '../records';
import { clash, invalid, voucherDetails, voucherLabel } from './errors';
import { putStockItemGst } from './gst';
import { passOnRenames } from './renames';
import { flushRows, INVENTORY_COLUMNS, ROWS_PER_INSERT } from './rows';
import type { WriteContext } from './session';

/**
 * Inventory: the stock masters (stock groups, units, godowns, stock items), vouchers' inventory lines and
 * the closing stock values Tally reported. A line names its item by key when the item is known, else by
 * name until the item arrives (a Day Book older or newer than its masters).
 */

const prepare = (db: Database.Database) => ({
  itemNames: db.prepare('SELECT id, guid, name FROM stock_items WHERE company_id = ?'),
  stockGroupNames: db.prepare('SELECT guid, name FROM stock_groups WHERE company_id = ?'),
  unitNames: db.prepare('SELECT guid, name FROM units WHERE company_id = ?'),
  godownNames: db.prepare('SELECT guid, name FROM godowns WHERE company_id = ?'),
  upsertStockGroup: db.prepare(`INSERT INTO stock_groups (company_id, guid, name, parent_name, alter_id)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        alter_id = excluded.alter_id`),
  upsertUnit: db.prepare(`INSERT INTO units (company_id, guid, name, formal_name, decimal_places, is_simple,
      base_units, additional_units, conversion, alter_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, formal_name = excluded.formal_name,
        decimal_places = excluded.decimal_places, is_simple = excluded.is_simple,
        base_units = excluded.base_units, additional_units = excluded.additional_units,
        conversion = excluded.conversion, alter_id = excluded.alter_id`),
  upsertGodown: db.prepare(`INSERT INTO godowns (company_id, guid, name, parent_name, alter_id)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        alter_id = excluded.alter_id`),
  upsertStockItem: db.prepare(`INSERT INTO stock_items (company_id, guid, name, group_name, unit,
      opening_quantity, opening_rate, opening_value, costing_method, alter_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, group_name = excluded.group_name,
        unit = excluded.unit, opening_quantity = excluded.opening_quantity,
        opening_rate = excluded.opening_rate, opening_value = excluded.opening_value,
        costing_method = excluded.costing_method, alter_id = excluded.alter_id
      RETURNING id`),
  linkInventory: db.prepare(`UPDATE inventory_entries SET item_id = ?, item_name = NULL
      WHERE company_id = ? AND item_id IS NULL AND item_name = ?`),
  deleteTallyStock: db.prepare('DELETE FROM tally_stock_values WHERE company_id = ?'),
  deleteTallyStockFrom: db.prepare('DELETE FROM tally_stock_values WHERE company_id = ? AND date >= ?'),
  insertTallyStock: db.prepare(
    'INSERT OR REPLACE INTO tally_stock_values (company_id, date, value) VALUES (?, ?, ?)',
  ),
});

/** Reads the stored stock items, stock groups, units and godowns into ctx.masters. */
export function loadStockMasters(ctx: WriteContext): void {
  const s = ctx.statements(prepare);
  const m = ctx.masters;
  for (const i of s.itemNames.all(ctx.companyId) as { id: number; guid: string; name: string }[]) {
    m.itemIdByGuid.set(i.guid, i.id);
    m.itemIdByName.set(i.name, i.id);
    m.itemNameByGuid.set(i.guid, i.name);
  }
  for (const [select, names] of [
    [s.stockGroupNames, m.stockGroupNameByGuid],
    [s.unitNames, m.unitNameByGuid],
    [s.godownNames, m.godownNameByGuid],
  ] as const) {
    for (const r of select.all(ctx.companyId) as { guid: string; name: string }[]) names.set(r.guid, r.name);
  }
}

export function putStockGroups(ctx: WriteContext, groups: readonly StockGroupRecord[]): void {
  const s = ctx.statements(prepare);
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'stockGroup', groups, ctx.masters.stockGroupNameByGuid);
  for (const g of groups) {
    try {
      s.upsertStockGroup.run(ctx.companyId, g.guid, g.name, g.parent, g.alterId);
    } catch (error) {
      clash(error, 'Stock group', g);
    }
    ctx.masters.stockGroupNameByGuid.set(g.guid, g.name);
  }
}

export function putUnits(ctx: WriteContext, units: readonly UnitRecord[]): void {
  const s = ctx.statements(prepare);
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'unit', units, ctx.masters.unitNameByGuid);
  for (const u of units) {
    if (u.conversion !== null && !Number.isSafeInteger(u.conversion)) {
      throw invalid(`Unit "${u.name}" has a non-integer conversion`, { guid: u.guid, name: u.name });
    }
    try {
      s.upsertUnit.run(
        ctx.companyId,
        u.guid,
        u.name,
        u.formalName,
        u.decimalPlaces,
        u.isSimple ? 1 : 0,
        u.baseUnits,
        u.additionalUnits,
        u.conversion,
        u.alterId,
      );
    } catch (error) {
      clash(error, 'Unit', u);
    }
    ctx.masters.unitNameByGuid.set(u.guid, u.name);
  }
}

export function putGodowns(ctx: WriteContext, godowns: readonly GodownRecord[]): void {
  const s = ctx.statements(prepare);
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'godown', godowns, ctx.masters.godownNameByGuid);
  for (const g of godowns) {
    try {
      s.upsertGodown.run(ctx.companyId, g.guid, g.name, g.parent, g.alterId);
    } catch (error) {
      clash(error, 'Godown', g);
    }
    ctx.masters.godownNameByGuid.set(g.guid, g.name);
  }
}

/** Upserts by GUID: a renamed item keeps its key, so its inventory lines follow without a rename pass. */
export function putStockItems(ctx: WriteContext, items: readonly StockItemRecord[]): void {
  ctx.mastersChanged = true;
  flushRows(ctx);
  for (const item of items) putStockItem(ctx, item);
}

function putStockItem(ctx: WriteContext, item: StockItemRecord): void {
  const s = ctx.statements(prepare);
  const m = ctx.masters;
  for (const [field, value] of [
    ['opening quantity', item.openingQuantity],
    ['opening value', item.openingValue],
    ['opening rate', item.openingRate ?? 0],
  ] as const) {
    if (!Number.isSafeInteger(value)) {
      throw invalid(`Stock item "${item.name}" has a non-integer ${field}`, {
        guid: item.guid,
        name: item.name,
      });
    }
  }
  let id: number;
  try {
    id = (
      s.upsertStockItem.get(
        ctx.companyId,
        item.guid,
        item.name,
        item.parent,
        item.unit,
        item.openingQuantity,
        item.openingRate,
        item.openingValue,
        item.costingMethod,
        item.alterId,
      ) as { id: number }
    ).id;
  } catch (error) {
    return clash(error, 'Stock item', item);
  }
  const previousName = m.itemNameByGuid.get(item.guid);
  if (previousName !== undefined && previousName !== item.name) m.itemIdByName.delete(previousName);
  m.itemIdByGuid.set(item.guid, id);
  m.itemIdByName.set(item.name, id);
  m.itemNameByGuid.set(item.guid, item.name);
  putStockItemGst(ctx, id, item);
  // Lines stored before their item was known (a Day Book older or newer than its masters) link up now.
  if (s.linkInventory.run(id, ctx.companyId, item.name).changes > 0) ctx.touchedItems.add(id);
}

/** A voucher's inventory lines are whole paise and whole thousandths of a unit (checked before writing). */
export function checkInventoryLines(v: VoucherRecord): void {
  for (const line of v.inventory ?? []) {
    if (
      !Number.isSafeInteger(line.amount) ||
      !Number.isSafeInteger(line.actualQuantity) ||
      !Number.isSafeInteger(line.billedQuantity) ||
      (line.rate !== null && !Number.isSafeInteger(line.rate))
    ) {
      throw invalid(
        `Voucher ${voucherLabel(v)}: the inventory line of "${line.stockItemName}" has a non-integer quantity or amount`,
        { ...voucherDetails(v), stockItem: line.stockItemName },
      );
    }
  }
}

/** Buffers a voucher's inventory lines (rows.ts), each naming its item by key when the item is known. */
export function addInventoryLines(ctx: WriteContext, voucherId: number, v: VoucherRecord): void {
  const rows = ctx.rows.inventory;
  const { itemIdByGuid, itemIdByName } = ctx.masters;
  for (const line of v.inventory ?? []) {
    const itemId =
      (line.stockItemGuid !== null ? itemIdByGuid.get(line.stockItemGuid) : undefined) ??
      itemIdByName.get(line.stockItemName) ??
      null;
    rows.push(
      ctx.nextId.inventory++,
      voucherId,
      ctx.companyId,
      itemId,
      itemId === null ? line.stockItemName : null,
      v.date,
      line.actualQuantity,
      line.billedQuantity,
      line.unit,
      line.rate,
      line.rateUnit,
      line.amount,
      line.godown,
      line.trackingNumber ?? null,
    );
    if (rows.length === INVENTORY_COLUMNS * ROWS_PER_INSERT) flushRows(ctx);
  }
}

/** Replaces the stored closing stock values dated on or after `from` (all of them when null). */
export function putTallyStockValues(
  ctx: WriteContext,
  from: IsoDate | null,
  values: readonly TallyStockValue[],
): void {
  const s = ctx.statements(prepare);
  if (from === null) s.deleteTallyStock.run(ctx.companyId);
  else s.deleteTallyStockFrom.run(ctx.companyId, from);
  for (const v of values) s.insertTallyStock.run(ctx.companyId, v.date, v.value);
}
