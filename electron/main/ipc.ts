import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES } from '../../shared/contract';
import type { AppEventName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { CallContext } from '../core/service/types';
import { EVENT_CHANNEL, PICK_FILES_CHANNEL, SAVE_PDF_CHANNEL, invokeChannel } from '../preload/channels';

export type DispatchFn = (
  operation: string,
  input: unknown,
  context: CallContext,
) => Promise<Envelope<unknown>>;

interface Log {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export interface IpcAdapterOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: DispatchFn;
  /** True for the app's own renderer URL (see isTrustedRendererUrl). */
  isTrustedUrl: (url: string) => boolean;
  logger: Log;
  /** The native "Open" dialog; optional so tests and headless runs can leave it out. */
  pickFiles?: () => Promise<string[]>;
  /** "Save PDF": prints the calling window's page to a PDF the user names (print-pdf.ts). */
  savePdf?: (sender: IpcMainInvokeEvent['sender'], suggestedName: unknown) => Promise<boolean>;
  operations?: readonly string[];
}

function senderUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // Accessing a frame that navigated or was destroyed throws.
    return null;
  }
}

/**
 * Registers every contract operation on its own channel. Each call is checked to come from our own
 * renderer, validated by the core's dispatcher with the shared schemas, and answered with an envelope;
 * nothing thrown ever reaches the renderer as a stack trace. Returns a function removing them all.
 */
export function registerIpcHandlers(options: IpcAdapterOptions): () => void {
  const { ipcMain, dispatch, isTrustedUrl, logger } = options;
  const operations = options.operations ?? OPERATION_NAMES;
  const channels: string[] = [];

  const refuse = (event: SenderEvent, what: string): Envelope<never> | null => {
    const url = senderUrl(event);
    if (url !== null && isTrustedUrl(url)) return null;
    logger.warn('IPC call refused: sender is not the TallyConnect window', { what, url });
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: `${what} may only be called from the TallyConnect window` },
    };
  };

  for (const operation of operations) {
    const channel = invokeChannel(operation);
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      const refused = refuse(event, operation);
      if (refused) return refused;
      try {
        return await dispatch(operation, input, { caller: 'ipc', user: null });
      } catch (error) {
        logger.error('IPC dispatch failed', { operation, error });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `Something went wrong inside TallyConnect` },
        };
      }
    });
    channels.push(channel);
  }

  const { pickFiles } = options;
  if (pickFiles) {
    ipcMain.handle(PICK_FILES_CHANNEL, async (event): Promise<string[]> => {
      if (refuse(event, 'pickFiles')) return [];
      return pickFiles();
    });
    channels.push(PICK_FILES_CHANNEL);
  }

  const { savePdf } = options;
  if (savePdf) {
    ipcMain.handle(SAVE_PDF_CHANNEL, async (event, name: unknown): Promise<boolean> => {
      if (refuse(event, 'savePdf')) return false;
      try {
        return await savePdf(event.sender, name);
      } catch (error) {
        logger.error('Save PDF failed', { error });
        return false;
      }
    });
    channels.push(SAVE_PDF_CHANNEL);
  }

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Forwards every core event to every open window; closed windows are skipped. */
export function forwardEvents(
  events: { onAny(listener: (event: AppEventName, payload: unknown) => void): () => void },
  targets: () => EventTarget[],
): () => void {
  return events.onAny((event, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
    }
  });
}
