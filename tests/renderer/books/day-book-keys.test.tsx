// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DayBook, DayBookVoucher } from '../../../shared/types/reports';
import { renderApp } from '../render-app';

/** 450 vouchers: three pages of 200, 200 and 50, paged like the core. */
const all: DayBookVoucher[] = Array.from({ length: 450 }, (_, i) => ({
  guid: `v-${i}`,
  date: '2025-05-31',
  voucherType: 'Sales',
  voucherNumber: `N-${i + 1}`,
  party: 'Patil Enterprises',
  narration: '',
  offBooks: null,
  amount: 100_00,
  entries: [],
}));

function dayBook(input: { from: string; to: string; page?: number; pageSize?: number }): DayBook {
  const page = input.page ?? 1;
  const size = input.pageSize ?? 100;
  return {
    companyGuid: 'co-1',
    from: input.from,
    to: input.to,
    page,
    pageSize: size,
    totalVouchers: all.length,
    offBooksVouchers: 0,
    matchingVouchers: all.length,
    voucherTypes: [{ name: 'Sales', count: all.length }],
    vouchers: all.slice((page - 1) * size, page * size),
  };
}

/** The voucher number of the selected row of the focused grid. */
const selected = () => {
  const id = document.activeElement?.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : null;
};

/** Selects a row with the mouse (as a click does), the grid keeping the focus. */
const pick = (grid: HTMLElement, index: number) => {
  fireEvent.mouseDown(grid.querySelector(`tr[data-index="${index}"]`)!);
  grid.focus();
};

describe('Day book keys across its pages (the period is one list, as in Tally)', () => {
  it('goes on to the next page with ↓ and PgDn, back with ↑, and End / Home reach the ends', async () => {
    renderApp('#/dayBook?from=2025-04-01&to=2026-03-31', {
      handlers: { 'dayBook.get': (input) => ({ data: dayBook(input), source: 'database', tookMs: 4 }) },
    });
    const grid = await screen.findByRole('grid', { name: 'Day book' });
    await waitFor(() => expect(document.activeElement).toBe(grid));
    expect(selected()).toContain('N-1');

    // The last voucher of page 1, then ↓: the first of page 2.
    pick(grid, 199);
    await waitFor(() => expect(selected()).toContain('N-200'));
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByText('Page 2 of 3')).toBeInTheDocument());
    await waitFor(() => expect(selected()).toContain('N-201'));
    expect(window.location.hash).toContain('page=2');

    // ↑ on the first row of page 2: the last of page 1.
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    await waitFor(() => expect(selected()).toContain('N-200'));
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();

    // End: the last voucher of the period, on the last page.
    fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(selected()).toContain('N-450'));
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();

    // PgDn near the end of page 1 goes on into page 2, PgUp back.
    fireEvent.keyDown(grid, { key: 'Home' });
    await waitFor(() => expect(selected()).toContain('N-1'));
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    pick(grid, 195);
    await waitFor(() => expect(selected()).toContain('N-196'));
    fireEvent.keyDown(grid, { key: 'PageDown' });
    await waitFor(() => expect(screen.getByText('Page 2 of 3')).toBeInTheDocument());
    // jsdom has no layout: a page of the screen is 15 rows there.
    await waitFor(() => expect(selected()).toContain('N-211'));
    fireEvent.keyDown(grid, { key: 'PageUp' });
    await waitFor(() => expect(selected()).toContain('N-196'));
  });
});
