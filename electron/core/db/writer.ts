import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { isValidIsoDate } from '../../../shared/dates';
import { formatInr } from '../../../shared/money';
import type { CompanySource } from '../../../shared/types/reports';
import {
  isBaseVoucherType,
  isProfitAndLossLedger,
  type CompanyRecord,
  type CompanyWriter,
  type GodownRecord,
  type GroupRecord,
  type LedgerRecord,
  type StockGroupRecord,
  type StockItemRecord,
  type UnitRecord,
  type VoucherRecord,
  type VoucherTypeRecord,
} from './records';
import { BILLS_LEDGER_INDEX_SQL } from './migrations/005-integer-ledger-keys';
import { ENTRIES_LEDGER_INDEX_SQL } from './migrations/007-entry-particulars';
import { VOUCHERS_GUID_INDEX_SQL } from './migrations/008-voucher-guid-index';
import { INVENTORY_ITEM_INDEX_SQL } from './migrations/010-inventory';
import { voucherParticulars } from './particulars';
import { SummaryAccumulator, summaryStatements } from './summaries';
import { isConstraintError } from './sqlite-errors';
import { renameReferences, type MasterKind } from './renames';
import { offBooksReason, primaryGroupNature } from './posting';
import { settlePostDated } from './post-dated';

/** Above this many touched ledgers an incremental commit rebuilds the whole company's summaries. */
const LEDGER_REBUILD_LIMIT = 200;

/**
 * Indexes with random insert positions (keyed by ledger). A bulk replace drops them and builds
 * them once at commit, in the same transaction: sorting once is several times cheaper than millions of
 * scattered B-tree inserts. Definitions must match the latest migration that defines each index.
 */
export const DEFERRED_INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'entries_ledger_date', sql: ENTRIES_LEDGER_INDEX_SQL },
  { name: 'bill_allocations_ledger', sql: BILLS_LEDGER_INDEX_SQL },
  // Unique: a duplicate GUID fails the build at commit and is named there (see buildDeferredIndexes).
  { name: 'vouchers_guid', sql: VOUCHERS_GUID_INDEX_SQL },
  { name: 'inventory_entries_item', sql: INVENTORY_ITEM_INDEX_SQL },
];
/**
 * Page cache for a replace write (negative: KiB). The indexes with random insert positions are deferred
 * (DEFERRED_INDEXES), so inserts only touch the right edge of each B-tree and a bigger cache bought no
 * speed, only resident memory (measured: 256 MB → 32 MB, docs/BENCHMARKS.md).
 */
const BULK_CACHE_KIB = -32_768;
/** A first batch at least this big in replace mode is a bulk load worth deferring indexes for. */
const BULK_BATCH = 500;

export interface WriterOptions {
  db: Database.Database;
  company: { guid: string; name: string; source: CompanySource };
  mode: 'replace' | 'merge';
  now: () => Date;
  onClose: () => void;
}

const invalid = (message: string, details?: Record<string, string | number | null>): AppError =>
  new AppError('IMPORT_INVALID', message, details);

function voucherLabel(v: Pick<VoucherRecord, 'voucherType' | 'voucherNumber' | 'date' | 'guid'>): string {
  const number = v.voucherNumber ? ` no. ${v.voucherNumber}` : '';
  return `${v.voucherType}${number} dated ${v.date} (GUID ${v.guid})`;
}

/**
 * One company write in one SQLite transaction (BEGIN IMMEDIATE .. COMMIT). Any invalid record rolls the
 * whole transaction back, so readers only ever see the previous data or the complete new data.
 */
