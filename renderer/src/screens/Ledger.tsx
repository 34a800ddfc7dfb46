import { useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { focusIsFree } from '../components/keyboard/focus';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, LedgerStatement, LedgerStatementLine } from '../../../shared/types/reports';
import { useOperation } from '../data/client';
import { date, drCr, money } from '../lib/format';
import { useAppState } from '../state';
import { Toolbar } from '../components/PageHeader';
import { PeriodPicker, useReportPeriod } from '../components/Period';
import { CompanyPeriod, ReportHeader } from '../components/ReportHeader';
import { Empty } from '../components/States';
import { QueryState } from '../components/QueryState';
import { DataTable, type Column } from '../components/DataTable';
import {
  particularsColumn,
  voucherDateColumn,
  voucherNumberColumn,
  voucherTypeColumn,
} from '../components/VoucherColumns';
import type { ExportSheet } from '../lib/export';

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

export function Ledger({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const ledgerGuid = route.params.l ?? '';
  const statement = useOperation(
    'ledger.statement',
    { companyGuid: company.guid, ledgerGuid, from: period.from, to: period.to },
    { enabled: ledgerGuid !== '' },
  );
  const setParams = (params: Record<string, string | undefined>) =>
    go('ledger', { l: ledgerGuid || undefined, from: route.params.from, to: route.params.to, ...params });

  const columns = ledgerColumns(t);
  const s = statement.data?.data;
  return (
    <>
      <ReportHeader
        title={s ? s.ledger.name : t('ledger.title')}
        served={statement.data}
        sheet={s && (() => ledgerSheet(s, company, t))}
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
              <DataTable
                label={t('ledger.title')}
                columns={columns}
                rows={st.lines}
                rowKey={(line, i) => `${line.voucherGuid}:${i}`}
                onRowClick={(line) => go('voucher', { v: line.voucherGuid })}
                empty={t('ledger.noLines')}
                head={
                  <tr className="row-pinned">
                    <td className="nowrap">{date(st.from)}</td>
                    <td colSpan={3}>{t('ledger.opening')}</td>
                    <td className="num" />
                    <td className="num" />
                    <td className="num">{drCr(st.opening)}</td>
                  </tr>
                }
                foot={
                  <>
                    <tr className="row-total">
                      <td />
                      <td colSpan={3}>{t('common.total')}</td>
                      <td className="num">{money(st.totalDebit)}</td>
                      <td className="num">{money(st.totalCredit)}</td>
                      <td className="num" />
                    </tr>
                    <tr className="row-total">
                      <td className="nowrap">{date(st.to)}</td>
                      <td colSpan={3}>{t('ledger.closing')}</td>
                      <td className="num" />
                      <td className="num" />
                      <td className="num">{drCr(st.closing)}</td>
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

function ledgerColumns(t: T): Column<LedgerStatementLine>[] {
  return [
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
    { id: 'balance', header: t('ledger.balance'), kind: 'drcr', value: (r) => r.balance, width: '170px' },
  ];
}

function ledgerSheet(s: LedgerStatement, company: CompanySummary, t: T): ExportSheet<LedgerStatementLine> {
  const opening: LedgerStatementLine = {
    date: s.from,
    voucherGuid: '',
    voucherType: '',
    voucherNumber: '',
    particulars: t('ledger.opening'),
    narration: '',
    debit: 0,
    credit: 0,
    balance: s.opening,
  };
  const closing: LedgerStatementLine = {
    ...opening,
    date: s.to,
    particulars: t('ledger.closing'),
    debit: s.totalDebit,
    credit: s.totalCredit,
    balance: s.closing,
  };
  return {
    title: `${t('ledger.title')} - ${s.ledger.name}`,
    subtitle: [company.name, t('common.period', { from: date(s.from), to: date(s.to) })],
    columns: [
      ...ledgerColumns(t),
      { id: 'narration', header: t('ledger.narration'), kind: 'text', value: (r) => r.narration },
    ],
    rows: [opening, ...s.lines, closing],
  };
}
