import { useTranslation } from 'react-i18next';
import type { GstVoucherRef } from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, displayValue, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { downloadBlob } from '../../lib/export';
import { todayIso } from '../../lib/format';
import { useAppState } from '../../state';
import { placeLabel, returnFileName, voucherRefColumns } from './sheets/columns';
import { isMonth, isQuarter, monthsOf, quarterChoices, quarterLabel, quarterOf } from './sheets/period';

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
  json: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const file = returnFileName(form, gstin, month);
  return (
    <button
      type="button"
      className="btn btn-primary"
      title={t('gst.downloadJsonTitle', { file })}
      data-testid="download-json"
      onClick={() =>
        downloadBlob(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), file)
      }
    >
      <Icon name="download" size={15} /> {t('gst.downloadJson')}
    </button>
  );
}

/** The vouchers behind a figure; Enter (or a click) opens the voucher. */
export function VoucherRefTable({
  label,
  vouchers,
  states,
}: {
  label: string;
  vouchers: GstVoucherRef[];
  states: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const columns: Column<GstVoucherRef>[] = voucherRefColumns(t, states).map((c, i) => ({
    ...c,
    id: `c${i}`,
    ...(i === 1 ? { nowrap: true } : {}),
    ...(i === 3
      ? {
          render: (v: GstVoucherRef) => (
            <span className="cell-name" title={v.partyName}>
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
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={vouchers}
      rowKey={(v, i) => `${v.voucherGuid}:${i}`}
      onRowClick={(v) => go('voucher', { v: v.voucherGuid })}
      empty={t('common.empty')}
      foot={<TotalsRow columns={columns} rows={vouchers} />}
    />
  );
}

/** A totals row under a table: the money columns added up, "Total" in the first column. */
export function TotalsRow<Row>({ columns, rows }: { columns: Column<Row>[]; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <tr className="row-total">
      {columns.map((c, i) => (
        <td key={c.id} className={c.kind === 'money' || c.total === 'sum' ? 'num' : undefined}>
          {i === 0
            ? t('common.total')
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
