import type { VoucherRecord } from '../records';
import { BILLS_LEDGER_INDEX_SQL } from '../migrations/005-integer-ledger-keys';
import { ENTRIES_LEDGER_INDEX_SQL } from '../migrations/007-entry-particulars';
import { VOUCHERS_GUID_INDEX_SQL } from '../migrations/008-voucher-guid-index';
import { INVENTORY_ITEM_INDEX_SQL } from '../migrations/010-inventory';
import { isConstraintError } from '../sqlite-errors';
import { duplicateGuid } from './errors';
import type { WriteContext } from './session';

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
/** A first batch at least this big in replace mode is a bulk load worth deferring indexes for. */
const BULK_BATCH = 500;

/** Drops the deferred indexes when the first batch of vouchers of a replace write is a bulk load. */
export function deferIndexesForBulkLoad(ctx: WriteContext, batchSize: number): void {
  if (ctx.firstBatch && ctx.mode === 'replace' && batchSize >= BULK_BATCH) {
    for (const index of DEFERRED_INDEXES) ctx.db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    ctx.indexesDropped = true;
  }
  if (batchSize > 0) ctx.firstBatch = false;
}

/** Builds the indexes a bulk load dropped; a duplicate voucher GUID is named, as an insert would. */
export function buildDeferredIndexes(ctx: WriteContext): void {
  const { db, companyId } = ctx;
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
      throw duplicateGuid(twice);
    }
  }
}
