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

type T = ReturnType<typeof useTranslation>['t'];

export function TrialBalance({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const period = useReportPeriod(company);
  const query = useOperation('trialBalance.get', { companyGuid: company.guid, ...period });
  const data = query.data?.data;
  const columns = tbColumns(t);
  const difference = data ? data.closingDebit - data.closingCredit : 0;
  const [detailed, setDetailed] = useState(true);

  return (
    <>
      <ReportHeader
        title={t('trialBalance.title')}
        served={query.data}
        sheet={data && (() => tbSheet(data, company, t, detailed))}
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <PeriodToolbar screen="trialBalance" company={company} value={period}>
        <DetailedToggle value={detailed} onChange={setDetailed} />
      </PeriodToolbar>
      <QueryState query={query}>
        {({ data: tb }) => (
          <>
            <DataTable
              label={t('trialBalance.title')}
              columns={columns}
              rows={tb.rows}
              rowKey={(r) => `${r.kind}:${r.guid}`}
              rowClassName={(r) =>
                r.kind === 'group'
                  ? `row-group depth-${Math.min(r.depth, 3)}`
                  : r.kind === 'difference'
                    ? 'note-bad'
                    : undefined
              }
              onRowClick={(r) => {
                // A group opens its Group Summary, a ledger its statement, the stock the Stock Summary of
                // the same period (Tally's drill-down).
                if (r.kind === 'group') go('groupSummary', { g: r.name, from: tb.from, to: tb.to });
                else if (r.kind === 'ledger') go('ledger', { l: r.guid, from: tb.from, to: tb.to });
                else if (r.kind === 'stock') go('stockSummary', { from: tb.from, to: tb.to });
              }}
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
    </>
  );
}

function tbColumns(t: T): Column<TrialBalanceRow>[] {
  return [
    {
      id: 'name',
      header: t('trialBalance.particulars'),
      kind: 'text',
      value: (r) => r.name,
      sortable: false,
      render: (r) => (
        <span style={{ paddingLeft: `${r.depth * 18}px` }}>
          {r.kind === 'difference'
            ? t('balanceSheet.difference')
            : r.kind === 'stock'
              ? t('profitLoss.openingStock')
              : r.name}
        </span>
      ),
    },
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
