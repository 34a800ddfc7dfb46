import ExcelJS from 'exceljs';
import { toCsv, toXlsx, type ExportSheet } from '../../renderer/src/lib/export';

interface Row {
  date: string;
  name: string;
  amount: number;
  balance: number;
}

const sheet: ExportSheet<Row> = {
  title: 'Ledger statement - Patil, "Pune"',
  subtitle: ['Sharma Traders', 'Period: 01-04-2025 to 31-03-2026'],
  columns: [
    { header: 'Date', kind: 'date', value: (r) => r.date },
    { header: 'Particulars', kind: 'text', value: (r) => r.name },
    { header: 'Debit', kind: 'money', value: (r) => r.amount },
    { header: 'Balance', kind: 'drcr', value: (r) => r.balance },
  ],
  rows: [
    { date: '2025-04-05', name: 'विक्री, Sales', amount: 12345678, balance: -500 },
    { date: '2026-03-31', name: 'HDFC', amount: 1, balance: 0 },
  ],
};

describe('export', () => {
  it('writes CSV with a BOM, DD-MM-YYYY dates, exact rupees and quoted commas', () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith('\uFEFFDate,Particulars,Debit,Balance\r\n')).toBe(true);
    expect(csv).toContain('05-04-2025,"विक्री, Sales",123456.78,-5.00\r\n');
    expect(csv).toContain('31-03-2026,HDFC,0.01,0.00\r\n');
  });

  it('writes an .xlsx with real numbers and dates that Excel can read back', async () => {
    const buffer = await toXlsx(sheet);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Ledger statement - Patil, "Pune"');
    expect(ws.getCell('A2').value).toBe('Sharma Traders');
    const header = ws.getRow(5);
    expect(header.getCell(3).value).toBe('Debit');
    expect(header.font?.bold).toBe(true);
    const first = ws.getRow(6);
    expect(first.getCell(1).value).toEqual(new Date('2025-04-05T00:00:00Z'));
    expect(first.getCell(2).value).toBe('विक्री, Sales');
    expect(first.getCell(3).value).toBe(123456.78);
    expect(first.getCell(4).value).toBe(-5);
    expect(first.getCell(4).numFmt).toContain('"Cr"');
  });
});
