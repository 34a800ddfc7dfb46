import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { GstReturnException, GstReturnProblem } from '../../../shared/types/gst';
import { checkGstin } from './gstin';
import type { GstCompany, GstDocument, GstLine, RateAmounts } from './model';
import { FOREIGN_COUNTRY } from './states';

/**
 * GSTR-1 from the books' outward documents, section by section as the GST portal defines them, in paise.
 * Rules (sources in docs/TALLY.md § GST):
 * - B2B: supplies to a registered person (GSTIN), by recipient and invoice, one item per rate; SEZ
 *   (SEWP with IGST, SEWOP without) and deemed exports (DE) are B2B invoice types.
 * - B2CL: inter-state supply to an unregistered person with an invoice value above the limit in force on
 *   the invoice date: ₹2,50,000 until 31-07-2024, ₹1,00,000 from 01-08-2024 (Notification 12/2024–CT).
 * - B2CS: every other supply to unregistered persons, summed by type (intra/inter), place of supply and
 *   rate; notes to such persons are netted here.
 * - EXP: supplies to a place outside India, WPAY with IGST, WOPAY under bond/LUT.
 * - CDNR / CDNUR: credit and debit notes to registered persons; to unregistered persons only where the
 *   invoice they adjust was B2CL or an export.
 * - Nil rated, exempt and non-GST lines go to the nil table (inter/intra × registered/unregistered), never
 *   to the sections above; the HSN summary has every goods and services line of the period, net of notes.
 * - A cancelled voucher counts in the documents issued, nowhere else. A document the return cannot place
 *   (no place of supply, a registered party without a valid GSTIN) is left out and listed as uncertain,
 *   as Tally's "Incomplete/Mismatch in information" does, until it is corrected.
 */
export const B2CL_LIMIT_CHANGE: IsoDate = '2024-08-01';

/** The B2CL invoice-value limit in force on a date. */
export function b2clLimit(date: IsoDate): Paise {
  return date >= B2CL_LIMIT_CHANGE ? 1_00_000_00 : 2_50_000_00;
}

export type SupplyType = 'INTRA' | 'INTER';

export interface Gstr1Invoice {
  voucherGuid: string;
  number: string;
  date: IsoDate;
  value: Paise;
  placeOfSupply: string;
  reverseCharge: boolean;
  items: RateAmounts[];
}

export interface Gstr1B2b extends Gstr1Invoice {
  recipientGstin: string;
  recipientName: string;
  invoiceType: 'R' | 'SEWP' | 'SEWOP' | 'DE';
}

export interface Gstr1Note extends Gstr1Invoice {
  noteType: 'C' | 'D';
}

export interface Gstr1Cdnr extends Gstr1Note {
  recipientGstin: string;
  recipientName: string;
  invoiceType: Gstr1B2b['invoiceType'];
}

export interface Gstr1Cdnur extends Gstr1Note {
  unregisteredType: 'B2CL' | 'EXPWP' | 'EXPWOP';
}

export interface Gstr1Export extends Gstr1Invoice {
  exportType: 'WPAY' | 'WOPAY';
}

export interface Gstr1B2cs extends RateAmounts {
  supplyType: SupplyType;
  placeOfSupply: string;
  voucherGuids: string[];
}

export type NilSupplyType = 'INTRB2B' | 'INTRAB2B' | 'INTRB2C' | 'INTRAB2C';

export interface Gstr1Nil {
  supplyType: NilSupplyType;
  nilRated: Paise;
  exempt: Paise;
  nonGst: Paise;
}

export interface Gstr1Hsn extends RateAmounts {
  hsn: string;
  description: string;
  uqc: string;
  quantityMilli: number;
  /** The vouchers whose lines the row adds up (for the screens' drill-down). */
  voucherGuids: string[];
}

/** Portal document types: 1 invoices for outward supply, 4 debit notes, 5 credit notes. */
export type DocumentNature = 1 | 4 | 5;

export interface Gstr1DocSeries {
  nature: DocumentNature;
  voucherType: string;
  from: string;
  to: string;
  total: number;
  cancelled: number;
}

export interface Gstr1 {
  company: GstCompany;
  from: IsoDate;
  to: IsoDate;
  b2b: Gstr1B2b[];
  b2cl: Gstr1Invoice[];
  b2cs: Gstr1B2cs[];
  exp: Gstr1Export[];
  cdnr: Gstr1Cdnr[];
  cdnur: Gstr1Cdnur[];
  nil: Gstr1Nil[];
  hsnB2b: Gstr1Hsn[];
  hsnB2c: Gstr1Hsn[];
  documents: Gstr1DocSeries[];
  exceptions: GstReturnException[];
  /** Vouchers read: in the return, cancelled (documents only), left out as uncertain. */
  counts: { included: number; cancelled: number; uncertain: number };
}

