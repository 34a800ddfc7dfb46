import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { DayBook, DayBookVoucher } from '../../../shared/types/reports';
import type { Masters } from './masters';
import { likePattern, matchingLedgerIds, type SortDir } from './table-view';

export type DayBookSort = 'date' | 'voucherType' | 'voucherNumber' | 'party' | 'amount';

export interface DayBookParams {
  from: IsoDate;
  to: IsoDate;
  page: number;
  pageSize: number;
  sort?: DayBookSort;
  dir?: SortDir;
  search?: string;
  voucherTypes?: readonly string[];
  /** Amount range (paise, inclusive) of the voucher's amount as the day book shows it. */
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
}

/** A voucher's amount as the day book shows it: the sum of its debit entries (entries_voucher index). */
const AMOUNT_SQL = `(SELECT coalesce(sum(e.amount), 0) FROM entries e WHERE e.voucher_id = v.id AND e.amount > 0)`;

/** ORDER BY of each sort; the voucher id breaks ties so pages never overlap or skip a voucher. */
const ORDER_SQL: Record<DayBookSort, string[]> = {
  date: [],
  voucherType: ['v.voucher_type COLLATE NOCASE'],
  // Numbers are compared by their length first, so "S-9" comes before "S-10" as in a numeric sort.
  voucherNumber: ['length(v.voucher_number)', 'v.voucher_number'],
  party: ["coalesce(v.party_name, '') COLLATE NOCASE"],
  amount: [AMOUNT_SQL],
};

/** One page of the day book's voucher rows (exported so tests can read its query plan). */
export const dayBookPageSql = (where: string, order: string): string =>
  `SELECT v.id, v.guid, v.date, v.voucher_type AS voucherType, v.voucher_number AS voucherNumber,
    v.party_name AS party, v.narration, v.off_books AS offBooks
   FROM vouchers v WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`;

/** The day book's period condition: every voucher of the company in the range, posting or not. */
export const DAY_BOOK_PERIOD_SQL = `v.company_id = ? AND v.date >= ? AND v.date <= ?`;

/**
 * Vouchers of a date range with their entries, one page at a time: filtered by voucher type and search,
 * sorted, counted and paged in SQL over the whole period (the range is a scan of vouchers_date).
 */
export function dayBook(db: Database.Database, masters: Masters, params: DayBookParams): DayBook {
  const companyId = masters.company.id;
  const sort = params.sort ?? 'date';
  const dir = params.dir === 'desc' ? 'DESC' : 'ASC';
  const search = params.search?.trim() ?? '';
  const types = params.voucherTypes ?? [];
  // Every voucher, posting or not: Tally's day book lists orders, memoranda and cancelled vouchers too.
  const period = DAY_BOOK_PERIOD_SQL;
  const periodArgs: unknown[] = [companyId, params.from, params.to];

  const filters: string[] = [];
  const filterArgs: unknown[] = [];
  if (types.length > 0) {
    filters.push(`v.voucher_type IN (${types.map(() => '?').join(', ')})`);
    filterArgs.push(...types);
  }
  if (params.minAmount !== undefined) {
    filters.push(`${AMOUNT_SQL} >= ?`);
    filterArgs.push(params.minAmount);
  }
  if (params.maxAmount !== undefined) {
    filters.push(`${AMOUNT_SQL} <= ?`);
    filterArgs.push(params.maxAmount);
  }
  if (search !== '') {
    const like = likePattern(search);
    const fields = ['v.voucher_number', 'v.voucher_type', "coalesce(v.party_name, '')", 'v.narration'];
    const alternatives = fields.map((f) => `${f} LIKE ? ESCAPE '\\'`);
    filterArgs.push(...fields.map(() => like));
    // Ledger names are matched in the masters (any case, any script), then found through entries_voucher.
    const ledgerIds = matchingLedgerIds(masters, search);
    if (ledgerIds.length > 0) {
      alternatives.push(
        `EXISTS (SELECT 1 FROM entries e WHERE e.voucher_id = v.id AND e.ledger_id IN (${ledgerIds.join(', ')}))`,
      );
    }
    filters.push(`(${alternatives.join(' OR ')})`);
  }
  const where = [period, ...filters].join(' AND ');

  const counts = db
    .prepare(`SELECT count(*) AS total, count(off_books) AS offBooks FROM vouchers v WHERE ${period}`)
    .get(...periodArgs) as { total: number; offBooks: number };
  const voucherTypes = db
    .prepare(
      `SELECT voucher_type AS name, count(*) AS count FROM vouchers v WHERE ${period}
       GROUP BY voucher_type ORDER BY voucher_type COLLATE NOCASE`,
    )
    .all(...periodArgs) as { name: string; count: number }[];
  const matching =
    filters.length === 0
      ? counts.total
      : (
          db
            .prepare(`SELECT count(*) AS n FROM vouchers v WHERE ${where}`)
            .get(...periodArgs, ...filterArgs) as {
            n: number;
          }
        ).n;
  const order = [...ORDER_SQL[sort], 'v.date', 'v.id'].map((term) => `${term} ${dir}`).join(', ');
  const rows = db
    .prepare(dayBookPageSql(where, order))
    .all(...periodArgs, ...filterArgs, params.pageSize, (params.page - 1) * params.pageSize) as (Omit<
    DayBookVoucher,
    'amount' | 'entries'
  > & { id: number })[];
  const entriesOf = db.prepare(
    `SELECT l.guid AS ledgerGuid, e.amount FROM entries e JOIN ledgers l ON l.id = e.ledger_id
     WHERE e.voucher_id = ? ORDER BY e.id`,
  );
  const vouchers: DayBookVoucher[] = rows.map(({ id, ...v }) => {
    const entries = (entriesOf.all(id) as { ledgerGuid: string; amount: number }[]).map((e) => ({
      ledgerGuid: e.ledgerGuid,
      ledgerName: masters.ledgers.get(e.ledgerGuid)?.name ?? e.ledgerGuid,
      amount: e.amount,
    }));
    const amount = entries.reduce((s, e) => s + (e.amount > 0 ? e.amount : 0), 0);
    return { ...v, amount, entries };
  });
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    page: params.page,
    pageSize: params.pageSize,
    totalVouchers: counts.total,
    offBooksVouchers: counts.offBooks,
    matchingVouchers: matching,
    voucherTypes,
    vouchers,
  };
}
