// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { LiveStatus } from '../../shared/types/live';
import { renderApp } from './render-app';
import { company, dashboard } from './fake-bridge';

const watching: LiveStatus = {
  enabled: true,
  state: 'watching',
  pausedBecause: null,
  intervalSeconds: 5,
  currentIntervalMs: 5_000,
  slowdowns: [],
  lastCheckAt: '2026-12-02T10:00:00.000Z',
  lastChangeAt: null,
  companies: [{ guid: company.guid, name: company.name, open: true, lastChangeAt: null, lastError: null }],
  notifications: { receiptsFromOverdueParties: false, paymentsAbovePaise: 0 },
};

/** A dashboard whose sales grow by ₹1,000 each time it is read, answered only when released. */
function growingDashboard() {
  let reads = 0;
  let release: (() => void) | null = null;
  return {
    reads: () => reads,
    /** Lets the pending (background) read answer. */
    release: () => release?.(),
    handler: async (input: { fy?: string }) => {
      reads++;
      const d = dashboard(input.fy ?? '2025-26');
      d.kpis.sales += (reads - 1) * 1_000_00;
      if (reads > 1) await new Promise<void>((r) => (release = r));
      return { data: d, source: 'database' as const, tookMs: 3 };
    },
  };
}

describe('live books in the renderer', () => {
  it('refreshes the open dashboard in the background when its company changes, keeping the old figures meanwhile', async () => {
    const board = growingDashboard();
    const { bridge } = renderApp('#/dashboard', {
      handlers: { 'dashboard.get': board.handler, 'live.status': () => watching },
    });
    const sales = await screen.findByRole('button', { name: /Sales/ });
    expect(sales).toHaveTextContent('₹12,34,567.89');
    expect(screen.queryByTestId('live-updated')).toBeNull();

    // Another company's books changed: nothing here is read again.
    act(() => bridge.emit('books.changed', { companyGuid: 'someone-else', dataVersion: 2 }));
    await waitFor(() => expect(board.reads()).toBe(1));

    act(() => bridge.emit('books.changed', { companyGuid: company.guid, dataVersion: 2 }));
    await waitFor(() => expect(board.reads()).toBe(2));
    // While the new answer is on its way the old figures stay: no spinner, no empty page.
    expect(screen.getByRole('button', { name: /Sales/ })).toHaveTextContent('₹12,34,567.89');
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByTestId('live-updated')).toHaveTextContent('Updated just now');

    act(() => board.release());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Sales/ })).toHaveTextContent('₹12,35,567.89'),
    );
    expect(window.location.hash).toContain('dashboard');
  });

  it('shows the live state in the top bar and follows live.status events', async () => {
    const { bridge } = renderApp('#/dashboard', { handlers: { 'live.status': () => watching } });
    const dot = await screen.findByRole('img', { name: 'Watching Tally' });
    expect(dot).toHaveAttribute('data-state', 'watching');
    act(() =>
      bridge.emit('live.status', {
        ...watching,
        state: 'paused',
        pausedBecause: 'tally-closed',
        companies: [],
      }),
    );
    await screen.findByRole('img', { name: 'Paused: Tally is closed' });
  });

  it('switches live mode from the Companies screen', async () => {
    let status = { ...watching };
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'live.status': () => status,
        'live.set': (input) => {
          status = {
            ...status,
            enabled: input.enabled ?? status.enabled,
            state: input.enabled ? 'watching' : 'off',
          };
          return status;
        },
      },
    });
    const toggle = await screen.findByTestId('live-toggle');
    expect(toggle).toBeChecked();
    expect(screen.getByTestId('live-status')).toHaveTextContent('Watching Tally · no change seen yet');
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId('live-toggle')).not.toBeChecked());
    expect(bridge.calls.filter((c) => c.operation === 'live.set').map((c) => c.input)).toEqual([
      { enabled: false },
    ]);
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live mode is off');
  });

  it('saves the interval and notifications from Settings, refusing a bad interval in plain words', async () => {
    const { bridge } = renderApp('#/settings', {
      handlers: { 'live.status': () => watching, 'live.set': () => ({ ...watching, intervalSeconds: 10 }) },
    });
    const form = await screen.findByTestId('live-settings');
    const interval = form.querySelector<HTMLInputElement>('input[name="liveInterval"]')!;
    fireEvent.change(interval, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save live settings' }));
    await screen.findByText('Check every (seconds) must be a whole number between 2 and 300.');
    fireEvent.change(interval, { target: { value: '10' } });
    fireEvent.click(form.querySelector<HTMLInputElement>('input[name="liveNotifyReceipts"]')!);
    fireEvent.change(form.querySelector<HTMLInputElement>('input[name="liveNotifyPayments"]')!, {
      target: { value: '50000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save live settings' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'live.set').map((c) => c.input)).toEqual([
        {
          enabled: true,
          intervalSeconds: 10,
          notifications: { receiptsFromOverdueParties: true, paymentsAbovePaise: 50_000_00 },
        },
      ]),
    );
  });

  it('shows a live notice as a toast, in the chosen language', async () => {
    const { bridge } = renderApp('#/dashboard', {
      handlers: { 'live.status': () => watching },
      language: 'hi',
    });
    await screen.findByTestId('live-indicator');
    act(() =>
      bridge.emit('live.notice', {
        kind: 'large-payment',
        companyGuid: company.guid,
        companyName: company.name,
        voucherGuid: 'v-1',
        voucherType: 'Payment',
        voucherNumber: '17',
        date: '2025-11-25',
        party: 'Patil Enterprises',
        amount: 75_000_00,
        overdue: null,
      }),
    );
    expect(await screen.findByTestId('live-toast')).toHaveTextContent(
      'Patil Enterprises को भुगतान: ₹75,000.00',
    );
  });
});
