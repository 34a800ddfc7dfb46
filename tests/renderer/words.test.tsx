// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LiveStatus } from '../../shared/types/live';
import type { CompanySummary } from '../../shared/types/reports';
import { renderApp } from './render-app';
import { company, statement } from './fake-bridge';

const liveOff: LiveStatus = {
  enabled: false,
  state: 'watching',
  pausedBecause: null,
  intervalSeconds: 5,
  currentIntervalMs: 5_000,
  slowdowns: [],
  lastCheckAt: null,
  lastChangeAt: null,
  companies: [],
  notifications: { receiptsFromOverdueParties: false, paymentsAbovePaise: 0 },
};

describe('words for accountants', () => {
  it('says what the top bar’s dot means, in words, also when live mode is off', async () => {
    renderApp('#/settings', { handlers: { 'live.status': () => liveOff }, language: 'mr' });
    expect(await screen.findByTestId('live-label')).toHaveTextContent('थेट बंद');
  });

  it('does not say the demo company’s books come from Tally', async () => {
    const demo: CompanySummary = { ...company, source: 'demo', booksFromSource: 'tally' };
    renderApp('#/companies', {
      handlers: { 'companies.list': () => ({ data: [demo], source: 'database' as const, tookMs: 1 }) },
    });
    const note = await screen.findByTestId('books-from-source');
    expect(note).toHaveTextContent('sample books made up by TallyConnect');
    expect(note).not.toHaveTextContent('from Tally');
  });

  it('names what each Save button on the Settings page saves', async () => {
    renderApp('#/settings', { handlers: { 'live.status': () => liveOff } });
    await screen.findByTestId('live-settings');
    await screen.findByRole('button', { name: /portal/i });
    const saves = screen
      .getAllByRole('button')
      .filter((b) => b.getAttribute('type') === 'submit')
      .map((b) => b.textContent?.trim() ?? '');
    expect(saves.length).toBeGreaterThan(1);
    expect(saves).not.toContain('Save');
    expect(new Set(saves).size).toBe(saves.length);
  });

  it('shows no search box on a voucher (its few lines are all on screen)', async () => {
    renderApp('#/voucher?v=vch-1');
    await screen.findByRole('grid', { name: 'Voucher' });
    expect(screen.queryAllByRole('searchbox')).toHaveLength(0);
  });

  it('shows narrations in full with Alt+F5 (Tally’s Detailed), and back with Alt+F5', async () => {
    renderApp('#/ledger?l=l-cust-1&from=2025-04-01&to=2026-03-31', {
      handlers: {
        'ledger.statement': (input) => {
          const data = statement(input.ledgerGuid, input.from, input.to);
          data.lines[0]!.narration = 'Received against bills SI/24-25/00618, SI/24-25/00631, SI/24-25/00642';
          return { data, source: 'database' as const, tookMs: 2 };
        },
      },
    });
    const grid = await screen.findByRole('grid', { name: 'Ledger statement' });
    expect(grid).not.toHaveClass('detailed');
    fireEvent.keyDown(window, { key: 'F5', altKey: true });
    await waitFor(() => expect(grid).toHaveClass('detailed'));
    expect(within(grid).getByText(/SI\/24-25\/00642/)).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'F1' });
    expect(within(await screen.findByTestId('help-overlay')).getByText('Alt+F5')).toBeInTheDocument();
    fireEvent.keyDown(screen.getByTestId('help-overlay'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('help-overlay')).toBeNull());
    fireEvent.keyDown(window, { key: 'F5', altKey: true });
    await waitFor(() => expect(grid).not.toHaveClass('detailed'));
  });
});
