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
  | 'no-rate'
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
  exceptions: GstReturnException[];
  counts: { included: number; cancelled: number; uncertain: number };
  /** The return as the screens show it: each section's totals and counts (its vouchers: `gst.vouchers`). */
  view: Gstr1View;
}

/** GSTR-1 as the portal takes it (every invoice and note), with the vouchers to correct in Tally first. */
export interface Gstr1JsonAnswer {
  gstin: string;
  month: string;
  /** The GSTR-1 JSON as the portal's offline tool uploads it. */
  json: Record<string, unknown>;
  exceptions: GstReturnException[];
}

export interface Gstr3bAnswer {
  gstin: string;
  month: string;
  /** The GSTR-3B JSON as the portal's offline utility uploads it. */
  json: Record<string, unknown>;
  /** The return in the form's tables, each figure with its count of vouchers (listed by `gst.vouchers`). */
  view: Gstr3bView;
  /** The GST tax ledgers' movements of the month against the tax the returns carry, voucher by voucher. */
  taxLedgers: GstTaxLedgerReco;
}

/** Tax by duty head, in paise. */
export interface GstTaxHeads {
  igst: number;
  cgst: number;
  sgst: number;
  cess: number;
}

export interface GstAmounts extends GstTaxHeads {
  taxable: number;
}

/**
 * A voucher behind a figure of a return, with its part of the figure in paise: signed as it counts there
 * (a credit note subtracts), so a figure is the sum of its vouchers.
 */
export interface GstVoucherRef extends GstAmounts {
  voucherGuid: string;
  voucherType: string;
  number: string;
  date: IsoDate;
  partyName: string;
  partyGstin: string | null;
  /** State code of the place of supply ("27"; "96" abroad); null where the voucher has none. */
  placeOfSupply: string | null;
  kind: 'invoice' | 'credit-note' | 'debit-note';
  /** The voucher's whole value (the party's amount), signed like its amounts. */
  value: number;
}

export type Gstr1SectionName = 'b2b' | 'b2cl' | 'b2cs' | 'cdnr' | 'cdnur' | 'exp' | 'nil' | 'hsn' | 'docs';

export interface Gstr1SectionView extends GstAmounts {
  section: Gstr1SectionName;
  /** Vouchers in the section (HSN: summary rows; documents issued: documents, cancelled ones too). */
  count: number;
}

export interface Gstr1HsnRow extends GstAmounts {
  /** From May 2025 the portal wants B2B and B2C apart; before, one list ('all'). */
  table: 'b2b' | 'b2c' | 'all';
  hsn: string;
  description: string;
  uqc: string;
  /** Thousandths of a unit. */
  quantityMilli: number;
  /** Hundredths of a percent. */
  rate: number;
  /** The vouchers whose lines the row adds up (listed by `gst.vouchers`). */
  count: number;
}

export interface Gstr1DocumentSeries {
  /** 1 invoices for outward supply, 4 debit notes, 5 credit notes. */
  nature: 1 | 4 | 5;
  voucherType: string;
  from: string;
  to: string;
  total: number;
  cancelled: number;
}

export interface Gstr1View {
  sections: Gstr1SectionView[];
  hsn: Gstr1HsnRow[];
  documents: Gstr1DocumentSeries[];
  /** Names of the state codes that appear ("27" → "Maharashtra"). */
  states: Record<string, string>;
}

/**
 * A figure of GSTR-3B by the form's numbering: 3.1 (a)–(e); 4 (A)(1) imports of goods, (2) imports of
 * services, (3) inward supplies liable to reverse charge, (4) from ISD, (5) all other ITC; (B)(1) reversed
 * under rules 38, 42, 43 and section 17(5), (B)(2) others; (C) net; (D)(1) ineligible under section 16(4)
 * and place of supply rules (and, as Tally shows it, blocked credit), (D)(2) others; 5 exempt / nil / non-GST
 * inward, inter- and intra-state.
 */
export type Gstr3bFigureId =
  | '3.1a'
  | '3.1b'
  | '3.1c'
  | '3.1d'
  | '3.1e'
  | '4A1'
  | '4A2'
  | '4A3'
  | '4A4'
  | '4A5'
  | '4B1'
  | '4B2'
  | '4C'
  | '4D1'
  | '4D2'
  | '5gstInter'
  | '5gstIntra'
  | '5nongstInter'
  | '5nongstIntra';

export interface Gstr3bFigure extends GstAmounts {
  id: Gstr3bFigureId;
  /** How many vouchers the figure adds up (listed by `gst.vouchers`); 0 where the books give none. */
  count: number;
}

export interface Gstr3bInterStateRow {
  placeOfSupply: string;
  taxable: number;
  igst: number;
  /** How many vouchers the row adds up (listed by `gst.vouchers`). */
  count: number;
}

export interface Gstr3bView {
  figures: Gstr3bFigure[];
  /** 3.2: inter-state supplies to unregistered persons, by place of supply. */
  interState: Gstr3bInterStateRow[];
  liability: GstTaxHeads;
  paidByCredit: GstTaxHeads;
  paidInCash: GstTaxHeads;
  states: Record<string, string>;
}

/** One voucher whose GST tax-ledger entries differ from the tax the returns carry for it. */
export interface GstTaxLedgerVoucher {
  voucherGuid: string;
  voucherType: string;
  number: string;
  date: IsoDate;
  partyName: string;
  /** Credit-positive: output tax charged is positive, input tax taken is negative. */
  ledgers: GstTaxHeads;
  returns: GstTaxHeads;
  /** ledgers − returns. */
  difference: GstTaxHeads;
}

export interface GstTaxLedgerReco {
  ledgers: GstTaxHeads;
  returns: GstTaxHeads;
  difference: GstTaxHeads;
  /** Every voucher with a difference; their differences add up to the total difference. */
  vouchers: GstTaxLedgerVoucher[];
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

/** Which figure of a return `gst.vouchers` lists the vouchers of. */
export type GstFigureRef =
  | { return: 'gstr1'; section: Exclude<Gstr1SectionName, 'hsn' | 'docs'> }
  | {
      return: 'gstr1-hsn';
      table: Gstr1HsnRow['table'];
      hsn: string;
      uqc: string;
      /** Hundredths of a percent. */
      rate: number;
    }
  | { return: 'gstr3b'; figure: Gstr3bFigureId }
  | { return: 'gstr3b-state'; placeOfSupply: string };

/**
 * The vouchers behind one figure of a return, a page at a time, each with its part of the figure (signed as
 * it counts there); `sum` is the whole figure's (every page), equal to the figure the return shows.
 */
export interface GstVouchersAnswer {
  month: string;
  of: GstFigureRef;
  total: number;
  offset: number;
  rows: GstVoucherRef[];
  sum: GstAmounts;
}
