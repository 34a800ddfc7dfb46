import { useSyncExternalStore } from 'react';

/**
 * Whether the technical details (where a report came from and how long it took, cache keys) are shown
 * on the reports. Off by default: an accountant reads the books, not the cache.
 */
export const DIAGNOSTICS_STORAGE_KEY = 'tallyconnect.diagnostics';
const EVENT = 'tallyconnect:diagnostics';

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(DIAGNOSTICS_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setDiagnostics(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(DIAGNOSTICS_STORAGE_KEY, 'on');
    else globalThis.localStorage?.removeItem(DIAGNOSTICS_STORAGE_KEY);
  } catch {
    // Without storage the switch does not survive a reload.
  }
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(callback: () => void): () => void {
  window.addEventListener(EVENT, callback);
  window.addEventListener('storage', callback);
  return () => {
    window.removeEventListener(EVENT, callback);
    window.removeEventListener('storage', callback);
  };
}

export function useDiagnostics(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
