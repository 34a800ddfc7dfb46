import type { AppEventName, AppEvents, InputOf, OperationName, OutputOf } from '../../shared/contract';
import { APP_EVENT_NAMES } from '../../shared/contract/events';
import type { Envelope, ErrorInfo } from '../../shared/errors';
import type { DesktopBridge } from '../../shared/bridge-global';
import {
  EVENT_CHANNEL,
  OPERATION_NAME_PATTERN,
  PICK_FILES_CHANNEL,
  SAVE_PDF_CHANNEL,
  invokeChannel,
} from './channels';

/** The slice of Electron's ipcRenderer the bridge uses; injected so it is testable without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function failure(error: ErrorInfo): Envelope<never> {
  return { ok: false, error };
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(APP_EVENT_NAMES);

/**
 * Builds the object exposed as window.tallyConnect. The renderer never sees ipcRenderer or the IPC
 * event object: only contract operations go out, only contract events come in.
 */
export function createDesktopBridge(ipc: IpcRendererLike): DesktopBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const onEvent = (_event: unknown, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string') return;
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        // One broken screen must not stop other listeners from hearing the event.
        console.error(`tallyConnect: listener for ${name} failed`, error);
      }
    }
  };
  let attached = false;
  const total = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  return {
    async invoke<N extends OperationName>(operation: N, input: InputOf<N>): Promise<Envelope<OutputOf<N>>> {
      if (typeof operation !== 'string' || !OPERATION_NAME_PATTERN.test(operation)) {
        return failure({ code: 'UNKNOWN_OPERATION', message: `Unknown operation "${String(operation)}"` });
      }
      try {
        return (await ipc.invoke(invokeChannel(operation), input)) as Envelope<OutputOf<N>>;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Electron rejects when no handler exists for the channel: the operation is not in the contract.
        if (message.includes('No handler registered')) {
          return failure({ code: 'UNKNOWN_OPERATION', message: `Unknown operation "${operation}"` });
        }
        return failure({
          code: 'INTERNAL',
          message: `TallyConnect could not reach its main process: ${message}`,
        });
      }
    },

    subscribe<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
      if (!KNOWN_EVENTS.has(event)) throw new Error(`Unknown event "${String(event)}"`);
      if (typeof listener !== 'function') throw new Error('subscribe needs a listener function');
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      if (!attached) {
        ipc.on(EVENT_CHANNEL, onEvent);
        attached = true;
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(wrapped);
        // Detach from IPC when nobody listens, so a closed screen leaves nothing behind.
        if (attached && total() === 0) {
          ipc.removeListener(EVENT_CHANNEL, onEvent);
          attached = false;
        }
      };
    },

    async pickFiles(): Promise<string[]> {
      const paths = await ipc.invoke(PICK_FILES_CHANNEL);
      return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
    },

    async savePdf(suggestedName: string): Promise<boolean> {
      return (await ipc.invoke(SAVE_PDF_CHANNEL, String(suggestedName))) === true;
    },
  };
}
