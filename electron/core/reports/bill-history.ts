import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { BillHistory, BillHistoryLine, OutstandingKind } from '../../../shared/types/reports';
import { POSTS } from '../db/posting';
import { dueDateOf, isOverdue, overdueDays } from './due';
import type { Masters } from './masters';

/**
 * One bill of a party as Tally's bill-wise drill shows it (Bills Receivable → a bill): the amount it
 * opened the books with, then every posting voucher that allocated to it up to the as-on date (the
 * invoice that raised it, receipts and notes against it), each with the bill's pending amount after it.
 * Vouchers that do not post (orders, memoranda, cancelled ...) never touch a bill, as in the outstanding
 * report. Amounts are turned to the report's side: positive is owed to us for receivables, by us for
 * payables.
 */
export function billHistory(
  db: Database.Database,
  masters: Masters,
  params: { ledgerGuid: string; billName: string; kind: OutstandingKind; asOn: IsoDate },
): BillHistory {
  const company = masters.company;
  const ledger = masters.ledgers.get(params.ledgerGuid);
  if (!ledger) {
    throw new AppError(
      'NOT_FOUND',
      `No ledger with GUID "${params.ledgerGuid}" in company "${company.name}"`,
      {
        ledgerGuid: params.ledgerGuid,
        companyGuid: company.guid,
      },
    );
  }
  const bill = db
    .prepare(
      `SELECT bill_date AS billDate, due_date AS dueDate, opening_amount AS opening FROM bill_totals
       WHERE company_id = ? AND ledger_guid = ? AND bill_name = ?`,
    )
    .get(company.id, ledger.guid, params.billName) as
    { billDate: IsoDate | null; dueDate: IsoDate | null; opening: number } | undefined;
  if (!bill) {
    throw new AppError('NOT_FOUND', `No bill "${params.billName}" of ledger "${ledger.name}"`, {
      ledgerGuid: ledger.guid,
      billName: params.billName,
      companyGuid: company.guid,
    });
  }
  const sign = params.kind === 'receivable' ? 1 : -1;
  const rows = db
    .prepare(
      `SELECT b.date, v.guid AS voucherGuid, v.voucher_type AS voucherType, NULLIF(v.voucher_number, '') AS voucherNumber,
         b.bill_type AS billType, b.amount
       FROM bill_allocations b JOIN entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
       WHERE b.ledger_id = ? AND b.bill_name = ? AND b.date <= ? AND ${POSTS}
       ORDER BY b.date, b.id`,
    )
    .all(ledger.id, params.billName, params.asOn) as Omit<BillHistoryLine, 'balance'>[];
  const opening = sign * bill.opening;
  let pending = opening;
  const lines = rows.map((r) => {
    pending += sign * r.amount;
    return { ...r, amount: sign * r.amount, balance: pending };
  });
  const due = dueDateOf(bill);
  const days = due === null ? null : overdueDays(due, params.asOn);
  return {
    companyGuid: company.guid,
    ledgerGuid: ledger.guid,
    ledgerName: ledger.name,
    billName: params.billName,
    kind: params.kind,
    asOn: params.asOn,
    billDate: bill.billDate,
    dueDate: bill.dueDate,
    overdueDays: days,
    overdue: days !== null && isOverdue(days),
    opening,
    lines,
    pending,
  };
}
