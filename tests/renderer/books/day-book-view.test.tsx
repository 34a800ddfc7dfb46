// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DayBook, DayBookVoucher } from '../../../shared/types/reports';
import { renderApp } from '../render-app';

/** 450 vouchers, every third a receipt; the handler filters and pages like the core. */
const all: DayBookVoucher[] = Array.from({ length: 450 }, (_, i) => ({
  guid: `v-${i}`,
  date: '2025-05-31',
  voucherType: i % 3 === 0 ? 'Receipt' : 'Sales',
  voucherNumber: `N-${i + 1}`,
  party: 'Patil Enterprises',
  narration: '',
  offBooks: null,
  amount: 100_00,
  entries: [],
}));

function dayBook(input: {
  from: string;
  to: string;
  page?: number;
  pageSize?: number;
  voucherTypes?: string[];
}): DayBook {
  const types = input.voucherTypes ?? [];
  const matching = all.filter((v) => types.length === 0 || types.includes(v.voucherType));
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
    matchingVouchers: matching.length,
    voucherTypes: [
      { name: 'Receipt', count: 150 },
      { name: 'Sales', count: 300 },
    ],
    vouchers: matching.slice((page - 1) * size, page * size),
  };
}

describe('Day book over the whole period', () => {
  it('filters by voucher type in the core and renders every row of the page', async () => {
    const { bridge } = renderApp('#/dayBook?from=2025-04-01&to=2026-03-31', {
      handlers: { 'dayBook.get': (input) => ({ data: dayBook(input), source: 'database', tookMs: 4 }) },
    });
    const table = await screen.findByRole('grid', { name: 'Day book' });
    expect(table.querySelectorAll('tbody tr[data-index]')).toHaveLength(200);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    fireEvent.click(screen.getByText(/Voucher types: All types/));
    fireEvent.click(
      within(document.querySelector('.type-filter')!).getByRole('checkbox', { name: /Receipt/ }),
    );
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'dayBook.get').at(-1)?.input).toMatchObject({
        voucherTypes: ['Receipt'],
        page: 1,
        pageSize: 200,
      }),
    );
    expect(await screen.findByText('Voucher types: Receipt')).toBeInTheDocument();
    await waitFor(() => expect(table.querySelectorAll('tbody tr[data-index]')).toHaveLength(150));
    expect(screen.queryByText(/Page 1 of/)).toBeNull();
  });

  it('sorts by a column in the core, back at the first page', async () => {
    const { bridge } = renderApp('#/dayBook?from=2025-04-01&to=2026-03-31&page=2', {
      handlers: { 'dayBook.get': (input) => ({ data: dayBook(input), source: 'database', tookMs: 4 }) },
    });
    const table = await screen.findByRole('grid', { name: 'Day book' });
    fireEvent.click(within(table).getByRole('button', { name: 'Amount' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Amount' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'dayBook.get').at(-1)?.input).toMatchObject({
        sort: 'amount',
        dir: 'desc',
        page: 1,
      }),
    );
    await waitFor(() => expect(window.location.hash).not.toContain('page=2'));
  });
});
