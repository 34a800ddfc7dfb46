import ExcelJS from 'exceljs';
import { createI18n } from '../../../renderer/src/i18n';
import { toXlsx, type ExportSheet } from '../../../renderer/src/lib/export';
import { returnFileName } from '../../../renderer/src/screens/gst/sheets/columns';
import { exceptionsWorkbook } from '../../../renderer/src/screens/gst/sheets/exceptions';
import {
  gatherGstr1Vouchers,
  gstr1Workbook,
  sectionVouchersSheet,
} from '../../../renderer/src/screens/gst/sheets/gstr1';
import { gstr2bWorkbook } from '../../../renderer/src/screens/gst/sheets/gstr2b';
import { gatherGstr3bVouchers, gstr3bWorkbook } from '../../../renderer/src/screens/gst/sheets/gstr3b';
import {
  gatherVouchers,
  VouchersChanged,
  type VouchersPage,
} from '../../../renderer/src/screens/gst/sheets/vouchers';
import type { GstFigureRef, GstVoucherRef } from '../../../shared/types/gst';
import {
  figureVouchers,
  GSTIN,
  gstr1Answer,
  gstr3bAnswer,
  manyVoucherRefs,
  recoAnswer,
  vouchersPage,
} from './answers';

const t = createI18n('en').t;
const heading = { company: 'Sharma Traders Pvt Ltd', gstin: GSTIN, period: 'August 2024' };

async function workbook(sheet: ExportSheet<unknown>): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await toXlsx(sheet));
  return book;
}

/** Each column's numbers between the header (row 5) and the bold totals row, and the totals row's. */
function columnsOf(ws: ExcelJS.Worksheet): { header: string; cells: number[]; total: unknown }[] {
  const header = ws.getRow(5).values as unknown[];
  const last = ws.rowCount;
  const totals = ws.getRow(last);
  const out: { header: string; cells: number[]; total: unknown }[] = [];
  for (let c = 1; c < header.length; c++) {
    const cells: number[] = [];
    for (let r = 6; r < last; r++) {
      const v = ws.getRow(r).getCell(c).value;
      if (typeof v === 'number') cells.push(v);
    }
    out.push({ header: String(header[c]), cells, total: totals.getCell(c).value });
  }
  return out;
}

/** Every amount column's total equals the SUM of its rows, to the paisa. */
function expectTotalsAreSums(ws: ExcelJS.Worksheet, amountHeaders: RegExp): number {
  let checked = 0;
  for (const col of columnsOf(ws)) {
    if (!amountHeaders.test(col.header)) continue;
    const sum = Math.round(col.cells.reduce((s, v) => s + v * 100, 0));
    expect(Math.round(Number(col.total ?? 0) * 100), `${ws.name} › ${col.header}`).toBe(sum);
    checked++;
  }
  return checked;
}

const AMOUNTS = /Taxable value|IGST|CGST|SGST|Cess|Voucher value|Vouchers|tax$|Difference/;

/** A `gst.vouchers` over the answers' own figures (or the vouchers given), recording what it was asked. */
function pages(all?: (of: GstFigureRef) => readonly GstVoucherRef[]) {
  const asked: { of: GstFigureRef; offset: number; limit: number }[] = [];
  const page: VouchersPage = async (of, offset, limit) => {
    asked.push({ of, offset, limit });
    return vouchersPage(
      { companyGuid: 'co-1', month: '2024-08', of, offset, limit },
      (all ?? figureVouchers)(of),
    );
  };
  return { page, asked };
}

