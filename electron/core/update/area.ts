import { AppError } from '../../../shared/errors';
import type { SettingsStore } from '../config/settings';
import type { LoadedConfig } from '../config/config';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { CallContext, PartialHandlerMap } from '../../../shared/types/handlers';
import type { UpdateEngine } from './engine';
import { createUpdatePolicy, type Feed, type UpdatePolicy, type UpdatePolicyOptions } from './policy';

export type UpdateOperation = 'update.status' | 'update.check' | 'update.install' | 'update.configure';

export const FEED_VARIABLE = 'UPDATE_FEED_URL';

/** The feed as configured: UPDATE_FEED_URL from the process environment or the .env file (Settings). */
export function feedFrom(loaded: LoadedConfig): Feed | null {
  const url = loaded.config.updates.feedUrl;
  if (!url) return null;
  return { url, source: loaded.fromEnvironment.has(FEED_VARIABLE) ? 'environment' : 'settings' };
}

function desktopOwnerOnly(context: CallContext, what: string): void {
  if (context.user !== null) throw new AppError('FORBIDDEN', `${what} is done on the TallyConnect desktop`);
}

export interface UpdateArea {
  policy: UpdatePolicy;
  handlers: PartialHandlerMap<UpdateOperation>;
  close(): void;
}

/**
 * The update area of the core: the policy (electron/core/update/policy.ts) fed by the settings store
 * and reporting on the event bus. The engine (electron-updater) is injected by the desktop shell; the
 * browser server and the CLI have none, and report updates as off.
 */
export function createUpdateArea(deps: {
  engine: UpdateEngine | null;
  noEngineReason?: UpdatePolicyOptions['noEngineReason'];
  currentVersion: string;
  settings: SettingsStore;
  events: EventBus;
  logger: Logger;
  now?: () => Date;
  timers?: UpdatePolicyOptions['timers'];
}): UpdateArea {
  const policy = createUpdatePolicy({
    engine: deps.engine,
    ...(deps.noEngineReason ? { noEngineReason: deps.noEngineReason } : {}),
    currentVersion: deps.currentVersion,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
    onChange: (status) => deps.events.emit('update.status', status),
    onError: (error) => deps.logger.warn('update failed', { error }),
  });
  policy.configure(feedFrom(deps.settings.current()));
  const stopListening = deps.settings.onChange((next, previous) => {
    if (next.config.updates.feedUrl !== previous.config.updates.feedUrl) policy.configure(feedFrom(next));
  });

  const handlers: PartialHandlerMap<UpdateOperation> = {
    'update.status': async () => policy.status(),
    'update.check': async (_input, context) => {
      desktopOwnerOnly(context, 'Checking for updates');
      return policy.check();
    },
    'update.install': async (input, context) => {
      desktopOwnerOnly(context, 'Installing an update');
      if (policy.status().phase !== 'ready')
        throw new AppError('NOT_FOUND', 'No downloaded update is waiting to be installed');
      return policy.consent(input.when);
    },
    'update.configure': async (input, context) => {
      desktopOwnerOnly(context, 'Setting the update address');
      await deps.settings.setVariables({ [FEED_VARIABLE]: input.feedUrl === '' ? null : input.feedUrl });
      return policy.status();
    },
  };
  return {
    policy,
    handlers,
    close() {
      stopListening();
      policy.stop();
    },
  };
}
