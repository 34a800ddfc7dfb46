import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { savedView, saveView, useRoute } from '../../lib/route';
import { focusIsFree, focusQuietly } from './focus';

/** The rows of a statement (P&L, balance sheet) that the arrow keys walk: group heads and drill links. */
const ROW_SELECTOR = 'summary, button.link, [data-row]';

/** Rows inside a closed group are hidden, so the keys skip them. */
function isHidden(el: HTMLElement): boolean {
  const outer = el.tagName === 'SUMMARY' ? el.parentElement?.parentElement : el.parentElement;
  const details = outer?.closest('details');
  return details ? !details.open : false;
}

function visibleRows(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(ROW_SELECTOR)).filter((el) => !isHidden(el));
}

/**
 * ↑ ↓ Home End PgUp PgDn walk the rows of a statement; → opens a group, ← closes it (or steps back to
 * its head); Enter on a group opens its Group Summary (`onGroup`). On arrival the first row has the
 * focus; on Back, the row that was opened (its groups open again) and the page's scroll.
 */
export function useListKeys(
  ref: RefObject<HTMLElement | null>,
  ready: boolean,
  onGroup?: (name: string) => void,
) {
  const route = useRoute();
  const viewKey = `${route.entry}|list`;

  useEffect(() => {
    const container = ref.current;
    if (!ready || !container) return;
    const saved = savedView(viewKey);
    const all = Array.from(container.querySelectorAll<HTMLElement>(ROW_SELECTOR));
    const row = saved ? all[saved.active] : all[0];
    if (saved && row) {
      const details = row.closest('details');
      if (details && row.tagName !== 'SUMMARY') details.open = true;
      requestAnimationFrame(() => document.scrollingElement?.scrollTo({ top: saved.pageScroll }));
    }
    if (focusIsFree()) focusQuietly(row);
  }, [ready, ref, viewKey]);

  /** Remembers which row was opened (call before a drill-down), for Back. */
  const remember = () => {
    const container = ref.current;
    if (!container) return;
    const all = Array.from(container.querySelectorAll<HTMLElement>(ROW_SELECTOR));
    saveView(viewKey, {
      active: Math.max(0, all.indexOf(document.activeElement as HTMLElement)),
      scrollTop: 0,
      pageScroll: document.scrollingElement?.scrollTop ?? 0,
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const container = ref.current;
    if (!container || event.altKey || event.ctrlKey || event.metaKey) return;
    const rows = visibleRows(container);
    const here = rows.indexOf(document.activeElement as HTMLElement);
    const moveTo = (index: number) => {
      event.preventDefault();
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      row?.focus();
      row?.scrollIntoView?.({ block: 'nearest' });
    };
    const target = event.target as HTMLElement;
    const details = target.tagName === 'SUMMARY' ? (target.parentElement as HTMLDetailsElement) : null;
    switch (event.key) {
      case 'ArrowDown':
        return moveTo(here + 1);
      case 'ArrowUp':
        return moveTo(here - 1);
      case 'PageDown':
        return moveTo(here + 10);
      case 'PageUp':
        return moveTo(here - 10);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(rows.length - 1);
      case 'ArrowRight':
        if (details && !details.open) {
          event.preventDefault();
          details.open = true;
        }
        return;
      case 'ArrowLeft':
        if (details?.open) {
          event.preventDefault();
          details.open = false;
        } else {
          const head = target.closest('details')?.querySelector<HTMLElement>('summary');
          if (head && head !== target) {
            event.preventDefault();
            head.focus();
          }
        }
        return;
      case 'Enter': {
        const group = details?.dataset.group;
        if (group && onGroup) {
          event.preventDefault();
          remember();
          onGroup(group);
        } else if (target.matches('button.link')) {
          remember();
        }
        return;
      }
      default:
        return;
    }
  };

  return { onKeyDown, onClickCapture: remember };
}
