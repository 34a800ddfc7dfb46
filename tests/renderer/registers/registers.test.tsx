// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { createI18n } from '../../../renderer/src/i18n';
import { totalsOf } from '../../../renderer/src/lib/export';
import { registerSummarySheet } from '../../../renderer/src/screens/registers/sheets/register-summary';
import { registerVouchersSheet } from '../../../renderer/src/screens/registers/sheets/register-vouchers';
import type { RegisterSummary, RegisterVouchers } from '../../../shared/types/registers';
import { company, voucherView } from '../fake-bridge';
import { renderApp } from '../render-app';

const scope = { voucherType: 'Sales', baseType: 'Sales', voucherTypes: ['Cash Sales', 'Sales'] };
const summary = (from: string, to: string): RegisterSummary => ({
  companyGuid: company.guid,
  scope,
  from,
  to,
  months: [
    {
      month: '2025-04',
      from: '2025-04-01',
      to: '2025-04-30',
      vouchers: 2,
      debit: 0,
      credit: 2_316_000,
      closing: -2_316_000,
    },
    {
      month: '2025-05',
      from: '2025-05-01',
      to: '2025-05-31',
      vouchers: 0,
      debit: 0,
      credit: 0,
      closing: -2_316_000,
    },
    {
      month: '2025-06',
      from: '2025-06-01',
      to: '2025-06-30',
      vouchers: 1,
      debit: 50_000,
      credit: 472_050,
      closing: -2_738_050,
    },
  ],
  vouchers: 3,
  totalDebit: 50_000,
  totalCredit: 2_788_050,
  closing: -2_738_050,
});
const april = (from: string, to: string): RegisterVouchers => ({
  companyGuid: company.guid,
  scope,
  from,
  to,
  page: 1,
  pageSize: 200,
  listedVouchers: 3,
  countedVouchers: 2,
  totalDebit: 0,
  totalCredit: 2_316_000,
  vouchers: [
    {
      guid: 'v-s1',
      date: '2025-04-05',
      voucherType: 'Sales',
      voucherNumber: 'S1',
      particulars: 'Patil Enterprises',
      narration: 'Goods sold',
      debit: 0,
      credit: 1_180_000,
      offBooks: null,
      entries: [
        { ledgerGuid: 'l-p', ledgerName: 'Patil Enterprises', amount: 1_180_000 },
        { ledgerGuid: 'l-s', ledgerName: 'Sales', amount: -1_000_000 },
        { ledgerGuid: 'l-g', ledgerName: 'Output GST', amount: -180_000 },
      ],
    },
    {
      guid: 'v-cs1',
      date: '2025-04-25',
      voucherType: 'Cash Sales',
      voucherNumber: 'CS1',
      particulars: 'Cash',
      narration: '',
      debit: 0,
      credit: 1_136_000,
      offBooks: null,
      entries: [],
    },
    {
      guid: 'v-c1',
      date: '2025-04-28',
      voucherType: 'Sales',
      voucherNumber: 'C1',
      particulars: 'Patil Enterprises',
      narration: '',
      debit: 0,
      credit: 0,
      offBooks: 'cancelled',
      entries: [],
    },
  ],
});
const handlers = {
  'register.summary': (input: { from: string; to: string }) => ({
    data: summary(input.from, input.to),
    source: 'database' as const,
    tookMs: 3,
  }),
  'register.vouchers': (input: { from: string; to: string }) => ({
    data: april(input.from, input.to),
    source: 'database' as const,
    tookMs: 3,
  }),
  'voucher.get': (input: { voucherGuid: string }) => ({
    data: voucherView(input.voucherGuid),
    source: 'database' as const,
    tookMs: 2,
  }),
};

