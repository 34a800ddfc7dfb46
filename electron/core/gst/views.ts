import type { Paise } from '../../../shared/money';
import type {
  GstAmounts,
  Gstr1HsnRow,
  Gstr1SectionName,
  Gstr1SectionView,
  Gstr1View,
  Gstr3bFigure,
  Gstr3bFigureId,
  Gstr3bInterStateRow,
  Gstr3bView,
  GstVoucherRef,
} from '../../../shared/types/gst';

/*
 * The views with the vouchers behind every figure (the drill-down the screens page through with
 * `gst.vouchers`); the answers carry the figures and their counts only (publicGstr1View, publicGstr3bView).
 */
export interface Gstr1SectionFull extends Gstr1SectionView {
  vouchers: GstVoucherRef[];
}
export interface Gstr1HsnFull extends Gstr1HsnRow {
  voucherGuids: string[];
}
export interface Gstr1ViewFull extends Omit<Gstr1View, 'sections' | 'hsn'> {
  sections: Gstr1SectionFull[];
  hsn: Gstr1HsnFull[];
}
export interface Gstr3bFigureFull extends Gstr3bFigure {
  vouchers: GstVoucherRef[];
}
export interface Gstr3bInterStateFull extends Gstr3bInterStateRow {
  vouchers: GstVoucherRef[];
}
export interface Gstr3bViewFull extends Omit<Gstr3bView, 'figures' | 'interState'> {
  figures: Gstr3bFigureFull[];
  interState: Gstr3bInterStateFull[];
}

/** The answer's GSTR-1 view: each figure with its count, without the vouchers. */
export const publicGstr1View = (full: Gstr1ViewFull): Gstr1View => ({
  ...full,
  sections: full.sections.map(({ vouchers: _, ...s }) => s),
  hsn: full.hsn.map(({ voucherGuids: _, ...h }) => h),
});

/** The answer's GSTR-3B view: each figure with its count, without the vouchers. */
export const publicGstr3bView = (full: Gstr3bViewFull): Gstr3bView => ({
  ...full,
  figures: full.figures.map(({ vouchers: _, ...f }) => f),
  interState: full.interState.map(({ vouchers: _, ...r }) => r),
});
import type { InwardRef } from './documents';
import { hsnUqcOf, isRegistered, type Gstr1, type Gstr1Hsn, type Gstr1Invoice } from './gstr1';
import { HSN_SPLIT_FROM, mergeHsn } from './gstr1-json';
import { itcEntries, type Gstr3b, type InwardSupply, type ItcAdjustment, type ItcFigure } from './gstr3b';
import type { GstDocument, RateAmounts } from './model';
import { FOREIGN_COUNTRY, stateName } from './states';

/**
 * The returns as the screens show them: each GSTR-1 section's totals and each GSTR-3B figure with the
 * vouchers behind it, signed as they count (a credit note subtracts), so that every total is the sum of
 * its vouchers. Built from the same documents the returns were (no second reading of the books).
 */

const zero = (): GstAmounts => ({ taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 });

function addInto(into: GstAmounts, from: GstAmounts, sign = 1): void {
  into.taxable += sign * from.taxable;
  into.igst += sign * from.igst;
  into.cgst += sign * from.cgst;
  into.sgst += sign * from.sgst;
  into.cess += sign * from.cess;
}

const sumOf = (list: readonly GstAmounts[]): GstAmounts => {
  const total = zero();
  for (const a of list) addInto(total, a);
  return total;
};

const itemsTotal = (items: readonly RateAmounts[], sign: number): GstAmounts => {
  const total = zero();
  for (const item of items) addInto(total, item, sign);
  return total;
};

const signOf = (doc: Pick<GstDocument, 'kind'>): number => (doc.kind === 'credit-note' ? -1 : 1);

/** A voucher reference with the given (already signed) amounts. */
function outwardRef(doc: GstDocument, amounts: GstAmounts): GstVoucherRef {
  return {
    voucherGuid: doc.voucherGuid,
    voucherType: doc.voucherType,
    number: doc.number,
    date: doc.date,
    partyName: doc.partyName,
    partyGstin: doc.partyGstin,
    placeOfSupply: doc.placeOfSupply,
    kind: doc.kind,
    value: signOf(doc) * doc.value,
    taxable: amounts.taxable,
    igst: amounts.igst,
    cgst: amounts.cgst,
    sgst: amounts.sgst,
    cess: amounts.cess,
  };
}

