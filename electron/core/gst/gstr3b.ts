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
  /** False where the law blocks the whole credit (section 17(5)): in 4(A) and reversed in 4(B)(1). */
  itcEligible: boolean;
  /**
   * The part of the credit blocked (lines whose item or ledger is "ineligible for input credit"): in 4(A) and
   * reversed in 4(B)(1). Absent: all of it when itcEligible is false, none otherwise.
   */
  blocked?: TaxedValue;
  /** Exempt or nil-rated and non-GST value on the document (table 5). */
  exemptOrNil: Paise;
  nonGst: Paise;
  /** Supplier is a composition dealer: its supplies count in table 5 as "GST" inward. */
  fromComposition: boolean;
}

/**
 * What a journal's GST statutory adjustment (TAXADJUSTMENT with GSTADDITIONALDETAILS) does in table 4:
 * ISD credit (4(A)(4)), credit on imports (4(A)(1), (2)), other credit (4(A)(5)), a reclaim of an earlier
 * 4(B)(2) reversal (4(A)(5) and shown in 4(D)(1)), a reversal under rules 38, 42, 43 or section 17(5)
 * (4(B)(1)) or any other (4(B)(2)), and credit barred by section 16(4) or place-of-supply rules (out of
 * 4(A)(5), shown in 4(D)(2)). CBIC Circular 170/02/2022-GST; the Tally values in docs/TALLY.md.
 */
export type ItcAdjustmentRow =
  | 'isd'
  | 'import-goods'
  | 'import-services'
  | 'other'
  | 'reclaim'
  | 'reversal-rules'
  | 'reversal-other'
  | 'ineligible';

/** One adjustment journal's tax by head (positive: credit taken for an increase, given back for a reversal). */
export interface ItcAdjustment extends TaxHeads {
  voucherGuid: string;
  voucherType: string;
  number: string;
  date: IsoDate;
  partyName: string;
  row: ItcAdjustmentRow;
}

const words = (v: string): string => v.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The table-4 row of a statutory adjustment from Tally's nature of adjustment and additional details; null
 * for one that is not about input tax credit (an increase of tax liability, a refund, …).
 */
export function itcAdjustmentRow(nature: string, details: string | null): ItcAdjustmentRow | null {
  const n = words(nature);
  const d = words(details ?? '');
  if (/^increase (of|in) input tax credit$/.test(n)) {
    if (/\bisd\b|input service distributor/.test(d)) return 'isd';
    if (/reclaim/.test(d)) return 'reclaim';
    if (/import/.test(d)) return /service/.test(d) ? 'import-services' : 'import-goods';
    return 'other';
  }
  if (/^reversal of (input tax credit|itc)$/.test(n)) {
    if (/16 ?\(4\)|place of supply|\bpos\b/.test(d)) return 'ineligible';
    if (/\b(38|42|43)\b|17 ?\(5\)|ineligible|blocked/.test(d)) return 'reversal-rules';
    return 'reversal-other';
  }
  return null;
}

/** A figure of table 4 an amount goes to. */
export type ItcFigure = '4A1' | '4A2' | '4A3' | '4A4' | '4A5' | '4B1' | '4B2' | '4D1' | '4D2';

/** One voucher's amount in one figure of table 4 (signed: a supplier's credit note takes away). */
export interface ItcEntry extends TaxedValue {
  voucherGuid: string;
  figure: ItcFigure;
}

const AVAILABLE_FIGURE: Record<ItcKind | 'reverse-charge', ItcFigure> = {
  'import-goods': '4A1',
  'import-services': '4A2',
  'reverse-charge': '4A3',
  isd: '4A4',
  other: '4A5',
};

/** The whole credit of a purchase whose blocked part is not given separately. */
export const blockedOf = (doc: InwardSupply): TaxedValue =>
  doc.blocked ??
  (doc.itcEligible
    ? none()
    : { taxable: doc.taxable, igst: doc.igst, cgst: doc.cgst, sgst: doc.sgst, cess: doc.cess });

/**
 * Every amount of table 4 with its voucher: each purchase's credit in its 4(A) row and its blocked part in
 * 4(B)(1); each adjustment journal where its row puts it. buildGstr3b adds these up; the screen lists them.
 */
