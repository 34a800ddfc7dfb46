// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TrialBalance } from '../../shared/types/reports';
import { renderApp } from './render-app';
import { settings as demoSettings } from './fake-bridge';

const trialBalance = (from: string, to: string): TrialBalance => ({
  companyGuid: 'co-1',
  from,
  to,
  rows: [
    {
      guid: 'g-capital',
      name: 'Capital Account',
      kind: 'group',
      depth: 0,
      parentGuid: null,
      opening: 0,
      debit: 100_00,
      credit: 0,
      closing: 100_00,
    },
  ],
  totalDebit: 100_00,
  totalCredit: 100_00,
  closingDebit: 100_00,
  closingCredit: 100_00,
});

const tbHandlers = {
  'trialBalance.get': (input: { from: string; to: string }) => ({
    data: trialBalance(input.from, input.to),
    source: 'database' as const,
    tookMs: 3,
  }),
};

const screenOfHash = () => window.location.hash.replace(/^#\/?/, '').split('?')[0];

describe('Alt+1 … Alt+9 follow the menu (as Tally’s Gateway)', () => {
  it('opens the n-th entry of the sidebar with Alt+n, and F1 lists the same keys', async () => {
    renderApp('#/trialBalance', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    const menu = screen.getByRole('navigation', { name: 'Main' });
    const links = within(menu).getAllByRole('link');
    const entries = links.map((link) => ({ screen: link.dataset.screen, name: link.textContent ?? '' }));
    // Every report of the menu has its key; the balance sheet and stock summary were left without.
    expect(entries.slice(0, 9).map((e) => e.screen)).toEqual([
      'companies',
      'dashboard',
      'ledger',
      'outstanding',
      'trialBalance',
      'profitLoss',
      'balanceSheet',
      'stockSummary',
      'dayBook',
    ]);
    for (let n = 1; n <= 9; n++) {
      act(() => {
        fireEvent.keyDown(window, { key: String(n), code: `Digit${n}`, altKey: true });
      });
      await waitFor(() => expect(screenOfHash()).toBe(entries[n - 1]!.screen));
    }

    fireEvent.keyDown(window, { key: 'F1' });
    const help = within(await screen.findByTestId('help-screens'));
    expect(help.getByText('Alt+7').closest('tr')).toHaveTextContent('Balance sheet');
    expect(help.getByText('Alt+8').closest('tr')).toHaveTextContent('Stock summary');
    expect(help.getByText('Alt+9').closest('tr')).toHaveTextContent('Day book');
    expect(within(screen.getByTestId('help-overlay')).getByText('Alt+P · Ctrl+P')).toBeInTheDocument();
  });

  it('keeps the cache out of the accountant’s menu: it is under Settings › Diagnostics', async () => {
    renderApp('#/settings');
    const advanced = await screen.findByTestId('advanced');
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).queryByRole('link', { name: /Cache/ })).toBeNull();
    const link = within(advanced).getByRole('link', { name: /cache/i });
    fireEvent.click(link);
    await waitFor(() => expect(screenOfHash()).toBe('cache'));
  });
});

describe('Tally’s report keys on every report', () => {
  it('prints with Alt+P and Ctrl+P, and Alt+E goes to the export (Enter: Excel)', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    try {
      renderApp('#/trialBalance', { handlers: tbHandlers });
      await screen.findByRole('grid', { name: 'Trial balance' });
      fireEvent.keyDown(window, { key: 'p', code: 'KeyP', altKey: true });
      await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
      window.dispatchEvent(new Event('afterprint'));
      const ctrlP = new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', ctrlKey: true, cancelable: true });
      window.dispatchEvent(ctrlP);
      // The browser's own print (the screen, cut to a page) is not what Ctrl+P gives.
      expect(ctrlP.defaultPrevented).toBe(true);
      await waitFor(() => expect(print).toHaveBeenCalledTimes(2));

      fireEvent.keyDown(window, { key: 'e', code: 'KeyE', altKey: true });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /Excel/ }));
    } finally {
      print.mockRestore();
    }
  });
});

