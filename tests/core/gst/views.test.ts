import { fileURLToPath } from 'node:url';
import { buildGstin } from '../../../electron/core/demo/gstin';
import { itcKindOf } from '../../../electron/core/gst/documents';
import type { InwardRef } from '../../../electron/core/gst/documents';
import { buildGstr1 } from '../../../electron/core/gst/gstr1';
import { buildGstr3b, gstr3bJson, type InwardSupply } from '../../../electron/core/gst/gstr3b';
import type { GstDocument } from '../../../electron/core/gst/model';
import { gstr3bAnswer, gstVouchersAnswer } from '../../../electron/core/gst/returns';
import { reconcileTaxLedgers, returnsTaxByVoucher } from '../../../electron/core/gst/tax-ledgers';
import { gstr1View, gstr3bView } from '../../../electron/core/gst/views';
import { importFiles } from '../../../electron/core/import/file-import';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import type { GstAmounts, Gstr3bFigureId } from '../../../shared/types/gst';
import { INWARD_DEFAULTS, invoiceValue, taxedLine } from './builders';
import { GST_COMPANY } from './hand-worked';

/*
 * The screens' view of the returns: each GSTR-1 section and each GSTR-3B figure with the vouchers behind
 * it, worked out by hand for a trader in Maharashtra (27) in August 2024. Rupees → paise by hand.
 */
const company = { gstin: buildGstin('27', 'AAPFU0939F'), stateCode: '27' };
const registeredMh = buildGstin('27', 'BBBPB1234C');
const period = { from: '2024-08-01', to: '2024-08-31' };

const line = taxedLine;

let serial = 0;
function doc(partial: Partial<GstDocument> & Pick<GstDocument, 'lines'>): GstDocument {
  serial++;
  const value = invoiceValue(partial.lines);
  return {
    voucherGuid: `o${serial}`,
    kind: 'invoice',
    voucherType: 'Sales',
    number: `GT/${serial}`,
    date: '2024-08-10',
    cancelled: false,
    partyName: `Buyer ${serial}`,
    partyGstin: null,
    registration: 'consumer',
    placeOfSupply: '27',
    reverseCharge: false,
    value,
    originalInvoiceValue: null,
    ...partial,
  };
}

const outward: GstDocument[] = [
  // o1 B2B intra: ₹10,000 @18% → CGST 900, SGST 900.
  doc({ partyGstin: registeredMh, registration: 'regular', lines: [line(1800, 10_000_00, 'intra')] }),
  // o2 B2CS intra: ₹2,000 @5% (CGST 50, SGST 50) and ₹1,000 nil rated rice.
  doc({
    lines: [
      line(500, 2_000_00, 'intra'),
      line(0, 1_000_00, 'none', { taxability: 'nil', hsn: '1006', uqc: 'KGS' }),
    ],
  }),
  // o3 B2CS inter (Karnataka), ₹5,000 @12% → IGST 600: below the ₹1,00,000 limit.
  doc({ placeOfSupply: '29', lines: [line(1200, 5_000_00, 'inter')] }),
  // o4 B2CL: Karnataka, ₹2,00,000 @18% → IGST 36,000, value ₹2,36,000.
  doc({ placeOfSupply: '29', lines: [line(1800, 2_00_000_00, 'inter')] }),
  // o5 CDNR: credit note to o1's buyer, ₹1,000 @18% back.
  doc({
    kind: 'credit-note',
    voucherType: 'Credit Note',
    partyGstin: registeredMh,
    registration: 'regular',
    lines: [line(1800, 1_000_00, 'intra')],
  }),
  // o6 credit note to a consumer, ₹400 @5% back: netted in B2CS.
  doc({ kind: 'credit-note', voucherType: 'Credit Note', lines: [line(500, 400_00, 'intra')] }),
  // o7 export with IGST: ₹10,000 @18% → IGST 1,800.
  doc({ registration: 'overseas', placeOfSupply: '96', lines: [line(1800, 10_000_00, 'inter')] }),
  // o8 cancelled: documents issued only.
  doc({ cancelled: true, lines: [line(1800, 99_000_00, 'intra')] }),
  // o9 a non-GST supply of ₹300.
  doc({ lines: [line(0, 300_00, 'none', { taxability: 'non-gst', hsn: null })] }),
];

