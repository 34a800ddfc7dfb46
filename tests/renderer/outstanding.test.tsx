// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';

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
    const parties = screen.getByRole('table', { name: 'Parties' });
    const row = within(parties).getByText('Patil Enterprises').closest('tr');
    expect(row).not.toBeNull();
    fireEvent.keyDown(row!, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('p=l-cust-1'));
    const bills = await screen.findByRole('table', { name: 'Bills of Patil Enterprises' });
    expect(within(bills).getAllByRole('row')[1]).toHaveTextContent('INV-101');
    expect(within(bills).getAllByRole('row')[1]).toHaveTextContent('31-05-2025');
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
});