export function itcEntries(
  inward: readonly InwardSupply[],
  adjustments: readonly ItcAdjustment[],
): ItcEntry[] {
  const out: ItcEntry[] = [];
  const push = (voucherGuid: string, figure: ItcFigure, v: TaxedValue, sign: number): void => {
    if (v.igst === 0 && v.cgst === 0 && v.sgst === 0 && v.cess === 0) return;
    out.push({
      voucherGuid,
      figure,
      taxable: sign * v.taxable,
      igst: sign * v.igst,
      cgst: sign * v.cgst,
      sgst: sign * v.sgst,
      cess: sign * v.cess,
    });
  };
  for (const doc of inward) {
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    const row = doc.reverseCharge && doc.itcKind === 'other' ? 'reverse-charge' : doc.itcKind;
    push(doc.voucherGuid, AVAILABLE_FIGURE[row], doc, sign);
    push(doc.voucherGuid, '4B1', blockedOf(doc), sign);
  }
  for (const a of adjustments) {
    const v = { taxable: 0, igst: a.igst, cgst: a.cgst, sgst: a.sgst, cess: a.cess };
    switch (a.row) {
      case 'isd':
        push(a.voucherGuid, '4A4', v, 1);
        break;
      case 'import-goods':
        push(a.voucherGuid, '4A1', v, 1);
        break;
      case 'import-services':
        push(a.voucherGuid, '4A2', v, 1);
        break;
      case 'other':
        push(a.voucherGuid, '4A5', v, 1);
        break;
      case 'reclaim':
        push(a.voucherGuid, '4A5', v, 1);
        push(a.voucherGuid, '4D1', v, 1);
        break;
      case 'reversal-rules':
        push(a.voucherGuid, '4B1', v, 1);
        break;
      case 'reversal-other':
        push(a.voucherGuid, '4B2', v, 1);
        break;
      case 'ineligible':
        push(a.voucherGuid, '4A5', v, -1);
        push(a.voucherGuid, '4D2', v, 1);
        break;
    }
  }
  return out;
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
  /** 4(B)(1): rules 38, 42, 43 and section 17(5). */
  itcReversed: TaxHeads;
  /** 4(B)(2): other reversals. */
  itcReversedOther: TaxHeads;
  itcNet: TaxHeads;
  /** 4(D)(1): credit reclaimed that was reversed under 4(B)(2) earlier. */
  itcReclaimed: TaxHeads;
  /** 4(D)(2): credit barred by section 16(4) or place-of-supply rules. */
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

/** The additive figures of GSTR-3B (everything but the net credit and the payment of tax). */
export type Gstr3bParts = Omit<Gstr3b, 'itcNet' | 'liability' | 'paidByCredit' | 'paidInCash'>;

/** GSTR-3B's additive figures from the period's GSTR-1, inward supplies and ITC adjustments. */
export function gstr3bParts(
  gstr1: Gstr1,
  inward: readonly InwardSupply[],
  adjustments: readonly ItcAdjustment[] = [],
): Gstr3bParts {
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
  const itcReversed = heads();
  const itcReversedOther = heads();
  const itcReclaimed = heads();
  const itcIneligible = heads();
  const inwardExempt = { interState: 0, intraState: 0 };
  const inwardNonGst = { interState: 0, intraState: 0 };
  for (const doc of inward) {
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    const side = doc.interState ? 'interState' : 'intraState';
    if (doc.reverseCharge) addValued(inwardReverseCharge, doc, sign);
    inwardExempt[side] += sign * (doc.exemptOrNil + (doc.fromComposition ? doc.taxable : 0));
    inwardNonGst[side] += sign * doc.nonGst;
  }
  const byFigure: Record<ItcFigure, TaxHeads> = {
    '4A1': itcAvailable['import-goods'],
    '4A2': itcAvailable['import-services'],
    '4A3': itcAvailable['reverse-charge'],
    '4A4': itcAvailable.isd,
    '4A5': itcAvailable.other,
    '4B1': itcReversed,
    '4B2': itcReversedOther,
    '4D1': itcReclaimed,
    '4D2': itcIneligible,
  };
  for (const entry of itcEntries(inward, adjustments)) add(byFigure[entry.figure], entry);
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
    itcReversedOther,
    itcReclaimed,
    itcIneligible,
    inwardExempt,
    inwardNonGst,
  };
}

/** GSTR-3B of a period: its parts (gstr3bParts) with the net credit and the tax paid by credit and in cash. */
export function buildGstr3b(
  gstr1: Gstr1,
  inward: readonly InwardSupply[],
  adjustments: readonly ItcAdjustment[] = [],
): Gstr3b {
  return settleGstr3b(gstr3bParts(gstr1, inward, adjustments));
}

