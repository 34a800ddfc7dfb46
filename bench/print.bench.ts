/**
 * `npm run bench:print`: printing whole reports (issue 25 §3).
 *
 * `serve --demo` in its own process, Chromium (playwright-core) as the print engine, the built renderer:
 *
 *   1. The demo company's full-year day book: from the Print click to the laid-out pages (fetching every
 *      voucher of the year, measuring and paginating), then Chromium printing them to PDF (page.pdf, what
 *      the print dialog and Electron's printToPDF do). Target: ≤ 3 s for both together.
 *   2. The busiest party's ledger for the year: its lines and pages (target: 309 lines in ≤ 12 pages).
 *   3. Baseline, same run: Chromium printing a plain HTML table of the same day book (one row a voucher,
 *      nothing measured or paginated by us) to PDF: the floor any print of that many rows pays.
 *
 * Median of BENCH_ROUNDS (3) rounds after one warm-up. Results go to docs/BENCHMARKS.md, section
 * "## Printing (issue 25)".
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { pdfPageCount } from '../tests/helpers/pdf';
import { callInPage } from '../tests/helpers/serve-api';
import { spawnServe } from '../tests/helpers/serve-process';
import { replaceSection } from './reports-section';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (n: number) => `${Math.round(n).toLocaleString('en-IN')} ms`;

async function call<T>(page: Page, operation: string, input: Record<string, unknown>): Promise<T> {
  const data = await callInPage<{ data?: T } | T>(page, operation, input);
  // Reports come served ({ data, source, tookMs }); lists come as they are.
  return data !== null && typeof data === 'object' && 'data' in data ? (data.data as T) : (data as T);
}

/** The last PDF of each report, kept to be looked at (git-ignored). */
const KEEP = path.join(ROOT, 'test-output', 'print-bench');

/** Clicks Print on the report in view; the time to the laid-out pages, then to the PDF. */
async function printOnce(
  page: Page,
  keep?: string,
): Promise<{ layoutMs: number; pdfMs: number; pages: number; rowsHtml: string }> {
  await page.evaluate(() => document.getElementById('pd-root')?.replaceChildren());
  const start = performance.now();
  await page.getByTestId('print-report').click();
  await page.locator('#pd-root section.pd-page').first().waitFor({ state: 'attached', timeout: 120_000 });
  const layoutMs = performance.now() - start;
  const pages = await page.locator('#pd-root section.pd-page').count();
  // The rows as laid out (printing to PDF fires afterprint, which clears the document).
  const rowsHtml = await page.evaluate(() =>
    [...document.querySelectorAll('#pd-root tbody tr')].map((tr) => tr.outerHTML).join(''),
  );
  const pdfStart = performance.now();
  await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    ...(keep ? { path: path.join(KEEP, `${keep}.pdf`) } : {}),
  });
  return { layoutMs, pdfMs: performance.now() - pdfStart, pages, rowsHtml };
}

