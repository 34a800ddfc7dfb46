// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { toXlsx } from '../../../renderer/src/lib/export';
import { statementSheet } from '../../../shared/print/statement';
import { STATEMENT_WORDS } from '../../../shared/print/statement-words';
import { statementFromOutstanding } from '../../../renderer/src/screens/receivables/sheets/statement';
import type { CollectionParties, CompanyProfile } from '../../../shared/types/collections';
import { company, outstanding, statement } from '../fake-bridge';
import { renderApp } from '../render-app';

/** The company's profile as Tally keeps it, and the party's contact facts (collections.parties). */
const profile: CompanyProfile = {
  companyGuid: company.guid,
  name: company.name,
  mailingName: company.name,
  address: ['12 Tilak Road', 'Pune'],
  state: 'Maharashtra',
  pincode: '411002',
  country: 'India',
  email: null,
  phone: null,
  gstin: '27AAACS1234F1Z5',
  registrationType: 'Regular',
};
const parties = (asOn: string): CollectionParties => ({
  companyGuid: company.guid,
  asOn,
  parties: [
    {
      ledgerGuid: 'l-cust-1',
      name: 'Patil Enterprises',
      group: 'Sundry Debtors',
      contact: {
        mailingName: 'Patil Enterprises',
        address: ['Shop 3, Market Yard', 'Kolhapur'],
        state: 'Maharashtra',
        pincode: '416005',
        country: 'India',
        gstin: '27AABFP9999K1Z2',
        contactPerson: null,
        phone: null,
        email: null,
        emailCc: null,
        mobile: null,
        tallyEmail: null,
        tallyMobile: null,
      },
      excluded: false,
      language: 'en',
      totalDue: 3_500_00,
      overdue: 3_200_00,
      interest: 0,
      interestNote: null,
      overdueBills: 2,
      lastReminderAt: null,
    },
  ],
});
const contactHandlers = {
  'company.profile': () => profile,
  'collections.parties': (input: { asOn?: string }) => parties(input.asOn ?? '2025-09-28'),
};

