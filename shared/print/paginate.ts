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
