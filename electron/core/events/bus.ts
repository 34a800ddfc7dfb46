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

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  // Many windows/browser tabs may listen; this is not a leak.
  emitter.setMaxListeners(0);
  const ANY = Symbol('any');
  return {
    emit(event, payload) {
      emitter.emit(event, payload);
      emitter.emit(ANY, event, payload);
    },
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    onAny(listener) {
      emitter.on(ANY, listener);
      return () => emitter.off(ANY, listener);
    },
  };
}
