// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from './render-app';
import { cacheStatus } from './fake-bridge';

describe('Cache panel', () => {
  it('shows the backend and why, and clears everything after confirmation', async () => {
    let keys = 12;
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp('#/cache', {
      handlers: {
        'cache.status': () => cacheStatus(keys),
        'cache.keys': () => ({
          keys: Array.from({ length: keys }, (_, i) => ({ key: `dashboard:co-1:${i}`, ttlMs: 60_000 })),
          cursor: null,
        }),
        'cache.clearAll': () => {
          const deleted = keys;
          keys = 0;
          return { deleted };
        },
      },
    });
    expect(await screen.findByTestId('cache-backend')).toHaveTextContent('In-memory');
    expect(screen.getByTestId('cache-reason')).toHaveTextContent('No Redis answered');
    expect(screen.getByTestId('cache-key-count')).toHaveTextContent('12');
    expect(screen.getByText('75%')).toBeInTheDocument();
    expect(await screen.findByText('dashboard:co-1:3')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('cache-clear-all'));
    expect(await screen.findByText('12 keys deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('cache-key-count')).toHaveTextContent('0'));
    expect(await screen.findByText('The cache is empty.')).toBeInTheDocument();
  });
});

describe('Settings', () => {
  it('names the bad field before saving and saves valid settings', async () => {
    const { bridge } = renderApp('#/settings');
    const port = await screen.findByRole('textbox', { name: 'Tally XML port' });
    fireEvent.change(port, { target: { value: '99999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('tallyPort');
    expect(bridge.calls.some((c) => c.operation === 'settings.update')).toBe(false);
    fireEvent.change(port, { target: { value: '9001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toMatchObject({
      tallyPort: 9001,
      tallyHost: 'localhost',
    });
  });
});