/** The part of an outward document that is not taxable: nil rated and exempt, and non-GST. */
function untaxed(doc: GstDocument): { nilExempt: Paise; nonGst: Paise } {
  let nilExempt = 0;
  let nonGst = 0;
  for (const line of doc.lines) {
    if (line.taxability === 'nil' || line.taxability === 'exempt') nilExempt += line.taxable;
    else if (line.taxability === 'non-gst') nonGst += line.taxable;
  }
  return { nilExempt: signOf(doc) * nilExempt, nonGst: signOf(doc) * nonGst };
}

interface Outward {
  byGuid: Map<string, GstDocument>;
  ref(invoice: Gstr1Invoice, sign?: number): GstVoucherRef;
  /** The taxable items of a B2CS document (its items by rate), signed. */
  b2csRef(guid: string): GstVoucherRef;
  b2csGuids: string[];
  /** Included documents with nil-rated, exempt or non-GST lines. */
  untaxedDocs: GstDocument[];
}

function outwardOf(gstr1: Gstr1, documents: readonly GstDocument[]): Outward {
  const byGuid = new Map(documents.map((d) => [d.voucherGuid, d]));
  const docOf = (guid: string): GstDocument => {
    const doc = byGuid.get(guid);
    if (!doc) throw new Error(`GSTR-1 names voucher ${guid}, which is not among its documents`);
    return doc;
  };
  // In the books' order (date, then entry), as the other sections list theirs.
  const inB2cs = new Set(gstr1.b2cs.flatMap((r) => r.voucherGuids));
  const b2csGuids = documents.filter((d) => inB2cs.has(d.voucherGuid)).map((d) => d.voucherGuid);
  const excluded = new Set(gstr1.exceptions.filter((e) => e.excluded).map((e) => e.voucherGuid));
  return {
    byGuid,
    ref: (invoice, sign = 1) => outwardRef(docOf(invoice.voucherGuid), itemsTotal(invoice.items, sign)),
    b2csRef: (guid) => {
      const doc = docOf(guid);
      const taxable = doc.lines.filter((l) => l.taxability === 'taxable');
      return outwardRef(doc, itemsTotal(taxable, signOf(doc)));
    },
    b2csGuids,
    untaxedDocs: documents.filter(
      (d) => !d.cancelled && !excluded.has(d.voucherGuid) && d.lines.some((l) => l.taxability !== 'taxable'),
    ),
  };
}

const noteSign = (n: { noteType: 'C' | 'D' }): number => (n.noteType === 'C' ? -1 : 1);
const isSez = (t: string): boolean => t === 'SEWP' || t === 'SEWOP';

function section(name: Gstr1SectionName, vouchers: GstVoucherRef[]): Gstr1SectionFull {
  return { section: name, count: vouchers.length, ...sumOf(vouchers), vouchers };
}

function statesOf(codes: Iterable<string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of codes) {
    if (code === null || code in out) continue;
    const name = code === FOREIGN_COUNTRY ? 'Foreign Country' : stateName(code);
    if (name) out[code] = name;
  }
  return out;
}

/** An HSN summary row as the screens show it, with how many vouchers stand behind it. */
export const hsnRowView = (row: Gstr1Hsn, table: Gstr1HsnRow['table'], count: number): Gstr1HsnRow => ({
  table,
  hsn: row.hsn,
  description: row.description,
  uqc: row.uqc,
  quantityMilli: row.quantityMilli,
  rate: row.rate,
  taxable: row.taxable,
  igst: row.igst,
  cgst: row.cgst,
  sgst: row.sgst,
  cess: row.cess,
  count,
});

const hsnRow = (row: Gstr1Hsn, table: Gstr1HsnRow['table']): Gstr1HsnFull => ({
  ...hsnRowView(row, table, row.voucherGuids.length),
  voucherGuids: row.voucherGuids,
});

