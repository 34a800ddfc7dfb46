// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from '../render-app';
import { company, settings } from '../fake-bridge';
import type { CompanySummary } from '../../../shared/types/reports';

describe('Companies', () => {
  it('offers the demo company when there is nothing yet, and lists it once loaded', async () => {
    let companies: CompanySummary[] = [];
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'companies.list': () => ({ data: companies, source: 'database', tookMs: 1 }),
        'demo.load': () => {
          companies = [company];
          return company;
        },
      },
    });
    expect(await screen.findByTestId('companies-empty')).toHaveTextContent('No companies yet');
    fireEvent.click(screen.getByTestId('load-demo'));
    expect(await screen.findByRole('heading', { name: 'Sharma Traders Pvt Ltd' })).toBeInTheDocument();
    expect(bridge.calls.some((c) => c.operation === 'demo.load')).toBe(true);
    expect(screen.getByTestId('voucher-count')).toHaveTextContent('5,000');
    expect(screen.getByText(/Last sync: 20-11-2026/)).toBeInTheDocument();
  });

  it('shows sync progress with phase and time left, then done', async () => {
    const { bridge } = renderApp('#/companies');
    await screen.findByRole('heading', { name: 'Sharma Traders Pvt Ltd' });
    act(() =>
      bridge.emit('sync.progress', {
        runId: 'r1',
        companyGuid: company.guid,
        companyName: company.name,
        phase: 'vouchers',
        done: 250,
        total: 1000,
        rate: 100,
        etaSeconds: 75,
        message: 'Reading vouchers 250 of 1,000',
      }),
    );
    const bar = await screen.findByTestId('sync-progress');
    expect(bar).toHaveTextContent('Reading vouchers');
    expect(bar).toHaveTextContent('about 1 min 15 s left');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    act(() => bridge.emit('sync.finished', { runId: 'r1', results: [] }));
    await waitFor(() => expect(screen.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done'));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  });

  it("shows a failed sync once, on the company's card, with Tally's words and its status", async () => {
    let current: CompanySummary = { ...company, source: 'tally' };
    const error = { code: 'TALLY_ERROR' as const, message: 'Tally answered: Memory full' };
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'companies.list': () => ({ data: [current], source: 'database', tookMs: 1 }),
        'sync.start': () => {
          // The core marks the company, then announces the failure (the list is read again on it).
          current = { ...current, syncStatus: 'error', syncError: error.message };
          bridge.emit('sync.failed', { runId: 'r1', companyGuid: current.guid, error });
          return error;
        },
      },
    });
    await screen.findByRole('heading', { name: 'Sharma Traders Pvt Ltd' });
    expect(screen.getByText('Up to date')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Sync now/ }));
    const notice = await screen.findByTestId('company-sync-error');
    expect(notice).toHaveTextContent(
      'The last sync did not finish. The books shown are as they were after the last sync that did: Tally answered: Memory full',
    );
    expect(screen.getByText('Sync failed')).toBeInTheDocument();
    // Not repeated underneath as a second error box.
    expect(screen.queryByText('The sync did not finish')).not.toBeInTheDocument();
  });

  it('titles a failure to reach Tally for what it is', async () => {
    renderApp('#/companies', {
      handlers: {
        'companies.list': () => ({ data: [{ ...company, source: 'tally' }], source: 'database', tookMs: 1 }),
        'sync.start': () => ({
          code: 'TALLY_UNREACHABLE',
          message: 'Tally is not running, or its XML port is off (F1 > Settings > Connectivity)',
        }),
      },
    });
    await screen.findByRole('heading', { name: 'Sharma Traders Pvt Ltd' });
    fireEvent.click(screen.getByRole('button', { name: /Sync now/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The sync did not finish');
    expect(alert).toHaveTextContent('Tally is not running');
    expect(screen.queryByText('This could not be loaded')).not.toBeInTheDocument();
  });

  it('tests the Tally connection with the host and port typed', async () => {
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'tally.testConnection': (input) => ({
          host: input.host ?? '',
          port: input.port ?? 0,
          reachable: true,
          message: 'Connected; 1 company open',
          companies: [{ guid: 'x', name: 'Joshi Agencies' }],
        }),
      },
    });
    const port = await screen.findByTestId('tally-port');
    await waitFor(() => expect(port).toHaveValue('9000'));
    fireEvent.change(port, { target: { value: '9100' } });
    fireEvent.click(screen.getByTestId('tally-test'));
    expect(await screen.findByTestId('tally-result')).toHaveTextContent('Connected; 1 company open');
    expect(screen.getByText('Joshi Agencies')).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.operation === 'tally.testConnection')?.input).toEqual({
      host: 'localhost',
      port: 9100,
    });
  });

  it('saves a newly typed Tally address before syncing from it', async () => {
    const order: string[] = [];
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'settings.update': (input) => {
          order.push(`settings.update ${input.tallyPort}`);
          return { ...settings, tallyPort: input.tallyPort ?? settings.tallyPort };
        },
        'sync.start': () => {
          order.push('sync.start');
          return [];
        },
      },
    });
    const port = await screen.findByTestId('tally-port');
    await waitFor(() => expect(port).toHaveValue('9000'));
    fireEvent.change(port, { target: { value: '9200' } });
    fireEvent.click(screen.getByTestId('sync-all'));
    await waitFor(() => expect(order).toEqual(['settings.update 9200', 'sync.start']));
    expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toEqual({
      tallyHost: 'localhost',
      tallyPort: 9200,
    });
  });

  it('imports an uploaded file through import.files in the browser', async () => {
    const uploads: string[] = [];
    const { bridge } = renderApp('#/companies', {
      handlers: {
        'import.files': (input) => ({
          runId: 'i1',
          companyGuid: 'co-2',
          companyName: 'Joshi Agencies',
          kind: 'import',
          vouchersWritten: 42,
          vouchersDeleted: 0,
          mastersWritten: 10,
          tookMs: 30,
          paths: input.paths,
        }),
      },
    });
    bridge.upload = async (file) => {
      uploads.push(file.name);
      return { ok: true, data: { path: `/data/uploads/${file.name}`, bytes: file.size } };
    };
    const input = await screen.findByTestId('import-input');
    fireEvent.change(input, {
      target: { files: [new File(['<ENVELOPE/>'], 'DayBook.xml', { type: 'text/xml' })] },
    });
    expect(await screen.findByText('Imported 42 vouchers into Joshi Agencies.')).toBeInTheDocument();
    expect(uploads).toEqual(['DayBook.xml']);
    expect(bridge.calls.find((c) => c.operation === 'import.files')?.input).toEqual({
      paths: ['/data/uploads/DayBook.xml'],
    });
  });
});
