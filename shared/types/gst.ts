import type { IsoDate } from '../dates';

/**
 * Answers of the GST operations (issue 26): the portal JSON the returns upload as, and what the
 * accountant must see besides. Amounts in the portal JSON are rupees as the portal wants them; amounts
 * here are integer paise.
 */

export type GstReturnProblem =
  | 'no-place-of-supply'
  | 'no-gstin'
  | 'bad-gstin'
  | 'no-hsn'
  | 'tax-not-rate-times-value'
  | 'wrong-tax-head'
  | 'bad-document-number';

export interface GstReturnException {
  voucherGuid: string;
  number: string;
  date: IsoDate;
  partyName: string;
  problem: GstReturnProblem;
  message: string;
  /** True when the voucher is left out of the return until corrected in Tally. */
  excluded: boolean;
}

export interface Gstr1Answer {
  gstin: string;
  /** "2025-04" */
  month: string;
  /** The GSTR-1 JSON as the portal's offline tool uploads it. */
  json: Record<string, unknown>;
  exceptions: GstReturnException[];
  counts: { included: number; cancelled: number; uncertain: number };
}

export interface Gstr3bAnswer {
  gstin: string;
  month: string;
  /** The GSTR-3B JSON as the portal's offline utility uploads it. */
  json: Record<string, unknown>;
}

export interface GstAmounts {
  taxable: number;
  igst: number;
  cgst: number;
  sgst: number;
  cess: number;
}

export type Gstr2bBucketName = 'matched' | 'mismatched' | 'only-in-2b' | 'only-in-books';

export interface Gstr2bDocumentView extends GstAmounts {
  /** The books' voucher; null for a 2B entry. */
  voucherGuid: string | null;
  kind: 'invoice' | 'credit-note' | 'debit-note';
  supplierGstin: string;
  supplierName: string;
  number: string;
  date: IsoDate;
  value: number;
  placeOfSupply: string | null;
  reverseCharge: boolean;
}

export interface Gstr2bRecoRow {
  bucket: Gstr2bBucketName;
  portal: Gstr2bDocumentView | null;
  books: Gstr2bDocumentView | null;
  /** For a mismatch: the fields that differ (date, taxable, igst, cgst, sgst, cess, placeOfSupply, reverseCharge). */
  differences: string[];
}

export interface Gstr2bRecoAnswer {
  gstin: string;
  month: string;
  rows: Gstr2bRecoRow[];
  totals: Record<Gstr2bBucketName, { count: number; portal: GstAmounts; books: GstAmounts }>;
  portalTotal: GstAmounts;
  booksTotal: GstAmounts;
}
