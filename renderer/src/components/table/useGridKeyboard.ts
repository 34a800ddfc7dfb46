import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { savedView, saveView, useRoute } from '../../lib/route';
import { focusIsFree, focusQuietly } from '../keyboard/focus';

const PAGE_FALLBACK = 15;

/**
 * Scrolls a row into view inside its scroll box, clear of the table's sticky heading and totals:
 * scrollIntoView alone counts the box's edges, so the last row ended under the total line.
 */
export function revealRow(row: HTMLElement, box: HTMLElement | null): void {
  row.scrollIntoView?.({ block: 'nearest' });
  const table = row.closest('table');
  if (!box || !table) return;
  const rowRect = row.getBoundingClientRect();
  const boxRect = box.getBoundingClientRect();
  // The cells are what sticks (not their row or section), so their boxes say where they are drawn.
  const footTops = Array.from(table.tFoot?.rows ?? [], (r) => r.cells[0]?.getBoundingClientRect())
    .filter((rect): rect is DOMRect => rect !== undefined && rect.height > 0)
    .map((rect) => rect.top);
  const headCell = table.tHead?.rows[0]?.cells[0]?.getBoundingClientRect();
  const bottom = Math.min(boxRect.bottom, ...footTops);
  const top = headCell && headCell.height > 0 ? Math.max(boxRect.top, headCell.bottom) : boxRect.top;
  if (rowRect.bottom > bottom) box.scrollTop += rowRect.bottom - bottom;
  else if (rowRect.top < top) box.scrollTop -= top - rowRect.top;
}

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
  /**
   * A table the core pages (the day book): the keys go on across its pages, so the whole period is
   * one list as in Tally. `page` is the page whose rows are shown.
   */
  paging?: TablePaging | undefined;
}

export interface TablePaging {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Which row to select when the asked-for page arrives: counted from its top or from its end. */
type Arrival = { index: number } | { fromEnd: number };

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
  paging,
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

  const arrival = useRef<Arrival | null>(null);
  const shownPage = paging?.page;

  const moveTo = (index: number) => {
    if (rowCount === 0) return;
    const clamped = Math.max(0, Math.min(rowCount - 1, index));
    setActive(clamped);
    scrollToIndex?.(clamped);
    requestAnimationFrame(() => {
      const row = document.getElementById(rowId(clamped));
      if (row) revealRow(row, scrollRef.current);
      remember(clamped);
    });
  };

  const pageSize = () => {
    const height = scrollRef.current?.clientHeight ?? 0;
    return height > rowHeight * 2 ? Math.max(1, Math.floor(height / rowHeight) - 2) : PAGE_FALLBACK;
  };

  // The page asked for by a key has arrived: select the row the key was going to.
  useEffect(() => {
    const wanted = arrival.current;
    if (wanted === null || rowCount === 0) return;
    arrival.current = null;
    moveTo('index' in wanted ? wanted.index : rowCount - 1 - wanted.fromEnd);
    // moveTo is recreated each render; only a new page (or its rows) should trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownPage, rowCount]);

  /** Opens another page of a paged table; false when there is none (the move stays on this page). */
  const toPage = (page: number, wanted: Arrival): boolean => {
    if (!paging || page < 1 || page > paging.pages || page === paging.page) return false;
    arrival.current = wanted;
    paging.onPage(page);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageSize(),
      PageUp: -pageSize(),
    };
    const moving = event.key in step || event.key === 'Home' || event.key === 'End';
    // While the next page is on its way, the keys wait for it rather than move on the old one.
    if (moving && arrival.current !== null) {
      event.preventDefault();
      return;
    }
    if (event.key in step) {
      event.preventDefault();
      const target = active + (step[event.key] ?? 0);
      const page = paging?.page ?? 1;
      if (target > rowCount - 1 && toPage(page + 1, { index: target - rowCount })) return;
      if (target < 0 && toPage(page - 1, { fromEnd: -target - 1 })) return;
      moveTo(target);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      if (event.key === 'Home' && toPage(1, { index: 0 })) return;
      if (event.key === 'End' && paging && toPage(paging.pages, { fromEnd: 0 })) return;
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
