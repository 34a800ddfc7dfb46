// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';
import { dashboard } from './fake-bridge';

describe('Dashboard', () => {
  it('shows KPI cards in rupees with lakh/crore grouping and where the numbers came from', async () => {
    renderApp('#/dashboard');
    const sales = await screen.findByRole('button', { name: /Sales/ });
    expect(sales).toHaveTextContent('₹12,34,567.89');
    expect(screen.getByRole('button', { name: /Receivables/ })).toHaveTextContent('₹1,50,00,000.00');
    expect(screen.getByRole('button', { name: /Receivables/ })).toHaveTextContent('₹1.50 Cr');
    expect(screen.getByTestId('served')).toHaveTextContent('From cache');
    expect(screen.getByTestId('served')).toHaveTextContent('0.4 ms');
    expect(screen.getByText(/01-04-2025 to 31-03-2026/)).toBeInTheDocument();
  });

  it('asks for the chosen financial year', async () => {
    const { bridge } = renderApp('#/dashboard');
    await screen.findByRole('button', { name: /Sales/ });
    fireEvent.change(screen.getByTestId('fy-picker'), { target: { value: '2024-25' } });
    await waitFor(() => expect(window.location.hash).toContain('fy=2024-25'));
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) => c.operation === 'dashboard.get' && (c.input as { fy: string }).fy === '2024-25',
        ),
      ).toBe(true),
    );
    expect(await screen.findByText(/01-04-2024 to 31-03-2025/)).toBeInTheDocument();
  });

  it('opens the ledger behind a top customer and the outstanding behind an overdue bill', async () => {
    renderApp('#/dashboard');
    const customers = await screen.findByTestId('top-customers');
    fireEvent.click(within(customers).getByText('Patil Enterprises'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/ledger\?.*l=l-cust-1/));
    expect(window.location.hash).toContain('from=2025-04-01');
    expect(await screen.findByTestId('ledger-opening')).toHaveTextContent('₹1,000.00 Dr');
  });

  it('says "1 day" for a bill one day overdue and "120 days" otherwise', async () => {
    renderApp('#/dashboard', {
      handlers: {
        'dashboard.get': (input) => {
          const d = dashboard(input.fy);
          const [bill] = d.overdueReceivables;
          d.overdueReceivables = [bill!, { ...bill!, billName: 'INV-102', overdueDays: 1 }];
          return { data: d, source: 'cache', tookMs: 0.4 };
        },
      },
    });
    const overdue = await screen.findByTestId('overdue');
    expect(within(overdue).getByText('120 days')).toBeInTheDocument();
    expect(within(overdue).getByText('1 day')).toBeInTheDocument();
  });

  it('keeps the title while loading and after an error, and retries', async () => {
    let fail = true;
    const { bridge } = renderApp('#/dashboard', {
      handlers: {
        'dashboard.get': (input) =>
          fail
            ? { code: 'DATABASE', message: 'The database file is damaged' }
            : { data: dashboard(input.fy), source: 'cache', tookMs: 0.4 },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveClass('state-error');
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /Sales/ })).toBeInTheDocument();
    expect(bridge.calls.filter((c) => c.operation === 'dashboard.get')).toHaveLength(2);
  });

  it('shows the error in plain words with a way to retry', async () => {
    renderApp('#/dashboard', {
      handlers: { 'dashboard.get': () => ({ code: 'DATABASE', message: 'The database file is damaged' }) },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The database file is damaged');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  it('opens screens with Alt+number in sidebar order', async () => {
    renderApp('#/dashboard');
    await screen.findByRole('button', { name: /Sales/ });
    fireEvent.keyDown(window, { key: '4', altKey: true });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/outstanding\?c=co-1/));
    expect(await screen.findByTestId('ageing')).toBeInTheDocument();
  });
});
