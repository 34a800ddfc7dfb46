import { buildGstin } from '../../../electron/core/demo/gstin';
import {
  normaliseDocumentNumber,
  parseGstr2b,
  reconcileGstr2b,
  type InwardDocument,
} from '../../../electron/core/gst/gstr2b';

const company = buildGstin('27', 'AAPFU0939F');
const supplierA = buildGstin('27', 'SSSPS1111A');
const supplierB = buildGstin('24', 'TTTPT2222B');

/** A 2B file as the portal sends it (field names from GSTN's sample), amounts in rupees. */
function file(docdata: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    chksum: 'x',
    data: { gstin: company, rtnprd: '072026', version: '1.0', gendt: '14-08-2026', docdata, ...overrides },
  };
}
const inv = (
  inum: string,
  dt: string,
  txval: number,
  tax: { igst?: number; cgst?: number; sgst?: number },
  extra = {},
) => ({
  inum,
  typ: 'R',
  dt,
  val: txval + (tax.igst ?? 0) + (tax.cgst ?? 0) + (tax.sgst ?? 0),
  pos: '27',
  rev: 'N',
  itcavl: 'Y',
  rsn: '',
  items: [{ num: 1, rt: 18, txval, igst: tax.igst ?? 0, cgst: tax.cgst ?? 0, sgst: tax.sgst ?? 0, cess: 0 }],
  ...extra,
});

const portalJson = file({
  b2b: [
    {
      ctin: supplierA,
      trdnm: 'Shree Yarns',
      supfildt: '11-08-2026',
      supprd: '072026',
      inv: [
        inv('SY/0042', '05-07-2026', 10_000, { cgst: 900, sgst: 900 }), // matches "sy-42"
        inv('SY/0043', '06-07-2026', 20_000, { cgst: 1_800, sgst: 1_800 }), // books say ₹19,000
        inv('SY/0044', '07-07-2026', 5_000, { cgst: 450, sgst: 450 }), // not in the books
        inv('SY/0039', '28-06-2026', 1_000, { cgst: 90, sgst: 90 }), // booked in June
      ],
    },
  ],
  cdnr: [
    {
      ctin: supplierB,
      trdnm: 'Gujarat Dyes',
      nt: [
        {
          ntnum: 'CN 7',
          typ: 'C',
          suptyp: 'R',
          dt: '10-07-2026',
          val: 1_180,
          pos: '27',
          rev: 'N',
          itcavl: 'Y',
          items: [{ num: 1, rt: 18, txval: 1_000, igst: 180, cgst: 0, sgst: 0, cess: 0 }],
        },
      ],
    },
  ],
});

const book = (
  d: Partial<InwardDocument> & Pick<InwardDocument, 'number' | 'date' | 'taxable'>,
): InwardDocument => ({
  voucherGuid: `p-${d.number}`,
  kind: 'invoice',
  supplierGstin: supplierA,
  supplierName: 'Shree Yarns',
  value: 0,
  placeOfSupply: '27',
  reverseCharge: false,
  igst: 0,
  cgst: Math.round((d.taxable * 900) / 10_000),
  sgst: Math.round((d.taxable * 900) / 10_000),
  cess: 0,
  ...d,
});

const books: InwardDocument[] = [
  book({ number: 'sy-42', date: '2026-07-05', taxable: 10_000_00, cgst: 900_40 }), // 40 paise apart: matched
  book({ number: 'SY/43', date: '2026-07-06', taxable: 19_000_00 }),
  book({ number: 'SY/0050', date: '2026-07-20', taxable: 2_000_00 }), // supplier has not filed it
  book({
    kind: 'credit-note',
    number: 'CN-007',
    date: '2026-07-10',
    supplierGstin: supplierB,
    supplierName: 'Gujarat Dyes',
    taxable: 1_000_00,
    igst: 180_00,
    cgst: 0,
    sgst: 0,
  }),
];
const june = [book({ number: 'SY/39', date: '2026-06-28', taxable: 1_000_00 })];

