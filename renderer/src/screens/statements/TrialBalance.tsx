import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailedToggle } from '../../components/DetailedToggle';
import type {
  CompanySummary,
  TrialBalance as TrialBalanceData,
  TrialBalanceRow,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, drCr, money, side } from '../../lib/format';
import { useAppState } from '../../state';
import { PeriodToolbar, useReportPeriod } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import type { ExportSheet } from '../../lib/export';
import { trialBalanceSheets } from './sheets/trial-balance';
import { trialBalanceComparisonSheets } from './sheets/comparison';
import type { TrialBalanceComparison, TrialBalanceComparisonRow } from '../../../../shared/types/comparison';
import { ComparisonBar, NewColumnButton, columnLabel, useComparison } from './ComparisonColumns';

type T = ReturnType<typeof useTranslation>['t'];

/** A row's key and look, alike with and without comparison columns. */
const rowKey = (r: { kind: string; guid: string }) => `${r.kind}:${r.guid}`;
const rowClass = (r: { kind: string; depth: number }) =>
  r.kind === 'group'
    ? `row-group depth-${Math.min(r.depth, 3)}`
    : r.kind === 'difference'
      ? 'note-bad'
      : undefined;

export function TrialBalance({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const period = useReportPeriod(company);
  const comparison = useComparison({ from: period.from, to: period.to });
  const query = useOperation(
    'trialBalance.get',
    { companyGuid: company.guid, ...period },
    { enabled: !comparison.active },
  );
  const compared = useOperation(
    'trialBalance.compare',
    { companyGuid: company.guid, columns: comparison.columns },
    { enabled: comparison.active },
  );
  const labels = comparison.columns.map((c) => columnLabel(c, t, company.yearStartMonth));
  const data = query.data?.data;
  const columns = tbColumns(t);
  const difference = data ? data.closingDebit - data.closingCredit : 0;
  const [detailed, setDetailed] = useState(true);
  // Condensed (Alt+F1): the primary groups and the rows standing alone at the top.
  const shown = <R extends { depth: number }>(rows: R[]) =>
    detailed ? rows : rows.filter((r) => r.depth === 0);
  // A group opens its Group Summary, a ledger its statement, the stock the Stock Summary of the same
  // period (Tally's drill-down).
  const open = (r: { kind: string; name: string; guid: string }, from: string, to: string) => {
    if (r.kind === 'group') go('groupSummary', { g: r.name, from, to });
    else if (r.kind === 'ledger') go('ledger', { l: r.guid, from, to });
    else if (r.kind === 'stock') go('stockSummary', { from, to });
  };

  return (
    <>
      <ReportHeader
        title={t('trialBalance.title')}
        served={comparison.active ? compared.data : query.data}
        sheet={
          comparison.active
            ? compared.data && (() => tbComparisonSheet(compared.data.data, labels, company, t, detailed))
            : data && (() => tbSheet(data, company, t, detailed))
        }
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <PeriodToolbar screen="trialBalance" company={company} value={period}>
        <NewColumnButton comparison={comparison} />
        <DetailedToggle value={detailed} onChange={setDetailed} />
      </PeriodToolbar>
      <ComparisonBar comparison={comparison} />
      {comparison.active ? (
        <QueryState query={compared}>
          {({ data: cmp }) => (
            <DataTable
              label={t('trialBalance.title')}
              columns={tbComparisonColumns(t, labels)}
              rows={shown(cmp.rows)}
              rowKey={rowKey}
              rowClassName={rowClass}
              onRowClick={(r) => open(r, cmp.columns[0]!.from, cmp.columns[0]!.to)}
              empty={t('common.empty')}
              foot={
                <tr className="row-total" data-testid="tb-comparison-total">
                  <td>{t('common.total')}</td>
                  {labels.map((label, i) => (
                    <td key={label + i} className="num">
                      {money(cmp.closingDebit[i] ?? 0)} {side(1)} / {money(cmp.closingCredit[i] ?? 0)}{' '}
                      {side(-1)}
                    </td>
                  ))}
                  {labels.length > 1 && <td className="num" />}
                </tr>
              }
            />
          )}
        </QueryState>
      ) : (
        <QueryState query={query}>
          {({ data: tb }) => (
            <>
              <DataTable
                label={t('trialBalance.title')}
                columns={columns}
                rows={shown(tb.rows)}
                rowKey={rowKey}
                rowClassName={rowClass}
                onRowClick={(r) => open(r, tb.from, tb.to)}
                empty={t('common.empty')}
                foot={
                  <tr className="row-total">
                    <td>{t('common.total')}</td>
                    <td className="num" />
                    <td className="num">{money(tb.totalDebit)}</td>
                    <td className="num">{money(tb.totalCredit)}</td>
                    <td className="num">
                      {money(tb.closingDebit)} {side(1)} / {money(tb.closingCredit)} {side(-1)}
                    </td>
                  </tr>
                }
              />
              <p className={difference === 0 ? 'note note-good' : 'note note-bad'} data-testid="tb-check">
                {difference === 0
                  ? t('trialBalance.balanced')
                  : t('trialBalance.difference', { amount: drCr(difference) })}
              </p>
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

/** The name of a row in the screen's language (the core names its stock and difference rows in English). */
const rowLabel = (r: { kind: string; name: string }, t: T): string =>
  r.kind === 'difference'
    ? t('balanceSheet.difference')
    : r.kind === 'stock'
      ? t('profitLoss.openingStock')
      : r.name;

/** The Particulars column: each row's name indented by its depth. */
function nameColumn<R extends { kind: string; name: string; depth: number }>(t: T): Column<R> {
  return {
    id: 'name',
    header: t('trialBalance.particulars'),
    kind: 'text',
    value: (r) => r.name,
    sortable: false,
    render: (r) => <span style={{ paddingLeft: `${r.depth * 18}px` }}>{rowLabel(r, t)}</span>,
  };
}

/** With comparison columns: each period's closing balance (Dr/Cr), then the difference. */
function tbComparisonColumns(t: T, labels: string[]): Column<TrialBalanceComparisonRow>[] {
  return [
    nameColumn(t),
    ...labels.map((label, i): Column<TrialBalanceComparisonRow> => ({
      id: `closing-${i}`,
      header: label,
      kind: 'drcr',
      value: (r) => r.closing[i] ?? 0,
      width: '170px',
      sortable: false,
    })),
    ...(labels.length > 1
      ? [
          {
            id: 'difference',
            header: t('comparison.difference'),
            kind: 'drcr' as const,
            value: (r: TrialBalanceComparisonRow) => r.difference,
            width: '170px',
            sortable: false,
          },
        ]
      : []),
  ];
}

function tbComparisonSheet(
  data: TrialBalanceComparison,
  labels: string[],
  company: CompanySummary,
  t: T,
  detailed: boolean,
): ExportSheet<unknown> {
  const first = data.columns[0]!;
  const period = t('common.period', { from: date(first.from), to: date(first.to) });
  return trialBalanceComparisonSheets(
    data,
    company.name,
    period,
    labels,
    t,
    detailed,
  ) as ExportSheet<unknown>;
}

function tbColumns(t: T): Column<TrialBalanceRow>[] {
  return [
    nameColumn(t),
    {
      id: 'opening',
      header: t('trialBalance.opening'),
      kind: 'drcr',
      value: (r) => r.opening,
      width: '170px',
      sortable: false,
    },
    {
      id: 'debit',
      header: t('trialBalance.debit'),
      kind: 'money',
      value: (r) => r.debit,
      width: '150px',
      sortable: false,
    },
    {
      id: 'credit',
      header: t('trialBalance.credit'),
      kind: 'money',
      value: (r) => r.credit,
      width: '150px',
      sortable: false,
    },
    {
      id: 'closing',
      header: t('trialBalance.closing'),
      kind: 'drcr',
      value: (r) => r.closing,
      width: '190px',
      sortable: false,
    },
  ];
}

function tbSheet(
  data: TrialBalanceData,
  company: CompanySummary,
  t: T,
  detailed: boolean,
): ExportSheet<unknown> {
  const period = t('common.period', { from: date(data.from), to: date(data.to) });
  return trialBalanceSheets(data, company.name, period, t, detailed) as ExportSheet<unknown>;
}
