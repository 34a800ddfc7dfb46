import { useEffect, useRef } from 'react';

/**
 * A statement's own keys, as in Tally: Alt+F1 detailed / condensed (groups with their ledgers, or the
 * groups alone), Alt+C a new comparison column. Null for any other key.
 */
export function statementKeyAction(
  event: Pick<
    KeyboardEvent,
    'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented'
  >,
): 'detailed' | 'newColumn' | null {
  if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
    return null;
  if (event.key === 'F1') return 'detailed';
  // By the key's place, so Alt+C works whatever the keyboard layout types there.
  if (event.code === 'KeyC' || event.key.toLowerCase() === 'c') return 'newColumn';
  return null;
}

/** Listens on the window while the statement is open; a handler left out leaves its key alone. */
export function useStatementKeys(handlers: { detailed?: () => void; newColumn?: () => void }): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = statementKeyAction(event);
      const handler = action === null ? undefined : ref.current[action];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