/** GSTR-1 section by section, each with its totals and vouchers. */
export function gstr1View(gstr1: Gstr1, documents: readonly GstDocument[]): Gstr1ViewFull {
  const out = outwardOf(gstr1, documents);
  const nilVouchers = out.untaxedDocs.map((doc) => {
    const u = untaxed(doc);
    return outwardRef(doc, { ...zero(), taxable: u.nilExempt + u.nonGst });
  });
  // Before May 2025 the portal has one HSN list: shown as one, as the JSON writes it.
  const hsn: Gstr1HsnFull[] =
    gstr1.to >= HSN_SPLIT_FROM
      ? [...gstr1.hsnB2b.map((r) => hsnRow(r, 'b2b')), ...gstr1.hsnB2c.map((r) => hsnRow(r, 'b2c'))]
      : mergeHsn([...gstr1.hsnB2b, ...gstr1.hsnB2c]).map((r) => hsnRow(r, 'all'));
  const sections: Gstr1SectionFull[] = [
    section(
      'b2b',
      gstr1.b2b.map((i) => out.ref(i)),
    ),
    section(
      'b2cl',
      gstr1.b2cl.map((i) => out.ref(i)),
    ),
    section('b2cs', out.b2csGuids.map(out.b2csRef)),
    section(
      'cdnr',
      gstr1.cdnr.map((n) => out.ref(n, noteSign(n))),
    ),
    section(
      'cdnur',
      gstr1.cdnur.map((n) => out.ref(n, noteSign(n))),
    ),
    section(
      'exp',
      gstr1.exp.map((i) => out.ref(i)),
    ),
    section('nil', nilVouchers),
    { section: 'hsn', count: hsn.length, ...sumOf(hsn), vouchers: [] },
    {
      section: 'docs',
      count: gstr1.documents.reduce((n, d) => n + d.total, 0),
      ...zero(),
      vouchers: [],
    },
  ];
  return {
    sections,
    hsn,
    documents: gstr1.documents.map((d) => ({ ...d })),
    states: statesOf(sections.flatMap((s) => s.vouchers.map((v) => v.placeOfSupply))),
  };
}

/** Which HSN summary row a line adds to: its table (B2B or B2C), HSN, unit quantity code and rate. */
export interface HsnRowKey {
  table: 'b2b' | 'b2c';
  hsn: string;
  uqc: string;
  rate: number;
}
export const hsnRowKeyText = (k: HsnRowKey): string => `${k.table}|${k.hsn}|${k.uqc}|${k.rate}`;

/**
 * Each HSN summary row's vouchers, each with its part of the row (its lines of that HSN, unit and rate,
 * signed as buildGstr1 adds them): the rows' drill-down, in the documents' order.
 */
export function hsnVoucherRefs(
  gstr1: Gstr1,
  documents: readonly GstDocument[],
): Map<string, { key: HsnRowKey; vouchers: GstVoucherRef[] }> {
  const excluded = new Set(gstr1.exceptions.filter((e) => e.excluded).map((e) => e.voucherGuid));
  const out = new Map<string, { key: HsnRowKey; vouchers: GstVoucherRef[] }>();
  for (const doc of documents) {
    if (doc.cancelled || excluded.has(doc.voucherGuid)) continue;
    const table = isRegistered(doc.registration) ? 'b2b' : 'b2c';
    const mine = new Map<string, { key: HsnRowKey; amounts: GstAmounts }>();
    for (const line of doc.lines) {
      if (line.taxability === 'non-gst' || !line.hsn) continue;
      const key: HsnRowKey = {
        table,
        hsn: line.hsn,
        uqc: hsnUqcOf({ uqc: line.uqc, hsn: line.hsn }),
        rate: line.rate,
      };
      const text = hsnRowKeyText(key);
      const into = mine.get(text) ?? { key, amounts: zero() };
      addInto(into.amounts, line, signOf(doc));
      mine.set(text, into);
    }
    for (const [text, { key, amounts }] of mine) {
      const row = out.get(text) ?? { key, vouchers: [] };
      row.vouchers.push(outwardRef(doc, amounts));
      out.set(text, row);
    }
  }
  return out;
}

/** A 3B figure: its vouchers and their sum. */
function figure(id: Gstr3bFigureId, vouchers: GstVoucherRef[]): Gstr3bFigureFull {
  return { id, ...sumOf(vouchers), count: vouchers.length, vouchers };
}

/**
 * GSTR-3B in the form's tables, each figure with the vouchers it adds up (the same rules as buildGstr3b:
 * tests check that every figure equals the return's).
 */
