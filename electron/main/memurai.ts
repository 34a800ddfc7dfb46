import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { CacheDetection } from '../../shared/types/cache';
import type { DispatchFn } from './ipc';

/** Ask at most once per launch, never after "Don't ask again", and only when Memurai is really stopped. */
export function shouldOfferMemurai(detection: CacheDetection | null, dismissed: boolean): boolean {
  return Boolean(detection?.memuraiStopped) && !dismissed;
}

export const MEMURAI_PROMPT: MessageBoxOptions = {
  type: 'question',
  title: 'TallyConnect — Memurai is stopped',
  message: 'Memurai is installed but not running.',
  detail:
    'Memurai is the cache server that makes reports open instantly. TallyConnect works without it ' +
    '(using a smaller in-memory cache), but starting it is recommended.\n\n' +
    'Starting it asks Windows for administrator permission once.',
  buttons: ['Start Memurai', 'Not now'],
  defaultId: 0,
  cancelId: 1,
  checkboxLabel: "Don't ask again",
  checkboxChecked: false,
  noLink: true,
};

export interface MemuraiDeps {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  dispatch: DispatchFn;
  dismissForever(): void;
}

/**
 * Offers to start Memurai (the core runs `sc start Memurai` through an elevation prompt and re-detects),
 * then tells the user the outcome in plain words — including why it did not work.
 */
export async function offerToStartMemurai(deps: MemuraiDeps): Promise<'started' | 'declined' | 'failed'> {
  const answer = await deps.showMessageBox(MEMURAI_PROMPT);
  if (answer.checkboxChecked) deps.dismissForever();
  if (answer.response !== 0) return 'declined';
  const result = await deps.dispatch('cache.startMemurai', {}, { caller: 'ipc', user: null });
  const started = result.ok && (result.data as { started: boolean }).started;
  const message = result.ok ? (result.data as { message: string }).message : result.error.message;
  await deps.showMessageBox({
    type: started ? 'info' : 'warning',
    title: 'TallyConnect — Memurai',
    message: started ? 'Memurai is running; TallyConnect now uses it.' : 'Memurai could not be started.',
    detail: started
      ? message
      : `${message}\n\nTallyConnect keeps working with its in-memory cache. You can start Memurai ` +
        'later from the tray menu, or ask your IT person to set the Memurai service to start automatically.',
    buttons: ['OK'],
    noLink: true,
  });
  return started ? 'started' : 'failed';
}