async function main(): Promise<void> {
  mkdirSync(KEEP, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-bench-print-'));
  const serve = await spawnServe({
    args: ['--data-dir', dataDir, '--demo'],
    env: { ...process.env, REDIS_ENABLED: 'false' },
    startTimeoutMs: 180_000,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    await page.goto(`${serve.url}/#/companies`);
    const companies = await call<{ guid: string; name: string; financialYears: string[] }[]>(
      page,
      'companies.list',
      {},
    );
    const company = companies[0]!;
    const fy = company.financialYears[1] ?? company.financialYears[0]!;
    const startYear = Number(fy.slice(0, 4));
    const year = { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };

    // 1. The full-year day book.
    await page.goto(`${serve.url}/#/dayBook?from=${year.from}&to=${year.to}`);
    await page.locator('table[aria-label="Day book"] tbody tr[data-index]').first().waitFor();
    const vouchers = (
      await call<{ totalVouchers: number }>(page, 'dayBook.get', {
        companyGuid: company.guid,
        ...year,
        page: 1,
        pageSize: 1,
      })
    ).totalVouchers;
    await printOnce(page, 'day-book');
    const dayBook: Awaited<ReturnType<typeof printOnce>>[] = [];
    for (let i = 0; i < ROUNDS; i += 1) dayBook.push(await printOnce(page));
    const dayBookPages = dayBook[0]!.pages;
    const layoutMs = median(dayBook.map((r) => r.layoutMs));
    const pdfMs = median(dayBook.map((r) => r.pdfMs));
    const totalMs = median(dayBook.map((r) => r.layoutMs + r.pdfMs));

    // 3. Baseline: a plain table of the same vouchers printed by Chromium alone.
    const rowsHtml = dayBook[0]!.rowsHtml;
    if (rowsHtml.length < 1000) throw new Error('The day book printed no rows to copy for the baseline.');
    const plain = await (await browser.newContext()).newPage();
    await plain.setContent(
      `<style>@page{size:A4 landscape;margin:10mm}body{font:8.5pt sans-serif}table{border-collapse:collapse;width:100%}</style><table><tbody>${rowsHtml}</tbody></table>`,
    );
    const baseline: number[] = [];
    let baselinePages = 0;
    for (let i = 0; i <= ROUNDS; i += 1) {
      const start = performance.now();
      const file = path.join(dataDir, 'baseline.pdf');
      await plain.pdf({ path: file, preferCSSPageSize: true });
      if (i > 0) baseline.push(performance.now() - start);
      baselinePages = pdfPageCount(file);
    }
    const baselineMs = median(baseline);

    // 2. The busiest party's ledger for the year.
    const parties = await call<{ guid: string; name: string; group: string }[]>(page, 'ledgers.search', {
      companyGuid: company.guid,
      query: '',
      limit: 500,
    });
    let busiest = { guid: '', name: '', lines: 0 };
    for (const party of parties.filter(
      (l) => l.group === 'Sundry Debtors' || l.group === 'Sundry Creditors',
    )) {
      const s = await call<{ matchingLines: number }>(page, 'ledger.statement', {
        companyGuid: company.guid,
        ledgerGuid: party.guid,
        ...year,
        pageSize: 1,
      });
      if (s.matchingLines > busiest.lines)
        busiest = { guid: party.guid, name: party.name, lines: s.matchingLines };
    }
    await page.goto(`${serve.url}/#/ledger?l=${busiest.guid}&from=${year.from}&to=${year.to}`);
    await page.locator('table[aria-label="Ledger statement"] tbody tr[data-index]').first().waitFor();
    const ledger = await printOnce(page, 'ledger');

    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const body = [
      `Generated by \`npm run bench:print\` (bench/print.bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,`,
      `${cpus().length} cores (load average ${load} at the end), Debian Chromium headless via playwright-core, demo company`,
      `${company.name}, FY ${fy}. Median of ${ROUNDS} rounds after a warm-up.`,
      '',
      '| Measurement | Target | TallyConnect | Baseline, same run | Ratio |',
      '|---|---|---|---|---|',
      `| Day book, full year (${vouchers.toLocaleString('en-IN')} vouchers, ${dayBookPages} pages): Print click → PDF | ≤ 3 s | **${ms(totalMs)}** (layout ${ms(layoutMs)}, Chromium PDF ${ms(pdfMs)}) | ${ms(baselineMs)} — Chromium printing a plain table of the same rows (${baselinePages} pages), nothing laid out by us | ${(totalMs / baselineMs).toFixed(2)}× the floor |`,
      `| Ledger, busiest party (${busiest.lines} lines) | ≤ 12 pages | **${ledger.pages} pages** (${ms(ledger.layoutMs + ledger.pdfMs)}) | — | — |`,
      '',
      'Before issue 25 (this script on the old layout, same machine, 2026-12-06 21:42 UTC, load average 17.7): the day book took 112 pages, 9,854 ms (layout 1,616 ms, Chromium PDF 8,239 ms; the plain-table floor 4,137 ms); the ledger 16 pages. What changed: one line a voucher with the narration running on (entries only in the file, no empty Status column), portrait; the ledger on landscape pages with its narration running on after the particulars; no rupee sign in every amount cell.',
      '',
      "Layout: from the Print click to the pages in the document (every voucher of the period fetched from the core, rows measured in one table, paginated); Chromium PDF: `page.pdf()`, the work the print dialog or Electron's printToPDF does with those pages.",
    ].join('\n');
    console.log(body);
    replaceSection(path.join(ROOT, 'docs', 'BENCHMARKS.md'), '## Printing (issue 25)', body);
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
