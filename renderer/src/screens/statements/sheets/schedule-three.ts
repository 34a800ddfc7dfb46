import type { Paise } from '../../../../../shared/money';
import type { BalanceSheet, BalanceSheetLine } from '../../../../../shared/types/reports';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';

type Side = 'liabilities' | 'assets';

/** The line items of Schedule III, Division I, Part I (Form of Balance Sheet) that Tally's groups fill. */
export type ScheduleHead =
  | 'shareCapital'
  | 'reserves'
  | 'longTermBorrowings'
  | 'shortTermBorrowings'
  | 'tradePayables'
  | 'otherCurrentLiabilities'
  | 'shortTermProvisions'
  | 'fixedAssets'
  | 'nonCurrentInvestments'
  | 'inventories'
  | 'tradeReceivables'
  | 'cash'
  | 'shortTermLoans'
  | 'otherCurrentAssets';

/** The form's order: each heading with its line items. */
const FORM: { side: Side; heading: string; heads: ScheduleHead[] }[] = [
  { side: 'liabilities', heading: 'shareholdersFunds', heads: ['shareCapital', 'reserves'] },
  { side: 'liabilities', heading: 'nonCurrentLiabilities', heads: ['longTermBorrowings'] },
  {
    side: 'liabilities',
    heading: 'currentLiabilities',
    heads: ['shortTermBorrowings', 'tradePayables', 'otherCurrentLiabilities', 'shortTermProvisions'],
  },
  { side: 'assets', heading: 'nonCurrentAssets', heads: ['fixedAssets', 'nonCurrentInvestments'] },
  {
    side: 'assets',
    heading: 'currentAssets',
    heads: ['inventories', 'tradeReceivables', 'cash', 'shortTermLoans', 'otherCurrentAssets'],
  },
];

/** Tally's predefined sub-groups, by the line item they belong to. */
const SUB_GROUPS: Record<string, ScheduleHead> = {
  'Reserves & Surplus': 'reserves',
  'Bank OD A/c': 'shortTermBorrowings',
  'Bank OCC A/c': 'shortTermBorrowings',
  'Secured Loans': 'longTermBorrowings',
  'Unsecured Loans': 'longTermBorrowings',
  'Sundry Creditors': 'tradePayables',
  'Duties & Taxes': 'otherCurrentLiabilities',
  Provisions: 'shortTermProvisions',
  'Sundry Debtors': 'tradeReceivables',
  'Cash-in-Hand': 'cash',
  'Bank Accounts': 'cash',
  'Loans & Advances (Asset)': 'shortTermLoans',
  'Deposits (Asset)': 'otherCurrentAssets',
  'Stock-in-Hand': 'inventories',
};

/** Tally's predefined primary groups, by the line item their own ledgers (and other sub-groups) go to. */
const PRIMARY: Record<string, ScheduleHead> = {
  'Capital Account': 'shareCapital',
  'Reserves & Surplus': 'reserves',
  'Loans (Liability)': 'longTermBorrowings',
  'Current Liabilities': 'otherCurrentLiabilities',
  'Fixed Assets': 'fixedAssets',
  Investments: 'nonCurrentInvestments',
  'Current Assets': 'otherCurrentAssets',
  'Sundry Debtors': 'tradeReceivables',
  'Sundry Creditors': 'tradePayables',
  'Bank Accounts': 'cash',
  'Cash-in-Hand': 'cash',
  'Stock-in-Hand': 'inventories',
};

/** One amount that goes into a line item: a sub-group or ledger of the balance sheet, with its source. */
export interface ScheduleItem {
  head: ScheduleHead;
  /** What it is, the same in every column: the line's or child's kind and GUID. */
  key: string;
  label: string;
  /** On its side: credit positive among equity and liabilities, debit positive among assets. */
  amount: Paise;
}

const onSide = (side: Side, closing: Paise): Paise => (side === 'assets' ? closing : -closing);

