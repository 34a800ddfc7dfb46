import ExcelJS from 'exceljs';
import { createI18n } from '../../../renderer/src/i18n';
import { toXlsx, type ExportSheet } from '../../../renderer/src/lib/export';
import { returnFileName } from '../../../renderer/src/screens/gst/sheets/columns';
import { exceptionsWorkbook } from '../../../renderer/src/screens/gst/sheets/exceptions';
import { gstr1Workbook } from '../../../renderer/src/screens/gst/sheets/gstr1';
import { gstr2bWorkbook } from '../../../renderer/src/screens/gst/sheets/gstr2b';
import { gstr3bWorkbook } from '../../../renderer/src/screens/gst/sheets/gstr3b';
import { GSTIN, gstr1Answer, gstr3bAnswer, recoAnswer } from './answers';

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

describe('GST workbooks', () => {
  it('GSTR-1: title rows name company, GSTIN and period; every sheet totals its numeric columns', async () => {
    const book = await workbook(gstr1Workbook(gstr1Answer, heading, t) as ExportSheet<unknown>);
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
    const docs = columnsOf(book.worksheets[4]!);
    expect(docs.find((c) => c.header === 'Total')!.total).toBe(3);
  });

  it('GSTR-3B: the form without a meaningless total, and each figure’s vouchers adding up to it', async () => {
    const book = await workbook(gstr3bWorkbook(gstr3bAnswer, heading, t) as ExportSheet<unknown>);
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
