import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';

/**
 * Reads of the local copy that incremental sync needs (last AlterIDs, per-date counts, numbers of
 * stored vouchers). They go through the writer's own connection, so they also see the uncommitted
 * changes of the sync in progress.
 */

export interface LocalCompanyState {
  source: string;
  masterAlterId: number;
  voucherAlterId: number;
}

export function readLocalState(db: Database.Database, guid: string): LocalCompanyState | null {
  const row = db
    .prepare(
      `SELECT source, master_alter_id AS masterAlterId, voucher_alter_id AS voucherAlterId
       FROM companies WHERE guid = ?`,
    )
    .get(guid) as LocalCompanyState | undefined;
  return row ?? null;
}

/** Stored vouchers per date, every one (Tally's count covers cancelled, optional and orders too). */
export function storedDateCounts(db: Database.Database, guid: string): Map<IsoDate, number> {
  const rows = db
    .prepare(
      `SELECT v.date AS date, count(*) AS n FROM vouchers v JOIN companies c ON c.id = v.company_id
       WHERE c.guid = ? GROUP BY v.date`,
    )
    .all(guid) as { date: string; n: number }[];
  return new Map(rows.map((r) => [r.date, r.n]));
}

export interface StoredVoucherHead {
  guid: string;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
}

/** Stored vouchers dated within [from, to]. */
export function storedVouchersBetween(
  db: Database.Database,
  guid: string,
  from: IsoDate,
  to: IsoDate,
): StoredVoucherHead[] {
  return db
    .prepare(
      `SELECT v.guid AS guid, v.date AS date, v.voucher_type AS voucherType, v.voucher_number AS voucherNumber
       FROM vouchers v JOIN companies c ON c.id = v.company_id
       WHERE c.guid = ? AND v.date BETWEEN ? AND ?`,
    )
    .all(guid, from, to) as StoredVoucherHead[];
}
