import { buildGstin } from '../../../electron/core/demo/gstin';
import { buildGstr1 } from '../../../electron/core/gst/gstr1';
import {
  buildGstr3b,
  gstr3bJson,
  itcAdjustmentRow,
  setOff,
  type InwardSupply,
  type ItcAdjustment,
} from '../../../electron/core/gst/gstr3b';
import type { GstDocument, GstLine } from '../../../electron/core/gst/model';

const company = { gstin: buildGstin('27', 'AAPFU0939F'), stateCode: '27' };
const buyer = buildGstin('27', 'BBBPB1234C');

const line = (
  rate: number,
  taxable: number,
  igst: number,
  cgst: number,
  taxability: GstLine['taxability'] = 'taxable',
): GstLine => ({
  hsn: '5208',
  description: 'Fabric',
  uqc: 'MTR',
  quantityMilli: 1_000,
  taxability,
  rate,
  taxable,
  igst,
  cgst,
  sgst: cgst,
  cess: 0,
});
let n = 0;
const out = (d: Partial<GstDocument> & Pick<GstDocument, 'lines'>): GstDocument => ({
  voucherGuid: `s${++n}`,
  kind: 'invoice',
  voucherType: 'Sales',
  number: `S/${n}`,
  date: '2024-07-15',
  cancelled: false,
  partyName: 'Party',
  partyGstin: null,
  registration: 'unregistered',
  placeOfSupply: '27',
  reverseCharge: false,
  value: d.lines.reduce((s, l) => s + l.taxable + l.igst + 2 * l.cgst, 0),
  originalInvoiceValue: null,
  ...d,
});
const inward = (d: Partial<InwardSupply> & Pick<InwardSupply, 'taxable'>): InwardSupply => ({
  voucherGuid: `p${++n}`,
  kind: 'invoice',
  date: '2024-07-10',
  interState: false,
  reverseCharge: false,
  itcKind: 'other',
  itcEligible: true,
  igst: 0,
  cgst: 0,
  sgst: 0,
  cess: 0,
  exemptOrNil: 0,
  nonGst: 0,
  fromComposition: false,
  ...d,
});

/*
 * July 2024, worked by hand (rupees):
 * outward: B2B ₹1,00,000 @18 intra (9,000 + 9,000); B2CS to Karnataka ₹50,000 @12 (IGST 6,000);
 * export under LUT ₹2,00,000; nil rated ₹10,000; credit note to the B2B buyer ₹10,000 @18 (900 + 900).
 * inward: ₹60,000 @18 intra (5,400 + 5,400); ₹20,000 @18 inter (3,600); legal services under reverse
 * charge ₹10,000 @18 intra (900 + 900); a car ₹1,00,000 @28 inter, credit blocked (28,000); exempt ₹5,000.
 */
const gstr1 = buildGstr1(company, { from: '2024-07-01', to: '2024-07-31' }, [
  out({ partyGstin: buyer, registration: 'regular', lines: [line(1800, 1_00_000_00, 0, 9_000_00)] }),
  out({ placeOfSupply: '29', lines: [line(1200, 50_000_00, 6_000_00, 0)] }),
  out({ registration: 'overseas', placeOfSupply: '96', lines: [line(0, 2_00_000_00, 0, 0)] }),
  out({ registration: 'consumer', lines: [line(0, 10_000_00, 0, 0, 'nil')] }),
  out({
    kind: 'credit-note',
    voucherType: 'Credit Note',
    partyGstin: buyer,
    registration: 'regular',
    lines: [line(1800, 10_000_00, 0, 900_00)],
  }),
]);
const r = buildGstr3b(gstr1, [
  inward({ taxable: 60_000_00, cgst: 5_400_00, sgst: 5_400_00 }),
  inward({ taxable: 20_000_00, igst: 3_600_00, interState: true }),
  inward({ taxable: 10_000_00, cgst: 900_00, sgst: 900_00, reverseCharge: true }),
  inward({ taxable: 1_00_000_00, igst: 28_000_00, interState: true, itcEligible: false }),
  inward({ taxable: 0, exemptOrNil: 5_000_00 }),
]);

