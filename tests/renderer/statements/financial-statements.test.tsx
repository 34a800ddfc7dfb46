// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BalanceSheet, GroupSummary, LedgerMonthly, TrialBalance } from '../../../shared/types/reports';
import { renderApp } from '../render-app';

const balanceSheet = (asOn: string, difference = 0): BalanceSheet => ({
  companyGuid: 'co-1',
  from: '2025-04-01',
  asOn,
  liabilities: [
    {
      kind: 'group',
      guid: 'g-cap',
      name: 'Capital Account',
      closing: -4_200_000,
      amount: 4_200_000,
      children: [],
    },
    {
      kind: 'profitAndLoss',
      guid: 'l-pl',
      name: 'Profit & Loss A/c',
      closing: -1_250_000,
      amount: 1_250_000,
      children: [],
    },
    ...(difference === 0
      ? []
      : [
          {
            kind: 'openingDifference' as const,
            guid: 'difference-in-opening-balances',
            name: 'Difference in opening balances',
            closing: -difference,
            amount: difference,
            children: [],
          },
        ]),
  ],
  assets: [
    {
      kind: 'group',
      guid: 'g-ca',
      name: 'Current Assets',
      closing: 5_450_000 + difference,
      amount: 5_450_000 + difference,
      children: [
        { guid: 'closing-stock', name: 'Closing Stock', kind: 'closingStock', closing: 500_000 },
        { guid: 'g-cash', name: 'Cash-in-Hand', kind: 'group', closing: 4_450_000 + difference },
        { guid: 'l-asha', name: 'Asha Stores', kind: 'ledger', closing: 500_000 },
      ],
    },
  ],
  totalLiabilities: 5_450_000 + difference,
  totalAssets: 5_450_000 + difference,
  profitAndLoss: { opening: -1_500_000, currentPeriod: 50_000, transferred: 200_000, closing: -1_250_000 },
  openingDifference: difference,
  closingStock: 500_000,
});

const groupSummary = (groupName: string, from: string, to: string): GroupSummary => ({
  companyGuid: 'co-1',
  from,
  to,
  group: { guid: 'g-ca', name: groupName, parent: null, primaryGroup: groupName },
  rows: [
    {
      guid: 'g-bank',
      name: 'Bank Accounts',
      kind: 'group',
      opening: 0,
      debit: 100_000,
      credit: 250_000,
      closing: -150_000,
    },
    {
      guid: 'l-asha',
      name: 'Asha Stores',
      kind: 'ledger',
      opening: 2_000_000,
      debit: 0,
      credit: 1_500_000,
      closing: 500_000,
    },
  ],
  total: { opening: 2_000_000, debit: 100_000, credit: 1_750_000, closing: 350_000 },
});

const monthly = (from: string, to: string): LedgerMonthly => ({
  companyGuid: 'co-1',
  ledger: {
    guid: 'l-cash',
    name: 'Cash',
    group: 'Cash-in-Hand',
    primaryGroup: 'Current Assets',
    isBillWise: false,
  },
  from,
  to,
  opening: 3_000_000,
  months: [
    { month: '2025-04', debit: 1_500_000, credit: 0, closing: 4_500_000 },
    { month: '2025-05', debit: 900_000, credit: 0, closing: 5_400_000 },
  ],
  totalDebit: 2_400_000,
  totalCredit: 0,
  closing: 5_400_000,
});

describe('Balance sheet', () => {
  it('shows liabilities beside assets, the P&L A/c split, totals that agree, and drills into a group', async () => {
    const { bridge } = renderApp('#/balanceSheet?asOn=2025-12-31', {
      handlers: {
        'balanceSheet.get': (input) => ({ data: balanceSheet(input.asOn), source: 'database', tookMs: 4 }),
      },
    });
    expect(await screen.findByTestId('bs-check')).toHaveTextContent('Liabilities and assets agree.');
    expect(screen.getByRole('heading', { name: 'Balance sheet' })).toBeInTheDocument();
    expect(document.querySelector('.page-subtitle')).toHaveTextContent(
      'Sharma Traders Pvt Ltd · As on 31-12-2025',
    );
    expect(bridge.calls.find((c) => c.operation === 'balanceSheet.get')?.input).toEqual({
      companyGuid: 'co-1',
      asOn: '2025-12-31',
    });
    const liabilities = screen.getByTestId('bs-liabilities');
    expect(within(liabilities).getByText('Capital Account').closest('summary')).toHaveTextContent(
      '₹42,000.00',
    );
    const pl = screen.getByTestId('bs-profit-and-loss');
    expect(pl).toHaveTextContent('Opening balance₹15,000.00');
    expect(pl).toHaveTextContent('Current period-₹500.00');
    expect(pl).toHaveTextContent('Transferred-₹2,000.00');
    expect(screen.getByTestId('bs-total-liabilities')).toHaveTextContent('₹54,500.00');
    expect(screen.getByTestId('bs-total-assets')).toHaveTextContent('₹54,500.00');
    expect(screen.queryByTestId('bs-difference')).toBeNull();
    expect(screen.getByRole('group', { name: 'Export' })).toBeInTheDocument();
    const assets = screen.getByTestId('bs-assets');
    expect(within(assets).getByText('Closing stock')).toBeInTheDocument();
    fireEvent.click(within(assets).getByRole('button', { name: 'Open the group summary of Current Assets' }));
    await waitFor(() => expect(window.location.hash).toContain('#/groupSummary?'));
    expect(window.location.hash).toContain('g=Current+Assets');
    expect(window.location.hash).toContain('from=2025-04-01');
    expect(window.location.hash).toContain('to=2025-12-31');
  });

  it('shows the difference in opening balances, never hidden, and is in the sidebar', async () => {
    renderApp('#/balanceSheet?asOn=2025-12-31', {
      handlers: {
        'balanceSheet.get': (input) => ({
          data: balanceSheet(input.asOn, 70_000),
          source: 'cache',
          tookMs: 1,
        }),
      },
    });
    expect(await screen.findByTestId('bs-difference')).toHaveTextContent(
      'Difference in opening balances₹700.00',
    );
    expect(screen.getByTestId('bs-difference-note')).toHaveTextContent('₹700.00 Dr');
    expect(screen.getByTestId('bs-check')).toHaveTextContent('Liabilities and assets agree.');
    expect(document.querySelector('a[data-screen="balanceSheet"]')).toHaveAttribute('aria-current', 'page');
  });

  it('speaks Marathi and Hindi', async () => {
    renderApp('#/balanceSheet?asOn=2025-12-31', {
      language: 'mr',
      handlers: {
        'balanceSheet.get': (input) => ({ data: balanceSheet(input.asOn), source: 'cache', tookMs: 1 }),
      },
    });
    expect(await screen.findByTestId('bs-check')).toHaveTextContent('देणी आणि मालमत्ता जुळतात.');
    expect(screen.getByRole('heading', { name: 'ताळेबंद' })).toBeInTheDocument();
  });
});