export function gstr3bView(
  gstr1: Gstr1,
  gstr3b: Gstr3b,
  outwardDocuments: readonly GstDocument[],
  inward: readonly InwardSupply[],
  inwardRefs: ReadonlyMap<string, InwardRef>,
  adjustments: readonly ItcAdjustment[] = [],
): Gstr3bViewFull {
  const out = outwardOf(gstr1, outwardDocuments);
  const b2cs = out.b2csGuids.map(out.b2csRef);

  const inwardRef = (doc: InwardSupply, amounts: GstAmounts): GstVoucherRef => {
    const ref = inwardRefs.get(doc.voucherGuid);
    return {
      voucherGuid: doc.voucherGuid,
      voucherType: ref?.voucherType ?? '',
      number: ref?.number ?? '',
      date: doc.date,
      partyName: ref?.partyName ?? '',
      partyGstin: ref?.partyGstin ?? null,
      placeOfSupply: ref?.placeOfSupply ?? null,
      kind: doc.kind,
      value: (doc.kind === 'credit-note' ? -1 : 1) * (ref?.value ?? 0),
      taxable: amounts.taxable,
      igst: amounts.igst,
      cgst: amounts.cgst,
      sgst: amounts.sgst,
      cess: amounts.cess,
    };
  };
  const inwardSigned = (doc: InwardSupply): GstAmounts => {
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    return {
      taxable: sign * doc.taxable,
      igst: sign * doc.igst,
      cgst: sign * doc.cgst,
      sgst: sign * doc.sgst,
      cess: sign * doc.cess,
    };
  };
  const untaxedRefs = (pick: 'nilExempt' | 'nonGst'): GstVoucherRef[] =>
    out.untaxedDocs
      .map((doc) => ({ doc, value: untaxed(doc)[pick] }))
      .filter((d) => d.value !== 0)
      .map((d) => outwardRef(d.doc, { ...zero(), taxable: d.value }));
  // A purchase with no tax (an exempt one) stands behind no credit figure.
  const taxed = (doc: InwardSupply): boolean =>
    doc.igst !== 0 || doc.cgst !== 0 || doc.sgst !== 0 || doc.cess !== 0;
  const itc = (pick: (doc: InwardSupply) => boolean): GstVoucherRef[] =>
    inward.filter((d) => taxed(d) && pick(d)).map((doc) => inwardRef(doc, inwardSigned(doc)));
  // Table 4 from the same entries buildGstr3b adds up: each voucher's amount in each figure.
  const docs = new Map(inward.map((d) => [d.voucherGuid, d]));
  const journals = new Map(adjustments.map((a) => [a.voucherGuid, a]));
  const entryRef = (guid: string, amounts: GstAmounts): GstVoucherRef => {
    const doc = docs.get(guid);
    if (doc) return inwardRef(doc, amounts);
    const a = journals.get(guid);
    return {
      voucherGuid: guid,
      voucherType: a?.voucherType ?? '',
      number: a?.number ?? '',
      date: a?.date ?? gstr3b.from,
      partyName: a?.partyName ?? '',
      partyGstin: null,
      placeOfSupply: null,
      kind: 'invoice',
      value: 0,
      ...amounts,
    };
  };
  const entries = itcEntries(inward, adjustments);
  const amountsOf = (e: GstAmounts, sign = 1): GstAmounts => ({
    taxable: sign * e.taxable,
    igst: sign * e.igst,
    cgst: sign * e.cgst,
    sgst: sign * e.sgst,
    cess: sign * e.cess,
  });
  const inFigure = (id: ItcFigure): GstVoucherRef[] =>
    entries.filter((e) => e.figure === id).map((e) => entryRef(e.voucherGuid, amountsOf(e)));
  // 4(C) = 4(A) − 4(B), voucher by voucher; a voucher whose credit is all reversed is not listed.
  const net = new Map<string, GstAmounts>();
  const order: ItcFigure[] = ['4A1', '4A2', '4A3', '4A4', '4A5', '4B1', '4B2'];
  const ordered = order.flatMap((id) => entries.filter((e) => e.figure === id));
  for (const e of ordered) {
    const sign = e.figure.startsWith('4A') ? 1 : -1;
    const into = net.get(e.voucherGuid) ?? zero();
    const add = amountsOf(e, sign);
    net.set(e.voucherGuid, {
      taxable: into.taxable + add.taxable,
      igst: into.igst + add.igst,
      cgst: into.cgst + add.cgst,
      sgst: into.sgst + add.sgst,
      cess: into.cess + add.cess,
    });
  }
  const netRefs = [...net.entries()]
    .filter(([, a]) => a.igst !== 0 || a.cgst !== 0 || a.sgst !== 0 || a.cess !== 0)
    .map(([guid, a]) => entryRef(guid, a));
  const inwardUntaxed = (interState: boolean, pick: 'gst' | 'nongst'): GstVoucherRef[] =>
    inward
      .filter((d) => d.interState === interState)
      .map((doc) => {
        const sign = doc.kind === 'credit-note' ? -1 : 1;
        const value = pick === 'gst' ? doc.exemptOrNil + (doc.fromComposition ? doc.taxable : 0) : doc.nonGst;
        return { doc, value: sign * value };
      })
      .filter((d) => d.value !== 0)
      .map((d) => inwardRef(d.doc, { ...zero(), taxable: d.value }));

  // 4(A) has every credit, blocked ones too; 4(B)(1) takes the blocked ones back (Circular 170/02/2022).
  const available = {
    '4A1': inFigure('4A1'),
    '4A2': inFigure('4A2'),
    '4A3': inFigure('4A3'),
    '4A4': inFigure('4A4'),
    '4A5': inFigure('4A5'),
  };
  const figures: Gstr3bFigureFull[] = [
    figure('3.1a', [
      ...gstr1.b2b.filter((i) => !isSez(i.invoiceType)).map((i) => out.ref(i)),
      ...gstr1.b2cl.map((i) => out.ref(i)),
      ...gstr1.cdnr.filter((n) => !isSez(n.invoiceType)).map((n) => out.ref(n, noteSign(n))),
      ...gstr1.cdnur.filter((n) => n.unregisteredType === 'B2CL').map((n) => out.ref(n, noteSign(n))),
      ...b2cs,
    ]),
    figure('3.1b', [
      ...gstr1.exp.map((i) => out.ref(i)),
      ...gstr1.b2b.filter((i) => isSez(i.invoiceType)).map((i) => out.ref(i)),
      ...gstr1.cdnr.filter((n) => isSez(n.invoiceType)).map((n) => out.ref(n, noteSign(n))),
      ...gstr1.cdnur.filter((n) => n.unregisteredType !== 'B2CL').map((n) => out.ref(n, noteSign(n))),
    ]),
    figure('3.1c', untaxedRefs('nilExempt')),
    figure(
      '3.1d',
      itc((d) => d.reverseCharge),
    ),
    figure('3.1e', untaxedRefs('nonGst')),
    ...(Object.entries(available) as [Gstr3bFigureId, GstVoucherRef[]][]).map(([id, v]) => figure(id, v)),
    figure('4B1', inFigure('4B1')),
    figure('4B2', inFigure('4B2')),
    figure('4C', netRefs),
    figure('4D1', inFigure('4D1')),
    figure('4D2', inFigure('4D2')),
    figure('5gstInter', inwardUntaxed(true, 'gst')),
    figure('5gstIntra', inwardUntaxed(false, 'gst')),
    figure('5nongstInter', inwardUntaxed(true, 'nongst')),
    figure('5nongstIntra', inwardUntaxed(false, 'nongst')),
  ];

  // 3.2: B2CL invoices and notes, and the inter-state B2CS vouchers, by place of supply.
  const byPos = new Map<string, GstVoucherRef[]>();
  const addPos = (ref: GstVoucherRef): void => {
    const pos = ref.placeOfSupply ?? '';
    const list = byPos.get(pos);
    if (list) list.push(ref);
    else byPos.set(pos, [ref]);
  };
  for (const i of gstr1.b2cl) addPos(out.ref(i));
  for (const n of gstr1.cdnur.filter((c) => c.unregisteredType === 'B2CL')) addPos(out.ref(n, noteSign(n)));
  for (const ref of b2cs) if (ref.placeOfSupply !== gstr1.company.stateCode) addPos(ref);
  const interState: Gstr3bInterStateFull[] = [...byPos.entries()]
    .map(([placeOfSupply, vouchers]) => ({
      placeOfSupply,
      taxable: vouchers.reduce((s, v) => s + v.taxable, 0),
      igst: vouchers.reduce((s, v) => s + v.igst, 0),
      count: vouchers.length,
      vouchers,
    }))
    .sort((a, b) => a.placeOfSupply.localeCompare(b.placeOfSupply));

  return {
    figures,
    interState,
    liability: { ...gstr3b.liability },
    paidByCredit: { ...gstr3b.paidByCredit },
    paidInCash: { ...gstr3b.paidInCash },
    states: statesOf([
      ...figures.flatMap((f) => f.vouchers.map((v) => v.placeOfSupply)),
      ...interState.map((r) => r.placeOfSupply),
    ]),
  };
}
