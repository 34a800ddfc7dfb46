import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnServe } from '../helpers/serve-process';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ServeProcess {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run serve` (via tsx) on a free port with a fresh data folder; resolves when it listens. */
export async function startServe(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<ServeProcess> {
  if (!existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run npm run build:renderer first (npm run test:e2e does).');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-e2e-'));
  const args = ['--data-dir', dataDir];
  if (options.demo) args.push('--demo');
  const serve = await spawnServe({
    args,
    env: { ...process.env, REDIS_ENABLED: 'false', ...options.env },
    startTimeoutMs: 120_000,
  });
  return {
    url: serve.url,
    dataDir,
    output: serve.output,
    async stop() {
      await serve.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function newPage(browser: Browser, downloadsPath?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'en-IN',
    ...(downloadsPath ? {} : {}),
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let charts finish their entry animation so the picture shows the real bars.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