const inward = (partial: Partial<InwardSupply> & Pick<InwardSupply, 'voucherGuid'>): InwardSupply => ({
  ...INWARD_DEFAULTS,
  date: '2024-08-12',
  ...partial,
});

const purchases: InwardSupply[] = [
  inward({ voucherGuid: 'p1', taxable: 20_000_00, cgst: 1_800_00, sgst: 1_800_00 }),
  inward({
    voucherGuid: 'p2',
    interState: true,
    itcKind: 'import-goods',
    taxable: 50_000_00,
    igst: 9_000_00,
  }),
  inward({
    voucherGuid: 'p3',
    interState: true,
    itcKind: 'import-services',
    reverseCharge: true,
    taxable: 10_000_00,
    igst: 1_800_00,
  }),
  inward({ voucherGuid: 'p4', reverseCharge: true, taxable: 5_000_00, cgst: 450_00, sgst: 450_00 }),
  inward({ voucherGuid: 'p5', itcEligible: false, taxable: 8_000_00, cgst: 720_00, sgst: 720_00 }),
  inward({ voucherGuid: 'p6', kind: 'credit-note', taxable: 2_000_00, cgst: 180_00, sgst: 180_00 }),
  inward({ voucherGuid: 'p7', exemptOrNil: 1_500_00 }),
];
const refs = new Map<string, InwardRef>(
  purchases.map((p) => [
    p.voucherGuid,
    {
      voucherType: 'Purchase',
      number: p.voucherGuid.toUpperCase(),
      partyName: `Supplier ${p.voucherGuid}`,
      partyGstin: null,
      placeOfSupply: '27',
      value: p.taxable + p.igst + p.cgst + p.sgst,
    },
  ]),
);

const gstr1 = buildGstr1(company, period, outward);
const gstr3b = buildGstr3b(gstr1, purchases);
const r1 = gstr1View(gstr1, outward);
const r3b = gstr3bView(gstr1, gstr3b, outward, purchases, refs);

const amounts = (a: GstAmounts) => [a.taxable, a.igst, a.cgst, a.sgst, a.cess];
const sum = (list: readonly GstAmounts[]): number[] =>
  list.reduce((t, a) => t.map((x, i) => x + amounts(a)[i]!), [0, 0, 0, 0, 0]);
const sectionOf = (name: string) => r1.sections.find((s) => s.section === name)!;
const figureOf = (id: Gstr3bFigureId) => r3b.figures.find((f) => f.id === id)!;

describe('GSTR-1 sections for the screens, worked by hand', () => {
  it.each([
    // section, count, [taxable, IGST, CGST, SGST, cess] in paise
    ['b2b', 1, [10_000_00, 0, 900_00, 900_00, 0]],
    ['b2cl', 1, [2_00_000_00, 36_000_00, 0, 0, 0]],
    // ₹2,000 + ₹5,000 − ₹400; IGST 600; CGST / SGST 50 − 10.
    ['b2cs', 3, [6_600_00, 600_00, 40_00, 40_00, 0]],
    ['cdnr', 1, [-1_000_00, 0, -90_00, -90_00, 0]],
    ['cdnur', 0, [0, 0, 0, 0, 0]],
    ['exp', 1, [10_000_00, 1_800_00, 0, 0, 0]],
    // ₹1,000 nil rated (o2) and ₹300 non-GST (o9).
    ['nil', 2, [1_300_00, 0, 0, 0, 0]],
  ])('%s: %i vouchers, totals equal to the sum of its vouchers', (name, count, expected) => {
    const section = sectionOf(name);
    expect(section.count).toBe(count);
    expect(section.vouchers).toHaveLength(count);
    expect(amounts(section)).toEqual(expected);
    expect(sum(section.vouchers)).toEqual(expected);
  });

  it('lists the vouchers with their party, number and signed value', () => {
    expect(sectionOf('b2cs').vouchers.map((v) => [v.voucherGuid, v.kind, v.value])).toEqual([
      ['o2', 'invoice', 3_100_00],
      ['o3', 'invoice', 5_600_00],
      ['o6', 'credit-note', -420_00],
    ]);
    expect(sectionOf('b2cl').vouchers[0]).toMatchObject({
      number: 'GT/4',
      partyName: 'Buyer 4',
      placeOfSupply: '29',
      value: 2_36_000_00,
    });
    expect(r1.states).toMatchObject({ '27': 'Maharashtra', '29': 'Karnataka', '96': 'Foreign Country' });
  });

  it('HSN rows in one list before May 2025, with the vouchers behind each; documents issued count the cancelled', () => {
    // 5208 @18%: ₹10,000 − ₹1,000 (registered: o1, o5) + ₹2,00,000 + ₹10,000 (o4, o7); @5%: ₹2,000 − ₹400; @12%: ₹5,000; 1006: ₹1,000.
    expect(r1.hsn.map((h) => [h.table, h.hsn, h.rate, h.taxable, h.voucherGuids])).toEqual([
      ['all', '1006', 0, 1_000_00, ['o2']],
      ['all', '5208', 500, 1_600_00, ['o2', 'o6']],
      ['all', '5208', 1200, 5_000_00, ['o3']],
      ['all', '5208', 1800, 2_19_000_00, ['o1', 'o5', 'o4', 'o7']],
    ]);
    expect(amounts(sectionOf('hsn'))).toEqual(sum(r1.hsn));
    expect(sectionOf('docs').count).toBe(9);
    expect(r1.documents.find((d) => d.voucherType === 'Sales')).toMatchObject({ total: 7, cancelled: 1 });
  });

  it('from May 2025 keeps the B2B and B2C HSN rows apart', () => {
    const may = outward.map((d) => ({ ...d, date: '2025-05-10' }));
    const view = gstr1View(buildGstr1(company, { from: '2025-05-01', to: '2025-05-31' }, may), may);
    expect(
      view.hsn.filter((h) => h.hsn === '5208' && h.rate === 1800).map((h) => [h.table, h.taxable]),
    ).toEqual([
      ['b2b', 9_000_00],
      ['b2c', 2_10_000_00],
    ]);
  });
});

