import type { Workbook } from 'exceljs';
import { formatInr, paiseToDecimalString } from '../money';
import { formatDateIndian } from '../dates';
import { amountOf, isAmount, totalsOf, type ColumnKind, type ExportSheet } from './sheet';

/**
 * The export sheet (./sheet.ts) written as files: CSV and the .xlsx workbook (exceljs). Pure, no DOM: the
 * renderer's Export menu (renderer/src/lib/export.ts re-exports these) and the main process (the statement
 * of account attached to a reminder e-mail, electron/core/collections) write the same workbook.
 */

/** The header of the Dr/Cr column written beside each balance (the same word in every language, as Tally). */
export const DR_CR_HEADER = 'Dr/Cr';

/** The header of a balance's signed copy in a workbook: "Balance (Dr +, Cr −)". */
export const signedHeader = (header: string): string => `${header} (Dr +, Cr −)`;

/** A sheet's rows in file order, each marked with its role; the totals row comes before the trailing rows. */
function fileRows<Row>(
  sheet: ExportSheet<Row>,
): { cells: (string | number | null)[]; total: boolean; row?: Row }[] {
  const cellsOf = (row: Row) => sheet.columns.map((c) => c.value(row));
  const totals = totalsOf(sheet);
  return [
    ...(sheet.leading ?? []).map((r) => ({ cells: cellsOf(r), total: false, row: r })),
    ...sheet.rows.map((r) => ({ cells: cellsOf(r), total: false, row: r })),
    ...(totals === null ? [] : [{ cells: totals, total: true }]),
    ...(sheet.trailing ?? []).map((r) => ({ cells: cellsOf(r), total: false, row: r })),
  ];
}

/** "Sharma Traders - Day Book - 01-04-2025 to 31-03-2026.xlsx": company, report and period. */
export function exportFileName(sheet: ExportSheet<unknown>, extension: 'xlsx' | 'csv'): string {
  return `${fileSafe(`${sheet.company} - ${sheet.title} - ${sheet.period}`)}.${extension}`;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection): = + - @, a tab or
 * a carriage return first, also after leading spaces (some spreadsheets trim them), and the full-width
 * forms Excel folds into them.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * A CSV cell a spreadsheet shows as the text it is: text that could start a formula gets a leading
 * apostrophe (Excel shows it as text, not a formula), and a cell with a quote, a comma, a semicolon
 * (the list separator of many locales), a tab or a line break is quoted with its quotes doubled.
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\t\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number the app computed (never text from the books): written as is, so a spreadsheet reads it as a number. */
const NUMERAL = /^-?\d+(?:\.\d+)?$/;

/**
 * A CSV cell: amounts as exact decimal rupees (no thousands separators, so spreadsheets read them as
 * numbers, negative ones too) and numbers as numerals; everything else is text, neutralised by csvText.
 */
function csvCellOf(kind: ColumnKind, value: string | number | null): string {
  if (value === null || value === '') return '';
  if (isAmount(kind)) {
    const amount = amountOf(value);
    return amount === null ? '' : paiseToDecimalString(amount);
  }
  if (kind === 'number' && typeof value === 'number' && NUMERAL.test(String(value))) return String(value);
  if (kind === 'date' && typeof value === 'string') return csvText(formatDateIndian(value));
  return csvText(String(value));
}

const drCrOf = (value: string | number | null): string => {
  const amount = amountOf(value);
  return amount === null ? '' : amount > 0 ? 'Dr' : 'Cr';
};

/**
 * CSV with a BOM so Excel opens Devanagari names correctly: the title rows, the header, the rows, the
 * totals. A balance is written signed (debit positive) with a Dr/Cr column beside it. Text from the books
 * (a ledger named "=HYPERLINK(...)") never becomes a formula: see csvText.
 */
