import { z } from 'zod';
import { buildGstin } from '../../../electron/core/demo/gstin';
import { b2clLimit, buildGstr1 } from '../../../electron/core/gst/gstr1';
import { gstr1Json } from '../../../electron/core/gst/gstr1-json';
import type { GstDocument, GstLine } from '../../../electron/core/gst/model';
import { invoiceValue, taxedLine } from './builders';

/*
 * A trader in Maharashtra (27) in July and August 2024, each return worked out by hand below.
 * Rupees → paise by hand: ₹1,50,000 = 1_50_000_00.
 */
const company = { gstin: buildGstin('27', 'AAPFU0939F'), stateCode: '27' };
const registeredMh = buildGstin('27', 'BBBPB1234C');
const registeredKa = buildGstin('29', 'CCCPC5678D');
const sezUnit = buildGstin('24', 'DDDPD9012E');

/** Ten metres a line. */
const line = (
  rate: number,
  taxable: number,
  heads: 'intra' | 'inter' | 'none',
  extra: Partial<GstLine> = {},
): GstLine => taxedLine(rate, taxable, heads, { quantityMilli: 10_000, ...extra });

let serial = 0;
function doc(partial: Partial<GstDocument> & Pick<GstDocument, 'lines'>): GstDocument {
  serial++;
  const value = invoiceValue(partial.lines);
  return {
    voucherGuid: `v${serial}`,
    kind: 'invoice',
    voucherType: 'Sales',
    number: `NT/${String(serial).padStart(3, '0')}`,
    date: '2024-07-10',
    cancelled: false,
    partyName: `Party ${serial}`,
    partyGstin: null,
    registration: 'unregistered',
    placeOfSupply: '27',
    reverseCharge: false,
    value,
    originalInvoiceValue: null,
    ...partial,
  };
}

const docs: GstDocument[] = [
  // 1. B2B, intra-state, two rates: 12% on ₹10,000 and 18% on ₹20,000.
  doc({
    partyGstin: registeredMh,
    registration: 'regular',
    lines: [line(1200, 10_000_00, 'intra'), line(1800, 20_000_00, 'intra')],
  }),
  // 2. Inter-state to an unregistered buyer, ₹1,50,000 + 5% on 31-07-2024: below the ₹2,50,000 limit → B2CS.
  doc({ date: '2024-07-31', placeOfSupply: '29', lines: [line(500, 1_50_000_00, 'inter')] }),
  // 3. The same on 01-08-2024: above the new ₹1,00,000 limit → B2CL.
  doc({ date: '2024-08-01', placeOfSupply: '29', lines: [line(500, 1_50_000_00, 'inter')] }),
  // 4. Exactly ₹1,00,000 invoice value on 02-08-2024 (₹95,238.10 + 5% = ₹1,00,000.01 → above; so take
  //    ₹95,238.00 + ₹4,761.90 = ₹99,999.90): not above the limit → B2CS.
  doc({ date: '2024-08-02', placeOfSupply: '29', lines: [line(500, 95_238_00, 'inter')] }),
  // 5. Credit note to the registered buyer of 1: ₹2,000 at 18% back → CDNR.
  doc({
    kind: 'credit-note',
    voucherType: 'Credit Note',
    number: 'CN/001',
    date: '2024-08-05',
    partyGstin: registeredMh,
    registration: 'regular',
    lines: [line(1800, 2_000_00, 'intra')],
  }),
  // 6. Intra-state cash sale to a consumer with a nil-rated line: ₹5,000 at 5% + ₹1,000 nil rated.
  doc({
    registration: 'consumer',
    lines: [line(500, 5_000_00, 'intra'), line(0, 1_000_00, 'none', { taxability: 'nil', hsn: '1006' })],
  }),
  // 7. Credit note to a consumer, intra-state: ₹500 at 5% back, netted in B2CS.
  doc({
    kind: 'credit-note',
    voucherType: 'Credit Note',
    number: 'CN/002',
    date: '2024-08-06',
    registration: 'consumer',
    lines: [line(500, 500_00, 'intra')],
  }),
  // 8. A cancelled invoice: in the documents issued only.
  doc({
    cancelled: true,
    partyGstin: registeredMh,
    registration: 'regular',
    lines: [line(1800, 9_999_00, 'intra')],
  }),
  // 9. A registered party whose GSTIN fails its check character: left out, listed.
  doc({
    partyGstin: `${registeredKa.slice(0, 14)}${registeredKa[14] === 'A' ? 'B' : 'A'}`,
    registration: 'regular',
    placeOfSupply: '29',
    lines: [line(1800, 7_000_00, 'inter')],
  }),
  // 10. Reverse charge supply to a registered buyer in Karnataka.
  doc({
    partyGstin: registeredKa,
    registration: 'regular',
    placeOfSupply: '29',
    reverseCharge: true,
    lines: [line(1800, 3_000_00, 'inter')],
  }),
  // 11. SEZ unit under LUT (no IGST) → B2B SEWOP, inter-state by law.
  doc({
    partyGstin: sezUnit,
    registration: 'sez',
    placeOfSupply: '24',
    lines: [line(1800, 4_000_00, 'none')],
  }),
  // 12. Export under LUT → EXP WOPAY.
  doc({ registration: 'overseas', placeOfSupply: '96', lines: [line(1800, 8_000_00, 'none')] }),
];

