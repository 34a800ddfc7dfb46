import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GstFigureRef, GstVoucherRef, GstVouchersAnswer } from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useBridge } from '../../bridge/context';
import { DataTable, displayValue, type Column } from '../../components/DataTable';
import { ExportRefused } from '../../components/ExportMenu';
import { Icon } from '../../components/Icon';
import { QueryState } from '../../components/QueryState';
import { Pager, pageCount } from '../../components/table/Pager';
import { OperationError, useOperation } from '../../data/client';
import { downloadBlob } from '../../lib/export';
import { count, todayIso } from '../../lib/format';
import { DAY_BOOK_PRINT_LIMIT } from '../../lib/print/limits';
import { useAppState } from '../../state';
import { placeLabel, returnFileName, voucherRefColumns } from './sheets/columns';
import { isMonth, isQuarter, monthsOf, quarterChoices, quarterLabel, quarterOf } from './sheets/period';
import { gatherVouchers, VouchersChanged, type VouchersPage } from './sheets/vouchers';

/** How many vouchers of a figure the screens show a page at a time (`gst.vouchers` pages). */
export const VOUCHERS_PAGE_SIZE = 500;

/**
 * The return period a GST screen shows: the link's period (?m=YYYY-MM, or ?m=YYYY-Qn where the screen
 * takes quarters; a monthly screen given a quarter shows its last month, up to today's), else the month the
 * session period ends in, else the month of the company's last voucher, never after today's month.
 */
export function useGstMonth(
  company: CompanySummary,
  options: { quarters?: boolean } = {},
): { month: string; setMonth: (m: string) => void } {
  const { route, go, sessionPeriod } = useAppState();
  const today = todayIso().slice(0, 7);
  const fallback =
    [sessionPeriod?.to, company.lastVoucherDate ?? undefined, todayIso()]
      .filter((d): d is string => typeof d === 'string')
      .map((d) => d.slice(0, 7))
      .find((m) => m <= today) ?? today;
  const given = route.params.m ?? '';
  const month = isMonth(given)
    ? given
    : isQuarter(given)
      ? options.quarters
        ? given
        : [monthsOf(given).last, today].sort()[0]!
      : fallback;
  return { month, setMonth: (m) => go(route.screen, { m }, { replace: true }) };
}

/**
 * The return period chooser of the GST screens: a month, or (`quarters`: GSTR-1, GSTR-3B and their
 * exceptions) a quarter of the financial year for quarterly (QRMP) filers. Switching to quarters takes the
 * month's quarter; back to months, the quarter's last month up to today's.
 */
