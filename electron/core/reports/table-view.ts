import type { Masters } from './masters';

export type SortDir = 'asc' | 'desc';

/** A LIKE pattern matching the text anywhere, its wildcards escaped (use with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Folds case in any script, so "asha" finds "Asha Stores" and Devanagari compares as written. */
export function folded(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en-IN');
}

/** Ids of the company's ledgers whose name contains the text (any case). */
export function matchingLedgerIds(masters: Masters, text: string): number[] {
  const needle = folded(text);
  const ids: number[] = [];
  for (const ledger of masters.ledgers.values())
    if (folded(ledger.name).includes(needle)) ids.push(ledger.id);
  return ids;
}

/** Compares two cell values: numbers by value, text naturally ("S-9" before "S-10") and in any case. */
export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-IN', { numeric: true, sensitivity: 'base' });
}

/**
 * Sorts (stably: equal rows keep their natural order), searches and pages rows already built in their
 * natural order; the count is of every matching row, the rows of the page asked for.
 */
export function viewRows<Row>(
  rows: readonly Row[],
  view: {
    key: ((row: Row) => string | number) | null;
    dir: SortDir;
    search: string;
    searchable: (row: Row) => readonly string[];
    page: number;
    pageSize: number | undefined;
  },
): { rows: Row[]; matching: number } {
  const needle = folded(view.search.trim());
  let chosen =
    needle === ''
      ? [...rows]
      : rows.filter((r) => view.searchable(r).some((f) => folded(f).includes(needle)));
  const { key } = view;
  const factor = view.dir === 'desc' ? -1 : 1;
  if (key) {
    const indexed = chosen.map((row, index) => ({ row, index, value: key(row) }));
    indexed.sort((a, b) => factor * (compareValues(a.value, b.value) || a.index - b.index));
    chosen = indexed.map((i) => i.row);
  } else if (factor < 0) {
    chosen.reverse();
  }
  const matching = chosen.length;
  if (view.pageSize === undefined) return { rows: chosen, matching };
  const start = (view.page - 1) * view.pageSize;
  return { rows: chosen.slice(start, start + view.pageSize), matching };
}
