import type { Paise } from '../../../../../shared/money';
import type {
  BalanceSheetComparison,
  BalanceSheetComparisonLine,
  GroupSummaryComparison,
  GroupSummaryComparisonRow,
  ProfitLossComparison,
  ProfitLossComparisonLine,
  TrialBalanceComparison,
  TrialBalanceComparisonRow,
} from '../../../../../shared/types/comparison';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import { creditPart, debitPart, type Translate } from '../../../lib/export-columns';
import { childPart, lineLabel } from './balance-sheet';
import { accountColumns } from './profit-loss';
import { placedColumns, placeRows, type PlacedRow } from './trial-balance';

/**
 * Statements with comparison columns (Tally's Alt+C, New Column) for the screen, paper and Excel: one
 * amount column per period (the current one first) and, with two or more, the difference — current
 * minus the first comparison, in the statement's own sign (a P&L line in its natural direction, a
 * balance-sheet line on its side, a balance debit positive).
 */

/** Current minus first comparison; null with one column. */
export const difference = (amounts: readonly Paise[]): Paise | null =>
  amounts.length < 2 ? null : (amounts[0] ?? 0) - (amounts[1] ?? 0);

/** One side's entry in a multi-column horizontal statement: a heading (added up) or a ledger beneath it. */
export interface ColumnsEntry {
  label: string;
  amounts: Paise[];
  heading: boolean;
}

export interface ColumnsRow {
  left: ColumnsEntry | null;
  right: ColumnsEntry | null;
  total: boolean;
}

type Block = ColumnsEntry[];

const head = (label: string, amounts: Paise[]): ColumnsEntry => ({ label, amounts, heading: true });
const detail = (label: string, amounts: Paise[]): ColumnsEntry => ({
  label: `  ${label}`,
  amounts,
  heading: false,
});
const anyNonZero = (amounts: readonly Paise[]) => amounts.some((a) => a !== 0);

function pairUp(left: Block, right: Block): ColumnsRow[] {
  const rows: ColumnsRow[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    rows.push({ left: left[i] ?? null, right: right[i] ?? null, total: false });
  }
  return rows;
}

/** A side's totals per column: what its headings add up to. */
const blockTotal = (block: Block, n: number): Paise[] =>
  Array.from({ length: n }, (_, i) => block.reduce((s, e) => s + (e.heading ? (e.amounts[i] ?? 0) : 0), 0));

const totalRow = (label: string, left: Paise[], right: Paise[]): ColumnsRow => ({
  left: head(label, left),
  right: head(label, right),
  total: true,
});

/** The amount columns of one side: each period, then (with two or more) the difference. */
function amountColumns<R>(
  labels: readonly string[],
  entry: (r: R) => ColumnsEntry | null,
  t: Translate,
): ExportColumn<R>[] {
  return [
    ...labels.map((label, i): ExportColumn<R> => ({
      header: label,
      kind: 'money',
      value: (r) => entry(r)?.amounts[i] ?? null,
      total: 'none',
    })),
    ...(labels.length > 1
      ? [
          {
            header: t('comparison.difference'),
            kind: 'money' as const,
            value: (r: R) => {
              const e = entry(r);
              return e ? difference(e.amounts) : null;
            },
            total: 'none' as const,
          },
        ]
      : []),
  ];
}

/** A part of a horizontal statement (the trading account ...): each side's entries and its total. */
interface Part {
  left: ColumnsEntry[];
  right: ColumnsEntry[];
  total: ColumnsRow;
}

/** The parts of a statement's rows, each ending at its total row. */
function partsOf(rows: readonly ColumnsRow[]): Part[] {
  const parts: Part[] = [];
  let body: ColumnsRow[] = [];
  for (const row of rows) {
    if (!row.total) {
      body.push(row);
      continue;
    }
    parts.push({
      left: body.flatMap((r) => (r.left ? [r.left] : [])),
      right: body.flatMap((r) => (r.right ? [r.right] : [])),
      total: row,
    });
    body = [];
  }
  return parts;
}

