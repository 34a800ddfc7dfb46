import { z } from 'zod';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { parseRupees, type Paise } from '../../../shared/money';
import { checkGstin } from './gstin';
import type { TaxedValue } from './model';

/**
 * GSTR-2B as the GST portal hands it out (the JSON downloaded from Returns › GSTR-2B): `data.gstin`,
 * `data.rtnprd` (MMYYYY), `data.docdata.b2b[].inv[]` and `cdnr[].nt[]` with their `items[]` (rt, txval,
 * igst, cgst, sgst, cess in rupees), amendments in `b2ba` / `cdnra`. Other sections (ISD, imports) are read
 * for their totals only. Field names from GSTN's published sample; see docs/TALLY.md § GST.
 */
const amount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return parseRupees(String(v));
  } catch {
    ctx.addIssue({ code: 'custom', message: `not an amount: ${String(v)}` });
    return z.NEVER;
  }
});
const portalDate = z
  .string()
  .regex(/^\d{2}-\d{2}-\d{4}$/, 'a date as DD-MM-YYYY')
  .transform((d): IsoDate => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`);
const items = z
  .array(
    z.looseObject({
      rt: z.number().optional(),
      txval: amount.optional(),
      igst: amount.optional(),
      cgst: amount.optional(),
      sgst: amount.optional(),
      cess: amount.optional(),
    }),
  )
  .default([]);
const common = {
  dt: portalDate,
  val: amount,
  pos: z.string().optional(),
  rev: z.enum(['Y', 'N']).optional(),
  itcavl: z.enum(['Y', 'N', 'T']).optional(),
  rsn: z.string().optional(),
  items,
};
/** The fields read from a 2B invoice or note (the portal sends more). */
interface PortalDocument {
  dt: IsoDate;
  val: Paise;
  pos?: string | undefined;
  rev?: 'Y' | 'N' | undefined;
  itcavl?: 'Y' | 'N' | 'T' | undefined;
  items: {
    txval?: Paise | undefined;
    igst?: Paise | undefined;
    cgst?: Paise | undefined;
    sgst?: Paise | undefined;
    cess?: Paise | undefined;
  }[];
}
const supplier = { ctin: z.string(), trdnm: z.string().optional() };
const invoices = z.array(
  z.looseObject({ ...supplier, inv: z.array(z.looseObject({ inum: z.string(), ...common })) }),
);
const notes = z.array(
  z.looseObject({
    ...supplier,
    nt: z.array(z.looseObject({ ntnum: z.string(), typ: z.enum(['C', 'D']), ...common })),
  }),
);
const gstr2bSchema = z.looseObject({
  data: z.looseObject({
    gstin: z.string(),
    rtnprd: z.string().regex(/^(0[1-9]|1[0-2])\d{4}$/, 'a return period as MMYYYY'),
    docdata: z.looseObject({
      b2b: invoices.optional(),
      b2ba: invoices.optional(),
      cdnr: notes.optional(),
      cdnra: notes.optional(),
    }),
  }),
});

export type InwardKind = 'invoice' | 'credit-note' | 'debit-note';

/** One supplier document, from GSTR-2B or from the books. */
export interface InwardDocument extends TaxedValue {
  /** The books' voucher (null for a 2B entry). */
  voucherGuid: string | null;
  kind: InwardKind;
  supplierGstin: string;
  supplierName: string;
  /** The supplier's own invoice or note number (Tally: Supplier Invoice No.). */
  number: string;
  date: IsoDate;
  value: Paise;
  placeOfSupply: string | null;
  reverseCharge: boolean;
  /** 2B only: input tax credit available (itcavl N or T: not, or temporarily not). */
  itcAvailable?: boolean;
  amended?: boolean;
}

export interface Gstr2b {
  gstin: string;
  /** "2026-04" */
  month: string;
  documents: InwardDocument[];
}

const sum = (list: readonly TaxedValue[]): TaxedValue =>
  list.reduce<TaxedValue>(
    (t, a) => ({
      taxable: t.taxable + a.taxable,
      igst: t.igst + a.igst,
      cgst: t.cgst + a.cgst,
      sgst: t.sgst + a.sgst,
      cess: t.cess + a.cess,
    }),
    { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 },
  );

/**
 * Reads a GSTR-2B file for a company's GSTIN and month; anything else is a VALIDATION error that says what
 * the file is (not a 2B JSON, another GSTIN, another month) and changes nothing.
 */
export function parseGstr2b(json: unknown, expect: { gstin: string; month: string }): Gstr2b {
  const parsed = gstr2bSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION',
      `This is not a GSTR-2B file downloaded from the GST portal (${first ? `${first.path.join('.') || 'file'}: ${first.message}` : 'unreadable'})`,
      { field: 'file' },
    );
  }
  const { data } = parsed.data;
  const gstin = data.gstin.toUpperCase();
  if (gstin !== expect.gstin.toUpperCase())
    throw new AppError(
      'VALIDATION',
      `This GSTR-2B is for GSTIN ${gstin}, not the company's ${expect.gstin}`,
      {
        field: 'file',
      },
    );
  const month = `${data.rtnprd.slice(2)}-${data.rtnprd.slice(0, 2)}`;
  if (month !== expect.month)
    throw new AppError(
      'VALIDATION',
      `This GSTR-2B is for ${data.rtnprd.slice(0, 2)}-${data.rtnprd.slice(2)}, not ${expect.month.slice(5)}-${expect.month.slice(0, 4)}`,
      {
        field: 'file',
      },
    );
  const documents: InwardDocument[] = [];
  const push = (
    s: { ctin: string; trdnm?: string | undefined },
    d: PortalDocument,
    number: string,
    kind: InwardKind,
    amended: boolean,
  ): void => {
    const totals = sum(
      d.items.map((i) => ({
        taxable: i.txval ?? 0,
        igst: i.igst ?? 0,
        cgst: i.cgst ?? 0,
        sgst: i.sgst ?? 0,
        cess: i.cess ?? 0,
      })),
    );
    documents.push({
      voucherGuid: null,
      kind,
      supplierGstin: s.ctin.toUpperCase(),
      supplierName: s.trdnm ?? '',
      number,
      date: d.dt,
      value: d.val,
      placeOfSupply: d.pos ?? null,
      reverseCharge: d.rev === 'Y',
      itcAvailable: d.itcavl !== 'N' && d.itcavl !== 'T',
      amended,
      ...totals,
    });
  };
  for (const [list, amended] of [
    [data.docdata.b2b, false],
    [data.docdata.b2ba, true],
  ] as const)
    for (const s of list ?? []) for (const inv of s.inv) push(s, inv, inv.inum, 'invoice', amended);
  for (const [list, amended] of [
    [data.docdata.cdnr, false],
    [data.docdata.cdnra, true],
  ] as const)
    for (const s of list ?? [])
      for (const nt of s.nt) push(s, nt, nt.ntnum, nt.typ === 'C' ? 'credit-note' : 'debit-note', amended);
  return { gstin, month, documents };
}

