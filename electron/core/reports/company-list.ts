import type Database from 'better-sqlite3';
import { financialYearOf, type FinancialYear } from '../../../shared/dates';
import type { CompanySummary, CompanySource, SyncStatus } from '../../../shared/types/reports';

interface CompanyDbRow {
  id: number;
  guid: string;
  name: string;
  source: CompanySource;
  booksFrom: string | null;
  booksFromSource: CompanySummary['booksFromSource'];
  yearStartMonth: number;
  masterAlterId: number;
  voucherAlterId: number;
  dataVersion: number;
  lastSyncAt: string | null;
  syncStatus: SyncStatus;
  syncError: string | null;
  groups: number;
  ledgers: number;
  voucherTypes: number;
  vouchers: number;
  entries: number;
  bills: number;
  firstVoucherDate: string | null;
  lastVoucherDate: string | null;
}

const SELECT = `SELECT id, guid, name, source, books_from AS booksFrom, books_from_source AS booksFromSource,
  year_start_month AS yearStartMonth, master_alter_id AS masterAlterId,
  voucher_alter_id AS voucherAlterId, data_version AS dataVersion, last_sync_at AS lastSyncAt,
  sync_status AS syncStatus, sync_error AS syncError, count_groups AS groups, count_ledgers AS ledgers,
  count_voucher_types AS voucherTypes, count_vouchers AS vouchers, count_entries AS entries,
  count_bills AS bills, first_voucher_date AS firstVoucherDate, last_voucher_date AS lastVoucherDate
  FROM companies`;

function toSummary(row: CompanyDbRow, years: FinancialYear[]): CompanySummary {
  return {
    guid: row.guid,
    name: row.name,
    source: row.source,
    booksFrom: row.booksFrom,
    booksFromSource: row.booksFromSource,
    yearStartMonth: row.yearStartMonth,
    masterAlterId: row.masterAlterId,
    voucherAlterId: row.voucherAlterId,
    dataVersion: row.dataVersion,
    lastSyncAt: row.lastSyncAt,
    syncStatus: row.syncStatus,
    syncError: row.syncError,
    counts: {
      groups: row.groups,
      ledgers: row.ledgers,
      voucherTypes: row.voucherTypes,
      vouchers: row.vouchers,
      entries: row.entries,
      bills: row.bills,
    },
    financialYears: years,
    firstVoucherDate: row.firstVoucherDate,
    lastVoucherDate: row.lastVoucherDate,
  };
}

const YEAR_MONTHS = `SELECT DISTINCT m.company_id AS id, m.month, c.year_start_month AS startMonth
  FROM voucher_month_counts m JOIN companies c ON c.id = m.company_id`;

/** Financial years with vouchers (in each company's own year), newest first, from the per-month voucher counts (a few dozen rows). */
function yearsByCompany(db: Database.Database, companyId?: number): Map<number, FinancialYear[]> {
  const rows = (
    companyId === undefined
      ? db.prepare(`${YEAR_MONTHS} WHERE m.vouchers > 0`).all()
      : db.prepare(`${YEAR_MONTHS} WHERE m.company_id = ? AND m.vouchers > 0`).all(companyId)
  ) as { id: number; month: string; startMonth: number }[];
  const result = new Map<number, Set<FinancialYear>>();
  for (const r of rows) {
    let set = result.get(r.id);
    if (!set) result.set(r.id, (set = new Set()));
    set.add(financialYearOf(`${r.month}-01`, r.startMonth));
  }
  return new Map([...result].map(([id, set]) => [id, [...set].sort().reverse()]));
}

/** Every stored company with its sync state and record counts (counts are kept at each commit). */
export function companyList(db: Database.Database): CompanySummary[] {
  const rows = db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE, guid`).all() as CompanyDbRow[];
  const years = yearsByCompany(db);
  return rows.map((r) => toSummary(r, years.get(r.id) ?? []));
}

export function companySummary(db: Database.Database, guid: string): CompanySummary | null {
  const row = db.prepare(`${SELECT} WHERE guid = ?`).get(guid) as CompanyDbRow | undefined;
  if (!row) return null;
  return toSummary(row, yearsByCompany(db, row.id).get(row.id) ?? []);
}
