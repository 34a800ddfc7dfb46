import type { Browser, Page } from 'playwright-core';
import { generateDemoCompany } from '../../electron/core/demo/generator';
import { startTallySimulator, type TallySimulator } from '../../tools/tally-sim/server';
import { launchBrowser, newPage, screenshot, startServe, type ServeProcess } from './harness';

let sim: TallySimulator;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  sim = await startTallySimulator([generateDemoCompany({ vouchers: 1500, seed: 7 })]);
  [serve, browser] = await Promise.all([
    startServe({ env: { TALLY_HOST: '127.0.0.1', TALLY_PORT: String(sim.port) } }),
    launchBrowser(),
  ]);
  page = await newPage(browser);
  // Tally's own words for a failed sync are shown with Settings › Advanced › diagnostics on.
  await page.addInitScript(() => localStorage.setItem('tallyconnect.diagnostics', 'on'));
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await sim?.stop();
});

const salesText = () => page.locator('[data-kpi="sales"] .kpi-value').textContent();

describe('syncing from Tally (simulator) in a real browser', () => {
  it('starts empty, tests the connection and syncs with a progress bar that finishes', async () => {
    await page.goto(`${serve.url}/#/companies`);
    await page.getByTestId('companies-empty').waitFor();
    await screenshot(page, '00-companies-empty');

    await page.getByTestId('tally-test').click();
    const result = page.getByTestId('tally-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(sim.companies[0]!.name);

    await page.getByTestId('sync-all').click();
    const bar = page.getByTestId('sync-progress');
    await bar.waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-progress"]')?.getAttribute('data-phase') === 'done',
      null,
      {
        timeout: 90_000,
      },
    );
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await page.getByTestId('company-card').first().waitFor();
    expect(await page.getByTestId('company-card').first().textContent()).toContain(sim.companies[0]!.name);
    await screenshot(page, '13-companies-synced');
  });

  it('shows new numbers on the dashboard after Tally changes and the next sync', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    const before = await salesText();

    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${sim.url}/_sim/add`, { method: 'POST' });
      expect(res.status).toBe(200);
    }
    await page.goto(`${serve.url}/#/companies`);
    const card = page.getByTestId('company-card').first();
    const vouchersBefore = Number((await card.getByTestId('voucher-count').textContent())!.replace(/,/g, ''));
    await card.getByRole('button', { name: /Sync now/ }).click();
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="voucher-count"]')?.textContent?.replace(/,/g, '')) ===
        n + 3,
      vouchersBefore,
      { timeout: 90_000 },
    );
    expect(await page.getByTestId('sync-progress').getAttribute('data-phase')).toBe('done');

    await page.goto(`${serve.url}/#/dashboard`);
    await page.waitForFunction((b) => {
      const text = document.querySelector('[data-kpi="sales"] .kpi-value')?.textContent;
      return text !== undefined && text !== null && text !== b;
    }, before);
    expect(await salesText()).not.toBe(before);
  });

  it('says in plain words when a sync fails, and keeps the books as they were', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    const before = await salesText();
    // Something changed in Tally, but its answer with the vouchers breaks off with an error.
    expect((await fetch(`${sim.url}/_sim/add`, { method: 'POST' })).status).toBe(200);
    sim.addFault({ match: 'TCVouchers', times: 10, fault: { kind: 'error', message: 'Memory full' } });
    try {
      await page.goto(`${serve.url}/#/companies`);
      const card = page.getByTestId('company-card').first();
      await card.getByRole('button', { name: /Sync now/ }).click();
      // The card says so, with Tally's words, and its status is no longer "Up to date".
      const notice = card.getByTestId('company-sync-error');
      await notice.waitFor({ timeout: 90_000 });
      expect(await notice.textContent()).toContain('Tally answered: Memory full');
      expect(await card.locator('.pill').textContent()).toBe('Sync failed');
      await screenshot(page, '15-companies-sync-failed');
    } finally {
      sim.clearFaults();
    }
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    expect(await salesText()).toBe(before);
  });
});
