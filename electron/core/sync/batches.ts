import type { IsoDate } from '../../../shared/dates';

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