describe('Alt+F2 as in Tally', () => {
  it('moves from From to To with Enter, and applies only from To', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    fireEvent.keyDown(window, { key: 'F2', altKey: true });
    const from = await screen.findByTestId('period-dialog-from');
    const to = screen.getByTestId('period-dialog-to');
    await waitFor(() => expect(document.activeElement).toBe(from));
    fireEvent.change(from, { target: { value: '1-4-25' } });
    fireEvent.keyDown(from, { key: 'Enter' });
    // Still open, on To: the period is not set from half an answer.
    expect(screen.getByTestId('period-dialog')).toBeInTheDocument();
    expect(document.activeElement).toBe(to);
    fireEvent.change(to, { target: { value: '30-6-25' } });
    fireEvent.submit(to.closest('form')!);
    await waitFor(() => expect(screen.queryByTestId('period-dialog')).toBeNull());
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'trialBalance.get').at(-1)?.input).toMatchObject({
        from: '2025-04-01',
        to: '2025-06-30',
      }),
    );
  });

  it('goes on from From to To with Enter in a report’s own period fields too', async () => {
    renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    const from = screen.getByTestId('period-from');
    from.focus();
    fireEvent.change(from, { target: { value: '1-5-25' } });
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByTestId('period-to'));
    await waitFor(() => expect(screen.getByTestId('period-from')).toHaveValue('01-05-2025'));
  });

  it('says there is no 31 February, not how to write a date', async () => {
    renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    fireEvent.keyDown(window, { key: 'F2', altKey: true });
    const from = await screen.findByTestId('period-dialog-from');
    fireEvent.change(from, { target: { value: '01-02-2026' } });
    fireEvent.change(screen.getByTestId('period-dialog-to'), { target: { value: '31-02-2026' } });
    fireEvent.submit(from.closest('form')!);
    const problem = await screen.findByTestId('period-dialog-problem');
    expect(problem).toHaveTextContent('To: There is no 31 February.');
    expect(problem).not.toHaveTextContent('DD-MM-YYYY');
    fireEvent.change(screen.getByTestId('period-dialog-to'), { target: { value: '29-02-2025' } });
    fireEvent.submit(from.closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('period-dialog-problem')).toHaveTextContent(
        '2025 is not a leap year: there is no 29 February.',
      ),
    );
    fireEvent.change(screen.getByTestId('period-dialog-to'), { target: { value: '2026/02/01' } });
    fireEvent.submit(from.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('period-dialog-problem')).toHaveTextContent('DD-MM-YYYY'));
  });

  it('says it in Marathi too (F2, the one date)', async () => {
    renderApp('#/trialBalance?from=2025-04-01&to=2026-03-31', { handlers: tbHandlers, language: 'mr' });
    await screen.findByRole('grid');
    fireEvent.keyDown(window, { key: 'F2' });
    const on = await screen.findByTestId('date-dialog-date');
    fireEvent.change(on, { target: { value: '31-02-2026' } });
    fireEvent.submit(on.closest('form')!);
    expect(await screen.findByTestId('date-dialog-problem')).toHaveTextContent('31 फेब्रुवारी अशी तारीख नसते.');
  });
});

describe('one language setting', () => {
  it('shows the language the settings keep in the header and in Settings, and both change it', async () => {
    // This browser last remembered English; the desktop's settings say Marathi.
    const { bridge } = renderApp('#/settings', {
      handlers: { 'settings.get': () => ({ ...demoSettings, language: 'mr' }) },
    });
    await waitFor(() => expect(screen.getByTestId('language')).toHaveValue('mr'));
    expect(await screen.findByTestId('settings-language')).toHaveValue('mr');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('सेटिंग्ज');

    // Settings › Language changes the screen at once, and the header says the same.
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'hi' } });
    await waitFor(() => expect(screen.getByTestId('language')).toHaveValue('hi'));
    expect(screen.getByTestId('settings-language')).toHaveValue('hi');
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'settings.update').at(-1)?.input).toEqual({
        language: 'hi',
      }),
    );
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByTestId('settings-language')).toHaveValue('en'));
  });
});
