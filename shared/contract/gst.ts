import { z } from 'zod';
import { operation } from './define';
import { companyGuid } from './schemas';
import type { Gstr1Answer, Gstr2bRecoAnswer, Gstr3bAnswer } from '../types/gst';

/** A return period: one calendar month, "YYYY-MM". */
export const gstMonth = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be a return period written YYYY-MM, e.g. 2025-04');

export const gstOperations = {
  'gst.gstr1': operation<Gstr1Answer>()({
    input: z.object({ companyGuid, month: gstMonth }).strict(),
    description:
      "GSTR-1 of one month from the books: the portal's JSON (B2B, B2CL, B2CS, exports, notes, nil rated, HSN summary, documents issued) and the vouchers to correct in Tally first.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.gstr3b': operation<Gstr3bAnswer>()({
    input: z.object({ companyGuid, month: gstMonth }).strict(),
    description:
      "GSTR-3B of one month from the books: outward supplies and reverse charge (3.1), inter-state supplies to unregistered persons (3.2), ITC (4) and exempt inward supplies (5), as the portal's JSON.",
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
