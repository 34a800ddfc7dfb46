import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { formatInr } from '../../shared/money';
import type {
  BalanceSheet,
  CompanySummary,
  GroupSummary,
  LedgerRef,
  LedgerStatement,
  ProfitLoss,
  TrialBalance,
} from '../../shared/types/reports';
import type { BalanceSheetComparison, ProfitLossComparison } from '../../shared/types/comparison';
import { callInPage } from '../helpers/serve-api';
import { ROOT, lastFullYear, openDemo, type ServeProcess } from './harness';
import { exportWorkbook, pdfPageText, printToPdf } from './print-helpers';
import { headerRowOf } from '../helpers/workbook';

/** The statements' PDFs, PNG pages (60 dpi) and workbooks, kept to be looked at. */
const OUT = path.join(ROOT, 'test-output', 'statements');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
let year: { from: string; to: string };

/** A report operation's report (serve wraps it with where it came from and how long it took). */
const call = async <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  (await callInPage<{ data: T }>(page, operation, input)).data;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  ({ serve, browser, page, company } = await openDemo({ printable: true }));
  year = lastFullYear(company);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function open(hash: string): Promise<void> {
  await page.goto(`${serve.url}/#/${hash}`);
  await page.getByTestId('print-report').waitFor();
  await page.locator('table tbody tr, .pl-group, .bs-side').first().waitFor();
}

/** Prints the report on screen to PDF, renders its pages to PNG and returns each page's text. */
async function printed(name: string): Promise<string[]> {
  const { pdf, sections, pages } = await printToPdf(page, OUT, name);
  expect(pages).toBe(sections);
  const texts: string[] = [];
  for (let p = 1; p <= pages; p += 1) {
    const text = pdfPageText(pdf, p);
    expect(text).toContain(company.name);
    expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).toMatch(/Printed on \d\d-\d\d-\d{4} \d\d:\d\d/);
    texts.push(text);
  }
  return texts;
}

/** Clicks Excel and opens the workbook it saves. */
async function exported(name: string): Promise<ExcelJS.Workbook> {
  return (await exportWorkbook(page, path.join(OUT, `${name}.xlsx`))).book;
}

interface Table {
  headers: string[];
  rows: (string | number | null)[][];
  total: (string | number | null)[];
}