/**
 * One side of a part as a table of its own across the page: Particulars, each period and the difference,
 * the side's total at its foot (headings in bold, their ledgers beneath).
 */
function sideSheet(
  base: { title: string; company: string; period: string },
  header: string,
  entries: ColumnsEntry[],
  total: ColumnsEntry,
  labels: readonly string[],
  t: Translate,
): ExportSheet<ColumnsEntry> {
  return {
    ...base,
    columns: [
      { header, kind: 'text', value: (e) => e.label },
      ...amountColumns<ColumnsEntry>(labels, (e) => e, t),
    ],
    rows: entries,
    totals: { row: total },
    print: { strong: (e) => e.heading },
  };
}

/**
 * A horizontal statement with columns: each side's particulars, its amount per column and the difference;
 * the last total row as the totals row; landscape on paper. With three or more periods, where the two
 * sides side by side do not fit across the page, paper has each side in full, one after the other (the
 * part's left side, then its right, each under its caption), every column and the differences kept.
 */
function columnsSheet(options: {
  title: string;
  company: string;
  period: string;
  notes?: string[];
  headers: { left: string; right: string };
  /** Per part of the statement (one per total row): the captions of its sides printed one after the other. */
  captions: { left: string; right: string }[];
  labels: readonly string[];
  rows: ColumnsRow[];
  t: Translate;
}): ExportSheet<ColumnsRow> {
  const { rows, labels, t } = options;
  const sideColumns = (side: 'left' | 'right', header: string): ExportColumn<ColumnsRow>[] => [
    { header, kind: 'text', value: (r) => r[side]?.label ?? '' },
    ...amountColumns<ColumnsRow>(labels, (r) => r[side], t),
  ];
  const perSide = labels.length + (labels.length > 1 ? 1 : 0) + 1;
  const last = rows[rows.length - 1];
  const base = { title: options.title, company: options.company, period: options.period };
  const particulars = t('trialBalance.particulars');
  const stacked =
    labels.length > 2
      ? partsOf(rows).flatMap((part, p) => {
          const captions = options.captions[p] ?? {
            left: options.headers.left,
            right: options.headers.right,
          };
          return (['left', 'right'] as const).map((side) => ({
            caption: captions[side],
            sheet: sideSheet(
              base,
              particulars,
              part[side],
              part.total[side]!,
              labels,
              t,
            ) as ExportSheet<unknown>,
          }));
        })
      : [];
  return {
    ...base,
    notes: options.notes,
    columns: [...sideColumns('left', options.headers.left), ...sideColumns('right', options.headers.right)],
    rows: last?.total ? rows.slice(0, -1) : rows,
    totals: last?.total ? { row: last } : null,
    print: {
      strong: (r) => r.total,
      strongCells: (r) => [
        ...(r.left?.heading ? Array.from({ length: perSide }, (_, i) => i) : []),
        ...(r.right?.heading ? Array.from({ length: perSide }, (_, i) => perSide + i) : []),
      ],
      orientation: 'landscape',
      ...(stacked.length > 0 ? { stacked } : {}),
    },
  };
}

// ——— Profit & loss ———

function plBlock(lines: ProfitLossComparisonLine[], detailed: boolean): Block {
  return lines.flatMap((line) => [
    head(line.groupName, line.amounts),
    ...(detailed ? line.ledgers.map((l) => detail(l.name, l.amounts)) : []),
  ]);
}

const stockLabel = (label: string, computed: boolean, t: Translate): string =>
  computed ? `${label} (${t('profitLoss.stockComputed')})` : label;

/**
 * Tally's horizontal P&L with columns: the trading account (Gross Profit c/o | Gross Loss c/o) and the
 * profit and loss account (Gross Profit b/f, Net Profit | Gross Loss b/f, Net Loss), each side's totals
 * equal in every column. Where the result lines stand follows the current column; a column whose result
 * went the other way shows it there as a negative amount, so its sides still agree.
 */