describe('GSTR-1 worked by hand', () => {
  const gstr1 = buildGstr1(company, { from: '2024-07-01', to: '2024-08-31' }, docs);

  it('puts B2B invoices by recipient, one item per rate, with reverse charge and SEZ types', () => {
    expect(gstr1.b2b.map((i) => [i.number, i.recipientGstin, i.invoiceType, i.reverseCharge])).toEqual([
      ['NT/001', registeredMh, 'R', false],
      ['NT/010', registeredKa, 'R', true],
      ['NT/011', sezUnit, 'SEWOP', false],
    ]);
    expect(gstr1.b2b[0]!.items).toEqual([
      { rate: 1200, taxable: 10_000_00, igst: 0, cgst: 600_00, sgst: 600_00, cess: 0 },
      { rate: 1800, taxable: 20_000_00, igst: 0, cgst: 1_800_00, sgst: 1_800_00, cess: 0 },
    ]);
    expect(gstr1.b2b[0]!.value).toBe(34_800_00);
  });

  it('splits B2CL from B2CS at the limit in force on the invoice date', () => {
    expect(b2clLimit('2024-07-31')).toBe(2_50_000_00);
    expect(b2clLimit('2024-08-01')).toBe(1_00_000_00);
    expect(gstr1.b2cl.map((i) => [i.number, i.value])).toEqual([['NT/003', 1_57_500_00]]);
    // Inter-state B2CS to Karnataka at 5%: ₹1,50,000 (31 July) + ₹95,238 (2 August).
    const inter = gstr1.b2cs.find((r) => r.supplyType === 'INTER');
    expect(inter).toMatchObject({
      placeOfSupply: '29',
      rate: 500,
      taxable: 2_45_238_00,
      igst: 7_500_00 + 4_761_90,
    });
  });

  it('nets credit notes to consumers in B2CS and lists notes to registered persons in CDNR', () => {
    const intra = gstr1.b2cs.find((r) => r.supplyType === 'INTRA');
    // ₹5,000 − ₹500 at 5%: tax ₹250 − ₹25 split in halves.
    expect(intra).toMatchObject({
      placeOfSupply: '27',
      rate: 500,
      taxable: 4_500_00,
      cgst: 112_50,
      sgst: 112_50,
    });
    expect(gstr1.cdnr).toHaveLength(1);
    expect(gstr1.cdnr[0]).toMatchObject({ number: 'CN/001', noteType: 'C', recipientGstin: registeredMh });
    expect(gstr1.cdnur).toEqual([]);
  });

  it('keeps nil-rated lines out of B2CS and in the nil table', () => {
    expect(gstr1.nil.find((n) => n.supplyType === 'INTRAB2C')).toEqual({
      supplyType: 'INTRAB2C',
      nilRated: 1_000_00,
      exempt: 0,
      nonGst: 0,
    });
  });

  it('lists exports with their type', () => {
    expect(gstr1.exp.map((e) => [e.number, e.exportType, e.placeOfSupply])).toEqual([
      ['NT/012', 'WOPAY', '96'],
    ]);
  });

  it('counts a cancelled invoice only in the documents issued, and leaves a bad GSTIN out as uncertain', () => {
    expect(gstr1.counts).toEqual({ included: 10, cancelled: 1, uncertain: 1 });
    const invoices = gstr1.documents.filter((d) => d.nature === 1);
    expect(invoices).toEqual([
      { nature: 1, voucherType: 'Sales', from: 'NT/001', to: 'NT/012', total: 10, cancelled: 1 },
    ]);
    expect(gstr1.documents.find((d) => d.nature === 5)).toMatchObject({
      from: 'CN/001',
      to: 'CN/002',
      total: 2,
    });
    const bad = gstr1.exceptions.find((e) => e.problem === 'bad-gstin');
    expect(bad).toMatchObject({ voucherGuid: 'v9', excluded: true });
    expect(bad!.message).toMatch(/check character/);
    expect([...gstr1.b2b, ...gstr1.b2cl].some((i) => i.voucherGuid === 'v9')).toBe(false);
  });

  it('sums the HSN summary net of notes, B2B and B2C apart', () => {
    const b2b5208 = gstr1.hsnB2b.filter((h) => h.hsn === '5208');
    // Registered: ₹10,000 @12; ₹20,000 − ₹2,000 @18 intra; ₹3,000 @18 inter (RCM); ₹4,000 @18 SEZ.
    expect(b2b5208.map((h) => [h.rate, h.taxable])).toEqual([
      [1200, 10_000_00],
      [1800, 25_000_00],
    ]);
    const nilRow = gstr1.hsnB2c.find((h) => h.hsn === '1006');
    expect(nilRow).toMatchObject({ rate: 0, taxable: 1_000_00, quantityMilli: 10_000 });
  });

  it('flags tax that is not rate × value and the wrong tax head, without leaving the invoice out', () => {
    const wrong = buildGstr1(company, { from: '2024-07-01', to: '2024-07-31' }, [
      doc({ placeOfSupply: '27', lines: [line(1800, 1_000_00, 'inter')] }),
      doc({ placeOfSupply: '27', lines: [{ ...line(1800, 1_000_00, 'intra'), cgst: 50_00, sgst: 50_00 }] }),
    ]);
    expect(wrong.exceptions.map((e) => [e.problem, e.excluded])).toEqual([
      ['wrong-tax-head', false],
      ['tax-not-rate-times-value', false],
    ]);
    expect(wrong.counts.included).toBe(2);
    const long = buildGstr1(company, { from: '2024-07-01', to: '2024-07-31' }, [
      doc({ number: 'SALES INV 2024-25 #17', lines: [line(1800, 1_000_00, 'intra')] }),
    ]);
    expect(long.exceptions.map((e) => e.problem)).toEqual(['bad-document-number']);
  });
});

