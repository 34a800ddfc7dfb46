import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { Gstr1 } from './gstr1';
import type { RateAmounts, TaxedValue, TaxHeads } from './model';
import { filingPeriod, rupees } from './gstr1-json';

/**
 * GSTR-3B from the month's GSTR-1 (outward) and the books' inward supplies, as the form's tables define
 * them (Form GSTR-3B, CGST Rules; sources in docs/TALLY.md § GST):
 * 3.1 (a) outward taxable other than zero-rated, nil and exempt; (b) zero-rated (exports, SEZ); (c) nil
 * rated and exempt; (d) inward supplies liable to reverse charge; (e) non-GST outward;
 * 3.2 of 3.1(a), inter-state supplies to unregistered persons by place of supply;
 * 4 ITC: (A) available by kind, (B) reversed, (C) net = A − B, (D) other details. Since CBIC Circular
 * 170/02/2022-GST, credit blocked by section 17(5) is part of 4(A) (it comes from GSTR-2B) and reversed in
 * 4(B)(1); 4(D)(2) is only credit barred by section 16(4) or place-of-supply rules, which the books do not
 * tell (zero here), and 4(D)(1) credit reclaimed after a 4(B)(2) reversal (none here);
 * 5 exempt, nil rated and non-GST inward supplies, inter- and intra-state.
 * The tax payable applies the ITC in the order of section 49(5) and rule 88A: IGST credit to IGST, then
 * CGST and SGST; CGST credit to CGST, then IGST; SGST credit to SGST, then IGST; never CGST to SGST.
 * Tax on reverse-charge inward supplies is paid in cash.
 */
export type ItcKind = 'import-goods' | 'import-services' | 'isd' | 'other';

/** One inward document's GST facts for GSTR-3B (positive paise; a credit note from a supplier subtracts). */
export interface InwardSupply extends TaxedValue {
  voucherGuid: string;
  kind: 'invoice' | 'credit-note' | 'debit-note';
  date: IsoDate;
  interState: boolean;
  reverseCharge: boolean;
  itcKind: ItcKind;
  /** False where the law blocks the credit (section 17(5)): in 4(A) and reversed in 4(B)(1), not claimed. */
  itcEligible: boolean;
  /** Exempt or nil-rated and non-GST value on the document (table 5). */
  exemptOrNil: Paise;
  nonGst: Paise;
  /** Supplier is a composition dealer: its supplies count in table 5 as "GST" inward. */
  fromComposition: boolean;
}

export interface Gstr3b {
  gstin: string;
  from: IsoDate;
  to: IsoDate;
  outwardTaxable: TaxedValue;
  outwardZeroRated: TaxedValue;
  outwardNilExempt: Paise;
  inwardReverseCharge: TaxedValue;
  outwardNonGst: Paise;
  interStateUnregistered: { placeOfSupply: string; taxable: Paise; igst: Paise }[];
  itcAvailable: Record<ItcKind | 'reverse-charge', TaxHeads>;
  itcReversed: TaxHeads;
  itcNet: TaxHeads;
  itcIneligible: TaxHeads;
  inwardExempt: { interState: Paise; intraState: Paise };
  inwardNonGst: { interState: Paise; intraState: Paise };
  liability: TaxHeads;
  paidByCredit: TaxHeads;
  paidInCash: TaxHeads;
}

const none = (): TaxedValue => ({ taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 });
const heads = (): TaxHeads => ({ igst: 0, cgst: 0, sgst: 0, cess: 0 });
function add(into: TaxHeads, from: TaxHeads, sign = 1): void {
  into.igst += sign * from.igst;
  into.cgst += sign * from.cgst;
  into.sgst += sign * from.sgst;
  into.cess += sign * from.cess;
}
function addValued(into: TaxedValue, from: TaxedValue, sign = 1): void {
  add(into, from, sign);
  into.taxable += sign * from.taxable;
}
const items = (list: readonly { items: RateAmounts[] }[], sign = 1): TaxedValue => {
  const total = none();
  for (const doc of list) for (const item of doc.items) addValued(total, item, sign);
  return total;
};

