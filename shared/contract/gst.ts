import { z } from 'zod';
import { operation } from './define';
import { companyGuid } from './schemas';
import type {
  Gstr1Answer,
  Gstr1JsonAnswer,
  Gstr2bRecoAnswer,
  Gstr3bAnswer,
  GstVouchersAnswer,
} from '../types/gst';

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

/**
 * The largest GSTR-2B request the HTTP server reads: a month's 2B of 5,000 invoices is 2–3 MB of JSON, the
 * portal's own download of a large taxpayer's month several times that; beyond 20 MB it is refused.
 */
export const GSTR2B_BODY_LIMIT = 20 * 1024 * 1024;

export const gstMonth = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be a return period written YYYY-MM, e.g. 2025-04');

/** The most vouchers one page of `gst.vouchers` carries (Excel asks page by page). */
export const GST_VOUCHERS_PAGE_LIMIT = 5_000;

const gstr3bFigureId = z.enum([
  '3.1a',
  '3.1b',
  '3.1c',
  '3.1d',
  '3.1e',
  '4A1',
  '4A2',
  '4A3',
  '4A4',
  '4A5',
  '4B1',
  '4B2',
  '4C',
  '4D1',
  '4D2',
  '5gstInter',
  '5gstIntra',
  '5nongstInter',
  '5nongstIntra',
]);

/** A figure of a return whose vouchers are asked for. */
export const gstFigureRef = z.discriminatedUnion('return', [
  z
    .object({
      return: z.literal('gstr1'),
      section: z.enum(['b2b', 'b2cl', 'b2cs', 'cdnr', 'cdnur', 'exp', 'nil']),
    })
    .strict(),
  z
    .object({
      return: z.literal('gstr1-hsn'),
      table: z.enum(['b2b', 'b2c', 'all']),
      hsn: z.string().max(16),
      uqc: z.string().max(8),
      rate: z.number().int().min(0).max(100_00),
    })
    .strict(),
  z.object({ return: z.literal('gstr3b'), figure: gstr3bFigureId }).strict(),
  z
    .object({
      return: z.literal('gstr3b-state'),
      placeOfSupply: z.string().regex(/^\d{2}$/, 'placeOfSupply must be a two-digit state code'),
    })
    .strict(),
]);

export const gstOperations = {
  'gst.gstr1': operation<Gstr1Answer>()({
    input: z.object({ companyGuid, month: gstPeriod }).strict(),
    description:
      'GSTR-1 of one month (YYYY-MM) or quarter (YYYY-Qn, financial year starting in YYYY) from the books: each section (B2B, B2CL, B2CS, exports, notes, nil rated) with its totals and count of vouchers, the HSN summary, documents issued, and the vouchers to correct in Tally first. The portal JSON: gst.gstr1Json.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.gstr1Json': operation<Gstr1JsonAnswer>()({
    input: z.object({ companyGuid, month: gstPeriod }).strict(),
    description:
      "GSTR-1 of one month or quarter as the GST portal's offline tool uploads it (b2b, b2cl, b2cs, exp, cdnr, cdnur, nil, hsn, doc_issue; amounts in rupees, dates DD-MM-YYYY, fp MMYYYY), with the vouchers to correct in Tally first.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.gstr3b': operation<Gstr3bAnswer>()({
    input: z.object({ companyGuid, month: gstPeriod }).strict(),
    description:
      "GSTR-3B of one month (YYYY-MM) or quarter (YYYY-Qn) from the books: outward supplies and reverse charge (3.1), inter-state supplies to unregistered persons (3.2), ITC (4) and exempt inward supplies (5), as the portal's JSON.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'gst.vouchers': operation<GstVouchersAnswer>()({
    input: z
      .object({
        companyGuid,
        month: gstPeriod,
        of: gstFigureRef,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(GST_VOUCHERS_PAGE_LIMIT).default(500),
      })
      .strict(),
    description:
      "The vouchers behind one figure of a month's (or quarter's) GSTR-1 or GSTR-3B — a GSTR-1 section, an HSN summary row, a GSTR-3B figure or a 3.2 place of supply — a page at a time, each with its part of the figure (a credit note negative), and the whole figure's sum.",
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
      'GSTR-2B reconciliation of one month: each 2B document and each purchase in the books with its bucket (matched, mismatched, only in 2B, only in the books) and the fields that differ. Over HTTP its body may be up to 20 MB (other operations: 1 MB).',
    errors: ['NOT_FOUND', 'DATABASE'],
    bodyLimitBytes: GSTR2B_BODY_LIMIT,
  }),
};
