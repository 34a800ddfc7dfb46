import { AppError } from '../../../shared/errors';
import type { SettingsStore } from '../config/settings';
import type { PartialHandlerMap } from './types';

/** 'settings.get' / 'settings.update': the .env file in the data folder, validated, applied at once. */
export function settingsHandlers(deps: {
  settings: SettingsStore;
}): PartialHandlerMap<'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => deps.settings.settings(),
    'settings.update': async (input, context) => {
      if (context.user !== null) {
        throw new AppError('FORBIDDEN', 'Settings are changed on the TallyConnect desktop');
      }
      return deps.settings.update(input);
    },
  };
}
