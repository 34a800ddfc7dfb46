import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, newPage, screenshot, startServe, type ServeProcess } from './harness';
import { exportWorkbook } from './print-helpers';
import { headerRowOf } from '../helpers/workbook';

let serve: ServeProcess;
let browser: Browser;
let page: Page;
const timings: Record<string, number | string> = {};

beforeAll(async () => {
  [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  page = await newPage(browser);
  // These tests read where each report came from: Settings › Advanced › diagnostics on.
  await page.addInitScript(() => localStorage.setItem('tallyconnect.diagnostics', 'on'));
});

afterAll(async () => {
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(path.join(ROOT, 'test-output', 'e2e-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
  await serve?.stop();
});

const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .kpi-value`);

/** Milliseconds from navigation start to the dashboard's first painted numbers (Performance API). */
async function dashboardPaint(): Promise<{ painted: number; fcp: number | null }> {
  await page.waitForFunction(() => performance.getEntriesByName('dashboard-painted').length > 0);
  return page.evaluate(() => ({
    painted: performance.getEntriesByName('dashboard-painted')[0]!.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
}

describe('the demo company in a real browser', () => {
  it('opens the dashboard with KPIs, chart, top parties and overdue bills', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await kpi('sales').waitFor();
    const cold = await dashboardPaint();
    timings.firstDashboardPaintColdMs = Math.round(cold.painted);
    timings.firstContentfulPaintColdMs = cold.fcp === null ? 'n/a' : Math.round(cold.fcp);
    // Reloads: the browser has the bundle cached and the server answers from its cache.
    const warm: number[] = [];
    const warmFcp: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await kpi('sales').waitFor();
      const paint = await dashboardPaint();
      warm.push(paint.painted);
      if (paint.fcp !== null) warmFcp.push(paint.fcp);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    timings.firstDashboardPaintWarmMedianMs = Math.round(median(warm));
    timings.firstDashboardPaintWarmMinMs = Math.round(Math.min(...warm));
    timings.firstContentfulPaintWarmMedianMs = Math.round(median(warmFcp));
    timings.loadAverage1m = (await import('node:os')).loadavg()[0]!.toFixed(1);
    timings.cpus = (await import('node:os')).cpus().length;

    expect(await kpi('sales').textContent()).toMatch(/^₹[\d,]+\.\d{2}$/);
    // The chart is a lazily loaded chunk: it follows the KPIs.
    const bars = page.locator('[data-testid="monthly-chart"] .recharts-bar-rectangle');
    await bars.first().waitFor();
    expect(await bars.count()).toBeGreaterThan(12);
    // Really drawn: the bars have height (not just empty groups waiting for an animation).
    const drawn = await page.waitForFunction(() => {
      const rects = document.querySelectorAll<SVGGraphicsElement>(
        '[data-testid="monthly-chart"] .recharts-rectangle',
      );
      const count = Array.from(rects).filter((bar) => bar.getBBox().height > 1).length;
      return count > 12 ? count : 0;
    });
    expect(await drawn.jsonValue()).toBeGreaterThan(12);
    // The dark sidebar runs the full height of this long page, not just the first screen.
    const heights = await page.evaluate(() => ({
      sidebar: document.querySelector('.sidebar')!.getBoundingClientRect().height,
      page: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    expect(heights.page).toBeGreaterThan(heights.viewport);
    expect(heights.sidebar).toBeGreaterThanOrEqual(heights.page - 1);
    expect(await page.locator('[data-testid="top-customers"] li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('served').textContent()).toMatch(/(From cache|Computed) · [\d.]+ ms/);
    await screenshot(page, '01-dashboard');
  });

  it('switches the financial year', async () => {
    const picker = page.getByTestId('fy-picker');
    const years = await picker
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await picker.inputValue();
    const other = years.find((y) => y !== current);
    expect(other, `the demo company should have more than one year (${years.join(', ')})`).toBeDefined();
    const before = await kpi('sales').textContent();
    await picker.selectOption(other!);
    // The year is the session's period, shown in the header for every report.
    await page.waitForFunction(
      (y) => document.querySelector('[data-testid="session-period"]')?.textContent?.includes(`01-04-${y}`),
      other!.slice(0, 4),
    );
    await page.waitForFunction(
      ([y]) => document.querySelector('.page-subtitle')?.textContent?.includes(`01-04-${y!.slice(0, 4)}`),
      [other],
    );
    await page.waitForFunction(
      (b) => document.querySelector('[data-kpi="sales"] .kpi-value')?.textContent !== b,
      before,
    );
    expect(await kpi('sales').textContent()).not.toBe(before);
    await picker.selectOption(current);
    await page.waitForFunction(
      (y) => document.querySelector('[data-testid="session-period"]')?.textContent?.includes(`01-04-${y}`),
      current.slice(0, 4),
    );
  });

  it('opens a ledger statement from a top customer on the dashboard', async () => {
    const first = page.locator('[data-testid="top-customers"] .party-row').first();
    const name = (await first.locator('.party-name').textContent())!;
    await first.click();
    await page.waitForURL(/#\/ledger\?/);
    await page.getByRole('heading', { name }).waitFor();
    const closing = await page.getByTestId('ledger-closing').textContent();
    expect(closing).toMatch(/^₹[\d,]+\.\d{2}( Dr| Cr)?$/);
    expect(
      await page.locator('table[aria-label="Ledger statement"] tbody tr[data-index]').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, '03-ledger');
  });

  it('exports the ledger to .xlsx with the same numbers as on screen', async () => {
    const heading = (await page.locator('.page-header h1').textContent())!;
    const { book, filename } = await exportWorkbook(page, path.join(serve.dataDir, 'ledger.xlsx'));
    expect(filename).toMatch(/\.xlsx$/);
    const ws = book.worksheets[0]!;
    // Company, report and period in the title rows.
    expect(String(ws.getCell(`A${headerRowOf(ws) - 3}`).value)).toContain(heading);
    const headerRow = ws.getRow(headerRowOf(ws));
    expect(headerRow.getCell(1).value).toBe('Date');
    expect(headerRow.getCell(7).value).toBe('Balance');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe('Closing balance');
    // The closing balance cell is a real number in rupees, equal to what the screen shows.
    const closingText = (await page.getByTestId('ledger-closing').textContent())!;
    const shown =
      Number(closingText.replace(/[₹,]|\s?(Dr|Cr)$/g, '')) * (closingText.endsWith('Cr') ? -1 : 1);
    // Balances are written as the amount with a Dr/Cr column beside it.
    expect(last.getCell(7).value).toBeCloseTo(Math.abs(shown), 2);
    expect(last.getCell(8).value).toBe(shown < 0 ? 'Cr' : 'Dr');
    // And once more signed (debit positive), for formulas.
    expect(last.getCell(9).value).toBeCloseTo(shown, 2);
    expect(ws.getRow(headerRowOf(ws) + 1).getCell(1).value).toBeInstanceOf(Date);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('shows receivables with ageing and drills down to a party’s bills', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-kpi="receivables"]').click();
    await page.waitForURL(/#\/outstanding\?/);
    const ageing = page.getByTestId('ageing');
    await ageing.waitFor();
    // Not due, the five ageing buckets and On Account (never aged), as Tally's Bills Receivable.
    expect(await ageing.locator('.ageing-bucket').count()).toBe(7);
    expect(await ageing.textContent()).toContain('0–30 days');
    const parties = page.locator('table[aria-label="Parties"] tbody tr[data-index]');
    expect(await parties.count()).toBeGreaterThan(0);
    await screenshot(page, '04-outstanding');
    const party = (await parties.first().locator('td').first().textContent())!;
    await parties.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Bills of ${party}` }).waitFor();
    expect(await page.locator('table tbody tr[data-index]').count()).toBeGreaterThan(0);
    await screenshot(page, '05-outstanding-bills');
  });

  it('shows trial balance, profit & loss and day book', async () => {
    await page.goto(`${serve.url}/#/trialBalance`);
    await page.getByTestId('tb-check').waitFor();
    expect(await page.getByTestId('tb-check').textContent()).toBe('Debit and credit agree.');
    await screenshot(page, '06-trial-balance');
    await page.goto(`${serve.url}/#/profitLoss`);
    await page.getByTestId('net-profit').waitFor();
    await page.locator('.pl-group summary').first().click();
    await screenshot(page, '07-profit-loss');
    await page.goto(`${serve.url}/#/dayBook`);
    await page.locator('table[aria-label="Day book"] tbody tr[data-index]').first().waitFor();
    await screenshot(page, '08-day-book');
  });

  it('lists the companies', async () => {
    await page.goto(`${serve.url}/#/companies`);
    await page.getByTestId('company-card').first().waitFor();
    expect(
      Number((await page.getByTestId('voucher-count').first().textContent())!.replace(/,/g, '')),
    ).toBeGreaterThan(0);
    await screenshot(page, '02-companies');
  });

  it('clears the cache from the cache panel', async () => {
    // Fill the cache first by opening a report.
    await page.goto(`${serve.url}/#/dashboard`);
    await kpi('sales').waitFor();
    await page.goto(`${serve.url}/#/cache`);
    const keys = page.getByTestId('cache-key-count');
    await keys.waitFor();
    expect(Number(await keys.textContent())).toBeGreaterThan(0);
    await screenshot(page, '09-cache');
    await page.getByTestId('cache-clear-all').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cache-key-count"]')?.textContent === '0',
    );
    await page.getByText('The cache is empty.').waitFor();
  });

  it('shows the settings', async () => {
    await page.goto(`${serve.url}/#/settings`);
    await page.getByRole('textbox', { name: 'Tally host' }).waitFor();
    await screenshot(page, '10-settings');
  });

  it('switches the language to Marathi', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await kpi('sales').waitFor();
    await page.getByTestId('language').selectOption('mr');
    await page.getByRole('link', { name: 'डॅशबोर्ड' }).waitFor();
    expect(await page.locator('[data-kpi="sales"] .kpi-label').textContent()).toBe('विक्री');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('mr');
    await screenshot(page, '11-dashboard-marathi');
    await page.goto(`${serve.url}/#/outstanding`);
    await page.getByTestId('ageing').waitFor();
    expect(await page.getByTestId('ageing').textContent()).toContain('दिवस');
    await screenshot(page, '12-outstanding-marathi');
    // Stays Marathi after a reload.
    await page.reload();
    await page.getByRole('link', { name: 'डॅशबोर्ड' }).waitFor();
    await page.getByTestId('language').selectOption('en');
  });
});