describe('GSTR-2B reconciliation', () => {
  const gstr2b = parseGstr2b(portalJson, { gstin: company, month: '2026-07' });
  const reco = reconcileGstr2b(gstr2b, books, june);
  const bucketOf = (number: string) =>
    reco.pairs.find((p) => p.portal?.number === number || p.books?.number === number)!;

  it('normalises document numbers: case, spaces, "/" and "-" and leading zeros', () => {
    expect(normaliseDocumentNumber('SY/0042')).toBe('SY42');
    expect(normaliseDocumentNumber(' sy-42 ')).toBe('SY42');
    expect(normaliseDocumentNumber('CN 7')).toBe(normaliseDocumentNumber('CN-007'));
    expect(normaliseDocumentNumber('2026/0100')).toBe('2026100');
  });

  it('reads the portal file in paise', () => {
    expect(gstr2b.documents).toHaveLength(5);
    expect(gstr2b.documents[0]).toMatchObject({
      supplierGstin: supplierA,
      number: 'SY/0042',
      date: '2026-07-05',
      taxable: 10_000_00,
      cgst: 900_00,
      value: 11_800_00,
    });
    expect(gstr2b.documents[4]).toMatchObject({ kind: 'credit-note', number: 'CN 7', igst: 180_00 });
  });

  it('puts each document in its bucket with the fields that differ', () => {
    expect(bucketOf('SY/0042')).toMatchObject({ bucket: 'matched', differences: [] });
    expect(bucketOf('SY/0043')).toMatchObject({
      bucket: 'mismatched',
      differences: ['taxable', 'cgst', 'sgst'],
    });
    expect(bucketOf('SY/0044')).toMatchObject({ bucket: 'only-in-2b', books: null });
    expect(bucketOf('SY/0050')).toMatchObject({ bucket: 'only-in-books', portal: null });
    expect(bucketOf('CN 7')).toMatchObject({ bucket: 'matched' });
    // A June purchase the supplier uploaded late pairs with its booking and is not "only in books".
    expect(bucketOf('SY/0039')).toMatchObject({ bucket: 'matched' });
    expect(reco.pairs.filter((p) => p.bucket === 'only-in-books')).toHaveLength(1);
  });

  it("adds up: the buckets' totals are the 2B file's and the purchase register's", () => {
    const add = (side: 'portal' | 'books', field: 'taxable' | 'cgst' | 'igst') =>
      Object.values(reco.totals).reduce((s, t) => s + t[side][field], 0);
    for (const field of ['taxable', 'cgst', 'igst'] as const) {
      expect(add('portal', field)).toBe(reco.portalTotal[field]);
    }
    // The books side of the buckets holds the month's purchases plus the June one matched late.
    expect(add('books', 'taxable')).toBe(reco.booksTotal.taxable + 1_000_00);
    // 2B: 10,000 + 20,000 + 5,000 + 1,000 − 1,000 (credit note).
    expect(reco.portalTotal.taxable).toBe(35_000_00);
    expect(reco.totals['only-in-2b']).toMatchObject({ count: 1, portal: { taxable: 5_000_00 } });
  });

  it.each([
    ['a file that is not a 2B', { hello: 'world' }, /not a GSTR-2B file/],
    ['another GSTIN', file({}, { gstin: supplierA }), new RegExp(`for GSTIN ${supplierA}`)],
    ['another month', file({}, { rtnprd: '062026' }), /for 06-2026, not 07-2026/],
    [
      'a bad amount',
      file({ b2b: [{ ctin: supplierA, inv: [{ ...inv('X1', '01-07-2026', 1, {}), val: 'lots' }] }] }),
      /not an amount/,
    ],
  ])('refuses %s with a clear error', (_name, json, message) => {
    expect(() => parseGstr2b(json, { gstin: company, month: '2026-07' })).toThrow(message);
  });
});
