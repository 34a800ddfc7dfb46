import type { CompanyWriter, LedgerGstRecord, VoucherRecord } from '../../../electron/core/db/records';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import type { InwardSupply } from '../../../electron/core/gst/gstr3b';
import type { GstLine } from '../../../electron/core/gst/model';
import { ledger, voucher } from '../db/fixtures';

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

/** A ledger's GST details with nothing stated but what is given. */
export const ledgerGst = (extra: Partial<LedgerGstRecord>): LedgerGstRecord => ({
  registration: null,
  dutyHead: null,
  hsn: null,
  taxability: null,
  rate: null,
  reverseCharge: false,
  ...extra,
});

/**
 * An unregistered buyer in Goa (another state than the company's Maharashtra) with bill-wise details, a
 * sales ledger at 18% (HSN 9403) and output IGST: the books of an invoice (bill S/50) and the credit notes
 * against it, for the B2CL / CDNUR rules.
 */
export const goaBuyer = {
  header: {
    companyGstin: '27AAHFS1234K1Z4',
    partyGstin: null,
    registration: 'unregistered' as const,
    placeOfSupply: 'Goa',
    partyState: 'Goa',
    reverseCharge: false,
    referenceDate: null,
  },
  /** The groups, voucher types and ledgers, into a write of TINY. */
  masters(writer: CompanyWriter): void {
    writer.putGroups(predefinedGroups((id) => `g-${id}`, 1));
    writer.putVoucherTypes(
      ['Sales', 'Credit Note'].map((name, i) => ({
        guid: `vt-${i}`,
        name,
        parent: name,
        autoNumbered: false,
        alterId: 1,
      })),
    );
    writer.putLedgers([
      ledger('L-GOA', 'Goa Resort', 'Sundry Debtors', {
        isBillWise: true,
        state: 'Goa',
        gst: ledgerGst({ registration: 'unregistered' }),
      }),
      ledger('L-SALES', 'Sales @18%', 'Sales Accounts', {
        gst: ledgerGst({ taxability: 'taxable', rate: 1800, hsn: '9403' }),
      }),
      ledger('L-IGST', 'Output IGST', 'Duties & Taxes', { gst: ledgerGst({ dutyHead: 'igst' }) }),
    ]);
  },
  /** Invoice S/50 of `taxable` + 18% IGST, its value the New Ref bill S/50. */
  invoice(taxable: number, date = '2025-04-02'): VoucherRecord {
    const value = (taxable * 118) / 100;
    return voucher(
      'V-INV',
      date,
      'Sales',
      'S/50',
      [
        { ledgerGuid: 'L-GOA', ledgerName: 'Goa Resort', amount: value, bills: goaBill('New Ref', value) },
        { ledgerGuid: 'L-SALES', ledgerName: 'Sales @18%', amount: -taxable, bills: [] },
        { ledgerGuid: 'L-IGST', ledgerName: 'Output IGST', amount: -(taxable * 18) / 100, bills: [] },
      ],
      { partyLedgerName: 'Goa Resort', gst: goaBuyer.header },
    );
  },
  /** Credit note CN/5: a return of `taxable` + 18% IGST against bill S/50. */
  creditNote(date: string, taxable = 10_000_00): VoucherRecord {
    const value = (taxable * 118) / 100;
    return voucher(
      'V-CN',
      date,
      'Credit Note',
      'CN/5',
      [
        { ledgerGuid: 'L-SALES', ledgerName: 'Sales @18%', amount: taxable, bills: [] },
        { ledgerGuid: 'L-IGST', ledgerName: 'Output IGST', amount: (taxable * 18) / 100, bills: [] },
        { ledgerGuid: 'L-GOA', ledgerName: 'Goa Resort', amount: -value, bills: goaBill('Agst Ref', -value) },
      ],
      { partyLedgerName: 'Goa Resort', gst: goaBuyer.header },
    );
  },
};

function goaBill(billType: 'New Ref' | 'Agst Ref', amount: number) {
  return [{ billName: 'S/50', billType, amount, creditPeriodDays: null, dueDate: null }];
}
