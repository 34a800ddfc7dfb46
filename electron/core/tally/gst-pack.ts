import type { GstRateRecord, GstRegistrationKind, GstTaxabilityKind, VoucherGstRecord } from '../db/records';

/**
 * The GST parts of a voucher in voucher-pack.ts's compact form: numbers (codes and flags; NaN for null)
 * and strings pushed in a fixed order, read back in the same order.
 */

type Push<T> = (value: T) => void;
type Take<T> = () => T;

const REGISTRATIONS: readonly GstRegistrationKind[] = [
  'regular',
  'composition',
  'unregistered',
  'consumer',
  'sez',
  'overseas',
  'deemed-export',
  'uin',
];
const TAXABILITIES: readonly GstTaxabilityKind[] = ['taxable', 'nil', 'exempt', 'non-gst'];
const code = <T>(list: readonly T[], value: T | null): number => (value === null ? NaN : list.indexOf(value));
const decode = <T>(list: readonly T[], value: number): T | null =>
  Number.isNaN(value) ? null : (list[value] ?? null);

const COMPANY_GSTIN = 1;
const PARTY_GSTIN = 2;
const PLACE = 4;
const PARTY_STATE = 8;
const REFERENCE_DATE = 16;
const REVERSE_CHARGE = 32;
const ADJUSTMENT = 64;
const ADJUSTMENT_DETAILS = 128;

export function packVoucherGst(g: VoucherGstRecord, num: Push<number>, str: Push<string>): void {
  num(
    (g.companyGstin !== null ? COMPANY_GSTIN : 0) |
      (g.partyGstin !== null ? PARTY_GSTIN : 0) |
      (g.placeOfSupply !== null ? PLACE : 0) |
      (g.partyState !== null ? PARTY_STATE : 0) |
      (g.referenceDate !== null ? REFERENCE_DATE : 0) |
      (g.reverseCharge ? REVERSE_CHARGE : 0) |
      (g.adjustment !== undefined ? ADJUSTMENT : 0) |
      (g.adjustment !== undefined && g.adjustment.details !== null ? ADJUSTMENT_DETAILS : 0),
  );
  num(code(REGISTRATIONS, g.registration));
  if (g.companyGstin !== null) str(g.companyGstin);
  if (g.partyGstin !== null) str(g.partyGstin);
  if (g.placeOfSupply !== null) str(g.placeOfSupply);
  if (g.partyState !== null) str(g.partyState);
  if (g.referenceDate !== null) str(g.referenceDate);
  if (g.adjustment !== undefined) {
    str(g.adjustment.nature);
    if (g.adjustment.details !== null) str(g.adjustment.details);
  }
}

export function unpackVoucherGst(num: Take<number>, str: Take<string>): VoucherGstRecord {
  const flags = num();
  const registration = decode(REGISTRATIONS, num());
  const record: VoucherGstRecord = {
    companyGstin: flags & COMPANY_GSTIN ? str() : null,
    partyGstin: flags & PARTY_GSTIN ? str() : null,
    registration,
    placeOfSupply: flags & PLACE ? str() : null,
    partyState: flags & PARTY_STATE ? str() : null,
    reverseCharge: (flags & REVERSE_CHARGE) !== 0,
    referenceDate: flags & REFERENCE_DATE ? str() : null,
  };
  if (flags & ADJUSTMENT) {
    const nature = str();
    record.adjustment = { nature, details: flags & ADJUSTMENT_DETAILS ? str() : null };
  }
  return record;
}

const LINE_HSN = 1;
const LINE_INELIGIBLE_STATED = 2;
const LINE_INELIGIBLE = 4;
const LINE_NATURE = 8;

export function packLineGst(g: GstRateRecord, num: Push<number>, str: Push<string>): void {
  num(
    (g.hsn !== null ? LINE_HSN : 0) |
      (g.ineligibleItc !== undefined ? LINE_INELIGIBLE_STATED : 0) |
      (g.ineligibleItc === true ? LINE_INELIGIBLE : 0) |
      (g.nature !== undefined ? LINE_NATURE : 0),
  );
  num(code(TAXABILITIES, g.taxability));
  num(g.rate ?? NaN);
  if (g.hsn !== null) str(g.hsn);
  if (g.nature !== undefined) str(g.nature);
}

export function unpackLineGst(num: Take<number>, str: Take<string>): GstRateRecord {
  const flags = num();
  const taxability = decode(TAXABILITIES, num());
  const rate = num();
  const record: GstRateRecord = {
    hsn: flags & LINE_HSN ? str() : null,
    taxability,
    rate: Number.isNaN(rate) ? null : rate,
  };
  if (flags & LINE_INELIGIBLE_STATED) record.ineligibleItc = (flags & LINE_INELIGIBLE) !== 0;
  if (flags & LINE_NATURE) record.nature = str();
  return record;
}
