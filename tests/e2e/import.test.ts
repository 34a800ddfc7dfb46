import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, newPage, screenshot, startServe, type ServeProcess } from './harness';

let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [serve, browser] = await Promise.all([startServe(), launchBrowser()]);
  page = await newPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('importing Tally XML exports in the browser', () => {
  it('uploads the Masters and Day Book files and shows the imported company', async () => {
    await page.goto(`${serve.url}/#/companies`);
    await page.getByTestId('companies-empty').waitFor();
    const fixtures = path.join(ROOT, 'tests', 'fixtures', 'tally');
    await page
      .getByTestId('import-input')
      .setInputFiles([path.join(fixtures, 'masters.xml'), path.join(fixtures, 'daybook.xml')]);
    await page.getByText(/^Imported \d+ vouchers into Fixture Traders & Co\.$/).waitFor();
    const card = page.getByTestId('company-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Fixture Traders & Co');
    expect(await card.textContent()).toContain('Imported file');
    await screenshot(page, '14-companies-imported');
  });
});