describe('GSTR-1 JSON in the portal format', () => {
  const json = gstr1Json(
    buildGstr1(
      company,
      { from: '2024-08-01', to: '2024-08-31' },
      docs.filter((d) => d.date >= '2024-08-01' || d.kind !== 'invoice'),
    ),
  );

  it('names the GSTIN and the period MMYYYY', () => {
    expect(json.gstin).toBe(company.gstin);
    expect(json.fp).toBe('082024');
  });

  it('writes B2CL by place of supply with IGST, amounts in rupees and dates DD-MM-YYYY', () => {
    expect(json.b2cl).toEqual([
      {
        pos: '29',
        inv: [
          {
            inum: 'NT/003',
            idt: '01-08-2024',
            val: 157500,
            itms: [{ num: 1, itm_det: { txval: 150000, rt: 5, iamt: 7500, csamt: 0 } }],
          },
        ],
      },
    ]);
  });

  it('writes B2CS rows with typ OE and the tax heads of their supply type', () => {
    expect(json.b2cs).toEqual([
      { sply_ty: 'INTER', typ: 'OE', pos: '29', rt: 5, txval: 95238, iamt: 4761.9, csamt: 0 },
      { sply_ty: 'INTRA', typ: 'OE', pos: '27', rt: 5, txval: -500, camt: -12.5, samt: -12.5, csamt: 0 },
    ]);
  });

  it('writes CDNR notes with ntty C and the one HSN list before May 2025', () => {
    const cdnr = json.cdnr as { ctin: string; nt: Record<string, unknown>[] }[];
    expect(cdnr[0]!.nt[0]).toMatchObject({
      ntty: 'C',
      nt_num: 'CN/001',
      nt_dt: '05-08-2024',
      val: 2360,
      pos: '27',
      rchrg: 'N',
    });
    expect(Object.keys(json.hsn as object)).toEqual(['data']);
  });
});

