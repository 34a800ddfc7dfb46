import type { IsoDate } from '../../../shared/dates';
import type { LedgerGstRecord, VoucherGstRecord, VoucherRecord } from '../db/records';
import { buildGstin } from './gstin';
import { HOME_STATE, type PartySpec } from './parties';

/**
 * The demo company's GST facts, as Tally would export them for a regular dealer in Maharashtra: its own
 * GSTIN on every invoice and note, parties' registration types, tax ledgers' duty heads, sales and purchase
 * ledgers' rates. Derived from what the demo already has (no random draws), so its books stay the same.
 */
export const DEMO_COMPANY_GSTIN = buildGstin(HOME_STATE.code, 'AAJFS4821K');

const DUTY_HEADS = { CGST: 'cgst', SGST: 'sgst', IGST: 'igst' } as const;

/** GST details of the demo's own ledgers by name ("Output CGST", "Sales @ 18%"); undefined for the rest. */
export function demoLedgerGst(name: string): LedgerGstRecord | undefined {
  const tax = /^(?:Output|Input) (CGST|SGST|IGST)$/.exec(name);
  if (tax) {
    const dutyHead = DUTY_HEADS[tax[1] as keyof typeof DUTY_HEADS];
    return { registration: null, dutyHead, hsn: null, taxability: null, rate: null, reverseCharge: false };
  }
  const rated = /^(?:Sales|Purchase) @ (\d+)%$/.exec(name);
  if (rated) {
    return {
      registration: null,
      dutyHead: null,
      hsn: null,
      taxability: 'taxable',
      rate: Number(rated[1]) * 100,
      reverseCharge: false,
    };
  }
  return undefined;
}

/** A customer's or supplier's registration: regular with a GSTIN, else unregistered. */
export function demoPartyGst(spec: PartySpec): LedgerGstRecord {
  return {
    registration: spec.gstin !== null ? 'regular' : 'unregistered',
    dutyHead: null,
    hsn: null,
    taxability: null,
    rate: null,
    reverseCharge: false,
  };
}

const GST_TYPES: ReadonlySet<string> = new Set(['Sales', 'Purchase', 'Credit Note', 'Debit Note']);

/**
 * The GST header of a demo invoice or note: the company's GSTIN, the party's, its state as the place of
 * supply, and on a purchase the supplier's invoice date (the voucher's: the demo books bills the day they
 * come). Nothing for other vouchers.
 */
export function demoVoucherGst(
  voucherType: string,
  party: PartySpec | undefined,
  date: IsoDate,
): Pick<VoucherRecord, 'gst'> {
  if (!GST_TYPES.has(voucherType) || party === undefined) return {};
  const gst: VoucherGstRecord = {
    companyGstin: DEMO_COMPANY_GSTIN,
    partyGstin: party.gstin,
    registration: party.gstin !== null ? 'regular' : 'unregistered',
    placeOfSupply: party.state.name,
    partyState: party.state.name,
    reverseCharge: false,
    referenceDate: voucherType === 'Purchase' ? date : null,
  };
  return { gst };
}
