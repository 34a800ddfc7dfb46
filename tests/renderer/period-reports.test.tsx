// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DayBook, ProfitLoss, TrialBalance } from '../../shared/types/reports';
import { renderApp } from './render-app';

const trialBalance = (from: string, to: string): TrialBalance => ({
  companyGuid: 'co-1',
  from,
  to,
  rows: [
    {
      guid: 'g-debtors',
      name: 'Sundry Debtors',
      kind: 'group',
      depth: 0,
      parentGuid: null,
      opening: 0,
      debit: 350000,
      credit: 0,
      closing: 350000,
    },
    {
      guid: 'l-cust-1',
      name: 'Patil Enterprises',
      kind: 'ledger',
      depth: 1,
      parentGuid: 'g-debtors',
      opening: 0,
      debit: 350000,
      credit: 0,
      closing: 350000,
    },
    {
      guid: 'l-sales',
      name: 'Sales',
      kind: 'ledger',
      depth: 0,
      parentGuid: null,
      opening: 0,
      debit: 0,
      credit: 350000,
      closing: -350000,
    },
  ],
  totalDebit: 350000,
  totalCredit: 350000,
  closingDebit: 350000,
  closingCredit: 350000,
});

const profitLoss = (from: string, to: string): ProfitLoss => ({
  companyGuid: 'co-1',
  from,
  to,
  openingStock: 0,
  closingStock: 0,
  directIncomes: [
    {
      groupName: 'Sales Accounts',
      amount: 500000,
      ledgers: [{ guid: 'l-sales', name: 'Sales', amount: 500000 }],
    },
  ],
  directExpenses: [
    {
      groupName: 'Purchase Accounts',
      amount: 300000,
      ledgers: [{ guid: 'l-purchase', name: 'Purchases', amount: 300000 }],
    },
  ],
  indirectIncomes: [],
  indirectExpenses: [
    {
      groupName: 'Indirect Expenses',
      amount: 250000,
      ledgers: [{ guid: 'l-rent', name: 'Rent', amount: 250000 }],
    },
  ],
  grossProfit: 200000,
  netProfit: -50000,
});

const dayBook = (from: string, to: string, page: number, pageSize: number): DayBook => ({
  companyGuid: 'co-1',
  from,
  to,
  page,
  pageSize,
  totalVouchers: 450,
  offBooksVouchers: 0,
  matchingVouchers: 450,
  voucherTypes: [{ name: 'Sales', count: 450 }],
  vouchers: [
    {
      guid: `v-${page}`,
      date: '2025-05-31',
      voucherType: 'Sales',
      voucherNumber: `INV-${page}01`,
      party: 'Patil Enterprises',
      narration: 'May supplies',
      offBooks: null,
      amount: 350000,
      entries: [
        { ledgerGuid: 'l-cust-1', ledgerName: 'Patil Enterprises', amount: 350000 },
        { ledgerGuid: 'l-sales', ledgerName: 'Sales', amount: -350000 },
      ],
    },
  ],
});

describe('Trial balance', () => {
  it('shows the period, where the answer came from, the rows, totals and the check', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2025-04-01&to=2025-09-30', {
      handlers: {
        'trialBalance.get': (input) => ({
          data: trialBalance(input.from, input.to),
          source: 'cache',
          tookMs: 3,
        }),
      },
    });
    expect(await screen.findByTestId('tb-check')).toHaveTextContent('Debit and credit agree.');
    expect(screen.getByTestId('tb-check')).toHaveClass('note', 'note-good');
    expect(screen.getByRole('heading', { name: 'Trial balance' })).toBeInTheDocument();
    expect(document.querySelector('.page-subtitle')).toHaveTextContent(
      'Sharma Traders Pvt Ltd · Period: 01-04-2025 to 30-09-2025',
    );
    expect(screen.getByTestId('served')).toHaveAttribute('data-source', 'cache');
    expect(screen.getByRole('group', { name: 'Export' })).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'trialBalance.get')?.input).toMatchObject({
      companyGuid: 'co-1',
      from: '2025-04-01',
      to: '2025-09-30',
    });
    const table = screen.getByRole('grid', { name: 'Trial balance' });
    expect(within(table).getByText('Sundry Debtors').closest('tr')).toHaveClass('row-group', 'depth-0');
    expect(table.querySelector('tfoot .row-total')).toHaveTextContent('₹3,500.00 Dr / ₹3,500.00 Cr');
    fireEvent.click(within(table).getByText('Patil Enterprises'));
    await waitFor(() => expect(window.location.hash).toContain('#/ledger?'));
    expect(window.location.hash).toContain('l=l-cust-1');
  });

  it('shows the error with Try again, and no export', async () => {
    renderApp('#/trialBalance', {
      handlers: { 'trialBalance.get': () => ({ code: 'INTERNAL', message: 'database is locked' }) },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('database is locked');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull();
  });

  it('moves to another period from the toolbar', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2025-04-01&to=2025-09-30', {
      handlers: {
        'trialBalance.get': (input) => ({
          data: trialBalance(input.from, input.to),
          source: 'database',
          tookMs: 9,
        }),
      },
    });
    await screen.findByTestId('tb-check');
    fireEvent.change(screen.getByTestId('fy-picker'), { target: { value: '2024-25' } });
    // The new period is the session's: the report asks for it, and so will the next report opened.
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) =>
            c.operation === 'trialBalance.get' &&
            (c.input as { from: string }).from === '2024-04-01' &&
            (c.input as { to: string }).to === '2025-03-31',
        ),
      ).toBe(true),
    );
    expect(window.location.hash).toMatch(/^#\/trialBalance/);
    expect(screen.getByTestId('session-period')).toHaveTextContent('01-04-2024 – 31-03-2025');
  });
});