export function profitLossComparisonRows(
  data: ProfitLossComparison,
  t: Translate,
  detailed = true,
): ColumnsRow[] {
  const n = data.columns.length;
  const computed = data.stockComputed[0] === true;
  const gross = data.grossProfit;
  const net = data.netProfit;
  const profit = (gross[0] ?? 0) >= 0;
  const netProfit = (net[0] ?? 0) >= 0;
  const negate = (a: Paise[]) => a.map((v) => -v);
  const tradingLeft: Block = [
    ...(anyNonZero(data.openingStock)
      ? [head(stockLabel(t('profitLoss.openingStock'), computed, t), data.openingStock)]
      : []),
    ...plBlock(data.directExpenses, detailed),
    ...(profit ? [head(t('statements.grossProfitCo'), gross)] : []),
  ];
  const tradingRight: Block = [
    ...plBlock(data.directIncomes, detailed),
    ...(anyNonZero(data.closingStock)
      ? [head(stockLabel(t('profitLoss.closingStock'), computed, t), data.closingStock)]
      : []),
    ...(profit ? [] : [head(t('statements.grossLossCo'), negate(gross))]),
  ];
  const plLeft: Block = [
    ...(profit ? [] : [head(t('statements.grossLossBf'), negate(gross))]),
    ...plBlock(data.indirectExpenses, detailed),
    ...(netProfit ? [head(t('profitLoss.netProfit'), net)] : []),
  ];
  const plRight: Block = [
    ...(profit ? [head(t('statements.grossProfitBf'), gross)] : []),
    ...plBlock(data.indirectIncomes, detailed),
    ...(netProfit ? [] : [head(t('profitLoss.netLoss'), negate(net))]),
  ];
  const total = t('common.total');
  return [
    ...pairUp(tradingLeft, tradingRight),
    totalRow(total, blockTotal(tradingLeft, n), blockTotal(tradingRight, n)),
    ...pairUp(plLeft, plRight),
    totalRow(total, blockTotal(plLeft, n), blockTotal(plRight, n)),
  ];
}

/** A flat row: one ledger (or the stock) with its account and side, its amount per column signed (Dr +). */
export interface ComparisonFlatRow {
  account: string;
  side: string;
  group: string;
  ledger: string;
  type: string;
  /** Debit positive, one per column. */
  signed: Paise[];
}

function profitLossFlat(data: ProfitLossComparison, t: Translate): ComparisonFlatRow[] {
  const trading = t('statements.tradingAccount');
  const pl = t('statements.profitAndLossAccount');
  const rows: ComparisonFlatRow[] = [];
  const add = (account: string, side: 'Dr' | 'Cr', lines: ProfitLossComparisonLine[]) => {
    for (const line of lines) {
      for (const l of line.ledgers) {
        rows.push({
          account,
          side,
          group: line.groupName,
          ledger: l.name,
          type: t('statements.typeLedger'),
          signed: side === 'Dr' ? l.amounts : l.amounts.map((a) => -a),
        });
      }
    }
  };
  const stock = (side: 'Dr' | 'Cr', label: string, amounts: Paise[]) => {
    if (!anyNonZero(amounts)) return;
    rows.push({
      account: trading,
      side,
      group: label,
      ledger: label,
      type: t('statements.typeStock'),
      signed: side === 'Dr' ? amounts : amounts.map((a) => -a),
    });
  };
  stock('Dr', t('profitLoss.openingStock'), data.openingStock);
  add(trading, 'Dr', data.directExpenses);
  add(trading, 'Cr', data.directIncomes);
  stock('Cr', t('profitLoss.closingStock'), data.closingStock);
  add(pl, 'Dr', data.indirectExpenses);
  add(pl, 'Cr', data.indirectIncomes);
  return rows;
}

/** With two or more columns, the difference signed (Dr +, Cr −); none with one. */
function signedDifference<R>(
  labels: readonly string[],
  t: Translate,
  value: (r: R) => Paise | null,
): ExportColumn<R>[] {
  return labels.length > 1
    ? [{ header: `${t('comparison.difference')} (Dr +, Cr −)`, kind: 'money', value }]
    : [];
}