describe('GSTR-3B worked by hand', () => {
  it('3.1: outward taxable net of notes, zero rated, nil, reverse-charge inward', () => {
    expect(r.outwardTaxable).toEqual({
      taxable: 1_40_000_00,
      igst: 6_000_00,
      cgst: 8_100_00,
      sgst: 8_100_00,
      cess: 0,
    });
    expect(r.outwardZeroRated).toEqual({ taxable: 2_00_000_00, igst: 0, cgst: 0, sgst: 0, cess: 0 });
    expect(r.outwardNilExempt).toBe(10_000_00);
    expect(r.inwardReverseCharge).toEqual({
      taxable: 10_000_00,
      igst: 0,
      cgst: 900_00,
      sgst: 900_00,
      cess: 0,
    });
  });

  it('3.2: inter-state supplies to unregistered persons by place of supply', () => {
    expect(r.interStateUnregistered).toEqual([{ placeOfSupply: '29', taxable: 50_000_00, igst: 6_000_00 }]);
  });

  it('4 and 5: credit by kind, blocked credit in 4(A) and reversed in 4(B)(1) (Circular 170/02/2022), exempt inward', () => {
    // 4(A)(5): ₹3,600 + the car's ₹28,000 IGST; 4(B)(1) takes the car's back; 4(C) = 4(A) − 4(B).
    expect(r.itcAvailable.other).toEqual({ igst: 31_600_00, cgst: 5_400_00, sgst: 5_400_00, cess: 0 });
    expect(r.itcAvailable['reverse-charge']).toEqual({ igst: 0, cgst: 900_00, sgst: 900_00, cess: 0 });
    expect(r.itcReversed).toEqual({ igst: 28_000_00, cgst: 0, sgst: 0, cess: 0 });
    expect(r.itcNet).toEqual({ igst: 3_600_00, cgst: 6_300_00, sgst: 6_300_00, cess: 0 });
    expect(r.itcIneligible).toEqual({ igst: 0, cgst: 0, sgst: 0, cess: 0 });
    expect(r.inwardExempt).toEqual({ interState: 0, intraState: 5_000_00 });
  });

  it('tax payable: credit set off in the order of section 49, reverse charge in cash', () => {
    expect(r.liability).toEqual({ igst: 6_000_00, cgst: 9_000_00, sgst: 9_000_00, cess: 0 });
    expect(r.paidByCredit).toEqual({ igst: 3_600_00, cgst: 6_300_00, sgst: 6_300_00, cess: 0 });
    expect(r.paidInCash).toEqual({ igst: 2_400_00, cgst: 2_700_00, sgst: 2_700_00, cess: 0 });
  });

  it('set-off: IGST credit pays IGST, then CGST, then SGST; CGST credit never pays SGST', () => {
    const a = setOff({ igst: 100, cgst: 500, sgst: 500, cess: 0 }, { igst: 700, cgst: 0, sgst: 0, cess: 0 });
    expect(a.byCredit).toEqual({ igst: 100, cgst: 500, sgst: 100, cess: 0 });
    expect(a.cash).toEqual({ igst: 0, cgst: 0, sgst: 400, cess: 0 });
    const b = setOff({ igst: 300, cgst: 100, sgst: 400, cess: 0 }, { igst: 0, cgst: 600, sgst: 0, cess: 0 });
    expect(b.byCredit).toEqual({ igst: 300, cgst: 100, sgst: 0, cess: 0 });
    expect(b.cash).toEqual({ igst: 0, cgst: 0, sgst: 400, cess: 0 });
  });

  it('writes the JSON of the offline utility', () => {
    const json = gstr3bJson(r) as {
      ret_period: string;
      sup_details: Record<string, unknown>;
      itc_elg: { itc_avl: { ty: string }[] };
    };
    expect(json.ret_period).toBe('072024');
    expect(json.sup_details.osup_det).toEqual({
      txval: 140000,
      iamt: 6000,
      camt: 8100,
      samt: 8100,
      csamt: 0,
    });
    expect(json.sup_details.osup_zero).toEqual({ txval: 200000, iamt: 0, csamt: 0 });
    expect(json.itc_elg.itc_avl.map((a) => a.ty)).toEqual(['IMPG', 'IMPS', 'ISRC', 'ISD', 'OTH']);
  });
});

