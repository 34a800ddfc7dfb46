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
    if (line.kind === 'profitAndLoss') return [{ head: 'reserves', label: line.name, amount: line.amount }];
    if (line.kind === 'closingStock') {
      return [{ head: 'inventories', label: t('balanceSheet.closingStock'), amount: line.amount }];
    }
    if (line.kind === 'openingDifference') {
      return [{ head: fallback(side), label: t('balanceSheet.difference'), amount: line.amount }];
    }
    const own = PRIMARY[line.name] ?? fallback(side);
    if (line.children.length === 0) return [{ head: own, label: line.name, amount: line.amount }];
    return line.children.map((child) => ({
      head:
        child.kind === 'closingStock'
          ? 'inventories'
          : child.kind === 'group'
            ? (SUB_GROUPS[child.name] ?? own)
            : own,
      label: child.kind === 'closingStock' ? t('balanceSheet.closingStock') : child.name,
      amount: onSide(side, child.closing),
    }));
  };
  return (['liabilities', 'assets'] as const).flatMap((side) => data[side].flatMap((l) => itemsOf(side, l)));
}

/** A row of the Schedule III form: a heading, a line item with its note number, a total, or a note's line. */
export interface ScheduleRow {
  label: string;
  note: string;
  amount: Paise | null;
  strong: boolean;
}

/**
 * The balance sheet in the vertical form of Schedule III to the Companies Act 2013 (Division I, Part I):
 * I. Equity and liabilities — shareholders' funds, non-current and current liabilities — and II. Assets —
 * non-current and current —, each line item with a note number, each part's TOTAL (equal); then the notes,
 * each line item's sub-groups and ledgers with their amounts. Line items with nothing in them are left out.
 */
export function scheduleThreeSheet(
  data: BalanceSheet,
  company: string,
  period: string,
  t: Translate,
): ExportSheet<ScheduleRow> {
  const items = scheduleItems(data, t);
  const total = (head: ScheduleHead) =>
    items.filter((i) => i.head === head).reduce((s, i) => s + i.amount, 0);
  const used = (head: ScheduleHead) => items.some((i) => i.head === head);
  const s3 = (key: string) => t(`scheduleThree.${key}`);
  const rows: ScheduleRow[] = [];
  const notes: ScheduleHead[] = [];
  const letters = 'abcdefghij';
  for (const [part, side, numeral] of [
    ['equityAndLiabilities', 'liabilities', 'I'],
    ['assets', 'assets', 'II'],
  ] as const) {
    rows.push({ label: `${numeral}. ${s3(part)}`, note: '', amount: null, strong: true });
    FORM.filter((f) => f.side === side).forEach((form, f) => {
      const heads = form.heads.filter(used);
      if (heads.length === 0) return;
      rows.push({ label: `  (${f + 1}) ${s3(form.heading)}`, note: '', amount: null, strong: true });
      heads.forEach((head, h) => {
        notes.push(head);
        rows.push({
          label: `      (${letters[h]}) ${s3(head)}`,
          note: String(notes.length),
          amount: total(head),
          strong: false,
        });
      });
    });
    rows.push({
      label: `  ${s3('total')}`,
      note: '',
      amount: side === 'assets' ? data.totalAssets : data.totalLiabilities,
      strong: true,
    });
  }
  rows.push({ label: '', note: '', amount: null, strong: false });
  rows.push({ label: s3('notes'), note: '', amount: null, strong: true });
  notes.forEach((head, n) => {
    rows.push({
      label: `${s3('note')} ${n + 1}: ${s3(head)}`,
      note: String(n + 1),
      amount: null,
      strong: true,
    });
    for (const item of items.filter((i) => i.head === head)) {
      rows.push({ label: `  ${item.label}`, note: '', amount: item.amount, strong: false });
    }
    rows.push({ label: `  ${s3('total')}`, note: '', amount: total(head), strong: true });
  });
  return {
    title: `${t('balanceSheet.title')} - ${s3('title')}`,
    company,
    period,
    notes: [s3('mapping')],
    columns: [
      { header: t('balanceSheet.particulars'), kind: 'text', value: (r) => r.label },
      { header: s3('noteNo'), kind: 'text', value: (r) => r.note },
      { header: t('common.amount'), kind: 'money', value: (r) => r.amount, total: 'none' },
    ],
    rows,
    totals: null,
    print: { strong: (r) => r.strong, orientation: 'portrait' },
  };
}
