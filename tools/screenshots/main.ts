/**
 * `npm run screenshots -- --route settings [--select '[data-testid="assistants-settings"]'] --name assistants
 *  [--lang en --lang mr] [--size 1366x768 --size 1920x1080] [--out docs/images]`
 *
 * Pictures of a screen of the demo company for the docs, as users see it: `serve --demo` on a free port,
 * Debian's Chromium (playwright-core), the screen in each language and window size. With --select, the
 * window is scrolled so that element (a section of a long screen) stands at its top.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { spawnServe } from '../../tests/helpers/serve-process';

const { values } = parseArgs({
  options: {
    route: { type: 'string', default: 'dashboard' },
    select: { type: 'string' },
    name: { type: 'string' },
    lang: { type: 'string', multiple: true, default: ['en', 'mr'] },
    size: { type: 'string', multiple: true, default: ['1366x768'] },
    out: { type: 'string', default: path.join('docs', 'images') },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

const sizes = values.size.map((s) => {
  const match = /^(\d+)x(\d+)$/.exec(s);
  if (!match) throw new Error(`--size ${s}: write it WIDTHxHEIGHT, e.g. 1366x768`);
  return { width: Number(match[1]), height: Number(match[2]) };
});
const name = values.name ?? values.route;
mkdirSync(values.out, { recursive: true });
const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-screenshots-'));
const serve = await spawnServe({
  args: ['--data-dir', dataDir, '--demo'],
  env: { ...process.env, REDIS_ENABLED: 'false' },
  startTimeoutMs: 120_000,
});
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
try {
  for (const lang of values.lang) {
    for (const size of sizes) {
      const context = await browser.newContext({
        viewport: size,
        locale: lang === 'en' ? 'en-IN' : `${lang}-IN`,
      });
      const page = await context.newPage();
      await page.goto(`${serve.url}/#/${values.route}`);
      await page.waitForLoadState('networkidle');
      // The language as a user picks it (the setting is the app's, not the browser's).
      await page.getByTestId('language').selectOption(lang);
      await page.waitForLoadState('networkidle');
      const file = path.join(values.out, `${name}-${lang}-${size.width}x${size.height}.png`);
      if (values.select !== undefined) {
        const element = page.locator(values.select).first();
        await element.waitFor();
        // The section at the top of the window, just under the app's sticky header, with the screen around it.
        await element.evaluate((e) => {
          e.scrollIntoView({ block: 'start' });
          const header = document.querySelector('header');
          window.scrollBy(0, -((header?.getBoundingClientRect().height ?? 0) + 12));
        });
        await page.waitForTimeout(400);
        await page.screenshot({ path: file });
      } else {
        await page.waitForTimeout(800);
        await page.screenshot({ path: file });
      }
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await serve.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
