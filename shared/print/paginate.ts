/**
 * Splits rows of known heights into pages of a fixed height. Pages after the first may start with a
 * brought-forward row and every page but the last may end with a carried-forward row; both take room.
 * Pure, so the page count ("Page X of Y") is known before anything is printed.
 */
export function paginate(
  heights: readonly number[],
  page: { body: number; carryRow: number; carry: boolean },
): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  const capacity = (first: boolean) => page.body - (page.carry ? page.carryRow * (first ? 1 : 2) : 0);
  heights.forEach((height, index) => {
    const room = capacity(pages.length === 0);
    // A row taller than a whole page still gets a page of its own rather than looping forever.
    if (current.length > 0 && used + height > room) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += height;
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** A table of a document with several (its rows' heights, its heading row, its caption above it). */
export interface FlowTable {
  heights: readonly number[];
  /** The column headings, repeated wherever the table goes on to a new page. */
  head: number;
  /** Its caption's height, printed once above its first row (0 for none). */
  caption: number;
  /** Whether it prints brought / carried forward rows at its page breaks. */
  carry: boolean;
}

/** The rows of one table printed on one page (indices into the table's rows). */
export interface PageFragment {
  table: number;
  rows: number[];
}

/**
 * Splits several tables, one after another, into pages: each table's part on a page takes its heading row
 * (and, the first time, its caption) and, for a table that carries, its brought and carried forward rows.
 * The first page has `first` taken by what goes above the tables. A caption is never left alone at a page's
 * foot: it goes over with the table's first row.
 */
export function paginateTables(
  tables: readonly FlowTable[],
  page: { body: number; first: number; carryRow: number },
): PageFragment[][] {
  const pages: PageFragment[][] = [];
  let current: PageFragment[] = [];
  let used = page.first;
  tables.forEach((table, t) => {
    table.heights.forEach((height, k) => {
      // Room kept for the carried-forward row while the table goes on after this row.
      const reserve = table.carry && k < table.heights.length - 1 ? page.carryRow : 0;
      const opening = (k === 0 ? table.caption : 0) + table.head + (k > 0 && table.carry ? page.carryRow : 0);
      let fragment = current[current.length - 1]?.table === t ? current[current.length - 1]! : null;
      let need = height + (fragment ? 0 : opening);
      if (current.length > 0 && used + need + reserve > page.body) {
        pages.push(current);
        current = [];
        used = 0;
        fragment = null;
        need = height + opening;
      }
      if (!fragment) {
        fragment = { table: t, rows: [] };
        current.push(fragment);
      }
      fragment.rows.push(k);
      used += need;
    });
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}
