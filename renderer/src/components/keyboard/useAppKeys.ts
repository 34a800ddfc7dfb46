import { useEffect, useRef } from 'react';

/** True when a key belongs to what the user is typing in (a field, a list box, a text area). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

export interface AppKeyHandlers {
  back(): void;
  period(): void;
  date(): void;
  help(): void;
  /** Alt+F5: voucher lists detailed (narrations in full) or condensed. */
  detailed(): void;
  /** Alt+1 … Alt+9: the n-th screen (1-based). */
  screen(n: number): void;
}

/** What a key press means to the whole app, or null when it is not an app shortcut. */
export function appKeyAction(
  event: Pick<
    KeyboardEvent,
    'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target' | 'defaultPrevented'
  >,
): { kind: 'back' | 'period' | 'date' | 'help' | 'detailed' } | { kind: 'screen'; n: number } | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey) return null;
  const editing = isEditable(event.target);
  if (event.altKey) {
    if (event.key === 'F2') return { kind: 'period' };
    if (event.key === 'F5') return { kind: 'detailed' };
    if (event.key === 'ArrowLeft') return { kind: 'back' };
    if (/^[1-9]$/.test(event.key)) return { kind: 'screen', n: Number(event.key) };
    return null;
  }
  if (event.key === 'F2') return { kind: 'date' };
  if (event.key === 'F1') return { kind: 'help' };
  // Esc leaves a screen even from a field (the field handles its own Esc first when it has typing).
  if (event.key === 'Escape') return { kind: 'back' };
  if (editing) return null;
  if (event.key === 'Backspace') return { kind: 'back' };
  if (event.key === '?') return { kind: 'help' };
  return null;
}

/** The app's shortcuts on the window (as in Tally); a dialog that is open handles its own keys. */
export function useAppKeys(handlers: AppKeyHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const action = appKeyAction(event);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'screen') ref.current.screen(action.n);
      else ref.current[action.kind]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
