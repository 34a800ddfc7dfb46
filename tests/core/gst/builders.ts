import type { InwardSupply } from '../../../electron/core/gst/gstr3b';
import type { GstLine } from '../../../electron/core/gst/model';

/** Builders for the GST tests' hand-worked documents (paise; rates in basis points, 1800 = 18%). */

/**
 * A line of `taxable` at `rate`: the tax as IGST ('inter'), in halves as CGST and SGST ('intra'), or none;
 * cotton fabric (HSN 5208, metres, one metre) unless `extra` says otherwise.
 */
export function taxedLine(
  rate: number,
  taxable: number,
  heads: 'intra' | 'inter' | 'none',
  extra: Partial<GstLine> = {},
): GstLine {
  const tax = Math.round((taxable * rate) / 10_000);
  return {
    hsn: '5208',
    description: 'Cotton fabric',
    uqc: 'MTR',
    quantityMilli: 1_000,
    taxability: 'taxable',
    rate,
    taxable,
    igst: heads === 'inter' ? tax : 0,
    cgst: heads === 'intra' ? tax / 2 : 0,
    sgst: heads === 'intra' ? tax / 2 : 0,
    cess: 0,
    ...extra,
  };
}

/** An invoice's value: its lines' taxable value with every tax. */
export const invoiceValue = (lines: readonly GstLine[]): number =>
  lines.reduce((s, l) => s + l.taxable + l.igst + l.cgst + l.sgst + l.cess, 0);

/** An inward invoice as a test leaves it unsaid: intra-state, no tax, nothing exempt, eligible "other" credit. */
export const INWARD_DEFAULTS = {
  kind: 'invoice',
  interState: false,
  reverseCharge: false,
  itcKind: 'other',
  itcEligible: true,
  taxable: 0,
  igst: 0,
  cgst: 0,
  sgst: 0,
  cess: 0,
  exemptOrNil: 0,
  nonGst: 0,
  fromComposition: false,
} as const satisfies Omit<InwardSupply, 'voucherGuid' | 'date'>;
