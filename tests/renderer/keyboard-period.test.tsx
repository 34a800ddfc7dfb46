// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ERROR_CODES, ERROR_REASONS, type ErrorReason } from '../../shared/errors';
import type { TrialBalance } from '../../shared/types/reports';
import { createI18n } from '../../renderer/src/i18n';
import { ErrorState } from '../../renderer/src/components/States';
import { OperationError } from '../../renderer/src/data/client';
import { appKeyAction } from '../../renderer/src/components/keyboard/useAppKeys';
import { renderApp } from './render-app';

const row = (guid: string, name: string, kind: 'group' | 'ledger', depth: number) => ({
  guid,
  name,
  kind,
  depth,
  parentGuid: null,
  opening: 0,
  debit: 100_00,
  credit: 0,
  closing: 100_00,
});

const trialBalance = (from: string, to: string): TrialBalance => ({
  companyGuid: 'co-1',
  from,
  to,
  rows: [
    row('g-capital', 'Capital Account', 'group', 0),
    row('l-capital', 'Partners', 'ledger', 1),
    row('g-debtors', 'Sundry Debtors', 'group', 0),
    row('l-cust-1', 'Patil Enterprises', 'ledger', 1),
  ],
  totalDebit: 400_00,
  totalCredit: 400_00,
  closingDebit: 400_00,
  closingCredit: 400_00,
});

const tbHandlers = {
  'trialBalance.get': (input: { from: string; to: string }) => ({
    data: trialBalance(input.from, input.to),
    source: 'database' as const,
    tookMs: 3,
  }),
  'groupSummary.get': (input: { groupName: string; from: string; to: string }) => ({
    data: {
      companyGuid: 'co-1',
      from: input.from,
      to: input.to,
      group: { guid: 'g', name: input.groupName, parent: null, primaryGroup: 'Current Assets' },
      rows: [{ ...row('l-cust-1', 'Patil Enterprises', 'ledger', 0) }],
      total: { opening: 0, debit: 100_00, credit: 0, closing: 100_00 },
    },
    source: 'database' as const,
    tookMs: 2,
  }),
};

const activeIndex = () => {
  const grid = document.activeElement;
  const id = grid?.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.getAttribute('data-index') : null;
};

describe('keyboard, as in Tally', () => {
  it('maps the keys: Esc and Alt+Left back, Backspace only outside fields, Alt+F2, F2, F1 and ?', () => {
    const base = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, defaultPrevented: false };
    const input = document.createElement('input');
    const cell = document.createElement('div');
    expect(appKeyAction({ ...base, key: 'Escape', target: cell })).toEqual({ kind: 'back' });
    expect(appKeyAction({ ...base, key: 'ArrowLeft', altKey: true, target: cell })).toEqual({ kind: 'back' });
    expect(appKeyAction({ ...base, key: 'Backspace', target: cell })).toEqual({ kind: 'back' });
    expect(appKeyAction({ ...base, key: 'Backspace', target: input })).toBeNull();
    expect(appKeyAction({ ...base, key: '?', target: input })).toBeNull();
    expect(appKeyAction({ ...base, key: '?', target: cell })).toEqual({ kind: 'help' });
    expect(appKeyAction({ ...base, key: 'F1', target: input })).toEqual({ kind: 'help' });
    expect(appKeyAction({ ...base, key: 'F2', altKey: true, target: cell })).toEqual({ kind: 'period' });
    expect(appKeyAction({ ...base, key: 'F2', target: cell })).toEqual({ kind: 'date' });
    expect(appKeyAction({ ...base, key: '5', altKey: true, target: cell })).toEqual({ kind: 'screen', n: 5 });
    // A field that used its Esc (to undo typing) keeps the screen where it is.
    expect(appKeyAction({ ...base, key: 'Escape', target: input, defaultPrevented: true })).toBeNull();
  });

  it('sets the period of every report with Alt+F2, refusing a reversed range', async () => {
    const { bridge } = renderApp('#/trialBalance', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    fireEvent.keyDown(window, { key: 'F2', altKey: true });
    const from = await screen.findByTestId('period-dialog-from');
    fireEvent.change(from, { target: { value: '30-06-2025' } });
    fireEvent.change(screen.getByTestId('period-dialog-to'), { target: { value: '01-04-2025' } });
    fireEvent.submit(from.closest('form')!);
    expect(await screen.findByTestId('period-dialog-problem')).toHaveTextContent(
      'The From date is after the To date.',
    );
    fireEvent.change(from, { target: { value: '01-04-2025' } });
    fireEvent.change(screen.getByTestId('period-dialog-to'), { target: { value: '30-06-2025' } });
    fireEvent.submit(from.closest('form')!);
    await waitFor(() => expect(screen.queryByTestId('period-dialog')).toBeNull());
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) =>
            c.operation === 'trialBalance.get' &&
            (c.input as { from: string; to: string }).from === '2025-04-01' &&
            (c.input as { from: string; to: string }).to === '2025-06-30',
        ),
      ).toBe(true),
    );
    expect(screen.getByTestId('session-period')).toHaveTextContent('01-04-2025 – 30-06-2025');
    // Never a reversed range sent to the core.
    expect(
      bridge.calls.some(
        (c) =>
          c.operation === 'trialBalance.get' &&
          (c.input as { from: string; to: string }).from > (c.input as { from: string; to: string }).to,
      ),
    ).toBe(false);
  });

  it('drills down with Enter keeping the period, and Esc returns to the same row', async () => {
    renderApp('#/trialBalance?from=2025-04-01&to=2025-09-30', { handlers: tbHandlers });
    const grid = await screen.findByRole('grid', { name: 'Trial balance' });
    await waitFor(() => expect(document.activeElement).toBe(grid));
    expect(activeIndex()).toBe('0');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(activeIndex()).toBe('2'));
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/groupSummary\?/));
    expect(window.location.hash).toContain('g=Sundry+Debtors');
    expect(window.location.hash).toContain('from=2025-04-01');
    expect(window.location.hash).toContain('to=2025-09-30');
    const summary = await screen.findByRole('grid', { name: 'Group summary: Sundry Debtors' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByTestId('back')).toBeEnabled();
    fireEvent.keyDown(summary, { key: 'Escape' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/trialBalance/));
    await screen.findByRole('grid', { name: 'Trial balance' });
    await waitFor(() => expect(activeIndex()).toBe('2'));
  });

  it('opens the shortcut list with F1; Esc closes it and stays on the screen', async () => {
    renderApp('#/trialBalance', { handlers: tbHandlers });
    await screen.findByRole('grid', { name: 'Trial balance' });
    fireEvent.keyDown(window, { key: 'F1' });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('Alt+F2');
    expect(help).toHaveTextContent('Change the period for every report');
    fireEvent.keyDown(help, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(window.location.hash).toMatch(/^#\/trialBalance/);
  });

  it('says inline that a link’s date is malformed or reversed and does not ask for the report', async () => {
    const { bridge } = renderApp('#/trialBalance?from=2025-02-31&to=2025-06-30', { handlers: tbHandlers });
    expect(await screen.findByTestId('period-problem')).toHaveTextContent('"2025-02-31" is not a date');
    expect(bridge.calls.some((c) => c.operation === 'trialBalance.get')).toBe(false);
    fireEvent.click(screen.getByTestId('period-problem-fix'));
    await screen.findByRole('grid', { name: 'Trial balance' });
  });

  it('keeps the app when a screen fails to draw, with a way back', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp('#/trialBalance', {
      handlers: {
        // A broken answer: the screen cannot draw it.
        'trialBalance.get': () => ({ data: null as unknown as TrialBalance, source: 'database', tookMs: 1 }),
      },
    });
    expect(await screen.findByTestId('screen-failed')).toHaveTextContent('This screen could not be shown');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open the dashboard' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/dashboard/));
    expect(await screen.findByRole('button', { name: /Sales/ })).toBeInTheDocument();
    spy.mockRestore();
  });
});

