import '@testing-library/jest-dom/vitest';
import { configure, render, type RenderResult } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { Root } from '../../renderer/src/Root';
import { createI18n } from '../../renderer/src/i18n';
import type { Language, Settings } from '../../shared/types/settings';
import { createFakeBridge, demoHandlers, type FakeBridge, type FakeHandlers } from './fake-bridge';

// Screens are lazy-loaded modules; their first import in a test takes longer than the 1 s default.
configure({ asyncUtilTimeout: 8000 });

// jsdom has no layout: charts and virtual lists ask for ResizeObserver.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

export interface Rendered extends RenderResult {
  bridge: FakeBridge;
}

/** Mounts the whole app at a hash route over a fake bridge. */
export function renderApp(
  hash: string,
  options: { handlers?: FakeHandlers; language?: Language; diagnostics?: boolean } = {},
): Rendered {
  localStorage.clear();
  sessionStorage.clear();
  // Most screen tests read the technical details too (where a report came from, the core's words);
  // tests of what an accountant sees by default pass diagnostics: false.
  if (options.diagnostics !== false) localStorage.setItem('tallyconnect.diagnostics', 'on');
  window.location.hash = hash;
  const language = options.language ?? 'en';
  const demo = demoHandlers();
  const demoSettings = demo['settings.get'];
  // The desktop's settings say the language the test shows (the app adopts them when they arrive).
  if (demoSettings)
    demo['settings.get'] = async (input) => ({ ...((await demoSettings(input)) as Settings), language });
  const bridge = createFakeBridge({ ...demo, ...options.handlers });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(<Root bridge={bridge} queryClient={queryClient} i18n={createI18n(language)} />);
  return { ...result, bridge };
}
