import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../electron/cli/run';
import { GST_COMPANY, GST_COMPANY_GSTIN, HAND_WORKED_GSTR1, HAND_WORKED_ITC_MAY } from './hand-worked';

/**
 * A hand-built GST company imported from Tally XML in the real shapes (tests/fixtures/tally/real/gst,
 * whose README works every figure out by hand), then asked for its returns through the CLI, as an
 * accountant would: CGST/SGST and IGST invoices, an unregistered consumer with a nil-rated line, a credit
 * note, a cancelled invoice, a purchase and a reverse-charge purchase.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/tally/real/gst/', import.meta.url));
const COMPANY = GST_COMPANY;
const GSTIN = GST_COMPANY_GSTIN;

let dir: string;
/** The accountant's own folder, where the 2B files are (never the data folder, which the app keeps private). */
let inputs: string;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', dir, '--compact'], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { INIT_CWD: inputs, REDIS_ENABLED: 'false' },
  });
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tc-gst-'));
  inputs = mkdtempSync(join(tmpdir(), 'tc-gst-inputs-'));
  const imported = await cli(['import', join(FIXTURES, 'DayBook.xml'), join(FIXTURES, 'Masters.xml')]);
  expect(imported.err).toBe('');
  expect(imported.code).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(inputs, { recursive: true, force: true });
});

