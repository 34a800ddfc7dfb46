// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';
import { statement } from './fake-bridge';

describe('Ledger statement', () => {
  it('finds a ledger by name with the keyboard and shows opening, running balance and closing', async () => {
    const { bridge } = renderApp('#/ledger');
    expect(await screen.findByText('Choose a ledger to see its statement.')).toBeInTheDocument();
    const search = screen.getByTestId('ledger-search');
    fireEvent.focus(search);
    fireEvent.change(search, { target: { value: 'kulk' } });
    await screen.findByRole('option', { name: /Kulkarni & Sons/ });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('l=l-cust-2'));
    expect(
      bridge.calls.some(
        (c) => c.operation === 'ledgers.search' && (c.input as { query: string }).query === 'kulk',
      ),
    ).toBe(true);
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    const rows = within(table).getAllByRole('row');
    // header, opening, 3 lines, 2 footer rows
    expect(rows).toHaveLength(7);
    expect(rows[2]).toHaveTextContent('₹1,500.00 Dr');
    expect(screen.getByTestId('ledger-closing')).toHaveTextContent('₹1,800.00 Dr');
  });

  it('sorts by a column when its header is clicked', async () => {
    renderApp('#/ledger?l=l-cust-1');
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    fireEvent.click(within(table).getByRole('button', { name: 'Debit' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Debit' }));
    const first = within(table).getAllByRole('row')[2];
    expect(first).toHaveTextContent('₹500.00');
    expect(within(table).getByRole('columnheader', { name: /Debit/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('renders only the visible rows of a long statement', async () => {
    // jsdom has no layout; give the scroll box a height so the virtual list has a window to fill.
    const height = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const width = vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    onTestFinished(() => {
      height.mockRestore();
      width.mockRestore();
    });
    renderApp('#/ledger?l=l-cust-1', {
      handlers: {
        'ledger.statement': (input) => ({
          data: statement(input.ledgerGuid, input.from, input.to, 5000),
          source: 'database',
          tookMs: 40,
        }),
      },
    });
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    expect(table).toHaveAttribute('aria-rowcount', '5000');
    const rendered = table.querySelectorAll('tbody tr[data-index]').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
  });
});
