import { Suspense, lazy, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  Dashboard as DashboardData,
  PartyAmount,
} from '../../../../shared/types/reports';
import type { Paise } from '../../../../shared/money';
import { useOperation } from '../../data/client';
import { compactInr, date, money, monthLabel } from '../../lib/format';
import { useAppState, type SessionPeriod } from '../../state';
import { FyPicker, defaultFy } from '../../components/Period';
import { PageHeader } from '../../components/PageHeader';
import { ReportSubtitle } from '../../components/ServedBadge';
import { Empty } from '../../components/States';
import { QueryState } from '../../components/QueryState';
import { ExportMenu } from '../../components/ExportMenu';
import type { ExportSheet } from '../../lib/export';
import { financialYearOf, financialYearRange, isValidFinancialYear } from '../../../../shared/dates';
import { focusIsFree } from '../../components/keyboard/focus';

// The chart library is large; KPIs paint first and the chart follows a moment later.
const MonthlyChart = lazy(() => import('../../components/MonthlyChart'));

/** The dashboard shows the worst few; the outstanding screen has them all. */
const OVERDUE_ROWS = 10;

interface Kpi {
  id: keyof DashboardData['kpis'] | 'cashBank';
  amount: Paise;
  sub?: string;
  /** What date the figure is for, when it is not simply the year's: "As on 25-11-2026". */
  when?: string;
  onClick?: () => void;
  tone?: 'good' | 'bad';
}

/**
 * The dashboard's year and period end: a link's year (whole), else the session's period (Alt+F2 / F2):
 * the year its end falls in, up to that end (every card follows it), else the newest year. `to` is
 * left out when it is the year's end, as older callers send only the year.
 */
export function dashboardPeriodOf(
  params: Record<string, string>,
  company: CompanySummary,
  session: SessionPeriod | null,
): { fy: string; to?: string } {
  if (params.fy && isValidFinancialYear(params.fy)) return { fy: params.fy };
  if (!session) return { fy: defaultFy(company) };
  const fy = financialYearOf(session.to, company.yearStartMonth);
  return session.to === financialYearRange(fy, company.yearStartMonth).to ? { fy } : { fy, to: session.to };
}

