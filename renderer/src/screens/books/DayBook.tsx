import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DAY_BOOK_SORTS } from '../../../../shared/contract/reports';
import { useBridge } from '../../bridge/context';
import { Pager } from '../../components/table/Pager';
import { TableSearch, useDebounced } from '../../components/table/TableSearch';
import { fetchEveryPage, type SortState } from '../../components/table/view';
import type {
  CompanySummary,
  DayBook as DayBookData,
  DayBookVoucher,
} from '../../../../shared/types/reports';
import { OperationError, useOperation } from '../../data/client';
import { count, date, drCr, money, side } from '../../lib/format';
import { useAppState } from '../../state';
import { PeriodToolbar, useReportPeriod } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, displayValue, type Column } from '../../components/DataTable';
import {
  particularsColumn,
  voucherDateColumn,
  voucherNumberColumn,
  voucherTypeColumn,
} from '../../components/VoucherColumns';
import type { ExportSheet } from '../../lib/export';
import { ExportRefused } from '../../components/ExportMenu';
import { DAY_BOOK_PRINT_LIMIT } from '../../lib/print/limits';

type T = ReturnType<typeof useTranslation>['t'];
type DayBookSortKey = (typeof DAY_BOOK_SORTS)[number];
const PAGE_SIZE = 200;

/** Day-book columns the core sorts by, by the table's column ids. */
const SORT_KEYS: Record<string, DayBookSortKey> = {
  date: 'date',
  party: 'party',
  type: 'voucherType',
  number: 'voucherNumber',
  amount: 'amount',
};

