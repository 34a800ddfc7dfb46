import { useTranslation } from 'react-i18next';
import type { CompanySummary, DayBook as DayBookData, DayBookVoucher } from '../../../shared/types/reports';
import { useOperation } from '../data/client';
import { count, date, drCr, money } from '../lib/format';
import { useAppState } from '../state';
import { PageHeader, Toolbar } from '../components/PageHeader';
import { PeriodPicker, periodFrom } from '../components/Period';
import { ReportSubtitle } from '../components/ServedBadge';
import { ErrorState, Loading } from '../components/States';
import { DataTable, type Column } from '../components/DataTable';
import { ExportMenu } from '../components/ExportMenu';
import type { ExportSheet } from '../lib/export';

type T = ReturnType<typeof useTranslation>['t'];
const PAGE_SIZE = 200;

export function DayBook({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const period = periodFrom(route.params, company);
  const page = Math.max(1, Number(route.params.page) || 1);
  const query = useOperation(
    'dayBook.get',
    { companyGuid: company.guid, ...period, page, pageSize: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const data = query.data?.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalVouchers / data.pageSize)) : 1;
  const setPage = (p: number) => go('dayBook', { from: period.from, to: period.to, page: String(p) });

  return (
    <>
      <PageHeader
        title={t('dayBook.title')}
        subtitle={
          <ReportSubtitle served={query.data}>
            {company.name} · {t('common.period', { from: date(period.from), to: date(period.to) })}
            {data && ` · ${t('dayBook.vouchers', { count: count(data.totalVouchers) })}`}
          </ReportSubtitle>
        }
        actions={data && <ExportMenu sheet={() => dayBookSheet(data, company, t)} />}
      />
      <Toolbar>
        <PeriodPicker
          company={company}
          value={period}
          onChange={(p) => go('dayBook', { from: p.from, to: p.to })}
        />
        {data && pages > 1 && (
          <div className="pager">
            <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ← {t('dayBook.previous')}
            </button>
            <span>{t('dayBook.page', { page, pages })}</span>
            <button type="button" className="btn" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('dayBook.next')} →
            </button>
          </div>
        )}
      </Toolbar>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        data && (
          <DataTable
            label={t('dayBook.title')}
            columns={dayBookColumns(t)}
            rows={data.vouchers}
            rowKey={(v) => v.guid}
            empty={t('common.empty')}
          />
        )
      )}
    </>
  );
}

function dayBookColumns(t: T): Column<DayBookVoucher>[] {
  return [
    {
      id: 'date',
      header: t('common.date'),
      kind: 'date',
      value: (v) => v.date,
      width: '110px',
      nowrap: true,
    },
    {
      id: 'party',
      header: t('ledger.particulars'),
      kind: 'text',
      value: (v) => v.party ?? v.entries[0]?.ledgerName ?? '',
      render: (v) => (
        <>
          <div>{v.party ?? v.entries[0]?.ledgerName ?? ''}</div>
          <div className="cell-sub">
            {v.entries.map((e) => `${e.ledgerName} ${drCr(e.amount)}`).join(' · ')}
            {v.narration ? ` — ${v.narration}` : ''}
          </div>
        </>
      ),
    },
    { id: 'type', header: t('dayBook.vchType'), kind: 'text', value: (v) => v.voucherType, width: '130px' },
    {
      id: 'number',
      header: t('dayBook.vchNo'),
      kind: 'text',
      value: (v) => v.voucherNumber,
      width: '150px',
      nowrap: true,
    },
    { id: 'amount', header: t('common.amount'), kind: 'money', value: (v) => v.amount, width: '160px' },
  ];
}

function dayBookSheet(data: DayBookData, company: CompanySummary, t: T): ExportSheet<DayBookVoucher> {
  return {
    title: t('dayBook.title'),
    subtitle: [company.name, t('common.period', { from: date(data.from), to: date(data.to) })],
    columns: [
      ...dayBookColumns(t),
      { header: t('dayBook.narration'), kind: 'text', value: (v) => v.narration },
      {
        header: t('dayBook.entries'),
        kind: 'text',
        value: (v) =>
          v.entries
            .map((e) => `${e.ledgerName}: ${money(Math.abs(e.amount))} ${e.amount >= 0 ? 'Dr' : 'Cr'}`)
            .join('; '),
      },
    ],
    rows: data.vouchers,
  };
}
