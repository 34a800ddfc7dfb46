import type Database from 'better-sqlite3';
import type { CompanyIds } from './watcher';

/**
 * The companies live mode watches: those synced from Tally (imports and the demo have no Tally to
 * follow) whose next sync is an incremental one. A copy marked for a full sync (after a schema upgrade)
 * waits for the user's own Sync, since a full sync of a large company is not something to start unasked.
 */
export function readWatchedCompanies(db: Database.Database): CompanyIds[] {
  return db
    .prepare(
      `SELECT guid, name, master_alter_id AS masterAlterId, voucher_alter_id AS voucherAlterId
       FROM companies WHERE source = 'tally' AND needs_full_sync = 0 ORDER BY name`,
    )
    .all() as CompanyIds[];
}
