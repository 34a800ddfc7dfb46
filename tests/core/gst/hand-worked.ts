/**
 * The GSTR-1 of tests/fixtures/tally/real/gst (Sahyadri Traders, April 2025), worked out by hand in that
 * folder's README: what the portal JSON must be whichever way the books came in (import or sync).
 */
export const GST_COMPANY = '5a4d7a00-0000-4000-8000-0000000027a5';
export const GST_COMPANY_GSTIN = '27AAHFS1234K1Z4';

const item = (txval: number, rt: number, heads: Record<string, number>) => ({
  num: 1,
  itm_det: { txval, rt, ...heads, csamt: 0 },
});

export const HAND_WORKED_GSTR1 = {
  gstin: GST_COMPANY_GSTIN,
  fp: '042025',
  b2b: [
    {
      ctin: '27AAGFK5678L1ZN',
      inv: [
        {
          inum: 'S/1',
          idt: '03-04-2025',
          val: 23600,
          pos: '27',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [item(20000, 18, { camt: 1800, samt: 1800 })],
        },
      ],
    },
    {
      ctin: '29AACCB4321M1ZM',
      inv: [
        {
          inum: 'S/2',
          idt: '05-04-2025',
          val: 59000,
          pos: '29',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [item(50000, 18, { iamt: 9000 })],
        },
      ],
    },
  ],
  b2cs: [{ sply_ty: 'INTRA', typ: 'OE', pos: '27', rt: 18, txval: 5000, camt: 450, samt: 450, csamt: 0 }],
  cdnr: [
    {
      ctin: '29AACCB4321M1ZM',
      nt: [
        {
          ntty: 'C',
          nt_num: 'CN/1',
          nt_dt: '15-04-2025',
          val: 5900,
          pos: '29',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [item(5000, 18, { iamt: 900 })],
        },
      ],
    },
  ],
  nil: {
    inv: [
      { sply_ty: 'INTRB2B', nil_amt: 0, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRAB2B', nil_amt: 0, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRB2C', nil_amt: 0, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRAB2C', nil_amt: 500, expt_amt: 0, ngsup_amt: 0 },
    ],
  },
  hsn: {
    data: [
      {
        num: 1,
        hsn_sc: '1006',
        desc: 'Unbranded Rice',
        uqc: 'KGS',
        qty: 10,
        rt: 0,
        txval: 500,
        iamt: 0,
        camt: 0,
        samt: 0,
        csamt: 0,
      },
      {
        num: 2,
        hsn_sc: '9403',
        desc: 'Steel Almirah',
        uqc: 'NOS',
        qty: 3,
        rt: 18,
        txval: 25000,
        iamt: 0,
        camt: 2250,
        samt: 2250,
        csamt: 0,
      },
      {
        num: 3,
        hsn_sc: '9403',
        desc: 'Sales @18%',
        uqc: 'OTH',
        qty: 0,
        rt: 18,
        txval: 45000,
        iamt: 8100,
        camt: 0,
        samt: 0,
        csamt: 0,
      },
    ],
  },
  doc_issue: {
    doc_det: [
      { doc_num: 1, docs: [{ num: 1, from: 'S/1', to: 'S/4', totnum: 4, cancel: 1, net_issue: 3 }] },
      { doc_num: 5, docs: [{ num: 1, from: 'CN/1', to: 'CN/1', totnum: 1, cancel: 0, net_issue: 1 }] },
    ],
  },
};

const zeroTax = { iamt: 0, camt: 0, samt: 0, csamt: 0 };
/**
 * GSTR-3B table 4 of May 2025 (tests/fixtures/tally/real/gst, README "May 2025"), worked by hand:
 * - P/3 (6 May, Deccan Suppliers, DS/901): Purchase @18% ₹10,000 and Staff Welfare ₹5,000 (its ledger's GST
 *   details: "ineligible for input credit", GSTINELIGIBLEITC Yes), CGST ₹1,350 + SGST ₹1,350 (18% of
 *   ₹15,000). Tax shared by taxable × rate: Staff Welfare 5,000 / 15,000 = ⅓ → CGST ₹450, SGST ₹450 blocked.
 *   4(A)(5) all other ITC: CGST 1,350, SGST 1,350; 4(B)(1) (section 17(5)): CGST 450, SGST 450.
 * - J/1 (20 May): Increase of Input Tax Credit, "ISD Invoice/Debit Note", Dr Input CGST 900, Input SGST 900
 *   → 4(A)(4) ISD: CGST 900, SGST 900.
 * - J/2 (31 May): Reversal of Input Tax Credit, "Rule 42(1)(m)", Cr Input CGST 300, SGST 300 → 4(B)(1).
 * - J/3 (31 May): Reversal of Input Tax Credit, "Others", Cr Input CGST 100, SGST 100 → 4(B)(2).
 * 4(B)(1) = 450 + 300 = 750 each; 4(C) = 1,350 + 900 − 750 − 100 = 1,400 each; 4(D) nil.
 */
export const HAND_WORKED_ITC_MAY = {
  itc_avl: [
    { ty: 'IMPG', ...zeroTax },
    { ty: 'IMPS', ...zeroTax },
    { ty: 'ISRC', ...zeroTax },
    { ty: 'ISD', iamt: 0, camt: 900, samt: 900, csamt: 0 },
    { ty: 'OTH', iamt: 0, camt: 1350, samt: 1350, csamt: 0 },
  ],
  itc_rev: [
    { ty: 'RUL', iamt: 0, camt: 750, samt: 750, csamt: 0 },
    { ty: 'OTH', iamt: 0, camt: 100, samt: 100, csamt: 0 },
  ],
  itc_net: { iamt: 0, camt: 1400, samt: 1400, csamt: 0 },
  itc_inelg: [
    { ty: 'RUL', ...zeroTax },
    { ty: 'OTH', ...zeroTax },
  ],
};