/** localeCompare's order, with one collator for every comparison of a sort. */
const byText = new Intl.Collator().compare;

const REGISTERED = new Set(['regular', 'composition', 'sez', 'deemed-export', 'uin']);
/** A party the returns treat as registered (B2B, CDNR, the HSN summary's B2B table). */
export const isRegistered = (registration: GstDocument['registration']): boolean =>
  REGISTERED.has(registration);
/** A line's unit quantity code in the HSN summary: services (SAC 99…) have none ("NA"). */
export const hsnUqcOf = (line: Pick<GstLine, 'uqc'> & { hsn: string }): string =>
  line.uqc ?? (line.hsn.startsWith('99') ? 'NA' : 'OTH');
const TAX_TOLERANCE: Paise = 100; // the portal accepts tax within ₹1 of rate × taxable value

const zero = (rate: number): RateAmounts => ({ rate, taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 });
const addInto = (target: RateAmounts, line: RateAmounts, sign = 1): void => {
  target.taxable += sign * line.taxable;
  target.igst += sign * line.igst;
  target.cgst += sign * line.cgst;
  target.sgst += sign * line.sgst;
  target.cess += sign * line.cess;
};

/** The taxable lines of a document, one item per rate in rate order. */
function itemsByRate(lines: readonly GstLine[]): RateAmounts[] {
  const byRate = new Map<number, RateAmounts>();
  for (const line of lines) {
    if (line.taxability !== 'taxable') continue;
    const item = byRate.get(line.rate) ?? zero(line.rate);
    addInto(item, line);
    byRate.set(line.rate, item);
  }
  return [...byRate.values()].sort((a, b) => a.rate - b.rate);
}

/** "INV/25-26/0042" → series "INV/25-26/" + 42 (+ suffix); numbers without digits form their own series. */
function seriesOf(number: string): { key: string; serial: number | null } {
  const m = /^(.*?)(\d+)(\D*)$/.exec(number.trim());
  if (!m) return { key: number.trim(), serial: null };
  return { key: `${m[1]}\u0000${m[3]}`, serial: Number(m[2]) };
}

function documentsIssued(docs: readonly GstDocument[]): Gstr1DocSeries[] {
  type Numbered = { number: string; serial: number; cancelled: boolean };
  const groups = new Map<string, { nature: DocumentNature; voucherType: string; docs: Numbered[] }>();
  for (const doc of docs) {
    const nature: DocumentNature = doc.kind === 'invoice' ? 1 : doc.kind === 'debit-note' ? 4 : 5;
    const series = seriesOf(doc.number);
    const key = `${nature}\u0000${doc.voucherType}\u0000${series.key}`;
    const group = groups.get(key) ?? { nature, voucherType: doc.voucherType, docs: [] };
    // Each number's serial once, not in every comparison of the sort.
    group.docs.push({ number: doc.number, serial: series.serial ?? 0, cancelled: doc.cancelled });
    groups.set(key, group);
  }
  const out: Gstr1DocSeries[] = [];
  for (const group of groups.values()) {
    const sorted = group.docs.sort((a, b) => a.serial - b.serial || byText(a.number, b.number));
    out.push({
      nature: group.nature,
      voucherType: group.voucherType,
      from: sorted[0]!.number,
      to: sorted[sorted.length - 1]!.number,
      total: sorted.length,
      cancelled: sorted.filter((d) => d.cancelled).length,
    });
  }
  return out.sort(byDocSeries);
}