export function MonthChooser({
  month,
  onChange,
  quarters = false,
}: {
  month: string;
  onChange: (m: string) => void;
  quarters?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const today = todayIso().slice(0, 7);
  const quarterly = quarters && isQuarter(month);
  return (
    <span className="gst-period">
      {quarters && (
        <label className="topbar-field gst-period-kind">
          <span>{t('gst.month')}</span>
          <select
            value={quarterly ? 'quarter' : 'month'}
            onChange={(e) =>
              onChange(
                e.target.value === 'quarter' ? quarterOf(month) : [monthsOf(month).last, today].sort()[0]!,
              )
            }
            data-testid="gst-period-kind"
            aria-label={t('gst.periodKind')}
          >
            <option value="month">{t('gst.monthly')}</option>
            <option value="quarter">{t('gst.quarterly')}</option>
          </select>
        </label>
      )}
      {quarterly ? (
        <label className="topbar-field gst-quarter" title={t('gst.quarterNote')}>
          <select
            value={month}
            onChange={(e) => {
              if (isQuarter(e.target.value)) onChange(e.target.value);
            }}
            data-testid="gst-quarter"
            aria-label={t('gst.quarter')}
          >
            {quarterChoices(month, today).map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q, i18n.language, t)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="topbar-field gst-month" title={t('gst.monthNote')}>
          {!quarters && <span>{t('gst.month')}</span>}
          <input
            type="month"
            value={month}
            max={today}
            onChange={(e) => {
              if (isMonth(e.target.value)) onChange(e.target.value);
            }}
            data-testid="gst-month"
            aria-label={t('gst.month')}
          />
        </label>
      )}
    </span>
  );
}

/** "Download JSON": the portal JSON of a return, saved under the name the return's files go by. */
export function JsonButton({
  form,
  gstin,
  month,
  json,
}: {
  form: 'GSTR1' | 'GSTR3B';
  gstin: string;
  month: string;
  /** The return's JSON, or how to fetch it (GSTR-1's, with every invoice, is asked for on download). */
  json: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const file = returnFileName(form, gstin, month);
  const save = async (): Promise<void> => {
    setProblem(null);
    setBusy(true);
    try {
      const body = typeof json === 'function' ? await json() : json;
      downloadBlob(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), file);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        title={t('gst.downloadJsonTitle', { file })}
        data-testid="download-json"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void save()}
      >
        <Icon name="download" size={15} /> {t('gst.downloadJson')}
      </button>
      {problem !== null && (
        <span role="alert" className="field-error" data-testid="download-json-problem">
          {problem}
        </span>
      )}
    </>
  );
}

/** Fetches a period's GSTR-1 portal JSON (gst.gstr1Json) for the download button. */
export function useGstr1Json(companyGuid: string, month: string): () => Promise<Record<string, unknown>> {
  const bridge = useBridge();
  return async () => {
    const envelope = await bridge.invoke('gst.gstr1Json', { companyGuid, month });
    if (!envelope.ok) throw new OperationError(envelope.error);
    return envelope.data.json;
  };
}

/** The voucher columns' ids, in voucherRefColumns' order (the totals row finds the amounts by them). */
const VOUCHER_COLUMN_IDS = [
  'date',
  'number',
  'type',
  'party',
  'gstin',
  'pos',
  'value',
  'taxable',
  'igst',
  'cgst',
  'sgst',
  'cess',
] as const;

/** A stable name of a figure: the same figure asked twice is one query, another figure another. */
export function figureName(of: GstFigureRef): string {
  switch (of.return) {
    case 'gstr1':
      return `gstr1:${of.section}`;
    case 'gstr1-hsn':
      return `gstr1-hsn:${of.table}:${of.hsn}:${of.uqc}:${of.rate}`;
    case 'gstr3b':
      return `gstr3b:${of.figure}`;
    case 'gstr3b-state':
      return `gstr3b-state:${of.placeOfSupply}`;
  }
}

/**
 * The vouchers behind one figure, asked of the core a page at a time (`gst.vouchers`, issue 26: a figure
 * may stand on a hundred thousand vouchers). The page is in the link (?page=2); ↓ / PgDn past the last row
 * goes on to the next page, as in the day book. The totals row is the whole figure's, from the answer's
 * sum, not the page's. Enter (or a click) opens a voucher.
 */
export function FigureVouchers({
  companyGuid,
  month,
  of,
  label,
  states,
}: {
  companyGuid: string;
  month: string;
  of: GstFigureRef;
  label: string;
  states: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const page = Math.max(1, Number(route.params.page) || 1);
  const name = figureName(of);
  const query = useOperation(
    'gst.vouchers',
    { companyGuid, month, of, offset: (page - 1) * VOUCHERS_PAGE_SIZE, limit: VOUCHERS_PAGE_SIZE },
    {
      // The page on screen stays while the next one comes, but never another figure's or period's.
      placeholderData: (previous) =>
        previous && previous.month === month && figureName(previous.of) === name ? previous : undefined,
    },
  );
  const setPage = (p: number) =>
    go(route.screen, { ...route.params, page: p > 1 ? String(p) : undefined }, { replace: true });
  const pages = query.data ? pageCount(query.data.total, VOUCHERS_PAGE_SIZE) : 1;
  // A page past the end (an old link, fewer vouchers after a sync) shows the last one.
  const beyond = query.data !== undefined && !query.isPlaceholderData && page > pages;
  useEffect(() => {
    if (beyond) setPage(pages);
  });
  return (
    <QueryState query={query}>
      {(answer) => (
        <>
          {answer.total > VOUCHERS_PAGE_SIZE && (
            <div className="gst-vouchers-pages">
              <span className="muted" data-testid="gst-vouchers-shown">
                {t('gstVouchers.shown', {
                  from: count(answer.offset + 1),
                  to: count(answer.offset + answer.rows.length),
                  total: count(answer.total),
                })}
              </span>
              <Pager page={page} total={answer.total} pageSize={VOUCHERS_PAGE_SIZE} onPage={setPage} />
            </div>
          )}
          <VoucherRefTable label={label} answer={answer} states={states} page={page} onPage={setPage} />
        </>
      )}
    </QueryState>
  );
}

/** A page of the vouchers behind a figure, with the whole figure's totals under it. */
function VoucherRefTable({
  label,
  answer,
  states,
  page,
  onPage,
}: {
  label: string;
  answer: GstVouchersAnswer;
  states: Record<string, string>;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const columns: Column<GstVoucherRef>[] = voucherRefColumns(t, states).map((c, i) => ({
    ...c,
    id: VOUCHER_COLUMN_IDS[i] ?? `c${i}`,
    // The date and the number on one line each (a date broken over three lines reads badly).
    ...(i <= 1 ? { nowrap: true } : {}),
    ...(i === 3
      ? {
          render: (v: GstVoucherRef) => (
            <span className="cell-name gst-party" title={v.partyName}>
              {v.partyName}
            </span>
          ),
        }
      : {}),
    ...(i === 5
      ? {
          render: (v: GstVoucherRef) => (
            <span title={placeLabel(v.placeOfSupply, states)}>{v.placeOfSupply}</span>
          ),
        }
      : {}),
  }));
  const pages = pageCount(answer.total, VOUCHERS_PAGE_SIZE);
  const whole = answer.rows.length === answer.total;
  return (
    <DataTable
      label={label}
      columns={pages > 1 ? columns.map((c) => ({ ...c, sortable: false })) : columns}
      rows={answer.rows}
      rowKey={(v, i) => `${v.voucherGuid}:${i}`}
      onRowClick={(v) => go('voucher', { v: v.voucherGuid })}
      empty={t('common.empty')}
      // Sorting or searching one page of many would pass for the whole figure's: only a figure on one page.
      searchable={pages === 1}
      virtualise={false}
      paging={pages > 1 ? { page, pages, onPage } : undefined}
      foot={
        <TotalsRow
          columns={columns}
          rows={answer.rows}
          // The figure's own sum; the vouchers' values add up only where every one is on the page.
          given={{ ...answer.sum, ...(whole ? {} : { value: null }) }}
        />
      }
    />
  );
}

/**
 * The pages of `gst.vouchers` for a workbook (pages of 5,000), and the gathering of a figure's vouchers for
 * a sheet of one drill-down; a figure whose pages do not add up (the books changed meanwhile) is refused
 * with a word to export again, and one too large for paper is not printed (before anything is fetched),
 * as the day book refuses.
 */
export function useVouchersPages(companyGuid: string, month: string) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const page: VouchersPage = async (of, offset, limit) => {
    const envelope = await bridge.invoke('gst.vouchers', { companyGuid, month, of, offset, limit });
    if (!envelope.ok) throw new OperationError(envelope.error);
    return envelope.data;
  };
  const refusing = async <T,>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof VouchersChanged) throw new ExportRefused(t('gstVouchers.changed'));
      throw error;
    }
  };
  return {
    page,
    /** Runs a gathering; a figure that changed under it becomes the export menu's refusal. */
    refusing,
    gather: (of: GstFigureRef, purpose: 'file' | 'print', vouchers: number) => {
      if (purpose === 'print' && vouchers > DAY_BOOK_PRINT_LIMIT)
        throw new ExportRefused(
          t('statements.printTooMany', { n: count(vouchers), limit: count(DAY_BOOK_PRINT_LIMIT) }),
        );
      return refusing(() => gatherVouchers(page, of));
    },
  };
}

/**
 * A totals row under a table: the money columns added up, "Total" in the first column; `given` puts the
 * totals the core stated (a figure's sum over every page) by column id instead, null leaving one blank.
 */
export function TotalsRow<Row>({
  columns,
  rows,
  given = {},
}: {
  columns: Column<Row>[];
  rows: Row[];
  given?: Partial<Record<string, number | null>>;
}) {
  const { t } = useTranslation();
  return (
    <tr className="row-total">
      {columns.map((c, i) => (
        <td key={c.id} className={c.kind === 'money' || c.total === 'sum' ? 'num' : undefined}>
          {i === 0
            ? t('common.total')
            : c.id in given
              ? given[c.id] === null || given[c.id] === undefined
                ? null
                : displayValue(c.kind === 'money' ? 'money' : 'number', given[c.id]!)
              : c.kind === 'money'
                ? // A nil total is blank, as every amount cell of the app (and Tally) shows it.
                  displayValue(
                    'money',
                    rows.reduce((s, r) => s + Number(c.value(r) ?? 0), 0),
                  )
                : c.total === 'sum'
                  ? rows.reduce((s, r) => s + Number(c.value(r) ?? 0), 0)
                  : null}
        </td>
      ))}
    </tr>
  );
}