export function Dashboard({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const { route, go, sessionPeriod, setPeriod } = useAppState();
  const { fy, to } = dashboardPeriodOf(route.params, company, sessionPeriod);
  const kpisRef = useRef<HTMLElement>(null);
  const query = useOperation('dashboard.get', { companyGuid: company.guid, fy, ...(to ? { to } : {}) });
  const units = { lakh: t('common.lakh'), crore: t('common.crore') };
  const range = financialYearRange(fy, company.yearStartMonth);
  const loaded = query.isSuccess;
  useEffect(() => {
    // The end-to-end run reads this mark to record the first dashboard paint (docs/BENCHMARKS.md).
    if (loaded && performance.getEntriesByName('dashboard-painted').length === 0) {
      requestAnimationFrame(() => performance.mark('dashboard-painted'));
    }
    // Keyboard first: the first card has the focus when the figures arrive.
    if (loaded && focusIsFree()) kpisRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [loaded]);

  const header = (
    <PageHeader
      title={t('dashboard.title')}
      subtitle={
        <ReportSubtitle served={query.data}>
          {company.name} · {t('common.period', { from: date(range.from), to: date(to ?? range.to) })}
        </ReportSubtitle>
      }
      actions={
        <>
          <FyPicker
            years={company.financialYears}
            value={fy}
            onChange={(value) => setPeriod(financialYearRange(value, company.yearStartMonth))}
          />
          <ExportMenu sheet={() => (query.data ? dashboardSheet(query.data.data, t) : null)} />
        </>
      }
    />
  );

  const body = (d: DashboardData) => {
    const openLedger = (ledgerGuid: string) => go('ledger', { l: ledgerGuid, from: d.from, to: d.to });
    const k = d.kpis;
    // Balances are as on a date; the profit is the year's up to it (said only while the year runs).
    const asOn = t('dashboard.asOn', { date: date(d.asOn) });
    const upTo = d.asOn < d.to ? t('dashboard.upTo', { date: date(d.asOn) }) : undefined;
    const openProfitLoss = () => go('profitLoss', { from: d.from, to: d.asOn });
    // Each card opens the report behind its figure, for the same year and as-on date: sales and
    // purchases their group's summary (Tally's Sales / Purchase Accounts), receipts and payments the
    // day book of that voucher type, balances the reports as on the date.
    const openGroup = (group: string) => go('groupSummary', { g: group, from: d.from, to: d.to });
    const openDayBook = (voucherType: string) => go('dayBook', { from: d.from, to: d.to, vt: voucherType });
    const kpis: Kpi[] = [
      { id: 'sales', amount: k.sales, onClick: () => openGroup('Sales Accounts') },
      { id: 'purchases', amount: k.purchases, onClick: () => openGroup('Purchase Accounts') },
      {
        id: 'grossProfit',
        amount: k.grossProfit,
        when: upTo,
        tone: k.grossProfit >= 0 ? 'good' : 'bad',
        onClick: openProfitLoss,
      },
      { id: 'receipts', amount: k.receipts, onClick: () => openDayBook('Receipt') },
      { id: 'payments', amount: k.payments, onClick: () => openDayBook('Payment') },
      {
        id: 'netProfit',
        amount: k.netProfit,
        when: upTo,
        tone: k.netProfit >= 0 ? 'good' : 'bad',
        onClick: openProfitLoss,
      },
      {
        id: 'receivables',
        amount: k.receivables,
        when: asOn,
        onClick: () => go('outstanding', { k: 'receivable', on: d.asOn }),
      },
      {
        id: 'payables',
        amount: k.payables,
        when: asOn,
        onClick: () => go('outstanding', { k: 'payable', on: d.asOn }),
      },
      {
        id: 'cashBank',
        amount: k.cashBalance + k.bankBalance,
        sub: t('dashboard.kpi.cashBankSplit', {
          cash: compactInr(k.cashBalance, units),
          bank: compactInr(k.bankBalance, units),
        }),
        when: asOn,
        onClick: () => go('trialBalance', { from: d.from, to: d.asOn }),
      },
    ];
    const chartData = d.monthly.map((m) => ({
      month: monthLabel(m.month, i18n.language),
      sales: m.sales / 100,
      purchases: m.purchases / 100,
    }));
    const hasActivity = d.monthly.some((m) => m.sales !== 0 || m.purchases !== 0);

    return (
      <>
        <section className="kpi-grid kpi-grid-3" aria-label="KPIs" ref={kpisRef}>
          {kpis.map((kpi) => (
            <button
              key={kpi.id}
              type="button"
              className={`kpi-card${kpi.tone ? ` kpi-${kpi.tone}` : ''}`}
              onClick={kpi.onClick}
              data-kpi={kpi.id}
            >
              <span className="kpi-label">{t(`dashboard.kpi.${kpi.id}`)}</span>
              <span className="kpi-value">{money(kpi.amount)}</span>
              <span className="kpi-sub">{kpi.sub ?? compactInr(kpi.amount, units)}</span>
              {kpi.when && <span className="kpi-when">{kpi.when}</span>}
            </button>
          ))}
        </section>

        <section className="card">
          <h2 className="card-title">{t('dashboard.monthly')}</h2>
          {hasActivity ? (
            <Suspense fallback={<div className="chart-placeholder" />}>
              <MonthlyChart
                data={chartData}
                units={units}
                labels={{ sales: t('dashboard.kpi.sales'), purchases: t('dashboard.kpi.purchases') }}
              />
            </Suspense>
          ) : (
            <Empty>{t('common.empty')}</Empty>
          )}
        </section>

        <div className="grid-2">
          <PartyList
            title={t('dashboard.topCustomers')}
            parties={d.topCustomers}
            onOpen={openLedger}
            testId="top-customers"
          />
          <PartyList
            title={t('dashboard.topSuppliers')}
            parties={d.topSuppliers}
            onOpen={openLedger}
            testId="top-suppliers"
          />
        </div>

        <section className="card">
          <div className="card-head">
            <h2 className="card-title">{t('dashboard.overdue')}</h2>
            <span className="card-note">
              {t('dashboard.overdueTotal', { amount: money(d.overdueReceivablesTotal) })} · {asOn}
            </span>
          </div>
          {d.overdueReceivables.length === 0 ? (
            <Empty>{t('dashboard.noOverdue')}</Empty>
          ) : (
            <table className="data-table compact" data-testid="overdue">
              <thead>
                <tr>
                  <th>{t('common.party')}</th>
                  <th>{t('outstanding.billName')}</th>
                  <th>{t('outstanding.dueDate')}</th>
                  <th className="num">{t('outstanding.overdueDays')}</th>
                  <th className="num">{t('common.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {d.overdueReceivables.slice(0, OVERDUE_ROWS).map((bill) => (
                  <tr
                    key={`${bill.ledgerGuid}:${bill.billName}`}
                    className="clickable"
                    tabIndex={0}
                    onClick={() => go('outstanding', { k: 'receivable', p: bill.ledgerGuid, on: d.asOn })}
                    onKeyDown={(e) =>
                      e.key === 'Enter' &&
                      go('outstanding', { k: 'receivable', p: bill.ledgerGuid, on: d.asOn })
                    }
                  >
                    <td>{bill.party}</td>
                    <td>{bill.billName}</td>
                    <td>{date(bill.dueDate)}</td>
                    <td className="num">
                      <span className={bill.overdueDays > 90 ? 'pill pill-bad' : 'pill pill-warn'}>
                        {t('dashboard.overdueDays', { count: bill.overdueDays })}
                      </span>
                    </td>
                    <td className="num">{money(bill.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.overdueReceivables.length > OVERDUE_ROWS && (
            <button
              type="button"
              className="btn btn-ghost see-all"
              onClick={() => go('outstanding', { k: 'receivable', on: d.asOn })}
            >
              {t('dashboard.seeAll')} ({d.overdueReceivables.length}) →
            </button>
          )}
        </section>
      </>
    );
  };

  return (
    <>
      {header}
      <QueryState query={query}>{(served) => body(served.data)}</QueryState>
    </>
  );
}

function PartyList({
  title,
  parties,
  onOpen,
  testId,
}: {
  title: string;
  parties: PartyAmount[];
  onOpen: (ledgerGuid: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...parties.map((p) => Math.abs(p.amount)));
  return (
    <section className="card" data-testid={testId}>
      <h2 className="card-title">{title}</h2>
      {parties.length === 0 ? (
        <Empty>{t('common.empty')}</Empty>
      ) : (
        <ol className="party-list">
          {parties.map((p) => (
            <li key={p.ledgerGuid}>
              <button type="button" className="party-row" onClick={() => onOpen(p.ledgerGuid)}>
                <span className="party-name">{p.name}</span>
                <span className="party-amount">{money(p.amount)}</span>
                <span
                  className="party-bar"
                  style={{ width: `${(Math.abs(p.amount) / max) * 100}%` }}
                  aria-hidden="true"
                />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function dashboardSheet(d: DashboardData, t: T): ExportSheet<{ label: string; amount: Paise }> {
  // Each figure says what it is, as on the cards: balances as on a date, the profit up to it.
  const when = (label: string, key: 'dashboard.asOn' | 'dashboard.upTo'): string =>
    `${label} (${t(key, { date: date(d.asOn) })})`;
  const profit = (label: string): string => (d.asOn < d.to ? when(label, 'dashboard.upTo') : label);
  const rows: { label: string; amount: Paise }[] = [
    { label: t('dashboard.kpi.sales'), amount: d.kpis.sales },
    { label: t('dashboard.kpi.purchases'), amount: d.kpis.purchases },
    { label: t('dashboard.kpi.receipts'), amount: d.kpis.receipts },
    { label: t('dashboard.kpi.payments'), amount: d.kpis.payments },
    { label: profit(t('dashboard.kpi.grossProfit')), amount: d.kpis.grossProfit },
    { label: profit(t('dashboard.kpi.netProfit')), amount: d.kpis.netProfit },
    { label: when(t('dashboard.kpi.receivables'), 'dashboard.asOn'), amount: d.kpis.receivables },
    { label: when(t('dashboard.kpi.payables'), 'dashboard.asOn'), amount: d.kpis.payables },
    {
      label: when(t('dashboard.kpi.cashBank'), 'dashboard.asOn'),
      amount: d.kpis.cashBalance + d.kpis.bankBalance,
    },
    ...d.monthly.flatMap((m) => [
      { label: `${t('dashboard.kpi.sales')} ${m.month}`, amount: m.sales },
      { label: `${t('dashboard.kpi.purchases')} ${m.month}`, amount: m.purchases },
    ]),
  ];
  return {
    title: `${t('dashboard.title')} ${d.fy} - ${d.companyName}`,
    company: d.companyName,
    period: t('common.period', { from: date(d.from), to: date(d.to) }),
    columns: [
      { header: t('ledger.particulars'), kind: 'text', value: (r) => r.label },
      { header: t('common.amount'), kind: 'money', value: (r) => r.amount },
    ],
    rows,
    // Figures of different kinds (sales, balances, months): nothing here adds up.
    totals: null,
  };
}
