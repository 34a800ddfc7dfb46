import { buildGstin } from '../../../electron/core/demo/gstin';
import { buildGstr1 } from '../../../electron/core/gst/gstr1';
import { gstr1Json } from '../../../electron/core/gst/gstr1-json';
import { buildGstr3b, gstr3bJson, type InwardSupply } from '../../../electron/core/gst/gstr3b';
import type { GstDocument, GstLine } from '../../../electron/core/gst/model';
import { gstr1View, gstr3bView, publicGstr1View, publicGstr3bView } from '../../../electron/core/gst/views';
import type { InputOf } from '../../../shared/contract';
import type {
  GstFigureRef,
  Gstr1Answer,
  Gstr1JsonAnswer,
  Gstr2bRecoAnswer,
  Gstr3bAnswer,
  GstVoucherRef,
  GstVouchersAnswer,
} from '../../../shared/types/gst';

/**
 * The answers of the GST operations for the screens' tests, made by the core's own pure builders from a
 * few hand-made vouchers of August 2024 (so the figures agree with each other as the app's would).
 */
export const GSTIN = buildGstin('27', 'AAPFU0939F');
const buyer = buildGstin('27', 'BBBPB1234C');
export const SUPPLIER = buildGstin('27', 'CCCPC5678D');
const company = { gstin: GSTIN, stateCode: '27' };
const period = { from: '2024-08-01', to: '2024-08-31' };

const line = (rate: number, taxable: number, inter: boolean, extra: Partial<GstLine> = {}): GstLine => {
  const tax = Math.round((taxable * rate) / 10_000);
  return {
    hsn: '9403',
    description: 'Steel almirah',
    uqc: 'NOS',
    quantityMilli: 2_000,
    taxability: 'taxable',
    rate,
    taxable,
    igst: inter ? tax : 0,
    cgst: inter ? 0 : tax / 2,
    sgst: inter ? 0 : tax / 2,
    cess: 0,
    ...extra,
  };
};

const base = (
  guid: string,
  number: string,
  lines: GstLine[],
  extra: Partial<GstDocument> = {},
): GstDocument => ({
  voucherGuid: guid,
  kind: 'invoice',
  voucherType: 'Sales',
  number,
  date: '2024-08-05',
  cancelled: false,
  partyName: 'Walk-in customer',
  partyGstin: null,
  registration: 'consumer',
  placeOfSupply: '27',
  reverseCharge: false,
  value: lines.reduce((s, l) => s + l.taxable + l.igst + l.cgst + l.sgst, 0),
  originalInvoiceValue: null,
  lines,
  ...extra,
});

const outward: GstDocument[] = [
  base('v-s1', 'S/1', [line(1800, 20_000_00, false)], {
    partyName: 'Kulkarni Stores',
    partyGstin: buyer,
    registration: 'regular',
  }),
  base('v-s2', 'S/2', [line(1800, 5_000_00, false)], { date: '2024-08-08' }),
  // No place of supply and a registered party without GSTIN: left out as uncertain.
  base('v-s3', 'S/3', [line(1800, 1_000_00, true)], {
    date: '2024-08-09',
    partyName: 'Patil Traders',
    registration: 'regular',
    placeOfSupply: '29',
  }),
];
const inward: InwardSupply[] = [
  {
    voucherGuid: 'v-p1',
    kind: 'invoice',
    date: '2024-08-12',
    interState: false,
    reverseCharge: false,
    itcKind: 'other',
    itcEligible: true,
    taxable: 10_000_00,
    igst: 0,
    cgst: 900_00,
    sgst: 900_00,
    cess: 0,
    exemptOrNil: 0,
    nonGst: 0,
    fromComposition: false,
  },
];

const gstr1 = buildGstr1(company, period, outward);
const gstr3b = buildGstr3b(gstr1, inward);

/** The views with the vouchers behind every figure: what the fake `gst.vouchers` pages through. */
const gstr1Full = gstr1View(gstr1, outward);
const gstr3bFull = gstr3bView(
  gstr1,
  gstr3b,
  outward,
  inward,
  new Map([
    [
      'v-p1',
      {
        voucherType: 'Purchase',
        number: 'P/1',
        partyName: 'Deccan Suppliers',
        partyGstin: SUPPLIER,
        placeOfSupply: '27',
        value: 11_800_00,
      },
    ],
  ]),
);

export const gstr1Answer: Gstr1Answer = {
  gstin: GSTIN,
  month: '2024-08',
  exceptions: gstr1.exceptions,
  counts: gstr1.counts,
  view: publicGstr1View(gstr1Full),
};

/** The GSTR-1 portal JSON the download asks for (gst.gstr1Json). */
export const gstr1JsonAnswer: Gstr1JsonAnswer = {
  gstin: GSTIN,
  month: '2024-08',
  json: gstr1Json(gstr1),
  exceptions: gstr1.exceptions,
};

export const gstr3bAnswer: Gstr3bAnswer = {
  gstin: GSTIN,
  month: '2024-08',
  json: gstr3bJson(gstr3b),
  view: publicGstr3bView(gstr3bFull),
  taxLedgers: {
    ledgers: { igst: 180_00, cgst: 900_00, sgst: 900_00, cess: 0 },
    returns: { igst: 0, cgst: 900_00, sgst: 900_00, cess: 0 },
    difference: { igst: 180_00, cgst: 0, sgst: 0, cess: 0 },
    vouchers: [
      {
        voucherGuid: 'v-s3',
        voucherType: 'Sales',
        number: 'S/3',
        date: '2024-08-09',
        partyName: 'Patil Traders',
        ledgers: { igst: 180_00, cgst: 0, sgst: 0, cess: 0 },
        returns: { igst: 0, cgst: 0, sgst: 0, cess: 0 },
        difference: { igst: 180_00, cgst: 0, sgst: 0, cess: 0 },
      },
    ],
  },
};

