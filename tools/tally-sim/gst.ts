import type {
  GstDutyHead,
  GstRateRecord,
  GstRegistrationKind,
  GstTaxabilityKind,
  LedgerGstRecord,
  VoucherGstRecord,
} from '../../electron/core/db/records';

/**
 * The GST tags of records, as TallyPrime writes them (docs/TALLY.md "GST returns: Tally's tags"): the
 * mirror image of electron/core/tally/gst-fields.ts, used by the simulator's renderer.
 */

const esc = (value: string): string =>
  value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
const NOT_APPLICABLE = '&#4; Not Applicable';

const REGISTRATION: Record<GstRegistrationKind, string> = {
  regular: 'Regular',
  composition: 'Composition',
  unregistered: 'Unregistered/Consumer',
  consumer: 'Consumer',
  sez: 'Regular - SEZ',
  overseas: 'Overseas',
  'deemed-export': 'Regular - Deemed Exporter',
  uin: 'UN Bodies/Embassies',
};
const TAXABILITY: Record<GstTaxabilityKind, string> = {
  taxable: 'Taxable',
  nil: 'Nil Rated',
  exempt: 'Exempt',
  'non-gst': 'Non-GST',
};
const DUTY_HEAD: Record<GstDutyHead, string> = {
  igst: 'Integrated Tax',
  cgst: 'Central Tax',
  sgst: 'State Tax',
  cess: 'Cess',
};

/** "9" from 900, "2.5" from 250 (hundredths of a percent), with Tally's leading space. */
const rateText = (hundredths: number): string => ` ${hundredths / 100}`;

/** RATEDETAILS.LIST entries of a whole rate: central and state halves, integrated whole, cess without. */
export function rateDetails(rate: number | null): string {
  if (rate === null) return '<RATEDETAILS.LIST>      </RATEDETAILS.LIST>';
  const one = (head: string, value: string | null): string =>
    `<RATEDETAILS.LIST><GSTRATEDUTYHEAD>${head}</GSTRATEDUTYHEAD>` +
    `<GSTRATEVALUATIONTYPE>${value === null ? NOT_APPLICABLE : 'Based on Value'}</GSTRATEVALUATIONTYPE>` +
    (value === null ? '' : `<GSTRATE>${value}</GSTRATE>`) +
    '</RATEDETAILS.LIST>';
  return (
    one('Central Tax', rateText(rate / 2)) +
    one('State Tax', rateText(rate / 2)) +
    one('Integrated Tax', rateText(rate)) +
    one('Cess', null)
  );
}

/** A master's GSTDETAILS.LIST (empty when it has none, as exports write it). */
export function gstDetails(g: (GstRateRecord & { reverseCharge?: boolean }) | undefined): string {
  if (
    g === undefined ||
    (g.hsn === null &&
      g.taxability === null &&
      g.rate === null &&
      !g.reverseCharge &&
      g.ineligibleItc === undefined &&
      g.nature === undefined)
  )
    return '<GSTDETAILS.LIST>      </GSTDETAILS.LIST>';
  return (
    '<GSTDETAILS.LIST><APPLICABLEFROM>20170701</APPLICABLEFROM><CALCULATIONTYPE>On Value</CALCULATIONTYPE>' +
    (g.hsn !== null ? `<HSNCODE>${esc(g.hsn)}</HSNCODE>` : '') +
    (g.taxability !== null ? `<TAXABILITY>${TAXABILITY[g.taxability]}</TAXABILITY>` : '') +
    (g.nature !== undefined ? `<GSTNATUREOFTRANSACTION>${esc(g.nature)}</GSTNATUREOFTRANSACTION>` : '') +
    `<ISREVERSECHARGEAPPLICABLE>${g.reverseCharge === true ? 'Yes' : 'No'}</ISREVERSECHARGEAPPLICABLE>` +
    `<ISNONGSTGOODS>No</ISNONGSTGOODS><GSTINELIGIBLEITC>${g.ineligibleItc === true ? 'Yes' : 'No'}</GSTINELIGIBLEITC>` +
    `<STATEWISEDETAILS.LIST><STATENAME>&#4; Any</STATENAME>${g.rate !== null ? rateDetails(g.rate) : ''}</STATEWISEDETAILS.LIST>` +
    '</GSTDETAILS.LIST>'
  );
}

