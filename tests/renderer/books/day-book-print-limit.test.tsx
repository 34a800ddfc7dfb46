// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DayBook } from '../../../shared/types/reports';
import { renderApp } from '../render-app';

/** A year of 10,00,000 vouchers: the page on screen holds 200 of them. */
function dayBook(input: { from: string; to: string; page?: number; pageSize?: number }): DayBook {
  const size = input.pageSize ?? 200;
  return {
    companyGuid: 'co-1',
    from: input.from,
    to: input.to,
    page: input.page ?? 1,
    pageSize: size,
    totalVouchers: 1_000_000,
    offBooksVouchers: 0,
    matchingVouchers: 1_000_000,
    voucherTypes: [{ name: 'Sales', count: 1_000_000 }],
    vouchers: Array.from({ length: Math.min(size, 200) }, (_, i) => ({
      guid: `v-${i}`,
      date: '2025-05-31',
      voucherType: 'Sales',
      voucherNumber: `S-${i + 1}`,
      party: 'Patil Enterprises',
      narration: '',
      offBooks: null,
      amount: 100_00,
      entries: [],
    })),
  };
}

describe('Printing a day book too large for paper', () => {
  it('refuses at once with a message pointing to Excel, fetching nothing more and printing nothing', async () => {
    const printed = vi.fn();
    window.print = printed;
    const { bridge } = renderApp('#/dayBook?from=2025-04-01&to=2026-03-31', {
      handlers: { 'dayBook.get': (input) => ({ data: dayBook(input), source: 'database', tookMs: 4 }) },
    });
    await screen.findByRole('grid', { name: 'Day book' });
    const before = bridge.calls.filter((c) => c.operation === 'dayBook.get').length;
    fireEvent.click(screen.getByTestId('print-report'));
    const alert = await screen.findByTestId('export-refused');
    expect(alert).toHaveTextContent('10,00,000 vouchers');
    expect(alert).toHaveTextContent('20,000');
    expect(alert).toHaveTextContent(/Excel/);
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Export' })).toHaveAttribute('aria-busy', 'false'),
    );
    expect(bridge.calls.filter((c) => c.operation === 'dayBook.get')).toHaveLength(before);
    expect(printed).not.toHaveBeenCalled();
    expect(document.querySelector('#pd-root section')).toBeNull();
  });
});
