import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { RegisterSummary, RegisterVouchers } from '../../shared/types/registers';
import type { CompanySummary } from '../../shared/types/reports';
import { callInPage } from '../helpers/serve-api';
import { ROOT, lastFullYear, openDemo, screenshot, type ServeProcess } from './harness';
import { exportWorkbook, pdfPageText as pageText, printToPdf } from './print-helpers';
import { headerRowOf } from '../helpers/workbook';

/**
 * The Sales Register in serve --demo: months → a month's vouchers → a voucher, printed and exported; the
 * PDFs (with PNG pages) and workbooks kept under test-output/registers to be looked at.
 */
const OUT = path.join(ROOT, 'test-output', 'registers');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
let year: { from: string; to: string };

const call = <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  callInPage<T>(page, operation, input);

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  ({ serve, browser, page, company } = await openDemo({
    viewport: { width: 1366, height: 768 },
    printable: true,
  }));
  year = lastFullYear(company);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

const print = (name: string) => printToPdf(page, OUT, name);

async function workbook(name: string): Promise<ExcelJS.Worksheet> {
  const { book } = await exportWorkbook(page, path.join(OUT, `${name}.xlsx`));
  return book.worksheets[0]!;
}

/** Column number of a header in the header row (after the title rows and a blank row). */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(headerRowOf(ws));
  for (let c = 1; c <= row.cellCount; c += 1) if (row.getCell(c).value === header) return c;
  throw new Error(`No column "${header}"`);
}
const paise = (value: ExcelJS.CellValue): number => Math.round(Number(value ?? 0) * 100);

describe('Sales Register in the browser', () => {
  it('opens from the menu, drills month → vouchers → voucher, prints and exports summaries that add up', async () => {
    await page.goto(`${serve.url}/#/dashboard?from=${year.from}&to=${year.to}`);
    await page.getByRole('link', { name: 'Sales register' }).click();
    await page.waitForURL(/#\/salesRegister/);
    // The year under test (the menu opens the session's period).
    await page.goto(`${serve.url}/#/salesRegister?from=${year.from}&to=${year.to}`);
    const grid = page.locator('table[aria-label="Sales Register"]');
    await grid.locator('tbody tr').first().waitFor();
    const summary = (
      await call<{ data: RegisterSummary }>('register.summary', {
        companyGuid: company.guid,
        voucherType: 'Sales',
        ...year,
      })
    ).data;
    expect(summary.months).toHaveLength(12);
    expect(summary.totalCredit).toBeGreaterThan(0);
    await screenshot(page, 'registers-sales-en', false);

    // Print: the months, the totals and the page's furniture.
    const printed = await print('sales-register');
    const text = Array.from({ length: printed.pages }, (_, i) => pageText(printed.pdf, i + 1)).join('\n');
    expect(text).toContain('Sales Register');
    expect(text).toContain(company.name);
    expect(text).toMatch(/Page 1 of \d+/);
    const inr = (p: number) =>
      new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(p / 100);
    expect(text).toContain(inr(summary.totalCredit));

    // Excel: one row per month; SUM over the month rows of each amount column equals the total row.
    const ws = await workbook('sales-register');
    expect(ws.getCell('A1').value).toBe(company.name);
    const first = headerRowOf(ws) + 1;
    const last = first + summary.months.length - 1;
    expect(ws.getRow(last + 1).getCell(1).value).toBe('Total');
    for (const header of ['Debit', 'Credit', 'Net (Dr +, Cr −)', 'Vouchers']) {
      const c = columnOf(ws, header);
      let sum = 0;
      for (let r = first; r <= last; r += 1)
        sum +=
          header === 'Vouchers'
            ? Number(ws.getRow(r).getCell(c).value ?? 0)
            : paise(ws.getRow(r).getCell(c).value);
      const total = ws.getRow(last + 1).getCell(c).value;
      expect({ header, sum }).toEqual({ header, sum: header === 'Vouchers' ? Number(total) : paise(total) });
    }
    expect(paise(ws.getRow(last + 1).getCell(columnOf(ws, 'Credit')).value)).toBe(summary.totalCredit);

    // Enter on the busiest month opens its vouchers.
    const busiest = summary.months.reduce((a, m) => (m.vouchers > a.vouchers ? m : a));
    const label = new Intl.DateTimeFormat('en-IN', { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${busiest.month}-01T00:00:00Z`),
    );
    const row = grid.locator('tbody tr', { hasText: `${label} ${busiest.month.slice(2, 4)}` });
    await row.click();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/registerVouchers\?/);
    const list = page.locator('table[aria-label="Sales Register - Voucher Register"]');
    await list.locator('tbody tr').first().waitFor();
    const month = (
      await call<{ data: RegisterVouchers }>('register.vouchers', {
        companyGuid: company.guid,
        voucherType: 'Sales',
        from: busiest.from,
        to: busiest.to,
        page: 1,
        pageSize: 5000,
      })
    ).data;
    expect(month.totalCredit).toBe(busiest.credit);
    expect(month.countedVouchers).toBe(busiest.vouchers);
    await screenshot(page, 'registers-month-en', false);

    const monthSheet = await workbook('sales-register-month');
    const credit = columnOf(monthSheet, 'Credit');
    const debit = columnOf(monthSheet, 'Debit');
    const totalRow = monthSheet.rowCount;
    expect(monthSheet.getRow(totalRow).getCell(2).value).toBe('Total');
    let credits = 0;
    let debits = 0;
    const firstRow = headerRowOf(monthSheet) + 1;
    for (let r = firstRow; r < totalRow; r += 1) {
      credits += paise(monthSheet.getRow(r).getCell(credit).value);
      debits += paise(monthSheet.getRow(r).getCell(debit).value);
    }
    expect(totalRow - firstRow).toBe(month.listedVouchers);
    expect({ credits, debits }).toEqual({
      credits: paise(monthSheet.getRow(totalRow).getCell(credit).value),
      debits: paise(monthSheet.getRow(totalRow).getCell(debit).value),
    });
    expect(credits).toBe(busiest.credit);

    const printedMonth = await print('sales-register-month');
    const lastPage = pageText(printedMonth.pdf, printedMonth.pages);
    expect(lastPage).toContain('Total');
    expect(lastPage).toContain(inr(busiest.credit));
    expect(pageText(printedMonth.pdf, 1)).toContain('Voucher Register');

    // Enter on the first voucher opens it.
    const firstVoucher = month.vouchers[0]!;
    await list.locator('tbody tr').first().click();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/voucher\?/);
    expect(page.url()).toContain(`v=${encodeURIComponent(firstVoucher.guid)}`);
    await page.getByRole('heading', { name: new RegExp(firstVoucher.voucherNumber) }).waitFor();
  });

  it('looks right in Marathi', async () => {
    await page.goto(`${serve.url}/#/salesRegister?from=${year.from}&to=${year.to}`);
    await page.getByTestId('language').selectOption('mr');
    await page.locator('table[aria-label="विक्री नोंदवही"] tbody tr').first().waitFor();
    await screenshot(page, 'registers-sales-mr', false);
    await page.getByTestId('language').selectOption('en');
  });
});
