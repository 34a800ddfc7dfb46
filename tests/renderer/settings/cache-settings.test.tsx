// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';
import { cacheStatus, settings } from '../fake-bridge';

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

describe('Cache panel, details', () => {
  it('shows how long each report is kept without zero seconds, and the setting name whole', async () => {
    renderApp('#/cache', {
      handlers: {
        'cache.status': () => ({
          ...cacheStatus(1),
          ttls: [
            ...cacheStatus(1).ttls,
            {
              resource: 'outstanding',
              pattern: 'outstanding:{guid}:{alterid}:{kind}:{asOn}',
              ttlSeconds: 5400,
              envVar: 'CACHE_TTL_OUTSTANDING',
            },
          ],
        }),
        'cache.keys': () => ({ keys: [], cursor: null }),
      },
    });
    const table = await screen.findByRole('grid', { name: 'How long each report is kept' });
    expect(within(table).getByText('5 min')).toBeInTheDocument();
    expect(within(table).getByText('1 h 30 min')).toBeInTheDocument();
    expect(table).not.toHaveTextContent('0 s');
    const setting = within(table).getByText('CACHE_TTL_OUTSTANDING');
    expect(setting).toHaveClass('env-var');
    expect(setting.querySelectorAll('wbr')).toHaveLength(2);
  });

  it('says "1 key deleted."', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp('#/cache', {
      handlers: {
        'cache.status': () => cacheStatus(1),
        'cache.keys': () => ({ keys: [], cursor: null }),
        'cache.clearAll': () => ({ deleted: 1 }),
      },
    });
    fireEvent.click(await screen.findByTestId('cache-clear-all'));
    expect(await screen.findByText('1 key deleted.')).toBeInTheDocument();
  });

  it('keeps the title and actions when the status cannot be read, and tries again', async () => {
    let fail = true;
    renderApp('#/cache', {
      handlers: {
        'cache.status': () => (fail ? { code: 'CACHE', message: 'Redis went away' } : cacheStatus(3)),
        'cache.keys': () => ({ keys: [], cursor: null }),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Redis went away');
    expect(screen.getByRole('heading', { level: 1, name: 'Cache' })).toBeInTheDocument();
    expect(screen.getByTestId('cache-clear-all')).toBeInTheDocument();
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('cache-key-count')).toHaveTextContent('3');
  });
});

describe('Settings', () => {
  it('keeps the title when the settings cannot be read, and tries again', async () => {
    let fail = true;
    renderApp('#/settings', {
      handlers: {
        'settings.get': () => (fail ? { code: 'CONFIG', message: 'The .env file cannot be read' } : settings),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The .env file cannot be read');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Tally XML port' })).toBeInTheDocument();
  });

  it('puts the portal checkbox inside its one-line label', async () => {
    renderApp('#/settings', { handlers: { 'users.list': () => [], 'sessions.active': () => [] } });
    const enabled = await screen.findByRole('checkbox', { name: 'Open the portal on the office network' });
    expect(enabled.closest('label')).toHaveClass('field-check');
  });

  it('names the bad field before saving and saves valid settings', async () => {
    const { bridge } = renderApp('#/settings');
    const port = await screen.findByRole('textbox', { name: 'Tally XML port' });
    fireEvent.change(port, { target: { value: '99999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Tally settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tally XML port must be a number from 1 to 65535.',
    );
    expect(bridge.calls.some((c) => c.operation === 'settings.update')).toBe(false);
    fireEvent.change(port, { target: { value: '9001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Tally settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toMatchObject({
      tallyPort: 9001,
      tallyHost: 'localhost',
    });
  });
});

describe('Sentinel and Cluster', () => {
  it('the cache panel says which servers answer, their role and the failovers seen', async () => {
    renderApp('#/cache', {
      handlers: {
        'cache.status': () => ({
          ...cacheStatus(3),
          topology: {
            kind: 'sentinel' as const,
            masterName: 'office',
            seeds: ['10.0.0.5:26379', '10.0.0.6:26379'],
            nodes: [{ address: '10.0.0.7:6379', role: 'master' }],
            failovers: 2,
          },
        }),
        'cache.keys': () => ({ keys: [], cursor: null }),
      },
    });
    expect(await screen.findByTestId('cache-topology')).toHaveTextContent(
      'Sentinel (failover) · office · 10.0.0.5:26379, 10.0.0.6:26379',
    );
    expect(screen.getByTestId('cache-nodes')).toHaveTextContent('10.0.0.7:6379 (master)');
    expect(screen.getByTestId('cache-failovers')).toHaveTextContent('2');
  });

  it('settings send the cluster nodes as typed', async () => {
    const { bridge } = renderApp('#/settings');
    const nodes = await screen.findByRole('textbox', { name: /^Cluster nodes \(host:port/ });
    fireEvent.change(nodes, { target: { value: '10.0.0.5:7000, 10.0.0.6:7000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cache settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toMatchObject({
      cache: { clusterNodes: '10.0.0.5:7000, 10.0.0.6:7000', sentinels: '', sentinelName: '' },
    });
  });
});
