import { useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LEDGER_SORTS } from '../../../../shared/contract/reports';
import { useBridge } from '../../bridge/context';
import { Pager } from '../../components/table/Pager';
import { TableSearch, useDebounced } from '../../components/table/TableSearch';
import { fetchEveryPage, type SortState } from '../../components/table/view';
import { focusIsFree } from '../../components/keyboard/focus';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, LedgerStatement, LedgerStatementLine } from '../../../../shared/types/reports';
import { OperationError, useOperation } from '../../data/client';
import { date, drCr, money } from '../../lib/format';
import { useAppState } from '../../state';
import { Toolbar } from '../../components/PageHeader';
import { PeriodPicker, useReportPeriod } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { Empty } from '../../components/States';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import {
  particularsColumn,
  voucherDateColumn,
  voucherNumberColumn,
  voucherTypeColumn,
} from '../../components/VoucherColumns';
import type { ExportSheet } from '../../lib/export';

/** Search-as-you-type over thousands of ledgers (the server filters; we show the best 50). */
function LedgerSearch({
  company,
  onPick,
  autoFocus,
}: {
  company: CompanySummary;
  onPick: (guid: string) => void;
  /** On a visit with no ledger chosen yet, the picker is where the keys go. */
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus && focusIsFree()) inputRef.current?.focus();
  }, [autoFocus]);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const query = useDeferredValue(text.trim());
  const results = useOperation(
    'ledgers.search',
    { companyGuid: company.guid, query, limit: 50 },
    { enabled: open },
  );
  const items = results.data ?? [];

  const pick = (guid: string) => {
    onPick(guid);
    setOpen(false);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && items[active]) {
      e.preventDefault();
      pick(items[active].guid);
    } else if (e.key === 'Escape' && (open || text !== '')) {
      // Esc closes the list and clears the typing first; from an empty box it goes back a screen.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setText('');
    }
  };

  return (
    <div className="combo">
      <label className="field">
        <span>{t('ledger.searchLabel')}</span>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls="ledger-results"
          aria-activedescendant={items[active] ? `ledger-opt-${items[active].guid}` : undefined}
          placeholder={t('ledger.searchPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          data-testid="ledger-search"
        />
      </label>
      {open && (
        <ul className="combo-list" id="ledger-results" role="listbox">
          {results.isPending && <li className="combo-empty">{t('common.loading')}</li>}
          {results.isSuccess && items.length === 0 && (
            <li className="combo-empty">{t('ledger.noMatch', { query })}</li>
          )}
          {items.map((l, i) => (
            <li
              key={l.guid}
              id={`ledger-opt-${l.guid}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(l.guid);
              }}
            >
              <span>{l.name}</span>
              <span className="combo-meta">{l.group}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const PAGE_SIZE = 200;

/** Ledger columns the core sorts by, by the table's column ids (the balance follows the date order). */
const SORT_KEYS: Record<string, LedgerSortKey> = {
  date: 'date',
  particulars: 'particulars',
  type: 'voucherType',
  number: 'voucherNumber',
  debit: 'debit',
  credit: 'credit',
};

export function Ledger({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const ledgerGuid = route.params.l ?? '';
  const [sort, setSort] = useState<SortState>(null);
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebounced(text.trim());
  const view = {
    sort: sort ? (SORT_KEYS[sort.id] ?? 'date') : 'date',
    dir: sort?.dir ?? 'asc',
    search,
  } as const;
  // The running balance reads only in date order (a sorted or reversed list would jump about).
  const dateOrder = view.sort === 'date' && view.dir === 'asc';
  const statement = useOperation(
    'ledger.statement',
    {
      companyGuid: company.guid,
      ledgerGuid,
      from: period.from,
      to: period.to,
      ...view,
      page,
      pageSize: PAGE_SIZE,
    },
    { enabled: ledgerGuid !== '', placeholderData: (previous) => previous },
  );
  const setParams = (params: Record<string, string | undefined>) => {
    setPage(1);
    setText('');
    go('ledger', { l: ledgerGuid || undefined, from: route.params.from, to: route.params.to, ...params });
  };

  const columns = ledgerColumns(t, dateOrder);
  const s = statement.data?.data;
  const wholePeriod = async () => {
    if (!s) return null;
    const lines = await fetchEveryPage(async (p, pageSize) => {
      const answer = await bridge.invoke('ledger.statement', {
        companyGuid: company.guid,
        ledgerGuid,
        from: period.from,
        to: period.to,
        ...view,
        page: p,
        pageSize,
      });
      if (!answer.ok) throw new OperationError(answer.error);
      return { rows: answer.data.data.lines, total: answer.data.data.matchingLines };
    });
    return ledgerSheet({ ...s, lines }, company, t, { dateOrder, search });
  };
  const numbers = dateOrder ? 3 : 2;
  return (
    <>
      <ReportHeader
        title={s ? s.ledger.name : t('ledger.title')}
        served={statement.data}
        sheet={s && wholePeriod}
      >
        {s ? `${s.ledger.group} · ` : ''}
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <Toolbar>
        <LedgerSearch
          company={company}
          onPick={(guid) => setParams({ l: guid })}
          autoFocus={ledgerGuid === ''}
        />
        <PeriodPicker company={company} value={period} />
        {ledgerGuid !== '' && (
          <TableSearch
            value={text}
            onChange={(value) => {
              setText(value);
              setPage(1);
            }}
            matches={s?.matchingLines}
          />
        )}
        {s && s.pageSize !== null && (
          <Pager page={page} total={s.matchingLines} pageSize={s.pageSize} onPage={setPage} />
        )}
      </Toolbar>
      {ledgerGuid === '' ? (
        <Empty>{t('ledger.choose')}</Empty>
      ) : (
        <QueryState query={statement}>
          {({ data: st }) => (
            <>
              <div className="summary-strip">
                <div>
                  <span>{t('ledger.opening')}</span>
                  <strong data-testid="ledger-opening">{drCr(st.opening)}</strong>
                </div>
                <div>
                  <span>{t('ledger.debit')}</span>
                  <strong>{money(st.totalDebit)}</strong>
                </div>
                <div>
                  <span>{t('ledger.credit')}</span>
                  <strong>{money(st.totalCredit)}</strong>
                </div>
                <div>
                  <span>{t('ledger.closing')}</span>
                  <strong data-testid="ledger-closing">{drCr(st.closing)}</strong>
                </div>
              </div>
              {!dateOrder && <p className="muted no-print">{t('wholeTable.balanceHidden')}</p>}
              <DataTable
                label={t('ledger.title')}
                columns={columns}
                rows={st.lines}
                rowKey={(line, i) => `${line.voucherGuid}:${i}`}
                onRowClick={(line) => go('voucher', { v: line.voucherGuid })}
                empty={t('ledger.noLines')}
                sort={sort}
                onSortChange={(next) => {
                  setSort(next);
                  setPage(1);
                }}
                searchable={false}
                virtualise={false}
                head={
                  dateOrder && page === 1 && search === '' ? (
                    <tr className="row-pinned">
                      <td className="nowrap">{date(st.from)}</td>
                      <td colSpan={3}>{t('ledger.opening')}</td>
                      <td className="num" />
                      <td className="num" />
                      <td className="num">{drCr(st.opening)}</td>
                    </tr>
                  ) : undefined
                }
                foot={
                  <>
                    <tr className="row-total">
                      <td />
                      <td colSpan={3}>{t('common.total')}</td>
                      <td className="num">{money(st.totalDebit)}</td>
                      <td className="num">{money(st.totalCredit)}</td>
                      {numbers === 3 && <td className="num" />}
                    </tr>
                    <tr className="row-total">
                      <td className="nowrap">{date(st.to)}</td>
                      <td colSpan={3}>{t('ledger.closing')}</td>
                      <td className="num" />
                      <td className="num" />
                      {numbers === 3 ? <td className="num">{drCr(st.closing)}</td> : null}
                    </tr>
                  </>
                }
              />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];
type LedgerSortKey = (typeof LEDGER_SORTS)[number];

function ledgerColumns(t: T, withBalance: boolean): Column<LedgerStatementLine>[] {
  const columns: Column<LedgerStatementLine>[] = [
    voucherDateColumn(t('common.date')),
    particularsColumn(
      'particulars',
      t('ledger.particulars'),
      (r) => r.particulars,
      (r) => r.narration || undefined,
    ),
    voucherTypeColumn(t('ledger.vchType'), '120px'),
    voucherNumberColumn(t('ledger.vchNo')),
    { id: 'debit', header: t('ledger.debit'), kind: 'money', value: (r) => r.debit, width: '150px' },
    { id: 'credit', header: t('ledger.credit'), kind: 'money', value: (r) => r.credit, width: '150px' },
  ];
  if (withBalance) {
    columns.push({
      id: 'balance',
      header: t('ledger.balance'),
      kind: 'drcr',
      value: (r) => r.balance,
      width: '170px',
      sortable: false,
    });
  }
  return columns;
}

/**
 * The statement as a file or print: opening once, the lines, the totals of the lines (once: the closing
 * row carries only the balance), the closing. A searched export totals the lines it holds and leaves the
 * opening and closing out; the balance column only comes in date order.
 */
function ledgerSheet(
  s: LedgerStatement,
  company: CompanySummary,
  t: T,
  view: { dateOrder: boolean; search: string },
): ExportSheet<LedgerStatementLine> {
  const plain = view.dateOrder && view.search === '';
  const pinned = (day: string, label: string, balance: number): LedgerStatementLine => ({
    date: day,
    voucherGuid: '',
    voucherType: '',
    voucherNumber: '',
    particulars: label,
    narration: '',
    debit: 0,
    credit: 0,
    balance,
  });
  const columns = [
    ...ledgerColumns(t, view.dateOrder),
    {
      id: 'narration',
      header: t('ledger.narration'),
      kind: 'text' as const,
      value: (r: LedgerStatementLine) => r.narration,
    },
  ];
  const at = (id: string) => columns.findIndex((c) => c.id === id);
  return {
    title: `${t('ledger.title')} - ${s.ledger.name}`,
    company: company.name,
    period: t('common.period', { from: date(s.from), to: date(s.to) }),
    notes: [s.ledger.group, ...(view.search !== '' ? [`${t('wholeTable.search')}: ${view.search}`] : [])],
    columns,
    leading: plain ? [pinned(s.from, t('ledger.opening'), s.opening)] : [],
    rows: s.lines,
    totals: { label: t('common.total') },
    trailing: plain ? [pinned(s.to, t('ledger.closing'), s.closing)] : [],
    print: {
      // On paper the narration runs on after the particulars (a second line only when it needs one), on
      // landscape pages where the particulars have the room: a year of a busy party in a dozen pages.
      omit: [at('narration')],
      orientation: 'landscape',
      detail: { column: at('particulars'), text: (r) => r.narration },
      ...(plain ? { carry: { debit: at('debit'), credit: at('credit'), balance: at('balance') } } : {}),
    },
  };
}
