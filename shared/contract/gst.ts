import { z } from 'zod';
import { operation } from './define';
import { companyGuid } from './schemas';
import type { Gstr1Answer, Gstr2bRecoAnswer, Gstr3bAnswer } from '../types/gst';

/** A return period: one calendar month, "YYYY-MM". */
/**
 * A return period for GSTR-1 and GSTR-3B: a month "YYYY-MM", or a quarter of the financial year "YYYY-Qn"
 * for quarterly (QRMP) filers, YYYY being the year the financial year starts: "2025-Q1" is April–June 2025,
 * "2025-Q4" January–March 2026. The portal's `fp` / `ret_period` of a quarterly return is its last month.
 */
export const gstPeriod = z
  .string()
  .trim()
  .regex(
    /^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/,
    'month must be a return period written YYYY-MM (e.g. 2025-04) or a quarter YYYY-Qn of the financial year starting in YYYY (e.g. 2025-Q1 for April–June 2025)',
  );

export const gstMonth = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be a return period written YYYY-MM, e.g. 2025-04');

export const gstOperations = {
  'gst.gstr1': operation<Gstr1Answer>()({
    input: z.object({ companyGuid, month: gstPeriod }).strict(),
    description:
      "GSTR-1 of one month (YYYY-MM) or quarter (YYYY-Qn, financial year starting in YYYY) from the books: the portal's JSON (B2B, B2CL, B2CS, exports, notes, nil rated, HSN summary, documents issued) and the vouchers to correct in Tally first.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.gstr3b': operation<Gstr3bAnswer>()({
    input: z.object({ companyGuid, month: gstPeriod }).strict(),
    description:
      "GSTR-3B of one month (YYYY-MM) or quarter (YYYY-Qn) from the books: outward supplies and reverse charge (3.1), inter-state supplies to unregistered persons (3.2), ITC (4) and exempt inward supplies (5), as the portal's JSON.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.gstr2bReco': operation<Gstr2bRecoAnswer>()({
    input: z
      .object({
        companyGuid,
        month: gstMonth,
        /** The GSTR-2B JSON downloaded from the portal, as parsed JSON. */
        gstr2b: z.unknown().refine((v) => v !== undefined, 'gstr2b (the GSTR-2B JSON) is required'),
      })
      .strict(),
    description:
      'GSTR-2B reconciliation of one month: each 2B document and each purchase in the books with its bucket (matched, mismatched, only in 2B, only in the books) and the fields that differ.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
