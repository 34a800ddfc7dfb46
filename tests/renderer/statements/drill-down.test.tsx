// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type {
  BalanceSheet,
  GroupSummary,
  GroupSummaryRow,
  StockSummary,
  TrialBalance,
  TrialBalanceRow,
} from '../../../shared/types/reports';
import { renderApp } from '../render-app';

/**
 * Issue 23 (A), the screens: the stock opens the Stock Summary for the same period wherever it shows
 * (trial balance "Opening Stock", group summary, balance sheet "Closing stock"), and a group opened from
 * the balance sheet asks for the balance sheet's (closing) stock, keeping it on every further drill.
 */

const tbRow = (
  guid: string,
  name: string,
  kind: TrialBalanceRow['kind'],
  depth: number,
  closing: number,
): TrialBalanceRow => ({
  guid,
  name,
  kind,
  depth,
  parentGuid: null,
  opening: closing,
  debit: 0,
  credit: 0,
  closing,
});

const trialBalance = (from: string, to: string): TrialBalance => ({
  companyGuid: 'co-1',
  from,
  to,
  rows: [
    tbRow('g-ca', 'Current Assets', 'group', 0, 34_089_279_83),
    tbRow('g-sih', 'Stock-in-Hand', 'group', 1, 5_172_478_13),
    tbRow('opening-stock', 'Opening Stock', 'stock', 2, 5_172_478_13),
    tbRow('g-cap', 'Capital Account', 'group', 0, -34_089_279_83),
  ],
  totalDebit: 0,
  totalCredit: 0,
  closingDebit: 34_089_279_83,
  closingCredit: 34_089_279_83,
});

const gsRow = (
  guid: string,
  name: string,
  kind: GroupSummaryRow['kind'],
  closing: number,
): GroupSummaryRow => ({
  guid,
  name,
  kind,
  opening: closing,
  debit: 0,
  credit: 0,
  closing,
});

const groupSummary = (input: {
  groupName: string;
  from: string;
  to: string;
  stock?: string;
}): GroupSummary => {
  const closingStock = input.stock === 'closing';
  const stock = closingStock
    ? gsRow('closing-stock', 'Closing Stock', 'stock', 4_000_00)
    : gsRow('opening-stock', 'Opening Stock', 'stock', 5_000_00);
  const rows =
    input.groupName === 'Stock-in-Hand'
      ? [stock]
      : [
          gsRow('g-sih', 'Stock-in-Hand', 'group', stock.closing),
          gsRow('l-asha', 'Asha Stores', 'ledger', 1_000_00),
        ];
  return {
    companyGuid: 'co-1',
    from: input.from,
    to: input.to,
    group: {
      guid: `g-${input.groupName}`,
      name: input.groupName,
      parent: input.groupName === 'Stock-in-Hand' ? 'Current Assets' : null,
      primaryGroup: 'Current Assets',
    },
    rows,
    total: {
      opening: rows.reduce((s, r) => s + r.opening, 0),
      debit: 0,
      credit: 0,
      closing: rows.reduce((s, r) => s + r.closing, 0),
    },
  };
};

const stockSummary = (from: string, to: string): StockSummary => ({
  companyGuid: 'co-1',
  from,
  to,
  group: null,
  rows: [],
  total: { opening: 5_000_00, inwards: 0, outwards: 1_000_00, closing: 4_000_00 },
  computed: true,
});

const handlers = {
  'trialBalance.get': (input: { from: string; to: string }) => ({
    data: trialBalance(input.from, input.to),
    source: 'database' as const,
    tookMs: 1,
  }),
  'groupSummary.get': (input: { groupName: string; from: string; to: string; stock?: string }) => ({
    data: groupSummary(input),
    source: 'database' as const,
    tookMs: 1,
  }),
  'stockSummary.get': (input: { from: string; to: string }) => ({
    data: stockSummary(input.from, input.to),
    source: 'database' as const,
    tookMs: 1,
  }),
};

const activeIndex = () => {
  const id = document.activeElement?.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.getAttribute('data-index') : null;
};

const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('the trial balance stock row', () => {
  it('Enter on "Opening Stock" opens the Stock Summary for the same period', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2026-04-01&to=2027-03-31', { handlers });
    const grid = await screen.findByRole('grid', { name: 'Trial balance' });
    expect(within(grid).getByText('Opening stock').closest('tr')).toHaveTextContent('₹51,72,478.13 Dr');
    await waitFor(() => expect(document.activeElement).toBe(grid));
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(activeIndex()).toBe('2'));
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stockSummary\?/));
    expect(hashParams().get('from')).toBe('2026-04-01');
    expect(hashParams().get('to')).toBe('2027-03-31');
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'stockSummary.get')?.input).toMatchObject({
        from: '2026-04-01',
        to: '2027-03-31',
      }),
    );
  });

  it('a group opens its summary with the trial balance stock (no closing-stock marker)', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2026-04-01&to=2027-03-31', { handlers });
    fireEvent.click(
      within(await screen.findByRole('grid', { name: 'Trial balance' })).getByText('Stock-in-Hand'),
    );
    const table = await screen.findByRole('grid', { name: 'Group summary: Stock-in-Hand' });
    expect(hashParams().get('s')).toBeNull();
    expect(bridge.calls.find((c) => c.operation === 'groupSummary.get')?.input).toEqual({
      companyGuid: 'co-1',
      groupName: 'Stock-in-Hand',
      from: '2026-04-01',
      to: '2027-03-31',
    });
    expect(within(table).getByText('Opening stock').closest('tr')).toHaveTextContent('₹5,000.00 Dr');
    expect(table.querySelector('tfoot .row-total')).toHaveTextContent('₹5,000.00 Dr');
  });
});

