import { MAX_TABLE_PAGE_SIZE } from '../../../../shared/contract/reports';

export type SortDir = 'asc' | 'desc';
export type SortState = { id: string; dir: SortDir } | null;

/** The next sort when a column heading is clicked: ascending, descending, then the natural order. */
export function nextSort(current: SortState, id: string): SortState {
  if (!current || current.id !== id) return { id, dir: 'asc' };
  if (current.dir === 'asc') return { id, dir: 'desc' };
  return null;
}

/**
 * Every row of a view the core pages, fetched page after page at the largest page size (an export or a
 * print of the whole period with the active filter and sort).
 */
export async function fetchEveryPage<Row>(
  fetchPage: (page: number, pageSize: number) => Promise<{ rows: Row[]; total: number }>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await fetchPage(page, MAX_TABLE_PAGE_SIZE);
    rows.push(...answer.rows);
    if (answer.rows.length === 0 || page * MAX_TABLE_PAGE_SIZE >= answer.total) return rows;
  }
}

/** Rows whose cells contain the text (any case): the search of a table that holds the whole period. */
export function searchRows<Row>(
  rows: readonly Row[],
  text: string,
  cells: ((row: Row) => string | number | null)[],
): Row[] {
  const needle = text.trim().toLocaleLowerCase('en-IN');
  if (needle === '') return [...rows];
  return rows.filter((row) =>
    cells.some((cell) => {
      const value = cell(row);
      return value !== null && String(value).toLocaleLowerCase('en-IN').includes(needle);
    }),
  );
}
