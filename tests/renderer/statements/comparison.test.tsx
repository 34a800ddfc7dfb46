// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  compareBalanceSheets,
  compareProfitLoss,
  compareTrialBalances,
  resolveColumn,
  balanceSheetColumn,
} from '../../../electron/core/reports/comparison';
import type { BalanceSheet, ProfitLoss, TrialBalance, TrialBalanceRow } from '../../../shared/types/reports';
import { statementKeyAction } from '../../../renderer/src/components/keyboard/useStatementKeys';
import { previousYearOf, yearBefore } from '../../../renderer/src/screens/statements/ComparisonColumns';
import { renderApp } from '../render-app';

/** A year's P&L: sales and purchases; rent in 2024-25 only, advertising in 2025-26 only. */
const profitLoss = (from: string, to: string): ProfitLoss => {
  const current = from >= '2025-04-01';
  const sales = current ? 9_000_00 : 6_000_00;
  const purchases = current ? 3_000_00 : 4_000_00;
  const expense = current
    ? { guid: 'l-adv', name: 'Advertising', amount: 1_500_00 }
    : { guid: 'l-rent', name: 'Rent', amount: 1_000_00 };
  return {
    companyGuid: 'co-1',
    from,
    to,
    openingStock: 0,
    closingStock: 0,
    directIncomes: [
      {
        groupName: 'Sales Accounts',
        amount: sales,
        ledgers: [{ guid: 'l-sales', name: 'Sales', amount: sales }],
      },
    ],
    directExpenses: [
      {
        groupName: 'Purchase Accounts',
        amount: purchases,
        ledgers: [{ guid: 'l-pur', name: 'Purchases', amount: purchases }],
      },
    ],
    indirectIncomes: [],
    indirectExpenses: [{ groupName: 'Indirect Expenses', amount: expense.amount, ledgers: [expense] }],
    grossProfit: sales - purchases,
    netProfit: sales - purchases - expense.amount,
  };
};

/** A trial balance row with only a closing balance. */
const tbRow = (
  guid: string,
  name: string,
  kind: 'group' | 'ledger',
  parentGuid: string | null,
  closing: number,
): TrialBalanceRow => ({
  guid,
  name,
  kind,
  depth: parentGuid === null ? 0 : 1,
  parentGuid,
  opening: 0,
  debit: 0,
  credit: 0,
  closing,
});

const trialBalance = (from: string, to: string): TrialBalance => {
  const current = from >= '2025-04-01';
  const cash = current ? 15_500_00 : 15_000_00;
  return {
    companyGuid: 'co-1',
    from,
    to,
    rows: [
      tbRow('g-ca', 'Current Assets', 'group', null, cash),
      tbRow('l-cash', 'Cash', 'ledger', 'g-ca', cash),
      tbRow('g-cap', 'Capital Account', 'group', null, -cash),
      ...(current ? [] : [tbRow('l-old', 'Old Partner', 'ledger', 'g-cap', -cash)]),
      ...(current ? [tbRow('l-cap', 'Capital', 'ledger', 'g-cap', -cash)] : []),
    ],
    totalDebit: 0,
    totalCredit: 0,
    closingDebit: cash,
    closingCredit: cash,
  };
};

const balanceSheet = (asOn: string): BalanceSheet => {
  const cash = asOn >= '2026-01-01' ? 15_500_00 : 15_000_00;
  return {
    companyGuid: 'co-1',
    from: asOn >= '2026-01-01' ? '2025-04-01' : '2024-04-01',
    asOn,
    liabilities: [
      { kind: 'group', guid: 'g-cap', name: 'Capital Account', closing: -cash, amount: cash, children: [] },
    ],
    assets: [
      { kind: 'group', guid: 'g-ca', name: 'Current Assets', closing: cash, amount: cash, children: [] },
    ],
    totalLiabilities: cash,
    totalAssets: cash,
    profitAndLoss: { opening: 0, currentPeriod: 0, transferred: 0, closing: 0 },
    openingDifference: 0,
    closingStock: 0,
  };
};

/** A report as the core serves it from its database. */
const served = <D,>(data: D, tookMs: number) => ({ data, source: 'database' as const, tookMs });
type ColumnsInput = { columns: ({ from: string; to: string } | { asOn: string })[] };