describe('the group summary stock row', () => {
  it('opens the Stock Summary for the same period', async () => {
    renderApp('#/groupSummary?g=Stock-in-Hand&from=2026-04-01&to=2026-09-30', { handlers });
    const table = await screen.findByRole('grid', { name: 'Group summary: Stock-in-Hand' });
    fireEvent.click(within(table).getByText('Opening stock'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stockSummary\?/));
    expect(hashParams().get('from')).toBe('2026-04-01');
    expect(hashParams().get('to')).toBe('2026-09-30');
  });

  it('drilled from the balance sheet asks for the closing stock and keeps it on every drill', async () => {
    const { bridge } = renderApp('#/groupSummary?g=Current+Assets&from=2025-04-01&to=2025-12-31&s=closing', {
      handlers,
    });
    const table = await screen.findByRole('grid', { name: 'Group summary: Current Assets' });
    expect(bridge.calls.find((c) => c.operation === 'groupSummary.get')?.input).toEqual({
      companyGuid: 'co-1',
      groupName: 'Current Assets',
      from: '2025-04-01',
      to: '2025-12-31',
      stock: 'closing',
    });
    fireEvent.click(within(table).getByText('Stock-in-Hand'));
    const stock = await screen.findByRole('grid', { name: 'Group summary: Stock-in-Hand' });
    expect(hashParams().get('s')).toBe('closing');
    expect(within(stock).getByText('Closing stock').closest('tr')).toHaveTextContent('₹4,000.00 Dr');
    fireEvent.click(screen.getByRole('button', { name: 'Up to Current Assets' }));
    await screen.findByRole('grid', { name: 'Group summary: Current Assets' });
    expect(hashParams().get('s')).toBe('closing');
    expect(hashParams().get('g')).toBe('Current Assets');
  });
});

describe('the balance sheet', () => {
  const sheet = (asOn: string): BalanceSheet => ({
    companyGuid: 'co-1',
    from: '2025-04-01',
    asOn,
    liabilities: [
      {
        kind: 'group',
        guid: 'g-cap',
        name: 'Capital Account',
        closing: -5_000_00,
        amount: 5_000_00,
        children: [],
      },
    ],
    assets: [
      {
        kind: 'group',
        guid: 'g-ca',
        name: 'Current Assets',
        closing: 5_000_00,
        amount: 5_000_00,
        children: [
          { guid: 'closing-stock', name: 'Closing Stock', kind: 'closingStock', closing: 4_000_00 },
          { guid: 'l-asha', name: 'Asha Stores', kind: 'ledger', closing: 1_000_00 },
        ],
      },
    ],
    totalLiabilities: 5_000_00,
    totalAssets: 5_000_00,
    profitAndLoss: { opening: 0, currentPeriod: 0, transferred: 0, closing: 0 },
    openingDifference: 0,
    closingStock: 4_000_00,
  });
  const bsHandlers = {
    ...handlers,
    'balanceSheet.get': (input: { asOn: string }) => ({
      data: sheet(input.asOn),
      source: 'database' as const,
      tookMs: 1,
    }),
  };

  it('a group opens its Group Summary as on the date, with the closing stock', async () => {
    const { bridge } = renderApp('#/balanceSheet?asOn=2025-12-31', { handlers: bsHandlers });
    const assets = await screen.findByTestId('bs-assets');
    fireEvent.click(within(assets).getByRole('button', { name: 'Open the group summary of Current Assets' }));
    await screen.findByRole('grid', { name: 'Group summary: Current Assets' });
    expect(hashParams().get('s')).toBe('closing');
    expect(bridge.calls.find((c) => c.operation === 'groupSummary.get')?.input).toMatchObject({
      from: '2025-04-01',
      to: '2025-12-31',
      stock: 'closing',
    });
  });

  it('the closing stock opens the Stock Summary of the year to the date', async () => {
    renderApp('#/balanceSheet?asOn=2025-12-31', { handlers: bsHandlers });
    const assets = await screen.findByTestId('bs-assets');
    fireEvent.click(within(assets).getByRole('button', { name: 'Closing stock' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stockSummary\?/));
    expect(hashParams().get('from')).toBe('2025-04-01');
    expect(hashParams().get('to')).toBe('2025-12-31');
  });
});