describe('errors in the user’s language', () => {
  const sample: Record<ErrorReason, Record<string, string | number>> = {
    badDate: { field: 'from', value: '2025-02-31' },
    reversedRange: { field: 'to', from: '2025-06-30', to: '2025-04-01' },
    badYear: { field: 'fy', value: '2025-27' },
    dateOutOfRange: { field: 'asOn', value: '9999-12-31' },
    badInput: { field: 'limit' },
    unknownCompany: { guid: '1f2e' },
    unknownLedger: { guid: '1f2e', company: 'शर्मा ट्रेडर्स' },
    unknownGroup: { group: 'सुंदर', company: 'शर्मा ट्रेडर्स' },
    unknownVoucher: { guid: '1f2e', company: 'शर्मा ट्रेडर्स' },
    unknownStockItem: { guid: '1f2e', company: 'शर्मा ट्रेडर्स' },
    unknownStockGroup: { group: 'डाळी', company: 'शर्मा ट्रेडर्स' },
    unknownVoucherType: { type: 'रोख विक्री', company: 'शर्मा ट्रेडर्स' },
    tallyNotRunning: { host: '127.0.0.1', port: 9000 },
    tallyStopped: { host: '127.0.0.1', port: 9000, attempts: 3 },
  };
  // Names that stay in Latin letters in every language: the product, Tally, its XML port, the date format.
  const allowed = /TallyConnect|Tally|XML|DD-MM-YYYY|localhost|Redis/g;

  const renderIn = (language: 'mr' | 'hi', ui: ReactNode) =>
    render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);

  it.each(['mr', 'hi'] as const)('shows every code and reason in %s without English words', (language) => {
    localStorage.clear();
    const cases = [
      ...ERROR_CODES.map((code) => ({ code, reason: undefined, params: undefined })),
      ...ERROR_REASONS.map((reason) => ({ code: 'VALIDATION' as const, reason, params: sample[reason] })),
    ];
    for (const info of cases) {
      const error = new OperationError({ ...info, message: 'No ledger with GUID "x" in company "y"' });
      const { unmount } = renderIn(language, <ErrorState error={error} />);
      const text = screen.getByRole('alert').textContent ?? '';
      expect(text, `${info.code} ${info.reason ?? ''}`).toMatch(/[\u0900-\u097F]/);
      expect(text.replace(allowed, ''), `${info.code} ${info.reason ?? ''}: ${text}`).not.toMatch(
        /[A-Za-z]{2,}/,
      );
      unmount();
    }
  });

  it('writes the dates of a reversed range the Indian way', () => {
    const error = new OperationError({
      code: 'VALIDATION',
      message: 'from must not be after to',
      reason: 'reversedRange',
      params: { from: '2025-06-30', to: '2025-04-01' },
    });
    act(() => {
      renderIn('mr', <ErrorState error={error} />);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('30-06-2025 ही 01-04-2025 नंतरची तारीख आहे');
  });
});