export function toCsv<Row>(sheet: ExportSheet<Row>): string {
  const headers = sheet.columns.flatMap((c) => (c.kind === 'drcr' ? [c.header, DR_CR_HEADER] : [c.header]));
  const line = (cells: (string | number | null)[]) =>
    sheet.columns
      .flatMap((c, i) => {
        const value = cells[i] ?? null;
        const text = csvCellOf(c.kind, value);
        return c.kind === 'drcr' ? [text, drCrOf(value)] : [text];
      })
      .join(',');
  const lines = [
    csvText(sheet.company),
    csvText(sheet.title),
    csvText([sheet.period, ...(sheet.notes ?? [])].join(' · ')),
    '',
    headers.map(csvText).join(','),
    ...fileRows(sheet).map((r) => line(r.cells)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function isoToExcelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Indian grouping in Excel: crores, lakhs, thousands. */
export const INR_FORMAT = '[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00';

interface FileColumn {
  /** The sheet column it comes from. */
  source: number;
  kind: ColumnKind;
  header: string;
  /** A balance is three file columns: its amount, its side, and the amount signed (debit positive). */
  part: 'value' | 'amount' | 'side' | 'signed';
}

/** The width (characters) a column needs for its header and its longest value, within bounds. */
function widthOf(kind: ColumnKind, header: string, cells: (string | number | null)[]): number {
  let longest = header.length;
  for (const value of cells) {
    if (value === null) continue;
    const text =
      isAmount(kind) && typeof value === 'number'
        ? formatInr(Math.abs(value))
        : kind === 'date'
          ? '00-00-0000'
          : String(value);
    if (text.length > longest) longest = text.length;
  }
  return Math.min(kind === 'text' ? 60 : 24, Math.max(isAmount(kind) ? 12 : 8, longest + 2));
}

/**
 * An .xlsx workbook as accountants use it: company (with its address and GSTIN when the sheet has its
 * letterhead), report and period in the title rows; a bold, frozen
 * header with an autofilter; amounts as numbers in rupees with Indian grouping (blank where nil), each
 * balance as its amount plus a Dr/Cr column and once more signed (debit positive); dates as dates; a bold
 * totals row; columns as wide as their contents; the `more` sheets after it; the app's version in the title.
 */
export async function toXlsx<Row>(
  sheet: ExportSheet<Row>,
  options: { version?: string } = {},
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TallyConnect';
  const names = new Set<string>();
  for (const one of [sheet as ExportSheet<unknown>, ...((sheet.more ?? []) as ExportSheet<unknown>[])]) {
    writeWorksheet(workbook, one, names, options.version);
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** A worksheet name Excel accepts (31 characters, no \\ / ? * [ ] :), unique in its workbook. */
function worksheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31)
      .trim() || 'Report';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function writeWorksheet<Row>(
  workbook: Workbook,
  sheet: ExportSheet<Row>,
  taken: Set<string>,
  version: string | undefined,
): void {
  const ws = workbook.addWorksheet(worksheetName(sheet.title, taken));
  // The company as on paper: its name, then its address and GSTIN lines when its profile has them.
  ws.addRow([sheet.letterhead?.name ?? sheet.company]).font = { bold: true, size: 14 };
  for (const line of sheet.letterhead?.lines ?? []) ws.addRow([line]).font = { size: 10 };
  ws.addRow([sheet.title]).font = { bold: true, size: 12 };
  ws.addRow([
    [sheet.period, ...(sheet.notes ?? []), ...(version ? [`TallyConnect ${version}`] : [])].join(' · '),
  ]);
  ws.addRow([]);

  // One file column per column, two for a balance (the amount, then Dr/Cr).
  const layout = sheet.columns.flatMap((c, i): FileColumn[] =>
    c.kind === 'drcr'
      ? [
          { source: i, kind: c.kind, header: c.header, part: 'amount' },
          { source: i, kind: 'text', header: DR_CR_HEADER, part: 'side' },
          // Signed, so a formula can add balances up (Dr/Cr is the same word in every language).
          { source: i, kind: 'money', header: signedHeader(c.header), part: 'signed' },
        ]
      : [{ source: i, kind: c.kind, header: c.header, part: 'value' }],
  );
  const header = ws.addRow(layout.map((l) => l.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const headerRow = header.number;

  const rows = fileRows(sheet);
  for (const { cells, total, row } of rows) {
    const added = ws.addRow(
      layout.map((l) => {
        const v = cells[l.source] ?? null;
        if (l.part === 'side') return drCrOf(v) || null;
        if (isAmount(l.kind)) {
          const amount = amountOf(v);
          if (amount === null) return null;
          // A balance's side is in its Dr/Cr column; a money column (and a balance's signed copy) keeps its
          // sign (a loss is negative, a credit balance is negative).
          return (l.kind === 'drcr' ? Math.abs(amount) : amount) / 100;
        }
        if (v === null || v === '') return null;
        if (l.kind === 'date' && typeof v === 'string') return isoToExcelDate(v);
        return v;
      }),
    );
    if (total) {
      added.font = { bold: true };
      added.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
    } else if (row !== undefined && sheet.print) {
      // Headings bold as on paper (a statement's groups), cell by cell: the bold row is the totals row.
      const strong = sheet.print.strong?.(row) ?? false;
      const cellsBold = new Set(sheet.print.strongCells?.(row) ?? []);
      layout.forEach((l, i) => {
        if (strong || cellsBold.has(l.source)) added.getCell(i + 1).font = { bold: true };
      });
    }
  }
  layout.forEach((l, i) => {
    const col = ws.getColumn(i + 1);
    const cells = rows.map((r) => r.cells[l.source] ?? null);
    if (l.part === 'side') {
      col.width = 6;
    } else if (isAmount(l.kind)) {
      col.numFmt = INR_FORMAT;
      col.width = widthOf(l.kind, l.header, cells);
    } else if (l.kind === 'date') {
      col.numFmt = 'dd-mm-yyyy';
      col.width = 12;
    } else {
      col.width = widthOf(l.kind, l.header, cells);
    }
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: layout.length } };
}

export function fileSafe(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150) || 'report'
  );
}
