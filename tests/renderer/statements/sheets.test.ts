import ExcelJS from 'exceljs';
import type {
  BalanceSheet,
  GroupSummary,
  ProfitLoss,
  TrialBalance,
  TrialBalanceRow,
} from '../../../shared/types/reports';
import { createI18n } from '../../../renderer/src/i18n';
import { toXlsx, type ExportSheet } from '../../../renderer/src/lib/export';
import { documentFromSheet, fitsAcross, type PrintDocument } from '../../../shared/print/document';
import { formatInr } from '../../../shared/money';
import { estimateHeights, renderDocument } from '../../../shared/print/render';
import { trialBalanceSheets } from '../../../renderer/src/screens/statements/sheets/trial-balance';
import { groupSummarySheet } from '../../../renderer/src/screens/statements/sheets/group-summary';
import {
  profitLossRows,
  profitLossSheets,
} from '../../../renderer/src/screens/statements/sheets/profit-loss';
import {
  balanceSheetRows,
  balanceSheetSheets,
} from '../../../renderer/src/screens/statements/sheets/balance-sheet';
import {
  scheduleItems,
  scheduleThreeSheet,
} from '../../../renderer/src/screens/statements/sheets/schedule-three';
import {
  balanceSheetComparisonSheets,
  profitLossComparisonRows,
  profitLossComparisonSheets,
  trialBalanceComparisonSheets,
} from '../../../renderer/src/screens/statements/sheets/comparison';
import {
  expenseHead,
  scheduleThreeProfitLossSheet,
} from '../../../renderer/src/screens/statements/sheets/schedule-three-pl';
import {
  compareBalanceSheets,
  compareProfitLoss,
  compareTrialBalances,
} from '../../../electron/core/reports/comparison';

const t = createI18n('en').t;

const row = (
  kind: TrialBalanceRow['kind'],
  guid: string,
  depth: number,
  parentGuid: string | null,
  opening: number,
  debit: number,
  credit: number,
): TrialBalanceRow => ({
  guid,
  name: guid,
  kind,
  depth,
  parentGuid,
  opening,
  debit,
  credit,
  closing: opening + debit - credit,
});

/**
 * Capital 10,000 Cr; Current Assets > Sundry Debtors (Asha 7,000 Dr, Bina 500 Cr) and Cash 3,500 Dr;
 * sales of 12,000 this year, 8,000 to Asha and 4,000 for cash. Worked by hand: debit 12,000 and credit
 * 12,000; closing Dr 22,500 (Asha 15,000, Cash 7,500), closing Cr 22,500 (Capital 10,000, Bina 500,
 * Sales 12,000).
 */
function trialBalance(): TrialBalance {
  const ledgers = [
    row('ledger', 'Capital', 1, 'g-capital', -10_000_00, 0, 0),
    row('ledger', 'Asha', 2, 'g-debtors', 7_000_00, 8_000_00, 0),
    row('ledger', 'Bina', 2, 'g-debtors', -500_00, 0, 0),
    row('ledger', 'Cash', 1, 'g-ca', 3_500_00, 4_000_00, 0),
    row('ledger', 'Sales', 1, 'g-sales', 0, 0, 12_000_00),
  ];
  const [capital, asha, bina, cash, sales] = ledgers as [
    TrialBalanceRow,
    TrialBalanceRow,
    TrialBalanceRow,
    TrialBalanceRow,
    TrialBalanceRow,
  ];
  const sum = (rows: TrialBalanceRow[], guid: string, depth: number, parent: string | null) =>
    row(
      'group',
      guid,
      depth,
      parent,
      rows.reduce((s, r) => s + r.opening, 0),
      rows.reduce((s, r) => s + r.debit, 0),
      rows.reduce((s, r) => s + r.credit, 0),
    );
  const rows = [
    { ...sum([capital], 'g-capital', 0, null), name: 'Capital Account' },
    capital,
    { ...sum([asha, bina, cash], 'g-ca', 0, null), name: 'Current Assets' },
    { ...sum([asha, bina], 'g-debtors', 1, 'g-ca'), name: 'Sundry Debtors' },
    asha,
    bina,
    cash,
    { ...sum([sales], 'g-sales', 0, null), name: 'Sales Accounts' },
    sales,
  ];
  return {
    companyGuid: 'c',
    from: '2025-04-01',
    to: '2026-03-31',
    rows,
    totalDebit: 12_000_00,
    totalCredit: 12_000_00,
    // Asha 15,000 Dr + Cash 7,500 Dr; Capital 10,000 + Bina 500 + Sales 12,000 Cr.
    closingDebit: 22_500_00,
    closingCredit: 22_500_00,
  };
}

async function workbookOf(sheet: ExportSheet<unknown>): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await toXlsx(sheet, { version: '9.9.9' }));
  return book;
}

