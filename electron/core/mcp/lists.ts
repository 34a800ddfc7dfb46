import { z } from 'zod';
import type { AnswerList } from './answer';
import { LIST_CAP } from './tool';

/** The `limit` argument of a tool that reads its list page by page. */
export const limitArg = (fallback: number, max: number) =>
  z.number().int().min(1).max(max).optional().describe(`Most list items to return (default ${fallback})`);

/**
 * `limit` items from `offset` of a list the contract serves in pages of `limit` (`read(page)`, pages from
 * 1): an offset inside a page reads that page and, when the list goes on, the next. The first page read
 * comes back too, for the totals it carries.
 */
export async function readFromOffset<R, T>(
  offset: number,
  limit: number,
  read: (page: number) => Promise<R>,
  itemsOf: (answer: R) => readonly T[],
  totalOf: (answer: R) => number,
): Promise<{ first: R; items: T[] }> {
  const page = Math.floor(offset / limit) + 1;
  const skip = offset - (page - 1) * limit;
  const first = await read(page);
  let items = itemsOf(first).slice(skip);
  if (skip > 0 && items.length < limit && offset + items.length < totalOf(first)) {
    const next = await read(page + 1);
    items = [...items, ...itemsOf(next)].slice(0, limit);
  }
  return { first, items };
}

/**
 * The part of a whole list one answer formats (LIST_CAP items from `offset`, each through `format`) and
 * the answer's `list` naming it as `field` of all `all.length`.
 */
export function cappedList<T, U>(
  field: string,
  all: readonly T[],
  offset: number,
  format: (item: T) => U,
): { items: U[]; list: AnswerList } {
  const items = all.slice(offset, offset + LIST_CAP).map(format);
  return { items, list: { field, items, offset, total: all.length } };
}
