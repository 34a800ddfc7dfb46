import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearOf, financialYearRange, isValidIsoDate, yearStartOf } from '../../../../shared/dates';
import type { Paise } from '../../../../shared/money';
import type {
  BalanceSheet as BalanceSheetData,
  BalanceSheetChild,
  BalanceSheetLine,
  CompanySummary,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, drCr, money } from '../../lib/format';
import { useAppState } from '../../state';
import { periodFrom } from '../../components/Period';
import { useListKeys } from '../../components/keyboard/useListKeys';
import { ReportHeader } from '../../components/ReportHeader';
import { DetailedToggle } from '../../components/DetailedToggle';
import { DateInput } from '../../components/DateInput';
import { Toolbar } from '../../components/PageHeader';
import type { ExportSheet } from '../../lib/export';
import { balanceSheetSheets } from './sheets/balance-sheet';
import { scheduleThreeSheet } from './sheets/schedule-three';
import { balanceSheetComparisonSheets } from './sheets/comparison';
import type { BalanceSheetComparison } from '../../../../shared/types/comparison';
import { ComparisonBar, NewColumnButton, columnLabel, useComparison } from './ComparisonColumns';
import { FormPicker, type StatementForm } from './FormPicker';
import { sheetsInForm, StatementViews } from './StatementViews';
import { useOpenDetails } from './ProfitLoss';

type T = ReturnType<typeof useTranslation>['t'];
type Side = 'liabilities' | 'assets';

const rowStyle = { display: 'flex', justifyContent: 'space-between', padding: '7px 0 7px 6px' } as const;

/** The as-on date of the route, else the end of the session's period (or the newest financial year). */
export function asOnFrom(
  params: Record<string, string>,
  company: CompanySummary,
  session: { from: string; to: string } | null = null,
): string {
  return params.asOn && isValidIsoDate(params.asOn) ? params.asOn : periodFrom(params, company, session).to;
}

/** What a child shows on its side: credit positive among the liabilities, debit positive among the assets. */
const onSide = (side: Side, closing: Paise): Paise => (side === 'assets' ? closing : -closing);

/**
 * Tally's Balance Sheet as on a date: liabilities beside assets by primary group, each group opening to
 * its sub-groups and ledgers (and to its Group Summary), the Profit & Loss A/c as opening balance plus
 * current period, closing stock under Current Assets, and any difference in opening balances.
 */