/** A worksheet's header row (5), data rows and totals row (the bold one), as plain values. */
function tableOf(ws: ExcelJS.Worksheet): {
  headers: string[];
  rows: (string | number | null)[][];
  total: (string | number | null)[] | null;
} {
  const headers = (ws.getRow(5).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const rows: (string | number | null)[][] = [];
  let total: (string | number | null)[] | null = null;
  for (let r = 6; r <= ws.rowCount; r += 1) {
    const excelRow = ws.getRow(r);
    const cells = headers.map((_, c) => {
      const v = excelRow.getCell(c + 1).value;
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    });
    if (excelRow.font?.bold) {
      total = cells;
      break;
    }
    rows.push(cells);
  }
  return { headers, rows, total };
}

/** Rupees to paise without float drift. */
const paise = (v: string | number | null): number => (typeof v === 'number' ? Math.round(v * 100) : 0);
const columnSum = (rows: (string | number | null)[][], c: number): number =>
  rows.reduce((s, r) => s + paise(r[c] ?? null), 0);

describe('trial balance for Excel and paper', () => {
  it('has one row per ledger with its group, primary group and level; every amount column adds up to the totals row and the report', async () => {
    const data = trialBalance();
    const book = await workbookOf(trialBalanceSheets(data, 'Sharma Traders', 'Period', t));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Trial balance', 'Trial balance - Groups']);
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell('A3').value)).toContain('TallyConnect 9.9.9');
    const { headers, rows, total } = tableOf(ws);
    expect(headers).toEqual([
      'Ledger',
      'Group',
      'Primary group',
      'Level',
      'Type',
      'Opening Dr',
      'Opening Cr',
      'Debit',
      'Credit',
      'Closing Dr',
      'Closing Cr',
      'Opening (Dr +, Cr −)',
      'Closing (Dr +, Cr −)',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Capital', 'Asha', 'Bina', 'Cash', 'Sales']);
    expect(rows[1]!.slice(1, 4)).toEqual(['Sundry Debtors', 'Current Assets', 2]);
    expect(total).not.toBeNull();
    for (let c = 5; c < headers.length; c += 1) {
      expect(columnSum(rows, c), headers[c]).toBe(paise(total![c] ?? null));
    }
    expect(paise(total![7]!)).toBe(data.totalDebit);
    expect(paise(total![8]!)).toBe(data.totalCredit);
    expect(paise(total![9]!)).toBe(data.closingDebit);
    expect(paise(total![10]!)).toBe(data.closingCredit);
    // Signs agree with the Dr/Cr columns on every row.
    for (const r of rows) {
      expect(paise(r[11]!)).toBe(paise(r[5]!) - paise(r[6]!));
      expect(paise(r[12]!)).toBe(paise(r[9]!) - paise(r[10]!));
    }
    // The groups, which repeat their ledgers, are on their own sheet with their parent and level.
    const groups = tableOf(book.worksheets[1]!);
    expect(groups.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Capital Account', null, 0],
      ['Current Assets', null, 0],
      ['Sundry Debtors', 'Current Assets', 1],
      ['Sales Accounts', null, 0],
    ]);
  });

  it('prints groups and ledgers with Opening, Debit, Credit, Closing Dr and Cr, the ledgers carried forward at each page foot and the grand totals at the end', () => {
    const data = trialBalance();
    // Enough ledgers for several pages.
    const many = Array.from({ length: 150 }, (_, i) =>
      row('ledger', `Party ${i}`, 2, 'g-debtors', 100_00, 0, 0),
    );
    const rows = [...data.rows.slice(0, 4), ...many, ...data.rows.slice(4)];
    // 150 more debtors of 100 Dr each: closing Dr 22,500 + 15,000.
    const sheet = trialBalanceSheets({ ...data, rows, closingDebit: 37_500_00 }, 'S', 'Period', t).print!
      .sheet!;
    const format = (kind: string, v: string | number | null) =>
      typeof v === 'number'
        ? kind === 'drcr'
          ? `${Math.abs(v) / 100} ${v > 0 ? 'Dr' : 'Cr'}`
          : `${v / 100}`
        : String(v ?? '');
    const doc = documentFromSheet(sheet, format, {
      strong: sheet.print?.strong,
      running: { ...sheet.print!.running!, labels: { broughtForward: 'B/F', carriedForward: 'C/F' } },
    });
    expect(doc.columns.map((c) => c.header)).toEqual([
      'Particulars',
      'Opening',
      'Debit',
      'Credit',
      'Closing Dr',
      'Closing Cr',
    ]);
    const html = renderDocument(doc, estimateHeights(doc), { page: (p, n) => `Page ${p} of ${n}` }, (k, p) =>
      format(k, p),
    );
    const pages = html.split('<section').slice(1);
    expect(pages.length).toBeGreaterThan(2);
    const text = (h: string) => h.replace(/<[^>]+>/g, '|');
    // Page 1 ends carrying the ledgers so far; page 2 starts bringing the same figures.
    const cf = text(pages[0]!)
      .split('C/F')[1]!
      .split('|')
      .filter((s) => s !== '')
      .slice(0, 5);
    const bf = text(pages[1]!)
      .split('B/F')[1]!
      .split('|')
      .filter((s) => s !== '')
      .slice(0, 5);
    expect(cf).toHaveLength(5);
    // Page 1 holds Capital and the first parties: opening 10,000 Cr + 100 Dr each, no debit yet.
    const parties = (pages[0]!.match(/Party \d+/g) ?? []).length;
    expect(parties).toBeGreaterThan(10);
    expect(cf[0]).toBe(`${10_000 - 100 * parties} Cr`);
    expect(bf).toEqual(cf);
    // The grand totals once, at the end: opening 15,000 Dr, debit and credit 12,000, closing 37,500 | 22,500.
    const last = text(pages[pages.length - 1]!);
    expect(last).not.toContain('C/F');
    expect(last).toMatch(/Total\|+[^|]*\|+12000\|+12000\|+37500\|+22500/);
  });
});

