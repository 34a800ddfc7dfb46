import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
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

/** A change of a bill's pending amount on a date, debit positive (what the party owes us grows). */
export interface BillMove {
  date: IsoDate;
  amount: Paise;
}

/** A bill to read the moves of: its party ledger and name. */
export interface BillKey {
  ledgerGuid: string;
  billName: string;
}

/**
 * The moves of many bills as on a date, in one query: for each bill its opening amount (dated on its bill
 * date, else its due date, else its first allocation: it was pending before the books began) and then
 * every allocation of a posting voucher up to `asOn`, in date order. They add up to the bill's pending
 * amount in the outstanding report (the same bill_totals row: opening plus its "date:paise;..." history).
 * Keyed by ledger GUID, then bill name; bills not in the books are left out. Debit positive.
 */
export function billMovesAsOn(
  db: Database.Database,
  companyId: number,
  bills: readonly BillKey[],
  asOn: IsoDate,
): Map<string, Map<string, BillMove[]>> {
  const result = new Map<string, Map<string, BillMove[]>>();
  if (bills.length === 0) return result;
  // The pairs go in as one JSON array; each is looked up through the primary key (company, ledger, bill).
  const rows = db
    .prepare(
      `SELECT ledger_guid, bill_name, bill_date, due_date, opening_amount, history FROM bill_totals
       WHERE company_id = @company AND (ledger_guid, bill_name) IN
         (SELECT value ->> 0, value ->> 1 FROM json_each(@bills))`,
    )
    .raw()
    .all({
      company: companyId,
      bills: JSON.stringify(bills.map((b) => [b.ledgerGuid, b.billName])),
    }) as [string, string, IsoDate | null, IsoDate | null, number, string][];
  for (const [ledgerGuid, billName, billDate, dueDate, opening, history] of rows) {
    const moves: BillMove[] = [];
    const firstAllocation = history === '' ? null : history.slice(0, 10);
    if (opening !== 0) moves.push({ date: billDate ?? dueDate ?? firstAllocation ?? asOn, amount: opening });
    // The history is in date order: stop at the first allocation after the as-on date.
    for (let at = 0; at < history.length;) {
      const date = history.slice(at, at + 10);
      if (date > asOn) break;
      let next = history.indexOf(';', at + 11);
      if (next === -1) next = history.length;
      const amount = Number(history.slice(at + 11, next));
      if (amount !== 0) moves.push({ date, amount });
      at = next + 1;
    }
    let byBill = result.get(ledgerGuid);
    if (!byBill) result.set(ledgerGuid, (byBill = new Map()));
    byBill.set(billName, moves);
  }
  return result;
}