/** "INV/0042", "inv-42 " and "INV 42" are one number: case, spaces, "/" and "-" and leading zeros aside. */
export function normaliseDocumentNumber(number: string): string {
  return number
    .toUpperCase()
    .replace(/(^|\D)0+(?=\d)/g, '$1')
    .replace(/[\s/-]+/g, '');
}

export type Gstr2bBucket = 'matched' | 'mismatched' | 'only-in-2b' | 'only-in-books';
export type Gstr2bField =
  'date' | 'taxable' | 'igst' | 'cgst' | 'sgst' | 'cess' | 'placeOfSupply' | 'reverseCharge';

export interface Gstr2bPair {
  bucket: Gstr2bBucket;
  portal: InwardDocument | null;
  books: InwardDocument | null;
  /** For a mismatch: the fields that differ. */
  differences: Gstr2bField[];
}

export interface Gstr2bReconciliation {
  gstin: string;
  month: string;
  pairs: Gstr2bPair[];
  totals: Record<Gstr2bBucket, { portal: TaxedValue; books: TaxedValue; count: number }>;
  /** The 2B file's totals and the books' (purchase register's) for the month: each equals its buckets' sum. */
  portalTotal: TaxedValue;
  booksTotal: TaxedValue;
}

const TOLERANCE: Paise = 100; // amounts within ₹1 match, as reconciliation practice and the portal allow
const AMOUNT_FIELDS = ['taxable', 'igst', 'cgst', 'sgst', 'cess'] as const;