function groupSummary(): GroupSummary {
  return {
    companyGuid: 'c',
    from: '2025-04-01',
    to: '2026-03-31',
    group: { guid: 'g', name: 'Current Assets', parent: null, primaryGroup: 'Current Assets' },
    rows: [
      {
        guid: 'd',
        name: 'Sundry Debtors',
        kind: 'group',
        opening: 6_500_00,
        debit: 8_000_00,
        credit: 0,
        closing: 14_500_00,
      },
      {
        guid: 'x',
        name: 'Suspense',
        kind: 'ledger',
        opening: -200_00,
        debit: 0,
        credit: 100_00,
        closing: -300_00,
      },
      {
        guid: 'c',
        name: 'Cash',
        kind: 'ledger',
        opening: 3_500_00,
        debit: 4_000_00,
        credit: 0,
        closing: 7_500_00,
      },
    ],
    total: { opening: 9_800_00, debit: 12_000_00, credit: 100_00, closing: 21_700_00 },
  };
}

describe('group summary for Excel', () => {
  it('splits balances into Dr and Cr columns and signed ones that sum to the group total', async () => {
    const data = groupSummary();
    const book = await workbookOf(
      groupSummarySheet(data, 'S', 'P', t, (r) => r.name) as ExportSheet<unknown>,
    );
    const { headers, rows, total } = tableOf(book.worksheets[0]!);
    for (let c = 3; c < headers.length; c += 1) expect(columnSum(rows, c)).toBe(paise(total![c] ?? null));
    expect(paise(total![headers.indexOf('Closing (Dr +, Cr −)')]!)).toBe(data.total.closing);
    expect(paise(total![headers.indexOf('Opening (Dr +, Cr −)')]!)).toBe(data.total.opening);
    expect(paise(total![headers.indexOf('Closing Cr')]!)).toBe(300_00);
  });
});

/** Opening stock 1,000; purchases 6,000; sales 9,000; closing stock 2,000: gross profit 4,000; rent 1,500, interest received 500: net profit 3,000. */
function profitLoss(gross = true): ProfitLoss {
  const sales = gross ? 9_000_00 : 4_000_00;
  const grossProfit = sales + 2_000_00 - 1_000_00 - 6_000_00;
  return {
    companyGuid: 'c',
    from: '2025-04-01',
    to: '2026-03-31',
    openingStock: 1_000_00,
    closingStock: 2_000_00,
    directIncomes: [
      { groupName: 'Sales Accounts', amount: sales, ledgers: [{ guid: 's', name: 'Sales', amount: sales }] },
    ],
    directExpenses: [
      {
        groupName: 'Purchase Accounts',
        amount: 6_000_00,
        ledgers: [
          { guid: 'p', name: 'Purchases', amount: 6_500_00 },
          { guid: 'r', name: 'Purchase returns', amount: -500_00 },
        ],
      },
    ],
    indirectIncomes: [
      {
        groupName: 'Indirect Incomes',
        amount: 500_00,
        ledgers: [{ guid: 'i', name: 'Interest', amount: 500_00 }],
      },
    ],
    indirectExpenses: [
      {
        groupName: 'Indirect Expenses',
        amount: 1_500_00,
        ledgers: [{ guid: 'e', name: 'Rent', amount: 1_500_00 }],
      },
    ],
    grossProfit,
    netProfit: grossProfit + 500_00 - 1_500_00,
  };
}

const amountsOf = (rows: ReturnType<typeof profitLossRows>, label: string): number[] =>
  rows
    .flatMap((r) => [r.left, r.right])
    .filter((e) => e?.label === label)
    .map((e) => e!.outer ?? 0);

