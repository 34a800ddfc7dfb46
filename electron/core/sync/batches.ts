import { lastDayOfMonth, type IsoDate } from '../../../shared/dates';

import type { DateCount } from '../tally/fetch';

export type { DateCount };
export interface Batch {
  from: IsoDate;
  to: IsoDate;
  count: number;
}

/** Tally builds each answer in its own memory and stalls on very large exports. */
export const MAX_VOUCHERS_PER_REQUEST = 5000;

/**
 * Groups consecutive dates into ranges of at most `max` vouchers (from Tally's per-date count). A single
 * date holding more than `max` vouchers gets a range of its own: a date cannot be split further.
 */
export function planBatches(dates: readonly DateCount[], max = MAX_VOUCHERS_PER_REQUEST): Batch[] {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`Batch size must be a positive integer, got ${max}`);
  const sorted = [...dates]
    .filter((d) => d.count > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const batches: Batch[] = [];
  let current: Batch | null = null;
  for (const d of sorted) {
    if (current !== null && current.count + d.count <= max) {
      current.to = d.date;
      current.count += d.count;
    } else {
      if (current !== null) batches.push(current);
      current = { from: d.date, to: d.date, count: d.count };
    }
  }
  if (current !== null) batches.push(current);
  return batches;
}

/**
 * Month ranges from the books' start to the end of the year after today, then one range up to `last`
 * (post-dated vouchers can be dated years ahead), for a Tally whose per-date count came back empty.
 * Counts are unknown (0): progress shows ranges, not vouchers.
 */
export function monthBatches(booksFrom: IsoDate | null, today: IsoDate, last: IsoDate): Batch[] {
  const start = (booksFrom ?? `${Number(today.slice(0, 4)) - 10}-04-01`).slice(0, 7);
  const endYear = Number(today.slice(0, 4)) + 1;
  const batches: Batch[] = [];
  let [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  while (y <= endYear) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    batches.push({ from: `${month}-01`, to: lastDayOfMonth(month), count: 0 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  if (`${endYear}-12-31` < last) batches.push({ from: `${endYear + 1}-01-01`, to: last, count: 0 });
  return batches;
}
