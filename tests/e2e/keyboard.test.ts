import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServe, type ServeProcess } from './harness';

/**
 * The accountant's keyboard flows in a real browser (Alt+F2, Enter drill-down, Esc back with the row
 * and scroll kept, focus after each navigation) and a picture of every screen at 1366×768 and
 * 1920×1080 in English and Marathi (test-output/screenshots, looked at before release).
 */
let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** The row a grid has selected (aria-activedescendant), as its data-index. */
async function activeRow(): Promise<{ grid: string | null; index: number | null }> {
  return page.evaluate(() => {
    const grid = document.activeElement;
    if (!grid || grid.getAttribute('role') !== 'grid') return { grid: null, index: null };
    const id = grid.getAttribute('aria-activedescendant');
    const row = id ? document.getElementById(id) : null;
    return { grid: grid.getAttribute('aria-label'), index: row ? Number(row.dataset.index) : null };
  });
}

async function waitForGrid(label?: string): Promise<void> {
  await page.waitForFunction((name) => {
    const el = document.activeElement;
    return (
      el?.getAttribute('role') === 'grid' &&
      (name === undefined || el.getAttribute('aria-label') === name) &&
      el.querySelector('tbody tr[data-index]') !== null
    );
  }, label);
}

const hashParams = async () => new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]);

/** Calls one operation on the server, as the page's own bridge does. */
async function call<T>(operation: string, input: object): Promise<T> {
  return page.evaluate(
    async ([op, body]) => {
      // The page's launch token, as the app's own bridge sends it.
      const token = document.querySelector('meta[name="tallyconnect-token"]')?.getAttribute('content');
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tallyconnect-token': token ?? '' },
        body: JSON.stringify(body),
      });
      const envelope = (await response.json()) as { ok: boolean; data: unknown };
      return envelope.data;
    },
    [operation, input] as const,
  ) as Promise<T>;
}

