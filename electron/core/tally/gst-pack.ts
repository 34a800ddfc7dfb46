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

export function packVoucherGst(g: VoucherGstRecord, num: Push<number>, str: Push<string>): void {
  num(
    (g.companyGstin !== null ? COMPANY_GSTIN : 0) |
      (g.partyGstin !== null ? PARTY_GSTIN : 0) |
      (g.placeOfSupply !== null ? PLACE : 0) |
      (g.partyState !== null ? PARTY_STATE : 0) |
      (g.referenceDate !== null ? REFERENCE_DATE : 0) |
      (g.reverseCharge ? REVERSE_CHARGE : 0),
  );
  num(code(REGISTRATIONS, g.registration));
  if (g.companyGstin !== null) str(g.companyGstin);
  if (g.partyGstin !== null) str(g.partyGstin);
  if (g.placeOfSupply !== null) str(g.placeOfSupply);
  if (g.partyState !== null) str(g.partyState);
  if (g.referenceDate !== null) str(g.referenceDate);
}

export function unpackVoucherGst(num: Take<number>, str: Take<string>): VoucherGstRecord {
  const flags = num();
  const registration = decode(REGISTRATIONS, num());
  return {
    companyGstin: flags & COMPANY_GSTIN ? str() : null,
    partyGstin: flags & PARTY_GSTIN ? str() : null,
    registration,
    placeOfSupply: flags & PLACE ? str() : null,
    partyState: flags & PARTY_STATE ? str() : null,
    reverseCharge: (flags & REVERSE_CHARGE) !== 0,
    referenceDate: flags & REFERENCE_DATE ? str() : null,
  };
}

export function packLineGst(g: GstRateRecord, num: Push<number>, str: Push<string>): void {
  num(g.hsn !== null ? 1 : 0);
  num(code(TAXABILITIES, g.taxability));
  num(g.rate ?? NaN);
  if (g.hsn !== null) str(g.hsn);
}

export function unpackLineGst(num: Take<number>, str: Take<string>): GstRateRecord {
  const hasHsn = num() === 1;
  const taxability = decode(TAXABILITIES, num());
  const rate = num();
  return { hsn: hasHsn ? str() : null, taxability, rate: Number.isNaN(rate) ? null : rate };
}