describe('Profit & loss', () => {
  it('shows the sections, gross profit and net loss', async () => {
    renderApp('#/profitLoss?from=2025-04-01&to=2026-03-31', {
      handlers: {
        'profitLoss.get': (input) => ({
          data: profitLoss(input.from, input.to),
          source: 'database',
          tookMs: 20,
        }),
      },
    });
    expect(await screen.findByTestId('net-profit')).toHaveTextContent('₹500.00');
    expect(screen.getByTestId('net-profit')).toHaveClass('pl-result', 'bad', 'big');
    expect(screen.getByTestId('gross-profit')).toHaveClass('pl-result', 'good');
    expect(screen.getByTestId('gross-profit')).toHaveTextContent('₹2,000.00');
    expect(document.querySelector('.page-subtitle')).toHaveTextContent(
      'Sharma Traders Pvt Ltd · Period: 01-04-2025 to 31-03-2026',
    );
    expect(screen.getByRole('group', { name: 'Export' })).toBeInTheDocument();
    expect(document.querySelectorAll('.pl-section')).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Rent' }));
    await waitFor(() => expect(window.location.hash).toContain('l=l-rent'));
  });
});

describe('Day book', () => {
  it('shows vouchers with their entries and pages through them', async () => {
    const { bridge } = renderApp('#/dayBook?from=2025-04-01&to=2026-03-31', {
      handlers: {
        'dayBook.get': (input) => ({
          data: dayBook(input.from, input.to, input.page ?? 1, input.pageSize ?? 200),
          source: 'database',
          tookMs: 4,
        }),
      },
    });
    const table = await screen.findByRole('grid', { name: 'Day book' });
    expect(document.querySelector('.page-subtitle')).toHaveTextContent(
      'Sharma Traders Pvt Ltd · Period: 01-04-2025 to 31-03-2026 · 450 vouchers',
    );
    const row = within(table).getByText('INV-101').closest('tr')!;
    expect(row).toHaveTextContent('31-05-2025');
    expect(row.querySelector('.cell-sub')).toHaveTextContent(
      'Patil Enterprises ₹3,500.00 Dr · Sales ₹3,500.00 Cr — May supplies',
    );
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Previous/ })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(window.location.hash).toContain('page=2'));
    expect(await screen.findByText('INV-201')).toBeInTheDocument();
    expect(bridge.calls.filter((c) => c.operation === 'dayBook.get').at(-1)?.input).toMatchObject({
      page: 2,
      pageSize: 200,
    });
  });

  it('clamps a page number past the end to the last page', async () => {
    const { bridge } = renderApp('#/dayBook?from=2025-04-01&to=2026-03-31&page=99', {
      handlers: {
        'dayBook.get': (input) => ({
          data: dayBook(input.from, input.to, input.page ?? 1, input.pageSize ?? 200),
          source: 'database',
          tookMs: 4,
        }),
      },
    });
    await waitFor(() => expect(window.location.hash).toContain('page=3'));
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
    expect(bridge.calls.filter((c) => c.operation === 'dayBook.get').at(-1)?.input).toMatchObject({
      page: 3,
    });
  });
});
