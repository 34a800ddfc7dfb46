import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { savedView, saveView, useRoute } from '../../lib/route';
import { focusIsFree, focusQuietly } from '../keyboard/focus';

const PAGE_FALLBACK = 15;

export interface GridKeyboardOptions {
  rowCount: number;
  /** Enter (or a click) on a row: the drill-down. */
  onActivate?: (index: number) => void;
  /** The element that scrolls the rows (the table's scroll box). */
  scrollRef: RefObject<HTMLElement | null>;
  /** Brings a row into view when it may not be rendered yet (a virtual list). */
  scrollToIndex?: (index: number) => void;
  /** Names the table within the visit, so Back restores the right one. */
  label: string;
  /** Estimated row height, for PageUp / PageDown. */
  rowHeight: number;
}

/**
 * One tab stop per table (role=grid with aria-activedescendant): ↑ ↓ Home End PgUp PgDn move the
 * selected row, Enter opens it. On a fresh visit the grid takes the focus on its first row; on Back it
 * returns to the row and scroll position it had.
 */
export function useGridKeyboard({
  rowCount,
  onActivate,
  scrollRef,
  scrollToIndex,
  label,
  rowHeight,
}: GridKeyboardOptions) {
  const route = useRoute();
  const viewKey = `${route.entry}|${label}`;
  const idPrefix = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState(0);
  const arrived = useRef(false);
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const remember = useCallback(
    (index: number) =>
      saveView(viewKey, {
        active: index,
        scrollTop: scrollRef.current?.scrollTop ?? 0,
        pageScroll: document.scrollingElement?.scrollTop ?? 0,
      }),
    [viewKey, scrollRef],
  );

  // First rows of this visit: restore the place Back left, else the first row; take the focus if free.
  useEffect(() => {
    if (arrived.current || rowCount === 0) return;
    arrived.current = true;
    const saved = savedView(viewKey);
    const index = saved ? Math.min(saved.active, rowCount - 1) : 0;
    setActive(index);
    if (saved) {
      scrollToIndex?.(index);
      requestAnimationFrame(() => {
        if (scrollRef.current) scrollRef.current.scrollTop = saved.scrollTop;
        document.scrollingElement?.scrollTo({ top: saved.pageScroll });
      });
    }
    if (focusIsFree()) focusQuietly(gridRef.current);
  }, [rowCount, viewKey, scrollRef, scrollToIndex]);

  // Rows that shrink (a new period) keep the selection inside the table.
  useEffect(() => {
    if (rowCount > 0 && active > rowCount - 1) setActive(rowCount - 1);
  }, [rowCount, active]);

  const moveTo = (index: number) => {
    if (rowCount === 0) return;
    const clamped = Math.max(0, Math.min(rowCount - 1, index));
    setActive(clamped);
    scrollToIndex?.(clamped);
    requestAnimationFrame(() => {
      document.getElementById(rowId(clamped))?.scrollIntoView?.({ block: 'nearest' });
      remember(clamped);
    });
  };

  const pageSize = () => {
    const height = scrollRef.current?.clientHeight ?? 0;
    return height > rowHeight * 2 ? Math.max(1, Math.floor(height / rowHeight) - 2) : PAGE_FALLBACK;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageSize(),
      PageUp: -pageSize(),
    };
    if (event.key in step) {
      event.preventDefault();
      moveTo(active + (step[event.key] ?? 0));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : rowCount - 1);
    } else if (event.key === 'Enter' && onActivate && rowCount > 0) {
      event.preventDefault();
      remember(active);
      onActivate(active);
    }
  };

  const gridProps = {
    ref: gridRef,
    role: 'grid',
    tabIndex: 0,
    'aria-activedescendant': rowCount > 0 ? rowId(active) : undefined,
    onKeyDown,
  } as const;

  const rowProps = (index: number) => ({
    id: rowId(index),
    'aria-selected': index === active,
    onMouseDown: () => setActive(index),
  });

  /** A click on a row: select it, remember the place, then open it. */
  const activate = (index: number) => {
    setActive(index);
    remember(index);
    onActivate?.(index);
  };

  return { active, gridProps, rowProps, activate, onScroll: () => remember(active) };
}
