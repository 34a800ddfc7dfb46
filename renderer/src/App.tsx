import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { NoCompany } from './components/NoCompany';
import { Empty, Loading } from './components/States';
import { ScreenBoundary } from './components/ErrorBoundary';
import { PageHeader } from './components/PageHeader';
import { PeriodProblemNote, periodProblem } from './components/Period';
import { buildHash, goBack, navigate } from './lib/route';
import { useLiveRefresh } from './data/client';
import { useAppState } from './state';
import { Dashboard } from './screens/Dashboard';
import { canOpenScreen, usePortalUser } from './screens/portal/portal-user';

// The dashboard is in the first bundle (it is the first screen); the others load when opened.
const CachePanel = lazy(() => import('./screens/CachePanel').then((m) => ({ default: m.CachePanel })));
const Companies = lazy(() => import('./screens/Companies').then((m) => ({ default: m.Companies })));
const DayBook = lazy(() => import('./screens/DayBook').then((m) => ({ default: m.DayBook })));
const Ledger = lazy(() => import('./screens/Ledger').then((m) => ({ default: m.Ledger })));
const Outstanding = lazy(() => import('./screens/Outstanding').then((m) => ({ default: m.Outstanding })));
const ProfitLoss = lazy(() => import('./screens/ProfitLoss').then((m) => ({ default: m.ProfitLoss })));
const BalanceSheet = lazy(() => import('./screens/BalanceSheet').then((m) => ({ default: m.BalanceSheet })));
const GroupSummary = lazy(() => import('./screens/GroupSummary').then((m) => ({ default: m.GroupSummary })));
const LedgerMonthly = lazy(() =>
  import('./screens/LedgerMonthly').then((m) => ({ default: m.LedgerMonthly })),
);
const StockSummary = lazy(() => import('./screens/StockSummary').then((m) => ({ default: m.StockSummary })));
const StockItem = lazy(() => import('./screens/StockItem').then((m) => ({ default: m.StockItem })));
const Settings = lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings })));
const Voucher = lazy(() => import('./screens/Voucher').then((m) => ({ default: m.Voucher })));
const TrialBalance = lazy(() => import('./screens/TrialBalance').then((m) => ({ default: m.TrialBalance })));

function Screen() {
  const { route, company, companiesLoading } = useAppState();
  const { t } = useTranslation();
  const portalUser = usePortalUser();
  if (!canOpenScreen(portalUser, route.screen)) {
    return (
      <Empty>
        <p data-testid="desktop-only">{t('portal.desktopOnly')}</p>
        <a className="btn btn-primary" href={buildHash('dashboard', { c: company?.guid })}>
          {t('portal.backToDashboard')}
        </a>
      </Empty>
    );
  }
  switch (route.screen) {
    case 'companies':
      return <Companies />;
    case 'cache':
      return <CachePanel company={company} />;
    case 'settings':
      return <Settings />;
    default:
      break;
  }
  if (companiesLoading) return <Loading />;
  if (!company) return <NoCompany />;
  // A link with a date that cannot be read (or a reversed range) says so; it never shows other dates.
  const problem = periodProblem(route.params);
  if (problem) {
    const params: Record<string, string | undefined> = { ...route.params };
    for (const key of ['from', 'to', 'asOn', 'on']) delete params[key];
    return (
      <>
        <PageHeader title={t(`nav.${route.screen}`)} subtitle={company.name} />
        <Empty>
          <PeriodProblemNote problem={problem} />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => navigate(route.screen, params, { replace: true })}
            data-testid="period-problem-fix"
          >
            {t('period.useSession')}
          </button>
        </Empty>
      </>
    );
  }
  // Keyed by company (a switch never shows one company's numbers under another's name) and by the
  // visit (each visit starts fresh; Back restores the table's place from its saved view).
  const key = `${company.guid}:${route.entry}`;
  switch (route.screen) {
    case 'dashboard':
      return <Dashboard key={key} company={company} />;
    case 'ledger':
      return <Ledger key={key} company={company} />;
    case 'outstanding':
      return <Outstanding key={key} company={company} />;
    case 'trialBalance':
      return <TrialBalance key={key} company={company} />;
    case 'profitLoss':
      return <ProfitLoss key={key} company={company} />;
    case 'dayBook':
      return <DayBook key={key} company={company} />;
    case 'balanceSheet':
      return <BalanceSheet key={key} company={company} />;
    case 'groupSummary':
      return <GroupSummary key={key} company={company} />;
    case 'ledgerMonthly':
      return <LedgerMonthly key={key} company={company} />;
    case 'voucher':
      return <Voucher key={key} company={company} />;
    case 'stockSummary':
      return <StockSummary key={key} company={company} />;
    case 'stockItem':
      return <StockItem key={key} company={company} />;
  }
}

export function App() {
  useLiveRefresh();
  const { route, company } = useAppState();
  // A new visit, so the failed screen's boundary is left behind.
  const home = () => navigate('dashboard', { c: company?.guid });
  return (
    <Layout>
      <ScreenBoundary key={route.entry} onBack={() => goBack(home)} onHome={home}>
        <Suspense fallback={<Loading />}>
          <Screen />
        </Suspense>
      </ScreenBoundary>
    </Layout>
  );
}
