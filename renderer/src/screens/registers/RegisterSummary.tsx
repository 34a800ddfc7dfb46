import { useTranslation } from 'react-i18next';
import type { RegisterMonth } from '../../../../shared/types/registers';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, type Column } from '../../components/DataTable';
import { PeriodToolbar, useReportPeriod } from '../../components/Period';
import { QueryState } from '../../components/QueryState';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { useOperation } from '../../data/client';
import { count, drCr, money } from '../../lib/format';
import { useAppState } from '../../state';
import { registerSummarySheet, registerTitle, summaryColumns } from './sheets/register-summary';

export const SalesRegister = ({ company }: { company: CompanySummary }) => (
  <RegisterSummary company={company} voucherType="Sales" />
);
export const PurchaseRegister = ({ company }: { company: CompanySummary }) => (
  <RegisterSummary company={company} voucherType="Purchase" />
);

/**
 * A register month by month (Tally's Sales / Purchase Register): each month's vouchers, debit, credit and
 * closing balance; Enter on a month opens its vouchers. A link may name another register (t=Credit Note,
 * or a type of the user's).
 */
function RegisterSummary({ company, voucherType }: { company: CompanySummary; voucherType: string }) {
  const { t, i18n } = useTranslation();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const type = route.params.t ?? voucherType;
  const query = useOperation('register.summary', { companyGuid: company.guid, voucherType: type, ...period });
  const data = query.data?.data;
  const title = registerTitle(type, t);
  const columns: Column<RegisterMonth>[] = summaryColumns(t, i18n.language).map((c) => ({
    ...c,
    sortable: false,
    ...(c.id === 'month' ? {} : { width: c.id === 'vouchers' ? '120px' : '180px' }),
  }));
  return (
    <>
      <ReportHeader
        title={title}
        served={query.data}
        sheet={data && (() => registerSummarySheet(data, company.name, t, i18n.language))}
      >
        <CompanyPeriod company={company} period={period} />
        {data && ` · ${t('registers.voucherCount', { count: data.vouchers, n: count(data.vouchers) })}`}
      </ReportHeader>
      <PeriodToolbar company={company} value={period} />
      <QueryState query={query}>
        {({ data: summary }) => (
          <DataTable
            label={title}
            columns={columns}
            rows={summary.months}
            rowKey={(m) => m.month}
            onRowClick={(m) => go('registerVouchers', { t: type, from: m.from, to: m.to })}
            empty={t('common.empty')}
            searchable={false}
            foot={
              <tr className="row-total">
                <td>{t('common.total')}</td>
                <td className="num">{count(summary.vouchers)}</td>
                <td className="num">{money(summary.totalDebit)}</td>
                <td className="num">{money(summary.totalCredit)}</td>
                <td className="num">{drCr(summary.closing)}</td>
              </tr>
            }
          />
        )}
      </QueryState>
    </>
  );
}
