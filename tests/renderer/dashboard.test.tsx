// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';

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
