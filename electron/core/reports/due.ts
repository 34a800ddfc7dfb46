import { daysBetween, type IsoDate } from '../../../shared/dates';

/**
 * When a bill is due and overdue, as Tally's Bills Receivable / Payable and their ageing show it, in one
 * place for every report, export and the dashboard (docs/TALLY.md, "Due and overdue bills"):
 * - a bill falls due on its due date, or on its bill date when it has none (no credit period);
 * - "Overdue by days" is the as-on date minus that date;
 * - a bill is "Not due" while that date is after the as-on date (overdue days below zero); from its due
 *   date on it is overdue: a bill due on the as-on date is overdue by 0 days and ages in the first slab.
 */

/** The date a bill falls due: its due date, else its bill date; null for a bill with neither. */
export function dueDateOf(bill: { dueDate: IsoDate | null; billDate: IsoDate | null }): IsoDate | null {
  return bill.dueDate ?? bill.billDate;
}

/** Tally's "Overdue by days": as-on date minus due date (negative while the bill is not yet due). */
export function overdueDays(due: IsoDate, asOn: IsoDate): number {
  return daysBetween(due, asOn);
}

/** Whether a bill that is `days` overdue (see overdueDays) is overdue: on and after its due date. */
export function isOverdue(days: number): boolean {
  return days >= 0;
}

/**
 * The same rule for SQL over bill_totals: the bill is overdue on the date bound to `@asOn`. A bill with
 * neither date is never overdue (coalesce gives NULL).
 */
export const OVERDUE_ON_AS_ON_SQL = 'coalesce(due_date, bill_date) <= @asOn';

/**
 * Overdue days of many bills against one as-on date, each due date worked out once (tens of thousands
 * of bills share a few hundred due dates).
 */
export function overdueDaysOn(asOn: IsoDate): (due: IsoDate) => number {
  const known = new Map<IsoDate, number>();
  return (due) => {
    let days = known.get(due);
    if (days === undefined) {
      days = overdueDays(due, asOn);
      known.set(due, days);
    }
    return days;
  };
}