describe('GST returns of an imported Tally company (CLI)', () => {
  it('gstr1 prints the hand-worked GSTR-1 JSON, with nothing to correct', async () => {
    const { code, out, err } = await cli(['gstr1', '--company', COMPANY, '--month', '2025-04']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(HAND_WORKED_GSTR1);
  });

  it('--out writes the same JSON to a file', async () => {
    const { code, out } = await cli([
      'gstr1',
      '--company',
      COMPANY,
      '--month',
      '2025-04',
      '--out',
      'r1.json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ written: join(inputs, 'r1.json') });
    expect(JSON.parse(readFileSync(join(inputs, 'r1.json'), 'utf8'))).toEqual(HAND_WORKED_GSTR1);
  });

  it('gstr3b: 3.1(a) nets the credit note, 3.1(d) and ITC ISRC carry the reverse-charge tax', async () => {
    const { code, out } = await cli(['gstr3b', '--company', COMPANY, '--month', '2025-04']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.ret_period).toBe('042025');
    expect(r.sup_details).toEqual({
      osup_det: { txval: 70000, iamt: 8100, camt: 2250, samt: 2250, csamt: 0 },
      osup_zero: { txval: 0, iamt: 0, csamt: 0 },
      osup_nil_exmp: { txval: 500 },
      isup_rev: { txval: 10000, iamt: 0, camt: 900, samt: 900, csamt: 0 },
      osup_nongst: { txval: 0 },
    });
    expect(r.itc_elg.itc_avl).toContainEqual({ ty: 'ISRC', iamt: 0, camt: 900, samt: 900, csamt: 0 });
    expect(r.itc_elg.itc_avl).toContainEqual({ ty: 'OTH', iamt: 0, camt: 2700, samt: 2700, csamt: 0 });
    expect(r.itc_elg.itc_net).toEqual({ iamt: 0, camt: 3600, samt: 3600, csamt: 0 });
  });

  it('gstr3b of May: blocked credit, ISD credit and reversals by journal in table 4, worked by hand', async () => {
    const { code, out, err } = await cli(['gstr3b', '--company', COMPANY, '--month', '2025-05']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).itc_elg).toEqual(HAND_WORKED_ITC_MAY);
  });

  it('gstr2b-reco: the purchase is matched by the supplier invoice number and date; a 2B-only invoice is listed', async () => {
    const gstr2b = {
      data: {
        gstin: GSTIN,
        rtnprd: '042025',
        docdata: {
          b2b: [
            {
              ctin: '27AAAFD2468P1Z2',
              trdnm: 'Deccan Suppliers',
              inv: [
                {
                  inum: 'DS/778',
                  dt: '10-04-2025',
                  val: 35400,
                  pos: '27',
                  rev: 'N',
                  itcavl: 'Y',
                  items: [{ rt: 18, txval: 30000, igst: 0, cgst: 2700, sgst: 2700, cess: 0 }],
                },
                {
                  inum: 'DS/801',
                  dt: '25-04-2025',
                  val: 1180,
                  pos: '27',
                  rev: 'N',
                  itcavl: 'Y',
                  items: [{ rt: 18, txval: 1000, igst: 0, cgst: 90, sgst: 90, cess: 0 }],
                },
              ],
            },
          ],
        },
      },
    };
    writeFileSync(join(inputs, '2b.json'), JSON.stringify(gstr2b));
    const { code, out, err } = await cli([
      'gstr2b-reco',
      '--company',
      COMPANY,
      '--month',
      '2025-04',
      '--file',
      '2b.json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const reco = JSON.parse(out);
    expect(
      reco.rows.map(
        (r: { bucket: string; portal: { number: string } | null; books: { number: string } | null }) => [
          r.bucket,
          r.portal?.number ?? null,
          r.books?.number ?? null,
        ],
      ),
    ).toEqual([
      ['matched', 'DS/778', 'DS/778'],
      ['only-in-2b', 'DS/801', null],
    ]);
    expect(reco.totals.matched.books).toEqual({
      taxable: 30000_00,
      igst: 0,
      cgst: 2700_00,
      sgst: 2700_00,
      cess: 0,
    });
  });

  it("gstr2b-reco pairs a supplier's late upload with the purchase booked in an earlier month", async () => {
    const may = {
      data: {
        gstin: GSTIN,
        rtnprd: '052025',
        docdata: {
          b2b: [
            {
              ctin: '27AAAFD2468P1Z2',
              inv: [
                {
                  inum: 'DS/778',
                  dt: '10-04-2025',
                  val: 35400,
                  pos: '27',
                  rev: 'N',
                  items: [{ rt: 18, txval: 30000, igst: 0, cgst: 2700, sgst: 2700, cess: 0 }],
                },
              ],
            },
          ],
        },
      },
    };
    writeFileSync(join(inputs, '2b-may.json'), JSON.stringify(may));
    const { code, out } = await cli([
      'gstr2b-reco',
      '--company',
      COMPANY,
      '--month',
      '2025-05',
      '--file',
      '2b-may.json',
    ]);
    expect(code).toBe(0);
    const reco = JSON.parse(out);
    expect(
      reco.rows.map((r: { bucket: string; books: { number: string } | null }) => [r.bucket, r.books?.number]),
      // May's own purchase DS/901 (P/3) is not in this 2B
    ).toEqual([
      ['matched', 'DS/778'],
      ['only-in-books', 'DS/901'],
    ]);
  });

  it('refuses a 2B of another GSTIN or month, and a file that is not a 2B, naming what is wrong', async () => {
    const write = (name: string, text: string) => writeFileSync(join(inputs, name), text);
    write(
      'other-gstin.json',
      JSON.stringify({ data: { gstin: '27AAGFK5678L1ZN', rtnprd: '042025', docdata: {} } }),
    );
    write('other-month.json', JSON.stringify({ data: { gstin: GSTIN, rtnprd: '052025', docdata: {} } }));
    write('not-2b.json', JSON.stringify({ hello: 'world' }));
    write('not-json.json', 'GSTR-2B, April');
    const run = (file: string) =>
      cli(['gstr2b-reco', '--company', COMPANY, '--month', '2025-04', '--file', file]);
    const cases: [string, RegExp][] = [
      ['other-gstin.json', /for GSTIN 27AAGFK5678L1ZN, not the company's 27AAHFS1234K1Z4/],
      ['other-month.json', /for 05-2025, not 04-2025/],
      ['not-2b.json', /not a GSTR-2B file/],
      ['not-json.json', /--file: .*not-json\.json is not a JSON file/],
      ['missing.json', /--file: cannot read/],
    ];
    for (const [file, message] of cases) {
      const { code, out, err } = await run(file);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(JSON.parse(err).error.message).toMatch(message);
    }
  });

  it('refuses a month written otherwise, and a company without a GSTIN', async () => {
    const bad = await cli(['gstr1', '--company', COMPANY, '--month', '04-2025']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('month must be a return period written YYYY-MM');
    // No voucher before April 2025 carries the company's GSTIN.
    const none = await cli(['gstr3b', '--company', COMPANY, '--month', '2025-03']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.err).error.message).toMatch(
      /"Sahyadri Traders" has no GSTIN in its books up to 2025-03-31/,
    );
  });

  it('--quarter: GSTR-1 and GSTR-3B of April–June 2025 (2025-Q1), fp and ret_period its last month', async () => {
    const r1 = await cli(['gstr1', '--company', COMPANY, '--quarter', '2025-Q1']);
    expect(r1.err).toBe('');
    expect(r1.code).toBe(0);
    const gstr1 = JSON.parse(r1.out);
    // Only April has outward supplies: its sections, filed for the quarter
    expect(gstr1.fp).toBe('062025');
    expect(gstr1.b2b).toEqual(HAND_WORKED_GSTR1.b2b);
    expect(gstr1.doc_issue).toEqual(HAND_WORKED_GSTR1.doc_issue);
    const r3b = await cli(['gstr3b', '--company', COMPANY, '--quarter', '2025-Q1']);
    expect(r3b.code).toBe(0);
    const gstr3b = JSON.parse(r3b.out);
    expect(gstr3b.ret_period).toBe('062025');
    // April's 3.1 (the May journals and purchase add no outward supply)
    expect(gstr3b.sup_details.osup_det).toEqual({
      txval: 70000,
      iamt: 8100,
      camt: 2250,
      samt: 2250,
      csamt: 0,
    });
    // 4: April (OTH 2,700, ISRC 900) and May (OTH 1,350, ISD 900; 4(B)(1) 750, 4(B)(2) 100), each head
    expect(gstr3b.itc_elg.itc_avl).toContainEqual({ ty: 'OTH', iamt: 0, camt: 4050, samt: 4050, csamt: 0 });
    expect(gstr3b.itc_elg.itc_avl).toContainEqual({ ty: 'ISRC', iamt: 0, camt: 900, samt: 900, csamt: 0 });
    expect(gstr3b.itc_elg.itc_avl).toContainEqual({ ty: 'ISD', iamt: 0, camt: 900, samt: 900, csamt: 0 });
    // 4(C) = 4,050 + 900 + 900 − 750 − 100 = 5,000
    expect(gstr3b.itc_elg.itc_net).toEqual({ iamt: 0, camt: 5000, samt: 5000, csamt: 0 });
  });

  it('refuses a quarter written otherwise, a month given as --quarter, and --month with --quarter', async () => {
    const q5 = await cli(['gstr3b', '--company', COMPANY, '--quarter', '2025-Q5']);
    expect(q5.code).toBe(1);
    expect(q5.err).toContain('--quarter must be a quarter of the financial year written YYYY-Qn');
    const asMonth = await cli(['gstr1', '--company', COMPANY, '--quarter', '2025-04']);
    expect(asMonth.code).toBe(1);
    expect(asMonth.err).toContain('--quarter must be a quarter');
    const both = await cli(['gstr1', '--company', COMPANY, '--month', '2025-04', '--quarter', '2025-Q1']);
    expect(both.code).toBe(1);
    expect(both.err).toContain('--month and --quarter give the same thing');
    // the 2B is monthly: no quarter there
    const reco = await cli(['gstr2b-reco', '--company', COMPANY, '--quarter', '2025-Q1', '--file', 'x.json']);
    expect(reco.code).toBe(1);
    expect(reco.err).toContain('Unknown option --quarter');
  });
});
