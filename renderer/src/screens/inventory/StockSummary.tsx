import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  StockFigure,
  StockSummary as StockSummaryData,
  StockSummaryRow,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, money } from '../../lib/format';
import { quantity } from '../../lib/quantity';
import { useAppState } from '../../state';
import { PeriodPicker, useReportPeriod } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import type { ExportSheet } from '../../lib/export';

type T = ReturnType<typeof useTranslation>['t'];

export type StockSection = 'opening' | 'inwards' | 'outwards' | 'closing';
export const STOCK_SECTIONS: StockSection[] = ['opening', 'inwards', 'outwards', 'closing'];

/** The quantity, rate and value columns of one section (opening, inwards ...) of a stock report. */
export function figureColumns<Row>(
  t: T,
  section: string,
  header: string,
  pick: (row: Row) => StockFigure | null,
  unitOf: (row: Row) => { unit: string | null; decimals: number },
  withRate = true,
): Column<Row>[] {
  const columns: Column<Row>[] = [
    {
      id: `${section}-quantity`,
      header: `${header} · ${t('stockSummary.quantity')}`,
      kind: 'number',
      value: (r) => {
        const q = pick(r)?.quantity ?? null;
        return q === null ? null : q / 1000;
      },
      render: (r) => {
        const f = pick(r);
        const u = unitOf(r);
        return f ? quantity(f.quantity, u.unit, u.decimals) : '';
      },
      sortable: false,
      nowrap: true,
    },
    {
      id: `${section}-rate`,
      header: `${header} · ${t('stockSummary.rate')}`,
      kind: 'money',
      value: (r) => pick(r)?.rate ?? null,
      sortable: false,
    },
    {
      id: `${section}-value`,
      header: `${header} · ${t('stockSummary.value')}`,
      kind: 'money',
      value: (r) => pick(r)?.value ?? null,
      sortable: false,
    },
  ];
  return withRate ? columns : columns.filter((c) => c.id !== `${section}-rate`);
}

/**
 * Tally's Stock Summary: stock groups and items with opening, inwards, outwards and closing quantity,
 * rate and value for the period, computed by TallyConnect. A group opens its own summary, an item its
 * vouchers; "Detailed" shows every group's items under it.
 */
export function StockSummary({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const groupName = route.params.g || undefined;
  const detailed = route.params.d === '1';
  const period = useReportPeriod(company);
  const query = useOperation('stockSummary.get', {
    companyGuid: company.guid,
    ...period,
    ...(groupName ? { groupName } : {}),
  });
  const data = query.data?.data;
  const title = groupName ? t('stockSummary.titleOf', { group: groupName }) : t('stockSummary.title');
  const params = (extra: Record<string, string | undefined>) => ({
    g: groupName,
    from: period.from,
    to: period.to,
    d: detailed ? '1' : undefined,
    ...extra,
  });
  const visible = (rows: StockSummaryRow[]) => (detailed ? rows : rows.filter((r) => r.depth === 0));
  const columns = stockColumns(t, true);
  return (
    <>
      <ReportHeader
        title={title}
        served={query.data}
        sheet={data && (() => stockSheet(data, visible(data.rows), company, t))}
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <Toolbar>
        <PeriodPicker company={company} value={period} />
        <label className="field-check">
          <input
            type="checkbox"
            checked={detailed}
            onChange={(e) =>
              // Condensed or detailed is a view of the same report, not a step Back returns through.
              go('stockSummary', params({ d: e.target.checked ? '1' : undefined }), { replace: true })
            }
            data-testid="stock-detailed"
          />
          <span>{t('stockSummary.detailed')}</span>
        </label>
        {data?.group && (
          <button
            type="button"
            className="btn"
            onClick={() => go('stockSummary', params({ g: data.group?.parent ?? undefined }))}
          >
            {t('stockSummary.up', { group: data.group.parent ?? t('stockSummary.primary') })}
          </button>
        )}
      </Toolbar>
      <QueryState query={query}>
        {({ data: summary }) => (
          <>
            {summary.computed && (
              <p className="notice notice-warn" data-testid="stock-computed">
                {t('stockSummary.computed')}
              </p>
            )}
            <div className="stock-table">
              <DataTable
                label={title}
                columns={columns}
                rows={visible(summary.rows)}
                rowKey={(r) => `${r.kind}:${r.guid}`}
                rowClassName={(r) => (r.kind === 'group' ? `row-group depth-${r.depth}` : undefined)}
                onRowClick={(r) =>
                  r.kind === 'group'
                    ? go('stockSummary', params({ g: r.name }))
                    : go('stockItem', { i: r.guid, from: summary.from, to: summary.to })
                }
                empty={t('stockSummary.empty')}
                foot={
                  <tr className="row-total">
                    <td>{t('common.total')}</td>
                    {STOCK_SECTIONS.map((s) => (
                      <TotalCells key={s} value={summary.total[s]} withRate={s === 'closing'} />
                    ))}
                  </tr>
                }
              />
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

/** A section's total: the value under its value column (quantity, and on screen the closing rate, blank). */
function TotalCells({ value, withRate }: { value: number; withRate: boolean }) {
  return (
    <>
      <td />
      {withRate && <td />}
      <td className="num">{money(value)}</td>
    </>
  );
}

/**
 * On screen only the closing stock shows its rate (thirteen columns do not fit a 1366-pixel laptop);
 * the export carries every rate.
 */
function stockColumns(t: T, compact = false): Column<StockSummaryRow>[] {
  return [
    {
      id: 'name',
      header: t('stockSummary.particulars'),
      kind: 'text',
      value: (r) => r.name,
      render: (r) => <span style={{ paddingLeft: `${r.depth * 16}px` }}>{r.name}</span>,
      sortable: false,
    },
    ...STOCK_SECTIONS.flatMap((s) =>
      figureColumns<StockSummaryRow>(
        t,
        s,
        t(`stockSummary.${s}`),
        (r) => r[s],
        (r) => r,
        !compact || s === 'closing',
      ),
    ),
  ];
}

function stockSheet(
  data: StockSummaryData,
  rows: StockSummaryRow[],
  company: CompanySummary,
  t: T,
): ExportSheet<StockSummaryRow | null> {
  const columns = stockColumns(t);
  const totalRow = (id: string) => {
    if (id === 'name') return t('common.total');
    const [section, measure] = id.split('-') as [StockSection, string];
    return measure === 'value' ? data.total[section] : null;
  };
  return {
    title: data.group ? t('stockSummary.titleOf', { group: data.group.name }) : t('stockSummary.title'),
    company: company.name,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    notes: [t('stockSummary.computed')],
    columns: [
      ...columns.map((c) => ({
        header: c.header,
        kind: c.kind,
        value: (r: StockSummaryRow | null) => (r === null ? totalRow(c.id) : c.value(r)),
      })),
      {
        header: t('stockSummary.unit'),
        kind: 'text' as const,
        value: (r: StockSummaryRow | null) => r?.unit ?? null,
      },
    ],
    rows,
    totals: { row: null },
    print: { strong: (r) => r?.kind === 'group' },
  };
}
