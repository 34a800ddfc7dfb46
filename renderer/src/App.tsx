import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { NoCompany } from './components/NoCompany';
import { Empty, Loading } from './components/States';
import { buildHash } from './lib/route';
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
  // Keyed by company so a switch never shows one company's numbers under another's name.
  switch (route.screen) {
    case 'dashboard':
      return <Dashboard key={company.guid} company={company} />;
    case 'ledger':
      return <Ledger key={company.guid} company={company} />;
    case 'outstanding':
      return <Outstanding key={company.guid} company={company} />;
    case 'trialBalance':
      return <TrialBalance key={company.guid} company={company} />;
    case 'profitLoss':
      return <ProfitLoss key={company.guid} company={company} />;
    case 'dayBook':
      return <DayBook key={company.guid} company={company} />;
    case 'balanceSheet':
      return <BalanceSheet key={company.guid} company={company} />;
    case 'groupSummary':
      return <GroupSummary key={company.guid} company={company} />;
    case 'ledgerMonthly':
      return <LedgerMonthly key={company.guid} company={company} />;
    case 'voucher':
      return <Voucher key={company.guid} company={company} />;
    case 'stockSummary':
      return <StockSummary key={company.guid} company={company} />;
    case 'stockItem':
      return <StockItem key={company.guid} company={company} />;
  }
}

export function App() {
  useLiveRefresh();
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    </Layout>
  );
}