/** Applies credit to liability in the order the law sets; returns what credit paid and what is left in cash. */
export function setOff(liability: TaxHeads, credit: TaxHeads): { byCredit: TaxHeads; cash: TaxHeads } {
  const due = { ...liability };
  const left = { ...credit };
  const byCredit = heads();
  const use = (from: keyof TaxHeads, to: keyof TaxHeads): void => {
    const amount = Math.max(0, Math.min(left[from], due[to]));
    left[from] -= amount;
    due[to] -= amount;
    byCredit[to] += amount;
  };
  use('igst', 'igst');
  use('igst', 'cgst');
  use('igst', 'sgst');
  use('cgst', 'cgst');
  use('cgst', 'igst');
  use('sgst', 'sgst');
  use('sgst', 'igst');
  use('cess', 'cess');
  return { byCredit, cash: due };
}

export function buildGstr3b(gstr1: Gstr1, inward: readonly InwardSupply[]): Gstr3b {
  // 3.1(a): B2B (not SEZ), B2CL, B2CS and notes; (b): exports and SEZ supplies.
  const sez = (t: string) => t === 'SEWP' || t === 'SEWOP';
  const outwardTaxable = none();
  for (const part of [
    items(gstr1.b2b.filter((i) => !sez(i.invoiceType))),
    items(gstr1.b2cl),
    items(gstr1.cdnr.filter((n) => n.noteType === 'D' && !sez(n.invoiceType))),
    items(
      gstr1.cdnr.filter((n) => n.noteType === 'C' && !sez(n.invoiceType)),
      -1,
    ),
    items(gstr1.cdnur.filter((n) => n.unregisteredType === 'B2CL' && n.noteType === 'D')),
    items(
      gstr1.cdnur.filter((n) => n.unregisteredType === 'B2CL' && n.noteType === 'C'),
      -1,
    ),
  ])
    addValued(outwardTaxable, part);
  for (const row of gstr1.b2cs) addValued(outwardTaxable, row);
  const outwardZeroRated = none();
  for (const part of [
    items(gstr1.exp),
    items(gstr1.b2b.filter((i) => sez(i.invoiceType))),
    items(gstr1.cdnr.filter((n) => n.noteType === 'D' && sez(n.invoiceType))),
    items(
      gstr1.cdnr.filter((n) => n.noteType === 'C' && sez(n.invoiceType)),
      -1,
    ),
    items(gstr1.cdnur.filter((n) => n.unregisteredType !== 'B2CL' && n.noteType === 'D')),
    items(
      gstr1.cdnur.filter((n) => n.unregisteredType !== 'B2CL' && n.noteType === 'C'),
      -1,
    ),
  ])
    addValued(outwardZeroRated, part);
  const outwardNilExempt = gstr1.nil.reduce((s, n) => s + n.nilRated + n.exempt, 0);
  const outwardNonGst = gstr1.nil.reduce((s, n) => s + n.nonGst, 0);

  // 3.2: inter-state B2C (B2CL invoices and inter-state B2CS rows) by place of supply.
  const byPos = new Map<string, { placeOfSupply: string; taxable: Paise; igst: Paise }>();
  const addPos = (pos: string, taxable: Paise, igst: Paise): void => {
    const row = byPos.get(pos) ?? { placeOfSupply: pos, taxable: 0, igst: 0 };
    row.taxable += taxable;
    row.igst += igst;
    byPos.set(pos, row);
  };
  for (const i of gstr1.b2cl) for (const item of i.items) addPos(i.placeOfSupply, item.taxable, item.igst);
  for (const n of gstr1.cdnur.filter((c) => c.unregisteredType === 'B2CL'))
    for (const item of n.items)
      addPos(
        n.placeOfSupply,
        (n.noteType === 'C' ? -1 : 1) * item.taxable,
        (n.noteType === 'C' ? -1 : 1) * item.igst,
      );
  for (const row of gstr1.b2cs.filter((r) => r.supplyType === 'INTER'))
    addPos(row.placeOfSupply, row.taxable, row.igst);

  const inwardReverseCharge = none();
  const itcAvailable: Gstr3b['itcAvailable'] = {
    'import-goods': heads(),
    'import-services': heads(),
    'reverse-charge': heads(),
    isd: heads(),
    other: heads(),
  };
  const itcIneligible = heads();
  const itcReversed = heads();
  const inwardExempt = { interState: 0, intraState: 0 };
  const inwardNonGst = { interState: 0, intraState: 0 };
  for (const doc of inward) {
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    const side = doc.interState ? 'interState' : 'intraState';
    if (doc.reverseCharge) addValued(inwardReverseCharge, doc, sign);
    add(
      itcAvailable[doc.reverseCharge && doc.itcKind === 'other' ? 'reverse-charge' : doc.itcKind],
      doc,
      sign,
    );
    if (!doc.itcEligible) add(itcReversed, doc, sign);
    inwardExempt[side] += sign * (doc.exemptOrNil + (doc.fromComposition ? doc.taxable : 0));
    inwardNonGst[side] += sign * doc.nonGst;
  }
  const itcNet = heads();
  for (const kind of Object.values(itcAvailable)) add(itcNet, kind);
  add(itcNet, itcReversed, -1);

  // Liability: outward tax (a and b) plus reverse-charge tax, which is paid in cash.
  const outwardTax = heads();
  add(outwardTax, outwardTaxable);
  add(outwardTax, outwardZeroRated);
  const { byCredit, cash } = setOff(outwardTax, itcNet);
  add(cash, inwardReverseCharge);
  const liability = heads();
  add(liability, outwardTax);
  add(liability, inwardReverseCharge);
  return {
    gstin: gstr1.company.gstin,
    from: gstr1.from,
    to: gstr1.to,
    outwardTaxable,
    outwardZeroRated,
    outwardNilExempt,
    inwardReverseCharge,
    outwardNonGst,
    interStateUnregistered: [...byPos.values()].sort((a, b) =>
      a.placeOfSupply.localeCompare(b.placeOfSupply),
    ),
    itcAvailable,
    itcReversed,
    itcNet,
    itcIneligible,
    inwardExempt,
    inwardNonGst,
    liability,
    paidByCredit: byCredit,
    paidInCash: cash,
  };
}