/** Problems Tally lists before filing; `excluded` ones keep the voucher out of the return. */
function problemsOf(company: GstCompany, doc: GstDocument): GstReturnException[] {
  const out: GstReturnException[] = [];
  const add = (problem: GstReturnProblem, message: string, excluded: boolean): void => {
    out.push({
      voucherGuid: doc.voucherGuid,
      number: doc.number,
      date: doc.date,
      partyName: doc.partyName,
      problem,
      message: `${doc.number} of ${doc.date} (${doc.partyName}): ${message}`,
      excluded,
    });
  };
  const abroad = doc.registration === 'overseas' || doc.placeOfSupply === FOREIGN_COUNTRY;
  if (doc.placeOfSupply === null && !abroad) add('no-place-of-supply', 'no place of supply', true);
  if (REGISTERED.has(doc.registration)) {
    if (!doc.partyGstin) add('no-gstin', 'the party is registered but has no GSTIN', true);
    else {
      const check = checkGstin(doc.partyGstin);
      if (!check.ok) add('bad-gstin', check.message, true);
    }
  }
  // Rule 46(b) of the CGST Rules: at most 16 characters, letters, digits, "-" and "/" only.
  if (!/^[A-Za-z0-9/-]{1,16}$/.test(doc.number))
    add('bad-document-number', 'the number must be 1–16 letters, digits, "-" or "/" for the portal', false);
  const taxable = doc.lines.filter((l) => l.taxability === 'taxable');
  if (doc.lines.some((l) => l.taxability !== 'non-gst' && !l.hsn))
    add('no-hsn', 'a line has no HSN/SAC', false);
  const implied = taxable.find((l) => l.rateImplied === true);
  if (implied)
    add(
      'no-rate',
      `a line has no GST rate in Tally; the rate its tax implies (${implied.rate / 100}%) is used`,
      false,
    );
  let expected = 0;
  let actual = 0;
  for (const line of taxable) {
    expected += Math.round((line.taxable * line.rate) / 10_000);
    actual += line.igst + line.cgst + line.sgst;
  }
  if (Math.abs(expected - actual) > TAX_TOLERANCE)
    add(
      'tax-not-rate-times-value',
      `tax ${actual / 100} is not rate × taxable value (${expected / 100})`,
      false,
    );
  if (doc.placeOfSupply !== null && !abroad) {
    const inter = doc.registration === 'sez' || doc.placeOfSupply !== company.stateCode;
    const wrong = taxable.some((l) => (inter ? l.cgst + l.sgst !== 0 : l.igst !== 0));
    if (wrong)
      add(
        'wrong-tax-head',
        inter ? 'inter-state supply taxed as CGST/SGST' : 'intra-state supply taxed as IGST',
        false,
      );
  }
  return out;
}

