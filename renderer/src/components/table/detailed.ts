import { useSyncExternalStore } from 'react';

/**
 * Tally's Alt+F5 (Detailed / Condensed) in voucher lists: condensed keeps a voucher to one line (its
 * narration cut with …, whole in the tooltip); detailed shows the narration and the other ledgers in
 * full under the particulars. Kept for the session, for every list alike.
 */
const STORAGE_KEY = 'tallyconnect.detailed';
const EVENT = 'tallyconnect:detailed';

function read(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function toggleDetailed(): void {
  try {
    if (read()) globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    else globalThis.sessionStorage?.setItem(STORAGE_KEY, 'on');
  } catch {
    // Without storage the switch cannot be kept; the lists stay as they are.
  }
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(callback: () => void): () => void {
  window.addEventListener(EVENT, callback);
  return () => window.removeEventListener(EVENT, callback);
}

export function useDetailed(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