export function beginCompanyWrite(options: WriterOptions): CompanyWriter {
  const { db, mode, now } = options;
  const stmts = prepare(db);
  const summaries = summaryStatements(db);
  // Bulk-load settings, scoped to this write and restored when it ends (commit or rollback). A replace
  // write clears the company first and assigns every row id itself, children after parents, and deletes
  // children explicitly (no cascades), so per-row foreign-key lookups only cost time there. Durability
  // is untouched: WAL with synchronous=NORMAL as the store opened it.
  const restore: [string, unknown][] = [];
  const setPragma = (name: string, value: string | number): void => {
    restore.push([name, db.pragma(name, { simple: true })]);
    db.pragma(`${name} = ${value}`);
  };
  if (mode === 'replace') {
    setPragma('foreign_keys', 'OFF');
    setPragma('cache_size', BULK_CACHE_KIB);
    // No memory-mapped reads while loading: the index builds at commit scan the whole file, and every
    // mapped page read counts toward the app's resident memory (hundreds of MB for a large company).
    setPragma('mmap_size', 0);
    // Index builds at commit sort millions of keys; with temp_store=MEMORY the sorter's spill "files" are
    // heap memory too (measured: ~280 MB at commit for 1,000,000 vouchers). On disk they stay in the OS
    // cache instead of the app's resident memory.
    setPragma('temp_store', 'FILE');
  }
  const restorePragmas = (): void => {
    for (const [name, value] of restore.reverse()) db.pragma(`${name} = ${String(value)}`);
    restore.length = 0;
  };
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    restorePragmas();
    options.onClose();
    throw new AppError(
      'DATABASE',
      `Cannot start writing company "${options.company.name}": ${String(error)}`,
    );
  }
  let open = true;
  let companyId = 0;
  const ledgerGuidByName = new Map<string, string>();
  const ledgerNameByGuid = new Map<string, string>();
  /** Integer key of each ledger (stable per company and GUID: upserts keep the row). */
  const ledgerIdByGuid = new Map<string, number>();
  const typeParent = new Map<string, string>();
  /** Stored names of groups and voucher types by GUID: a changed name is a rename to pass on. */
  const groupNameByGuid = new Map<string, string>();
  const typeNameByGuid = new Map<string, string>();
  /** Stock items' integer keys (stable per company and GUID) by GUID and by name. */
  const itemIdByGuid = new Map<string, number>();
  const itemIdByName = new Map<string, number>();
  const itemNameByGuid = new Map<string, string>();
  /** Stored names of the other stock masters by GUID: a changed name is a rename to pass on. */
  const stockGroupNameByGuid = new Map<string, string>();
  const unitNameByGuid = new Map<string, string>();
  const godownNameByGuid = new Map<string, string>();
  const touchedLedgers = new Set<string>();
  const touchedMonths = new Set<string>();
  /** Stock items whose lines were linked or unlinked (or that were deleted): their stock totals rebuilt. */
  const touchedItems = new Set<number>();
  let mastersChanged = false;
  let vouchersRemoved = 0;
  // Replace mode accumulates summaries as it writes; anything unusual falls back to the SQL rebuild.
  let accumulator: SummaryAccumulator | null = mode === 'replace' ? new SummaryAccumulator() : null;
  let indexesDropped = false;
  let firstBatch = true;
  let nextVoucherId = 0;
  let nextEntryId = 0;
  let nextBillId = 0;
  let nextInventoryId = 0;

  const close = (): void => {
    open = false;
    restorePragmas();
    options.onClose();
  };
  const fail = (error: unknown): never => {
    if (db.inTransaction) db.exec('ROLLBACK');
    close();
    throw error;
  };
  const guard = <T>(work: () => T): T => {
    if (!open) throw new AppError('INTERNAL', 'This company write was already committed or rolled back');
    try {
      return work();
    } catch (error) {
      return fail(error);
    }
  };

  guard(() => {
    const row = stmts.upsertCompany.get(
      options.company.guid,
      options.company.name,
      options.company.source,
    ) as {
      id: number;
    };
    companyId = row.id;
    if (mode === 'replace') {
      // Remembered to tell at commit how many of them the new copy no longer has.
      db.exec('CREATE TEMP TABLE IF NOT EXISTS replaced_vouchers (guid TEXT PRIMARY KEY) WITHOUT ROWID');
      db.exec('DELETE FROM temp.replaced_vouchers');
      db.prepare('INSERT INTO temp.replaced_vouchers SELECT guid FROM vouchers WHERE company_id = ?').run(
        companyId,
      );
      clearCompanyData(db, companyId);
    }
    for (const l of stmts.ledgerNames.all(companyId) as { id: number; guid: string; name: string }[]) {
      ledgerGuidByName.set(l.name, l.guid);
      ledgerNameByGuid.set(l.guid, l.name);
      ledgerIdByGuid.set(l.guid, l.id);
    }
    for (const g of stmts.groupNames.all(companyId) as { guid: string; name: string }[]) {
      groupNameByGuid.set(g.guid, g.name);
    }
    for (const t of stmts.typeParents.all(companyId) as { guid: string; name: string; parent: string }[]) {
      typeParent.set(t.name, t.parent);
      typeNameByGuid.set(t.guid, t.name);
    }
    for (const i of stmts.itemNames.all(companyId) as { id: number; guid: string; name: string }[]) {
      itemIdByGuid.set(i.guid, i.id);
      itemIdByName.set(i.name, i.id);
      itemNameByGuid.set(i.guid, i.name);
    }
    for (const [table, names] of [
      ['stock_groups', stockGroupNameByGuid],
      ['units', unitNameByGuid],
      ['godowns', godownNameByGuid],
    ] as const) {
      const rows = db.prepare(`SELECT guid, name FROM ${table} WHERE company_id = ?`).all(companyId) as {
        guid: string;
        name: string;
      }[];
      for (const r of rows) names.set(r.guid, r.name);
    }
    // Explicit row ids: no lastInsertRowid round trip per row, and entries can name their voucher at once.
    nextVoucherId = (stmts.maxVoucherId.pluck().get() as number) + 1;
    nextEntryId = (stmts.maxEntryId.pluck().get() as number) + 1;
    nextBillId = (stmts.maxBillId.pluck().get() as number) + 1;
    nextInventoryId = (stmts.maxInventoryId.pluck().get() as number) + 1;
  });

  const baseTypeOf = (name: string): string | null => {
    let current = name;
    for (let depth = 0; depth < 20; depth++) {
      if (isBaseVoucherType(current)) return current;
      const parent = typeParent.get(current);
      if (parent === undefined || parent === current) return null;
      current = parent;
    }
    return null;
  };

  // Entry and bill rows are buffered and written ROWS_PER_INSERT at a time with one multi-row INSERT:
  // one statement step per 64 rows instead of one per row. Buffers are flushed (entries before their
  // bills) before anything reads or deletes those tables, and at the end of every putVouchers call.
  const entryRows: unknown[] = [];
  const billRows: unknown[] = [];
  const inventoryRows: unknown[] = [];
  const flushBuffer = (
    rows: unknown[],
    columns: number,
    many: Database.Statement,
    one: Database.Statement,
  ): void => {
    if (rows.length === columns * ROWS_PER_INSERT) many.run(rows);
    else for (let i = 0; i < rows.length; i += columns) one.run(rows.slice(i, i + columns));
    rows.length = 0;
  };
  const flushEntries = (): void =>
    flushBuffer(entryRows, ENTRY_COLUMNS, stmts.insertEntries, stmts.insertEntry);
  const flushRows = (): void => {
    flushEntries();
    flushBuffer(billRows, BILL_COLUMNS, stmts.insertBills, stmts.insertBill);
    flushBuffer(inventoryRows, INVENTORY_COLUMNS, stmts.insertInventories, stmts.insertInventory);
  };

  const deleteStoredVoucher = (guid: string): boolean => {
    flushRows();
    const found = stmts.findVoucher.get(companyId, guid) as { id: number; date: string } | undefined;
    if (!found) return false;
    for (const guid of stmts.voucherLedgers.pluck().all(found.id) as string[]) touchedLedgers.add(guid);
    touchedMonths.add(found.date.slice(0, 7));
    stmts.deleteBillsOfVoucher.run(found.id);
    stmts.deleteEntriesOfVoucher.run(found.id);
    stmts.deleteInventoryOfVoucher.run(found.id);
    stmts.deleteVoucher.run(found.id);
    return true;
  };

  const putVoucher = (v: VoucherRecord): void => {
    if (!v.guid)
      throw invalid(`A voucher has no GUID: ${voucherLabel(v)}`, { voucherNumber: v.voucherNumber });
    if (!isValidIsoDate(v.date)) throw invalid(`Voucher ${voucherLabel(v)} has an invalid date`, details(v));
    const baseType = baseTypeOf(v.voucherType);
    if (baseType === null) {
      throw invalid(`Voucher ${voucherLabel(v)} has an unknown voucher type "${v.voucherType}"`, details(v));
    }
    const offBooks = offBooksReason(v, baseType);
    const guids: string[] = [];
    let sum = 0;
    let debit = 0;
    for (const entry of v.entries) {
      const guid =
        entry.ledgerGuid !== null && ledgerNameByGuid.has(entry.ledgerGuid)
          ? entry.ledgerGuid
          : ledgerGuidByName.get(entry.ledgerName);
      if (guid === undefined) {
        throw invalid(`Voucher ${voucherLabel(v)} uses an unknown ledger "${entry.ledgerName}"`, {
          ...details(v),
          ledger: entry.ledgerName,
        });
      }
      if (!Number.isSafeInteger(entry.amount)) {
        throw invalid(`Voucher ${voucherLabel(v)} has a non-integer paise amount`, details(v));
      }
      let billSum = 0;
      for (const bill of entry.bills) billSum += bill.amount;
      if (entry.bills.length > 0 && billSum !== entry.amount) {
        throw invalid(
          `Voucher ${voucherLabel(v)}: the bill allocations of "${entry.ledgerName}" do not add up to its amount`,
          { ...details(v), ledger: entry.ledgerName },
        );
      }
      sum += entry.amount;
      if (entry.amount > 0) debit += entry.amount;
      guids.push(guid);
    }
    const inventory = v.inventory ?? [];
    for (const line of inventory) {
      if (
        !Number.isSafeInteger(line.amount) ||
        !Number.isSafeInteger(line.actualQuantity) ||
        !Number.isSafeInteger(line.billedQuantity) ||
        (line.rate !== null && !Number.isSafeInteger(line.rate))
      ) {
        throw invalid(
          `Voucher ${voucherLabel(v)}: the inventory line of "${line.stockItemName}" has a non-integer quantity or amount`,
          { ...details(v), stockItem: line.stockItemName },
        );
      }
    }
    // Only what posts (now or once its date has come) must balance; orders, memoranda and cancelled
    // vouchers are listed as Tally sent them.
    if (sum !== 0 && (offBooks === null || offBooks === 'post-dated')) {
      throw invalid(
        `Voucher ${voucherLabel(v)} does not balance: debits ${formatInr(debit)}, credits ` +
          `${formatInr(debit - sum)} (difference ${formatInr(sum)})`,
        { ...details(v), differencePaise: sum },
      );
    }
    if (mode === 'merge') deleteStoredVoucher(v.guid);
    const voucherId = nextVoucherId++;
    try {
      stmts.insertVoucher.run(
        voucherId,
        companyId,
        v.guid,
        v.alterId,
        v.masterId,
        v.date,
        v.voucherType,
        baseType,
        v.voucherNumber,
        v.partyLedgerName,
        v.narration,
        v.reference,
        v.isCancelled ? 1 : 0,
        v.isOptional ? 1 : 0,
        offBooks,
        v.isPostDated === true ? 1 : 0,
      );
    } catch (error) {
      if (isConstraintError(error)) {
        throw invalid(`Voucher ${voucherLabel(v)} appears twice (duplicate GUID)`, details(v));
      }
      throw error;
    }
    if (mode === 'merge') touchedMonths.add(v.date.slice(0, 7));
    const counted = accumulator !== null && offBooks === null ? accumulator : null;
    counted?.addVoucher(v.date, baseType);
    // Each entry's other ledgers ("particulars" of a ledger statement), stored with it (schema v7).
    const ledgerIds = guids.map((guid) => ledgerIdByGuid.get(guid)!);
    const particulars = voucherParticulars(
      ledgerIds,
      v.entries.map((entry) => entry.amount),
    );
    for (let i = 0; i < v.entries.length; i++) {
      const entry = v.entries[i]!;
      const ledgerGuid = guids[i]!;
      if (mode === 'merge') touchedLedgers.add(ledgerGuid);
      const entryId = nextEntryId++;
      const ledgerId = ledgerIds[i]!;
      const [otherLedgerId, otherLedgerCount, moreLedgerIds] = particulars[i]!;
      entryRows.push(
        entryId,
        voucherId,
        companyId,
        ledgerId,
        v.date,
        entry.amount,
        otherLedgerId,
        otherLedgerCount,
        moreLedgerIds,
      );
      if (entryRows.length === ENTRY_COLUMNS * ROWS_PER_INSERT) flushEntries();
      counted?.addEntry(ledgerGuid, v.date, baseType, entry.amount);
      for (const bill of entry.bills) {
        billRows.push(
          nextBillId++,
          entryId,
          companyId,
          ledgerId,
          v.date,
          bill.billName,
          bill.billType,
          bill.amount,
          bill.creditPeriodDays,
          bill.dueDate,
        );
        if (billRows.length === BILL_COLUMNS * ROWS_PER_INSERT) flushRows();
      }
    }
    for (const line of inventory) {
      const itemId =
        (line.stockItemGuid !== null ? itemIdByGuid.get(line.stockItemGuid) : undefined) ??
        itemIdByName.get(line.stockItemName) ??
        null;
      inventoryRows.push(
        nextInventoryId++,
        voucherId,
        companyId,
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
      if (inventoryRows.length === INVENTORY_COLUMNS * ROWS_PER_INSERT) flushRows();
    }
    if (mode === 'merge') flushRows();
  };

  /**
   * Passes renames in a batch of masters on to the names stored with other rows (see renames.ts). Runs
   * before the batch is written, so rows the batch itself brings (a new master taking a freed name, say)
   * keep what Tally sent.
   */
  const passOnRenames = (
    kind: MasterKind,
    masters: readonly { guid: string; name: string }[],
    storedNames: ReadonlyMap<string, string>,
  ): void => {
    const renames = new Map<string, string>();
    for (const m of masters) {
      const previous = storedNames.get(m.guid);
      if (previous !== undefined && previous !== m.name) renames.set(previous, m.name);
    }
    if (renames.size === 0) return;
    flushRows();
    renameReferences(db, companyId, kind, renames);
  };

  const putGroup = (g: GroupRecord): void => {
    try {
      stmts.upsertGroup.run(
        companyId,
        g.guid,
        g.name,
        g.parent,
        g.name,
        g.nature,
        g.isRevenue ? 1 : 0,
        g.affectsGrossProfit ? 1 : 0,
        g.reservedName,
        g.alterId,
      );
    } catch (error) {
      if (isConstraintError(error)) {
        throw invalid(`Group "${g.name}" (GUID ${g.guid}) clashes with another group of the same name`, {
          guid: g.guid,
          name: g.name,
        });
      }
      throw error;
    }
    groupNameByGuid.set(g.guid, g.name);
  };

  const putLedger = (l: LedgerRecord): void => {
    if (l.parent === null && !isProfitAndLossLedger(l)) {
      throw invalid(`Ledger "${l.name}" (GUID ${l.guid}) has no parent group`, {
        guid: l.guid,
        name: l.name,
      });
    }
    if (!Number.isSafeInteger(l.openingBalance)) {
      throw invalid(`Ledger "${l.name}" has a non-integer opening balance`, { guid: l.guid, name: l.name });
    }
    try {
      const row = stmts.upsertLedger.get(
        companyId,
        l.guid,
        l.name,
        // The parentless Profit & Loss A/c keeps '' (the column predates it; readers know the reserved name).
        l.parent ?? '',
        l.openingBalance,
        l.isBillWise ? 1 : 0,
        l.creditPeriodDays,
        l.gstin,
        l.state,
        l.alterId,
        l.reservedName ?? null,
      ) as { id: number };
      ledgerIdByGuid.set(l.guid, row.id);
    } catch (error) {
      if (isConstraintError(error)) {
        throw invalid(`Ledger "${l.name}" (GUID ${l.guid}) clashes with another ledger of the same name`, {
          guid: l.guid,
          name: l.name,
        });
      }
      throw error;
    }
    const previousName = ledgerNameByGuid.get(l.guid);
    if (previousName !== undefined && previousName !== l.name) ledgerGuidByName.delete(previousName);
    ledgerGuidByName.set(l.name, l.guid);
    ledgerNameByGuid.set(l.guid, l.name);
    stmts.deleteClosingValues.run(companyId, l.guid);
    for (const c of l.closingValues ?? []) {
      if (!isValidIsoDate(c.date) || !Number.isSafeInteger(c.amount)) {
        throw invalid(`Ledger "${l.name}" has an invalid closing value dated ${c.date}`, {
          guid: l.guid,
          name: l.name,
        });
      }
      stmts.insertClosingValue.run(companyId, l.guid, c.date, c.amount);
    }
    stmts.deleteOpeningBills.run(companyId, l.guid);
    for (const b of l.openingBills) {
      stmts.insertOpeningBill.run(
        companyId,
        l.guid,
        b.billName,
        b.billDate,
        b.amount,
        b.creditPeriodDays,
        b.dueDate,
      );
    }
    if (mode === 'merge') touchedLedgers.add(l.guid);
  };

  const putVoucherType = (t: VoucherTypeRecord): void => {
    const previousName = typeNameByGuid.get(t.guid);
    try {
      stmts.upsertVoucherType.run(companyId, t.guid, t.name, t.parent, t.autoNumbered ? 1 : 0, t.alterId);
    } catch (error) {
      if (isConstraintError(error)) {
        throw invalid(`Voucher type "${t.name}" (GUID ${t.guid}) clashes with another of the same name`, {
          guid: t.guid,
          name: t.name,
        });
      }
      throw error;
    }
    if (previousName !== undefined && previousName !== t.name) {
      typeParent.delete(previousName);
      for (const [name, parent] of typeParent) if (parent === previousName) typeParent.set(name, t.name);
    }
    typeParent.set(t.name, t.parent);
    typeNameByGuid.set(t.guid, t.name);
  };

  const clash =
    (kind: string, m: { guid: string; name: string }) =>
    (error: unknown): never => {
      if (isConstraintError(error)) {
        throw invalid(`${kind} "${m.name}" (GUID ${m.guid}) clashes with another of the same name`, {
          guid: m.guid,
          name: m.name,
        });
      }
      throw error;
    };

  /** Old name -> new name of the masters in a batch whose stored name differs. */
  const renamesIn = (
    masters: readonly { guid: string; name: string }[],
    stored: ReadonlyMap<string, string>,
  ): Map<string, string> => {
    const renames = new Map<string, string>();
    for (const m of masters) {
      const previous = stored.get(m.guid);
      if (previous !== undefined && previous !== m.name) renames.set(previous, m.name);
    }
    return renames;
  };
  /** Rewrites a renamed stock master's name in the columns that keep it (before the batch is written). */
  const passOnStockRenames = (renames: ReadonlyMap<string, string>, columns: readonly string[]): void => {
    if (renames.size === 0) return;
    flushRows();
    for (const column of columns) {
      const [table, field] = column.split('.') as [string, string];
      const update = db.prepare(`UPDATE ${table} SET ${field} = ? WHERE company_id = ? AND ${field} = ?`);
      for (const [from, to] of renames) update.run(to, companyId, from);
    }
  };

  const putStockItem = (item: StockItemRecord): void => {
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
        stmts.upsertStockItem.get(
          companyId,
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
      return clash('Stock item', item)(error);
    }
    const previousName = itemNameByGuid.get(item.guid);
    if (previousName !== undefined && previousName !== item.name) itemIdByName.delete(previousName);
    itemIdByGuid.set(item.guid, id);
    itemIdByName.set(item.name, id);
    itemNameByGuid.set(item.guid, item.name);
    // Lines stored before their item was known (a Day Book older or newer than its masters) link up now.
    if (stmts.linkInventory.run(id, companyId, item.name).changes > 0) touchedItems.add(id);
  };

  return {
    mode,
    putStockGroups: (groups: readonly StockGroupRecord[]) =>
      guard(() => {
        mastersChanged = true;
        passOnStockRenames(renamesIn(groups, stockGroupNameByGuid), [
          'stock_groups.parent_name',
          'stock_items.group_name',
        ]);
        for (const g of groups) {
          try {
            stmts.upsertStockGroup.run(companyId, g.guid, g.name, g.parent, g.alterId);
          } catch (error) {
            clash('Stock group', g)(error);
          }
          stockGroupNameByGuid.set(g.guid, g.name);
        }
      }),
    putUnits: (units: readonly UnitRecord[]) =>
      guard(() => {
        mastersChanged = true;
        passOnStockRenames(renamesIn(units, unitNameByGuid), [
          'stock_items.unit',
          'units.base_units',
          'units.additional_units',
          'inventory_entries.unit',
          'inventory_entries.rate_unit',
        ]);
        for (const u of units) {
          if (u.conversion !== null && !Number.isSafeInteger(u.conversion)) {
            throw invalid(`Unit "${u.name}" has a non-integer conversion`, { guid: u.guid, name: u.name });
          }
          try {
            stmts.upsertUnit.run(
              companyId,
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
            clash('Unit', u)(error);
          }
          unitNameByGuid.set(u.guid, u.name);
        }
      }),
    putGodowns: (godowns: readonly GodownRecord[]) =>
      guard(() => {
        mastersChanged = true;
        passOnStockRenames(renamesIn(godowns, godownNameByGuid), [
          'godowns.parent_name',
          'inventory_entries.godown',
        ]);
        for (const g of godowns) {
          try {
            stmts.upsertGodown.run(companyId, g.guid, g.name, g.parent, g.alterId);
          } catch (error) {
            clash('Godown', g)(error);
          }
          godownNameByGuid.set(g.guid, g.name);
        }
      }),
    putStockItems: (items: readonly StockItemRecord[]) =>
      guard(() => {
        mastersChanged = true;
        flushRows();
        for (const item of items) putStockItem(item);
      }),
    putGroups: (groups) =>
      guard(() => {
        mastersChanged = true;
        passOnRenames('group', groups, groupNameByGuid);
        for (const g of groups) putGroup(g);
      }),
    putLedgers: (ledgers) =>
      guard(() => {
        mastersChanged = true;
        passOnRenames('ledger', ledgers, ledgerNameByGuid);
        for (const l of ledgers) putLedger(l);
      }),
    putVoucherTypes: (types) =>
      guard(() => {
        mastersChanged = true;
        passOnRenames('voucherType', types, typeNameByGuid);
        for (const t of types) putVoucherType(t);
      }),
    putVouchers: (vouchers) =>
      guard(() => {
        if (firstBatch && mode === 'replace' && vouchers.length >= BULK_BATCH) {
          for (const index of DEFERRED_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
          indexesDropped = true;
        }
        if (vouchers.length > 0) firstBatch = false;
        for (const v of vouchers) putVoucher(v);
        flushRows();
      }),
    deleteVouchers: (guids) =>
      guard(() => {
        if (guids.length > 0) accumulator = null;
        for (const guid of guids) if (deleteStoredVoucher(guid)) vouchersRemoved++;
      }),
    deleteMasters: (guids) =>
      guard(() => {
        if (guids.length > 0) accumulator = null;
        mastersChanged = true;
        for (const guid of guids) deleteMaster(guid);
      }),
    putTallyStockValues: (from, values) =>
      guard(() => {
        if (from === null) stmts.deleteTallyStock.run(companyId);
        else stmts.deleteTallyStockFrom.run(companyId, from);
        for (const v of values) stmts.insertTallyStock.run(companyId, v.date, v.value);
      }),
    renumberVouchers: (numbers) =>
      guard(() => {
        for (const n of numbers) stmts.renumber.run(n.voucherNumber, companyId, n.guid);
      }),
    voucherAlterIds: () =>
      guard(() => {
        const map = new Map<string, number>();
        for (const r of stmts.voucherAlterIds.iterate(companyId) as Iterable<{
          guid: string;
          alter_id: number;
        }>) {
          map.set(r.guid, r.alter_id);
        }
        return map;
      }),
    masterAlterIds: () =>
      guard(() => {
        const map = new Map<string, number>();
        for (const r of stmts.masterAlterIds.all({ company: companyId }) as {
          guid: string;
          alter_id: number;
        }[]) {
          map.set(r.guid, r.alter_id);
        }
        return map;
      }),
    commit: (company: CompanyRecord) =>
      guard(() => {
        if (company.guid !== options.company.guid) {
          throw new AppError(
            'INTERNAL',
            `Commit for company ${company.guid} on a write opened for ${options.company.guid}`,
          );
        }
        if (mastersChanged) checkMasters(db, companyId);
        if (indexesDropped) buildDeferredIndexes(db, companyId);
        if (mode === 'replace') {
          vouchersRemoved = db
            .prepare(
              `SELECT count(*) FROM temp.replaced_vouchers r
               WHERE NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.company_id = ? AND v.guid = r.guid)`,
            )
            .pluck()
            .get(companyId) as number;
          db.exec('DELETE FROM temp.replaced_vouchers');
        }
        // Post-dated vouchers the date of last entry has reached post now (this write may have moved it).
        const settled = settlePostDated(db, companyId);
        for (const guid of settled.ledgers) touchedLedgers.add(guid);
        for (const month of settled.months) touchedMonths.add(month);
        if (accumulator) {
          accumulator.write(db, companyId);
          summaries.rebuildCompanyBills(companyId);
          summaries.rebuildCompanyStock(companyId);
          // The accumulator saw post-dated vouchers as waiting; those that posted at commit are added here.
          for (const guid of settled.ledgers) summaries.rebuildLedger(companyId, guid);
          for (const month of settled.months) summaries.rebuildMonth(companyId, month);
        } else if (mode === 'replace' || touchedLedgers.size > LEDGER_REBUILD_LIMIT) {
          summaries.rebuildCompany(companyId);
        } else {
          for (const guid of touchedLedgers) summaries.rebuildLedger(companyId, guid);
          for (const month of touchedMonths) summaries.rebuildMonth(companyId, month);
          // Stock totals: the months whose vouchers changed (all their items), then items relinked.
          for (const month of touchedMonths) summaries.rebuildStockMonth(companyId, month);
          for (const item of touchedItems) summaries.rebuildStockItem(companyId, item);
        }
        const before = stmts.companyVersion.get(companyId) as { data_version: number };
        const dataVersion = Math.max(before.data_version + 1, company.masterAlterId, company.voucherAlterId);
        stmts.finishCompany.run({
          id: companyId,
          name: company.name,
          source: company.source,
          booksFrom: company.booksFrom,
          booksFromSource:
            company.booksFrom === null
              ? null
              : (company.booksFromSource ?? (company.source === 'import' ? 'file' : 'tally')),
          yearStartMonth: company.yearStartMonth ?? 4,
          masterAlterId: company.masterAlterId,
          voucherAlterId: company.voucherAlterId,
          dataVersion,
          now: now().toISOString(),
          replace: mode === 'replace' ? 1 : 0,
        });
        db.exec('COMMIT');
        close();
        return { dataVersion, vouchersRemoved };
      }),
    rollback: () => {
      if (!open) return;
      if (db.inTransaction) db.exec('ROLLBACK');
      close();
    },
  };

  function deleteMaster(guid: string): void {
    const ledger = stmts.findLedger.get(companyId, guid) as { name: string } | undefined;
    if (ledger) {
      const used = stmts.ledgerUsed.get(companyId, guid);
      if (used) {
        throw invalid(`Ledger "${ledger.name}" cannot be deleted: vouchers still use it`, {
          guid,
          name: ledger.name,
        });
      }
      stmts.deleteOpeningBills.run(companyId, guid);
      stmts.deleteClosingValues.run(companyId, guid);
      stmts.deleteLedger.run(companyId, guid);
      ledgerGuidByName.delete(ledger.name);
      ledgerNameByGuid.delete(guid);
      ledgerIdByGuid.delete(guid);
      touchedLedgers.add(guid);
      return;
    }
    const item = stmts.findStockItem.get(companyId, guid) as { id: number; name: string } | undefined;
    if (item) {
      // Its lines keep the item's name (Tally refuses to delete an item vouchers use; a Day Book may be newer).
      flushRows();
      stmts.unlinkInventory.run(item.name, item.id);
      stmts.deleteStockItem.run(item.id);
      touchedItems.add(item.id);
      itemIdByGuid.delete(guid);
      itemIdByName.delete(item.name);
      itemNameByGuid.delete(guid);
      return;
    }
    for (const [table, names] of [
      ['stock_groups', stockGroupNameByGuid],
      ['units', unitNameByGuid],
      ['godowns', godownNameByGuid],
    ] as const) {
      if (db.prepare(`DELETE FROM ${table} WHERE company_id = ? AND guid = ?`).run(companyId, guid).changes) {
        names.delete(guid);
        return;
      }
    }
    stmts.deleteGroup.run(companyId, guid);
    groupNameByGuid.delete(guid);
    const type = stmts.deleteVoucherType.get(companyId, guid) as { name: string } | undefined;
    if (type) typeParent.delete(type.name);
    typeNameByGuid.delete(guid);
  }
}

/** Builds the indexes a bulk load dropped; a duplicate voucher GUID is named, as an insert would. */
function buildDeferredIndexes(db: Database.Database, companyId: number): void {
  for (const index of DEFERRED_INDEXES) {
    try {
      db.exec(index.sql);
    } catch (error) {
      if (index.name !== 'vouchers_guid' || !isConstraintError(error)) throw error;
      const twice = db
        .prepare(
          `SELECT guid, date, voucher_type AS voucherType, voucher_number AS voucherNumber FROM vouchers
           WHERE company_id = ? AND guid IN
             (SELECT guid FROM vouchers WHERE company_id = ? GROUP BY guid HAVING count(*) > 1 LIMIT 1)
           ORDER BY id LIMIT 1`,
        )
        .get(companyId, companyId) as
        Pick<VoucherRecord, 'guid' | 'date' | 'voucherType' | 'voucherNumber'> | undefined;
      if (!twice) throw error;
      throw invalid(`Voucher ${voucherLabel(twice)} appears twice (duplicate GUID)`, {
        voucherGuid: twice.guid,
        voucherNumber: twice.voucherNumber,
        date: twice.date,
        voucherType: twice.voucherType,
      });
    }
  }
}

function details(v: VoucherRecord): Record<string, string> {
  return { voucherGuid: v.guid, voucherNumber: v.voucherNumber, date: v.date, voucherType: v.voucherType };
}

/**
 * Every ledger's group must exist (only the reserved Profit & Loss A/c stands under none) and group parents
 * must form a tree. Each group's primary group is derived here, and its nature with it: Tally treats a
 * sub-group by its primary group's nature, whatever flags the sub-group was exported with.
 */
function checkMasters(db: Database.Database, companyId: number): void {
  const groups = db
    .prepare(
      `SELECT guid, name, parent_name AS parent, reserved_name AS reservedName, nature,
        is_revenue AS isRevenue, affects_gross_profit AS affectsGrossProfit FROM groups WHERE company_id = ?`,
    )
    .all(companyId) as {
    guid: string;
    name: string;
    parent: string | null;
    reservedName: string | null;
    nature: GroupRecord['nature'];
    isRevenue: number;
    affectsGrossProfit: number;
  }[];
  const byName = new Map(groups.map((g) => [g.name, g]));
  const update = db.prepare(`UPDATE groups SET primary_group = ?, nature = ?, is_revenue = ?,
    affects_gross_profit = ? WHERE company_id = ? AND guid = ?`);
  for (const g of groups) {
    let current = g;
    const seen = new Set<string>();
    while (current.parent !== null && current.parent !== '' && current.parent !== 'Primary') {
      if (seen.has(current.name)) {
        throw invalid(`Group "${g.name}" is its own ancestor (cycle through "${current.name}")`, {
          name: g.name,
        });
      }
      seen.add(current.name);
      const parent = byName.get(current.parent);
      if (!parent) {
        throw invalid(`Group "${current.name}" has an unknown parent group "${current.parent}"`, {
          name: current.name,
          parent: current.parent,
        });
      }
      current = parent;
    }
    const nature = primaryGroupNature({
      reservedName: current.reservedName,
      nature: current.nature,
      isRevenue: current.isRevenue === 1,
      affectsGrossProfit: current.affectsGrossProfit === 1,
    });
    update.run(
      current.name,
      nature.nature,
      nature.isRevenue ? 1 : 0,
      nature.affectsGrossProfit ? 1 : 0,
      companyId,
      g.guid,
    );
  }
  checkStockMasters(db, companyId);
  const orphan = db
    .prepare(
      `SELECT l.guid, l.name, l.group_name AS groupName FROM ledgers l
       WHERE l.company_id = ? AND l.group_name <> '' AND NOT EXISTS
         (SELECT 1 FROM groups g WHERE g.company_id = l.company_id AND g.name = l.group_name) LIMIT 1`,
    )
    .get(companyId) as { guid: string; name: string; groupName: string } | undefined;
  if (orphan) {
    throw invalid(`Ledger "${orphan.name}" is under an unknown group "${orphan.groupName}"`, {
      guid: orphan.guid,
      name: orphan.name,
      group: orphan.groupName,
    });
  }
}

/** Every stock item's stock group exists, and stock group parents form a tree. */
function checkStockMasters(db: Database.Database, companyId: number): void {
  const groups = db
    .prepare('SELECT name, parent_name AS parent FROM stock_groups WHERE company_id = ?')
    .all(companyId) as { name: string; parent: string | null }[];
  const parentOf = new Map(groups.map((g) => [g.name, g.parent]));
  for (const g of groups) {
    const seen = new Set<string>();
    let current: string | null = g.name;
    while (current !== null) {
      if (seen.has(current)) {
        throw invalid(`Stock group "${g.name}" is its own ancestor (cycle through "${current}")`, {
          name: g.name,
        });
      }
      seen.add(current);
      const parent = parentOf.get(current);
      if (parent === undefined) {
        throw invalid(
          `Stock group "${[...seen].at(-2) ?? g.name}" has an unknown parent group "${current}"`,
          {
            name: g.name,
            parent: current,
          },
        );
      }
      current = parent;
    }
  }
  const orphan = db
    .prepare(
      `SELECT i.guid, i.name, i.group_name AS groupName FROM stock_items i
       WHERE i.company_id = ? AND i.group_name IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM stock_groups g WHERE g.company_id = i.company_id AND g.name = i.group_name) LIMIT 1`,
    )
    .get(companyId) as { guid: string; name: string; groupName: string } | undefined;
  if (orphan) {
    throw invalid(`Stock item "${orphan.name}" is under an unknown stock group "${orphan.groupName}"`, {
      guid: orphan.guid,
      name: orphan.name,
      group: orphan.groupName,
    });
  }
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

const ROWS_PER_INSERT = 64;
const ENTRY_COLUMNS = 9;
const BILL_COLUMNS = 10;
const INVENTORY_COLUMNS = 14;
const INSERT_INVENTORY = `INSERT INTO inventory_entries (id, voucher_id, company_id, item_id, item_name, date,
  actual_quantity, billed_quantity, unit, rate, rate_unit, amount, godown, tracking_number) VALUES`;
const INSERT_ENTRY = `INSERT INTO entries (id, voucher_id, company_id, ledger_id, date, amount, other_ledger_id,
  other_ledger_count, more_ledger_ids) VALUES`;
const INSERT_BILL = `INSERT INTO bill_allocations (id, entry_id, company_id, ledger_id, date, bill_name,
  bill_type, amount, credit_period_days, due_date) VALUES`;
/** "(?, ?), (?, ?), ..." for a multi-row INSERT. */
const values = (columns: number, rows: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

function prepare(db: Database.Database) {
  return {
    upsertCompany: db.prepare(`INSERT INTO companies (guid, name, source) VALUES (?, ?, ?)
      ON CONFLICT (guid) DO UPDATE SET name = excluded.name, source = excluded.source RETURNING id`),
    ledgerNames: db.prepare('SELECT id, guid, name FROM ledgers WHERE company_id = ?'),
    typeParents: db.prepare('SELECT guid, name, parent FROM voucher_types WHERE company_id = ?'),
    groupNames: db.prepare('SELECT guid, name FROM groups WHERE company_id = ?'),
    findVoucher: db.prepare('SELECT id, date FROM vouchers WHERE company_id = ? AND guid = ?'),
    voucherLedgers: db.prepare(
      'SELECT DISTINCT l.guid FROM entries e JOIN ledgers l ON l.id = e.ledger_id WHERE e.voucher_id = ?',
    ),
    deleteBillsOfVoucher: db.prepare(
      'DELETE FROM bill_allocations WHERE entry_id IN (SELECT id FROM entries WHERE voucher_id = ?)',
    ),
    deleteEntriesOfVoucher: db.prepare('DELETE FROM entries WHERE voucher_id = ?'),
    deleteVoucher: db.prepare('DELETE FROM vouchers WHERE id = ?'),
    insertVoucher: db.prepare(`INSERT INTO vouchers (id, company_id, guid, alter_id, master_id, date,
      voucher_type, base_type, voucher_number, party_name, narration, reference, is_cancelled, is_optional,
      off_books, is_post_dated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertEntry: db.prepare(`${INSERT_ENTRY} ${values(ENTRY_COLUMNS, 1)}`),
    insertEntries: db.prepare(`${INSERT_ENTRY} ${values(ENTRY_COLUMNS, ROWS_PER_INSERT)}`),
    insertBill: db.prepare(`${INSERT_BILL} ${values(BILL_COLUMNS, 1)}`),
    insertInventory: db.prepare(`${INSERT_INVENTORY} ${values(INVENTORY_COLUMNS, 1)}`),
    insertInventories: db.prepare(`${INSERT_INVENTORY} ${values(INVENTORY_COLUMNS, ROWS_PER_INSERT)}`),
    maxInventoryId: db.prepare('SELECT coalesce(max(id), 0) FROM inventory_entries'),
    deleteInventoryOfVoucher: db.prepare('DELETE FROM inventory_entries WHERE voucher_id = ?'),
    itemNames: db.prepare('SELECT id, guid, name FROM stock_items WHERE company_id = ?'),
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
    unlinkInventory: db.prepare(
      'UPDATE inventory_entries SET item_id = NULL, item_name = ? WHERE item_id = ?',
    ),
    findStockItem: db.prepare('SELECT id, name FROM stock_items WHERE company_id = ? AND guid = ?'),
    deleteStockItem: db.prepare('DELETE FROM stock_items WHERE id = ?'),
    upsertStockGroup: db.prepare(`INSERT INTO stock_groups (company_id, guid, name, parent_name, alter_id)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        alter_id = excluded.alter_id`),
    upsertGodown: db.prepare(`INSERT INTO godowns (company_id, guid, name, parent_name, alter_id)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        alter_id = excluded.alter_id`),
    upsertUnit: db.prepare(`INSERT INTO units (company_id, guid, name, formal_name, decimal_places, is_simple,
      base_units, additional_units, conversion, alter_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, formal_name = excluded.formal_name,
        decimal_places = excluded.decimal_places, is_simple = excluded.is_simple,
        base_units = excluded.base_units, additional_units = excluded.additional_units,
        conversion = excluded.conversion, alter_id = excluded.alter_id`),
    deleteClosingValues: db.prepare(
      'DELETE FROM ledger_closing_values WHERE company_id = ? AND ledger_guid = ?',
    ),
    insertClosingValue:
      db.prepare(`INSERT OR REPLACE INTO ledger_closing_values (company_id, ledger_guid, date,
      amount) VALUES (?, ?, ?, ?)`),
    insertBills: db.prepare(`${INSERT_BILL} ${values(BILL_COLUMNS, ROWS_PER_INSERT)}`),
    deleteTallyStock: db.prepare('DELETE FROM tally_stock_values WHERE company_id = ?'),
    deleteTallyStockFrom: db.prepare('DELETE FROM tally_stock_values WHERE company_id = ? AND date >= ?'),
    insertTallyStock: db.prepare(
      'INSERT OR REPLACE INTO tally_stock_values (company_id, date, value) VALUES (?, ?, ?)',
    ),
    maxVoucherId: db.prepare('SELECT coalesce(max(id), 0) FROM vouchers'),
    maxEntryId: db.prepare('SELECT coalesce(max(id), 0) FROM entries'),
    maxBillId: db.prepare('SELECT coalesce(max(id), 0) FROM bill_allocations'),
    upsertGroup: db.prepare(`INSERT INTO groups (company_id, guid, name, parent_name, primary_group, nature,
      is_revenue, affects_gross_profit, reserved_name, alter_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        nature = excluded.nature, is_revenue = excluded.is_revenue,
        affects_gross_profit = excluded.affects_gross_profit, reserved_name = excluded.reserved_name,
        alter_id = excluded.alter_id`),
    upsertLedger: db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
      is_bill_wise, credit_period_days, gstin, state, alter_id, reserved_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, group_name = excluded.group_name,
        opening_balance = excluded.opening_balance, is_bill_wise = excluded.is_bill_wise,
        credit_period_days = excluded.credit_period_days, gstin = excluded.gstin, state = excluded.state,
        alter_id = excluded.alter_id, reserved_name = excluded.reserved_name
      RETURNING id`),
    deleteOpeningBills: db.prepare(
      'DELETE FROM ledger_opening_bills WHERE company_id = ? AND ledger_guid = ?',
    ),
    insertOpeningBill: db.prepare(`INSERT INTO ledger_opening_bills (company_id, ledger_guid, bill_name,
      bill_date, amount, credit_period_days, due_date) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    upsertVoucherType: db.prepare(`INSERT INTO voucher_types (company_id, guid, name, parent, auto_numbered,
      alter_id) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent = excluded.parent,
        auto_numbered = excluded.auto_numbered, alter_id = excluded.alter_id`),
    renumber: db.prepare('UPDATE vouchers SET voucher_number = ? WHERE company_id = ? AND guid = ?'),
    voucherAlterIds: db.prepare('SELECT guid, alter_id FROM vouchers WHERE company_id = ?'),
    masterAlterIds: db.prepare(`SELECT guid, alter_id FROM groups WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM ledgers WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM voucher_types WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM stock_groups WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM units WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM godowns WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM stock_items WHERE company_id = @company`),
    findLedger: db.prepare('SELECT name FROM ledgers WHERE company_id = ? AND guid = ?'),
    ledgerUsed: db.prepare(`SELECT 1 FROM entries
      WHERE ledger_id = (SELECT id FROM ledgers WHERE company_id = ? AND guid = ?) LIMIT 1`),
    deleteLedger: db.prepare('DELETE FROM ledgers WHERE company_id = ? AND guid = ?'),
    deleteGroup: db.prepare('DELETE FROM groups WHERE company_id = ? AND guid = ?'),
    deleteVoucherType: db.prepare(
      'DELETE FROM voucher_types WHERE company_id = ? AND guid = ? RETURNING name',
    ),
    companyVersion: db.prepare('SELECT data_version FROM companies WHERE id = ?'),
    finishCompany: db.prepare(`UPDATE companies SET name = @name, source = @source, books_from = @booksFrom,
      books_from_source = @booksFromSource, year_start_month = @yearStartMonth,
      master_alter_id = @masterAlterId, voucher_alter_id = @voucherAlterId, data_version = @dataVersion,
      last_sync_at = @now, sync_status = 'ok', sync_error = NULL,
      needs_full_sync = CASE WHEN @replace = 1 THEN 0 ELSE needs_full_sync END,
      count_groups = (SELECT count(*) FROM groups WHERE company_id = @id),
      count_ledgers = (SELECT count(*) FROM ledgers WHERE company_id = @id),
      count_voucher_types = (SELECT count(*) FROM voucher_types WHERE company_id = @id),
      count_vouchers = (SELECT count(*) FROM vouchers WHERE company_id = @id),
      count_entries = (SELECT count(*) FROM entries WHERE company_id = @id),
      count_bills = (SELECT count(*) FROM bill_allocations WHERE company_id = @id),
      first_voucher_date = (SELECT min(date) FROM vouchers WHERE company_id = @id),
      last_voucher_date = (SELECT max(date) FROM vouchers WHERE company_id = @id)
      WHERE id = @id`),
  };
}