describe('Sales Register', () => {
  it('months → Enter → the month’s vouchers → Enter → the voucher', async () => {
    const { bridge } = renderApp('#/salesRegister?c=co-1&from=2025-04-01&to=2025-06-30', { handlers });
    const table = await screen.findByRole('grid', { name: 'Sales Register' });
    expect(bridge.calls.find((c) => c.operation === 'register.summary')?.input).toEqual({
      companyGuid: 'co-1',
      voucherType: 'Sales',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    const june = within(table).getByText('₹4,720.50').closest('tr')!;
    expect(june).toHaveTextContent('500.00');
    expect(june).toHaveTextContent('27,380.50 Cr');
    const totals = table.querySelector('tfoot tr')!;
    expect(totals).toHaveTextContent('27,880.50');
    expect(totals).toHaveTextContent('27,380.50 Cr');

    const aprilRow = within(table).getByText('₹23,160.00').closest('tr')!;
    fireEvent.keyDown(aprilRow, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('#/registerVouchers?'));
    expect(window.location.hash).toContain('t=Sales');
    expect(window.location.hash).toContain('from=2025-04-01');
    expect(window.location.hash).toContain('to=2025-04-30');

    const list = await screen.findByRole('grid', { name: 'Sales Register - Voucher Register' });
    const cancelled = within(list).getByText('C1').closest('tr')!;
    expect(cancelled).toHaveTextContent('Cancelled');
    expect(list.querySelector('tfoot tr')).toHaveTextContent('23,160.00');
    // Detailed (Alt+F1): the ledger lines under the particulars.
    expect(within(list).getByText('Goods sold')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('detailed'));
    expect(await within(list).findByText(/Output GST ₹1,800.00 Cr/)).toBeInTheDocument();

    fireEvent.keyDown(within(list).getByText('S1').closest('tr')!, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('#/voucher?'));
    expect(window.location.hash).toContain('v=v-s1');
  });

  it('is in the menu and speaks Marathi', async () => {
    renderApp('#/salesRegister?c=co-1&from=2025-04-01&to=2025-06-30', { handlers, language: 'mr' });
    expect(await screen.findByRole('grid', { name: 'विक्री नोंदवही' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: /./ });
    expect(within(nav).getByText('खरेदी नोंदवही')).toBeInTheDocument();
  });
});

describe('register sheets (print and Excel)', () => {
  let t: TFunction;
  beforeAll(async () => {
    const i18n = createI18n('en');
    await i18n.init?.();
    t = i18n.t.bind(i18n) as TFunction;
  });
  const sum = (values: (string | number | null)[]) =>
    values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

  it('the summary: every amount column of the month rows adds up to the total row', () => {
    const data = summary('2025-04-01', '2025-06-30');
    const sheet = registerSummarySheet(data, 'Sharma Traders', t, 'en');
    const totals = totalsOf(sheet)!;
    sheet.columns.forEach((c, i) => {
      if (c.kind !== 'money' && !(c.kind === 'number' && c.total === 'sum')) return;
      expect({ column: c.header, sum: sum(data.months.map((m) => c.value(m))) }).toEqual({
        column: c.header,
        sum: totals[i],
      });
    });
    expect(totals[0]).toBe('Total');
    expect(sheet.title).toBe('Sales Register');
  });

  it('the vouchers: debit, credit and net of the voucher rows add up to the total row', () => {
    const data = april('2025-04-01', '2025-04-30');
    const sheet = registerVouchersSheet(data, data.vouchers, 'Sharma Traders', t, true);
    const totals = totalsOf(sheet)!;
    sheet.columns.forEach((c, i) => {
      if (c.kind !== 'money') return;
      expect({ column: c.header, sum: sum(data.vouchers.map((v) => c.value(v))) }).toEqual({
        column: c.header,
        sum: totals[i],
      });
    });
    // The cancelled voucher says so in the file.
    const status = sheet.columns.findIndex((c) => c.header === 'Status');
    expect(sheet.columns[status]!.value(data.vouchers[2]!)).toBe('Cancelled');
  });
});
