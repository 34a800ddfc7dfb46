import { useSyncExternalStore } from 'react';
import { SCREENS, type Screen } from '../routes';

export type { Screen };

export interface Route {
  screen: Screen;
  params: Record<string, string>;
  /** Identifies this visit (one history entry): a screen is fresh on each visit, restored on Back. */
  entry: string;
  /** How many app visits lie behind this one; Back (Esc) is possible above 0. */
  depth: number;
}

/** "#/ledger?c=GUID&l=GUID" → { screen: 'ledger', params: { c, l } }; unknown screens fall back. */
export function parseHash(hash: string, fallback: Screen = 'dashboard'): Omit<Route, 'entry' | 'depth'> {
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

/** What the app keeps in each history entry. */
interface EntryState {
  tcEntry: string;
  tcDepth: number;
}

let entryCounter = 0;
const newEntryId = (): string => `${Date.now().toString(36)}-${(entryCounter++).toString(36)}`;

function entryState(): EntryState | null {
  const state: unknown = window.history.state;
  if (typeof state === 'object' && state !== null && typeof (state as EntryState).tcEntry === 'string') {
    return state as EntryState;
  }
  return null;
}

let lastDepth: number | null = null;

/**
 * Gives an entry reached by a plain link (or typed in the address bar) its own id and depth, so it
 * too can be restored and left with Back.
 */
function ensureEntry(): EntryState {
  const existing = entryState();
  if (existing) {
    lastDepth = existing.tcDepth;
    return existing;
  }
  const fresh = { tcEntry: newEntryId(), tcDepth: lastDepth === null ? 0 : lastDepth + 1 };
  window.history.replaceState(fresh, '');
  lastDepth = fresh.tcDepth;
  return fresh;
}

function announce(): void {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Opens a screen. A new visit is a new history entry (Esc / Back returns); `replace` changes the
 * current visit in place (a new period for the same report is not a step to go back through).
 */
export function navigate(
  screen: Screen,
  params: Record<string, string | undefined> = {},
  options: { replace?: boolean } = {},
): void {
  const hash = buildHash(screen, params);
  const current = ensureEntry();
  if (options.replace) {
    window.history.replaceState(current, '', hash);
  } else {
    if (hash === window.location.hash) return;
    window.history.pushState({ tcEntry: newEntryId(), tcDepth: current.tcDepth + 1 }, '', hash);
  }
  announce();
}

/** True when Back has an app screen to return to. */
export function canGoBack(): boolean {
  return (entryState()?.tcDepth ?? 0) > 0;
}

/** Back to the previous visit (as Tally's Esc); from the first visit, to the dashboard. */
export function goBack(fallback: () => void): void {
  if (canGoBack()) window.history.back();
  else fallback();
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  window.addEventListener('popstate', callback);
  return () => {
    window.removeEventListener('hashchange', callback);
    window.removeEventListener('popstate', callback);
  };
}

let cachedKey = '';
let cached: Route | null = null;

function snapshot(): Route {
  const state = ensureEntry();
  const key = `${window.location.hash}|${state.tcEntry}|${state.tcDepth}`;
  if (cached && key === cachedKey) return cached;
  cachedKey = key;
  cached = { ...parseHash(window.location.hash), entry: state.tcEntry, depth: state.tcDepth };
  return cached;
}

/** The current route; re-renders on every hash change and history step. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Where a table stood in a visit (its selected row and scroll), so Back returns to the same place. */
export interface ViewState {
  active: number;
  scrollTop: number;
  pageScroll: number;
}

const views = new Map<string, ViewState>();

export function saveView(key: string, view: ViewState): void {
  views.set(key, view);
  // Bounded: a long session of drill-downs must not grow without end.
  if (views.size > 200) {
    const oldest = views.keys().next().value;
    if (oldest !== undefined) views.delete(oldest);
  }
}

export function savedView(key: string): ViewState | undefined {
  return views.get(key);
}