describe('profit & loss in Tally’s horizontal form', () => {
  it('carries the gross profit from the trading account to the profit and loss account, each part’s sides equal', () => {
    const rows = profitLossRows(profitLoss(), t);
    expect(amountsOf(rows, 'Gross Profit c/o')).toEqual([4_000_00]);
    expect(amountsOf(rows, 'Gross Profit b/f')).toEqual([4_000_00]);
    expect(rows.filter((r) => r.left?.label === 'Gross Profit c/o')).toHaveLength(1);
    expect(rows.filter((r) => r.right?.label === 'Gross Profit b/f')).toHaveLength(1);
    const totals = rows.filter((r) => r.total);
    // Trading: 1,000 + 6,000 + 4,000 = 9,000 + 2,000; P&L: 1,500 + 3,000 = 4,000 + 500.
    expect(totals.map((r) => [r.left!.outer, r.right!.outer])).toEqual([
      [11_000_00, 11_000_00],
      [4_500_00, 4_500_00],
    ]);
    // Detailed: the ledgers in the inner column under their group.
    expect(rows.some((r) => r.left?.label === '  Purchase returns' && r.left.inner === -500_00)).toBe(true);
  });

  it('puts a gross loss on the credit side of trading and the debit side of P&L, a net loss on the credit side', () => {
    const data = profitLoss(false);
    const rows = profitLossRows(data, t);
    expect(data.grossProfit).toBe(-1_000_00);
    expect(rows.find((r) => r.right?.label === 'Gross Loss c/o')?.right?.outer).toBe(1_000_00);
    expect(rows.find((r) => r.left?.label === 'Gross Loss b/f')?.left?.outer).toBe(1_000_00);
    expect(rows.find((r) => r.right?.label === 'Net loss')?.right?.outer).toBe(2_000_00);
    for (const r of rows.filter((x) => x.total)) expect(r.left!.outer).toBe(r.right!.outer);
  });

  it('writes the statement first and the flat table second, whose Debit and Credit add up and differ by the net profit', async () => {
    const data = profitLoss();
    const book = await workbookOf(profitLossSheets(data, 'S', 'P', t) as ExportSheet<unknown>);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Profit & loss', 'Profit & loss - Table']);
    const statement = tableOf(book.worksheets[0]!);
    expect(statement.total![2]).toBe(statement.total![5]);
    // Headings bold as on paper, side by side: Opening stock (a heading) beside Sales Accounts (a heading);
    // a ledger (Purchases) is not.
    const ws = book.worksheets[0]!;
    expect(ws.getRow(6).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(6).getCell(4).font?.bold).toBe(true);
    const purchases = statement.rows.findIndex((r) => r[0] === '  Purchases');
    expect(ws.getRow(6 + purchases).getCell(1).font?.bold).toBeFalsy();
    const { headers, rows, total } = tableOf(book.worksheets[1]!);
    expect(headers).toEqual(['Account', 'Side', 'Group', 'Ledger', 'Debit', 'Credit', 'Amount (Dr +, Cr −)']);
    for (let c = 4; c < 7; c += 1) expect(columnSum(rows, c)).toBe(paise(total![c] ?? null));
    expect(paise(total![5]!) - paise(total![4]!)).toBe(data.netProfit);
    expect(paise(total![6]!)).toBe(-data.netProfit);
    for (const r of rows) expect(paise(r[6]!)).toBe(paise(r[4]!) - paise(r[5]!));
  });
});

function balanceSheet(): BalanceSheet {
  return {
    companyGuid: 'c',
    from: '2025-04-01',
    asOn: '2026-03-31',
    liabilities: [
      {
        kind: 'group',
        guid: 'cap',
        name: 'Capital Account',
        closing: -10_000_00,
        amount: 10_000_00,
        children: [{ guid: 'k', name: 'Capital', kind: 'ledger', closing: -10_000_00 }],
      },
      {
        kind: 'profitAndLoss',
        guid: 'pl',
        name: 'Profit & Loss A/c',
        closing: -3_000_00,
        amount: 3_000_00,
        children: [],
      },
    ],
    assets: [
      {
        kind: 'group',
        guid: 'ca',
        name: 'Current Assets',
        closing: 13_000_00,
        amount: 13_000_00,
        children: [
          { guid: 'st', name: 'Closing stock', kind: 'closingStock', closing: 2_000_00 },
          { guid: 'sd', name: 'Sundry Debtors', kind: 'group', closing: 11_500_00 },
          { guid: 'od', name: 'Overdraft', kind: 'ledger', closing: -500_00 },
        ],
      },
    ],
    totalLiabilities: 13_000_00,
    totalAssets: 13_000_00,
    profitAndLoss: { opening: 0, currentPeriod: -3_000_00, transferred: 0, closing: -3_000_00 },
    openingDifference: 0,
    closingStock: 2_000_00,
  };
}

describe('balance sheet in Tally’s horizontal form', () => {
  it('sets Liabilities beside Assets with each group’s parts and equal totals at the foot', () => {
    const rows = balanceSheetRows(balanceSheet(), t);
    expect(rows[0]!.left!.label).toBe('Capital Account');
    expect(rows[0]!.right!.label).toBe('Current Assets');
    const foot = rows[rows.length - 1]!;
    expect(foot.total).toBe(true);
    expect([foot.left!.outer, foot.right!.outer]).toEqual([13_000_00, 13_000_00]);
    expect(rows.some((r) => r.left?.label === '  Current period' && r.left.inner === 3_000_00)).toBe(true);
    expect(rows.some((r) => r.right?.label === '  Overdraft' && r.right.inner === -500_00)).toBe(true);
  });

  it('writes a flat table whose Liabilities and Assets columns add up to the side totals and whose signed column nets to nil', async () => {
    const data = balanceSheet();
    const book = await workbookOf(balanceSheetSheets(data, 'S', 'As on', t) as ExportSheet<unknown>);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Balance sheet', 'Balance sheet - Table']);
    const statement = tableOf(book.worksheets[0]!);
    expect(statement.headers[0]).toBe('Liabilities');
    expect(statement.headers[3]).toBe('Assets');
    expect(paise(statement.total![2]!)).toBe(data.totalLiabilities);
    expect(paise(statement.total![5]!)).toBe(data.totalAssets);
    const { rows, total } = tableOf(book.worksheets[1]!);
    for (let c = 4; c < 7; c += 1) expect(columnSum(rows, c)).toBe(paise(total![c] ?? null));
    expect(paise(total![4]!)).toBe(data.totalLiabilities);
    expect(paise(total![5]!)).toBe(data.totalAssets);
    expect(paise(total![6]!)).toBe(0);
  });
});

