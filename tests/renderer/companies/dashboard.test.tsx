// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';
import { dashboard } from '../fake-bridge';

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

  it('shows the net profit beside the gross profit, and the date each balance is for', async () => {
    renderApp('#/dashboard');
    const net = await screen.findByRole('button', { name: /Net profit/ });
    expect(net).toHaveTextContent('₹1,82,345.00');
    expect(net).toHaveClass('kpi-good');
    // A closed year: balances as on its last day; the profit is simply the year's.
    for (const name of [/Receivables/, /Payables/, /Cash & bank/]) {
      expect(screen.getByRole('button', { name })).toHaveTextContent('As on 31-03-2026');
    }
    expect(net).not.toHaveTextContent(/Up to|As on/);
    expect(screen.getByRole('button', { name: /Sales/ })).not.toHaveTextContent(/Up to|As on/);
    const cards = [...document.querySelectorAll('[data-kpi]')].map((c) => c.getAttribute('data-kpi'));
    expect(cards).toEqual([
      'sales',
      'purchases',
      'grossProfit',
      'receipts',
      'payments',
      'netProfit',
      'receivables',
      'payables',
      'cashBank',
    ]);
  });

  it('says a running year’s balances are as on today and its profit up to today, and opens them so', async () => {
    renderApp('#/dashboard', {
      handlers: {
        'dashboard.get': (input) => {
          const d = dashboard(input.fy);
          d.asOn = '2025-11-25';
          d.kpis.netProfit = -5_000_00;
          return { data: d, source: 'database', tookMs: 3 };
        },
      },
    });
    const net = await screen.findByRole('button', { name: /Net profit/ });
    expect(net).toHaveTextContent('Up to 25-11-2025');
    expect(net).toHaveClass('kpi-bad');
    expect(screen.getByRole('button', { name: /Gross profit/ })).toHaveTextContent('Up to 25-11-2025');
    expect(screen.getByRole('button', { name: /Receivables/ })).toHaveTextContent('As on 25-11-2025');
    expect(screen.getByRole('button', { name: /Cash & bank/ })).toHaveTextContent('As on 25-11-2025');
    expect(screen.getByText(/overdue · As on 25-11-2025/)).toBeInTheDocument();
    fireEvent.click(net);
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/profitLoss\?/));
    expect(window.location.hash).toContain('from=2025-04-01');
    expect(window.location.hash).toContain('to=2025-11-25');
  });

  it('opens the outstanding as on the date the receivables card is for', async () => {
    renderApp('#/dashboard');
    fireEvent.click(await screen.findByRole('button', { name: /Receivables/ }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/outstanding\?/));
    expect(window.location.hash).toContain('k=receivable');
    expect(window.location.hash).toContain('on=2026-03-31');
  });

  it('shows the net profit card and the dates in Marathi', async () => {
    renderApp('#/dashboard', {
      language: 'mr',
      handlers: {
        'dashboard.get': (input) => {
          const d = dashboard(input.fy);
          d.asOn = '2025-11-25';
          return { data: d, source: 'cache', tookMs: 0.4 };
        },
      },
    });
    const net = await screen.findByRole('button', { name: /निव्वळ नफा/ });
    expect(net).toHaveTextContent('₹1,82,345.00');
    expect(net).toHaveTextContent('25-11-2025 पर्यंत');
    expect(screen.getByRole('button', { name: /येणे बाकी/ })).toHaveTextContent('25-11-2025 रोजी');
    expect(screen.getByRole('button', { name: /देणे बाकी/ })).toHaveTextContent('25-11-2025 रोजी');
    expect(screen.getByRole('button', { name: /रोख व बँक/ })).toHaveTextContent('25-11-2025 रोजी');
    expect(screen.queryByText(/As on|Up to|Net profit/)).not.toBeInTheDocument();
  });

  it('asks for the chosen financial year', async () => {
    const { bridge } = renderApp('#/dashboard');
    await screen.findByRole('button', { name: /Sales/ });
    fireEvent.change(screen.getByTestId('fy-picker'), { target: { value: '2024-25' } });
    // The year is the session's period (Alt+F2), shared by every report.
    await waitFor(() =>
      expect(screen.getByTestId('session-period')).toHaveTextContent('01-04-2024 – 31-03-2025'),
    );
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) => c.operation === 'dashboard.get' && (c.input as { fy: string }).fy === '2024-25',
        ),
      ).toBe(true),
    );
    expect(await screen.findByText(/01-04-2024 to 31-03-2025/)).toBeInTheDocument();
  });

  it('follows the session period’s end (F2): asks up to it and says so, the cards as on it', async () => {
    const { bridge } = renderApp('#/dashboard', {
      handlers: {
        'dashboard.get': (input) => {
          const d = dashboard(input.fy);
          if (input.to) [d.to, d.asOn] = [input.to, input.to];
          return { data: d, source: 'database', tookMs: 3 };
        },
      },
    });
    await screen.findByRole('button', { name: /Sales/ });
    // The whole year: only the year is asked for, as callers always did.
    const first = bridge.calls.find((c) => c.operation === 'dashboard.get')!;
    expect(first.input).toEqual({ companyGuid: expect.any(String), fy: '2025-26' });
    fireEvent.keyDown(window, { key: 'F2' });
    fireEvent.change(await screen.findByTestId('date-dialog-date'), { target: { value: '30-09-2025' } });
    fireEvent.submit(screen.getByTestId('date-dialog-date').closest('form')!);
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) =>
            c.operation === 'dashboard.get' &&
            (c.input as { fy: string; to?: string }).fy === '2025-26' &&
            (c.input as { to?: string }).to === '2025-09-30',
        ),
      ).toBe(true),
    );
    expect(await screen.findByText(/01-04-2025 to 30-09-2025/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Receivables/ })).toHaveTextContent('As on 30-09-2025');
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