const money = (h: TaxHeads) => ({
  iamt: rupees(h.igst),
  camt: rupees(h.cgst),
  samt: rupees(h.sgst),
  csamt: rupees(h.cess),
});

/** GSTR-3B in the JSON of the portal's offline utility (`ret_period` MMYYYY, amounts in rupees). */
export function gstr3bJson(r: Gstr3b): Record<string, unknown> {
  return {
    gstin: r.gstin,
    ret_period: filingPeriod(r.to),
    sup_details: {
      osup_det: { txval: rupees(r.outwardTaxable.taxable), ...money(r.outwardTaxable) },
      osup_zero: {
        txval: rupees(r.outwardZeroRated.taxable),
        iamt: rupees(r.outwardZeroRated.igst),
        csamt: rupees(r.outwardZeroRated.cess),
      },
      osup_nil_exmp: { txval: rupees(r.outwardNilExempt) },
      isup_rev: { txval: rupees(r.inwardReverseCharge.taxable), ...money(r.inwardReverseCharge) },
      osup_nongst: { txval: rupees(r.outwardNonGst) },
    },
    inter_sup: {
      unreg_details: r.interStateUnregistered.map((row) => ({
        pos: row.placeOfSupply,
        txval: rupees(row.taxable),
        iamt: rupees(row.igst),
      })),
      comp_details: [],
      uin_details: [],
    },
    itc_elg: {
      itc_avl: [
        { ty: 'IMPG', ...money(r.itcAvailable['import-goods']) },
        { ty: 'IMPS', ...money(r.itcAvailable['import-services']) },
        { ty: 'ISRC', ...money(r.itcAvailable['reverse-charge']) },
        { ty: 'ISD', ...money(r.itcAvailable.isd) },
        { ty: 'OTH', ...money(r.itcAvailable.other) },
      ],
      itc_rev: [
        { ty: 'RUL', ...money(r.itcReversed) },
        { ty: 'OTH', ...money(heads()) },
      ],
      itc_net: money(r.itcNet),
      itc_inelg: [
        { ty: 'RUL', ...money(r.itcIneligible) },
        { ty: 'OTH', ...money(heads()) },
      ],
    },
    inward_sup: {
      isup_details: [
        { ty: 'GST', inter: rupees(r.inwardExempt.interState), intra: rupees(r.inwardExempt.intraState) },
        { ty: 'NONGST', inter: rupees(r.inwardNonGst.interState), intra: rupees(r.inwardNonGst.intraState) },
      ],
    },
  };
}
