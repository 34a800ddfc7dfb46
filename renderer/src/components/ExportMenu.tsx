import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version } from '../../../package.json';
import { formatDrCr, formatInr } from '../../../shared/money';
import {
  downloadBlob,
  exportFileName,
  toCsv,
  toXlsx,
  type ColumnKind,
  type ExportSheet,
} from '../lib/export';
import { documentFromSheet } from '../lib/print/document';
import { printDocument } from '../lib/print/print';
import { displayValue } from './DataTable';
import { Icon } from './Icon';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds a report's sheet when asked: synchronously from the data on screen, or by fetching the whole
 * period from the core (a paged day book, a searched ledger).
 */
export type SheetSource = (
  purpose: 'file' | 'print',
) => ExportSheet<unknown> | null | Promise<ExportSheet<unknown> | null>;

/** Thrown by a sheet source that will not build (a period too large to print): its message is shown. */
export class ExportRefused extends Error {}

/** "06-12-2026 21:55": when a document was printed, in the machine's local time. */
const printedAt = (now: Date): string => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getDate())}-${two(now.getMonth() + 1)}-${now.getFullYear()} ${two(now.getHours())}:${two(now.getMinutes())}`;
};

/** Amounts on paper as Tally prints them: Indian grouping, no rupee sign in every cell, blank where nil. */
const printFormat = (kind: 'money' | 'drcr', paise: number): string =>
  paise === 0
    ? ''
    : kind === 'money'
      ? formatInr(paise, { symbol: false })
      : formatDrCr(paise, { symbol: false });

const printCell = (kind: ColumnKind, value: string | number | null): string =>
  value === ''
    ? ''
    : typeof value === 'number' && (kind === 'money' || kind === 'drcr')
      ? printFormat(kind, value)
      : displayValue(kind, value);

/** Excel, CSV, Print (and, in the desktop app, Save PDF) for one report; the sheet is built only when asked. */
export function ExportMenu({ sheet }: { sheet: SheetSource }) {
  const { t } = useTranslation();
  // Only the desktop app's preload offers Save PDF (Electron's printToPDF).
  const desktop = typeof window === 'undefined' ? undefined : window.tallyConnect;
  const savePdf = desktop?.savePdf ? (name: string) => desktop.savePdf(name) : undefined;
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const run = async (
    work: (data: ExportSheet<unknown>) => Promise<void> | void,
    purpose: 'file' | 'print' = 'file',
  ) => {
    setBusy(true);
    setRefused(null);
    try {
      const data = await sheet(purpose);
      if (data) await work(data);
    } catch (error) {
      // A refusal says why and what to do instead; anything else is a fault for the error boundary.
      if (error instanceof ExportRefused) setRefused(error.message);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  const exportXlsx = (data: ExportSheet<unknown>) =>
    // The app's version goes into the workbook's title rows (which build made the file).
    toXlsx(data, { version }).then((buffer) =>
      downloadBlob(new Blob([buffer], { type: XLSX_TYPE }), exportFileName(data, 'xlsx')),
    );
  const exportCsv = (data: ExportSheet<unknown>) =>
    downloadBlob(new Blob([toCsv(data)], { type: 'text/csv;charset=utf-8' }), exportFileName(data, 'csv'));
  const print = (sheetData: ExportSheet<unknown>, pdf: boolean) => {
    // A statement is filed as a table and printed as the statement.
    const data = sheetData.print?.sheet ?? sheetData;
    const labels = {
      broughtForward: t('wholeTable.broughtForward'),
      carriedForward: t('wholeTable.carriedForward'),
    };
    const doc = documentFromSheet(data, printCell, {
      strong: data.print?.strong,
      orientation: data.print?.orientation,
      running: data.print?.running ? { ...data.print.running, labels } : null,
      carry: data.print?.carry
        ? {
            ...data.print.carry,
            labels: {
              broughtForward: t('wholeTable.broughtForward'),
              carriedForward: t('wholeTable.carriedForward'),
            },
          }
        : null,
    });
    const name = exportFileName(sheetData, 'csv').replace(/\.csv$/, '.pdf');
    return printDocument(
      doc,
      {
        page: (page, pages) => t('wholeTable.printPage', { page, pages }),
        printedOn: t('statements.printedOn', { when: printedAt(new Date()) }),
      },
      printFormat,
      pdf && savePdf ? () => savePdf(name) : undefined,
    );
  };
  return (
    <div className="export-menu no-print" role="group" aria-label={t('common.export')} aria-busy={busy}>
      <button type="button" className="btn btn-ghost" onClick={() => void run(exportXlsx)} disabled={busy}>
        <Icon name="download" size={15} /> {t('common.exportXlsx')}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => void run(exportCsv)} disabled={busy}>
        <Icon name="download" size={15} /> {t('common.exportCsv')}
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => void run((d) => print(d, false), 'print')}
        disabled={busy}
        data-testid="print-report"
      >
        <Icon name="print" size={15} /> {t('common.print')}
      </button>
      {savePdf && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => void run((d) => print(d, true), 'print')}
          disabled={busy}
        >
          <Icon name="download" size={15} /> {t('wholeTable.savePdf')}
        </button>
      )}
      {busy && <span className="muted">{t('wholeTable.preparing')}</span>}
      {refused && (
        <span className="note note-bad" role="alert" data-testid="export-refused">
          {refused}
        </span>
      )}
    </div>
  );
}
