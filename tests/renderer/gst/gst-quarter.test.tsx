// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createI18n } from '../../../renderer/src/i18n';
import { returnFileName } from '../../../renderer/src/screens/gst/sheets/columns';
import {
  monthsOf,
  periodTitle,
  quarterChoices,
  quarterLabel,
  quarterOf,
} from '../../../renderer/src/screens/gst/sheets/period';
import { renderApp } from '../render-app';
import { GSTIN, gstr1Answer, gstr1JsonAnswer, gstr3bAnswer, recoAnswer, vouchersHandler } from './answers';

/**
 * Quarterly (QRMP) returns on the GST screens (issue 26): GSTR-1 and GSTR-3B take a quarter of the
 * financial year (?m=YYYY-Qn, Q1 April–June of YYYY … Q4 January–March of YYYY + 1), the 2B reconciliation
 * stays monthly; titles, workbooks and the portal JSON's file name name the period.
 */
const handlers = {
  'gst.gstr1': () => gstr1Answer,
  'gst.gstr1Json': () => gstr1JsonAnswer,
  'gst.gstr3b': () => gstr3bAnswer,
  'gst.gstr2bReco': () => recoAnswer,
  'gst.vouchers': vouchersHandler,
} as const;

function captureDownload(): { name: () => string | null } {
  let name: string | null = null;
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    name = this.download;
  };
  return { name: () => name };
}

const en = createI18n('en').t;
const mr = createI18n('mr').t;

