import { useSyncExternalStore } from 'react';

export const SCREENS = [
  'companies',
  'dashboard',
  'ledger',
  'outstanding',
  'trialBalance',
  'profitLoss',
  'dayBook',
  'cache',
  'settings',
  // Opened from the day book, a ledger statement or a bill; not in the sidebar.
  'voucher',
  'balanceSheet',
  // Drill-downs: from the balance sheet / trial balance and from a group summary; not in the sidebar.
  'groupSummary',
  'ledgerMonthly',
  'stockSummary',
  // Drill-down from the stock summary; not in the sidebar.
  'stockItem',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  params: Record<string, string>;
}

/** "#/ledger?c=GUID&l=GUID" → { screen: 'ledger', params: { c, l } }; unknown screens fall back. */
export function parseHash(hash: string, fallback: Screen = 'dashboard'): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : fallback;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { screen, params };
}

export function buildHash(screen: Screen, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, value);
  const qs = query.toString();
  return `#/${screen}${qs ? `?${qs}` : ''}`;
}

export function navigate(screen: Screen, params: Record<string, string | undefined> = {}): void {
  window.location.hash = buildHash(screen, params);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
