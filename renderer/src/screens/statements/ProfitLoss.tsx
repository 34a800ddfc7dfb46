import { useRef, useState } from 'react';
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
import { QueryState } from '../../components/QueryState';
import type { ExportSheet } from '../../lib/export';
import { profitLossSheets } from './sheets/profit-loss';

type T = ReturnType<typeof useTranslation>['t'];
type Section = 'directIncomes' | 'directExpenses' | 'indirectIncomes' | 'indirectExpenses';

const sum = (lines: ProfitLossLine[]) => lines.reduce((s, l) => s + l.amount, 0);

export function ProfitLoss({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const period = useReportPeriod(company);
  const query = useOperation('profitLoss.get', { companyGuid: company.guid, ...period });
  const data = query.data?.data;
  const openLedger = (guid: string) => go('ledger', { l: guid, from: period.from, to: period.to });
  const [detailed, setDetailed] = useState(true);
  const statementRef = useRef<HTMLDivElement>(null);
  const keys = useListKeys(statementRef, query.isSuccess, (group) =>
    go('groupSummary', { g: group, from: period.from, to: period.to }),
  );

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
      <ReportHeader
        title={t('profitLoss.title')}
        served={query.data}
        sheet={data && (() => plSheet(data, company, t, detailed))}
      >
        <CompanyPeriod company={company} period={period} />
      </ReportHeader>
      <PeriodToolbar screen="profitLoss" company={company} value={period}>
        <DetailedToggle value={detailed} onChange={setDetailed} />
      </PeriodToolbar>
      <QueryState query={query}>
        {({ data: pl }) => (
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
      </QueryState>
    </>
  );
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

function plSheet(
  data: ProfitLossData,
  company: CompanySummary,
  t: T,
  detailed: boolean,
): ExportSheet<unknown> {
  const period = t('common.period', { from: date(data.from), to: date(data.to) });
  return profitLossSheets(data, company.name, period, t, detailed) as ExportSheet<unknown>;
}

/** Stock TallyConnect valued from the items (not a figure Tally sent) says so next to its label. */
function stockLabel(label: string, computed: boolean, t: T): string {
  return computed ? `${label} (${t('profitLoss.stockComputed')})` : label;
}
