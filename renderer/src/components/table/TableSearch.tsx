import './table.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Marks the search boxes Ctrl+F goes to (the first on the screen). */
const FIND_ATTRIBUTE = 'data-table-search';

/**
 * Ctrl+F (Cmd+F) focuses the screen's first table search instead of the browser's find, which cannot
 * see rows that are on another page or not rendered: the table's own find searches the whole period.
 */
export function onFindKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey || event.shiftKey) return;
  if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f') return;
  const box = document.querySelector<HTMLInputElement>(`input[${FIND_ATTRIBUTE}]`);
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
}

/** Waits until typing pauses before the (core) search runs. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The search box of a table: searches the whole period; Ctrl+F comes here; Esc clears it. */
export function TableSearch({
  value,
  onChange,
  matches,
  label,
}: {
  value: string;
  onChange: (text: string) => void;
  /** How many rows match (shown while a search is active). */
  matches?: number | undefined;
  label?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    window.addEventListener('keydown', onFindKey);
    return () => window.removeEventListener('keydown', onFindKey);
  }, []);
  return (
    <div className="table-search no-print" role="search">
      <input
        ref={ref}
        type="search"
        {...{ [FIND_ATTRIBUTE]: '' }}
        aria-label={label ?? t('wholeTable.search')}
        placeholder={t('wholeTable.searchPlaceholder')}
        title={t('wholeTable.searchHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.stopPropagation();
            onChange('');
          }
        }}
      />
      {value.trim() !== '' && matches !== undefined && (
        <span className="table-search-count" aria-live="polite">
          {t('wholeTable.matches', { count: matches, n: new Intl.NumberFormat('en-IN').format(matches) })}
        </span>
      )}
    </div>
  );
}
