import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { CompanySummary } from '../../shared/types/reports';
import { useOperation } from './data/client';
import { navigate, useRoute, type Route } from './lib/route';

const COMPANY_STORAGE_KEY = 'tallyconnect.company';

interface AppState {
  route: Route;
  companies: CompanySummary[];
  companiesLoading: boolean;
  company: CompanySummary | null;
  selectCompany(guid: string): void;
  /** Route params with the current company kept. */
  go(screen: Route['screen'], params?: Record<string, string | undefined>): void;
}

const AppStateContext = createContext<AppState | null>(null);

function remembered(): string | null {
  try {
    return localStorage.getItem(COMPANY_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function AppStateProvider({ children }: { children: ReactNode }) {
  const route = useRoute();
  const list = useOperation('companies.list', {});
  const companies = useMemo(() => list.data?.data ?? [], [list.data]);
  const wanted = route.params.c ?? remembered();
  const company = companies.find((c) => c.guid === wanted) ?? companies[0] ?? null;

  useEffect(() => {
    if (company) {
      try {
        localStorage.setItem(COMPANY_STORAGE_KEY, company.guid);
      } catch {
        // Storage may be unavailable; the choice then lasts for this visit.
      }
    }
  }, [company]);

  const value = useMemo<AppState>(
    () => ({
      route,
      companies,
      companiesLoading: list.isPending,
      company,
      selectCompany: (guid) =>
        navigate(route.screen === 'companies' ? 'dashboard' : route.screen, { c: guid }),
      go: (screen, params = {}) => navigate(screen, { c: company?.guid, ...params }),
    }),
    [route, companies, list.isPending, company],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState must be used inside <AppStateProvider>');
  return state;
}