/** A ledger's GST tags: registration type, TAXTYPE (GST with its duty head for a tax ledger), GST details. */
export function ledgerGstTags(g: LedgerGstRecord | undefined): string {
  if (g === undefined)
    return `<GSTREGISTRATIONTYPE>${NOT_APPLICABLE}</GSTREGISTRATIONTYPE><TAXTYPE>Others</TAXTYPE>`;
  return (
    `<GSTREGISTRATIONTYPE>${g.registration !== null ? REGISTRATION[g.registration] : NOT_APPLICABLE}</GSTREGISTRATIONTYPE>` +
    (g.dutyHead !== null
      ? `<TAXTYPE>GST</TAXTYPE><GSTDUTYHEAD>${DUTY_HEAD[g.dutyHead]}</GSTDUTYHEAD>`
      : '<TAXTYPE>Others</TAXTYPE>') +
    gstDetails(g)
  );
}

/** A voucher's GST header; the "Not Applicable" registration type of a voucher without GST otherwise. */
export function voucherGstTags(
  g: VoucherGstRecord | undefined,
  referenceDate: (iso: string) => string,
): string {
  if (g === undefined) return `<GSTREGISTRATIONTYPE>${NOT_APPLICABLE}</GSTREGISTRATIONTYPE>`;
  return (
    (g.referenceDate !== null ? `<REFERENCEDATE>${referenceDate(g.referenceDate)}</REFERENCEDATE>` : '') +
    `<GSTREGISTRATIONTYPE>${g.registration !== null ? REGISTRATION[g.registration] : NOT_APPLICABLE}</GSTREGISTRATIONTYPE>` +
    (g.partyState !== null ? `<STATENAME>${esc(g.partyState)}</STATENAME>` : '') +
    (g.partyGstin !== null ? `<PARTYGSTIN>${esc(g.partyGstin)}</PARTYGSTIN>` : '') +
    (g.placeOfSupply !== null ? `<PLACEOFSUPPLY>${esc(g.placeOfSupply)}</PLACEOFSUPPLY>` : '') +
    (g.companyGstin !== null ? `<CMPGSTIN>${esc(g.companyGstin)}</CMPGSTIN>` : '') +
    (g.reverseCharge ? '<ISREVERSECHARGEAPPLICABLE>Yes</ISREVERSECHARGEAPPLICABLE>' : '') +
    // a journal's statutory adjustment, header tags as TallyPrime's voucher writes them
    (g.adjustment !== undefined
      ? `<TAXADJUSTMENT>${esc(g.adjustment.nature)}</TAXADJUSTMENT><STATPAYMENTTYPE>GST</STATPAYMENTTYPE>` +
        (g.adjustment.details !== null
          ? `<GSTADDITIONALDETAILS>${esc(g.adjustment.details)}</GSTADDITIONALDETAILS>`
          : '')
      : '')
  );
}

/** A voucher line's own GST tags: GSTOVRDNTAXABILITY (inventory lines), GSTOVRDNINELIGIBLEITC, GSTOVRDNNATURE and RATEDETAILS.LIST. */
export function lineGstTags(g: GstRateRecord | undefined, inventory: boolean): string {
  if (g === undefined) return inventory ? '' : '<RATEDETAILS.LIST>      </RATEDETAILS.LIST>';
  return (
    (inventory && g.taxability !== null
      ? `<GSTOVRDNTAXABILITY>${TAXABILITY[g.taxability]}</GSTOVRDNTAXABILITY>`
      : '') +
    (g.hsn !== null ? `<GSTHSNNAME>${esc(g.hsn)}</GSTHSNNAME>` : '') +
    (g.ineligibleItc !== undefined
      ? `<GSTOVRDNINELIGIBLEITC>${g.ineligibleItc ? 'Yes' : 'No'}</GSTOVRDNINELIGIBLEITC>`
      : '') +
    (g.nature !== undefined ? `<GSTOVRDNNATURE>${esc(g.nature)}</GSTOVRDNNATURE>` : '') +
    rateDetails(g.rate)
  );
}
