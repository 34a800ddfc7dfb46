// The CSV and .xlsx writers are shared with the main process (shared/print/workbook.ts: no DOM there);
// the sheet model too (shared/print/sheet.ts). Screens import them from here.
export {
  totalsOf,
  type ColumnKind,
  type ExportColumn,
  type ExportSheet,
  type ExportTotals,
} from '../../../shared/print/sheet';
export {
  csvText,
  DR_CR_HEADER,
  exportFileName,
  fileSafe,
  INR_FORMAT,
  signedHeader,
  toCsv,
  toXlsx,
} from '../../../shared/print/workbook';

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
