import { z } from 'zod';
import { isValidFinancialYear, isValidIsoDate } from '../dates';

export const companyGuid = z.string().trim().min(1, 'companyGuid is required').max(200);
/**
 * The dates the app accepts: Tally counts its dates from 1-Jan-1900 (day 1 of its JD numbering, see
 * docs/TALLY.md) and no company's books reach past 2099. Bounding them here keeps every report's date
 * arithmetic (financial years, ageing, months) inside what JavaScript dates can hold.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2099-12-31';

const OUT_OF_RANGE = {
  message: `must be between ${MIN_DATE} and ${MAX_DATE}`,
  params: { reason: 'dateOutOfRange' },
};

export const isoDate = z
  .string()
  .refine(isValidIsoDate, {
    message: 'must be a real date written YYYY-MM-DD, e.g. 2025-04-01',
    params: { reason: 'badDate' },
    abort: true,
  })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, OUT_OF_RANGE);
export const financialYear = z
  .string()
  .refine(isValidFinancialYear, {
    message: 'must be a financial year written like 2025-26 (April to March)',
    params: { reason: 'badYear' },
    abort: true,
  })
  // The year must end inside the accepted dates too (2098-99 ends in 2099).
  .refine((fy) => fy >= '1900-01' && fy <= '2098-99', {
    message: 'must be a financial year between 1900-01 and 2098-99',
    params: { reason: 'dateOutOfRange' },
  });

/** An object schema with `from`/`to` dates, refusing a reversed range. */
export function withDateRange<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ ...shape, from: isoDate, to: isoDate })
    .strict()
    .refine((r) => (r as { from: string }).from <= (r as { to: string }).to, {
      message: 'from must not be after to (the date range is reversed)',
      path: ['to'],
      params: { reason: 'reversedRange' },
    });
}

export const empty = z.object({}).strict();
