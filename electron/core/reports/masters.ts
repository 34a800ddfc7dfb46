import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { yearStartOf, type IsoDate } from '../../../shared/dates';
import { isProfitAndLossLedger, PROFIT_AND_LOSS_LEDGER, type Nature } from '../db/records';
import type { CompanyRow } from '../db/store';

export interface GroupInfo {
  guid: string;
  name: string;
  parent: string | null;
  primaryGroup: string;
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
  /** Reserved names of this group and all its ancestors ("Sundry Debtors", "Current Assets"). */
  lineage: ReadonlySet<string>;
  depth: number;
}

export interface LedgerInfo {
  /** Integer key of the ledger row (stable per GUID). */
  id: number;
  guid: string;
  name: string;
  group: GroupInfo;
  openingBalance: number;
  isBillWise: boolean;
  creditPeriodDays: number | null;
  /** The reserved Profit & Loss A/c: under no group; earlier years' results accumulate in it. */
  isProfitAndLoss: boolean;
}

/**
 * Where the parentless Profit & Loss A/c stands in reports: a balance-sheet item of its own (liabilities
 * side), never a revenue ledger. Not one of the company's groups (not in Masters.groups).
 */
export const PROFIT_AND_LOSS_GROUP: GroupInfo = {
  guid: 'profit-and-loss',
  name: PROFIT_AND_LOSS_LEDGER,
  parent: null,
  primaryGroup: PROFIT_AND_LOSS_LEDGER,
  nature: 'liability',
  isRevenue: false,
  affectsGrossProfit: false,
  lineage: new Set([PROFIT_AND_LOSS_LEDGER]),
  depth: 0,
};

export interface Masters {
  company: CompanyRow;
  /** True when no voucher is cancelled or optional: entry scans may skip the voucher lookup. */
  allInBooks: boolean;
  groups: Map<string, GroupInfo>;
  ledgers: Map<string, LedgerInfo>;
  /** The company's Profit & Loss A/c ledger; null for books stored without it (demo, older imports). */
  profitAndLoss: LedgerInfo | null;
  /**
   * The first day of the books: Tally's books-from date, else the start of the year of the earliest
   * voucher; null for a company without either. Revenue ledgers' own openings count in its year only.
   */
  booksBegin: IsoDate | null;
  /**
   * How a ledger id stored in a row (entries' particulars) reads in a report: the ledger's name; for a ledger left out above (its group is
   * unknown, only in a hand-edited database) its GUID.
   */
  ledgerLabel(id: number): string;
  /** Ledgers whose group descends from a group with this reserved name (or plain name). */
  ledgersUnder(groupName: string): LedgerInfo[];
  ledger(guid: string): LedgerInfo;
}

interface GroupRow {
  guid: string;
  name: string;
  parent: string | null;
  primaryGroup: string;
  nature: Nature;
  isRevenue: number;
  affectsGrossProfit: number;
  reservedName: string | null;
}

/**
 * Groups and ledgers of one company, with each group's ancestry resolved. Memoised per company data
 * version: a few hundred rows, but every report needs them and the version changes on every commit.
 */
const memo = new WeakMap<Database.Database, Map<number, { version: number; masters: Masters }>>();

export function loadMasters(db: Database.Database, company: CompanyRow): Masters {
  let byCompany = memo.get(db);
  if (!byCompany) {
    byCompany = new Map();
    memo.set(db, byCompany);
  }
  const cached = byCompany.get(company.id);
  if (cached && cached.version === company.dataVersion) return cached.masters;
  const masters = readMasters(db, company);
  byCompany.set(company.id, { version: company.dataVersion, masters });
  return masters;
}

