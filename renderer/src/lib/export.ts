import { paiseToDecimalString, type Paise } from '../../../shared/money';
import { formatDateIndian } from '../../../shared/dates';

export type ColumnKind = 'text' | 'money' | 'drcr' | 'date' | 'number';

export interface ExportColumn<Row> {
  header: string;
  kind: ColumnKind;
  // Method syntax on purpose: a sheet of any row type can be handed to the generic export menu.
  value(row: Row): string | number | null;
}

export interface ExportSheet<Row> {
  /** Sheet / file title, e.g. "Ledger statement - Sharma Traders". */
  title: string;
  /** Lines under the title: company, period. */
  subtitle: string[];
  columns: ExportColumn<Row>[];
  rows: Row[];
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Exact decimal rupees for files (no thousands separators, so spreadsheets read them as numbers). */
function plainCell(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return '';
  if ((kind === 'money' || kind === 'drcr') && typeof value === 'number') return paiseToDecimalString(value);
  if (kind === 'date' && typeof value === 'string') return formatDateIndian(value);
  return String(value);
}

/** CSV with a BOM so Excel opens Devanagari names correctly. */
export function toCsv<Row>(sheet: ExportSheet<Row>): string {
  const lines = [
    sheet.columns.map((c) => csvCell(c.header)).join(','),
    ...sheet.rows.map((row) => sheet.columns.map((c) => csvCell(plainCell(c.kind, c.value(row)))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function isoToExcelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Indian grouping in Excel: crores, lakhs, thousands. */
export const INR_FORMAT = '[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00';

/** An .xlsx workbook: title rows, a bold header, amounts as real numbers in rupees, dates as dates. */
export async function toXlsx<Row>(sheet: ExportSheet<Row>): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TallyConnect';
  const ws = workbook.addWorksheet(sheet.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Report');
  ws.addRow([sheet.title]).font = { bold: true, size: 14 };
  for (const line of sheet.subtitle) ws.addRow([line]);
  ws.addRow([]);
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of sheet.rows) {
    ws.addRow(
      sheet.columns.map((c) => {
        const v = c.value(row);
        if (v === null) return null;
        if ((c.kind === 'money' || c.kind === 'drcr') && typeof v === 'number') return (v as Paise) / 100;
        if (c.kind === 'date' && typeof v === 'string') return isoToExcelDate(v);
        return v;
      }),
    );
  }
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.kind === 'money' || c.kind === 'drcr') {
      // Balances keep their sign (debit positive) and show Dr / Cr the way Tally does.
      col.numFmt = c.kind === 'drcr' ? '#,##0.00 "Dr";#,##0.00 "Cr";0.00' : INR_FORMAT;
      col.width = 18;
    } else if (c.kind === 'date') {
      col.numFmt = 'dd-mm-yyyy';
      col.width = 12;
    } else {
      col.width = Math.min(48, Math.max(12, c.header.length + 4));
    }
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

export function fileSafe(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'report'
  );
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
