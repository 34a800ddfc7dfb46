import type {
  GstDutyHead,
  GstRateRecord,
  GstRegistrationKind,
  GstTaxabilityKind,
  LedgerGstRecord,
  VoucherGstRecord,
} from '../db/records';
import { childText, type XNode } from './node';
import { tallyDate, text, yesNo } from './quirks';

/**
 * Tally's GST tags read into the records' GST fields (docs/TALLY.md "GST returns": each tag with the real
 * export or public code it was seen in). Pure functions of one object's element tree; each returns null
 * when the object carries no GST fact, so a company without GST stores nothing more.
 */

/** The voucher header's GST tags. */
const VOUCHER_HEADER_TAGS = [
  'CMPGSTIN',
  'PARTYGSTIN',
  'GSTREGISTRATIONTYPE',
  'PLACEOFSUPPLY',
  'STATENAME',
  'REFERENCEDATE',
  'ISREVERSECHARGEAPPLICABLE',
  'GSTOVRDNISREVCHARGEAPPL',
  // a journal's statutory adjustment (Alt+J): type of duty, nature of adjustment, additional details
  'STATPAYMENTTYPE',
  'TAXADJUSTMENT',
  'GSTADDITIONALDETAILS',
] as const;

/** Every element these readers look at: the parser must keep them (mappers.ts FIELDS_READ). */
export const GST_FIELDS: readonly string[] = [
  ...VOUCHER_HEADER_TAGS,
  // lines and masters' GST details
  'GSTOVRDNTAXABILITY',
  'GSTHSNNAME',
  'GSTOVRDNINELIGIBLEITC',
  'GSTOVRDNNATURE',
  'GSTINELIGIBLEITC',
  'GSTNATUREOFTRANSACTION',
  'GSTDETAILS.LIST',
  'HSNDETAILS.LIST',
  'STATEWISEDETAILS.LIST',
  'RATEDETAILS.LIST',
  'GSTRATEDUTYHEAD',
  'GSTRATE',
  'HSNCODE',
  'TAXABILITY',
  'APPLICABLEFROM',
  // ledgers
  'TAXTYPE',
  'GSTDUTYHEAD',
  'LEDGSTREGDETAILS.LIST',
  'GSTIN',
  'LEDMAILINGDETAILS.LIST',
  'STATE',
];

/**
 * The GST fields a sync asks Tally for (Collection FETCH, TDL method names; sub-lists by dotted path as the
 * other FETCH lists do). The names are the tags above in Tally's own capitalisation (**unconfirmed** against
 * a live TallyPrime: the tags are from exports, the FETCH spelling follows the other fields').
 */
const RATE_FETCH = (prefix: string): string =>
  `${prefix}GSTDetails.ApplicableFrom, ${prefix}GSTDetails.HSNCode, ${prefix}GSTDetails.Taxability, ` +
  `${prefix}GSTDetails.IsReverseChargeApplicable, ${prefix}GSTDetails.GSTIneligibleITC, ` +
  `${prefix}GSTDetails.GSTNatureOfTransaction, ${prefix}GSTDetails.StatewiseDetails.RateDetails.GSTRateDutyHead, ` +
  `${prefix}GSTDetails.StatewiseDetails.RateDetails.GSTRate, ${prefix}HSNDetails.ApplicableFrom, ${prefix}HSNDetails.HSNCode`;
export const GST_FETCH = {
  ledger:
    'GSTRegistrationType, TaxType, GSTDutyHead, LedGSTRegDetails.ApplicableFrom, LedGSTRegDetails.GSTRegistrationType, ' +
    'LedGSTRegDetails.GSTIN, LedGSTRegDetails.PlaceOfSupply, LedMailingDetails.ApplicableFrom, LedMailingDetails.State, ' +
    RATE_FETCH(''),
  stockItem: RATE_FETCH(''),
  voucher:
    'CmpGSTIN, PartyGSTIN, GSTRegistrationType, PlaceOfSupply, StateName, ReferenceDate, ' +
    'StatPaymentType, TaxAdjustment, GSTAdditionalDetails, ' +
    'AllInventoryEntries.GSTOvrdnTaxability, AllInventoryEntries.GSTOvrdnIneligibleITC, ' +
    'AllInventoryEntries.GSTOvrdnNature, AllLedgerEntries.GSTOvrdnIneligibleITC, AllLedgerEntries.GSTOvrdnNature, ' +
    'AllInventoryEntries.RateDetails.GSTRateDutyHead, ' +
    'AllInventoryEntries.RateDetails.GSTRate, AllLedgerEntries.RateDetails.GSTRateDutyHead, ' +
    'AllLedgerEntries.RateDetails.GSTRate',
} as const;