function readMasters(db: Database.Database, company: CompanyRow): Masters {
  const rows = db
    .prepare(
      `SELECT guid, name, parent_name AS parent, primary_group AS primaryGroup, nature, is_revenue AS isRevenue,
        affects_gross_profit AS affectsGrossProfit, reserved_name AS reservedName
       FROM groups WHERE company_id = ?`,
    )
    .all(company.id) as GroupRow[];
  const byName = new Map(rows.map((r) => [r.name, r]));
  const groups = new Map<string, GroupInfo>();
  for (const row of rows) {
    const lineage = new Set<string>();
    let depth = 0;
    let current: GroupRow | undefined = row;
    while (current && depth < 64) {
      lineage.add(current.reservedName ?? current.name);
      lineage.add(current.name);
      current = current.parent ? byName.get(current.parent) : undefined;
      if (current) depth++;
    }
    groups.set(row.name, {
      guid: row.guid,
      name: row.name,
      parent: row.parent && byName.has(row.parent) ? row.parent : null,
      primaryGroup: row.primaryGroup,
      nature: row.nature,
      isRevenue: row.isRevenue === 1,
      affectsGrossProfit: row.affectsGrossProfit === 1,
      lineage,
      depth,
    });
  }
  const ledgerRows = db
    .prepare(
      `SELECT id, guid, name, group_name AS groupName, opening_balance AS openingBalance, is_bill_wise AS isBillWise,
        credit_period_days AS creditPeriodDays, reserved_name AS reservedName
       FROM ledgers WHERE company_id = ? ORDER BY name`,
    )
    .all(company.id) as {
    id: number;
    guid: string;
    name: string;
    groupName: string;
    openingBalance: number;
    isBillWise: number;
    creditPeriodDays: number | null;
    reservedName: string | null;
  }[];
  const ledgers = new Map<string, LedgerInfo>();
  const ledgersById = new Map<number, LedgerInfo>();
  const guidsById = new Map<number, string>();
  for (const l of ledgerRows) {
    guidsById.set(l.id, l.guid);
    const isProfitAndLoss = l.groupName === '' && isProfitAndLossLedger(l);
    const group = isProfitAndLoss ? PROFIT_AND_LOSS_GROUP : groups.get(l.groupName);
    // The writer refuses ledgers under unknown groups, so this only guards a hand-edited database.
    if (!group) continue;
    const info: LedgerInfo = {
      id: l.id,
      guid: l.guid,
      name: l.name,
      group,
      openingBalance: l.openingBalance,
      isBillWise: l.isBillWise === 1,
      creditPeriodDays: l.creditPeriodDays,
      isProfitAndLoss,
    };
    ledgers.set(l.guid, info);
    ledgersById.set(l.id, info);
  }
  const under = new Map<string, LedgerInfo[]>();
  const excluded = db
    .prepare(
      `SELECT count_vouchers - (SELECT coalesce(sum(vouchers), 0) FROM voucher_month_counts WHERE company_id = ?)
       FROM companies WHERE id = ?`,
    )
    .pluck()
    .get(company.id, company.id) as number | undefined;
  const booksBegin =
    company.booksFrom ??
    (company.firstVoucherDate === null
      ? null
      : yearStartOf(company.firstVoucherDate, company.yearStartMonth));
  return {
    company,
    allInBooks: excluded === 0,
    groups,
    ledgers,
    profitAndLoss: [...ledgers.values()].find((l) => l.isProfitAndLoss) ?? null,
    booksBegin,
    ledgerLabel: (id) => ledgersById.get(id)?.name ?? guidsById.get(id) ?? String(id),
    ledgersUnder(groupName) {
      let list = under.get(groupName);
      if (!list) {
        list = [...ledgers.values()].filter((l) => l.group.lineage.has(groupName));
        under.set(groupName, list);
      }
      return list;
    },
    ledger(guid) {
      const found = ledgers.get(guid);
      if (!found) {
        throw new AppError(
          'NOT_FOUND',
          `No ledger with GUID "${guid}" in company "${company.name}"`,
          { ledgerGuid: guid, companyGuid: company.guid },
          { reason: 'unknownLedger', params: { guid, company: company.name } },
        );
      }
      return found;
    },
  };
}
