import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, DayBook as DayBookData, DayBookVoucher } from '../../../shared/types/reports';
import { useOperation } from '../data/client';
import { count, date, drCr, money } from '../lib/format';
import { useAppState } from '../state';
import { PeriodToolbar, useReportPeriod } from '../components/Period';
import { CompanyPeriod, ReportHeader } from '../components/ReportHeader';
import { QueryState } from '../components/QueryState';
import { DataTable, displayValue, type Column } from '../components/DataTable';
import {
  particularsColumn,
  voucherDateColumn,
  voucherNumberColumn,
  voucherTypeColumn,
} from '../components/VoucherColumns';
import type { ExportSheet } from '../lib/export';

type T = ReturnType<typeof useTranslation>['t'];
const PAGE_SIZE = 200;

export function DayBook({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const page = Math.max(1, Number(route.params.page) || 1);
  const query = useOperation(
    'dayBook.get',
    { companyGuid: company.guid, ...period, page, pageSize: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const data = query.data?.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalVouchers / data.pageSize)) : 1;
  // Paging moves within the same visit (Back leaves the day book); the period stays the session's
  // unless the link carried its own.
  const setPage = (p: number) =>
    go('dayBook', { ...route.params, page: p > 1 ? String(p) : undefined }, { replace: true });
  // A page past the end (an old link, fewer vouchers after a sync) shows the last page, said as such.
  const beyond = data !== undefined && page > pages;
  useEffect(() => {
    if (beyond) setPage(pages);
  });

  return (
    <>
      <ReportHeader
        title={t('dayBook.title')}
        served={query.data}
        sheet={data && (() => dayBookSheet(data, company, t))}
      >
        <CompanyPeriod company={company} period={period} />
        {data && ` · ${t('dayBook.vouchers', { count: data.totalVouchers, n: count(data.totalVouchers) })}`}
        {data &&
          data.offBooksVouchers > 0 &&
          ` · ${t('dayBook.offBooksCount', { count: data.offBooksVouchers, n: count(data.offBooksVouchers) })}`}
      </ReportHeader>
      <PeriodToolbar screen="dayBook" company={company} value={period}>
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
      </PeriodToolbar>
      <QueryState query={query}>
        {({ data: book }) => (
          <DataTable
            label={t('dayBook.title')}
            columns={dayBookColumns(t)}
            rows={book.vouchers}
            rowKey={(v) => v.guid}
            onRowClick={(v) => go('voucher', { v: v.guid })}
            empty={t('common.empty')}
          />
        )}
      </QueryState>
    </>
  );
}

function dayBookColumns(t: T): Column<DayBookVoucher>[] {
  return [
    voucherDateColumn(t('common.date')),
    particularsColumn(
      'party',
      t('ledger.particulars'),
      (v) => v.party ?? v.entries[0]?.ledgerName ?? '',
      (v) =>
        v.entries.map((e) => `${e.ledgerName} ${drCr(e.amount)}`).join(' · ') +
        (v.narration ? ` — ${v.narration}` : ''),
    ),
    {
      ...voucherTypeColumn<DayBookVoucher>(t('dayBook.vchType'), '150px'),
      // Orders, memoranda, cancelled and post-dated vouchers are listed, as in Tally, with what they are.
      render: (v) => (
        <>
          <div>{v.voucherType}</div>
          {v.offBooks !== null && (
            <span className="pill pill-off-books" title={t('dayBook.offBooksNote')}>
              {offBooksLabel(v, t)}
            </span>
          )}
        </>
      ),
    },
    voucherNumberColumn(t('dayBook.vchNo')),
    {
      id: 'amount',
      header: t('common.amount'),
      kind: 'money',
      value: (v) => v.amount,
      width: '160px',
      // An amount that changes no balance is shown muted, so it is not read as part of the books.
      render: (v) =>
        v.offBooks === null ? (
          displayValue('money', v.amount)
        ) : (
          <span className="amount-off-books" title={t('dayBook.offBooksNote')}>
            {money(v.amount)}
          </span>
        ),
    },
  ];
}

const offBooksLabel = (v: DayBookVoucher, t: T): string =>
  v.offBooks === null ? '' : t(`dayBook.offBooks.${v.offBooks}`);

function dayBookSheet(data: DayBookData, company: CompanySummary, t: T): ExportSheet<DayBookVoucher> {
  return {
    title: t('dayBook.title'),
    subtitle: [company.name, t('common.period', { from: date(data.from), to: date(data.to) })],
    columns: [
      ...dayBookColumns(t),
      { header: t('dayBook.status'), kind: 'text', value: (v) => offBooksLabel(v, t) },
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
