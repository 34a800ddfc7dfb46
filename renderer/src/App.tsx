import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { NoCompany } from './components/NoCompany';
import { Loading } from './components/States';
import { useLiveRefresh } from './data/client';
import { useAppState } from './state';
import { CachePanel } from './screens/CachePanel';
import { Companies } from './screens/Companies';
import { Dashboard } from './screens/Dashboard';
import { DayBook } from './screens/DayBook';
import { Ledger } from './screens/Ledger';
import { Outstanding } from './screens/Outstanding';
import { ProfitLoss } from './screens/ProfitLoss';
import { Settings } from './screens/Settings';
import { TrialBalance } from './screens/TrialBalance';

function Screen() {
  const { route, company, companiesLoading } = useAppState();
  useTranslation();
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
  }
}

export function App() {
  useLiveRefresh();
  return (
    <Layout>
      <Screen />
    </Layout>
  );
}