/** GSTREGISTRATIONTYPE as Tally writes it ("Regular", "Unregistered/Consumer", …); null for none. */
export function registrationOf(value: string | undefined | null): GstRegistrationKind | null {
  const t = text(value)?.toLowerCase();
  if (!t || t === 'unknown') return null;
  if (t.includes('sez')) return 'sez';
  if (t.includes('deemed')) return 'deemed-export';
  if (t.includes('composition')) return 'composition';
  if (t.includes('overseas') || t.includes('export')) return 'overseas';
  if (t.includes('un body') || t.includes('embassy') || t.includes('uin')) return 'uin';
  if (t === 'consumer') return 'consumer';
  if (t.startsWith('unregistered')) return 'unregistered';
  if (t.startsWith('regular')) return 'regular';
  return null;
}

/** TAXABILITY / GSTOVRDNTAXABILITY: "Taxable", "Nil Rated", "Exempt", "Non-GST"; null for none. */
export function taxabilityOf(value: string | undefined | null): GstTaxabilityKind | null {
  const t = text(value)?.toLowerCase().replace(/[\s-]/g, '');
  if (!t) return null;
  if (t === 'taxable') return 'taxable';
  if (t.startsWith('nil')) return 'nil';
  if (t === 'exempt') return 'exempt';
  if (t === 'nongst') return 'non-gst';
  return null;
}

/** GSTDUTYHEAD / GSTRATEDUTYHEAD: "Integrated Tax" or "IGST", "Central Tax"/"CGST", "State Tax"/"SGST/UTGST"/"UT Tax", "Cess". */
export function dutyHeadOf(value: string | undefined | null): GstDutyHead | null {
  const t = text(value)?.toLowerCase();
  if (!t) return null;
  if (t.startsWith('integrated') || t === 'igst') return 'igst';
  if (t.startsWith('central') || t === 'cgst') return 'cgst';
  if (t.startsWith('state') || t.startsWith('sgst') || t.startsWith('ut') || t === 'utgst') return 'sgst';
  if (t.includes('cess')) return 'cess';
  return null;
}

