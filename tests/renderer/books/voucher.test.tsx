// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DayBook } from '../../../shared/types/reports';
import { company, voucherView } from '../fake-bridge';
import { renderApp } from '../render-app';

const dayBook = (from: string, to: string): DayBook => ({
  companyGuid: company.guid,
  from,
  to,
  page: 1,
  pageSize: 200,
  totalVouchers: 2,
  offBooksVouchers: 1,
  matchingVouchers: 2,
  voucherTypes: [{ name: 'Tax Invoice', count: 2 }],
  vouchers: [
    {
      guid: 'v-sale',
      date: '2025-09-01',
      voucherType: 'Tax Invoice',
      voucherNumber: 'INV-140',
      party: 'Patil Enterprises',
      narration: '',
      amount: 118000,
      offBooks: null,
      entries: [],
    },
    {
      guid: 'v-cancelled',
      date: '2025-09-02',
      voucherType: 'Tax Invoice',
      voucherNumber: 'INV-141',
      party: 'Patil Enterprises',
      narration: '',
      amount: 5000,
      offBooks: 'cancelled',
      entries: [],
    },
  ],
});

const handlers = {
  'dayBook.get': (input: { from: string; to: string }) => ({
    data: dayBook(input.from, input.to),
    source: 'database' as const,
    tookMs: 3,
  }),
  'voucher.get': (input: { voucherGuid: string }) => ({
    data:
      input.voucherGuid === 'v-cancelled'
        ? {
            ...voucherView(input.voucherGuid),
            voucherNumber: 'INV-141',
            isCancelled: true,
            offBooks: 'cancelled' as const,
            postsToBooks: false,
          }
        : voucherView(input.voucherGuid),
    source: 'database' as const,
    tookMs: 2,
  }),
};

describe('Voucher view', () => {
  it('opens from a day book row with Enter, shows the voucher as Tally does, and goes back', async () => {
    const { bridge } = renderApp('#/dayBook?c=co-1&from=2025-09-01&to=2025-09-30', { handlers });
    const table = await screen.findByRole('grid', { name: 'Day book' });
    const row = within(table).getByText('INV-140').closest('tr');
    fireEvent.keyDown(row!, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('#/voucher?'));
    expect(window.location.hash).toContain('v=v-sale');
    expect(window.location.hash).toContain('c=co-1');

    expect(await screen.findByRole('heading', { name: 'Tax Invoice No. INV-140' })).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'voucher.get')?.input).toEqual({
      companyGuid: 'co-1',
      voucherGuid: 'v-sale',
    });
    const facts = screen.getByTestId('voucher-facts');
    expect(facts).toHaveTextContent('Tax Invoice (Sales)');
    expect(facts).toHaveTextContent('01-09-2025');
    expect(facts).toHaveTextContent('Patil Enterprises');
    expect(facts).toHaveTextContent('PO-77');
    expect(screen.getByTestId('voucher-posts')).toHaveTextContent('Yes');
    const lines = screen.getByRole('grid', { name: 'Voucher' });
    const party = within(lines).getByText('Patil Enterprises').closest('tr')!;
    expect(party).toHaveTextContent('₹1,180.00');
    expect(party).toHaveTextContent('New Ref INV-140');
    expect(party).toHaveTextContent('due 20-09-2025');
    expect(party).toHaveTextContent('19 days credit');
    expect(within(lines).getByText('Output IGST').closest('tr')).toHaveTextContent('₹180.00');
    expect(screen.getByText('Goods as per order')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await waitFor(() => expect(window.location.hash).toContain('#/dayBook'));
    expect(await screen.findByRole('grid', { name: 'Day book' })).toBeInTheDocument();
  });

  it('shows a cancelled voucher as not posting, with its flag', async () => {
    renderApp('#/voucher?c=co-1&v=v-cancelled', { handlers });
    expect(await screen.findByRole('heading', { name: 'Tax Invoice No. INV-141' })).toBeInTheDocument();
    expect(screen.getByTestId('voucher-posts')).toHaveTextContent('No');
    expect(screen.getByTestId('voucher-flags')).toHaveTextContent('Cancelled');
  });

  it('opens from a ledger statement line', async () => {
    renderApp('#/ledger?c=co-1&l=l-cust-1&from=2025-04-01&to=2026-03-31', { handlers });
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    fireEvent.click(within(table).getAllByText('Sales Account')[0]!.closest('tr')!);
    await waitFor(() => expect(window.location.hash).toContain('v=v0'));
    expect(await screen.findByTestId('voucher-facts')).toBeInTheDocument();
  });

  it('speaks Marathi and Hindi', async () => {
    const { unmount } = renderApp('#/voucher?c=co-1&v=v-sale', { handlers, language: 'mr' });
    expect(await screen.findByRole('heading', { name: 'Tax Invoice क्र. INV-140' })).toBeInTheDocument();
    expect(screen.getByTestId('voucher-posts')).toHaveTextContent('होय');
    unmount();
    renderApp('#/voucher?c=co-1&v=v-sale', { handlers, language: 'hi' });
    expect(await screen.findByRole('heading', { name: 'Tax Invoice सं. INV-140' })).toBeInTheDocument();
    expect(screen.getByText(/नया संदर्भ \(New Ref\) INV-140/)).toBeInTheDocument();
  });

  it('asks for a voucher when none is chosen', async () => {
    renderApp('#/voucher?c=co-1', { handlers });
    expect(await screen.findByText(/No voucher chosen/)).toBeInTheDocument();
  });
});
