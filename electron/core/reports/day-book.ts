import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { DayBook, DayBookVoucher } from '../../../shared/types/reports';
import type { Masters } from './masters';

/** Vouchers of a date range in date order with their entries, one page at a time. */
export function dayBook(
  db: Database.Database,
  masters: Masters,
  params: { from: IsoDate; to: IsoDate; page: number; pageSize: number },
): DayBook {
  const companyId = masters.company.id;
  // Every voucher, posting or not: Tally's day book lists orders, memoranda and cancelled vouchers too.
  const where = `company_id = ? AND date >= ? AND date <= ?`;
  const counts = db
    .prepare(`SELECT count(*) AS total, count(off_books) AS offBooks FROM vouchers WHERE ${where}`)
    .get(companyId, params.from, params.to) as { total: number; offBooks: number };
  const rows = db
    .prepare(
      `SELECT id, guid, date, voucher_type AS voucherType, voucher_number AS voucherNumber, party_name AS party,
        narration, off_books AS offBooks FROM vouchers WHERE ${where} ORDER BY date, id LIMIT ? OFFSET ?`,
    )
    .all(companyId, params.from, params.to, params.pageSize, (params.page - 1) * params.pageSize) as (Omit<
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
    vouchers,
  };
}
