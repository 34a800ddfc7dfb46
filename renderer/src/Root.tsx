import type { i18n } from 'i18next';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import type { AppBridge } from './bridge';
import { BridgeProvider } from './bridge/context';
import { AppStateProvider } from './state';
import { PortalGate } from './screens/portal/PortalGate';

/** Every provider the app needs; tests mount it with a fake bridge. */
export function Root({
  bridge,
  queryClient,
  i18n,
}: {
  bridge: AppBridge;
  queryClient: QueryClient;
  i18n: i18n;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={queryClient}>
          {/* Office portal: sign-in first when the server asks for it (see docs/PORTAL.md). */}
          <PortalGate>
            <AppStateProvider>
              <App />
            </AppStateProvider>
          </PortalGate>
        </QueryClientProvider>
      </BridgeProvider>
    </I18nextProvider>
  );
}