describe('balance sheet in the vertical form of Schedule III', () => {
  it('places Tally’s groups under the line items with note numbers, equal totals, and notes that add up', () => {
    const data = balanceSheet();
    const sheet = scheduleThreeSheet(data, 'S', 'As on', t);
    const line = (label: string) => sheet.rows.find((r) => r.label.trim().endsWith(label));
    expect(sheet.rows.map((r) => r.label.trim()).slice(0, 6)).toEqual([
      'I. EQUITY AND LIABILITIES',
      '(1) Shareholders’ funds',
      '(a) Share capital',
      '(b) Reserves and surplus',
      'TOTAL',
      'II. ASSETS',
    ]);
    expect([line('Share capital')?.amount, line('Share capital')?.note]).toEqual([10_000_00, '1']);
    expect([line('Reserves and surplus')?.amount, line('Reserves and surplus')?.note]).toEqual([
      3_000_00,
      '2',
    ]);
    // Current assets: closing stock, Sundry Debtors (a Tally sub-group) and a ledger of its own.
    expect(line('(a) Inventories')?.amount).toBe(2_000_00);
    expect(line('(b) Trade receivables')?.amount).toBe(11_500_00);
    expect(line('(c) Other current assets')?.amount).toBe(-500_00);
    const totals = sheet.rows.filter((r) => r.label.trim() === 'TOTAL' && r.note === '');
    expect(totals.slice(0, 2).map((r) => r.amount)).toEqual([data.totalLiabilities, data.totalAssets]);
    // Each note lists what went into its line item and totals to it.
    const items = scheduleItems(data, t);
    for (const head of new Set(items.map((i) => i.head))) {
      const sum = items.filter((i) => i.head === head).reduce((s, i) => s + i.amount, 0);
      expect(sheet.rows.some((r) => r.strong && r.label.trim() === 'TOTAL' && r.amount === sum)).toBe(true);
    }
    const liabilities = items.filter((i) => ['shareCapital', 'reserves'].includes(i.head));
    expect(liabilities.reduce((s, i) => s + i.amount, 0)).toBe(data.totalLiabilities);
    expect(sheet.rows.find((r) => r.label.startsWith('Note 5'))?.label).toBe('Note 5: Other current assets');
  });
});

describe('condensed statements (Tally’s Alt+F1 off)', () => {
  it('prints the trial balance’s top-level rows only, its closing totals those of the rows printed', () => {
    const data = trialBalance();
    const sheet = trialBalanceSheets(data, 'S', 'P', t, false).print!.sheet! as ExportSheet<{
      name: string;
      closingDr: number;
      closingCr: number;
    }>;
    expect(sheet.rows.map((r) => r.name)).toEqual(['Capital Account', 'Current Assets', 'Sales Accounts']);
    const total = (sheet.totals as { row: { closingDr: number; closingCr: number } }).row;
    // Current Assets nets to 22,000 Dr (Asha 15,000 + Cash 7,500 - Bina 500); detailed it is 22,500 each side.
    expect([total.closingDr, total.closingCr]).toEqual([22_000_00, 22_000_00]);
  });

  it('prints the P&L’s and balance sheet’s groups without their ledgers, the totals unchanged', () => {
    const detailed = profitLossRows(profitLoss(), t, true);
    const condensed = profitLossRows(profitLoss(), t, false);
    const labels = condensed.flatMap((r) => [r.left?.label, r.right?.label]).filter(Boolean);
    expect(labels.some((l) => l!.startsWith('  '))).toBe(false);
    expect(condensed.filter((r) => r.total)).toEqual(detailed.filter((r) => r.total));
    const bs = balanceSheetRows(balanceSheet(), t, false);
    expect(bs.map((r) => [r.left?.label ?? null, r.right?.label ?? null])).toEqual([
      ['Capital Account', 'Current Assets'],
      ['Profit & Loss A/c', null],
      ['Total', 'Total'],
    ]);
  });
});