describe('return periods: months and quarters of the financial year', () => {
  it('puts a month in its quarter, April to March', () => {
    expect(['2025-04', '2025-06', '2025-07', '2025-12', '2026-01', '2026-03'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025-Q4',
    ]);
    expect(monthsOf('2025-Q1')).toEqual({ first: '2025-04', last: '2025-06' });
    expect(monthsOf('2025-Q3')).toEqual({ first: '2025-10', last: '2025-12' });
    expect(monthsOf('2025-Q4')).toEqual({ first: '2026-01', last: '2026-03' });
    expect(monthsOf('2025-08')).toEqual({ first: '2025-08', last: '2025-08' });
  });

  it("names a quarter's JSON after its last month, the portal's fp", () => {
    expect(returnFileName('GSTR1', GSTIN, '2025-Q1')).toBe(`GSTR1_${GSTIN}_062025.json`);
    expect(returnFileName('GSTR3B', GSTIN, '2025-Q4')).toBe(`GSTR3B_${GSTIN}_032026.json`);
    expect(returnFileName('GSTR1', GSTIN, '2025-08')).toBe(`GSTR1_${GSTIN}_082025.json`);
  });

  it('titles a quarter with its financial year and months, in English and Marathi', () => {
    expect(periodTitle('2025-Q4', 'en', en)).toBe('Q4 2025-26 (January 2026 – March 2026)');
    expect(periodTitle('2025-08', 'en', en)).toBe('August 2025');
    expect(quarterLabel('2025-Q1', 'en', en)).toBe('Q1 (Apr–Jun) 2025-26');
    const marathi = periodTitle('2025-Q1', 'mr', mr);
    expect(marathi).toMatch(/^Q1 2025-26 \(/);
    expect(marathi).toContain('एप्रिल');
    expect(marathi).not.toContain('April');
  });

  it('offers the quarters up to today, newest first, from three financial years back', () => {
    const choices = quarterChoices('2025-Q2', '2025-11');
    expect(choices.slice(0, 3)).toEqual(['2025-Q3', '2025-Q2', '2025-Q1']);
    expect(choices).not.toContain('2025-Q4'); // starts in January 2026, after today
    expect(choices.at(-1)).toBe('2022-Q1');
    // A chosen quarter further back stays offered.
    expect(quarterChoices('2019-Q2', '2025-11')).toContain('2019-Q2');
  });
});

describe('GST screens with a quarter', () => {
  it('GSTR-1 asks the quarter, titles it and saves its JSON and workbook under its period', async () => {
    const download = captureDownload();
    const { bridge } = renderApp('#/gstr1?m=2025-Q1', { handlers });
    await screen.findByRole('grid', { name: 'GSTR-1' });
    expect(bridge.calls.find((c) => c.operation === 'gst.gstr1')?.input).toEqual({
      companyGuid: 'co-1',
      month: '2025-Q1',
    });
    expect(screen.getByText(/Q1 2025-26 \(April 2025 – June 2025\)/)).toBeInTheDocument();
    expect((screen.getByTestId('gst-period-kind') as HTMLSelectElement).value).toBe('quarter');
    expect((screen.getByTestId('gst-quarter') as HTMLSelectElement).value).toBe('2025-Q1');
    fireEvent.click(screen.getByTestId('download-json'));
    await waitFor(() => expect(download.name()).toBe(`GSTR1_${GSTIN}_062025.json`));
    expect(bridge.calls.find((c) => c.operation === 'gst.gstr1Json')?.input).toEqual({
      companyGuid: 'co-1',
      month: '2025-Q1',
    });
    fireEvent.click(screen.getByRole('button', { name: /CSV/ }));
    await waitFor(() =>
      expect(download.name()).toMatch(/GSTR-1 - Q1 2025-26 \(April 2025 – June 2025\)\.csv$/),
    );
    // The workbook's section sheets were gathered for the quarter, not for one of its months.
    const asked = bridge.calls.filter((c) => c.operation === 'gst.vouchers');
    expect(asked.length).toBeGreaterThan(0);
    for (const call of asked) expect(call.input).toMatchObject({ companyGuid: 'co-1', month: '2025-Q1' });
  });

  it('switches between a month and its quarter, and between quarters', async () => {
    const { bridge } = renderApp('#/gstr1?m=2025-05', { handlers });
    const asked = (period: string) =>
      bridge.calls.some(
        (c) => c.operation === 'gst.gstr1' && (c.input as { month: string }).month === period,
      );
    fireEvent.change(await screen.findByTestId('gst-period-kind'), { target: { value: 'quarter' } });
    await waitFor(() => expect(window.location.hash).toContain('m=2025-Q1'));
    await waitFor(() => expect(asked('2025-Q1')).toBe(true));
    fireEvent.change(await screen.findByTestId('gst-quarter'), { target: { value: '2024-Q4' } });
    await waitFor(() => expect(asked('2024-Q4')).toBe(true));
    expect(screen.getByText(/Q4 2024-25 \(January 2025 – March 2025\)/)).toBeInTheDocument();
    // Back to months: the quarter's last month.
    fireEvent.change(screen.getByTestId('gst-period-kind'), { target: { value: 'month' } });
    await waitFor(() => expect(asked('2025-03')).toBe(true));
    expect((screen.getByTestId('gst-month') as HTMLInputElement).value).toBe('2025-03');
  });

  it('GSTR-3B takes a quarter too, and saves its JSON under the last month', async () => {
    const download = captureDownload();
    const { bridge } = renderApp('#/gstr3b?m=2025-Q3', { handlers });
    await screen.findByRole('grid', { name: /^3\.1 Details of outward supplies/ });
    expect(bridge.calls.find((c) => c.operation === 'gst.gstr3b')?.input).toEqual({
      companyGuid: 'co-1',
      month: '2025-Q3',
    });
    fireEvent.click(screen.getByTestId('download-json'));
    await waitFor(() => expect(download.name()).toBe(`GSTR3B_${GSTIN}_122025.json`));
  });

  it('keeps the 2B reconciliation monthly: a quarter in the link becomes its last month', async () => {
    renderApp('#/gstr2b?m=2025-Q1', { handlers });
    const month = (await screen.findByTestId('gst-month')) as HTMLInputElement;
    expect(month.value).toBe('2025-06');
    expect(screen.queryByTestId('gst-period-kind')).toBeNull();
    expect(screen.queryByTestId('gst-quarter')).toBeNull();
  });

  it('offers the quarters in Marathi', async () => {
    renderApp('#/gstr1?m=2025-Q2', { handlers, language: 'mr' });
    const quarter = (await screen.findByTestId('gst-quarter')) as HTMLSelectElement;
    const chosen = quarter.options[quarter.selectedIndex]!;
    expect(chosen.value).toBe('2025-Q2');
    expect(chosen.textContent).toMatch(/^Q2 \(.+–.+\) 2025-26$/);
    expect(chosen.textContent).not.toMatch(/Jul|Sep/);
    expect(screen.getByTestId('gst-period-kind')).toHaveTextContent('तिमाही (QRMP)');
  });
});