describe('keyboard, as in Tally', () => {
  it('lands on the first card of the dashboard, and Alt+F2 sets the period of every report', async () => {
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-kpi') === 'sales');

    const fy = await page.getByTestId('fy-picker').inputValue();
    const start = fy.slice(0, 4);
    await page.keyboard.press('Alt+F2');
    await page.getByTestId('period-dialog').waitFor();
    // A reversed range is refused with a message, not rewritten.
    await page.getByTestId('period-dialog-from').fill(`30-06-${start}`);
    await page.getByTestId('period-dialog-to').fill(`01-04-${start}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('period-dialog-problem').waitFor();
    await page.getByTestId('period-dialog-from').fill(`01-04-${start}`);
    await page.getByTestId('period-dialog-to').fill(`30-06-${start}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('period-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-period').textContent()).toContain(
      `01-04-${start} – 30-06-${start}`,
    );

    // Alt+5 is the trial balance (the fifth screen); it shows the session's period, focus on row 1.
    await page.keyboard.press('Alt+5');
    await page.waitForURL(/#\/trialBalance/);
    await waitForGrid('Trial balance');
    expect(await page.locator('.page-subtitle').textContent()).toContain(`01-04-${start} to 30-06-${start}`);
    expect((await activeRow()).index).toBe(0);
  });

  it('drills down with Enter and comes back with Esc to the same row and scroll', async () => {
    // Walk to a group well down the list, so the scroll position matters.
    const target = await page.evaluate(() => {
      const rows = Array.from(
        document.querySelectorAll<HTMLElement>('table[role="grid"] tbody tr[data-index]'),
      );
      const groups = rows.filter((r) => r.classList.contains('row-group'));
      return Number((groups[Math.min(4, groups.length - 1)] ?? rows[0]!).dataset.index);
    });
    expect(target).toBeGreaterThan(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect((await activeRow()).index).toBe(target);
    const scrollBefore = await page.evaluate(() => document.querySelector('.table-scroll')!.scrollTop);

    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/groupSummary/);
    const params = await hashParams();
    const start = (await page.getByTestId('session-period').textContent())!.match(/\d{2}-\d{2}-(\d{4})/)![1];
    // The drill-down keeps the period.
    expect(params.get('from')).toBe(`${start}-04-01`);
    expect(params.get('to')).toBe(`${start}-06-30`);
    await waitForGrid();
    expect((await activeRow()).index).toBe(0);

    // Down to a ledger, its statement, then a voucher.
    const ledgerIndex = await page.evaluate(() => {
      const rows = Array.from(
        document.querySelectorAll<HTMLElement>('table[role="grid"] tbody tr[data-index]'),
      );
      const ledger = rows.find((r) => !r.classList.contains('row-group'));
      return Number(ledger?.dataset.index ?? 0);
    });
    for (let i = 0; i < ledgerIndex; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/(ledger|groupSummary)\?/);
    await waitForGrid();
    if ((await page.evaluate(() => location.hash)).startsWith('#/ledger')) {
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/voucher\?/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('Escape');
      await page.waitForURL(/#\/ledger\?/);
      await waitForGrid();
      const rows = await page.locator('table[role="grid"] tbody tr[data-index]').count();
      // Back on the statement: the last line is still the selected one.
      await page.waitForFunction(
        (n) => {
          const id = document.activeElement?.getAttribute('aria-activedescendant');
          const row = id ? document.getElementById(id) : null;
          return row?.dataset.index === String(n);
        },
        // aria-rowcount counts the header row too (the first data row is aria-rowindex 2).
        (await page.locator('table[role="grid"]').getAttribute('aria-rowcount')) === null
          ? rows - 1
          : Number(await page.locator('table[role="grid"]').getAttribute('aria-rowcount')) - 2,
      );
    }
    // Backspace goes back too; then Esc to the trial balance.
    await page.keyboard.press('Backspace');
    await page.waitForURL(/#\/groupSummary/);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/trialBalance/);
    await waitForGrid('Trial balance');
    await page.waitForFunction((n) => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.dataset.index === String(n) : false;
    }, target);
    const scrollAfter = await page.evaluate(() => document.querySelector('.table-scroll')!.scrollTop);
    expect(Math.abs(scrollAfter - scrollBefore)).toBeLessThanOrEqual(2);
  });

  it('has a Back button, a help overlay (F1 and ?) and keeps Alt+1…9', async () => {
    await page.keyboard.press('F1');
    await page.getByTestId('help-overlay').waitFor();
    expect(await page.getByTestId('help-overlay').textContent()).toContain('Alt+F2');
    await screenshot(page, 'kb-help-1366-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
    // Esc closed the overlay only: still on the trial balance.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/trialBalance/);
    // Alt+n is the n-th entry of the menu: the balance sheet, the stock summary, the day book.
    await page.keyboard.press('Alt+7');
    await page.waitForURL(/#\/balanceSheet/);
    await page.keyboard.press('Alt+8');
    await page.waitForURL(/#\/stockSummary/);
    await page.keyboard.press('Alt+9');
    await page.waitForURL(/#\/dayBook/);
    await waitForGrid('Day book');
    await page.getByTestId('back').click();
    await page.waitForURL(/#\/stockSummary/);
    await page.getByTestId('back').click();
    await page.waitForURL(/#\/balanceSheet/);
    await page.getByTestId('back').click();
    await page.waitForURL(/#\/trialBalance/);
  });

  it('shows the selected last row above the sticky total line after End and PgDn', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    // The whole year (not the quarter chosen above): enough rows to scroll under the total line.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${serve.url}/#/trialBalance`);
    await page.reload();
    await waitForGrid('Trial balance');
    /** Where the selected row is drawn against the box and the first total line drawn over it. */
    const placeOfSelected = () =>
      page.evaluate(() => {
        const grid = document.activeElement!;
        const row = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
        const box = grid.closest('.table-scroll')!.getBoundingClientRect();
        const foot = Math.min(
          ...Array.from(
            grid.querySelectorAll('tfoot tr'),
            (r) => r.firstElementChild!.getBoundingClientRect().top,
          ),
        );
        const rows = grid.querySelectorAll('tbody tr[data-index]').length;
        const r = row.getBoundingClientRect();
        return {
          index: Number(row.dataset.index),
          rows,
          top: r.top,
          bottom: r.bottom,
          boxTop: box.top,
          foot,
        };
      });
    const rows = await page.locator('table[role="grid"] tbody tr[data-index]').count();
    // Enough rows to scroll, so the total line sits over them.
    expect(rows).toBeGreaterThan(25);
    await page.keyboard.press('End');
    await page.waitForFunction((n) => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.dataset.index === String(n) : false;
    }, rows - 1);
    await page.waitForTimeout(100);
    const end = await placeOfSelected();
    await screenshot(page, 'kb-end-1366-trial-balance', false);
    expect(end.bottom).toBeLessThanOrEqual(end.foot + 0.5);
    expect(end.top).toBeGreaterThanOrEqual(end.boxTop);

    await page.keyboard.press('Home');
    for (let i = 0; i < Math.ceil(rows / 10) + 1; i++) await page.keyboard.press('PageDown');
    await page.waitForTimeout(100);
    const paged = await placeOfSelected();
    expect(paged.index).toBe(rows - 1);
    expect(paged.bottom).toBeLessThanOrEqual(paged.foot + 0.5);
  });

  it('moves from From to To with Enter in Alt+F2; Enter in To applies', async () => {
    const before = await page.getByTestId('session-period').textContent();
    await page.keyboard.press('Alt+F2');
    await page.getByTestId('period-dialog').waitFor();
    await page.getByTestId('period-dialog-from').fill('1-4-25');
    await page.keyboard.press('Enter');
    // The browser would submit the form here; the dialog stays, with To to be typed.
    expect(await page.getByTestId('period-dialog').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'period-dialog-to',
    );
    expect(await page.getByTestId('session-period').textContent()).toBe(before);
    await page.keyboard.type('30-6-25');
    await page.keyboard.press('Enter');
    await page.getByTestId('period-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-period').textContent()).toContain('01-04-2025 – 30-06-2025');
  });

  it('says so inline for a malformed or reversed date in a link, and never blanks the app', async () => {
    await page.goto(`${serve.url}/#/trialBalance?from=2025-02-31`);
    expect(await page.getByTestId('period-problem').textContent()).toContain('2025-02-31');
    expect(await page.locator('table[role="grid"]').count()).toBe(0);
    await page.goto(`${serve.url}/#/dayBook?from=2025-06-30&to=2025-04-01`);
    expect(await page.getByTestId('period-problem').textContent()).toContain('reversed');
    await page.getByTestId('period-problem-fix').click();
    await waitForGrid('Day book');
  });
});

/** Every screen, by its route; ids come from the demo company through the API. */
async function screens(): Promise<{ name: string; hash: string }[]> {
  const companies = (await call<{ data: { guid: string }[] }>('companies.list', {})).data;
  const companyGuid = companies[0]!.guid;
  const fy = await page
    .getByTestId('fy-picker')
    .first()
    .inputValue()
    .catch(() => '');
  const year = fy ? Number(fy.slice(0, 4)) : new Date().getFullYear();
  const from = `${year}-04-01`;
  const to = `${year + 1}-03-31`;
  const book = (
    await call<{ data: { vouchers: { guid: string }[] } }>('dayBook.get', {
      companyGuid,
      from,
      to,
      page: 1,
      pageSize: 5,
    })
  ).data;
  const ledgers = await call<{ guid: string }[]>('ledgers.search', { companyGuid, query: '', limit: 5 });
  const stock = (
    await call<{ data: { rows: { guid: string; kind: string }[] } }>('stockSummary.get', {
      companyGuid,
      from,
      to,
    })
  ).data;
  const item = stock.rows?.find((r) => r.kind === 'item');
  const list = [
    { name: 'dashboard', hash: '#/dashboard' },
    { name: 'companies', hash: '#/companies' },
    { name: 'ledger', hash: `#/ledger?l=${ledgers[0]?.guid}` },
    { name: 'ledger-monthly', hash: `#/ledgerMonthly?l=${ledgers[0]?.guid}` },
    { name: 'outstanding', hash: '#/outstanding' },
    { name: 'trial-balance', hash: '#/trialBalance' },
    { name: 'group-summary', hash: '#/groupSummary?g=Sundry%20Debtors' },
    { name: 'profit-loss', hash: '#/profitLoss' },
    { name: 'balance-sheet', hash: '#/balanceSheet' },
    { name: 'stock-summary', hash: '#/stockSummary' },
    { name: 'day-book', hash: '#/dayBook' },
    { name: 'voucher', hash: `#/voucher?v=${book.vouchers[0]?.guid}` },
    { name: 'cache', hash: '#/cache' },
    { name: 'settings', hash: '#/settings' },
  ];
  if (item) list.push({ name: 'stock-item', hash: `#/stockItem?i=${item.guid}` });
  return list;
}

describe('every screen at laptop and desktop sizes, in English and Marathi', () => {
  it.each([
    [1366, 768],
    [1920, 1080],
  ])('at %i×%i', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.goto(`${serve.url}/#/dashboard`);
    // A fresh session: the company's newest year, not the quarter the keyboard tests chose.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    const list = await screens();
    for (const language of ['en', 'mr'] as const) {
      await page.getByTestId('language').selectOption(language);
      for (const { name, hash } of list) {
        await page.goto(`${serve.url}/${hash}`);
        await page.waitForFunction(() => document.querySelector('.state-loading') === null);
        await page.locator('.page-header h1').first().waitFor();
        await screenshot(page, `screen-${width}-${language}-${name}`, false);
        // The page never scrolls sideways: nothing is wider than the window.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} ${language} ${width}`).toBeLessThanOrEqual(0);
      }
    }
    await page.getByTestId('language').selectOption('en');
  });

  it('shows 20 ledger lines, 20 trial-balance rows and 12 day-book vouchers at 1366×768', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const visibleRows = () =>
      page.evaluate(() => {
        const box = document.querySelector('.table-scroll')!.getBoundingClientRect();
        const bottom = Math.min(box.bottom, window.innerHeight);
        const foot = document.querySelector('.data-table tfoot')?.getBoundingClientRect().height ?? 0;
        return Array.from(document.querySelectorAll('.data-table tbody tr[data-index]')).filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= bottom - foot + 1;
        }).length;
      });
    await page.goto(`${serve.url}/#/dashboard`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('[data-kpi="sales"] .kpi-value').waitFor();
    const list = await screens();
    await page.goto(`${serve.url}/${list.find((s) => s.name === 'trial-balance')!.hash}`);
    await waitForGrid();
    await screenshot(page, 'density-1366-trial-balance', false);
    expect(await visibleRows()).toBeGreaterThanOrEqual(20);
    // The totals stay in view.
    const footBottom = await page.evaluate(
      () => document.querySelector('.data-table tfoot td')!.getBoundingClientRect().bottom,
    );
    expect(footBottom).toBeLessThanOrEqual(768);
    await page.goto(`${serve.url}/${list.find((s) => s.name === 'day-book')!.hash}`);
    await waitForGrid();
    expect(await visibleRows()).toBeGreaterThanOrEqual(12);
    // A busy ledger: the top customer's.
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator('[data-testid="top-customers"] .party-row').first().click();
    await waitForGrid();
    expect(await visibleRows()).toBeGreaterThanOrEqual(20);
  });
});
