import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { UpdateStatus } from '../../shared/types/update';
import type { DispatchFn } from './ipc';

const CONTEXT = { caller: 'ipc', user: null } as const;
export const UPDATE_CHOICES = ['now', 'on-quit', 'not-now'] as const;
export type UpdateChoice = (typeof UPDATE_CHOICES)[number];

/** The consent question for a downloaded, verified update; the button order matches UPDATE_CHOICES. */
export function updatePrompt(version: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'TallyConnect — update ready',
    message: `TallyConnect ${version} has been downloaded.`,
    detail:
      'Installing takes under a minute and keeps your data, settings and companies. ' +
      'A sync in progress is cancelled safely first.',
    buttons: ['Restart and install now', 'Install when I quit', 'Not now'],
    defaultId: 1,
    cancelId: 2,
    noLink: true,
  };
}

/**
 * Asks the user what to do with the downloaded update and passes the answer to update.install. Nothing
 * is asked when no update is waiting.
 */
export async function offerUpdateInstall(deps: {
  dispatch: DispatchFn;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}): Promise<UpdateChoice | null> {
  const status = await deps.dispatch('update.status', {}, CONTEXT);
  if (!status.ok) return null;
  const update = status.data as UpdateStatus;
  if (update.phase !== 'ready' || !update.available) return null;
  const answer = await deps.showMessageBox(updatePrompt(update.available.version));
  const when = UPDATE_CHOICES[answer.response] ?? 'not-now';
  await deps.dispatch('update.install', { when }, CONTEXT);
  return when;
}
