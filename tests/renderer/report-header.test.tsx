// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import type { ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { setDiagnostics } from '../../renderer/src/lib/diagnostics';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/src/i18n';
import { CompanyPeriod, ReportHeader } from '../../renderer/src/components/ReportHeader';
import { particularsColumn } from '../../renderer/src/components/VoucherColumns';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BridgeProvider } from '../../renderer/src/bridge/context';
import { AppStateProvider } from '../../renderer/src/state';
import { company, createFakeBridge, demoHandlers } from './fake-bridge';

/** The header in the app's providers (the export menu reads the current company's letterhead). */
function renderEn(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <BridgeProvider bridge={createFakeBridge(demoHandlers())}>
        <QueryClientProvider client={client}>
          <AppStateProvider>{ui}</AppStateProvider>
        </QueryClientProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
}

describe('ReportHeader', () => {
  it('shows the title, what the report covers and where it came from, with export buttons', () => {
    setDiagnostics(true);
    renderEn(
      <ReportHeader
        title="Trial balance"
        served={{ source: 'database', tookMs: 12.4 }}
        sheet={() => ({
          title: 'Trial balance',
          company: company.name,
          period: '01-04-2025 to 31-03-2026',
          columns: [],
          rows: [],
          totals: null,
        })}
      >
        <CompanyPeriod company={company} period={{ from: '2025-04-01', to: '2026-03-31' }} />
      </ReportHeader>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Trial balance' })).toBeInTheDocument();
    expect(document.querySelector('.page-subtitle')).toHaveTextContent(
      'Sharma Traders Pvt Ltd · Period: 01-04-2025 to 31-03-2026 Computed · 12 ms',
    );
    expect(screen.getByTestId('served')).toHaveAttribute('data-source', 'database');
    // Where the answer came from is a technical detail: shown only with Diagnostics on.
    act(() => setDiagnostics(false));
    expect(screen.queryByTestId('served')).toBeNull();
    expect(screen.getByRole('group', { name: 'Export' })).toHaveClass('export-menu', 'no-print');
  });

  it('has no export buttons and no badge before the answer', () => {
    renderEn(
      <ReportHeader title="Day book" served={undefined} sheet={undefined}>
        Sharma Traders Pvt Ltd
      </ReportHeader>,
    );
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull();
    expect(document.querySelector('.page-actions')).toBeNull();
    expect(screen.queryByTestId('served')).toBeNull();
  });
});

describe('particularsColumn', () => {
  const column = particularsColumn<{ name: string; note: string }>(
    'particulars',
    'Particulars',
    (r) => r.name,
    (r) => r.note || undefined,
  );

  it('exports the name and shows the details in small print under it', () => {
    expect(column.value({ name: 'Cash', note: 'paid in full' })).toBe('Cash');
    const { container } = render(<div>{column.render!({ name: 'Cash', note: 'paid in full' })}</div>);
    expect(container.querySelector('.cell-sub')).toHaveTextContent('paid in full');
  });

  it('leaves the small print out when there are no details', () => {
    const { container } = render(<div>{column.render!({ name: 'Cash', note: '' })}</div>);
    expect(container).toHaveTextContent('Cash');
    expect(container.querySelector('.cell-sub')).toBeNull();
  });
});