describe('GST workbooks', () => {
  it('GSTR-1: title rows name company, GSTIN and period; every sheet totals its numeric columns', async () => {
    const { page, asked } = pages();
    const vouchers = await gatherGstr1Vouchers(page, gstr1Answer);
    // The sections with vouchers, each asked once in pages of 5,000.
    expect(asked).toEqual([
      { of: { return: 'gstr1', section: 'b2b' }, offset: 0, limit: 5000 },
      { of: { return: 'gstr1', section: 'b2cs' }, offset: 0, limit: 5000 },
    ]);
    const book = await workbook(gstr1Workbook(gstr1Answer, vouchers, heading, t) as ExportSheet<unknown>);
    const first = book.worksheets[0]!;
    expect(first.getCell('A1').value).toBe('Sharma Traders Pvt Ltd');
    expect(first.getCell('A2').value).toBe('GSTR-1');
    expect(String(first.getCell('A3').value)).toContain('August 2024');
    expect(String(first.getCell('A3').value)).toContain(`GSTIN ${GSTIN}`);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'GSTR-1',
      'GSTR-1 - B2B',
      'GSTR-1 - B2CS',
      'GSTR-1 - HSN SAC summary',
      'GSTR-1 - Documents issued',
    ]);
    // The summary's taxable value is ₹25,000 (B2B ₹20,000 + B2CS ₹5,000), as a number.
    const taxable = columnsOf(first).find((c) => c.header === 'Taxable value')!;
    expect(taxable.total).toBe(25_000);
    for (const ws of book.worksheets.slice(0, 4)) expect(expectTotalsAreSums(ws, AMOUNTS)).toBeGreaterThan(3);
    // Each section's sheet adds up to the section's figure on the summary.
    for (const [name, section] of [
      ['GSTR-1 - B2B', 'b2b'],
      ['GSTR-1 - B2CS', 'b2cs'],
    ] as const) {
      const figure = gstr1Answer.view.sections.find((s) => s.section === section)!;
      const cols = columnsOf(book.getWorksheet(name)!);
      expect(cols.find((c) => c.header === 'Taxable value')!.total).toBe(figure.taxable / 100);
      expect(cols.find((c) => c.header === 'CGST')!.total).toBe(figure.cgst / 100);
    }
    const docs = columnsOf(book.worksheets[4]!);
    expect(docs.find((c) => c.header === 'Total')!.total).toBe(3);
  });

  it('GSTR-3B: the form without a meaningless total, and each figure’s vouchers adding up to it', async () => {
    const { page, asked } = pages();
    const vouchers = await gatherGstr3bVouchers(page, gstr3bAnswer);
    const withVouchers = gstr3bAnswer.view.figures.filter((f) => f.count > 0).map((f) => f.id);
    expect(asked.map((a) => a.of)).toEqual(withVouchers.map((figure) => ({ return: 'gstr3b', figure })));
    const book = await workbook(gstr3bWorkbook(gstr3bAnswer, vouchers, heading, t) as ExportSheet<unknown>);
    const form = book.worksheets[0]!;
    expect(form.getCell('A6').value).toBe('3.1(a)');
    // 3.1(a) taxable ₹25,000 as a number, not text.
    expect(form.getRow(6).getCell(3).value).toBe(25_000);
    const figureSheets = book.worksheets.filter(
      (w) => /^GSTR-3B - [34]/.test(w.name) && !w.name.includes('3.2'),
    );
    expect(figureSheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['GSTR-3B - 3.1(a)', 'GSTR-3B - 4(A)(5)', 'GSTR-3B - 4(C)']),
    );
    for (const ws of figureSheets) expectTotalsAreSums(ws, AMOUNTS);
    const a = book.getWorksheet('GSTR-3B - 3.1(a)')!;
    expect(columnsOf(a).find((c) => c.header === 'Taxable value')!.total).toBe(25_000);
    const itc = columnsOf(book.getWorksheet('GSTR-3B - 4(A)(5)')!);
    expect(itc.find((c) => c.header === 'CGST')!.total).toBe(900);
  });

  it('a print of a return needs no vouchers: without them the workbook is its summary sheets alone', () => {
    const one = gstr1Workbook(gstr1Answer, new Map(), heading, t);
    expect(one.more!.map((m) => m.title)).toEqual(['GSTR-1 - HSN/SAC summary', 'GSTR-1 - Documents issued']);
    const three = gstr3bWorkbook(gstr3bAnswer, new Map(), heading, t);
    expect(three.more!.map((m) => m.title)).toEqual([
      'GSTR-3B - 3.2 Inter-state supplies made to unregistered persons',
    ]);
  });

  it('gathers a figure of 12,345 vouchers in pages of 5,000: every voucher once, the totals its sum', async () => {
    const all = manyVoucherRefs(12_345, true);
    const { page, asked } = pages(() => all);
    const of: GstFigureRef = { return: 'gstr1', section: 'b2cs' };
    const rows = await gatherVouchers(page, of);
    expect(asked.map((a) => [a.offset, a.limit])).toEqual([
      [0, 5000],
      [5000, 5000],
      [10_000, 5000],
    ]);
    expect(rows.map((r) => r.voucherGuid)).toEqual(all.map((r) => r.voucherGuid));
    const b2cs = gstr1Answer.view.sections.find((s) => s.section === 'b2cs')!;
    const book = await workbook(sectionVouchersSheet(b2cs, rows, {}, heading, t) as ExportSheet<unknown>);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(5 + 12_345 + 1);
    expect(expectTotalsAreSums(ws, AMOUNTS)).toBe(6);
    // The figure's sum as the core states it, to the paisa.
    const sum = vouchersPage({ companyGuid: 'co-1', month: '2024-08', of }, all).sum;
    const cols = columnsOf(ws);
    expect(Math.round(Number(cols.find((c) => c.header === 'Taxable value')!.total) * 100)).toBe(sum.taxable);
    expect(Math.round(Number(cols.find((c) => c.header === 'Cess')!.total) * 100)).toBe(sum.cess);
  });

  it('refuses a figure whose pages do not add up to it (the books changed between two pages)', async () => {
    const before = manyVoucherRefs(7_000, true);
    // A sync after the first page: an amount on it changed, the figure with it.
    const after = before.map((v, i) => (i === 100 ? { ...v, taxable: v.taxable + 1_00 } : v));
    let call = 0;
    const changing: VouchersPage = async (of, offset, limit) =>
      vouchersPage(
        { companyGuid: 'co-1', month: '2024-08', of, offset, limit },
        call++ === 0 ? before : after,
      );
    await expect(gatherVouchers(changing, { return: 'gstr1', section: 'b2cs' })).rejects.toBeInstanceOf(
      VouchersChanged,
    );
    // A voucher more after the first page: the count no longer the pages'.
    call = 0;
    const growing: VouchersPage = async (of, offset, limit) =>
      vouchersPage(
        { companyGuid: 'co-1', month: '2024-08', of, offset, limit },
        call++ === 0 ? before : [manyVoucherRefs(1, true)[0]!, ...before],
      );
    await expect(gatherVouchers(growing, { return: 'gstr1', section: 'b2cs' })).rejects.toBeInstanceOf(
      VouchersChanged,
    );
  });

  it('GSTR-2B: the buckets add up to the 2B file and to the books; each bucket is a sheet with its total', async () => {
    const book = await workbook(
      gstr2bWorkbook(recoAnswer, { ...heading, fileName: '2B.json' }, t) as ExportSheet<unknown>,
    );
    const summary = book.worksheets[0]!;
    expectTotalsAreSums(summary, AMOUNTS);
    const cols = columnsOf(summary);
    expect(cols.find((c) => c.header === 'GSTR-2B taxable value')!.total).toBe(
      recoAnswer.portalTotal.taxable / 100,
    );
    expect(cols.find((c) => c.header === 'Books taxable value')!.total).toBe(
      recoAnswer.booksTotal.taxable / 100,
    );
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'GSTR-2B reconciliation',
      'GSTR-2B - Matched',
      'GSTR-2B - Mismatched',
      'GSTR-2B - Only in GSTR-2B',
      'GSTR-2B - Only in the books',
    ]);
    for (const ws of book.worksheets.slice(1)) expectTotalsAreSums(ws, AMOUNTS);
    expect(String(book.worksheets[2]!.getCell('A3').value)).toContain('2B.json');
  });

  it('exceptions: the list, and the tax ledgers’ differences adding up to the total difference', async () => {
    const book = await workbook(
      exceptionsWorkbook(gstr1Answer.exceptions, gstr3bAnswer.taxLedgers, heading, t) as ExportSheet<unknown>,
    );
    const ledgers = book.worksheets[1]!;
    expectTotalsAreSums(ledgers, AMOUNTS);
    expect(columnsOf(ledgers).find((c) => c.header === 'Difference (IGST)')!.total).toBe(180);
  });

  it('names the portal JSON after the return, the GSTIN and the period', () => {
    expect(returnFileName('GSTR3B', GSTIN, '2025-04')).toBe(`GSTR3B_${GSTIN}_042025.json`);
  });
});