/** The flat table's amount columns: each column signed (Dr +, Cr −), then the difference. */
function signedColumns(labels: readonly string[], t: Translate): ExportColumn<ComparisonFlatRow>[] {
  return [
    ...labels.map((label, i): ExportColumn<ComparisonFlatRow> => ({
      header: `${label} (Dr +, Cr −)`,
      kind: 'money',
      value: (r) => r.signed[i] ?? 0,
    })),
    ...signedDifference<ComparisonFlatRow>(labels, t, (r) => difference(r.signed)),
  ];
}

/**
 * The P&L with columns for Excel and paper: the horizontal statement first (and on paper), then the flat
 * table, one row per ledger with its amount per column signed (debit positive): each column adds up to
 * minus its net profit, the trailing Net Profit line bringing it to nil.
 */
export function profitLossComparisonSheets(
  data: ProfitLossComparison,
  company: string,
  period: string,
  labels: readonly string[],
  t: Translate,
  detailed = true,
): ExportSheet<ColumnsRow> {
  const title = t('profitLoss.title');
  const flat: ExportSheet<ComparisonFlatRow> = {
    title: `${title} - ${t('statements.table')}`,
    company,
    period,
    columns: [...accountColumns<ComparisonFlatRow>(t), ...signedColumns(labels, t)],
    rows: profitLossFlat(data, t),
    totals: { label: t('common.total') },
    trailing: [
      {
        account: t('statements.profitAndLossAccount'),
        side: '',
        group: t('comparison.netResult'),
        ledger: t('comparison.netResult'),
        type: '',
        signed: data.netProfit,
      },
    ],
  };
  const sheet = columnsSheet({
    title,
    company,
    period,
    headers: { left: t('trialBalance.particulars'), right: t('trialBalance.particulars') },
    captions: [t('statements.tradingAccount'), t('statements.profitAndLossAccount')].map((account) => ({
      left: t('comparePrint.sideOf', { account, side: t('comparePrint.debitSide') }),
      right: t('comparePrint.sideOf', { account, side: t('comparePrint.creditSide') }),
    })),
    labels,
    rows: profitLossComparisonRows(data, t, detailed),
    t,
  });
  return { ...sheet, more: [flat as ExportSheet<unknown>] };
}

// ——— Balance sheet ———

function bsParts(
  data: BalanceSheetComparison,
  side: 'liabilities' | 'assets',
  line: BalanceSheetComparisonLine,
  t: Translate,
): { label: string; amounts: Paise[]; type: string }[] {
  const onSide = (v: Paise) => (side === 'assets' ? v : -v);
  if (line.kind === 'profitAndLoss') {
    // The line's own columns only: where it stands on the other side, its parts are there.
    const here = (i: number) => line.amounts[i] !== 0 || line.closing[i] !== 0;
    const part = (label: string, pick: (i: number) => Paise) => ({
      label,
      amounts: data.profitAndLoss.map((_, i) => (here(i) ? onSide(pick(i)) : 0)),
      type: t('statements.typeOther'),
    });
    const parts = [
      part(t('balanceSheet.openingBalance'), (i) => data.profitAndLoss[i]?.opening ?? 0),
      part(t('balanceSheet.currentPeriod'), (i) => data.profitAndLoss[i]?.currentPeriod ?? 0),
    ];
    const transferred = part(t('balanceSheet.transferred'), (i) => data.profitAndLoss[i]?.transferred ?? 0);
    return anyNonZero(transferred.amounts) ? [...parts, transferred] : parts;
  }
  return line.children.map((child) => {
    const { label, type } = childPart(child, t);
    return { label, amounts: child.amounts, type };
  });
}

/** Tally's horizontal balance sheet with columns: Liabilities | Assets, equal totals in every column. */
export function balanceSheetComparisonRows(
  data: BalanceSheetComparison,
  t: Translate,
  detailed = true,
): ColumnsRow[] {
  const block = (side: 'liabilities' | 'assets'): Block =>
    data[side].flatMap((line) => [
      head(lineLabel(line, t), line.amounts),
      ...(detailed ? bsParts(data, side, line, t).map((p) => detail(p.label, p.amounts)) : []),
    ]);
  return [
    ...pairUp(block('liabilities'), block('assets')),
    totalRow(t('common.total'), data.totalLiabilities, data.totalAssets),
  ];
}

