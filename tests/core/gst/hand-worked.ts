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
