import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CompanyProfile } from '../../shared/types/collections';
import type { CompanySummary, DayBook, LedgerRef, LedgerStatement } from '../../shared/types/reports';
import { callInPage } from '../helpers/serve-api';
import { ROOT, lastFullYear, openDemo, type ServeProcess } from './harness';
import { exportWorkbook, pdfPageText as pageText, printToPdf } from './print-helpers';
import { headerRowOf } from '../helpers/workbook';

/** Printed documents as PDF and as PNG pages (60 dpi), kept to be looked at. */
const PRINTS = path.join(ROOT, 'test-output', 'print');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
/** A whole financial year that has ended (April to March). */
let year: { from: string; to: string };

const call = <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  callInPage<T>(page, operation, input);

beforeAll(async () => {
  rmSync(PRINTS, { recursive: true, force: true });
  mkdirSync(PRINTS, { recursive: true });
  ({ serve, browser, page, company } = await openDemo({ printable: true }));
  year = lastFullYear(company);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('whole-period export and paper-grade print', () => {
  it('exports every voucher of a full year from the day book, whatever page is in view', async () => {
    await page.goto(`${serve.url}/#/dayBook?from=${year.from}&to=${year.to}`);
    await page.locator('table[aria-label="Day book"] tbody tr[data-index]').first().waitFor();
    const first = await call<{ data: DayBook }>('dayBook.get', {
      companyGuid: company.guid,
      ...year,
      page: 1,
      pageSize: 1,
    });
    const total = first.data.totalVouchers;
    // More than a page: the export must reach past the page on screen.
    expect(total).toBeGreaterThan(1000);
    const { book, filename } = await exportWorkbook(page, path.join(serve.dataDir, 'day-book.xlsx'));
    expect(filename).toBe(
      `${company.name} - Day book - Period ${year.from.split('-').reverse().join('-')} to ${year.to.split('-').reverse().join('-')}.xlsx`,
    );
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(company.name);
    // The company's address and GSTIN (company.profile) under its name in the title rows.
    const { address, gstin } = await letterheadOfDemo();
    expect(ws.getCell('A2').value).toBe(address);
    expect(ws.getCell('A3').value).toBe(gstin);
    const header = headerRowOf(ws);
    expect(ws.getRow(header).getCell(1).value).toBe('Date');
    // Title rows, a blank row, the header, the vouchers, the totals row.
    const rows: string[] = [];
    for (let r = header + 1; r < ws.rowCount; r += 1) {
      const row = ws.getRow(r);
      const day = row.getCell(1).value as Date;
      rows.push(
        `${day.toISOString().slice(0, 10)}|${String(row.getCell(3).value)}|${String(row.getCell(4).value ?? '')}`,
      );
    }
    expect(rows).toHaveLength(total);
    expect(ws.getRow(ws.rowCount).getCell(2).value).toBe('Total');
    // Every voucher of the core's day book is in the file, once.
    const all: string[] = [];
    for (let p = 1; all.length < total; p += 1) {
      const book = await call<{ data: DayBook }>('dayBook.get', {
        companyGuid: company.guid,
        ...year,
        page: p,
        pageSize: 5000,
      });
      all.push(...book.data.vouchers.map((v) => `${v.date}|${v.voucherType}|${v.voucherNumber}`));
      if (book.data.vouchers.length === 0) break;
    }
    expect([...rows].sort()).toEqual([...all].sort());
  });

  it('filters the day book by voucher type over the whole period and exports the filtered list', async () => {
    const types = (
      await call<{ data: DayBook }>('dayBook.get', {
        companyGuid: company.guid,
        ...year,
        page: 1,
        pageSize: 1,
      })
    ).data.voucherTypes;
    const receipt = types.find((t) => t.name === 'Receipt')!;
    await page.locator('.type-filter summary').click();
    await page
      .locator('.type-filter label', { hasText: /^\s*Receipt/ })
      .locator('input')
      .check();
    await page.getByText(`Receipt (${receipt.count.toLocaleString('en-IN')})`).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table[aria-label="Day book"] tbody tr[data-index]')].every((r) =>
        r.textContent?.includes('Receipt'),
      ),
    );
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV' }).click(),
    ]);
    const file = path.join(serve.dataDir, 'receipts.csv');
    await csv.saveAs(file);
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    const lines = text.trim().split('\r\n');
    // 3 title rows, a blank row, the header, the receipts, the totals.
    expect(lines.length - 6).toBe(receipt.count);
    expect(lines[2]).toContain('Voucher types: Receipt');
  });

  it('prints a ledger to PDF with headings and a brought-forward line on page 2, page X of Y on every page', async () => {
    const parties = await call<LedgerRef[]>('ledgers.search', {
      companyGuid: company.guid,
      query: '',
      limit: 500,
    });
    let best: { guid: string; lines: number } = { guid: '', lines: 0 };
    for (const party of parties.filter((l) => l.group === 'Sundry Debtors').slice(0, 40)) {
      const s = await call<{ data: LedgerStatement }>('ledger.statement', {
        companyGuid: company.guid,
        ledgerGuid: party.guid,
        ...year,
        pageSize: 1,
      });
      if (s.data.matchingLines > best.lines) best = { guid: party.guid, lines: s.data.matchingLines };
    }
    expect(best.lines).toBeGreaterThan(60);
    await page.goto(`${serve.url}/#/ledger?l=${best.guid}&from=${year.from}&to=${year.to}`);
    await page.locator('table[aria-label="Ledger statement"] tbody tr[data-index]').first().waitFor();
    const { pdf, sections, pages } = await printToPdf(page, PRINTS, 'ledger');
    expect(pages).toBeGreaterThan(1);
    // The document was laid out into exactly the pages the PDF has (nothing spilled over).
    expect(pages).toBe(sections);
    const one = pageText(pdf, 1);
    expect(one).toContain(company.name);
    expect(one).toContain(`Page 1 of ${pages}`);
    expect(one).toMatch(/Opening/);
    expect(one).toMatch(/Carried forward/);
    const two = pageText(pdf, 2);
    expect(two).toContain(company.name);
    expect(two).toContain(`Page 2 of ${pages}`);
    expect(two).toMatch(/Date\s+Particulars\s+Vch type\s+Vch no\.\s+Debit\s+Credit\s+Balance/);
    expect(two).toMatch(/Brought forward/);
    expect(two).not.toMatch(/Opening/);
    const last = pageText(pdf, pages);
    expect(last).toMatch(/Closing/);
    expect(last).not.toMatch(/Carried forward/);
    // No on-screen chrome on paper (the Print and Excel buttons); the page says when it was printed.
    expect(one).not.toMatch(/From cache|Computed|Excel|Print(?!ed on)/);
    expect(one).toMatch(/Printed on \d\d-\d\d-\d{4} \d\d:\d\d/);
    expect(readdirSync(PRINTS).filter((f) => f.startsWith('ledger-') && f.endsWith('.png'))).toHaveLength(
      pages,
    );
  });

  const reports: [string, string][] = [
    // A month of it: a full year is well over a hundred pages.
    ['day-book', `#/dayBook?from=YFROM&to=YMONTH`],
    ['trial-balance', `#/trialBalance?from=YFROM&to=YTO`],
    ['profit-loss', `#/profitLoss?from=YFROM&to=YTO`],
    ['balance-sheet', `#/balanceSheet?from=YFROM&to=YTO`],
    ['outstanding', `#/outstanding`],
    ['group-summary', `#/groupSummary?g=Sundry%20Debtors&from=YFROM&to=YTO`],
    ['stock-summary', `#/stockSummary?from=YFROM&to=YTO`],
  ];
  it.each(reports)('prints the %s as numbered A4 pages', async (name, hash) => {
    const month = `${year.from.slice(0, 8)}30`;
    await page.goto(
      `${serve.url}/${hash.replace('YFROM', year.from).replace('YTO', year.to).replace('YMONTH', month)}`,
    );
    await page.getByTestId('print-report').waitFor();
    await page.locator('table tbody tr, .pl-group, .bs-side').first().waitFor();
    const { pdf, sections, pages } = await printToPdf(page, PRINTS, name);
    expect(pages).toBe(sections);
    const { address, gstin } = await letterheadOfDemo();
    for (let p = 1; p <= pages; p += 1) {
      const text = pageText(pdf, p);
      expect(text).toContain(company.name);
      expect(text).toContain(`Page ${p} of ${pages}`);
      // The company's letterhead and the printed-on line on every page, not only the first.
      expect(text).toContain(address);
      expect(text).toContain(gstin);
      expect(text).toMatch(PRINTED_ON);
    }
  });

  it('prints the trial balance with the letterhead, page k of N and the printed-on line on every page, in English and मराठी', async () => {
    const { address, gstin } = await letterheadOfDemo();
    const counts: number[] = [];
    for (const language of ['en', 'mr'] as const) {
      await page.goto(`${serve.url}/#/trialBalance?from=${year.from}&to=${year.to}`);
      await page.getByTestId('language').selectOption(language);
      await page.getByTestId('print-report').waitFor();
      await page.locator('table tbody tr').first().waitFor();
      const { pdf, sections, pages } = await printToPdf(page, PRINTS, `trial-balance-letterhead-${language}`);
      expect(pages).toBe(sections);
      expect(pages).toBeGreaterThan(1);
      counts.push(pages);
      const pageWords =
        language === 'en' ? (k: number) => `Page ${k} of ${pages}` : (k: number) => `पान ${k} (एकूण ${pages})`;
      for (let k = 1; k <= pages; k += 1) {
        const text = pageText(pdf, k);
        expect(text).toContain(company.name);
        expect(text, `page ${k}`).toContain(address);
        expect(text, `page ${k}`).toContain(gstin);
        // pdftotext splits some Devanagari clusters with a space ("एकू ण"): compared without spaces.
        expect(text.replace(/\s+/g, ''), `page ${k}`).toContain(pageWords(k).replace(/\s+/g, ''));
        expect(text, `page ${k}`).toMatch(language === 'en' ? PRINTED_ON : /छपाई \d\d-\d\d-\d{4} \d\d:\d\d/);
        // Nothing of the screen on paper.
        expect(text).not.toMatch(/Excel|CSV|Save PDF/);
      }
    }
    expect(counts[1]).toBe(counts[0]);
    await page.getByTestId('language').selectOption('en');
  });
});

/** "Printed on 07-12-2026 09:15 pm": India's date and time, under the page number. */
const PRINTED_ON = /Printed on \d\d-\d\d-\d{4} \d\d:\d\d [ap]m/;

/** The demo company's address line and GSTIN as its profile (company.profile) has them. */
async function letterheadOfDemo(): Promise<{ address: string; gstin: string }> {
  const profile = await call<CompanyProfile>('company.profile', { companyGuid: company.guid });
  expect(profile.gstin).toMatch(/^27[0-9A-Z]{13}$/);
  expect(profile.address.length).toBeGreaterThan(0);
  return {
    address: `${profile.address.join(', ')}, ${profile.state} - ${profile.pincode}`,
    gstin: `GSTIN: ${profile.gstin}`,
  };
}
