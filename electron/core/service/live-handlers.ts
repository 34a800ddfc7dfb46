import type { SettingsStore } from '../config/settings';
import type { LiveWatcher } from '../live/watcher';
import type { PartialHandlerMap } from './types';

/** live.status and live.set: the settings go to the .env file; the watcher follows the change. */
export function liveHandlers(deps: {
  watcher: Pick<LiveWatcher, 'status'>;
  settings: Pick<SettingsStore, 'setVariables'>;
}): PartialHandlerMap<'live.status' | 'live.set'> {
  return {
    'live.status': async () => deps.watcher.status(),
    'live.set': async (input) => {
      const variables: Record<string, string> = {};
      if (input.enabled !== undefined) variables['LIVE_MODE'] = String(input.enabled);
      if (input.intervalSeconds !== undefined)
        variables['LIVE_INTERVAL_SECONDS'] = String(input.intervalSeconds);
      const notices = input.notifications;
      if (notices?.receiptsFromOverdueParties !== undefined)
        variables['LIVE_NOTIFY_RECEIPTS'] = String(notices.receiptsFromOverdueParties);
      if (notices?.paymentsAbovePaise !== undefined)
        variables['LIVE_NOTIFY_PAYMENT_PAISE'] = String(notices.paymentsAbovePaise);
      if (Object.keys(variables).length > 0) await deps.settings.setVariables(variables);
      return deps.watcher.status();
    },
  };
}
