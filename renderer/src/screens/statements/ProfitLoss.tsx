import { useEffect, useRef, useState, type RefObject } from 'react';
import { DetailedToggle } from '../../components/DetailedToggle';
import { useTranslation } from 'react-i18next';
import { useListKeys } from '../../components/keyboard/useListKeys';
import type {
  CompanySummary,
  ProfitLoss as ProfitLossData,
  ProfitLossLine,
} from '../../../../shared/types/reports';
import type { Paise } from '../../../../shared/money';
import { useOperation } from '../../data/client';
import { date, money } from '../../lib/format';
import { useAppState } from '../../state';
import { PeriodToolbar, useReportPeriod } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import type { ExportSheet } from '../../lib/export';
import { profitLossSheets } from './sheets/profit-loss';
import { profitLossComparisonSheets } from './sheets/comparison';
import { scheduleThreeProfitLossSheet } from './sheets/schedule-three-pl';
import type { ProfitLossComparison } from '../../../../shared/types/comparison';
import { ComparisonBar, NewColumnButton, columnLabel, useComparison } from './ComparisonColumns';
import { FormPicker, type StatementForm } from './FormPicker';
import { sheetsInForm, StatementViews } from './StatementViews';

type T = ReturnType<typeof useTranslation>['t'];
type Section = 'directIncomes' | 'directExpenses' | 'indirectIncomes' | 'indirectExpenses';

const sum = (lines: ProfitLossLine[]) => lines.reduce((s, l) => s + l.amount, 0);

