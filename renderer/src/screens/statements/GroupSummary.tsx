import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  GroupSummary as GroupSummaryData,
  GroupSummaryRow,
  GroupSummaryStock,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, drCr, money } from '../../lib/format';
import { useAppState } from '../../state';
import { PeriodPicker, useReportPeriod, type PeriodValue } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { Empty } from '../../components/States';
import type { ExportSheet } from '../../lib/export';
import { groupSummarySheet } from './sheets/group-summary';
import { groupSummaryComparisonSheet } from './sheets/comparison';
import type { GroupSummaryComparison, GroupSummaryComparisonRow } from '../../../../shared/types/comparison';
import { ComparisonBar, NewColumnButton, columnLabel, useComparison } from './ComparisonColumns';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * Tally's Group Summary: a group's sub-groups and ledgers with opening, debit, credit and closing for
 * the period. A sub-group opens its own summary, a ledger its statement (or its monthly summary).
 */
export function GroupSummary({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const groupName = route.params.g ?? '';
  // Drilled from the balance sheet the stock is its closing stock; otherwise the trial balance's opening.
  const stock: GroupSummaryStock = route.params.s === 'closing' ? 'closing' : 'opening';
  const period = useReportPeriod(company);
  if (!groupName) {
    return (
      <Empty>
        <p>{t('groupSummary.choose')}</p>
      </Empty>
    );
  }
  return (
    <GroupSummaryReport company={company} groupName={groupName} stock={stock} period={period} go={go} t={t} />
  );
}

function GroupSummaryReport({
  company,
  groupName,
  stock,
  period,
  go,
  t,
}: {
  company: CompanySummary;
  groupName: string;
  stock: GroupSummaryStock;
  period: PeriodValue;
  go: ReturnType<typeof useAppState>['go'];
  t: T;
}) {
  const comparison = useComparison({ from: period.from, to: period.to });
  const query = useOperation(
    'groupSummary.get',
    {
      companyGuid: company.guid,
      groupName,
      ...period,
      ...(stock === 'closing' ? { stock } : {}),
    },
    { enabled: !comparison.active },
  );
  const compared = useOperation(
    'groupSummary.compare',
    { companyGuid: company.guid, groupName, stock, columns: comparison.columns },
    { enabled: comparison.active },
  );
  const labels = comparison.columns.map((c) => columnLabel(c, t, company.yearStartMonth));
  /** The basis travels with every drill between groups, so a figure never changes on the way. */
  const s = stock === 'closing' ? stock : undefined;
  const data = query.data?.data;
  const title = t('groupSummary.titleOf', { group: groupName });
  const columns = gsColumns(t, (row) =>
    go('ledgerMonthly', { l: row.guid, from: period.from, to: period.to }),
  );
  return (
    <>
      <ReportHeader
        title={title}
        served={comparison.active ? compared.data : query.data}
        sheet={
          comparison.active
            ? compared.data && (() => gsComparisonSheet(compared.data.data, labels, company, t))
            : data && (() => gsSheet(data, company, t))
        }
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <Toolbar>
        <PeriodPicker company={company} value={period} />
        {data?.group.parent && (
          <button
            type="button"
            className="btn"
            onClick={() => go('groupSummary', { g: data.group.parent!, from: period.from, to: period.to, s })}
          >
            {t('groupSummary.up', { group: data.group.parent })}
          </button>
        )}
        <NewColumnButton comparison={comparison} />
      </Toolbar>
      <ComparisonBar comparison={comparison} />
      {comparison.active ? (
        <QueryState query={compared}>
          {({ data: cmp }) => (
            <DataTable
              label={title}
              columns={gsComparisonColumns(t, labels)}
              rows={cmp.rows}
              rowKey={(r) => `${r.kind}:${r.guid}`}
              rowClassName={(r) => (r.kind === 'group' ? 'row-group depth-1' : undefined)}
              empty={t('common.empty')}
              foot={
                <tr className="row-total">
                  <td>{t('common.total')}</td>
                  {labels.map((label, i) => (
                    <td key={label + i} className="num">
                      {displayDrCr(cmp.total.closing[i] ?? 0)}
                    </td>
                  ))}
                  {labels.length > 1 && (
                    <td className="num">
                      {displayDrCr((cmp.total.closing[0] ?? 0) - (cmp.total.closing[1] ?? 0))}
                    </td>
                  )}
                </tr>
              }
            />
          )}
        </QueryState>
      ) : (
        <QueryState query={query}>
          {({ data: gs }) => (
            <DataTable
              label={title}
              columns={columns}
              rows={gs.rows}
              rowKey={(r) => `${r.kind}:${r.guid}`}
              rowClassName={(r) => (r.kind === 'group' ? 'row-group depth-1' : undefined)}
              onRowClick={(r) =>
                r.kind === 'group'
                  ? go('groupSummary', { g: r.name, from: gs.from, to: gs.to, s })
                  : r.kind === 'stock'
                    ? go('stockSummary', { from: gs.from, to: gs.to })
                    : go('ledger', { l: r.guid, from: gs.from, to: gs.to })
              }
              empty={t('common.empty')}
              foot={
                <tr className="row-total">
                  <td>{t('common.total')}</td>
                  <td className="num">{displayDrCr(gs.total.opening)}</td>
                  <td className="num">{money(gs.total.debit)}</td>
                  <td className="num">{money(gs.total.credit)}</td>
                  <td className="num">{displayDrCr(gs.total.closing)}</td>
                  <td />
                </tr>
              }
            />
          )}
        </QueryState>
      )}
    </>
  );
}

/** With comparison columns: each period's closing balance, then the difference. */
function gsComparisonColumns(t: T, labels: string[]): Column<GroupSummaryComparisonRow>[] {
  return [
    {
      id: 'name',
      header: t('trialBalance.particulars'),
      kind: 'text',
      value: (r) => rowName(r, t),
      sortable: false,
    },
    ...labels.map((label, i): Column<GroupSummaryComparisonRow> => ({
      id: `closing-${i}`,
      header: label,
      kind: 'drcr',
      value: (r) => r.closing[i] ?? 0,
      width: '170px',
    })),
    ...(labels.length > 1
      ? [
          {
            id: 'difference',
            header: t('comparison.difference'),
            kind: 'drcr' as const,
            value: (r: GroupSummaryComparisonRow) => r.difference,
            width: '170px',
          },
        ]
      : []),
  ];
}

function gsComparisonSheet(
  data: GroupSummaryComparison,
  labels: string[],
  company: CompanySummary,
  t: T,
): ExportSheet<unknown> {
  const first = data.columns[0]!;
  const period = t('common.period', { from: date(first.from), to: date(first.to) });
  return groupSummaryComparisonSheet(data, company.name, period, labels, t, (r) =>
    rowName(r, t),
  ) as ExportSheet<unknown>;
}

/** The stock row in the screen's language (the core names it in English). */
const rowName = (r: Pick<GroupSummaryRow, 'kind' | 'guid' | 'name'>, t: T): string =>
  r.kind !== 'stock'
    ? r.name
    : r.guid === 'closing-stock'
      ? t('balanceSheet.closingStock')
      : t('profitLoss.openingStock');

const displayDrCr = (paise: number): string => (paise === 0 ? '' : drCr(paise));

function gsColumns(t: T, openMonthly: (row: GroupSummaryRow) => void): Column<GroupSummaryRow>[] {
  return [
    {
      id: 'name',
      header: t('trialBalance.particulars'),
      kind: 'text',
      value: (r) => rowName(r, t),
      sortable: false,
    },
    {
      id: 'opening',
      header: t('trialBalance.opening'),
      kind: 'drcr',
      value: (r) => r.opening,
      width: '170px',
    },
    { id: 'debit', header: t('trialBalance.debit'), kind: 'money', value: (r) => r.debit, width: '150px' },
    { id: 'credit', header: t('trialBalance.credit'), kind: 'money', value: (r) => r.credit, width: '150px' },
    {
      id: 'closing',
      header: t('trialBalance.closing'),
      kind: 'drcr',
      value: (r) => r.closing,
      width: '190px',
    },
    {
      id: 'monthly',
      header: '',
      kind: 'text',
      value: () => null,
      sortable: false,
      width: '100px',
      render: (r) =>
        r.kind === 'ledger' ? (
          <button
            type="button"
            className="link no-print"
            aria-label={t('groupSummary.monthlyOf', { ledger: r.name })}
            onClick={(event) => {
              event.stopPropagation();
              openMonthly(r);
            }}
          >
            {t('groupSummary.monthly')}
          </button>
        ) : null,
    },
  ];
}

function gsSheet(data: GroupSummaryData, company: CompanySummary, t: T): ExportSheet<GroupSummaryRow> {
  const period = t('common.period', { from: date(data.from), to: date(data.to) });
  return groupSummarySheet(data, company.name, period, t, (r) => rowName(r, t));
}