const doc = (voucherGuid: string | null, number: string, taxable: number) => ({
  voucherGuid,
  kind: 'invoice' as const,
  supplierGstin: SUPPLIER,
  supplierName: 'Deccan Suppliers',
  number,
  date: '2024-08-10',
  value: taxable * 1.18,
  placeOfSupply: '27',
  reverseCharge: false,
  taxable,
  igst: 0,
  cgst: taxable * 0.09,
  sgst: taxable * 0.09,
  cess: 0,
});

const zero = { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };
export const recoAnswer: Gstr2bRecoAnswer = {
  gstin: GSTIN,
  month: '2024-08',
  rows: [
    {
      bucket: 'matched',
      portal: doc(null, 'DS/1', 10_000_00),
      books: doc('v-p1', 'DS/1', 10_000_00),
      differences: [],
    },
    {
      bucket: 'mismatched',
      portal: doc(null, 'DS/2', 5_000_00),
      books: doc('v-p2', 'DS-2', 4_000_00),
      differences: ['taxable', 'cgst', 'sgst'],
    },
    { bucket: 'only-in-2b', portal: doc(null, 'DS/3', 2_000_00), books: null, differences: [] },
  ],
  totals: {
    matched: {
      count: 1,
      portal: { ...zero, taxable: 10_000_00, cgst: 900_00, sgst: 900_00 },
      books: { ...zero, taxable: 10_000_00, cgst: 900_00, sgst: 900_00 },
    },
    mismatched: {
      count: 1,
      portal: { ...zero, taxable: 5_000_00, cgst: 450_00, sgst: 450_00 },
      books: { ...zero, taxable: 4_000_00, cgst: 360_00, sgst: 360_00 },
    },
    'only-in-2b': {
      count: 1,
      portal: { ...zero, taxable: 2_000_00, cgst: 180_00, sgst: 180_00 },
      books: zero,
    },
    'only-in-books': { count: 0, portal: zero, books: zero },
  },
  portalTotal: { ...zero, taxable: 17_000_00, cgst: 1_530_00, sgst: 1_530_00 },
  booksTotal: { ...zero, taxable: 14_000_00, cgst: 1_260_00, sgst: 1_260_00 },
};

/**
 * The vouchers behind a figure of the answers above, as `gst.vouchers` lists them: an HSN row's vouchers
 * each with its part of the row (its lines of that HSN, UQC and rate), from the hand-made vouchers.
 */
export function figureVouchers(of: GstFigureRef): GstVoucherRef[] {
  switch (of.return) {
    case 'gstr1':
      return gstr1Full.sections.find((s) => s.section === of.section)?.vouchers ?? [];
    case 'gstr3b':
      return gstr3bFull.figures.find((f) => f.id === of.figure)?.vouchers ?? [];
    case 'gstr3b-state':
      return gstr3bFull.interState.find((r) => r.placeOfSupply === of.placeOfSupply)?.vouchers ?? [];
    case 'gstr1-hsn': {
      const row = gstr1Full.hsn.find(
        (h) => h.table === of.table && h.hsn === of.hsn && h.uqc === of.uqc && h.rate === of.rate,
      );
      const refs = new Map(gstr1Full.sections.flatMap((s) => s.vouchers).map((v) => [v.voucherGuid, v]));
      return (row?.voucherGuids ?? []).map((guid) => {
        const lines = outward
          .find((d) => d.voucherGuid === guid)!
          .lines.filter((l) => l.hsn === of.hsn && l.uqc === of.uqc && l.rate === of.rate);
        const add = (head: 'taxable' | 'igst' | 'cgst' | 'sgst' | 'cess') =>
          lines.reduce((s, l) => s + l[head], 0);
        return {
          ...refs.get(guid)!,
          taxable: add('taxable'),
          igst: add('igst'),
          cgst: add('cgst'),
          sgst: add('sgst'),
          cess: add('cess'),
        };
      });
    }
  }
}

/** A page of `gst.vouchers` over some vouchers, with their whole sum, as the core answers it. */
export function vouchersPage(
  input: InputOf<'gst.vouchers'>,
  all: readonly GstVoucherRef[],
): GstVouchersAnswer {
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 500;
  const sum = { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };
  for (const v of all) for (const head of Object.keys(sum) as (keyof typeof sum)[]) sum[head] += v[head];
  return {
    month: input.month,
    of: input.of,
    total: all.length,
    offset,
    rows: all.slice(offset, offset + limit),
    sum,
  };
}

/** The fake bridge's `gst.vouchers`: the answers' own figures, page by page. */
export const vouchersHandler = (input: InputOf<'gst.vouchers'>): GstVouchersAnswer =>
  vouchersPage(input, figureVouchers(input.of));

/**
 * `n` sales invoices of ₹100 taxable with ₹9 CGST and SGST each (a figure too large for one page), or with
 * odd amounts (`odd`), so that a lost or doubled page shows in the sums.
 */
export const manyVoucherRefs = (n: number, odd = false): GstVoucherRef[] =>
  Array.from({ length: n }, (_, i) => {
    const k = odd ? i : 0;
    return {
      voucherGuid: `v-${i + 1}`,
      voucherType: 'Sales',
      number: `M/${i + 1}`,
      date: '2024-08-20',
      partyName: `Party ${i + 1}`,
      partyGstin: null,
      placeOfSupply: '27',
      kind: 'invoice' as const,
      value: 118_00 + k,
      taxable: 100_00 + k,
      igst: 0,
      cgst: 9_00 + (k % 7),
      sgst: 9_00 + (k % 7),
      cess: k % 3,
    };
  });