/**
 * The net credit (4(C) = 4(A) − 4(B)) and the payment of the tax: credit set off in the order of the law,
 * reverse-charge tax in cash. Not additive, so a quarter settles its summed parts once.
 */
export function settleGstr3b(parts: Gstr3bParts): Gstr3b {
  const itcNet = heads();
  for (const kind of Object.values(parts.itcAvailable) as TaxHeads[]) add(itcNet, kind);
  add(itcNet, parts.itcReversed, -1);
  add(itcNet, parts.itcReversedOther, -1);

  // Liability: outward tax (a and b) plus reverse-charge tax, which is paid in cash.
  const outwardTax = heads();
  add(outwardTax, parts.outwardTaxable);
  add(outwardTax, parts.outwardZeroRated);
  const { byCredit, cash } = setOff(outwardTax, itcNet);
  add(cash, parts.inwardReverseCharge);
  const liability = heads();
  add(liability, outwardTax);
  add(liability, parts.inwardReverseCharge);
  return { ...parts, itcNet, liability, paidByCredit: byCredit, paidInCash: cash };
}

/** The parts of several months' GSTR-3B as one period's (a quarter): every figure summed. */
export function addGstr3bParts(
  months: readonly Gstr3bParts[],
  period: { gstin: string; from: IsoDate; to: IsoDate },
): Gstr3bParts {
  const total: Gstr3bParts = {
    ...period,
    outwardTaxable: none(),
    outwardZeroRated: none(),
    outwardNilExempt: 0,
    inwardReverseCharge: none(),
    outwardNonGst: 0,
    interStateUnregistered: [],
    itcAvailable: {
      'import-goods': heads(),
      'import-services': heads(),
      'reverse-charge': heads(),
      isd: heads(),
      other: heads(),
    },
    itcReversed: heads(),
    itcReversedOther: heads(),
    itcReclaimed: heads(),
    itcIneligible: heads(),
    inwardExempt: { interState: 0, intraState: 0 },
    inwardNonGst: { interState: 0, intraState: 0 },
  };
  const byPos = new Map<string, { placeOfSupply: string; taxable: Paise; igst: Paise }>();
  for (const m of months) {
    addValued(total.outwardTaxable, m.outwardTaxable);
    addValued(total.outwardZeroRated, m.outwardZeroRated);
    total.outwardNilExempt += m.outwardNilExempt;
    addValued(total.inwardReverseCharge, m.inwardReverseCharge);
    total.outwardNonGst += m.outwardNonGst;
    for (const row of m.interStateUnregistered) {
      const into = byPos.get(row.placeOfSupply) ?? { placeOfSupply: row.placeOfSupply, taxable: 0, igst: 0 };
      into.taxable += row.taxable;
      into.igst += row.igst;
      byPos.set(row.placeOfSupply, into);
    }
    for (const kind of Object.keys(total.itcAvailable) as (ItcKind | 'reverse-charge')[])
      add(total.itcAvailable[kind], m.itcAvailable[kind]);
    add(total.itcReversed, m.itcReversed);
    add(total.itcReversedOther, m.itcReversedOther);
    add(total.itcReclaimed, m.itcReclaimed);
    add(total.itcIneligible, m.itcIneligible);
    total.inwardExempt.interState += m.inwardExempt.interState;
    total.inwardExempt.intraState += m.inwardExempt.intraState;
    total.inwardNonGst.interState += m.inwardNonGst.interState;
    total.inwardNonGst.intraState += m.inwardNonGst.intraState;
  }
  total.interStateUnregistered = [...byPos.values()].sort((a, b) =>
    a.placeOfSupply.localeCompare(b.placeOfSupply),
  );
  return total;
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
      // RUL: rules 42 & 43 and section 17(5); OTH: others (4(B)(1), (2)).
      itc_rev: [
        { ty: 'RUL', ...money(r.itcReversed) },
        { ty: 'OTH', ...money(r.itcReversedOther) },
      ],
      itc_net: money(r.itcNet),
      // Since Circular 170/02/2022: RUL is 4(D)(1) credit reclaimed, OTH 4(D)(2) section 16(4) / PoS.
      itc_inelg: [
        { ty: 'RUL', ...money(r.itcReclaimed) },
        { ty: 'OTH', ...money(r.itcIneligible) },
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