/** GSTR-1 for the documents of a period (the caller picks the period's vouchers, cancelled ones too). */
export function buildGstr1(
  company: GstCompany,
  period: { from: IsoDate; to: IsoDate },
  documents: readonly GstDocument[],
): Gstr1 {
  const result: Gstr1 = {
    company,
    ...period,
    b2b: [],
    b2cl: [],
    b2cs: [],
    exp: [],
    cdnr: [],
    cdnur: [],
    nil: [],
    hsnB2b: [],
    hsnB2c: [],
    documents: documentsIssued(documents),
    exceptions: [],
    counts: { included: 0, cancelled: 0, uncertain: 0 },
  };
  const b2cs = new Map<string, Gstr1B2cs>();
  const nil = new Map<NilSupplyType, Gstr1Nil>();
  const hsn = { b2b: new Map<string, Gstr1Hsn>(), b2c: new Map<string, Gstr1Hsn>() };

  for (const doc of documents) {
    if (doc.cancelled) {
      result.counts.cancelled++;
      continue;
    }
    const problems = problemsOf(company, doc);
    result.exceptions.push(...problems);
    if (problems.some((p) => p.excluded)) {
      result.counts.uncertain++;
      continue;
    }
    result.counts.included++;
    const abroad = doc.registration === 'overseas' || doc.placeOfSupply === FOREIGN_COUNTRY;
    const pos = abroad ? FOREIGN_COUNTRY : doc.placeOfSupply!;
    const inter = abroad || doc.registration === 'sez' || pos !== company.stateCode;
    const registered = REGISTERED.has(doc.registration);
    const checked = checkGstin(doc.partyGstin);
    // A registered party's GSTIN was checked above (an invalid one leaves the document out).
    const recipientGstin = checked.ok ? checked.gstin : '';
    const recipientName = doc.partyName;
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    const items = itemsByRate(doc.lines);
    const base: Gstr1Invoice = {
      voucherGuid: doc.voucherGuid,
      number: doc.number,
      date: doc.date,
      value: doc.value,
      placeOfSupply: pos,
      reverseCharge: doc.reverseCharge,
      items,
    };
    const igstCharged = items.some((i) => i.igst > 0);
    const invoiceType: Gstr1B2b['invoiceType'] =
      doc.registration === 'sez'
        ? igstCharged
          ? 'SEWP'
          : 'SEWOP'
        : doc.registration === 'deemed-export'
          ? 'DE'
          : 'R';

    if (items.length > 0) {
      if (doc.kind === 'invoice') {
        if (registered) result.b2b.push({ ...base, recipientGstin, recipientName, invoiceType });
        else if (abroad) result.exp.push({ ...base, exportType: igstCharged ? 'WPAY' : 'WOPAY' });
        else if (inter && doc.value > b2clLimit(doc.date)) result.b2cl.push(base);
        else addB2cs(b2cs, inter, pos, items, 1, doc.voucherGuid);
      } else {
        const noteType = doc.kind === 'credit-note' ? 'C' : 'D';
        if (registered) result.cdnr.push({ ...base, recipientGstin, recipientName, noteType, invoiceType });
        else if (abroad)
          result.cdnur.push({ ...base, noteType, unregisteredType: igstCharged ? 'EXPWP' : 'EXPWOP' });
        else if (inter && (doc.originalInvoiceValue ?? doc.value) > b2clLimit(doc.date))
          result.cdnur.push({ ...base, noteType, unregisteredType: 'B2CL' });
        else addB2cs(b2cs, inter, pos, items, sign, doc.voucherGuid);
      }
    }

    for (const line of doc.lines) {
      if (line.taxability !== 'taxable') {
        const type: NilSupplyType = `${inter ? 'INTR' : 'INTRA'}${registered ? 'B2B' : 'B2C'}`;
        const row = nil.get(type) ?? { supplyType: type, nilRated: 0, exempt: 0, nonGst: 0 };
        if (line.taxability === 'nil') row.nilRated += sign * line.taxable;
        else if (line.taxability === 'exempt') row.exempt += sign * line.taxable;
        else row.nonGst += sign * line.taxable;
        nil.set(type, row);
      }
      if (line.taxability === 'non-gst' || !line.hsn) continue;
      const table = registered ? hsn.b2b : hsn.b2c;
      const uqc = hsnUqcOf({ uqc: line.uqc, hsn: line.hsn });
      const key = `${line.hsn}\u0000${uqc}\u0000${line.rate}`;
      const row = table.get(key) ?? {
        ...zero(line.rate),
        hsn: line.hsn,
        description: line.description,
        uqc,
        quantityMilli: 0,
        voucherGuids: [],
      };
      addInto(row, line, sign);
      if (row.voucherGuids.at(-1) !== doc.voucherGuid) row.voucherGuids.push(doc.voucherGuid);
      row.quantityMilli += sign * (uqc === 'NA' ? 0 : line.quantityMilli);
      table.set(key, row);
    }
  }

  result.b2cs = [...b2cs.values()].sort(byB2cs);
  result.nil = NIL_ORDER.map(
    (type) => nil.get(type) ?? { supplyType: type, nilRated: 0, exempt: 0, nonGst: 0 },
  );
  result.hsnB2b = [...hsn.b2b.values()].sort(byHsn);
  result.hsnB2c = [...hsn.b2c.values()].sort(byHsn);
  for (const list of [result.b2b, result.b2cl, result.exp, result.cdnr, result.cdnur] as Gstr1Invoice[][])
    list.sort(byDate);
  return result;
}

const byB2cs = (a: Gstr1B2cs, b: Gstr1B2cs): number =>
  a.supplyType.localeCompare(b.supplyType) ||
  a.placeOfSupply.localeCompare(b.placeOfSupply) ||
  a.rate - b.rate;
const NIL_ORDER: NilSupplyType[] = ['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C'];
const byHsn = (a: Gstr1Hsn, b: Gstr1Hsn): number =>
  a.hsn.localeCompare(b.hsn) || a.rate - b.rate || a.uqc.localeCompare(b.uqc);
// ISO dates compare as plain strings; numbers by one collator (localeCompare builds one per call).
const byDate = <T extends Gstr1Invoice>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : byText(a.number, b.number);
const byDocSeries = (a: Gstr1DocSeries, b: Gstr1DocSeries): number =>
  a.nature - b.nature || a.voucherType.localeCompare(b.voucherType) || a.from.localeCompare(b.from);

/** Adds `row`'s amounts (and quantity) into the row of the same key in `into`, or adds a copy of it. */
function sumInto<T extends RateAmounts>(
  into: Map<string, T>,
  key: string,
  row: T,
  more?: (target: T, row: T) => void,
): void {
  const target = into.get(key);
  if (!target) {
    into.set(key, { ...row });
    return;
  }
  addInto(target, row);
  more?.(target, row);
}

