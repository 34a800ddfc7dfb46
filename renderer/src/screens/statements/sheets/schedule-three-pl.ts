import type { Paise } from '../../../../../shared/money';
import type { ProfitLoss, ProfitLossLine } from '../../../../../shared/types/reports';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { alignItems, scheduleColumns, scheduleRow, type ScheduleRow } from './schedule-three';

/**
 * The line items of Schedule III, Division I, Part II (Statement of Profit and Loss) that Tally's books
 * fill. Exceptional and extraordinary items, discontinuing operations and earnings per share are not
 * kept in Tally's groups and are left out (docs/TALLY.md).
 */
export type PlHead =
  | 'revenue'
  | 'otherIncome'
  | 'materials'
  | 'purchases'
  | 'inventories'
  | 'employee'
  | 'finance'
  | 'depreciation'
  | 'otherExpenses'
  | 'tax';

const EXPENSES: PlHead[] = [
  'materials',
  'purchases',
  'inventories',
  'employee',
  'finance',
  'depreciation',
  'otherExpenses',
];

/**
 * An expense ledger's line item by its name (Tally keeps no such classification: TallyConnect's choice,
 * said in the title rows): taxes on income, depreciation, interest, staff costs, else other expenses.
 */
export function expenseHead(name: string): PlHead {
  const n = name.toLowerCase();
  if (/income[\s-]?tax|current tax|deferred tax|tax expense|provision for tax/.test(n)) return 'tax';
  if (/depreciation|amorti[sz]ation/.test(n)) return 'depreciation';
  if (/interest|finance (charge|cost)|borrowing cost/.test(n)) return 'finance';
  if (/salar|wage|bonus|staff|provident|\bpf\b|\besi\b|gratuity|employee|leave encash|remuneration/.test(n)) {
    return 'employee';
  }
  return 'otherExpenses';
}

export interface PlItem {
  head: PlHead;
  key: string;
  label: string;
  /** Incomes credit positive, expenses debit positive (changes in inventories: opening − closing). */
  amount: Paise;
}

/**
 * Where a P&L's figures go: sales and direct incomes into revenue from operations, indirect incomes into
 * other income, the Purchase Accounts into purchases of stock-in-trade, opening − closing stock into the
 * changes in inventories, every other expense ledger by its name (expenseHead).
 */
export function plItems(data: ProfitLoss, t: Translate): PlItem[] {
  const ledgers = (lines: ProfitLossLine[], head: (line: ProfitLossLine, name: string) => PlHead) =>
    lines.flatMap((line) =>
      line.ledgers.map((l) => ({ head: head(line, l.name), key: l.guid, label: l.name, amount: l.amount })),
    );
  const items: PlItem[] = [
    ...ledgers(data.directIncomes, () => 'revenue'),
    ...ledgers(data.indirectIncomes, () => 'otherIncome'),
    ...ledgers(data.directExpenses, (line, name) =>
      line.groupName === 'Purchase Accounts' ? 'purchases' : expenseHead(name),
    ),
  ];
  if (data.openingStock !== 0) {
    items.push({
      head: 'inventories',
      key: 'opening-stock',
      label: t('profitLoss.openingStock'),
      amount: data.openingStock,
    });
  }
  if (data.closingStock !== 0) {
    items.push({
      head: 'inventories',
      key: 'closing-stock',
      label: `${t('comparison.less')} ${t('profitLoss.closingStock')}`,
      amount: -data.closingStock,
    });
  }
  items.push(...ledgers(data.indirectExpenses, (_line, name) => expenseHead(name)));
  return items;
}

/**
 * The Statement of Profit and Loss in the vertical form of Schedule III to the Companies Act 2013
 * (Division I, Part II): I. Revenue from operations, II. Other income, III. Total income (I + II),
 * IV. Expenses (cost of materials consumed, purchases of stock-in-trade, changes in inventories, employee
 * benefits expense, finance costs, depreciation and amortisation, other expenses) and their total,
 * V. Profit before tax (III − IV), VI. Tax expense, VII. Profit (loss) for the period (V − VI) — Tally's net
 * profit. Each line item with a note number; the notes list its ledgers. Line items with nothing in any
 * column are left out. Several P&Ls (comparison columns: current first) print side by side.
 */
export function scheduleThreeProfitLossSheet(
  data: ProfitLoss | readonly ProfitLoss[],
  company: string,
  period: string,
  t: Translate,
  labels: readonly string[] = [],
): ExportSheet<ScheduleRow> {
  const reports: readonly ProfitLoss[] = Array.isArray(data) ? data : [data as ProfitLoss];
  const aligned = alignItems(reports.map((r) => plItems(r, t)));
  const totalOf = (heads: readonly PlHead[]): Paise[] =>
    reports.map((_, c) =>
      heads.reduce(
        (s, head) => s + (aligned.get(head) ?? []).reduce((x, l) => x + (l.amounts[c] ?? 0), 0),
        0,
      ),
    );
  const c3 = (key: string) => t(`comparison.s3.${key}`);
  const blank = reports.map(() => null);
  const rows: ScheduleRow[] = [];
  const notes: PlHead[] = [];
  const item = (label: string, head: PlHead) => {
    if (!aligned.has(head)) return;
    notes.push(head);
    rows.push(scheduleRow(label, String(notes.length), totalOf([head]), false));
  };
  const income = totalOf(['revenue', 'otherIncome']);
  const expenses = totalOf(EXPENSES);
  const beforeTax = income.map((v, c) => v - (expenses[c] ?? 0));
  const tax = totalOf(['tax']);
  item(`I. ${c3('revenue')}`, 'revenue');
  item(`II. ${c3('otherIncome')}`, 'otherIncome');
  rows.push(scheduleRow(`III. ${c3('totalIncome')}`, '', income, true));
  rows.push(scheduleRow(`IV. ${c3('expenses')}`, '', blank, true));
  for (const head of EXPENSES) item(`    ${c3(head)}`, head);
  rows.push(scheduleRow(`    ${c3('totalExpenses')}`, '', expenses, true));
  rows.push(scheduleRow(`V. ${c3('beforeTax')}`, '', beforeTax, true));
  item(`VI. ${c3('tax')}`, 'tax');
  if (!aligned.has('tax')) rows.push(scheduleRow(`VI. ${c3('tax')}`, '', tax, false));
  rows.push(
    scheduleRow(
      `VII. ${c3('profit')}`,
      '',
      reports.map((r) => r.netProfit),
      true,
    ),
  );
  rows.push(scheduleRow('', '', blank, false));
  rows.push(scheduleRow(c3('notes'), '', blank, true));
  notes.forEach((head, n) => {
    rows.push(scheduleRow(`${t('scheduleThree.note')} ${n + 1}: ${c3(head)}`, String(n + 1), blank, true));
    for (const line of aligned.get(head) ?? [])
      rows.push(scheduleRow(`  ${line.label}`, '', line.amounts, false));
    rows.push(scheduleRow(`  ${t('scheduleThree.total')}`, '', totalOf([head]), true));
  });
  return {
    title: `${t('profitLoss.title')} - ${t('scheduleThree.title')}`,
    company,
    period,
    notes: [c3('mapping')],
    columns: scheduleColumns(
      t,
      labels.length === reports.length ? labels : reports.map(() => ''),
      t('trialBalance.particulars'),
    ),
    rows,
    totals: null,
    print: { strong: (r) => r.strong, orientation: reports.length > 2 ? 'landscape' : 'portrait' },
  };
}