describe('GSTR-3B figures for the screens, worked by hand', () => {
  it.each([
    // 3.1(a): B2B ₹10,000 + B2CL ₹2,00,000 − CDNR ₹1,000 + B2CS ₹6,600.
    ['3.1a', [2_15_600_00, 36_600_00, 850_00, 850_00, 0], ['o1', 'o4', 'o5', 'o2', 'o3', 'o6']],
    ['3.1b', [10_000_00, 1_800_00, 0, 0, 0], ['o7']],
    ['3.1c', [1_000_00, 0, 0, 0, 0], ['o2']],
    // Reverse charge: the import of services p3 and the intra-state p4.
    ['3.1d', [15_000_00, 1_800_00, 450_00, 450_00, 0], ['p3', 'p4']],
    ['3.1e', [300_00, 0, 0, 0, 0], ['o9']],
    ['4A1', [50_000_00, 9_000_00, 0, 0, 0], ['p2']],
    ['4A2', [10_000_00, 1_800_00, 0, 0, 0], ['p3']],
    ['4A3', [5_000_00, 0, 450_00, 450_00, 0], ['p4']],
    ['4A4', [0, 0, 0, 0, 0], []],
    // All other ITC: p1, the blocked p5 (in 4(A) since Circular 170/02/2022), less the credit note p6.
    ['4A5', [26_000_00, 0, 2_340_00, 2_340_00, 0], ['p1', 'p5', 'p6']],
    ['4B1', [8_000_00, 0, 720_00, 720_00, 0], ['p5']],
    // 4(C) = 4(A) − 4(B): the credits taken.
    ['4C', [83_000_00, 10_800_00, 2_070_00, 2_070_00, 0], ['p2', 'p3', 'p4', 'p1', 'p6']],
    ['4D1', [0, 0, 0, 0, 0], []],
    ['4D2', [0, 0, 0, 0, 0], []],
    ['5gstIntra', [1_500_00, 0, 0, 0, 0], ['p7']],
  ] as const)('%s', (id, expected, guids) => {
    const f = figureOf(id);
    expect(amounts(f)).toEqual(expected);
    expect(sum(f.vouchers)).toEqual(expected);
    expect(f.vouchers.map((v) => v.voucherGuid)).toEqual(guids);
  });

  it("every figure equals the return's own (the JSON the portal gets)", () => {
    const json = gstr3bJson(gstr3b) as {
      sup_details: Record<string, { txval: number; iamt?: number; camt?: number }>;
      itc_elg: {
        itc_rev: { ty: string; camt: number }[];
        itc_avl: { ty: string; iamt: number; camt: number }[];
        itc_net: { iamt: number; camt: number };
      };
    };
    const rupees = (p: number) => p / 100;
    expect(rupees(figureOf('3.1a').taxable)).toBe(json.sup_details.osup_det!.txval);
    expect(rupees(figureOf('3.1a').igst)).toBe(json.sup_details.osup_det!.iamt);
    expect(rupees(figureOf('3.1b').taxable)).toBe(json.sup_details.osup_zero!.txval);
    expect(rupees(figureOf('3.1c').taxable)).toBe(json.sup_details.osup_nil_exmp!.txval);
    expect(rupees(figureOf('3.1d').taxable)).toBe(json.sup_details.isup_rev!.txval);
    expect(rupees(figureOf('3.1e').taxable)).toBe(json.sup_details.osup_nongst!.txval);
    const avl = Object.fromEntries(json.itc_elg.itc_avl.map((r) => [r.ty, r]));
    expect(rupees(figureOf('4A1').igst)).toBe(avl.IMPG!.iamt);
    expect(rupees(figureOf('4A2').igst)).toBe(avl.IMPS!.iamt);
    expect(rupees(figureOf('4A3').cgst)).toBe(avl.ISRC!.camt);
    expect(rupees(figureOf('4A5').cgst)).toBe(avl.OTH!.camt);
    expect(rupees(figureOf('4B1').cgst)).toBe(json.itc_elg.itc_rev.find((r) => r.ty === 'RUL')!.camt);
    expect(rupees(figureOf('4C').igst)).toBe(json.itc_elg.itc_net.iamt);
    expect(rupees(figureOf('4C').cgst)).toBe(json.itc_elg.itc_net.camt);
  });

  it('3.2: inter-state supplies to unregistered persons by place of supply, with their vouchers', () => {
    // Karnataka: B2CL ₹2,00,000 (IGST 36,000) and the B2CS invoice ₹5,000 (IGST 600).
    expect(
      r3b.interState.map((r) => [r.placeOfSupply, r.taxable, r.igst, r.vouchers.map((v) => v.voucherGuid)]),
    ).toEqual([['29', 2_05_000_00, 36_600_00, ['o4', 'o3']]]);
    expect(gstr3b.interStateUnregistered).toEqual([
      { placeOfSupply: '29', taxable: 2_05_000_00, igst: 36_600_00 },
    ]);
  });
});