export function DayBook({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const page = Math.max(1, Number(route.params.page) || 1);
  const [sort, setSort] = useState<SortState>(null);
  const [text, setText] = useState('');
  // A dashboard card opens the day book on its voucher types (vt=Receipt): the filter starts from them.
  const [types, setTypes] = useState<string[]>(() => (route.params.vt ? route.params.vt.split(',') : []));
  const search = useDebounced(text.trim());
  const view = {
    sort: sort ? (SORT_KEYS[sort.id] ?? 'date') : 'date',
    dir: sort?.dir ?? 'asc',
    search,
    voucherTypes: types,
  } as const;
  const query = useOperation(
    'dayBook.get',
    { companyGuid: company.guid, ...period, page, pageSize: PAGE_SIZE, ...view },
    { placeholderData: (previous) => previous },
  );
  const data = query.data?.data;
  // Paging moves within the same visit (Back leaves the day book); the period stays the session's
  // unless the link carried its own.
  const setPage = (p: number) =>
    go('dayBook', { ...route.params, page: p > 1 ? String(p) : undefined }, { replace: true });
  const pages = data ? Math.max(1, Math.ceil(data.matchingVouchers / data.pageSize)) : 1;
  // A page past the end (an old link, fewer vouchers after a sync) shows the last page, said as such.
  const beyond = data !== undefined && page > pages;
  useEffect(() => {
    if (beyond) setPage(pages);
  });
  // A new filter, search or sort starts again at the first page.
  const restart = () => {
    if (page !== 1) setPage(1);
  };
  const wholePeriod = async (purpose: 'file' | 'print') => {
    if (!data) return null;
    // A period too large for paper is refused before anything is fetched, pointing to Excel.
    if (purpose === 'print' && data.matchingVouchers > DAY_BOOK_PRINT_LIMIT) {
      throw new ExportRefused(
        t('statements.printTooMany', { n: count(data.matchingVouchers), limit: count(DAY_BOOK_PRINT_LIMIT) }),
      );
    }
    const vouchers = await fetchEveryPage(async (p, pageSize) => {
      const answer = await bridge.invoke('dayBook.get', {
        companyGuid: company.guid,
        ...period,
        page: p,
        pageSize,
        ...view,
      });
      if (!answer.ok) throw new OperationError(answer.error);
      return { rows: answer.data.data.vouchers, total: answer.data.data.matchingVouchers };
    });
    return dayBookSheet({ ...data, vouchers }, company, t, view.voucherTypes, search);
  };

  return (
    <>
      <ReportHeader title={t('dayBook.title')} served={query.data} sheet={data && wholePeriod}>
        <CompanyPeriod company={company} period={period} />
        {data && ` · ${t('dayBook.vouchers', { count: data.totalVouchers, n: count(data.totalVouchers) })}`}
        {data &&
          data.offBooksVouchers > 0 &&
          ` · ${t('dayBook.offBooksCount', { count: data.offBooksVouchers, n: count(data.offBooksVouchers) })}`}
      </ReportHeader>
      <PeriodToolbar screen="dayBook" company={company} value={period}>
        <TableSearch
          value={text}
          onChange={(value) => {
            setText(value);
            restart();
          }}
          matches={data?.matchingVouchers}
        />
        {data && data.voucherTypes.length > 1 && (
          <VoucherTypeFilter
            types={data.voucherTypes}
            chosen={types}
            onChange={(next) => {
              setTypes(next);
              restart();
            }}
          />
        )}
        {data && (
          <Pager page={page} total={data.matchingVouchers} pageSize={data.pageSize} onPage={setPage} />
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
            sort={sort}
            onSortChange={(next) => {
              setSort(next);
              restart();
            }}
            searchable={false}
            virtualise={false}
            paging={{
              page: book.page,
              pages: Math.max(1, Math.ceil(book.matchingVouchers / book.pageSize)),
              onPage: setPage,
            }}
          />
        )}
      </QueryState>
    </>
  );
}

/** Which voucher types the day book lists: all, or those ticked (with their counts in the period). */
function VoucherTypeFilter({
  types,
  chosen,
  onChange,
}: {
  types: { name: string; count: number }[];
  chosen: string[];
  onChange: (types: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (name: string) =>
    onChange(chosen.includes(name) ? chosen.filter((c) => c !== name) : [...chosen, name]);
  return (
    <details className="type-filter no-print">
      <summary>
        {t('wholeTable.voucherTypes')}: {chosen.length === 0 ? t('wholeTable.allTypes') : chosen.join(', ')}
      </summary>
      <fieldset>
        <legend className="sr-only">{t('wholeTable.voucherTypes')}</legend>
        <label>
          <input type="checkbox" checked={chosen.length === 0} onChange={() => onChange([])} />{' '}
          {t('wholeTable.allTypes')}
        </label>
        {types.map((type) => (
          <label key={type.name}>
            <input type="checkbox" checked={chosen.includes(type.name)} onChange={() => toggle(type.name)} />{' '}
            {type.name} <span className="muted">({count(type.count)})</span>
          </label>
        ))}
      </fieldset>
    </details>
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

function dayBookSheet(
  data: DayBookData,
  company: CompanySummary,
  t: T,
  types: readonly string[],
  search: string,
): ExportSheet<DayBookVoucher> {
  return {
    title: t('dayBook.title'),
    company: company.name,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    // The active filter is part of what was exported.
    notes: [
      ...(types.length > 0 ? [`${t('wholeTable.voucherTypes')}: ${types.join(', ')}`] : []),
      ...(search !== '' ? [`${t('wholeTable.search')}: ${search}`] : []),
    ],
    columns: [
      ...dayBookColumns(t),
      { header: t('dayBook.status'), kind: 'text', value: (v) => offBooksLabel(v, t) },
      { header: t('dayBook.narration'), kind: 'text', value: (v) => v.narration },
      {
        header: t('dayBook.entries'),
        kind: 'text',
        value: (v) =>
          v.entries.map((e) => `${e.ledgerName}: ${money(Math.abs(e.amount))} ${side(e.amount)}`).join('; '),
      },
    ],
    rows: data.vouchers,
    // Orders, memoranda and cancelled vouchers change no balance: they are not in the total.
    totals: {
      row: {
        guid: '',
        date: '',
        voucherType: '',
        voucherNumber: '',
        party: t('common.total'),
        narration: '',
        amount: data.vouchers.reduce((s, v) => s + (v.offBooks === null ? v.amount : 0), 0),
        offBooks: null,
        entries: [],
      },
    },
    // On paper, as Tally's day book: one line a voucher (date 0, particulars 1, type 2, number 3, amount 4),
    // the narration under the particulars when there is one; the status only when a voucher has one; the
    // entries (7) stay in the file (they tripled the pages).
    print: {
      orientation: 'portrait',
      omit: [...(data.vouchers.some((v) => v.offBooks !== null) ? [] : [5]), 6, 7],
      detail: { column: 1, text: (v) => v.narration },
    },
  };
}
