import { EventEmitter } from 'node:events';
import type { AppEventName, AppEvents } from '../../../shared/contract';

export type Unsubscribe = () => void;

/** The app's typed event bus: sync progress, cache status, books changed. Adapters forward it. */
export interface EventBus {
  emit<E extends AppEventName>(event: E, payload: AppEvents[E]): void;
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): Unsubscribe;
  /** Every event, for adapters that forward all of them (IPC, server-sent events, pub/sub). */
  onAny(listener: <E extends AppEventName>(event: E, payload: AppEvents[E]) => void): Unsubscribe;
}

/**
 * One listener that throws must not stop the others (a closed browser tab, a failing forwarder) nor
 * surface in the code that emitted: its error goes to `onListenerError`.
 */
export function createEventBus(
  onListenerError: (error: unknown, event: AppEventName) => void = (error, event) =>
    console.error(`An event listener for ${event} failed`, error),
): EventBus {
  const emitter = new EventEmitter();
  // Many windows/browser tabs may listen; this is not a leak.
  emitter.setMaxListeners(0);
  const ANY = Symbol('any');
  const report = (error: unknown, event: AppEventName): void => {
    try {
      onListenerError(error, event);
    } catch {
      // The reporter itself failed: nothing more can be done without throwing into the emitter.
    }
  };
  return {
    emit(event, payload) {
      emitter.emit(event, payload);
      emitter.emit(ANY, event, payload);
    },
    on(event, listener) {
      const wrapped = (payload: AppEvents[typeof event]): void => {
        try {
          listener(payload);
        } catch (error) {
          report(error, event);
        }
      };
      emitter.on(event, wrapped);
      return () => emitter.off(event, wrapped);
    },
    onAny(listener) {
      const wrapped = <E extends AppEventName>(event: E, payload: AppEvents[E]): void => {
        try {
          listener(event, payload);
        } catch (error) {
          report(error, event);
        }
      };
      emitter.on(ANY, wrapped);
      return () => emitter.off(ANY, wrapped);
    },
  };
}
