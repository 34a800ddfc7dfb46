import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CompanySummary } from '../../shared/types/reports';
import { isValidIsoDate } from '../../shared/dates';
import { useOperation } from './data/client';
import { navigate, useRoute, type Route } from './lib/route';

const COMPANY_STORAGE_KEY = 'tallyconnect.company';
const PERIOD_STORAGE_KEY = 'tallyconnect.period';

export interface SessionPeriod {
  from: string;
  to: string;
}

interface AppState {
  route: Route;
  companies: CompanySummary[];
  companiesLoading: boolean;
  company: CompanySummary | null;
  selectCompany(guid: string): void;
  /** Opens a screen (a new visit, Esc returns) with the current company kept. */
  go(
    screen: Route['screen'],
    params?: Record<string, string | undefined>,
    options?: { replace?: boolean },
  ): void;
  /**
   * The period every report shows until it is changed (Alt+F2), as in Tally; null until the user
   * picks one (each company's newest financial year then).
   */
  sessionPeriod: SessionPeriod | null;
  /** Sets the session period; the report in view follows it (its own drill-down dates are dropped). */
  setPeriod(period: SessionPeriod): void;
}

const AppStateContext = createContext<AppState | null>(null);

function remembered(): string | null {
  try {
    return localStorage.getItem(COMPANY_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The session's period survives a reload of the window, not the end of the session. */
function rememberedPeriod(): SessionPeriod | null {
  try {
    const raw = sessionStorage.getItem(PERIOD_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<SessionPeriod>;
    return typeof value.from === 'string' &&
      typeof value.to === 'string' &&
      isValidIsoDate(value.from) &&
      isValidIsoDate(value.to) &&
      value.from <= value.to
      ? { from: value.from, to: value.to }
      : null;
  } catch {
    return null;
  }
}

/** Params that carry a report's own dates (a drill-down's period); a new session period replaces them. */
const DATE_PARAMS = ['from', 'to', 'fy', 'asOn', 'on', 'page'];

export function AppStateProvider({ children }: { children: ReactNode }) {
  const route = useRoute();
  const list = useOperation('companies.list', {});
  const companies = useMemo(() => list.data?.data ?? [], [list.data]);
  const wanted = route.params.c ?? remembered();
  const company = companies.find((c) => c.guid === wanted) ?? companies[0] ?? null;
  const [sessionPeriod, setSessionPeriod] = useState<SessionPeriod | null>(rememberedPeriod);

  useEffect(() => {
    if (company) {
      try {
        localStorage.setItem(COMPANY_STORAGE_KEY, company.guid);
      } catch {
        // Storage may be unavailable; the choice then lasts for this visit.
      }
    }
  }, [company]);

  const setPeriod = useCallback(
    (period: SessionPeriod) => {
      setSessionPeriod(period);
      try {
        sessionStorage.setItem(PERIOD_STORAGE_KEY, JSON.stringify(period));
      } catch {
        // Without storage the period lasts until the window reloads.
      }
      const params: Record<string, string | undefined> = { ...route.params };
      for (const key of DATE_PARAMS) delete params[key];
      navigate(route.screen, params, { replace: true });
    },
    [route],
  );

  const value = useMemo<AppState>(
    () => ({
      route,
      companies,
      companiesLoading: list.isPending,
      company,
      selectCompany: (guid) =>
        navigate(route.screen === 'companies' ? 'dashboard' : route.screen, { c: guid }),
      go: (screen, params = {}, options = {}) => navigate(screen, { c: company?.guid, ...params }, options),
      sessionPeriod,
      setPeriod,
    }),
    [route, companies, list.isPending, company, sessionPeriod, setPeriod],
  );
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState must be used inside <AppStateProvider>');
  return state;
}