const handlers = {
  'profitLoss.get': (input: { from: string; to: string }) => served(profitLoss(input.from, input.to), 2),
  'profitLoss.compare': (input: ColumnsInput) => {
    const columns = input.columns.map((c) => resolveColumn(c, 4));
    return served(
      compareProfitLoss(
        columns,
        columns.map((c) => profitLoss(c.from, c.to)),
      ),
      3,
    );
  },
  'trialBalance.get': (input: { from: string; to: string }) => served(trialBalance(input.from, input.to), 2),
  'trialBalance.compare': (input: ColumnsInput) => {
    const columns = input.columns.map((c) => resolveColumn(c, 4));
    return served(
      compareTrialBalances(
        columns,
        columns.map((c) => trialBalance(c.from, c.to)),
      ),
      3,
    );
  },
  'balanceSheet.get': (input: { asOn: string }) => served(balanceSheet(input.asOn), 2),
  'balanceSheet.compare': (input: ColumnsInput) => {
    const columns = input.columns.map((c) => balanceSheetColumn(c, 4));
    return served(
      compareBalanceSheets(
        columns,
        columns.map((c) => balanceSheet(c.to)),
      ),
      3,
    );
  },
};

const altC = () => fireEvent.keyDown(window, { key: 'c', code: 'KeyC', altKey: true });
const altF1 = () => fireEvent.keyDown(window, { key: 'F1', code: 'F1', altKey: true });

describe('statement keys', () => {
  it('reads Alt+F1 as detailed/condensed and Alt+C as a new column, nothing else', () => {
    const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
      statementKeyAction({
        key,
        code: key.length === 1 ? `Key${key.toUpperCase()}` : key,
        altKey: true,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        defaultPrevented: false,
        ...extra,
      });
    expect(key('F1')).toBe('detailed');
    expect(key('c')).toBe('newColumn');
    // Another layout typing something else on the C key: still Alt+C.
    expect(
      statementKeyAction({
        key: 'ç',
        code: 'KeyC',
        altKey: true,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        defaultPrevented: false,
      }),
    ).toBe('newColumn');
    expect(key('F1', { altKey: false })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('p')).toBeNull();
  });

  it('a previous year is the same dates a year earlier (29 February to the 28th)', () => {
    expect(yearBefore('2026-03-31')).toBe('2025-03-31');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(previousYearOf({ from: '2025-04-01', to: '2026-03-31' })).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
    });
    expect(previousYearOf({ asOn: '2026-03-31' })).toEqual({ asOn: '2025-03-31' });
  });
});