export function ProfitLoss({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const period = useReportPeriod(company);
  const comparison = useComparison({ from: period.from, to: period.to });
  const single = useOperation(
    'profitLoss.get',
    { companyGuid: company.guid, ...period },
    { enabled: !comparison.active },
  );
  const compared = useOperation(
    'profitLoss.compare',
    { companyGuid: company.guid, columns: comparison.columns },
    { enabled: comparison.active },
  );
  const labels = comparison.columns.map((c) => columnLabel(c, t, company.yearStartMonth));
  const query = comparison.active ? compared : single;
  const openLedger = (guid: string) => go('ledger', { l: guid, from: period.from, to: period.to });
  const [detailed, setDetailed] = useState(true);
  const [form, setForm] = useState<StatementForm>('horizontal');
  const statementRef = useRef<HTMLDivElement>(null);
  useOpenDetails(statementRef, detailed);
  const keys = useListKeys(statementRef, single.isSuccess, (group) =>
    go('groupSummary', { g: group, from: period.from, to: period.to }),
  );
  const sheet = (): ExportSheet<unknown> | null => {
    if (comparison.active) {
      const cmp = compared.data?.data;
      return cmp ? plComparisonSheet(cmp, labels, company, t, form, detailed) : null;
    }
    const pl = single.data?.data;
    return pl ? plSheet(pl, company, t, detailed, form) : null;
  };

  const section = (pl: ProfitLossData, key: Section) => (
    <div className="pl-section" key={key}>
      <div className="pl-head">
        <span>{t(`profitLoss.${key}`)}</span>
        <span>{money(sum(pl[key]))}</span>
      </div>
      {pl[key].map((line) => (
        <details key={line.groupName} className="pl-group" data-group={line.groupName}>
          <summary>
            <span>{line.groupName}</span>
            <span className="num">{money(line.amount)}</span>
          </summary>
          <ul>
            {line.ledgers.map((l) => (
              <li key={l.guid}>
                <button type="button" className="link" onClick={() => openLedger(l.guid)}>
                  {l.name}
                </button>
                <span className="num">{money(l.amount)}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );

  return (
    <>
      <ReportHeader title={t('profitLoss.title')} served={query.data} sheet={query.data ? sheet : undefined}>
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <PeriodToolbar screen="profitLoss" company={company} value={period}>
        <FormPicker value={form} onChange={setForm} />
        <NewColumnButton comparison={comparison} />
        <DetailedToggle value={detailed} onChange={setDetailed} />
      </PeriodToolbar>
      <ComparisonBar comparison={comparison} />
      <StatementViews
        comparing={comparison.active}
        compared={compared}
        single={single}
        form={form}
        comparisonSheet={(cmp) => plComparisonSheet(cmp, labels, company, t, form, detailed)}
        verticalSheet={(pl) => scheduleThreeProfitLossSheet(pl, company.name, periodText(pl, t), t)}
        testIds={{ comparison: 'pl-comparison', vertical: 'pl-schedule-three' }}
      >
        {(pl) => (
          <div className="pl card" ref={statementRef} {...keys}>
            <div className="pl-columns">
              <div>
                <StockLine
                  label={stockLabel(t('profitLoss.openingStock'), pl.stockComputed === true, t)}
                  amount={pl.openingStock}
                  testId="opening-stock"
                />
                {section(pl, 'directExpenses')}
                <ResultLine
                  label={pl.grossProfit >= 0 ? t('profitLoss.grossProfit') : t('profitLoss.grossLoss')}
                  amount={pl.grossProfit}
                />
                {section(pl, 'indirectExpenses')}
              </div>
              <div>
                {section(pl, 'directIncomes')}
                <StockLine
                  label={stockLabel(t('profitLoss.closingStock'), pl.stockComputed === true, t)}
                  amount={pl.closingStock}
                  testId="closing-stock"
                />
                {section(pl, 'indirectIncomes')}
              </div>
            </div>
            <ResultLine
              big
              label={pl.netProfit >= 0 ? t('profitLoss.netProfit') : t('profitLoss.netLoss')}
              amount={pl.netProfit}
            />
          </div>
        )}
      </StatementViews>
    </>
  );
}

/**
 * Alt+F1 on screen: detailed opens every group to its ledgers, condensed closes them (the first view is
 * as the screen always opened: groups closed until clicked).
 */
export function useOpenDetails(ref: RefObject<HTMLElement | null>, detailed: boolean): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.querySelectorAll('details').forEach((d) => {
      d.open = detailed;
    });
  }, [ref, detailed]);
}

/** Opening or closing stock in the trading account (shown when there is any, as Tally does). */
function StockLine({ label, amount, testId }: { label: string; amount: Paise; testId: string }) {
  if (amount === 0) return null;
  return (
    <div className="pl-section" data-testid={testId}>
      <div className="pl-head">
        <span>{label}</span>
        <span>{money(amount)}</span>
      </div>
    </div>
  );
}

function ResultLine({ label, amount, big }: { label: string; amount: Paise; big?: boolean }) {
  return (
    <div
      className={`pl-result ${amount >= 0 ? 'good' : 'bad'}${big ? ' big' : ''}`}
      data-testid={big ? 'net-profit' : 'gross-profit'}
    >
      <span>{label}</span>
      <span>{money(Math.abs(amount))}</span>
    </div>
  );
}

const periodText = (pl: { from: string; to: string }, t: T): string =>
  t('common.period', { from: date(pl.from), to: date(pl.to) });

function plSheet(
  data: ProfitLossData,
  company: CompanySummary,
  t: T,
  detailed: boolean,
  form: StatementForm = 'horizontal',
): ExportSheet<unknown> {
  const period = periodText(data, t);
  return sheetsInForm(
    form,
    profitLossSheets(data, company.name, period, t, detailed) as ExportSheet<unknown>,
    () => scheduleThreeProfitLossSheet(data, company.name, period, t) as ExportSheet<unknown>,
  );
}

/** The P&L with comparison columns in the chosen form (the other form and the flat table after it). */
function plComparisonSheet(
  cmp: ProfitLossComparison,
  labels: string[],
  company: CompanySummary,
  t: T,
  form: StatementForm,
  detailed: boolean,
): ExportSheet<unknown> {
  const period = periodText(cmp.columns[0]!, t);
  return sheetsInForm(
    form,
    profitLossComparisonSheets(cmp, company.name, period, labels, t, detailed) as ExportSheet<unknown>,
    () => scheduleThreeProfitLossSheet(cmp.reports, company.name, period, t, labels) as ExportSheet<unknown>,
  );
}

/** Stock TallyConnect valued from the items (not a figure Tally sent) says so next to its label. */
function stockLabel(label: string, computed: boolean, t: T): string {
  return computed ? `${label} (${t('profitLoss.stockComputed')})` : label;
}
