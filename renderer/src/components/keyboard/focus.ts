/** True when nothing in particular has the focus (the page just changed under the user's hands). */
export function focusIsFree(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/** Focus an element without scrolling the page under the user (the caller scrolls where it wants). */
export function focusQuietly(element: HTMLElement | null | undefined): void {
  element?.focus({ preventScroll: true });
}