/** GSTRATE (" 9", "2.5") in hundredths of a percent; null when empty or not a number. */
export function rateOf(value: string | undefined | null): number | null {
  const t = text(value);
  if (t === null || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/**
 * GSTINELIGIBLEITC (a master's "Is ineligible for input credit", Yes / No) or a line's GSTOVRDNINELIGIBLEITC:
 * true = the credit is blocked, false = eligible, null = not stated. A line's override is read only as Yes /
 * No; the values TallyPrime 3+ writes there ("&#4; Applicable", "&#4; Not Applicable") are not read (their
 * meaning is **unconfirmed**, docs/TALLY.md), so such a line follows its item's or ledger's master.
 */
export function ineligibleOf(value: string | undefined | null): boolean | null {
  const t = text(value)?.toLowerCase();
  if (t === 'yes') return true;
  if (t === 'no') return false;
  return null;
}

const isEmptyList = (node: XNode): boolean => node.children.length === 0;

/**
 * The whole rate from RATEDETAILS.LIST entries: the integrated rate where given, else central plus state.
 * Null when no entry has a rate.
 */
function rateOfDetails(details: readonly XNode[]): number | null {
  const byHead = new Map<GstDutyHead, number>();
  for (const d of details) {
    const head = dutyHeadOf(childText(d, 'GSTRATEDUTYHEAD'));
    const rate = rateOf(childText(d, 'GSTRATE'));
    if (head !== null && rate !== null && !byHead.has(head)) byHead.set(head, rate);
  }
  const igst = byHead.get('igst');
  if (igst !== undefined && igst > 0) return igst;
  const cgst = byHead.get('cgst');
  const sgst = byHead.get('sgst');
  if (cgst !== undefined || sgst !== undefined) return (cgst ?? 0) + (sgst ?? 0);
  return igst ?? null;
}

const childrenCalled = (node: XNode, name: string): XNode[] =>
  node.children.filter((c) => c.name === name && !isEmptyList(c));

/** The entry in force last: greatest APPLICABLEFROM (YYYYMMDD sorts as text), the last written on a tie. */
export function latest(lists: readonly XNode[]): XNode | undefined {
  let best: XNode | undefined;
  let bestFrom = '';
  for (const l of lists) {
    const from = (childText(l, 'APPLICABLEFROM') ?? '').trim();
    if (best === undefined || from >= bestFrom) {
      best = l;
      bestFrom = from;
    }
  }
  return best;
}

/**
 * A master's GST details (GSTDETAILS.LIST with STATEWISEDETAILS.LIST > RATEDETAILS.LIST, the HSN in it or in
 * HSNDETAILS.LIST as TallyPrime 4 writes it, or HSNCODE on the master itself). Null when none is given.
 */
function masterRate(node: XNode): (GstRateRecord & { reverseCharge: boolean }) | null {
  const details = latest(childrenCalled(node, 'GSTDETAILS.LIST'));
  const hsnDetails = latest(childrenCalled(node, 'HSNDETAILS.LIST'));
  let rate: number | null = null;
  if (details) {
    const rates: XNode[] = [];
    for (const state of childrenCalled(details, 'STATEWISEDETAILS.LIST')) {
      rates.push(...childrenCalled(state, 'RATEDETAILS.LIST'));
    }
    rates.push(...childrenCalled(details, 'RATEDETAILS.LIST'));
    rate = rateOfDetails(rates);
  }
  const hsn =
    text(details && childText(details, 'HSNCODE')) ??
    text(hsnDetails && childText(hsnDetails, 'HSNCODE')) ??
    text(childText(node, 'HSNCODE'));
  const taxability = taxabilityOf(details && childText(details, 'TAXABILITY'));
  const reverseCharge = yesNo(details && childText(details, 'ISREVERSECHARGEAPPLICABLE'));
  const ineligible = ineligibleOf(details && childText(details, 'GSTINELIGIBLEITC'));
  const nature = text(details && childText(details, 'GSTNATUREOFTRANSACTION'));
  if (
    hsn === null &&
    taxability === null &&
    rate === null &&
    !reverseCharge &&
    ineligible !== true &&
    nature === null
  )
    return null;
  return {
    hsn,
    taxability,
    rate,
    reverseCharge,
    ...(ineligible !== null ? { ineligibleItc: ineligible } : {}),
    ...(nature !== null ? { nature } : {}),
  };
}

/** The optional GST facts of a rate record, copied only where stated. */
const extras = (r: GstRateRecord | null): Pick<GstRateRecord, 'ineligibleItc' | 'nature'> => ({
  ...(r?.ineligibleItc !== undefined ? { ineligibleItc: r.ineligibleItc } : {}),
  ...(r?.nature !== undefined ? { nature: r.nature } : {}),
});

/** A stock item's HSN, taxability and rate; null when it has no GST details. */
export function stockItemGstOf(node: XNode): GstRateRecord | null {
  const found = masterRate(node);
  return found === null
    ? null
    : { hsn: found.hsn, taxability: found.taxability, rate: found.rate, ...extras(found) };
}

/**
 * A ledger's GST facts: a party's registration type (GSTREGISTRATIONTYPE, or in LEDGSTREGDETAILS.LIST as
 * TallyPrime 4 writes it, with the GSTIN and state there too), a tax ledger's duty head (TAXTYPE "GST" with
 * GSTDUTYHEAD) and a sales/purchase ledger's GST details. Null when the ledger has none.
 */
export function ledgerGstOf(
  node: XNode,
): { gst: LedgerGstRecord; gstin: string | null; state: string | null } | null {
  const registrationDetails = latest(childrenCalled(node, 'LEDGSTREGDETAILS.LIST'));
  const mailing = latest(childrenCalled(node, 'LEDMAILINGDETAILS.LIST'));
  const registration = registrationOf(
    childText(node, 'GSTREGISTRATIONTYPE') ??
      (registrationDetails && childText(registrationDetails, 'GSTREGISTRATIONTYPE')),
  );
  const taxType = text(childText(node, 'TAXTYPE'));
  const dutyHead = taxType === 'GST' ? dutyHeadOf(childText(node, 'GSTDUTYHEAD')) : null;
  const rate = masterRate(node);
  const gstin = text(registrationDetails && childText(registrationDetails, 'GSTIN'));
  const state =
    text(registrationDetails && childText(registrationDetails, 'PLACEOFSUPPLY')) ??
    text(mailing && childText(mailing, 'STATE'));
  if (registration === null && dutyHead === null && rate === null && gstin === null) return null;
  return {
    gst: {
      registration,
      dutyHead,
      hsn: rate?.hsn ?? null,
      taxability: rate?.taxability ?? null,
      rate: rate?.rate ?? null,
      reverseCharge: rate?.reverseCharge ?? false,
      ...extras(rate),
    },
    gstin,
    state,
  };
}

/**
 * A voucher line's own GST facts (an inventory line or a ledger entry): GSTOVRDNTAXABILITY, GSTHSNNAME and
 * the RATEDETAILS.LIST written on the line. Null when the line states none.
 */
export function lineGstOf(line: XNode): GstRateRecord | null {
  let taxability: GstTaxabilityKind | null = null;
  let hsn: string | null = null;
  let ineligible: boolean | null = null;
  let nature: string | null = null;
  const rates: XNode[] = [];
  for (const c of line.children) {
    if (c.name === 'GSTOVRDNTAXABILITY') taxability = taxabilityOf(c.text);
    else if (c.name === 'GSTHSNNAME') hsn = text(c.text);
    else if (c.name === 'GSTOVRDNINELIGIBLEITC') ineligible = ineligibleOf(c.text);
    else if (c.name === 'GSTOVRDNNATURE') nature = text(c.text);
    else if (c.name === 'RATEDETAILS.LIST' && !isEmptyList(c)) rates.push(c);
  }
  const rate = rateOfDetails(rates);
  if (taxability === null && hsn === null && rate === null && ineligible === null && nature === null)
    return null;
  return {
    hsn,
    taxability,
    rate,
    ...(ineligible !== null ? { ineligibleItc: ineligible } : {}),
    ...(nature !== null ? { nature } : {}),
  };
}

/** lineGstOf as a field to spread into a line's record: `{ gst }`, or nothing when the line states none. */
export function lineGstField(line: XNode): { gst?: GstRateRecord } {
  const gst = lineGstOf(line);
  return gst !== null ? { gst } : {};
}

const VOUCHER_GST_FIELDS: ReadonlySet<string> = new Set(VOUCHER_HEADER_TAGS);

/** A voucher's GST header; null when it has none of these tags filled. */
export function voucherGstOf(node: XNode): VoucherGstRecord | null {
  const f: Record<string, string> = {};
  let any = false;
  for (const c of node.children) {
    if (VOUCHER_GST_FIELDS.has(c.name) && f[c.name] === undefined) {
      f[c.name] = c.text;
      if (text(c.text) !== null) any = true;
    }
  }
  if (!any) return null;
  const partyGstin = text(f.PARTYGSTIN);
  const companyGstin = text(f.CMPGSTIN);
  // A statutory adjustment of GST (a journal's Alt+J); another duty's (VAT, TDS) is not ours.
  const duty = text(f.STATPAYMENTTYPE);
  const nature = text(f.TAXADJUSTMENT);
  const adjustment =
    nature !== null && (duty === null || duty.toUpperCase() === 'GST')
      ? { adjustment: { nature, details: text(f.GSTADDITIONALDETAILS) } }
      : {};
  return {
    ...adjustment,
    companyGstin: companyGstin === null ? null : companyGstin.toUpperCase(),
    partyGstin: partyGstin === null ? null : partyGstin.toUpperCase(),
    registration: registrationOf(f.GSTREGISTRATIONTYPE),
    placeOfSupply: text(f.PLACEOFSUPPLY),
    partyState: text(f.STATENAME),
    reverseCharge: yesNo(f.ISREVERSECHARGEAPPLICABLE) || yesNo(f.GSTOVRDNISREVCHARGEAPPL),
    referenceDate: tallyDate(f.REFERENCEDATE, 'REFERENCEDATE'),
  };
}