/** A worksheet's header (after the title rows), its rows and its totals row (the bold one after them). */
function tableOf(ws: ExcelJS.Worksheet): Table {
  const header = headerRowOf(ws);
  const headers = (ws.getRow(header).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const rows: (string | number | null)[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells = headers.map((_, c) => {
      const v = row.getCell(c + 1).value;
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    });
    if (row.font?.bold) return { headers, rows, total: cells };
    rows.push(cells);
  }
  throw new Error(`${ws.name}: no totals row`);
}

const paise = (v: string | number | null | undefined): number =>
  typeof v === 'number' ? Math.round(v * 100) : 0;

/** Every amount column (from `first`) of the rows adds up to the totals row. */
function expectColumnsAddUp(table: Table, first: number): void {
  for (let c = first; c < table.headers.length; c += 1) {
    const sum = table.rows.reduce((s, r) => s + paise(r[c]), 0);
    expect(sum, table.headers[c]).toBe(paise(table.total[c]));
  }
}

const column = (table: Table, header: string): number => {
  const at = table.headers.indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return at;
};

/** Every printed page has the Difference column among its headings (a statement with comparison columns). */
function expectDifferenceOnEveryPage(pages: string[]): void {
  pages.forEach((text, p) => expect(text, `page ${p + 1}`).toMatch(/Particulars.*Difference/));
}

/** Amounts as printed ("12,34,567.00", no rupee sign on paper, as Tally) in a line of text. */
const amountsIn = (line: string): string[] => line.match(/-?[\d,]+\.\d\d/g) ?? [];
const printedAmount = (paise: number): string => formatInr(paise, { symbol: false });

describe('statements fit to hand over', () => {
  it('trial balance: the ledgers sheet adds up to the report, signs agree; printed with closing totals and carried-forward totals', async () => {
    const tb = await call<TrialBalance>('trialBalance.get', { companyGuid: company.guid, ...year });
    await open(`trialBalance?from=${year.from}&to=${year.to}`);
    const book = await exported('trial-balance');
    expect(book.worksheets.length).toBe(2);
    const table = tableOf(book.worksheets[0]!);
    expect(table.rows).toHaveLength(tb.rows.filter((r) => r.kind !== 'group').length);
    expectColumnsAddUp(table, column(table, 'Opening Dr'));
    expect(paise(table.total[column(table, 'Debit')])).toBe(tb.totalDebit);
    expect(paise(table.total[column(table, 'Credit')])).toBe(tb.totalCredit);
    expect(paise(table.total[column(table, 'Closing Dr')])).toBe(tb.closingDebit);
    expect(paise(table.total[column(table, 'Closing Cr')])).toBe(tb.closingCredit);
    for (const r of table.rows) {
      const signed = paise(r[column(table, 'Closing (Dr +, Cr −)')]);
      expect(signed).toBe(paise(r[column(table, 'Closing Dr')]) - paise(r[column(table, 'Closing Cr')]));
      expect(paise(r[column(table, 'Opening (Dr +, Cr −)')])).toBe(
        paise(r[column(table, 'Opening Dr')]) - paise(r[column(table, 'Opening Cr')]),
      );
    }
    const titleRows = headerRowOf(book.worksheets[0]!);
    expect(String(book.worksheets[0]!.getCell(`A${titleRows - 2}`).value)).toMatch(
      /TallyConnect \d+\.\d+\.\d+/,
    );

    const pages = await printed('trial-balance');
    expect(pages[0]).toMatch(/Particulars\s+Opening\s+Debit\s+Credit\s+Closing Dr\s+Closing Cr/);
    const last = pages[pages.length - 1]!;
    const totalLine = last.split('\n').find((l) => /^\s*Total\b/.test(l))!;
    expect(amountsIn(totalLine).slice(-4)).toEqual(
      [tb.totalDebit, tb.totalCredit, tb.closingDebit, tb.closingCredit].map(printedAmount),
    );
    if (pages.length > 1) {
      // Each page but the last ends carrying its totals forward; the next brings the same figures.
      for (let p = 0; p < pages.length - 1; p += 1) {
        const carried = pages[p]!.split('\n').find((l) => l.includes('Carried forward'))!;
        const brought = pages[p + 1]!.split('\n').find((l) => l.includes('Brought forward'))!;
        expect(amountsIn(carried).length).toBeGreaterThan(0);
        expect(amountsIn(brought)).toEqual(amountsIn(carried));
      }
    }
  });

  it('profit & loss: horizontal on paper and first sheet (Gross Profit c/o = b/f, side totals equal); the flat table adds up to the net profit', async () => {
    const pl = await call<ProfitLoss>('profitLoss.get', { companyGuid: company.guid, ...year });
    await open(`profitLoss?from=${year.from}&to=${year.to}`);
    const book = await exported('profit-loss');
    const statement = tableOf(book.worksheets[0]!);
    expect(paise(statement.total[2])).toBe(paise(statement.total[5]));
    const flat = tableOf(book.worksheets[1]!);
    expectColumnsAddUp(flat, column(flat, 'Debit'));
    expect(paise(flat.total[column(flat, 'Credit')]) - paise(flat.total[column(flat, 'Debit')])).toBe(
      pl.netProfit,
    );

    const text = (await printed('profit-loss')).join('\n');
    const word = pl.grossProfit >= 0 ? 'Profit' : 'Loss';
    const co = text.split('\n').find((l) => l.includes(`Gross ${word} c/o`))!;
    const bf = text.split('\n').find((l) => l.includes(`Gross ${word} b/f`))!;
    const gross = printedAmount(Math.abs(pl.grossProfit));
    expect(co).toContain(gross);
    expect(bf).toContain(gross);
    const totals = text.split('\n').filter((l) => /^\s*Total\b/.test(l));
    expect(totals).toHaveLength(2);
    for (const line of totals) {
      const [left, right] = amountsIn(line);
      expect(left).toBeDefined();
      expect(left).toBe(right);
    }
  });

  it('balance sheet: Liabilities | Assets on paper and first sheet with equal totals; the flat table adds up to each side', async () => {
    const bs = await call<BalanceSheet>('balanceSheet.get', { companyGuid: company.guid, asOn: year.to });
    await open(`balanceSheet?asOn=${year.to}`);
    const book = await exported('balance-sheet');
    const statement = tableOf(book.worksheets[0]!);
    expect([statement.headers[0], statement.headers[3]]).toEqual(['Liabilities', 'Assets']);
    expect(paise(statement.total[2])).toBe(bs.totalLiabilities);
    expect(paise(statement.total[5])).toBe(bs.totalAssets);
    const flat = tableOf(book.worksheets[1]!);
    expectColumnsAddUp(flat, column(flat, 'Liabilities'));
    expect(paise(flat.total[column(flat, 'Liabilities')])).toBe(bs.totalLiabilities);
    expect(paise(flat.total[column(flat, 'Assets')])).toBe(bs.totalAssets);

    const pages = await printed('balance-sheet');
    expect(pages[0]).toMatch(/Liabilities\s+Assets/);
    expect(pages[0]).not.toMatch(/\bSide\b/);
    const last = pages[pages.length - 1]!;
    const totalLine = last.split('\n').find((l) => /^\s*Total\b/.test(l))!;
    expect(amountsIn(totalLine)).toEqual([printedAmount(bs.totalLiabilities), printedAmount(bs.totalAssets)]);
  });

  it('group summary: every amount column adds up, the signed closing to the group’s closing', async () => {
    const gs = await call<GroupSummary>('groupSummary.get', {
      companyGuid: company.guid,
      ...year,
      groupName: 'Current Assets',
    });
    await open(`groupSummary?g=Current%20Assets&from=${year.from}&to=${year.to}`);
    const book = await exported('group-summary');
    const table = tableOf(book.worksheets[0]!);
    expectColumnsAddUp(table, column(table, 'Opening Dr'));
    expect(paise(table.total[column(table, 'Closing (Dr +, Cr −)')])).toBe(gs.total.closing);
    expect(paise(table.total[column(table, 'Debit')])).toBe(gs.total.debit);
    await printed('group-summary');
  });

  it('ledger: a busy party’s year at 26 lines or more a page, every narration printed', async () => {
    const parties = await page.evaluate(async (guid) => {
      const token = document.querySelector('meta[name="tallyconnect-token"]')?.getAttribute('content') ?? '';
      const response = await fetch('/api/ledgers.search', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tallyconnect-token': token },
        body: JSON.stringify({ companyGuid: guid, query: '', limit: 500 }),
      });
      return ((await response.json()) as { data: LedgerRef[] }).data;
    }, company.guid);
    let busiest: LedgerStatement | null = null;
    for (const party of parties.filter((l) => l.group === 'Sundry Debtors').slice(0, 40)) {
      const s = await call<LedgerStatement>('ledger.statement', {
        companyGuid: company.guid,
        ledgerGuid: party.guid,
        ...year,
        pageSize: 5000,
      });
      if (!busiest || s.lines.length > busiest.lines.length) busiest = s;
    }
    expect(busiest!.lines.length).toBeGreaterThan(150);
    await page.goto(`${serve.url}/#/ledger?l=${busiest!.ledger.guid}&from=${year.from}&to=${year.to}`);
    await page.locator('table[aria-label="Ledger statement"] tbody tr[data-index]').first().waitFor();
    const pages = await printed('ledger');
    // The 309 lines in 12 pages: at least 26 lines a page.
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(busiest!.lines.length / 26));
    // Every word of every narration is on paper (a long one wraps, at a space or after a hyphen).
    const words = new Set(pages.join(' ').split(/[\s-]+/));
    for (const line of busiest!.lines.filter((l) => l.narration !== '')) {
      for (const word of line.narration.split(/[\s-]+/)) expect(words.has(word), line.narration).toBe(true);
    }
  });

  it('outstanding: printed bill by bill with each party’s subtotal and the grand total; the bills sheet adds up to it', async () => {
    await open('outstanding');
    const book = await exported('outstanding');
    const parties = tableOf(book.worksheets[0]!);
    const bills = tableOf(book.worksheets[1]!);
    const pending = column(bills, 'Pending');
    expectColumnsAddUp(bills, pending);
    const partyTotal = column(parties, 'Total');
    expect(paise(bills.total[pending])).toBe(paise(parties.total[partyTotal]));
    // Each party's bills add up to its total on the parties sheet.
    for (const party of parties.rows) {
      const own = bills.rows.filter((r) => r[0] === party[0]).reduce((s, r) => s + paise(r[pending]), 0);
      expect(own, String(party[0])).toBe(paise(party[partyTotal]));
    }

    const pages = await printed('outstanding');
    const text = pages.join('\n');
    expect(pages[0]).toMatch(/Bill\s+Bill date\s+Due date\s+Overdue \(days\)\s+Pending/);
    const first = parties.rows[0]!;
    const subtotal = text.split('\n').find((l) => l.includes(`Total ${String(first[0])}`))!;
    expect(amountsIn(subtotal)).toEqual([printedAmount(paise(first[partyTotal]))]);
    const firstBill = bills.rows.find((r) => r[0] === first[0] && r[2] !== 'On Account')!;
    expect(text).toContain(String(firstBill[2]));
    const grand = pages[pages.length - 1]!.split('\n').find((l) => /^\s*Total\s+[\d,]+\.\d\d\s*$/.test(l))!;
    expect(amountsIn(grand)).toEqual([printedAmount(paise(bills.total[pending]))]);
  });

  it('balance sheet in Schedule III form: chosen on screen, printed and exported vertical with note numbers and equal totals', async () => {
    const bs = await call<BalanceSheet>('balanceSheet.get', { companyGuid: company.guid, asOn: year.to });
    await open(`balanceSheet?asOn=${year.to}`);
    await page.getByTestId('bs-form').selectOption('vertical');
    const book = await exported('balance-sheet-schedule-iii');
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Balance sheet - Schedule III',
      'Balance sheet',
      'Balance sheet - Table',
    ]);
    const pages = await printed('balance-sheet-schedule-iii');
    const text = pages.join('\n');
    expect(text).toMatch(/Particulars\s+Note No\.\s+Amount/);
    expect(text).toContain('I. EQUITY AND LIABILITIES');
    expect(text).toContain('II. ASSETS');
    const totals = text.split('\n').filter((l) => /^\s*TOTAL\s+[\d,]+\.\d\d\s*$/.test(l));
    expect(totals.slice(0, 2).map((l) => amountsIn(l)[0])).toEqual([
      printedAmount(bs.totalLiabilities),
      printedAmount(bs.totalAssets),
    ]);
    expect(text).toMatch(/Note 1: /);
  });

  it('trial balance condensed: the primary groups alone on paper, with the period’s totals', async () => {
    const tb = await call<TrialBalance>('trialBalance.get', { companyGuid: company.guid, ...year });
    await open(`trialBalance?from=${year.from}&to=${year.to}`);
    await page.getByTestId('detailed').uncheck();
    const pages = await printed('trial-balance-condensed');
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const top = tb.rows.filter((r) => r.depth === 0 && r.kind === 'group').map((r) => r.name);
    for (const name of top) expect(text).toContain(name.split(' ')[0]);
    const ledger = tb.rows.find((r) => r.kind === 'ledger' && r.depth > 1)!;
    expect(text).not.toContain(ledger.name);
    const totalLine = text.split('\n').find((l) => /^\s*Total\b/.test(l))!;
    expect(amountsIn(totalLine).slice(0, 2)).toEqual([tb.totalDebit, tb.totalCredit].map(printedAmount));
  });

  it('profit & loss with two comparison columns (Alt+C): each column’s sides equal, Gross Profit c/o = b/f; the flat table adds up per column', async () => {
    const [newest, older] = company.financialYears;
    const range = (fy: string) => {
      const start = Number(fy.slice(0, 4));
      return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
    };
    const current = range(newest!);
    const previous = range(older ?? newest!);
    const half = { from: previous.from, to: `${previous.from.slice(0, 4)}-09-30` };
    const cmp = await call<ProfitLossComparison>('profitLoss.compare', {
      companyGuid: company.guid,
      columns: [current, previous, { asOn: half.to }],
    });
    await open(`profitLoss?from=${current.from}&to=${current.to}`);
    await page.keyboard.press('Alt+c');
    await page.getByTestId('column-1').waitFor();
    await page.keyboard.press('Alt+c');
    // The third column: as on 30 September of the previous year (from its start).
    await page.getByTestId('column-2').locator('select').selectOption('asOn');
    const asOn = page.getByTestId('column-2-as-on');
    await asOn.fill(`30-09-${half.to.slice(0, 4)}`);
    await asOn.press('Enter');
    await page.getByTestId('pl-comparison').waitFor();
    await page
      .getByText('30-09-' + half.to.slice(0, 4), { exact: false })
      .first()
      .waitFor();

    const book = await exported('profit-loss-comparison');
    const flat = tableOf(book.worksheets[1]!);
    expectColumnsAddUp(flat, 4);
    expect([4, 5, 6].map((c) => paise(flat.total[c]))).toEqual(cmp.netProfit.map((n) => -n));

    expect(tableOf(book.worksheets[0]!).headers.filter((h) => h === 'Difference')).toHaveLength(2);
    // Three periods and the difference a side do not fit side by side: paper has each side across the
    // page, the trading account's debit then credit side, then the profit and loss account's.
    const pages = await printed('profit-loss-comparison');
    expectDifferenceOnEveryPage(pages);
    const text = pages.join('\n');
    const captions = [
      'Trading account: debit side (Dr)',
      'Trading account: credit side (Cr)',
      'Profit & loss account: debit side (Dr)',
      'Profit & loss account: credit side (Cr)',
    ];
    const at = captions.map((c) => text.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const word = cmp.grossProfit[0]! >= 0 ? 'Profit' : 'Loss';
    const after = (label: string) => {
      const line = text.split('\n').find((l) => l.includes(label))!;
      return amountsIn(line.slice(line.indexOf(label)));
    };
    const co = after(`Gross ${word} c/o`);
    const bf = after(`Gross ${word} b/f`);
    expect(co).toHaveLength(4);
    expect(co).toEqual(bf);
    expect(co[0]).toBe(printedAmount(Math.abs(cmp.grossProfit[0]!)));
    // Each side's total at its foot: three periods and the difference, the two sides of each account equal.
    const totals = text.split('\n').filter((l) => /^\s*Total\b/.test(l));
    expect(totals).toHaveLength(4);
    const [tradingDr, tradingCr, plDr, plCr] = totals.map(amountsIn);
    expect(tradingDr).toHaveLength(4);
    expect(tradingCr).toEqual(tradingDr);
    expect(plDr).toHaveLength(4);
    expect(plCr).toEqual(plDr);
  });

  it('balance sheet with two comparison columns (Alt+C): Liabilities then Assets across the page, each with the difference, equal totals per column', async () => {
    const [newest, older] = company.financialYears;
    const yearEnd = (fy: string) => `${Number(fy.slice(0, 4)) + 1}-03-31`;
    const current = yearEnd(newest!);
    const previous = yearEnd(older ?? newest!);
    const half = `${Number(previous.slice(0, 4)) - 1}-09-30`;
    const cmp = await call<BalanceSheetComparison>('balanceSheet.compare', {
      companyGuid: company.guid,
      columns: [{ asOn: current }, { asOn: previous }, { asOn: half }],
    });
    await open(`balanceSheet?asOn=${current}`);
    await page.keyboard.press('Alt+c');
    await page.getByTestId('column-1').waitFor();
    await page.keyboard.press('Alt+c');
    const asOn = page.getByTestId('column-2-as-on');
    await asOn.fill(half.split('-').reverse().join('-'));
    await asOn.press('Enter');
    await page.getByTestId('bs-comparison').waitFor();
    await page.getByText(half.split('-').reverse().join('-'), { exact: false }).first().waitFor();

    const book = await exported('balance-sheet-comparison');
    const statement = tableOf(book.worksheets[0]!);
    expect(statement.headers.filter((h) => h === 'Difference')).toHaveLength(2);
    expect([1, 2, 3].map((c) => paise(statement.total[c]))).toEqual(cmp.totalLiabilities);

    const pages = await printed('balance-sheet-comparison');
    expectDifferenceOnEveryPage(pages);
    const text = pages.join('\n');
    expect(text.indexOf('Liabilities')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Assets')).toBeGreaterThan(text.indexOf('Liabilities'));
    const totals = text.split('\n').filter((l) => /^\s*Total\b/.test(l));
    expect(totals).toHaveLength(2);
    const [liabilities, assets] = totals.map(amountsIn);
    const difference = cmp.totalLiabilities[0]! - cmp.totalLiabilities[1]!;
    expect(liabilities).toEqual([
      ...cmp.totalLiabilities.map(printedAmount),
      ...(difference === 0 ? [] : [printedAmount(difference)]),
    ]);
    expect(assets).toEqual(liabilities);
    expect(cmp.totalAssets).toEqual(cmp.totalLiabilities);
  });

  it('profit & loss in Schedule III form: chosen on screen, printed vertical with note numbers, the period’s profit = net profit', async () => {
    const pl = await call<ProfitLoss>('profitLoss.get', { companyGuid: company.guid, ...year });
    await open(`profitLoss?from=${year.from}&to=${year.to}`);
    await page.getByTestId('statement-form').selectOption('vertical');
    await page.getByTestId('pl-schedule-three').waitFor();
    const book = await exported('profit-loss-schedule-iii');
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Profit & loss - Schedule III',
      'Profit & loss',
      'Profit & loss - Table',
    ]);
    const text = (await printed('profit-loss-schedule-iii')).join('\n');
    expect(text).toMatch(/Particulars\s+Note No\.\s+Amount/);
    expect(text).toContain('I. Revenue from operations');
    expect(text).toContain('III. Total income (I + II)');
    const profit = text.split('\n').find((l) => l.includes('VII. Profit (loss) for the period'))!;
    expect(amountsIn(profit)).toEqual([printedAmount(pl.netProfit)]);
    const income = amountsIn(text.split('\n').find((l) => l.includes('III. Total income'))!)[0]!;
    const expenses = amountsIn(text.split('\n').find((l) => l.includes('Total expenses (IV)'))!)[0]!;
    const beforeTax = amountsIn(text.split('\n').find((l) => l.includes('V. Profit before tax'))!)[0]!;
    const rupees = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
    expect(rupees(income) - rupees(expenses)).toBe(rupees(beforeTax));
    expect(text).toMatch(/Note 1: /);
  });
});