/**
 * The balance sheet with columns for Excel and paper: the horizontal statement, then the flat table (every
 * part of every line, its closing balance per column signed, debit positive: each column nets to nil).
 */
export function balanceSheetComparisonSheets(
  data: BalanceSheetComparison,
  company: string,
  period: string,
  labels: readonly string[],
  t: Translate,
  detailed = true,
): ExportSheet<ColumnsRow> {
  const title = t('balanceSheet.title');
  const flatRows: ComparisonFlatRow[] = (['liabilities', 'assets'] as const).flatMap((side) =>
    data[side].flatMap((line) => {
      const sign = (a: Paise[]) => (side === 'assets' ? a : a.map((v) => -v));
      const group = lineLabel(line, t);
      const parts = bsParts(data, side, line, t);
      const sideLabel = t(`balanceSheet.${side}`);
      if (parts.length === 0) {
        return [
          {
            account: sideLabel,
            side: sideLabel,
            group,
            ledger: group,
            type: t('statements.typeOther'),
            signed: sign(line.amounts),
          },
        ];
      }
      return parts.map((p) => ({
        account: sideLabel,
        side: sideLabel,
        group,
        ledger: p.label,
        type: p.type,
        signed: sign(p.amounts),
      }));
    }),
  );
  const flat: ExportSheet<ComparisonFlatRow> = {
    title: `${title} - ${t('statements.table')}`,
    company,
    period,
    columns: [
      { header: t('statements.side'), kind: 'text', value: (r) => r.side },
      { header: t('statements.group'), kind: 'text', value: (r) => r.group },
      { header: t('balanceSheet.particulars'), kind: 'text', value: (r) => r.ledger },
      { header: t('statements.type'), kind: 'text', value: (r) => r.type },
      ...signedColumns(labels, t),
    ],
    rows: flatRows,
    totals: { label: t('common.total') },
  };
  const sheet = columnsSheet({
    title,
    company,
    period,
    headers: { left: t('balanceSheet.liabilities'), right: t('balanceSheet.assets') },
    captions: [{ left: t('balanceSheet.liabilities'), right: t('balanceSheet.assets') }],
    labels,
    rows: balanceSheetComparisonRows(data, t, detailed),
    t,
  });
  return { ...sheet, more: [flat as ExportSheet<unknown>] };
}

// ——— Trial balance ———

/** A trial balance row with its parent and primary group's names. */
export type PlacedComparisonRow = PlacedRow<TrialBalanceComparisonRow>;

/** A printed line of the trial balance with columns: its closing balance per column as Dr and Cr. */
interface TbLine {
  name: string;
  group: boolean;
  counted: boolean;
  dr: Paise[];
  cr: Paise[];
  difference: Paise | null;
}

/** Closing Dr and Closing Cr per column (the period's label before each). */
function drCrColumns<R>(
  labels: readonly string[],
  t: Translate,
  dr: (r: R, i: number) => Paise,
  cr: (r: R, i: number) => Paise,
): ExportColumn<R>[] {
  return labels.flatMap((label, i): ExportColumn<R>[] => [
    { header: `${label} ${t('statements.closingDr')}`, kind: 'money', value: (r) => dr(r, i) },
    { header: `${label} ${t('statements.closingCr')}`, kind: 'money', value: (r) => cr(r, i) },
  ]);
}

/**
 * The trial balance with columns: each period's closing balance (Tally's default trial balance) in Closing
 * Dr and Closing Cr columns and the difference. The file's first sheet has one row per ledger (its group,
 * primary group and level in their own columns): a SUM over any amount column is its total. On paper the
 * statement: groups with their ledgers (condensed: the top-level rows), running totals carried forward.
 */