describe('Statement of account (outstanding)', () => {
  it('opens from a party’s bills and shows the document: bills, ageing and totals', async () => {
    renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1');
    fireEvent.click(await screen.findByTestId('statement-of-account'));
    await waitFor(() => expect(window.location.hash).toContain('s=1'));
    const doc = await screen.findByTestId('document-view');
    expect(doc).toHaveTextContent('Statement of account - Patil Enterprises');
    expect(doc).toHaveTextContent('As on 28-09-2025');
    const bills = within(doc).getByRole('table', { name: 'Pending bills' });
    const rows = within(bills)
      .getAllByRole('row')
      .map((r) => r.textContent);
    // Oldest first: bill, date, due date, overdue days (or not due), pending amount; On Account; total.
    expect(rows.slice(1)).toEqual([
      'INV-10101-05-202531-05-20251202,500.00',
      'INV-14001-09-202520-09-202581,000.00',
      'INV-16025-09-202525-10-2025Not due300.00',
      'On account-300.00',
      'Total3,500.00',
    ]);
    const ageing = within(doc).getByRole('table', { name: 'Ageing of pending bills' });
    // The report's own buckets (0-30, 31-60, over 60), Not due and On Account, adding up to the total.
    expect(
      within(ageing)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Not due', '0–30 days', '31–60 days', 'Over 60 days', 'On account', 'Total']);
    expect(within(ageing).getAllByRole('row')[1]).toHaveTextContent('300.001,000.002,500.00-300.003,500.00');
    // No ledger until asked for.
    expect(within(doc).queryByRole('table', { name: /Ledger account/ })).toBeNull();
    // Without the company's profile or the party's contacts: names alone, no empty lines.
    expect(doc.querySelector('.pd-letterhead')).toBeNull();
  });

  it('carries the company’s letterhead and the party’s address and GSTIN, on screen and on paper', async () => {
    const printed = vi.fn();
    window.print = printed;
    const { bridge } = renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1&s=1', {
      handlers: contactHandlers,
    });
    const doc = await screen.findByTestId('document-view');
    await waitFor(() => expect(doc.querySelector('.pd-letterhead')).toHaveTextContent('12 Tilak Road'));
    expect(doc.querySelector('.pd-letterhead')).toHaveTextContent(
      '12 Tilak RoadPune - 411002GSTIN: 27AAACS1234F1Z5 · State: Maharashtra',
    );
    const to = doc.querySelector('.pd-block')!;
    expect(to).toHaveTextContent(
      'ToPatil EnterprisesShop 3, Market YardKolhapur - 416005GSTIN: 27AABFP9999K1Z2State: Maharashtra',
    );
    expect(bridge.calls.find((c) => c.operation === 'collections.parties')?.input).toEqual({
      companyGuid: company.guid,
      asOn: '2025-09-28',
    });
    fireEvent.click(await screen.findByTestId('print-report'));
    await waitFor(() => expect(printed).toHaveBeenCalled());
    const paper = document.getElementById('pd-root')!;
    // The statement's own letterhead (every address line), not the reports' compact one, once per page.
    expect(paper.querySelectorAll('.pd-head .pd-letterhead')).toHaveLength(
      paper.querySelectorAll('section.pd-page').length,
    );
    expect(paper.querySelector('.pd-head')).toHaveTextContent('GSTIN: 27AAACS1234F1Z5 · State: Maharashtra');
    expect(paper).toHaveTextContent('Kolhapur - 416005');
    window.dispatchEvent(new Event('afterprint'));
  });

  it('adds the party’s ledger for the financial year up to the as-on date, and for a chosen period', async () => {
    const { bridge } = renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1&s=1');
    fireEvent.click(await screen.findByTestId('statement-with-ledger'));
    const ledger = await screen.findByRole('table', { name: 'Ledger account, 01-04-2025 to 28-09-2025' });
    expect(bridge.calls.find((c) => c.operation === 'ledger.statement')?.input).toMatchObject({
      ledgerGuid: 'l-cust-1',
      from: '2025-04-01',
      to: '2025-09-28',
    });
    expect(within(ledger).getAllByRole('row')[1]).toHaveTextContent('Opening balance1,000.00 Dr');
    expect(ledger).toHaveTextContent('Sales Account');
    expect(within(ledger).getAllByRole('row').at(-1)).toHaveTextContent('Closing balance1,800.00 Dr');
    const from = screen.getByTestId('statement-from');
    fireEvent.change(from, { target: { value: '01-07-2025' } });
    fireEvent.blur(from);
    await screen.findByRole('table', { name: 'Ledger account, 01-07-2025 to 28-09-2025' });
    expect(window.location.hash).toContain('from=2025-07-01');
  });

  it('prints the statement page by page with Alt+P', async () => {
    const printed = vi.fn();
    window.print = printed;
    renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1&s=1&l=1');
    await screen.findByRole('table', { name: /Ledger account/ });
    // Alt+P answers once the export menu is there (the letterhead and the party's contacts read).
    await screen.findByTestId('print-report');
    fireEvent.keyDown(window, { key: 'p', code: 'KeyP', altKey: true });
    await waitFor(() => expect(printed).toHaveBeenCalled());
    const paper = document.getElementById('pd-root')!;
    expect(paper).toHaveTextContent('Statement of account - Patil Enterprises');
    expect(paper).toHaveTextContent('Page 1 of 1');
    expect(paper).toHaveTextContent('Pending bills');
    expect(paper).toHaveTextContent('Ageing of pending bills');
    expect(paper).toHaveTextContent('Closing balance');
    window.dispatchEvent(new Event('afterprint'));
  });

  it('shows the statement in मराठी', async () => {
    renderApp('#/outstanding?k=receivable&on=2025-09-28&p=l-cust-1&s=1');
    await screen.findByTestId('document-view');
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'mr' } });
    await waitFor(() =>
      expect(screen.getByTestId('document-view')).toHaveTextContent('खाते उतारा - Patil Enterprises'),
    );
    const doc = screen.getByTestId('document-view');
    expect(within(doc).getByRole('table', { name: 'बाकी बिले' })).toHaveTextContent('मुदत बाकी');
    expect(screen.getByTestId('statement-back')).toHaveTextContent('Patil Enterprises यांची बिले');
  });
});

describe('Statement of account in Excel', () => {
  it('has the bills, the ageing and the ledger on their own sheets, each adding up to its total', async () => {
    const data = outstanding('receivable', '2025-09-28');
    const soa = statementFromOutstanding(
      data,
      data.parties[0]!,
      { name: 'Demo Traders' },
      statement('l-cust-1', '2025-04-01', '2025-09-28'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(statementSheet(soa, STATEMENT_WORDS.en)));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Statement of account - Patil En',
      'Ageing of pending bills - Patil',
      'Ledger account, 01-04-2025 to 2',
    ]);
    const sumOf = (sheet: ExcelJS.Worksheet, header: string) => {
      const head = sheet.getRow(5);
      const col = (head.values as unknown[]).indexOf(header);
      let sum = 0;
      let total = 0;
      sheet.eachRow((row, n) => {
        if (n <= 5) return;
        const value = Number(row.getCell(col).value ?? 0);
        if (row.getCell(1).value === 'Total') total = value;
        else sum += value;
      });
      return { sum: Math.round(sum * 100), total: Math.round(total * 100) };
    };
    expect(sumOf(workbook.worksheets[0]!, 'Pending amount')).toEqual({ sum: 3_500_00, total: 3_500_00 });
    expect(sumOf(workbook.worksheets[1]!, 'Pending amount')).toEqual({ sum: 3_500_00, total: 3_500_00 });
  });
});