describe('table 4(A): imports of goods and of services', () => {
  it('an overseas supplier or a place of supply abroad is an import; goods unless every line is a SAC', () => {
    const sac = [{ hsn: '998314' }];
    const goods = [{ hsn: '8471' }];
    expect(itcKindOf('overseas', null, goods, false)).toBe('import-goods');
    expect(itcKindOf('overseas', null, sac, false)).toBe('import-services');
    expect(itcKindOf('unregistered', '96', sac, false)).toBe('import-services');
    // Stock items make it goods, whatever the ledger's code.
    expect(itcKindOf('overseas', null, sac, true)).toBe('import-goods');
    expect(itcKindOf('regular', '29', goods, true)).toBe('other');
  });
});

describe('tax ledgers against the returns', () => {
  it('lists each voucher whose tax-ledger entries differ from the tax its returns carry, the differences adding up', () => {
    const sold = doc({
      partyGstin: registeredMh,
      registration: 'regular',
      lines: [line(1800, 10_000_00, 'intra')],
    });
    // A registered buyer without a GSTIN: left out of GSTR-1 as uncertain, so its IGST is not in the return.
    const noGstin = doc({
      registration: 'regular',
      placeOfSupply: '29',
      lines: [line(1800, 1_000_00, 'inter')],
    });
    const r = buildGstr1(company, period, [sold, noGstin]);
    const bought = inward({ voucherGuid: 'buy', taxable: 20_000_00, cgst: 1_800_00, sgst: 1_800_00 });
    const entry = (guid: string, head: 'igst' | 'cgst' | 'sgst', amount: number) => ({
      guid,
      voucherType: guid === 'jv' ? 'Journal' : 'Sales',
      number: guid.toUpperCase(),
      date: '2024-08-20',
      partyName: '',
      head,
      amount,
    });
    const reco = reconcileTaxLedgers(
      [
        entry(sold.voucherGuid, 'cgst', 900_00),
        entry(sold.voucherGuid, 'sgst', 900_00),
        entry(noGstin.voucherGuid, 'igst', 180_00),
        entry('buy', 'cgst', -1_800_00),
        entry('buy', 'sgst', -1_800_00),
        // A journal moving ₹100 of CGST credit by hand: in no return.
        entry('jv', 'cgst', -100_00),
      ],
      returnsTaxByVoucher(r, [sold, noGstin], [bought]),
      () => ({ voucherType: '', number: '', date: '2024-08-01', partyName: '' }),
    );
    expect(reco.ledgers).toEqual({ igst: 180_00, cgst: -1_000_00, sgst: -900_00, cess: 0 });
    expect(reco.returns).toEqual({ igst: 0, cgst: -900_00, sgst: -900_00, cess: 0 });
    expect(reco.difference).toEqual({ igst: 180_00, cgst: -100_00, sgst: 0, cess: 0 });
    expect(reco.vouchers.map((v) => [v.voucherGuid, v.difference.igst, v.difference.cgst])).toEqual([
      ['jv', 0, -100_00],
      [noGstin.voucherGuid, 180_00, 0],
    ]);
  });

  it('a reverse-charge purchase carries its tax as liability and as credit: nothing to explain', () => {
    const rcm = inward({
      voucherGuid: 'rcm',
      reverseCharge: true,
      taxable: 10_000_00,
      cgst: 900_00,
      sgst: 900_00,
    });
    const taxes = returnsTaxByVoucher(buildGstr1(company, period, []), [], [rcm]);
    expect(taxes.get('rcm')).toEqual({ igst: 0, cgst: 0, sgst: 0, cess: 0 });
  });

  describe('on the imported fixture company (tests/fixtures/tally/real/gst)', () => {
    let store: Store;
    beforeAll(async () => {
      store = openStore(':memory:');
      const fixtures = fileURLToPath(new URL('../../fixtures/tally/real/gst/', import.meta.url));
      await importFiles({
        store,
        paths: [`${fixtures}Masters.xml`, `${fixtures}DayBook.xml`],
        runId: 'gst',
        now: () => 0,
        progress: createProgressTracker({ runId: 'gst', now: () => 0, emit: () => undefined }),
      });
    });
    afterAll(() => store.close());

    it('its tax ledgers equal the returns: output IGST 9,000 − 900, CGST / SGST 2,250 less the 2,700 of credit', () => {
      const company = store.requireCompany(GST_COMPANY);
      const answer = gstr3bAnswer(store.db, company, '2025-04');
      const vouchers = (id: Gstr3bFigureId) =>
        gstVouchersAnswer(
          store.db,
          company,
          '2025-04',
          { return: 'gstr3b', figure: id },
          { offset: 0, limit: 50 },
        ).rows;
      expect(answer.taxLedgers.ledgers).toEqual({ igst: 8_100_00, cgst: -450_00, sgst: -450_00, cess: 0 });
      expect(answer.taxLedgers.difference).toEqual({ igst: 0, cgst: 0, sgst: 0, cess: 0 });
      expect(answer.taxLedgers.vouchers).toEqual([]);
      // The reverse-charge purchase P/2 (Legal Fees, SAC 9982) stands behind 3.1(d) and 4(A)(3).
      const f = (id: string) => answer.view.figures.find((x) => x.id === id)!;
      expect(vouchers('3.1d').map((v) => [v.number, v.partyName, v.taxable, v.cgst])).toEqual([
        ['P/2', 'Adv. Joshi', 10_000_00, 900_00],
      ]);
      expect(f('4A3').cgst).toBe(900_00);
      expect(vouchers('4A5').map((v) => v.number)).toEqual(['P/1']);
      expect(f('4A5').count).toBe(1);
    });
  });
});

describe('exceptions before filing', () => {
  it('names a line whose rate Tally did not give (the rate its tax implies is used), keeping the voucher in', () => {
    const implied = doc({ lines: [line(1800, 1_000_00, 'intra', { rateImplied: true })] });
    const r = buildGstr1(company, period, [implied]);
    expect(r.exceptions.map((e) => [e.problem, e.excluded])).toEqual([['no-rate', false]]);
    expect(r.exceptions[0]!.message).toContain('18%');
    expect(r.counts.included).toBe(1);
  });
});