export function trialBalanceComparisonSheets(
  data: TrialBalanceComparison,
  company: string,
  period: string,
  labels: readonly string[],
  t: Translate,
  detailed = true,
): ExportSheet<PlacedComparisonRow> {
  const title = t('trialBalance.title');
  const many = labels.length > 1;
  const placed = placeRows(data, t);
  const ledgers = placed.filter((p) => p.row.kind !== 'group');
  const lines: TbLine[] = placed.flatMap((p) =>
    !detailed && p.row.depth > 0
      ? []
      : [
          {
            name: `${'  '.repeat(p.row.depth)}${p.name}`,
            group: p.row.kind === 'group',
            // Detailed: the ledgers are added up (the groups repeat them); condensed: the top-level rows.
            counted: detailed ? p.row.kind !== 'group' : true,
            dr: p.row.closing.map(debitPart),
            cr: p.row.closing.map(creditPart),
            difference: p.row.difference,
          },
        ],
  );
  // Condensed, the closing totals are those of the lines printed (a group's balance is its net).
  const total = (pick: (l: TbLine) => Paise[], whole: Paise[]) =>
    detailed ? whole : labels.map((_, i) => lines.reduce((s, l) => s + (pick(l)[i] ?? 0), 0));
  const statement: ExportSheet<TbLine> = {
    title,
    company,
    period,
    columns: [
      { header: t('trialBalance.particulars'), kind: 'text', value: (l) => l.name },
      ...drCrColumns<TbLine>(
        labels,
        t,
        (l, i) => l.dr[i] ?? 0,
        (l, i) => l.cr[i] ?? 0,
      ),
      ...(many
        ? [{ header: t('comparison.difference'), kind: 'drcr' as const, value: (l: TbLine) => l.difference }]
        : []),
    ],
    rows: lines,
    totals: {
      row: {
        name: t('common.total'),
        group: true,
        counted: false,
        dr: total((l) => l.dr, data.closingDebit),
        cr: total((l) => l.cr, data.closingCredit),
        difference: null,
      },
    },
    print: {
      strong: (l) => l.group,
      running: { columns: labels.flatMap((_, i) => [1 + 2 * i, 2 + 2 * i]), counted: (l) => l.counted },
      orientation: 'landscape',
    },
  };
  return {
    title,
    company,
    period,
    notes: [t('statements.ledgers')],
    columns: [
      ...placedColumns<TrialBalanceComparisonRow>(t),
      ...drCrColumns<PlacedComparisonRow>(
        labels,
        t,
        (p, i) => debitPart(p.row.closing[i] ?? 0),
        (p, i) => creditPart(p.row.closing[i] ?? 0),
      ),
      ...signedDifference<PlacedComparisonRow>(labels, t, (p) => p.row.difference),
    ],
    rows: ledgers,
    totals: { label: t('common.total') },
    print: { sheet: statement as ExportSheet<unknown> },
  };
}

// ——— Group summary ———

/**
 * A group summary with columns: each sub-group or ledger with its closing balance per period (Dr and Cr
 * columns, each adding up) and the difference (signed, debit positive).
 */
export function groupSummaryComparisonSheet(
  data: GroupSummaryComparison,
  company: string,
  period: string,
  labels: readonly string[],
  t: Translate,
  rowName: (row: GroupSummaryComparisonRow) => string,
): ExportSheet<GroupSummaryComparisonRow> {
  return {
    title: t('groupSummary.titleOf', { group: data.group.name }),
    company,
    period,
    notes: [`${t('statements.primaryGroup')}: ${data.group.primaryGroup}`],
    columns: [
      { header: t('trialBalance.particulars'), kind: 'text', value: rowName },
      ...drCrColumns<GroupSummaryComparisonRow>(
        labels,
        t,
        (r, i) => debitPart(r.closing[i] ?? 0),
        (r, i) => creditPart(r.closing[i] ?? 0),
      ),
      ...signedDifference<GroupSummaryComparisonRow>(labels, t, (r) => r.difference),
    ],
    rows: data.rows,
    totals: { label: t('common.total') },
    print: { strong: (r) => r.kind === 'group', orientation: 'landscape' },
  };
}
