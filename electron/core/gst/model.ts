import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';

/**
 * The GST facts of one outward or inward document, as the returns need them: one shape whichever way the
 * books came in (sync, import, simulator). Amounts are positive paise; `kind` says whether a note adds
 * to or takes from the supplies. Rates are in hundredths of a percent (18% → 1800, 0.25% → 25) so that
 * every rate Tally allows is an integer.
 */
export type GstRegistration =
  'regular' | 'composition' | 'unregistered' | 'consumer' | 'sez' | 'overseas' | 'deemed-export' | 'uin';

export type Taxability = 'taxable' | 'nil' | 'exempt' | 'non-gst';

/** Tax by duty head, in paise. */
export interface TaxHeads {
  igst: Paise;
  cgst: Paise;
  sgst: Paise;
  cess: Paise;
}

/** A taxable value with its tax by duty head. */
export interface TaxedValue extends TaxHeads {
  taxable: Paise;
}

/** The amounts of one rate: a line, an invoice item, a B2CS row. */
export interface RateAmounts extends TaxedValue {
  rate: number;
}

export interface GstLine extends RateAmounts {
  hsn: string | null;
  /** The item's or ledger's name, for the HSN summary's description. */
  description: string;
  /** Unit quantity code as the portal lists them (NOS, KGS, MTR, …); null where Tally has no unit. */
  uqc: string | null;
  /** Quantity in thousandths of a unit (Tally keeps three decimals). */
  quantityMilli: number;
  taxability: Taxability;
  /** True where Tally gave the line no rate and the rate is the one its voucher's tax implies. */
  rateImplied?: boolean;
  /** An inward line whose credit is blocked (its item's or ledger's "ineligible for input credit"). */
  itcBlocked?: true;
}

export type GstDocumentKind = 'invoice' | 'credit-note' | 'debit-note';

export interface GstDocument {
  voucherGuid: string;
  kind: GstDocumentKind;
  /** The voucher type's name, for the documents-issued summary's series. */
  voucherType: string;
  number: string;
  date: IsoDate;
  cancelled: boolean;
  partyName: string;
  partyGstin: string | null;
  registration: GstRegistration;
  /** State code of the place of supply; null when the voucher has none. */
  placeOfSupply: string | null;
  reverseCharge: boolean;
  /** The whole document's value (the party's amount), positive. */
  value: Paise;
  /** For a note: the value of the invoice it adjusts, where known (decides B2CL vs B2CS for CDNUR). */
  originalInvoiceValue: Paise | null;
  lines: GstLine[];
}

export interface GstCompany {
  gstin: string;
  stateCode: string;
}