describe("GSTR-1 JSON against the portal's field rules", () => {
  // Amounts: numbers with at most two decimals; dates DD-MM-YYYY; state codes of two digits.
  const amount = z
    .number()
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'two decimals at most');
  const date = z.string().regex(/^\d{2}-\d{2}-\d{4}$/);
  const pos = z.string().regex(/^(0[1-9]|[1-3]\d|9[679])$/);
  const rate = z.number().nonnegative();
  const itemDetail = z.strictObject({
    txval: amount,
    rt: rate,
    iamt: amount.optional(),
    camt: amount.optional(),
    samt: amount.optional(),
    csamt: amount,
  });
  const items = z.array(z.strictObject({ num: z.number().int().positive(), itm_det: itemDetail })).min(1);
  const invoice = { inum: z.string().min(1).max(16), idt: date, val: amount };
  const hsnRow = z.strictObject({
    num: z.number().int(),
    hsn_sc: z.string().regex(/^\d{4,8}$/),
    desc: z.string().max(30),
    uqc: z.string().min(2),
    qty: z.number(),
    rt: rate,
    txval: amount,
    iamt: amount,
    camt: amount,
    samt: amount,
    csamt: amount,
  });
  const schema = z.strictObject({
    gstin: z.string().length(15),
    fp: z.string().regex(/^(0[1-9]|1[0-2])\d{4}$/),
    b2b: z
      .array(
        z.strictObject({
          ctin: z.string().length(15),
          inv: z.array(
            z.strictObject({
              ...invoice,
              pos,
              rchrg: z.enum(['Y', 'N']),
              inv_typ: z.enum(['R', 'SEWP', 'SEWOP', 'DE']),
              itms: items,
            }),
          ),
        }),
      )
      .optional(),
    b2cl: z
      .array(z.strictObject({ pos, inv: z.array(z.strictObject({ ...invoice, itms: items })) }))
      .optional(),
    b2cs: z
      .array(
        z.strictObject({
          sply_ty: z.enum(['INTRA', 'INTER']),
          typ: z.literal('OE'),
          pos,
          rt: rate,
          txval: amount,
          iamt: amount.optional(),
          camt: amount.optional(),
          samt: amount.optional(),
          csamt: amount,
        }),
      )
      .optional(),
    exp: z
      .array(
        z.strictObject({
          exp_typ: z.enum(['WPAY', 'WOPAY']),
          inv: z.array(
            z.strictObject({
              ...invoice,
              itms: z.array(z.strictObject({ txval: amount, rt: rate, iamt: amount, csamt: amount })),
            }),
          ),
        }),
      )
      .optional(),
    cdnr: z
      .array(
        z.strictObject({
          ctin: z.string().length(15),
          nt: z.array(
            z.strictObject({
              ntty: z.enum(['C', 'D']),
              nt_num: z.string().min(1),
              nt_dt: date,
              val: amount,
              pos,
              rchrg: z.enum(['Y', 'N']),
              inv_typ: z.enum(['R', 'SEWP', 'SEWOP', 'DE']),
              itms: items,
            }),
          ),
        }),
      )
      .optional(),
    nil: z
      .strictObject({
        inv: z.array(
          z.strictObject({
            sply_ty: z.enum(['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C']),
            nil_amt: amount,
            expt_amt: amount,
            ngsup_amt: amount,
          }),
        ),
      })
      .optional(),
    hsn: z
      .union([
        z.strictObject({ data: z.array(hsnRow) }),
        z.strictObject({ hsn_b2b: z.array(hsnRow).optional(), hsn_b2c: z.array(hsnRow).optional() }),
      ])
      .optional(),
    doc_issue: z
      .strictObject({
        doc_det: z.array(
          z.strictObject({
            doc_num: z.union([z.literal(1), z.literal(4), z.literal(5)]),
            docs: z.array(
              z.strictObject({
                num: z.number().int().positive(),
                from: z.string(),
                to: z.string(),
                totnum: z.number().int(),
                cancel: z.number().int(),
                net_issue: z.number().int(),
              }),
            ),
          }),
        ),
      })
      .optional(),
  });

  it.each([
    ['July–August 2024 (one HSN list)', '2024-07-01', '2024-08-31'],
    ['a period after the HSN split', '2025-07-01', '2025-07-31'],
  ])('passes for %s', (_name, from, to) => {
    const shifted = docs.map((d) => ({
      ...d,
      date: from.slice(0, 4) === '2025' ? `2025-07-${d.date.slice(8)}` : d.date,
    }));
    const json = gstr1Json(buildGstr1(company, { from, to }, shifted));
    const parsed = schema.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    if (from >= '2025') expect(Object.keys(json.hsn as object).sort()).toEqual(['hsn_b2b', 'hsn_b2c']);
  });
});