describe('P&L with comparison columns', () => {
  it('Alt+C adds the previous year beside the current one, with the difference; at most four columns', async () => {
    const { bridge } = renderApp('#/profitLoss?from=2025-04-01&to=2026-03-31', { handlers });
    expect(await screen.findByTestId('net-profit')).toHaveTextContent('4,500.00');
    altC();
    const table = await screen.findByTestId('pl-comparison');
    const compare = bridge.calls.filter((c) => c.operation === 'profitLoss.compare');
    expect(compare.at(-1)!.input).toMatchObject({
      columns: [
        { from: '2025-04-01', to: '2026-03-31' },
        { from: '2024-04-01', to: '2025-03-31' },
      ],
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Particulars',
      '01-04-2025 – 31-03-2026',
      '01-04-2024 – 31-03-2025',
      'Difference',
      'Particulars',
      '01-04-2025 – 31-03-2026',
      '01-04-2024 – 31-03-2025',
      'Difference',
    ]);
    // Rent (previous year only) and Advertising (this year only), each with zero in the other year.
    const rowOf = (label: string) =>
      within(table)
        .getAllByRole('row')
        .find((r) => r.textContent?.toLowerCase().includes(label.toLowerCase()))!;
    const NET = 'Net profit';
    const rent = within(rowOf('Rent'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Particulars, this year (nothing), last year, difference (current − previous: a fall).
    expect(rent.slice(0, 4)).toEqual(['  Rent', '', '1,000.00', '-1,000.00']);
    expect(rowOf('Advertising')).toHaveTextContent('1,500.00');
    expect(rowOf(NET)).toHaveTextContent('4,500.00');
    expect(rowOf(NET)).toHaveTextContent('1,000.00');
    expect(rowOf(NET)).toHaveTextContent('3,500.00');
    expect(screen.getByTestId('difference-rule')).toHaveTextContent('current column − first comparison');
    altC();
    altC();
    await waitFor(() => expect(screen.getByTestId('column-3')).toBeInTheDocument());
    expect(screen.getByTestId('new-column')).toBeDisabled();
    altC();
    expect(screen.queryByTestId('column-4')).toBeNull();
    expect(bridge.calls.filter((c) => c.operation === 'profitLoss.compare').at(-1)!.input).toMatchObject({
      columns: [{}, {}, { from: '2023-04-01', to: '2024-03-31' }, { from: '2022-04-01', to: '2023-03-31' }],
    });
    fireEvent.click(screen.getByTestId('column-3-remove'));
    fireEvent.click(screen.getByTestId('column-2-remove'));
    fireEvent.click(screen.getByTestId('column-1-remove'));
    expect(await screen.findByTestId('net-profit')).toBeInTheDocument();
  });

  it('shows the Schedule III statement on screen when the layout is chosen, with and without columns', async () => {
    renderApp('#/profitLoss?from=2025-04-01&to=2026-03-31', { handlers });
    await screen.findByTestId('net-profit');
    fireEvent.change(screen.getByTestId('statement-form'), { target: { value: 'vertical' } });
    const sheet = await screen.findByTestId('pl-schedule-three');
    expect(sheet).toHaveTextContent('I. Revenue from operations');
    expect(sheet).toHaveTextContent('Profit (loss) for the period (V − VI)');
    altC();
    const compared = await screen.findByTestId('pl-comparison');
    expect(compared).toHaveTextContent('III. Total income (I + II)');
    expect(
      within(compared)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Particulars',
      'Note No.',
      '01-04-2025 – 31-03-2026',
      '01-04-2024 – 31-03-2025',
      'Difference',
    ]);
  });

  it('Alt+F1 toggles detailed and condensed: the checkbox follows and the groups open or close', async () => {
    renderApp('#/profitLoss?from=2025-04-01&to=2026-03-31', { handlers });
    await screen.findByTestId('net-profit');
    const box = screen.getByTestId('detailed');
    expect(box).toBeChecked();
    altF1();
    expect(box).not.toBeChecked();
    altF1();
    expect(box).toBeChecked();
    await waitFor(() =>
      expect([...document.querySelectorAll('.pl details')].every((d) => (d as HTMLDetailsElement).open)).toBe(
        true,
      ),
    );
    altF1();
    await waitFor(() =>
      expect([...document.querySelectorAll('.pl details')].some((d) => (d as HTMLDetailsElement).open)).toBe(
        false,
      ),
    );
  });
});

describe('trial balance and balance sheet with comparison columns', () => {
  it('trial balance: a ledger of one year only under its group; Alt+F1 condenses to the groups', async () => {
    renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', { handlers });
    await screen.findByTestId('tb-check');
    fireEvent.click(screen.getByTestId('new-column'));
    const foot = await screen.findByTestId('tb-comparison-total');
    expect(foot).toHaveTextContent('15,500.00');
    expect(foot).toHaveTextContent('15,000.00');
    const names = () =>
      screen
        .getAllByRole('row')
        .map((r) => r.querySelector('td')?.textContent ?? '')
        .filter(Boolean);
    expect(names()).toEqual(expect.arrayContaining(['Capital', 'Old Partner', 'Cash']));
    expect(names().indexOf('Old Partner')).toBeGreaterThan(names().indexOf('Capital Account'));
    altF1();
    await waitFor(() => expect(names()).not.toContain('Old Partner'));
    expect(names()).toEqual(expect.arrayContaining(['Current Assets', 'Capital Account']));
  });

  it('balance sheet: Alt+C asks as on the same date a year earlier', async () => {
    const { bridge } = renderApp('#/balanceSheet?asOn=2026-03-31', { handlers });
    await screen.findByTestId('bs-check');
    altC();
    const table = await screen.findByTestId('bs-comparison');
    expect(bridge.calls.filter((c) => c.operation === 'balanceSheet.compare').at(-1)!.input).toMatchObject({
      columns: [{ asOn: '2026-03-31' }, { asOn: '2025-03-31' }],
    });
    expect(within(table).getAllByRole('columnheader')[1]).toHaveTextContent('As on 31-03-2026');
    expect(table).toHaveTextContent('500.00');
  });

  it('speaks Marathi', async () => {
    renderApp('#/profitLoss?from=2025-04-01&to=2026-03-31', { handlers, language: 'mr' });
    await screen.findByTestId('net-profit');
    altC();
    const table = await screen.findByTestId('pl-comparison');
    expect(table).toHaveTextContent('फरक');
    expect(screen.getByTestId('new-column')).toHaveTextContent('नवीन स्तंभ');
  });
});