/** Where a balance sheet line's parts go: by sub-group name, else by the line's primary group, else by side. */
export function scheduleItems(data: BalanceSheet, t: Translate): ScheduleItem[] {
  const fallback = (side: Side): ScheduleHead =>
    side === 'assets' ? 'otherCurrentAssets' : 'otherCurrentLiabilities';
  const itemsOf = (side: Side, line: BalanceSheetLine): ScheduleItem[] => {
    const key = `${side}:${line.kind}:${line.guid}`;
    if (line.kind === 'profitAndLoss')
      return [{ head: 'reserves', key, label: line.name, amount: line.amount }];
    if (line.kind === 'closingStock') {
      return [{ head: 'inventories', key, label: t('balanceSheet.closingStock'), amount: line.amount }];
    }
    if (line.kind === 'openingDifference') {
      return [{ head: fallback(side), key, label: t('balanceSheet.difference'), amount: line.amount }];
    }
    const own = PRIMARY[line.name] ?? fallback(side);
    if (line.children.length === 0) return [{ head: own, key, label: line.name, amount: line.amount }];
    return line.children.map((child) => ({
      head:
        child.kind === 'closingStock'
          ? 'inventories'
          : child.kind === 'group'
            ? (SUB_GROUPS[child.name] ?? own)
            : own,
      key: `${side}:${child.kind}:${child.guid}`,
      label: child.kind === 'closingStock' ? t('balanceSheet.closingStock') : child.name,
      amount: onSide(side, child.closing),
    }));
  };
  return (['liabilities', 'assets'] as const).flatMap((side) => data[side].flatMap((l) => itemsOf(side, l)));
}

/**
 * A row of a Schedule III form: a heading, a line item with its note number, a total, or a note's line;
 * one amount per column (`amount` is the first, the current period's), null where nothing prints.
 */
export interface ScheduleRow {
  label: string;
  note: string;
  amount: Paise | null;
  amounts: (Paise | null)[];
  strong: boolean;
}

/** A row with the same amount rule in every column. */
export function scheduleRow(
  label: string,
  note: string,
  amounts: (Paise | null)[],
  strong: boolean,
): ScheduleRow {
  return { label, note, amount: amounts[0] ?? null, amounts, strong };
}

/** Items of several columns by line item: each item (by key) with its amount in every column. */
export interface ScheduleNoteLine {
  key: string;
  label: string;
  amounts: Paise[];
}

/** The columns' items merged by key, in the first column's order (a later column's own after). */
export function alignItems<H extends string>(
  columns: { head: H; key: string; label: string; amount: Paise }[][],
): Map<H, ScheduleNoteLine[]> {
  const byHead = new Map<H, ScheduleNoteLine[]>();
  const found = new Map<string, ScheduleNoteLine>();
  columns.forEach((items, c) => {
    for (const item of items) {
      const id = `${item.head}|${item.key}`;
      let line = found.get(id);
      if (!line) {
        line = { key: item.key, label: item.label, amounts: columns.map(() => 0) };
        found.set(id, line);
        byHead.set(item.head, [...(byHead.get(item.head) ?? []), line]);
      }
      line.amounts[c] = (line.amounts[c] ?? 0) + item.amount;
    }
  });
  return byHead;
}

/** Current minus first comparison, or nothing with one column. */
export const differenceOf = (amounts: readonly (Paise | null)[]): Paise | null =>
  amounts.length < 2 || amounts[0] === null || amounts[1] === null
    ? null
    : (amounts[0] ?? 0) - (amounts[1] ?? 0);

/**
 * The columns of a Schedule III form: particulars, note number, one amount per column (headed by its
 * period, or "Amount" alone) and, with two or more, the difference (current minus the first comparison).
 */
