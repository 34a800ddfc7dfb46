import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CompanySummary } from '../../shared/types/reports';
import { callInPage } from '../helpers/serve-api';
import { spawnServe } from '../helpers/serve-process';
import { stubPrintDialog } from './print-helpers';

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

/** A page in a fresh context (1440×900 unless `viewport` says), downloads on, every dialog accepted. */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'en-IN',
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

export interface DemoSession {
  serve: ServeProcess;
  browser: Browser;
  page: Page;
  /** The demo company (the first the company list names). */
  company: CompanySummary;
}

/**
 * `serve --demo` and Chromium, started side by side; a page (see newPage) on the company list, its print
 * dialog stubbed when `printable`; and the demo company as the API lists it. Stops both if a step fails.
 */
export async function openDemo(
  options: { viewport?: { width: number; height: number }; printable?: boolean } = {},
): Promise<DemoSession> {
  const [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  try {
    const page = await newPage(browser, options.viewport ? { viewport: options.viewport } : {});
    if (options.printable) await stubPrintDialog(page);
    await page.goto(`${serve.url}/#/companies`);
    const companies = await callInPage<{ data: CompanySummary[] }>(page, 'companies.list', {});
    return { serve, browser, page, company: companies.data[0]! };
  } catch (error) {
    await browser.close();
    await serve.stop();
    throw error;
  }
}

/** A whole financial year, April to March: the second the company lists (the demo's last full one), else the first. */
export function lastFullYear(company: CompanySummary): { from: string; to: string } {
  const fy = company.financialYears[1] ?? company.financialYears[0]!;
  const start = Number(fy.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let charts finish their entry animation so the picture shows the real bars.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
