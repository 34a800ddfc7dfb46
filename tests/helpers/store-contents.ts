import type Database from 'better-sqlite3';
import type { Store } from '../../electron/core/db/store';

const rows = (db: Database.Database, sql: string): unknown[] => db.prepare(sql).all();

/** Everything a report can read, with the store's own row ids replaced by GUIDs. */
export function storeContents(store: Store): Record<string, unknown> {
  const db = store.db;
  const guidById = new Map(
    (db.prepare('SELECT id, guid FROM ledgers').all() as { id: number; guid: string }[]).map((l) => [
      l.id,
      l.guid,
    ]),
  );
  const entries = (
    db
      .prepare(
        `SELECT v.guid AS voucher, e.ledger_id, e.date, e.amount, e.other_ledger_id, e.other_ledger_count,
                e.more_ledger_ids
         FROM entries e JOIN vouchers v ON v.id = e.voucher_id ORDER BY v.guid, e.id`,
      )
      .all() as {
      voucher: string;
      ledger_id: number;
      date: string;
      amount: number;
      other_ledger_id: number | null;
      other_ledger_count: number;
      more_ledger_ids: string | null;
    }[]
  ).map((e) => ({
    voucher: e.voucher,
    ledger: guidById.get(e.ledger_id),
    date: e.date,
    amount: e.amount,
    other: e.other_ledger_id === null ? null : guidById.get(e.other_ledger_id),
    otherCount: e.other_ledger_count,
    more: e.more_ledger_ids?.split(',').map((id) => guidById.get(Number(id))) ?? null,
  }));
  return {
    company: rows(
      db,
      `SELECT name, master_alter_id, voucher_alter_id, count_groups, count_ledgers, count_voucher_types,
              count_vouchers, count_entries, count_bills, first_voucher_date, last_voucher_date FROM companies`,
    ),
    ledgers: rows(db, 'SELECT guid, name, group_name, opening_balance FROM ledgers ORDER BY guid'),
    vouchers: rows(
      db,
      `SELECT guid, alter_id, date, voucher_type, base_type, voucher_number, party_name, narration, reference,
              is_cancelled, is_optional FROM vouchers ORDER BY guid`,
    ),
    entries,
    bills: rows(
      db,
      `SELECT v.guid AS voucher, l.guid AS ledger, b.date, b.bill_name, b.bill_type, b.amount,
              b.credit_period_days, b.due_date
       FROM bill_allocations b JOIN entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
         JOIN ledgers l ON l.id = b.ledger_id
       ORDER BY v.guid, b.id`,
    ),
    monthTotals: rows(
      db,
      `SELECT ledger_guid, month, base_type, debit, credit, entries FROM ledger_month_totals
       ORDER BY ledger_guid, month, base_type`,
    ),
    billTotals: rows(
      db,
      `SELECT ledger_guid, bill_name, bill_date, due_date, first_date, last_date, opening_amount, amount, history
       FROM bill_totals ORDER BY ledger_guid, bill_name`,
    ),
    voucherCounts: rows(
      db,
      'SELECT month, base_type, vouchers FROM voucher_month_counts ORDER BY month, base_type',
    ),
  };
}