describe('statements with comparison columns for Excel and paper', () => {
  const columns = [
    { from: '2025-04-01', to: '2026-03-31' },
    { from: '2024-04-01', to: '2025-03-31' },
  ];
  const labels = ['2025-26', '2024-25'];

  it('trial balance: one row per ledger, each period’s Closing Dr and Cr adding up to its closing totals', async () => {
    const current = trialBalance();
    // Last year without Bina (a ledger of this year only).
    const previous: TrialBalance = {
      ...current,
      rows: current.rows.filter((r) => r.guid !== 'Bina'),
      // Bina's 500 Cr gone (this fixture need not balance: the columns are only laid side by side).
      closingCredit: current.closingCredit - 500_00,
    };
    const cmp = compareTrialBalances(columns, [current, previous]);
    const book = await workbookOf(
      trialBalanceComparisonSheets(cmp, 'S', 'P', labels, t) as ExportSheet<unknown>,
    );
    const { headers, rows, total } = tableOf(book.worksheets[0]!);
    expect(headers).toEqual([
      'Ledger',
      'Group',
      'Primary group',
      'Level',
      '2025-26 Closing Dr',
      '2025-26 Closing Cr',
      '2024-25 Closing Dr',
      '2024-25 Closing Cr',
      'Difference (Dr +, Cr −)',
    ]);
    for (let c = 4; c < headers.length; c += 1) expect(columnSum(rows, c)).toBe(paise(total![c] ?? null));
    expect([4, 5, 6, 7].map((c) => paise(total![c]!))).toEqual([
      current.closingDebit,
      current.closingCredit,
      previous.closingDebit,
      previous.closingCredit,
    ]);
    const bina = rows.find((r) => r[0] === 'Bina')!;
    expect([paise(bina[5]!), paise(bina[7]!), paise(bina[8]!)]).toEqual([500_00, 0, -500_00]);
  });

  it('P&L: a profit beside a loss, each column’s sides equal; the flat table adds up to minus the net profit', async () => {
    const cmp = compareProfitLoss(columns, [profitLoss(true), profitLoss(false)]);
    const rows = profitLossComparisonRows(cmp, t);
    // The result lines stand where the current column (a profit) puts them; the loss shows negative there.
    const gross = rows.find((r) => r.left?.label === 'Gross Profit c/o')!.left!;
    expect(gross.amounts).toEqual([4_000_00, -1_000_00]);
    expect(rows.find((r) => r.right?.label === 'Gross Profit b/f')!.right!.amounts).toEqual([
      4_000_00, -1_000_00,
    ]);
    for (const total of rows.filter((r) => r.total))
      expect(total.left!.amounts).toEqual(total.right!.amounts);
    const book = await workbookOf(
      profitLossComparisonSheets(cmp, 'S', 'P', labels, t) as ExportSheet<unknown>,
    );
    const statement = tableOf(book.worksheets[0]!);
    expect(statement.headers).toEqual([
      'Particulars',
      '2025-26',
      '2024-25',
      'Difference',
      'Particulars',
      '2025-26',
      '2024-25',
      'Difference',
    ]);
    // The last totals row: the profit and loss account's sides, equal per column.
    expect([statement.total![1], statement.total![2]]).toEqual([statement.total![5], statement.total![6]]);
    const flat = tableOf(book.worksheets[1]!);
    for (let c = 4; c < flat.headers.length; c += 1) {
      expect(columnSum(flat.rows, c)).toBe(paise(flat.total![c] ?? null));
    }
    expect([paise(flat.total![4]!), paise(flat.total![5]!)]).toEqual(cmp.netProfit.map((n) => -n));
    expect(paise(flat.total![6]!)).toBe(-cmp.netProfit[0]! + cmp.netProfit[1]!);
  });

  it('balance sheet: equal totals per column; the flat table’s signed columns net to nil', async () => {
    const now = balanceSheet();
    const before: BalanceSheet = {
      ...now,
      asOn: '2025-03-31',
      liabilities: [now.liabilities[0]!],
      assets: [
        {
          ...now.assets[0]!,
          closing: 10_000_00,
          amount: 10_000_00,
          children: [{ guid: 'sd', name: 'Sundry Debtors', kind: 'group', closing: 10_000_00 }],
        },
      ],
      totalLiabilities: 10_000_00,
      totalAssets: 10_000_00,
      profitAndLoss: { opening: 0, currentPeriod: 0, transferred: 0, closing: 0 },
      closingStock: 0,
    };
    const cmp = compareBalanceSheets(
      [
        { from: '2025-04-01', to: '2026-03-31' },
        { from: '2024-04-01', to: '2025-03-31' },
      ],
      [now, before],
    );
    const book = await workbookOf(
      balanceSheetComparisonSheets(cmp, 'S', 'As on', labels, t) as ExportSheet<unknown>,
    );
    const statement = tableOf(book.worksheets[0]!);
    expect([1, 2, 5, 6].map((c) => paise(statement.total![c]!))).toEqual([
      13_000_00, 10_000_00, 13_000_00, 10_000_00,
    ]);
    const flat = tableOf(book.worksheets[1]!);
    for (let c = 4; c < flat.headers.length; c += 1) {
      expect(columnSum(flat.rows, c)).toBe(paise(flat.total![c] ?? null));
    }
    expect([4, 5].map((c) => paise(flat.total![c]!))).toEqual([0, 0]);
    // Schedule III with both dates: each part's TOTAL per column.
    const s3 = scheduleThreeSheet(cmp.reports, 'S', 'As on', t, labels);
    const totals = s3.rows.filter((r) => r.label.trim() === 'TOTAL' && r.note === '').slice(0, 2);
    expect(totals.map((r) => r.amounts)).toEqual([
      [13_000_00, 10_000_00],
      [13_000_00, 10_000_00],
    ]);
  });
});