export function BalanceSheet({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go, sessionPeriod, setPeriod } = useAppState();
  const asOn = asOnFrom(route.params, company, sessionPeriod);
  const comparison = useComparison({ asOn });
  const single = useOperation(
    'balanceSheet.get',
    { companyGuid: company.guid, asOn },
    { enabled: !comparison.active },
  );
  const compared = useOperation(
    'balanceSheet.compare',
    { companyGuid: company.guid, columns: comparison.columns },
    { enabled: comparison.active },
  );
  const labels = comparison.columns.map((c) => columnLabel(c, t, company.yearStartMonth, true));
  const query = comparison.active ? compared : single;
  const data = single.data?.data;
  // A new as-on date is the session's (F2): the period ends there, starting with its year.
  const setAsOn = (value: string) => {
    const start = sessionPeriod && sessionPeriod.from <= value ? sessionPeriod.from : null;
    setPeriod({ from: start ?? yearStartOf(value, company.yearStartMonth), to: value });
  };
  // How it is printed and exported: Tally's horizontal form, or Schedule III's vertical form.
  const [form, setForm] = useState<StatementForm>('horizontal');
  const [detailed, setDetailed] = useState(true);
  const statementRef = useRef<HTMLDivElement>(null);
  useOpenDetails(statementRef, detailed);
  // A group opens its Group Summary as on the sheet's date: the closing stock under Stock-in-Hand (s).
  const keys = useListKeys(statementRef, single.isSuccess, (group) =>
    go('groupSummary', { g: group, from: data?.from, to: data?.asOn, s: 'closing' }),
  );
  const fy = financialYearOf(asOn, company.yearStartMonth);
  const years = company.financialYears.includes(fy)
    ? company.financialYears
    : [fy, ...company.financialYears];

  const openGroup = (bs: BalanceSheetData, name: string) =>
    go('groupSummary', { g: name, from: bs.from, to: bs.asOn, s: 'closing' });
  /** The closing stock opens the Stock Summary of the sheet's year to its date (its closing is the sheet's). */
  const openStock = (bs: BalanceSheetData) => go('stockSummary', { from: bs.from, to: bs.asOn });
  const openChild = (bs: BalanceSheetData, child: BalanceSheetChild) => {
    if (child.kind === 'group') openGroup(bs, child.name);
    else if (child.kind === 'ledger') go('ledger', { l: child.guid, from: bs.from, to: bs.asOn });
  };

  const lineView = (bs: BalanceSheetData, side: Side, line: BalanceSheetLine) => {
    if (line.kind === 'group') {
      return (
        <details
          key={line.guid}
          className="pl-group"
          data-testid={`bs-line-${line.name}`}
          data-group={line.name}
        >
          <summary>
            <span>{line.name}</span>
            <span className="num">{money(line.amount)}</span>
          </summary>
          <ul>
            <li>
              <button type="button" className="link" onClick={() => openGroup(bs, line.name)}>
                {t('balanceSheet.openGroup', { group: line.name })}
              </button>
            </li>
            {line.children.map((child) => (
              <li key={`${child.kind}:${child.guid}`}>
                {child.kind === 'closingStock' ? (
                  <button type="button" className="link" onClick={() => openStock(bs)}>
                    {t('balanceSheet.closingStock')}
                    {bs.stockComputed === true ? ` (${t('profitLoss.stockComputed')})` : ''}
                  </button>
                ) : (
                  <button type="button" className="link" onClick={() => openChild(bs, child)}>
                    {child.name}
                  </button>
                )}
                <span className="num">{money(onSide(side, child.closing))}</span>
              </li>
            ))}
          </ul>
        </details>
      );
    }
    if (line.kind === 'profitAndLoss') {
      const pl = bs.profitAndLoss;
      return (
        <details key={line.guid} className="pl-group" open data-testid="bs-profit-and-loss">
          <summary>
            <span>{line.name}</span>
            <span className="num">{money(line.amount)}</span>
          </summary>
          <ul>
            <li>
              <span>{t('balanceSheet.openingBalance')}</span>
              <span className="num">{money(onSide(side, pl.opening))}</span>
            </li>
            <li>
              <span>{t('balanceSheet.currentPeriod')}</span>
              <span className="num">{money(onSide(side, pl.currentPeriod))}</span>
            </li>
            {pl.transferred !== 0 && (
              <li>
                <span>{t('balanceSheet.transferred')}</span>
                <span className="num">{money(onSide(side, pl.transferred))}</span>
              </li>
            )}
          </ul>
        </details>
      );
    }
    const label =
      line.kind === 'openingDifference' ? t('balanceSheet.difference') : t('balanceSheet.closingStock');
    return (
      <div
        key={line.guid}
        style={rowStyle}
        className={line.kind === 'openingDifference' ? 'note-bad' : undefined}
        data-testid={line.kind === 'openingDifference' ? 'bs-difference' : undefined}
      >
        {line.kind === 'closingStock' ? (
          <button type="button" className="link" onClick={() => openStock(bs)}>
            {label}
          </button>
        ) : (
          <span>{label}</span>
        )}
        <span className="num">{money(line.amount)}</span>
      </div>
    );
  };

  const sideView = (bs: BalanceSheetData, side: Side) => (
    <div className="pl-section" data-testid={`bs-${side}`}>
      <div className="pl-head">
        <span>{t(`balanceSheet.${side}`)}</span>
      </div>
      {bs[side].map((line) => lineView(bs, side, line))}
      <div className="pl-result" data-testid={`bs-total-${side}`}>
        <span>{t('common.total')}</span>
        <span>{money(side === 'assets' ? bs.totalAssets : bs.totalLiabilities)}</span>
      </div>
    </div>
  );

  return (
    <>
      <ReportHeader
        title={t('balanceSheet.title')}
        served={query.data}
        sheet={
          comparison.active
            ? compared.data &&
              (() => bsComparisonSheet(compared.data.data, labels, company, t, form, detailed))
            : data && (() => bsSheet(data, company, t, form, detailed))
        }
      >
        {company.name} · {t('balanceSheet.asOnDate', { date: date(asOn) })}
      </ReportHeader>
      <Toolbar>
        <label className="field field-inline">
          <span>{t('common.year')}</span>
          <select
            value={fy}
            onChange={(e) => setPeriod(financialYearRange(e.target.value, company.yearStartMonth))}
            data-testid="fy-picker"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <DateInput label={t('common.asOn')} value={asOn} onChange={setAsOn} testId="as-on" />
        <FormPicker value={form} onChange={setForm} testId="bs-form" />
        <NewColumnButton comparison={comparison} />
        <DetailedToggle value={detailed} onChange={setDetailed} />
      </Toolbar>
      <ComparisonBar comparison={comparison} asOnOnly />
      <StatementViews
        comparing={comparison.active}
        compared={compared}
        single={single}
        form={form}
        comparisonSheet={(cmp) => bsComparisonSheet(cmp, labels, company, t, form, detailed)}
        verticalSheet={(bs) =>
          scheduleThreeSheet(bs, company.name, t('balanceSheet.asOnDate', { date: date(bs.asOn) }), t)
        }
        testIds={{ comparison: 'bs-comparison', vertical: 'bs-schedule-three' }}
      >
        {(bs) => {
          const gap = bs.totalAssets - bs.totalLiabilities;
          return (
            <div className="pl card" ref={statementRef} {...keys}>
              <div className="pl-columns">
                {sideView(bs, 'liabilities')}
                {sideView(bs, 'assets')}
              </div>
              <p className={gap === 0 ? 'note note-good' : 'note note-bad'} data-testid="bs-check">
                {gap === 0
                  ? t('balanceSheet.balanced')
                  : t('balanceSheet.notBalanced', { amount: money(Math.abs(gap)) })}
              </p>
              {bs.openingDifference !== 0 && (
                <p className="note note-bad" data-testid="bs-difference-note">
                  {t('balanceSheet.differenceNote', { amount: drCr(bs.openingDifference) })}
                </p>
              )}
            </div>
          );
        }}
      </StatementViews>
    </>
  );
}

function bsSheet(
  data: BalanceSheetData,
  company: CompanySummary,
  t: T,
  form: 'horizontal' | 'vertical',
  detailed: boolean,
): ExportSheet<unknown> {
  const period = t('balanceSheet.asOnDate', { date: date(data.asOn) });
  return sheetsInForm(
    form,
    balanceSheetSheets(data, company.name, period, t, detailed) as ExportSheet<unknown>,
    () => scheduleThreeSheet(data, company.name, period, t) as ExportSheet<unknown>,
  );
}

/** The balance sheet with comparison columns in the chosen form (the other form and the flat table after). */
function bsComparisonSheet(
  cmp: BalanceSheetComparison,
  labels: string[],
  company: CompanySummary,
  t: T,
  form: StatementForm,
  detailed: boolean,
): ExportSheet<unknown> {
  const period = t('balanceSheet.asOnDate', { date: date(cmp.columns[0]!.to) });
  return sheetsInForm(
    form,
    balanceSheetComparisonSheets(cmp, company.name, period, labels, t, detailed) as ExportSheet<unknown>,
    () => scheduleThreeSheet(cmp.reports, company.name, period, t, labels) as ExportSheet<unknown>,
  );
}
