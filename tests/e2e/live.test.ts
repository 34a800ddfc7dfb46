import type { Browser, Page } from 'playwright-core';
import { generateDemoCompany } from '../../electron/core/demo/generator';
import { startTallySimulator, type TallySimulator } from '../../tools/tally-sim/server';
import { launchBrowser, newPage, screenshot, startServe, type ServeProcess } from './harness';

let sim: TallySimulator;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  sim = await startTallySimulator([generateDemoCompany({ vouchers: 1500, seed: 11 })]);
  [serve, browser] = await Promise.all([
    startServe({
      env: {
        TALLY_HOST: '127.0.0.1',
        TALLY_PORT: String(sim.port),
        LIVE_MODE: 'true',
        LIVE_INTERVAL_SECONDS: '2',
      },
    }),
    launchBrowser(),
  ]);
  page = await newPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await sim?.stop();
});

const SALES = '[data-kpi="sales"] .kpi-value';

describe('live books in a real browser', () => {
  it('shows a voucher saved in Tally on the open dashboard without a reload', async () => {
    await page.goto(`${serve.url}/#/companies`);
    await page.getByTestId('sync-all').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-progress"]')?.getAttribute('data-phase') === 'done',
      null,
      { timeout: 90_000 },
    );
    // The Companies screen has the switch, on, and says it watches Tally.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-status"]')?.getAttribute('data-state') === 'watching',
      null,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId('live-toggle').isChecked()).toBe(true);

    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator(SALES).waitFor();
    const before = await page.locator(SALES).textContent();
    // A mark that a reload would wipe out.
    await page.evaluate(() => {
      (window as unknown as { liveMark: number }).liveMark = 42;
    });

    const added = await fetch(`${sim.url}/_sim/add`, { method: 'POST' });
    expect(added.status).toBe(200);

    await page.waitForFunction(
      (b) => {
        const text = document.querySelector('[data-kpi="sales"] .kpi-value')?.textContent;
        return typeof text === 'string' && text !== b;
      },
      before,
      { timeout: 60_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
    expect(await page.getByTestId('live-updated').textContent()).toBe('Updated just now');
    await screenshot(page, '40-dashboard-live-updated');
  });
});
