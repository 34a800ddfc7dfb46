// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageLogEntry } from '../../../shared/types/collections';
import { demoHandlers } from '../fake-bridge';
import { renderApp } from '../render-app';

describe('Outstanding', () => {
  it('shows ageing buckets and drills down from a party to its bills', async () => {
    const { bridge } = renderApp('#/outstanding?k=receivable&on=2025-09-28');
    const ageing = await screen.findByTestId('ageing');
    expect(ageing).toHaveTextContent('0–30 days');
    expect(ageing).toHaveTextContent('Over 60 days');
    expect(ageing).toHaveTextContent('₹3,500.00');
    expect(bridge.calls.find((c) => c.operation === 'outstanding.get')?.input).toMatchObject({
      kind: 'receivable',
      asOn: '2025-09-28',
    });
    const parties = screen.getByRole('grid', { name: 'Parties' });
    const row = within(parties).getByText('Patil Enterprises').closest('tr');
    expect(row).not.toBeNull();
    fireEvent.keyDown(row!, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('p=l-cust-1'));
    const bills = await screen.findByRole('grid', { name: 'Bills of Patil Enterprises' });
    expect(within(bills).getAllByRole('row')[1]).toHaveTextContent('INV-101');
    expect(within(bills).getAllByRole('row')[1]).toHaveTextContent('31-05-2025');
  });

  it('drills from a bill to its vouchers and from there to a voucher', async () => {
    const { bridge } = renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1');
    const bills = await screen.findByRole('grid', { name: 'Bills of Patil Enterprises' });
    // The On Account line is not a bill: it opens nothing.
    fireEvent.click(within(bills).getAllByText('On Account')[0]!.closest('tr')!);
    expect(window.location.hash).not.toContain('b=');
    fireEvent.click(within(bills).getByText('INV-101').closest('tr')!);
    await waitFor(() => expect(window.location.hash).toContain('b=INV-101'));
    const vouchers = await screen.findByRole('grid', { name: 'Vouchers of bill INV-101' });
    expect(bridge.calls.find((c) => c.operation === 'bill.history')?.input).toMatchObject({
      ledgerGuid: 'l-cust-1',
      billName: 'INV-101',
      kind: 'receivable',
      asOn: '2025-09-28',
    });
    expect(within(vouchers).getByText('R/7').closest('tr')).toHaveTextContent('₹3,000.00');
    expect(screen.getByTestId('bill-history')).toHaveTextContent('Pending');
    // Overdue or not as the core answers it (one rule for every screen): due 31-05, as on 28-09.
    expect(screen.getByTestId('bill-dates')).toHaveTextContent('Overdue (days) 120');
    fireEvent.click(within(vouchers).getByText('S/101'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/voucher\?.*v=v-sale-101/));
  });

  it('shows what was sent to the party beside its bills, and nothing to a user not allowed collections', async () => {
    const sent: MessageLogEntry = {
      id: 1,
      runId: 'run-1',
      ledgerGuid: 'l-cust-1',
      partyName: 'Patil Enterprises',
      channel: 'email',
      state: 'sent',
      startedAt: '2025-09-20T05:00:00.000Z',
      at: '2025-09-20T05:00:01.000Z',
      to: ['accounts@patil.example'],
      cc: [],
      subject: 'Statement of account as on 20-09-2025',
      attachments: [],
      amounts: { asOn: '2025-09-20', totalDue: 3_500_00, overdue: 3_500_00, interest: 0, bills: [] },
      messageId: '<1@example>',
      serverResponse: '250 OK',
      reason: null,
      error: null,
    };
    const shown = renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1', {
      handlers: { ...demoHandlers(), 'collections.log': () => [sent] },
    });
    const log = await screen.findByTestId('message-log');
    expect(await within(log).findByText('accounts@patil.example', { exact: false })).toBeInTheDocument();
    expect(shown.bridge.calls.find((c) => c.operation === 'collections.log')?.input).toMatchObject({
      ledgerGuid: 'l-cust-1',
    });
    shown.unmount();

    renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1', {
      handlers: {
        ...demoHandlers(),
        'collections.log': () => ({ code: 'FORBIDDEN', message: 'needs collections' }),
      },
    });
    await screen.findByRole('grid', { name: 'Bills of Patil Enterprises' });
    await waitFor(() => expect(screen.queryByTestId('message-log')).toBeNull());
  });

  it('switches to payables', async () => {
    const { bridge } = renderApp('#/outstanding');
    fireEvent.click(await screen.findByRole('tab', { name: 'Payable' }));
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) => c.operation === 'outstanding.get' && (c.input as { kind: string }).kind === 'payable',
        ),
      ).toBe(true),
    );
  });

  it('shows Not due and On Account beside the ageing buckets, never aged', async () => {
    renderApp('#/outstanding?k=receivable&on=2025-09-28');
    expect(await screen.findByTestId('not-due')).toHaveTextContent('₹300.00');
    expect(screen.getByTestId('on-account')).toHaveTextContent('-₹300.00');
    const parties = screen.getByRole('grid', { name: 'Parties' });
    const headers = within(parties)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.indexOf('Not due')).toBeLessThan(headers.findIndex((h) => h?.includes('0–30 days')));
    expect(headers.at(-1)).toContain('On Account');
    fireEvent.click(within(parties).getByText('Patil Enterprises'));
    const bills = await screen.findByRole('grid', { name: 'Bills of Patil Enterprises' });
    expect(within(bills).getByText('INV-160').closest('tr')).toHaveTextContent('Not due');
    expect(within(bills).getAllByText('On Account').length).toBeGreaterThan(0);
  });

  it('keeps each total under its column, with or without the columns that say nothing', async () => {
    renderApp('#/outstanding?k=receivable&on=2025-09-28');
    const parties = await screen.findByRole('grid', { name: 'Parties' });
    const headers = within(parties)
      .getAllByRole('columnheader')
      .map((h) => h.textContent ?? '');
    const foot = parties.querySelector('tfoot tr')!;
    const cells = Array.from(foot.querySelectorAll('td')).map((c) => c.textContent ?? '');
    expect(cells).toHaveLength(headers.length);
    expect(cells[0]).toBe('Total');
    // Every party of the fixture is a Sundry Debtor: no Group column on screen.
    expect(headers.some((h) => h.startsWith('Group'))).toBe(false);
    const totalAt = headers.findIndex((h) => h.startsWith('Total'));
    const rows = within(parties).getAllByRole('row').slice(1, -1);
    const sum = rows
      .map((r) => r.querySelectorAll('td')[totalAt]!.textContent ?? '')
      .reduce((s, text) => s + Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100), 0);
    expect(Math.round(Number(cells[totalAt]!.replace(/[^0-9.-]/g, '')) * 100)).toBe(sum);
  });

  it('ages by bill date on request, as part of the route and the request', async () => {
    const { bridge } = renderApp('#/outstanding?k=receivable&on=2025-09-28');
    fireEvent.click(await screen.findByRole('button', { name: 'Bill date' }));
    await waitFor(() => expect(window.location.hash).toContain('a=bill'));
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) => c.operation === 'outstanding.get' && (c.input as { ageBy: string }).ageBy === 'bill',
        ),
      ).toBe(true),
    );
    expect(screen.getByRole('button', { name: 'Bill date' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('names the new columns in Marathi and Hindi', async () => {
    const { unmount } = renderApp('#/outstanding?k=receivable&on=2025-09-28', { language: 'mr' });
    expect(await screen.findByTestId('not-due')).toHaveTextContent('मुदत बाकी');
    unmount();
    renderApp('#/outstanding?k=receivable&on=2025-09-28', { language: 'hi' });
    expect(await screen.findByTestId('on-account')).toHaveTextContent('खाते पर');
  });
});
