import { Suspense, lazy, type ComponentType } from 'react';
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
import { canOpenScreen, usePortalUser } from './screens/portal/portal-user';
import { ROUTES, SCREENS, type Screen as ScreenName } from './routes';
import type { CompanySummary } from '../../shared/types/reports';

// Each screen's code loads when it is first opened; the lazy components are made once.
const COMPANY_SCREENS = new Map<ScreenName, ComponentType<{ company: CompanySummary }>>();
const APP_SCREENS = new Map<ScreenName, ComponentType<{ company: CompanySummary | null }>>();
for (const name of SCREENS) {
  const route = ROUTES[name];
  if (route.scope === 'company')
    COMPANY_SCREENS.set(
      name,
      lazy(() => route.load().then((component) => ({ default: component }))),
    );
  else
    APP_SCREENS.set(
      name,
      lazy(() => route.load().then((component) => ({ default: component }))),
    );
}

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
  const AppScreen = APP_SCREENS.get(route.screen);
  if (AppScreen) return <AppScreen company={company} />;
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
  const CompanyScreen = COMPANY_SCREENS.get(route.screen);
  return CompanyScreen ? <CompanyScreen key={key} company={company} /> : null;
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