function differencesOf(portal: InwardDocument, books: InwardDocument): Gstr2bField[] {
  const out: Gstr2bField[] = [];
  if (portal.date !== books.date) out.push('date');
  for (const field of AMOUNT_FIELDS) if (Math.abs(portal[field] - books[field]) > TOLERANCE) out.push(field);
  if (portal.placeOfSupply && books.placeOfSupply && portal.placeOfSupply !== books.placeOfSupply)
    out.push('placeOfSupply');
  if (portal.reverseCharge !== books.reverseCharge) out.push('reverseCharge');
  return out;
}

const noteClass = (kind: InwardKind): string => (kind === 'invoice' ? 'inv' : kind);

/**
 * Matches the 2B's documents with the books' purchases and notes of the month on supplier GSTIN + kind +
 * normalised number: a pair with every field equal (amounts within ₹1) is matched, otherwise mismatched
 * with the fields that differ; the rest are only in 2B or only in the books. `earlier` are the books'
 * documents before the month (a supplier's late upload matches a purchase already booked): they pair but
 * are never listed as only in the books.
 */
export function reconcileGstr2b(
  gstr2b: Gstr2b,
  books: readonly InwardDocument[],
  earlier: readonly InwardDocument[] = [],
): Gstr2bReconciliation {
  const keyOf = (d: InwardDocument) => {
    const gstin = checkGstin(d.supplierGstin);
    return `${gstin.ok ? gstin.gstin : d.supplierGstin.toUpperCase()}\u0000${noteClass(d.kind)}\u0000${normaliseDocumentNumber(d.number)}`;
  };
  const waiting = new Map<string, { doc: InwardDocument; listed: boolean }[]>();
  for (const [list, listed] of [
    [books, true],
    [earlier, false],
  ] as const)
    for (const doc of list) waiting.set(keyOf(doc), [...(waiting.get(keyOf(doc)) ?? []), { doc, listed }]);

  const pairs: Gstr2bPair[] = [];
  for (const portal of gstr2b.documents) {
    const candidates = waiting.get(keyOf(portal)) ?? [];
    if (candidates.length === 0) {
      pairs.push({ bucket: 'only-in-2b', portal, books: null, differences: [] });
      continue;
    }
    // Of several books documents with the same number, the one that differs least.
    candidates.sort((a, b) => differencesOf(portal, a.doc).length - differencesOf(portal, b.doc).length);
    const { doc } = candidates.shift()!;
    const differences = differencesOf(portal, doc);
    pairs.push({
      bucket: differences.length === 0 ? 'matched' : 'mismatched',
      portal,
      books: doc,
      differences,
    });
  }
  for (const left of waiting.values())
    for (const { doc, listed } of left)
      if (listed) pairs.push({ bucket: 'only-in-books', portal: null, books: doc, differences: [] });

  const buckets: Gstr2bBucket[] = ['matched', 'mismatched', 'only-in-2b', 'only-in-books'];
  const signed = (d: InwardDocument): TaxedValue => {
    const s = d.kind === 'credit-note' ? -1 : 1;
    return { taxable: s * d.taxable, igst: s * d.igst, cgst: s * d.cgst, sgst: s * d.sgst, cess: s * d.cess };
  };
  const totals = Object.fromEntries(
    buckets.map((bucket) => {
      const inBucket = pairs.filter((p) => p.bucket === bucket);
      return [
        bucket,
        {
          portal: sum(inBucket.flatMap((p) => (p.portal ? [signed(p.portal)] : []))),
          books: sum(inBucket.flatMap((p) => (p.books ? [signed(p.books)] : []))),
          count: inBucket.length,
        },
      ];
    }),
  ) as Gstr2bReconciliation['totals'];
  return {
    gstin: gstr2b.gstin,
    month: gstr2b.month,
    pairs,
    totals,
    portalTotal: sum(gstr2b.documents.map(signed)),
    booksTotal: sum(books.map(signed)),
  };
}
