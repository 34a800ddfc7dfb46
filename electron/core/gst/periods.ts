import { lastDayOfMonth } from '../../../shared/dates';
import type { GstPeriod } from './documents';

/** GST return periods: months "YYYY-MM" and quarters "YYYY-Qn", as dates and as their months. */

/** "2025-04" moved by `months` ("2025-04", -6 → "2024-10"). */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthPeriod = (month: string): GstPeriod => ({
  from: `${month}-01`,
  to: lastDayOfMonth(month),
});

/**
 * The dates of a return period: a month "YYYY-MM", or a quarter "YYYY-Qn" of the financial year starting in
 * April of YYYY (Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March of YYYY + 1), as
 * QRMP filers file GSTR-1 and GSTR-3B. The returns' `fp` / `ret_period` is the period's last month.
 */
export function returnPeriod(period: string): GstPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter === null) return monthPeriod(period);
  const first = addMonths(`${quarter[1]}-04`, (Number(quarter[2]) - 1) * 3);
  return { from: `${first}-01`, to: lastDayOfMonth(addMonths(first, 2)) };
}

/** "2025-04" … of a period's months, in order. */
export function monthsOf(period: GstPeriod): string[] {
  const out: string[] = [];
  for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7); m = addMonths(m, 1)) out.push(m);
  return out;
}
