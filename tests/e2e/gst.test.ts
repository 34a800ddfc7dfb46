import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatInr } from '../../shared/money';
import type {
  GstFigureRef,
  Gstr1Answer,
  Gstr1JsonAnswer,
  Gstr3bAnswer,
  GstVoucherRef,
  GstVouchersAnswer,
} from '../../shared/types/gst';
import type { CompanySummary } from '../../shared/types/reports';
import { callInPage } from '../helpers/serve-api';
import { ROOT, SCREENSHOTS, openDemo, type ServeProcess } from './harness';

/**
 * The GST screens against `serve --demo` in a real Chromium. The GST operations are desktop-only: closed
 * to office-portal users, open to the desktop owner, which a local serve without the portal is (so they
 * are reachable here). Screenshots at 1366×768 in English and Marathi.
 */
const OUT = path.join(ROOT, 'test-output', 'gst');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
let month: string;

const call = <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  callInPage<T>(page, operation, input);

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `gst-${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ serve, browser, page, company } = await openDemo({ viewport: { width: 1366, height: 768 } }));
  // The demo's last full month of invoices.
  const last = company.lastVoucherDate!.slice(0, 7);
  const [y, m] = last.split('-').map(Number) as [number, number];
  month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** Every voucher behind a figure, page by page as the workbooks gather them. */
async function vouchersOf(
  of: GstFigureRef,
  period = month,
): Promise<GstVouchersAnswer & { all: GstVoucherRef[] }> {
  const all: GstVoucherRef[] = [];
  let page: GstVouchersAnswer;
  do {
    page = await call<GstVouchersAnswer>('gst.vouchers', {
      companyGuid: company.guid,
      month: period,
      of,
      offset: all.length,
      limit: 5000,
    });
    all.push(...page.rows);
  } while (page.rows.length > 0 && all.length < page.total);
  return { ...page, all };
}

const rowOf = (table: string, text: string) =>
  page.getByRole('grid', { name: table }).locator('tbody tr').filter({ hasText: text }).first();

describe('GST returns of the demo company in a browser', () => {
  it('GSTR-1: the sections as the core computes them, drill-down to a B2B invoice and to the voucher', async () => {
    const answer = await call<Gstr1Answer>('gst.gstr1', { companyGuid: company.guid, month });
    const b2b = answer.view.sections.find((s) => s.section === 'b2b')!;
    expect(b2b.count).toBeGreaterThan(0);
    await page.goto(`${serve.url}/#/gstr1?c=${company.guid}&m=${month}`);
    const row = rowOf('GSTR-1', 'B2B');
    await row.waitFor();
    expect(await row.textContent()).toContain(formatInr(b2b.taxable));
    await shot('gstr1-en');
    await row.click();
    await page.waitForURL(/s=b2b/);
    // The section's vouchers come from gst.vouchers: as many as the section counts, adding up to it.
    const listed = await vouchersOf({ return: 'gstr1', section: 'b2b' });
    expect(listed.total).toBe(b2b.count);
    expect(listed.all).toHaveLength(b2b.count);
    expect(listed.sum.taxable).toBe(b2b.taxable);
    expect(listed.all.reduce((s, v) => s + v.taxable, 0)).toBe(b2b.taxable);
    const first = listed.all[0]!;
    const invoice = page
      .getByRole('grid', { name: /^GSTR-1 · B2B/ })
      .locator('tbody tr')
      .filter({ hasText: first.number })
      .first();
    await invoice.waitFor();
    // The totals row is the section's, from the answer's sum.
    const grid = page.getByRole('grid', { name: /^GSTR-1 · B2B/ });
    expect(await grid.locator('tfoot tr').textContent()).toContain(formatInr(b2b.taxable));
    await shot('gstr1-b2b-en');
    await invoice.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/voucher\\?.*v=${first.voucherGuid}`));
    await page.getByText(first.number).first().waitFor();
  });

  it('GSTR-1: an HSN summary row lists its vouchers, each with its part of the row', async () => {
    const answer = await call<Gstr1Answer>('gst.gstr1', { companyGuid: company.guid, month });
    const index = answer.view.hsn.findIndex((h) => h.count > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const row = answer.view.hsn[index]!;
    const of: GstFigureRef = {
      return: 'gstr1-hsn',
      table: row.table,
      hsn: row.hsn,
      uqc: row.uqc,
      rate: row.rate,
    };
    const listed = await vouchersOf(of);
    expect(listed.total).toBe(row.count);
    expect(listed.sum.taxable).toBe(row.taxable);
    expect(listed.all.reduce((s, v) => s + v.taxable, 0)).toBe(row.taxable);
    await page.goto(`${serve.url}/#/gstr1?c=${company.guid}&m=${month}&s=hsn&h=${index}`);
    const grid = page.getByRole('grid', { name: `Vouchers of HSN/SAC ${row.hsn} at ${row.rate / 100}%` });
    const total = grid.locator('tfoot tr');
    await total.waitFor();
    expect(await total.textContent()).toContain(formatInr(row.taxable));
  });

  it('Download JSON saves the portal JSON as GSTR1_<GSTIN>_<MMYYYY>.json', async () => {
    const answer = await call<Gstr1JsonAnswer>('gst.gstr1Json', { companyGuid: company.guid, month });
    await page.goto(`${serve.url}/#/gstr1?c=${company.guid}&m=${month}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-json').click(),
    ]);
    const mmyyyy = `${month.slice(5)}${month.slice(0, 4)}`;
    expect(download.suggestedFilename()).toBe(`GSTR1_${answer.gstin}_${mmyyyy}.json`);
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(answer.json);
  });

  it("GSTR-3B: the form's tables, and the vouchers behind 3.1(a) adding up to it", async () => {
    const answer = await call<Gstr3bAnswer>('gst.gstr3b', { companyGuid: company.guid, month });
    const a = answer.view.figures.find((f) => f.id === '3.1a')!;
    await page.goto(`${serve.url}/#/gstr3b?c=${company.guid}&m=${month}`);
    const row = rowOf('3.1 Details of outward supplies and inward supplies liable to reverse charge', '(a)');
    await row.waitFor();
    expect(await row.textContent()).toContain(formatInr(a.taxable));
    await shot('gstr3b-en');
    await row.click();
    await page.waitForURL(/f=3\.1a/);
    const total = page.locator('table tfoot tr').first();
    await total.waitFor();
    expect(await total.textContent()).toContain(formatInr(a.taxable));
    const listed = await vouchersOf({ return: 'gstr3b', figure: '3.1a' });
    expect(listed.total).toBe(a.count);
    expect(listed.all.reduce((s, v) => s + v.taxable, 0)).toBe(a.taxable);
    // The first page on screen: up to 500 of them.
    const first = listed.all[0]!;
    await page.locator('table tbody tr').filter({ hasText: first.number }).first().waitFor();
  });

  it('GSTR-2B reconciliation: a 2B file made from the books’ own purchases, its buckets and their totals', async () => {
    const r3b = await call<Gstr3bAnswer>('gst.gstr3b', { companyGuid: company.guid, month });
    const purchases = (await vouchersOf({ return: 'gstr3b', figure: '4A5' })).all.filter((v) => v.partyGstin);
    expect(purchases.length).toBeGreaterThan(0);
    const rupees = (p: number) => Math.abs(p) / 100;
    const bySupplier = new Map<string, typeof purchases>();
    for (const v of purchases.filter((p) => p.kind === 'invoice'))
      bySupplier.set(v.partyGstin!, [...(bySupplier.get(v.partyGstin!) ?? []), v]);
    const gstr2b = {
      data: {
        gstin: r3b.gstin,
        rtnprd: `${month.slice(5)}${month.slice(0, 4)}`,
        docdata: {
          b2b: [...bySupplier.entries()].map(([ctin, list]) => ({
            ctin,
            trdnm: list[0]!.partyName,
            inv: list.map((v) => ({
              inum: v.number,
              dt: `${v.date.slice(8)}-${v.date.slice(5, 7)}-${v.date.slice(0, 4)}`,
              val: rupees(v.value),
              pos: v.placeOfSupply ?? '27',
              rev: 'N',
              itcavl: 'Y',
              items: [
                {
                  rt: 18,
                  txval: rupees(v.taxable),
                  igst: rupees(v.igst),
                  cgst: rupees(v.cgst),
                  sgst: rupees(v.sgst),
                  cess: 0,
                },
              ],
            })),
          })),
        },
      },
    };
    const file = path.join(OUT, 'GSTR2B.json');
    writeFileSync(file, JSON.stringify(gstr2b));
    await page.goto(`${serve.url}/#/gstr2b?c=${company.guid}&m=${month}`);
    await page.getByTestId('gstr2b-file').setInputFiles(file);
    const buckets = page.getByRole('grid', { name: 'GSTR-2B reconciliation' });
    await buckets.locator('tfoot tr').waitFor();
    const rows = await buckets.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(4);
    // Every 2B invoice is in a bucket: the buckets count them all (the books pair on the supplier's own
    // invoice number, which the demo's purchases carry apart from the voucher number).
    const invoices = [...bySupplier.values()].flat().length;
    // Matched, mismatched and only-in-2B: the first three buckets' counts (the second column).
    const counts = (await buckets.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    const counted = counts[0]! + counts[1]! + counts[2]!;
    expect(counted).toBe(invoices);
    await shot('gstr2b-en');
  });

  it('exceptions: the list or the word that there is none, and the tax ledgers against the returns', async () => {
    await page.goto(`${serve.url}/#/gstExceptions?c=${company.guid}&m=${month}`);
    await page.getByRole('grid', { name: 'Tax ledgers / Returns' }).waitFor();
    await shot('exceptions-en');
  });

  it('a quarter: GSTR-1 and GSTR-3B of the quarter the month falls in, in English and Marathi', async () => {
    const m = Number(month.slice(5, 7));
    const fyStart = m >= 4 ? Number(month.slice(0, 4)) : Number(month.slice(0, 4)) - 1;
    const quarter = `${fyStart}-Q${m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4}`;
    const answer = await call<Gstr1Answer>('gst.gstr1', { companyGuid: company.guid, month: quarter });
    const b2b = answer.view.sections.find((s) => s.section === 'b2b')!;
    await page.goto(`${serve.url}/#/gstr1?c=${company.guid}&m=${month}`);
    await rowOf('GSTR-1', 'B2B').waitFor();
    await page.getByTestId('gst-period-kind').selectOption('quarter');
    await page.waitForURL(new RegExp(`m=${quarter}`));
    const row = rowOf('GSTR-1', 'B2B');
    await page.waitForFunction(
      ([text]) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes(text ?? '')),
      [formatInr(b2b.taxable)] as const,
    );
    expect(await row.textContent()).toContain(formatInr(b2b.taxable));
    expect(await page.getByTestId('gst-quarter').inputValue()).toBe(quarter);
    await page
      .getByText(new RegExp(`Q${quarter.slice(-1)} ${fyStart}-`))
      .first()
      .waitFor();
    await shot('gstr1-quarter-en');
    await page.getByTestId('gst-quarter').click();
    await shot('gstr1-quarter-open-en');
    await page.keyboard.press('Escape');
    await page.goto(`${serve.url}/#/gstr3b?c=${company.guid}&m=${quarter}`);
    await page.getByRole('grid', { name: /^3\.1 Details of outward supplies/ }).waitFor();
    await page.getByTestId('language').selectOption('mr');
    await page.getByRole('grid', { name: '4 पात्र इनपुट टॅक्स क्रेडिट (ITC)' }).waitFor();
    await shot('gstr3b-quarter-mr');
    await page.getByTestId('language').selectOption('en');
  });

  it('in Marathi', async () => {
    await page.goto(`${serve.url}/#/gstr1?c=${company.guid}&m=${month}`);
    await page.getByTestId('language').selectOption('mr');
    await rowOf('GSTR-1', 'B2B').waitFor();
    expect(await page.locator('h1').textContent()).toBe('GSTR-1');
    await page.getByText('नोंदणीकृत व्यक्तींना पुरवठा').first().waitFor();
    await shot('gstr1-mr');
    await page.goto(`${serve.url}/#/gstr3b?c=${company.guid}&m=${month}`);
    await page.getByRole('grid', { name: '4 पात्र इनपुट टॅक्स क्रेडिट (ITC)' }).waitFor();
    await shot('gstr3b-mr');
    await page.goto(`${serve.url}/#/gstExceptions?c=${company.guid}&m=${month}`);
    await page.getByRole('grid', { name: 'कर लेजर / रिटर्न' }).waitFor();
    await shot('exceptions-mr');
    await page.getByTestId('language').selectOption('en');
  });
});