describe('statements with three and four comparison columns on paper', () => {
  const years = [2025, 2024, 2023, 2022];
  const columnsOf = (n: number) =>
    years.slice(0, n).map((y) => ({ from: `${y}-04-01`, to: `${y + 1}-03-31` }));
  const labelsOf = (n: number) => years.slice(0, n).map((y) => `${y}-${String(y + 1).slice(2)}`);
  /** Amounts as printed: Indian grouping, two decimals, blank where nil. */
  const format = (kind: string, v: string | number | null) =>
    typeof v === 'number' && (kind === 'money' || kind === 'drcr')
      ? formatInr(v, { symbol: false })
      : String(v ?? '');
  /** The same books a crore times larger: amounts of 15 characters, as a large company prints. */
  const large = <T>(report: T): T =>
    JSON.parse(JSON.stringify(report), (key: string, v: unknown) =>
      typeof v === 'number' && key !== 'depth' ? v * 1_00_00_000 : v,
    ) as T;
  const print = (sheet: ExportSheet<unknown>) =>
    documentFromSheet(sheet, format, { strong: sheet.print?.strong, orientation: sheet.print?.orientation });
  /** Each table of a document (its own, then its sections) with its caption, headers and totals row. */
  const tablesOf = (doc: PrintDocument) =>
    [doc, ...(doc.sections ?? [])].map((table) => ({
      caption: 'caption' in table ? table.caption : undefined,
      headers: table.columns.map((c) => c.header),
      weights: table.columns.map((c) => c.weight).join(' '),
      total: table.trailing[0]!.cells,
      lines: table.lines.map((l) => l.cells[0]!),
    }));
  const amounts = (n: number, cells: string[]) => cells.slice(1, 1 + n);

  for (const n of [3, 4]) {
    it(`P&L with ${n} periods: too wide side by side, each side across the page with its difference; Gross Profit c/o = b/f, each part’s sides equal per column`, () => {
      const reports = [true, false, true, false].slice(0, n).map((gross) => large(profitLoss(gross)));
      const cmp = compareProfitLoss(columnsOf(n), reports);
      const labels = labelsOf(n);
      const doc = print(profitLossComparisonSheets(cmp, 'S', 'P', labels, t) as ExportSheet<unknown>);
      const tables = tablesOf(doc);
      expect(tables.map((x) => x.caption)).toEqual([
        'Trading account: debit side (Dr)',
        'Trading account: credit side (Cr)',
        'Profit & loss account: debit side (Dr)',
        'Profit & loss account: credit side (Cr)',
      ]);
      for (const table of tables) expect(table.headers).toEqual(['Particulars', ...labels, 'Difference']);
      // Every table's columns as wide as their widest, so the amounts stand under each other.
      expect(new Set(tables.map((x) => x.weights)).size).toBe(1);
      const [tradingDr, tradingCr, plDr, plCr] = tables;
      expect(amounts(n, tradingDr!.total)).toEqual(amounts(n, tradingCr!.total));
      expect(amounts(n, plDr!.total)).toEqual(amounts(n, plCr!.total));
      expect(tradingDr!.total[n + 1]).toBe(tradingCr!.total[n + 1]);
      expect(plDr!.total[n + 1]).toBe(plCr!.total[n + 1]);
      const line = (table: typeof tradingDr, label: string) =>
        (table === tradingDr ? doc.lines : doc.sections![tables.indexOf(table!) - 1]!.lines).find(
          (l) => l.cells[0] === label,
        )!.cells;
      const co = line(tradingDr, 'Gross Profit c/o');
      expect(co.slice(1)).toEqual(line(plCr, 'Gross Profit b/f').slice(1));
      // The current year's gross profit (4,000 a crore times) less last year's gross loss (-1,000).
      expect(co[1]).toBe(formatInr(4_000_00 * 1_00_00_000, { symbol: false }));
      expect(co[n + 1]).toBe(formatInr(5_000_00 * 1_00_00_000, { symbol: false }));
      // Each table fits across its page (portrait when it can).
      expect(fitsAcross(doc.columns, doc.orientation)).toBe(true);
    });

    it(`balance sheet with ${n} periods: Liabilities then Assets across the page, equal totals per column and the difference`, () => {
      const now = balanceSheet();
      const cmp = compareBalanceSheets(
        columnsOf(n),
        Array.from({ length: n }, (_, i) => large({ ...now, asOn: `${2026 - i}-03-31` })),
      );
      const labels = labelsOf(n);
      const doc = print(balanceSheetComparisonSheets(cmp, 'S', 'As on', labels, t) as ExportSheet<unknown>);
      const [liabilities, assets, ...none] = tablesOf(doc);
      expect(none).toEqual([]);
      expect([liabilities!.caption, assets!.caption]).toEqual(['Liabilities', 'Assets']);
      for (const table of [liabilities!, assets!]) {
        expect(table.headers).toEqual(['Particulars', ...labels, 'Difference']);
        expect(table.total[0]).toBe('Total');
      }
      expect(liabilities!.lines).toContain('Capital Account');
      expect(assets!.lines).toContain('Current Assets');
      const total = formatInr(13_000_00 * 1_00_00_000, { symbol: false });
      expect(amounts(n, liabilities!.total)).toEqual(Array.from({ length: n }, () => total));
      expect(amounts(n, assets!.total)).toEqual(amounts(n, liabilities!.total));
      // Every column the same: no difference, printed blank.
      expect(liabilities!.total[n + 1]).toBe('');
      // On pages: each table's caption once, above its heading row.
      const html = renderDocument(
        doc,
        estimateHeights(doc),
        { page: (p, k) => `Page ${p} of ${k}` },
        (k, p) => format(k, p),
      );
      expect(html.match(/class="pd-caption"/g)).toHaveLength(2);
      expect(html.match(/<th[^>]*>Difference<\/th>/g)).toHaveLength(2);
    });
  }

  it('small amounts with three periods still fit side by side: printed so, with both differences', () => {
    const cmp = compareBalanceSheets(columnsOf(3), [balanceSheet(), balanceSheet(), balanceSheet()]);
    const doc = print(
      balanceSheetComparisonSheets(cmp, 'S', 'As on', labelsOf(3), t) as ExportSheet<unknown>,
    );
    expect(doc.sections).toBeUndefined();
    expect(doc.columns.map((c) => c.header).filter((h) => h === 'Difference')).toHaveLength(2);
  });

  it('one and two periods print as before: side by side, no tables stacked', () => {
    for (const n of [1, 2]) {
      const cmp = compareProfitLoss(
        columnsOf(n),
        Array.from({ length: n }, () => large(profitLoss(true))),
      );
      const sheet = profitLossComparisonSheets(cmp, 'S', 'P', labelsOf(n), t);
      expect(sheet.print?.stacked).toBeUndefined();
      const doc = print(sheet as ExportSheet<unknown>);
      expect(doc.sections).toBeUndefined();
      expect(doc.columns).toHaveLength(2 * (n + 1 + (n > 1 ? 1 : 0)));
    }
  });
});

