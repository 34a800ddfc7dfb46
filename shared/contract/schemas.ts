import { z } from 'zod';
import { isValidFinancialYear, isValidIsoDate } from '../dates';

export const companyGuid = z.string().trim().min(1, 'companyGuid is required').max(200);
export const isoDate = z.string().refine(isValidIsoDate, {
  message: 'must be a real date written YYYY-MM-DD, e.g. 2025-04-01',
  params: { reason: 'badDate' },
});
export const financialYear = z.string().refine(isValidFinancialYear, {
  message: 'must be a financial year written like 2025-26 (April to March)',
  params: { reason: 'badYear' },
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