describe('table 4 from statutory adjustments (Circular 170/02/2022), worked by hand', () => {
  it('reads the nature and additional details of a journal as Tally names them', () => {
    expect(itcAdjustmentRow('Increase of Input Tax Credit', 'ISD Invoice/Debit Note')).toBe('isd');
    expect(itcAdjustmentRow('Increase in Input Tax Credit', 'ISD Transfer')).toBe('isd');
    expect(itcAdjustmentRow('Increase of Input Tax Credit', 'Transfer of ITC')).toBe('other');
    expect(itcAdjustmentRow('Increase of Input Tax Credit', 'Reclaim of ITC reversed earlier')).toBe(
      'reclaim',
    );
    expect(itcAdjustmentRow('Increase of Input Tax Credit', 'Import of Services')).toBe('import-services');
    expect(itcAdjustmentRow('Increase of Input Tax Credit', 'Import of Goods')).toBe('import-goods');
    expect(itcAdjustmentRow('Reversal of Input Tax Credit', 'Rule 42(1)(m)')).toBe('reversal-rules');
    expect(itcAdjustmentRow('Reversal of Input Tax Credit', 'Section 17(5)')).toBe('reversal-rules');
    expect(itcAdjustmentRow('Reversal of Input Tax Credit', 'Others')).toBe('reversal-other');
    expect(itcAdjustmentRow('Reversal of Input Tax Credit', null)).toBe('reversal-other');
    expect(itcAdjustmentRow('Reversal of Input Tax Credit', 'Ineligible under Section 16(4)')).toBe(
      'ineligible',
    );
    expect(itcAdjustmentRow('Increase of Tax Liability', 'Others')).toBeNull();
    expect(
      itcAdjustmentRow('Increase of Tax Liability & Input Tax Credit', 'Purchase Under Reverse Charge'),
    ).toBeNull();
  });

  it('ISD, reclaim and 16(4) journals, and a purchase with one blocked line', () => {
    const adj = (row: ItcAdjustment['row'], cgst: number, sgst: number, igst = 0): ItcAdjustment => ({
      voucherGuid: row,
      voucherType: 'Journal',
      number: row,
      date: '2025-05-20',
      partyName: '',
      row,
      igst,
      cgst,
      sgst,
      cess: 0,
    });
    const r = buildGstr3b(
      gstr1,
      [
        inward({
          voucherGuid: 'p',
          taxable: 20_000_00,
          cgst: 1_800_00,
          sgst: 1_800_00,
          blocked: { taxable: 5_000_00, igst: 0, cgst: 450_00, sgst: 450_00, cess: 0 },
        }),
      ],
      [adj('isd', 0, 0, 2_000_00), adj('reclaim', 100_00, 100_00), adj('ineligible', 200_00, 200_00)],
    );
    // 4(A)(4) ISD 2,000 IGST; 4(A)(5) = 1,800 + reclaim 100 − 16(4) 200 = 1,700 each
    expect(r.itcAvailable.isd).toEqual({ igst: 2_000_00, cgst: 0, sgst: 0, cess: 0 });
    expect(r.itcAvailable.other).toEqual({ igst: 0, cgst: 1_700_00, sgst: 1_700_00, cess: 0 });
    expect(r.itcReversed).toEqual({ igst: 0, cgst: 450_00, sgst: 450_00, cess: 0 });
    expect(r.itcReversedOther).toEqual({ igst: 0, cgst: 0, sgst: 0, cess: 0 });
    // 4(C) = 2,000 IGST; 1,700 − 450 = 1,250 CGST and SGST
    expect(r.itcNet).toEqual({ igst: 2_000_00, cgst: 1_250_00, sgst: 1_250_00, cess: 0 });
    expect(r.itcReclaimed).toEqual({ igst: 0, cgst: 100_00, sgst: 100_00, cess: 0 });
    expect(r.itcIneligible).toEqual({ igst: 0, cgst: 200_00, sgst: 200_00, cess: 0 });
    const json = gstr3bJson(r) as { itc_elg: { itc_inelg: unknown[]; itc_rev: unknown[] } };
    expect(json.itc_elg.itc_inelg).toEqual([
      { ty: 'RUL', iamt: 0, camt: 100, samt: 100, csamt: 0 },
      { ty: 'OTH', iamt: 0, camt: 200, samt: 200, csamt: 0 },
    ]);
    expect(json.itc_elg.itc_rev[0]).toEqual({ ty: 'RUL', iamt: 0, camt: 450, samt: 450, csamt: 0 });
  });
});

describe('return periods', () => {
  it('a quarter of the financial year: Q1 April–June of YYYY … Q4 January–March of YYYY + 1', async () => {
    const { returnPeriod } = await import('../../../electron/core/gst/returns');
    expect(returnPeriod('2025-Q1')).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(returnPeriod('2025-Q3')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(returnPeriod('2025-Q4')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(returnPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});