/**
 * Several months' GSTR-1 (in date order) as one period's, a quarter's: what buildGstr1 gives for the
 * period's documents at once. Invoices and notes are listed together, B2CS, nil, HSN rows summed by their
 * key, each series of documents issued from its lowest number to its highest. The B2CS and HSN rows carry no
 * voucher lists (the screens page through those with gst.vouchers).
 */
export function combineGstr1(
  months: readonly Gstr1[],
  company: GstCompany,
  period: { from: IsoDate; to: IsoDate },
): Gstr1 {
  const b2cs = new Map<string, Gstr1B2cs>();
  const nil = new Map<NilSupplyType, Gstr1Nil>();
  const hsn = { b2b: new Map<string, Gstr1Hsn>(), b2c: new Map<string, Gstr1Hsn>() };
  const series = new Map<string, Gstr1DocSeries & { first: number; last: number }>();
  const counts = { included: 0, cancelled: 0, uncertain: 0 };
  const hsnKey = (r: Gstr1Hsn) => `${r.hsn}\u0000${r.uqc}\u0000${r.rate}`;
  const addQuantity = (t: Gstr1Hsn, r: Gstr1Hsn) => {
    t.quantityMilli += r.quantityMilli;
  };
  for (const m of months) {
    for (const r of m.b2cs)
      sumInto(b2cs, `${r.supplyType}\u0000${r.placeOfSupply}\u0000${r.rate}`, { ...r, voucherGuids: [] });
    for (const r of m.nil) {
      const t = nil.get(r.supplyType) ?? { supplyType: r.supplyType, nilRated: 0, exempt: 0, nonGst: 0 };
      t.nilRated += r.nilRated;
      t.exempt += r.exempt;
      t.nonGst += r.nonGst;
      nil.set(r.supplyType, t);
    }
    for (const r of m.hsnB2b) sumInto(hsn.b2b, hsnKey(r), { ...r, voucherGuids: [] }, addQuantity);
    for (const r of m.hsnB2c) sumInto(hsn.b2c, hsnKey(r), { ...r, voucherGuids: [] }, addQuantity);
    for (const d of m.documents) {
      const from = seriesOf(d.from);
      const to = seriesOf(d.to);
      const key = `${d.nature}\u0000${d.voucherType}\u0000${from.key}`;
      const t = series.get(key);
      const first = from.serial ?? 0;
      const last = to.serial ?? 0;
      if (!t) {
        series.set(key, { ...d, first, last });
        continue;
      }
      if (first < t.first || (first === t.first && byText(d.from, t.from) < 0)) {
        t.from = d.from;
        t.first = first;
      }
      if (last > t.last || (last === t.last && byText(d.to, t.to) > 0)) {
        t.to = d.to;
        t.last = last;
      }
      t.total += d.total;
      t.cancelled += d.cancelled;
    }
    counts.included += m.counts.included;
    counts.cancelled += m.counts.cancelled;
    counts.uncertain += m.counts.uncertain;
  }
  const listed = <T extends Gstr1Invoice>(pick: (m: Gstr1) => T[]): T[] => months.flatMap(pick).sort(byDate);
  return {
    company,
    ...period,
    b2b: listed((m) => m.b2b),
    b2cl: listed((m) => m.b2cl),
    b2cs: [...b2cs.values()].sort(byB2cs),
    exp: listed((m) => m.exp),
    cdnr: listed((m) => m.cdnr),
    cdnur: listed((m) => m.cdnur),
    nil: NIL_ORDER.map((type) => nil.get(type) ?? { supplyType: type, nilRated: 0, exempt: 0, nonGst: 0 }),
    hsnB2b: [...hsn.b2b.values()].sort(byHsn),
    hsnB2c: [...hsn.b2c.values()].sort(byHsn),
    documents: [...series.values()].map(({ first: _f, last: _l, ...d }) => d).sort(byDocSeries),
    exceptions: months.flatMap((m) => m.exceptions),
    counts,
  };
}

function addB2cs(
  rows: Map<string, Gstr1B2cs>,
  inter: boolean,
  pos: string,
  items: readonly RateAmounts[],
  sign: number,
  voucherGuid: string,
): void {
  const supplyType: SupplyType = inter ? 'INTER' : 'INTRA';
  for (const item of items) {
    const key = `${supplyType}\u0000${pos}\u0000${item.rate}`;
    const row = rows.get(key) ?? { ...zero(item.rate), supplyType, placeOfSupply: pos, voucherGuids: [] };
    addInto(row, item, sign);
    row.voucherGuids.push(voucherGuid);
    rows.set(key, row);
  }
}
