// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';
import { statement } from '../fake-bridge';

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

  it('asks the core to sort the whole period, and hides the running balance out of date order', async () => {
    const { bridge } = renderApp('#/ledger?l=l-cust-1');
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    expect(within(table).getByRole('columnheader', { name: 'Balance' })).toBeInTheDocument();
    fireEvent.click(within(table).getByRole('button', { name: 'Debit' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Debit' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'ledger.statement').at(-1)?.input).toMatchObject({
        sort: 'debit',
        dir: 'desc',
        page: 1,
        pageSize: 200,
      }),
    );
    expect(within(table).getByRole('columnheader', { name: /Debit/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await waitFor(() => expect(within(table).queryByRole('columnheader', { name: 'Balance' })).toBeNull());
    expect(
      screen.getByText('The running balance shows when the lines are in date order.'),
    ).toBeInTheDocument();
  });

  it('searches the whole period in the core from the table search (Ctrl+F goes there)', async () => {
    const { bridge } = renderApp('#/ledger?l=l-cust-1');
    await screen.findByRole('grid', { name: 'Ledger statement' });
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Search' });
    expect(box).toHaveFocus();
    fireEvent.change(box, { target: { value: 'HDFC' } });
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'ledger.statement').at(-1)?.input).toMatchObject({
        search: 'HDFC',
        page: 1,
      }),
    );
  });

  it('pages a long statement in the core and renders every row of the page', async () => {
    const { bridge } = renderApp('#/ledger?l=l-cust-1', {
      handlers: {
        'ledger.statement': (input) => {
          const all = statement(input.ledgerGuid, input.from, input.to, 5000);
          const size = input.pageSize ?? 5000;
          const page = input.page ?? 1;
          return {
            data: {
              ...all,
              lines: all.lines.slice((page - 1) * size, page * size),
              matchingLines: 5000,
              page,
              pageSize: size,
            },
            source: 'database',
            tookMs: 40,
          };
        },
      },
    });
    const table = await screen.findByRole('grid', { name: 'Ledger statement' });
    expect(table).toHaveAttribute('aria-rowcount', '201');
    expect(table.querySelectorAll('tbody tr[data-index]')).toHaveLength(200);
    expect(screen.getByText('Page 1 of 25')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'ledger.statement').at(-1)?.input).toMatchObject({
        page: 2,
      }),
    );
    expect(await screen.findByText('Page 2 of 25')).toBeInTheDocument();
  });
});