describe('Statement of Profit and Loss in the vertical form of Schedule III', () => {
  const amount = (sheet: ReturnType<typeof scheduleThreeProfitLossSheet>, start: string) =>
    sheet.rows.find((r) => r.label.trim().startsWith(start))?.amounts;

  it('revenue, other income, total income, expenses, profit before tax, tax and the period’s profit (Tally’s net profit)', () => {
    const data = profitLoss();
    // A tax ledger and depreciation among the indirect expenses.
    data.indirectExpenses[0]!.ledgers.push(
      { guid: 'tx', name: 'Income Tax', amount: 300_00 },
      { guid: 'dp', name: 'Depreciation on furniture', amount: 200_00 },
    );
    data.indirectExpenses[0]!.amount += 500_00;
    data.netProfit -= 500_00;
    const sheet = scheduleThreeProfitLossSheet(data, 'S', 'P', t);
    expect(amount(sheet, 'I. Revenue from operations')).toEqual([9_000_00]);
    expect(amount(sheet, 'II. Other income')).toEqual([500_00]);
    expect(amount(sheet, 'III. Total income')).toEqual([9_500_00]);
    expect(amount(sheet, 'Purchases of stock-in-trade')).toEqual([6_000_00]);
    // Opening 1,000 − closing 2,000.
    expect(amount(sheet, 'Changes in inventories')).toEqual([-1_000_00]);
    expect(amount(sheet, 'Depreciation and amortisation')).toEqual([200_00]);
    expect(amount(sheet, 'Other expenses')).toEqual([1_500_00]);
    expect(amount(sheet, 'Total expenses')).toEqual([6_700_00]);
    expect(amount(sheet, 'V. Profit before tax')).toEqual([2_800_00]);
    expect(amount(sheet, 'VI. Tax expense')).toEqual([300_00]);
    expect(amount(sheet, 'VII. Profit (loss) for the period')).toEqual([data.netProfit]);
    expect(2_800_00 - 300_00).toBe(data.netProfit);
    // Note numbers in order, each note totalling its line item.
    expect(sheet.rows.filter((r) => r.note !== '' && !r.label.startsWith('Note')).map((r) => r.note)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'],
    );
    expect(sheet.notes).toEqual([expect.stringContaining('check before filing')]);
    expect(sheet.columns.map((c) => c.header)).toEqual(['Particulars', 'Note No.', 'Amount']);
  });

  it('with two periods: each column’s profit is its own net profit, and the difference', () => {
    const sheet = scheduleThreeProfitLossSheet([profitLoss(true), profitLoss(false)], 'S', 'P', t, [
      'A',
      'B',
    ]);
    expect(sheet.columns.map((c) => c.header)).toEqual(['Particulars', 'Note No.', 'A', 'B', 'Difference']);
    expect(amount(sheet, 'VII. Profit (loss)')).toEqual([
      profitLoss(true).netProfit,
      profitLoss(false).netProfit,
    ]);
    const revenue = sheet.rows.find((r) => r.label.startsWith('I. '))!;
    expect(sheet.columns[4]!.value(revenue)).toBe(5_000_00);
  });

  it('places expense ledgers by their names', () => {
    expect(
      ['Salaries', 'Staff welfare', 'Interest on loan', 'Depreciation', 'Provision for tax', 'Rent'].map(
        expenseHead,
      ),
    ).toEqual(['employee', 'employee', 'finance', 'depreciation', 'tax', 'otherExpenses']);
  });
});
