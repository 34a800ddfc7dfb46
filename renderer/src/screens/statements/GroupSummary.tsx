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
  const query = useOperation('groupSummary.get', {
    companyGuid: company.guid,
    groupName,
    ...period,
    ...(stock === 'closing' ? { stock } : {}),
  });
  /** The basis travels with every drill between groups, so a figure never changes on the way. */
  const s = stock === 'closing' ? stock : undefined;
  const data = query.data?.data;
  const title = t('groupSummary.titleOf', { group: groupName });
  const columns = gsColumns(t, (row) =>
    go('ledgerMonthly', { l: row.guid, from: period.from, to: period.to }),
  );
  return (
    <>
      <ReportHeader title={title} served={query.data} sheet={data && (() => gsSheet(data, company, t))}>
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
      </Toolbar>
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
    </>
  );
}

/** The stock row in the screen's language (the core names it in English). */
const rowName = (r: GroupSummaryRow, t: T): string =>
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
