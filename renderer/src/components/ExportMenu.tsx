import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version } from '../../../package.json';
import { formatInr } from '../../../shared/money';
import { dateTime, side } from '../lib/format';
import {
  downloadBlob,
  exportFileName,
  toCsv,
  toXlsx,
  type ColumnKind,
  type ExportSheet,
} from '../lib/export';
import { documentFromSheet } from '../../../shared/print/document';
import { sheetWithLetterhead } from '../../../shared/print/letterhead';
import { printDocument } from '../lib/print/print';
import { useLetterhead } from '../lib/print/letterhead';
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

/** Amounts on paper as Tally prints them: Indian grouping, no rupee sign in every cell, blank where nil. */
const printFormat = (kind: 'money' | 'drcr', paise: number): string =>
  paise === 0
    ? ''
    : kind === 'money'
      ? formatInr(paise, { symbol: false })
      : `${formatInr(Math.abs(paise), { symbol: false })} ${side(paise)}`;

const printCell = (kind: ColumnKind, value: string | number | null): string =>
  value === ''
    ? ''
    : typeof value === 'number' && (kind === 'money' || kind === 'drcr')
      ? printFormat(kind, value)
      : displayValue(kind, value);

/** What a key press asks of a report's export menu (Tally's Alt+P / Ctrl+P print, Alt+E export), or null. */
export function reportKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): 'print' | 'export' | null {
  if (event.shiftKey) return null;
  const letter = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    if (letter === 'p') return 'print';
    if (letter === 'e') return 'export';
  }
  if ((event.ctrlKey || event.metaKey) && !event.altKey && letter === 'p') return 'print';
  return null;
}

/** Excel, CSV, Print (and, in the desktop app, Save PDF) for one report; the sheet is built only when asked. */
export function ExportMenu({ sheet }: { sheet: SheetSource }) {
  const { t } = useTranslation();
  // Only the desktop app's preload offers Save PDF (Electron's printToPDF).
  const desktop = typeof window === 'undefined' ? undefined : window.tallyConnect;
  const savePdf = desktop?.savePdf ? (name: string) => desktop.savePdf(name) : undefined;
  const [busy, setBusy] = useState(false);
  const groupRef = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // The company's name, address and GSTIN on every printed page and in every workbook's title rows.
  const letterhead = useLetterhead();
  const run = async (
    work: (data: ExportSheet<unknown>) => Promise<void> | void,
    purpose: 'file' | 'print' = 'file',
  ) => {
    setBusy(true);
    setRefused(null);
    try {
      const [data, company] = await Promise.all([sheet(purpose), letterhead()]);
      if (data) await work(sheetWithLetterhead(data, company));
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
    const doc =
      data.print?.document ??
      documentFromSheet(data, printCell, {
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
        printedOn: t('statements.printedOn', { when: dateTime(Date.now()) }),
      },
      printFormat,
      pdf && savePdf ? () => savePdf(name) : undefined,
    );
  };
  const keys = useRef({ print: () => {}, busy });
  keys.current = { print: () => void run((d) => print(d, false)), busy };
  // Alt+P / Ctrl+P prints the report (the browser's own print would print the screen, cut to one
  // page); Alt+E goes to the export buttons, Enter then exports to Excel, Tab reaches CSV. Only the
  // screen's first export menu answers, and not while a dialog is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = reportKeyAction(event);
      if (!action || event.defaultPrevented) return;
      if (document.querySelector('.export-menu') !== groupRef.current) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      if (keys.current.busy) return;
      if (action === 'print') keys.current.print();
      else groupRef.current?.querySelector<HTMLButtonElement>('[data-export="xlsx"]')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div
      ref={groupRef}
      className="export-menu no-print"
      role="group"
      aria-label={t('common.export')}
      aria-busy={busy}
    >
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => void run(exportXlsx)}
        disabled={busy}
        title="Alt+E"
        aria-keyshortcuts="Alt+E"
        data-export="xlsx"
      >
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
        title="Alt+P · Ctrl+P"
        aria-keyshortcuts="Alt+P Control+P"
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