describe('Group summary and monthly summary', () => {
  it('lists sub-groups and ledgers, drills to a sub-group, a ledger and its monthly summary', async () => {
    const { bridge } = renderApp('#/groupSummary?g=Current+Assets&from=2025-04-01&to=2025-12-31', {
      handlers: {
        'groupSummary.get': (input) => ({
          data: groupSummary(input.groupName, input.from, input.to),
          source: 'database',
          tookMs: 2,
        }),
      },
    });
    const table = await screen.findByRole('grid', { name: 'Group summary: Current Assets' });
    expect(bridge.calls.find((c) => c.operation === 'groupSummary.get')?.input).toEqual({
      companyGuid: 'co-1',
      groupName: 'Current Assets',
      from: '2025-04-01',
      to: '2025-12-31',
    });
    expect(within(table).getByText('Bank Accounts').closest('tr')).toHaveTextContent('₹1,500.00 Cr');
    expect(table.querySelector('tfoot .row-total')).toHaveTextContent('₹3,500.00 Dr');
    fireEvent.click(within(table).getByRole('button', { name: 'Monthly summary of Asha Stores' }));
    await waitFor(() => expect(window.location.hash).toContain('#/ledgerMonthly?'));
    expect(window.location.hash).toContain('l=l-asha');
    window.location.hash = '#/groupSummary?g=Current+Assets&from=2025-04-01&to=2025-12-31';
    fireEvent.click(await within(await screen.findByRole('grid')).findByText('Bank Accounts'));
    await waitFor(() => expect(window.location.hash).toContain('g=Bank+Accounts'));
  });

  it("shows a ledger's months with opening and totals; a month opens its statement", async () => {
    renderApp('#/ledgerMonthly?l=l-cash&from=2025-04-15&to=2025-05-31', {
      handlers: {
        'ledgerMonthly.get': (input) => ({
          data: monthly(input.from, input.to),
          source: 'database',
          tookMs: 1,
        }),
      },
    });
    const table = await screen.findByRole('grid', { name: 'Monthly summary: Cash' });
    expect(table.querySelector('.row-pinned')).toHaveTextContent('₹30,000.00 Dr');
    expect(table.querySelector('tfoot .row-total')).toHaveTextContent('₹24,000.00');
    expect(table.querySelector('tfoot .row-total')).toHaveTextContent('₹54,000.00 Dr');
    fireEvent.click(within(table).getByText(/Apr/));
    await waitFor(() => expect(window.location.hash).toContain('#/ledger?'));
    expect(window.location.hash).toContain('from=2025-04-15');
    expect(window.location.hash).toContain('to=2025-04-30');
  });

  it('opens a group summary from a trial balance group row', async () => {
    const tb: TrialBalance = {
      companyGuid: 'co-1',
      from: '2025-04-01',
      to: '2026-03-31',
      rows: [
        {
          guid: 'g-ca',
          name: 'Current Assets',
          kind: 'group',
          depth: 0,
          parentGuid: null,
          opening: 0,
          debit: 100,
          credit: 0,
          closing: 100,
        },
        {
          guid: 'difference-in-opening-balances',
          name: 'Difference in opening balances',
          kind: 'difference',
          depth: 0,
          parentGuid: null,
          opening: -100,
          debit: 0,
          credit: 0,
          closing: -100,
        },
      ],
      totalDebit: 100,
      totalCredit: 0,
      closingDebit: 100,
      closingCredit: 100,
    };
    renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', {
      handlers: { 'trialBalance.get': () => ({ data: tb, source: 'cache', tookMs: 1 }) },
    });
    const table = await screen.findByRole('grid', { name: 'Trial balance' });
    expect(within(table).getByText('Difference in opening balances').closest('tr')).toHaveClass('note-bad');
    fireEvent.click(within(table).getByText('Current Assets'));
    await waitFor(() => expect(window.location.hash).toContain('#/groupSummary?'));
    expect(window.location.hash).toContain('g=Current+Assets');
  });
});
