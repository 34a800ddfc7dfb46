import { useTranslation } from 'react-i18next';
import { lastDayOfMonth } from '../../../../shared/dates';
import type {
  CompanySummary,
  LedgerMonth,
  LedgerMonthly as LedgerMonthlyData,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, drCr, money, monthLabel } from '../../lib/format';
import { useAppState } from '../../state';
import { PeriodPicker, useReportPeriod, type PeriodValue } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { Empty } from '../../components/States';
import type { ExportSheet } from '../../lib/export';

type T = ReturnType<typeof useTranslation>['t'];

/** A ledger's Monthly Summary: debit, credit and closing balance per month; a month opens its lines. */
export function LedgerMonthly({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route } = useAppState();
  const ledgerGuid = route.params.l ?? '';
  const period = useReportPeriod(company);
  if (!ledgerGuid) {
    return (
      <Empty>
        <p>{t('ledgerMonthly.choose')}</p>
      </Empty>
    );
  }
  return <MonthlyReport company={company} ledgerGuid={ledgerGuid} period={period} />;
}

function MonthlyReport({
  company,
  ledgerGuid,
  period,
}: {
  company: CompanySummary;
  ledgerGuid: string;
  period: PeriodValue;
}) {
  const { t, i18n } = useTranslation();
  const { go } = useAppState();
  const query = useOperation('ledgerMonthly.get', { companyGuid: company.guid, ledgerGuid, ...period });
  const data = query.data?.data;
  const title = data ? t('ledgerMonthly.titleOf', { ledger: data.ledger.name }) : t('ledgerMonthly.title');
  const columns = monthColumns(t, i18n.language);
  const openMonth = (m: LedgerMonth) => {
    const start = `${m.month}-01` < period.from ? period.from : `${m.month}-01`;
    const end = lastDayOfMonth(m.month) > period.to ? period.to : lastDayOfMonth(m.month);
    go('ledger', { l: ledgerGuid, from: start, to: end });
  };
  return (
    <>
      <ReportHeader
        title={title}
        served={query.data}
        sheet={data && (() => monthlySheet(data, company, t, i18n.language))}
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <Toolbar>
        <PeriodPicker company={company} value={period} />
        <button
          type="button"
          className="btn"
          onClick={() => go('ledger', { l: ledgerGuid, from: period.from, to: period.to })}
        >
          {t('ledgerMonthly.statement')}
        </button>
      </Toolbar>
      <QueryState query={query}>
        {({ data: lm }) => (
          <DataTable
            label={title}
            columns={columns}
            rows={lm.months}
            rowKey={(m) => m.month}
            onRowClick={openMonth}
            empty={t('common.empty')}
            head={
              <tr className="row-pinned">
                <td>{t('ledger.opening')}</td>
                <td className="num" />
                <td className="num" />
                <td className="num">{drCr(lm.opening)}</td>
              </tr>
            }
            foot={
              <tr className="row-total">
                <td>{t('common.total')}</td>
                <td className="num">{money(lm.totalDebit)}</td>
                <td className="num">{money(lm.totalCredit)}</td>
                <td className="num">{drCr(lm.closing)}</td>
              </tr>
            }
          />
        )}
      </QueryState>
    </>
  );
}

function monthColumns(t: T, language: string): Column<LedgerMonth>[] {
  return [
    {
      id: 'month',
      header: t('ledgerMonthly.month'),
      kind: 'text',
      value: (m) => monthLabel(m.month, language),
      sortable: false,
    },
    {
      id: 'debit',
      header: t('ledger.debit'),
      kind: 'money',
      value: (m) => m.debit,
      width: '170px',
      sortable: false,
    },
    {
      id: 'credit',
      header: t('ledger.credit'),
      kind: 'money',
      value: (m) => m.credit,
      width: '170px',
      sortable: false,
    },
    {
      id: 'closing',
      header: t('ledger.closing'),
      kind: 'drcr',
      value: (m) => m.closing,
      width: '200px',
      sortable: false,
    },
  ];
}

function monthlySheet(
  data: LedgerMonthlyData,
  company: CompanySummary,
  t: T,
  language: string,
): ExportSheet<LedgerMonth> {
  return {
    title: t('ledgerMonthly.titleOf', { ledger: data.ledger.name }),
    company: company.name,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    notes: [`${t('ledger.opening')}: ${drCr(data.opening)}`],
    columns: monthColumns(t, language),
    rows: data.months,
    totals: { label: t('common.total') },
  };
}
