import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServe, type ServeProcess } from './harness';

/**
 * What jsdom cannot show: text cut with … where an accountant must read it, and checkboxes drawn
 * above their labels; at 1366×768 and 1920×1080, in English, Marathi and Hindi.
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let ids: { ledger: string; item: string | undefined; from: string; to: string };

beforeAll(async () => {
  [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
  page = await context.newPage();
  await page.goto(`${serve.url}/#/dashboard`);
  await page.getByTestId('language').waitFor();
  ids = await page.evaluate(async () => {
    const token = document.querySelector('meta[name="tallyconnect-token"]')?.getAttribute('content') ?? '';
    const call = async (op: string, body: object) => {
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tallyconnect-token': token },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { data: unknown }).data;
    };
    const companies = (await call('companies.list', {})) as {
      data: { guid: string; financialYears: string[] }[];
    };
    const company = companies.data[0]!;
    // The busiest year of the demo: the last full one.
    const fy = company.financialYears[1] ?? company.financialYears[0]!;
    const from = `${fy.slice(0, 4)}-04-01`;
    const to = `${Number(fy.slice(0, 4)) + 1}-03-31`;
    const ledgers = (await call('ledgers.search', {
      companyGuid: company.guid,
      query: '',
      limit: 1,
    })) as { guid: string }[];
    const stock = (await call('stockSummary.get', { companyGuid: company.guid, from, to })) as {
      data: { rows: { guid: string; kind: string }[] };
    };
    return {
      ledger: ledgers[0]!.guid,
      item: stock.data.rows.find((r) => r.kind === 'item')?.guid,
      from,
      to,
    };
  });
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** Texts of the elements (matching the selector) whose text is cut: wider than the box shows. */
const cutTexts = (selector: string) =>
  page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll<HTMLElement>(sel))
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent ?? ''),
    selector,
  );

describe('nothing an accountant must read is cut, and checkboxes sit beside their words', () => {
  it.each([
    [1366, 768],
    [1920, 1080],
  ])('at %i×%i', async (width, height) => {
    await page.setViewportSize({ width, height });
    for (const language of ['en', 'mr', 'hi'] as const) {
      await page.goto(`${serve.url}/#/dashboard`);
      await page.getByTestId('language').selectOption(language);

      await page.goto(`${serve.url}/#/ledger?l=${ids.ledger}&from=${ids.from}&to=${ids.to}`);
      await page.locator('.summary-strip').waitFor();
      await screenshot(page, `words-${width}-${language}-ledger`, false);
      expect(await cutTexts('.summary-strip span, .summary-strip strong'), `ledger ${language}`).toEqual([]);
      expect(await cutTexts('.nav-label'), `menu ${language}`).toEqual([]);

      if (ids.item) {
        await page.goto(`${serve.url}/#/stockItem?i=${ids.item}&from=${ids.from}&to=${ids.to}`);
        await page.getByTestId('stock-item-figures').waitFor();
        await screenshot(page, `words-${width}-${language}-stock-item`, false);
        expect(
          await cutTexts(
            '[data-testid="stock-item-figures"] span, [data-testid="stock-item-figures"] strong',
          ),
          `stock item ${language}`,
        ).toEqual([]);
        // The strip is drawn whole inside the page (none of it clipped on the right).
        const strip = await page.getByTestId('stock-item-figures').boundingBox();
        const cells = await page
          .getByTestId('stock-item-figures')
          .locator(':scope > div')
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
        expect(Math.max(...cells)).toBeLessThanOrEqual(strip!.x + strip!.width + 1);
      }

      await page.goto(`${serve.url}/#/settings`);
      await page.getByTestId('live-settings').waitFor();
      await screenshot(page, `words-${width}-${language}-settings`, true);
      // A checkbox is at the left of its words, on their line (not centred above them).
      const checks = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLInputElement>('label.field-check input[type="checkbox"]'))
          .filter((box) => box.offsetParent !== null)
          .map((box) => {
            const words = box.parentElement!.querySelector('span')!.getBoundingClientRect();
            const b = box.getBoundingClientRect();
            return { left: b.right <= words.left, sameLine: b.top < words.bottom && b.bottom > words.top };
          }),
      );
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) expect(check, language).toEqual({ left: true, sameLine: true });
      expect(await page.getByTestId('live-label').textContent()).not.toBe('');
    }
    await page.goto(`${serve.url}/#/dashboard`);
    await page.getByTestId('language').selectOption('en');
  });
});