export function scheduleColumns(
  t: Translate,
  labels: readonly string[],
  particulars: string,
): ExportSheet<ScheduleRow>['columns'] {
  const many = labels.length > 1;
  return [
    { header: particulars, kind: 'text', value: (r) => r.label },
    { header: t('scheduleThree.noteNo'), kind: 'text', value: (r) => r.note },
    ...labels.map((label, i) => ({
      header: many ? label : t('common.amount'),
      kind: 'money' as const,
      value: (r: ScheduleRow) => r.amounts[i] ?? null,
      total: 'none' as const,
    })),
    ...(many
      ? [
          {
            header: t('comparison.difference'),
            kind: 'money' as const,
            value: (r: ScheduleRow) => differenceOf(r.amounts),
            total: 'none' as const,
          },
        ]
      : []),
  ];
}

/**
 * The balance sheet in the vertical form of Schedule III to the Companies Act 2013 (Division I, Part I):
 * I. Equity and liabilities — shareholders' funds, non-current and current liabilities — and II. Assets —
 * non-current and current —, each line item with a note number, each part's TOTAL (equal); then the notes,
 * each line item's sub-groups and ledgers with their amounts. Line items with nothing in them are left out.
 * Several sheets (comparison columns: current first) print side by side, with the difference.
 */
export function scheduleThreeSheet(
  data: BalanceSheet | readonly BalanceSheet[],
  company: string,
  period: string,
  t: Translate,
  labels: readonly string[] = [],
): ExportSheet<ScheduleRow> {
  const sheets: readonly BalanceSheet[] = Array.isArray(data) ? data : [data as BalanceSheet];
  const aligned = alignItems(sheets.map((sheet) => scheduleItems(sheet, t)));
  const totalOf = (head: ScheduleHead): Paise[] =>
    sheets.map((_, c) => (aligned.get(head) ?? []).reduce((s, l) => s + (l.amounts[c] ?? 0), 0));
  const used = (head: ScheduleHead) => aligned.has(head);
  const s3 = (key: string) => t(`scheduleThree.${key}`);
  const rows: ScheduleRow[] = [];
  const notes: ScheduleHead[] = [];
  const letters = 'abcdefghij';
  const blank = sheets.map(() => null);
  for (const [part, side, numeral] of [
    ['equityAndLiabilities', 'liabilities', 'I'],
    ['assets', 'assets', 'II'],
  ] as const) {
    rows.push(scheduleRow(`${numeral}. ${s3(part)}`, '', blank, true));
    FORM.filter((f) => f.side === side).forEach((form, f) => {
      const heads = form.heads.filter(used);
      if (heads.length === 0) return;
      rows.push(scheduleRow(`  (${f + 1}) ${s3(form.heading)}`, '', blank, true));
      heads.forEach((head, h) => {
        notes.push(head);
        rows.push(
          scheduleRow(`      (${letters[h]}) ${s3(head)}`, String(notes.length), totalOf(head), false),
        );
      });
    });
    rows.push(
      scheduleRow(
        `  ${s3('total')}`,
        '',
        sheets.map((sheet) => (side === 'assets' ? sheet.totalAssets : sheet.totalLiabilities)),
        true,
      ),
    );
  }
  rows.push(scheduleRow('', '', blank, false));
  rows.push(scheduleRow(s3('notes'), '', blank, true));
  notes.forEach((head, n) => {
    rows.push(scheduleRow(`${s3('note')} ${n + 1}: ${s3(head)}`, String(n + 1), blank, true));
    for (const item of aligned.get(head) ?? [])
      rows.push(scheduleRow(`  ${item.label}`, '', item.amounts, false));
    rows.push(scheduleRow(`  ${s3('total')}`, '', totalOf(head), true));
  });
  return {
    title: `${t('balanceSheet.title')} - ${s3('title')}`,
    company,
    period,
    notes: [s3('mapping')],
    columns: scheduleColumns(
      t,
      labels.length === sheets.length ? labels : sheets.map(() => ''),
      t('balanceSheet.particulars'),
    ),
    rows,
    totals: null,
    print: { strong: (r) => r.strong, orientation: sheets.length > 2 ? 'landscape' : 'portrait' },
  };
}
