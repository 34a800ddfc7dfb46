import type { Paise } from '../../../../../shared/money';
import type { BalanceSheet, BalanceSheetChild, BalanceSheetLine } from '../../../../../shared/types/reports';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import {
  detailLine,
  heading,
  pairUp,
  totalRow,
  twoSidedSheet,
  type SideBlock,
  type TwoSidedRow,
} from './two-sided';

type Side = 'liabilities' | 'assets';

/** A row of the balance sheet's flat table: one sub-group, ledger or line with its group and side. */
export interface BalanceSheetFlatRow {
  side: Side;
  sideLabel: string;
  group: string;
  particulars: string;
  type: string;
  /** On its side: credit positive among the liabilities, debit positive among the assets. */
  amount: Paise;
}

/** What a balance shows on its side: credit positive among the liabilities, debit positive among the assets. */
const onSide = (side: Side, closing: Paise): Paise => (side === 'assets' ? closing : -closing);

/** A line's label in the reader's language (also for a line with comparison columns). */
export function lineLabel(line: { kind: BalanceSheetLine['kind']; name: string }, t: Translate): string {
  if (line.kind === 'openingDifference') return t('balanceSheet.difference');
  if (line.kind === 'closingStock') return t('balanceSheet.closingStock');
  return line.name;
}

/** A line's parts as the screen opens them: a group's sub-groups and ledgers, the P&L A/c's three parts. */
function partsOf(
  data: BalanceSheet,
  side: Side,
  line: BalanceSheetLine,
  t: Translate,
): { label: string; amount: Paise; type: string }[] {
  if (line.kind === 'profitAndLoss') {
    const pl = data.profitAndLoss;
    return [
      {
        label: t('balanceSheet.openingBalance'),
        amount: onSide(side, pl.opening),
        type: t('statements.typeOther'),
      },
      {
        label: t('balanceSheet.currentPeriod'),
        amount: onSide(side, pl.currentPeriod),
        type: t('statements.typeOther'),
      },
      ...(pl.transferred !== 0
        ? [
            {
              label: t('balanceSheet.transferred'),
              amount: onSide(side, pl.transferred),
              type: t('statements.typeOther'),
            },
          ]
        : []),
    ];
  }
  return line.children.map((child) => ({ ...childPart(child, t), amount: onSide(side, child.closing) }));
}

/** A sub-group's, ledger's or the closing stock's label and type, as a line's part. */
export function childPart(
  child: { kind: BalanceSheetChild['kind']; name: string },
  t: Translate,
): { label: string; type: string } {
  return {
    label: child.kind === 'closingStock' ? t('balanceSheet.closingStock') : child.name,
    type:
      child.kind === 'group'
        ? t('statements.typeGroup')
        : child.kind === 'ledger'
          ? t('statements.typeLedger')
          : t('statements.typeStock'),
  };
}

function sideBlock(data: BalanceSheet, side: Side, t: Translate, detailed: boolean): SideBlock {
  return data[side].flatMap((line) => [
    heading(lineLabel(line, t), line.amount),
    ...(detailed ? partsOf(data, side, line, t).map((p) => detailLine(p.label, p.amount)) : []),
  ]);
}

/** Tally's horizontal balance sheet: Liabilities | Assets, each group with its parts, equal totals at the foot. */
export function balanceSheetRows(data: BalanceSheet, t: Translate, detailed = true): TwoSidedRow[] {
  return [
    ...pairUp(sideBlock(data, 'liabilities', t, detailed), sideBlock(data, 'assets', t, detailed)),
    totalRow(t('common.total'), data.totalLiabilities, data.totalAssets),
  ];
}

/** Every part of every line (a line with no parts stands for itself), with its group and side. */
export function balanceSheetFlat(data: BalanceSheet, t: Translate): BalanceSheetFlatRow[] {
  return (['liabilities', 'assets'] as const).flatMap((side) =>
    data[side].flatMap((line) => {
      const group = lineLabel(line, t);
      const parts = partsOf(data, side, line, t);
      const sideLabel = t(`balanceSheet.${side}`);
      if (parts.length === 0) {
        return [
          {
            side,
            sideLabel,
            group,
            particulars: group,
            type: t('statements.typeOther'),
            amount: line.amount,
          },
        ];
      }
      return parts.map((p) => ({
        side,
        sideLabel,
        group,
        particulars: p.label,
        type: p.type,
        amount: p.amount,
      }));
    }),
  );
}

/**
 * The balance sheet for Excel and paper: the horizontal statement on the first sheet (and on paper), the
 * flat table on the second with a Liabilities and an Assets column (each adds up to its side's total) and
 * the balance signed (debit positive), which nets to nil.
 */
export function balanceSheetSheets(
  data: BalanceSheet,
  company: string,
  period: string,
  t: Translate,
  detailed = true,
): ExportSheet<TwoSidedRow> {
  const title = t('balanceSheet.title');
  const flat: ExportSheet<BalanceSheetFlatRow> = {
    title: `${title} - ${t('statements.table')}`,
    company,
    period,
    columns: [
      { header: t('statements.side'), kind: 'text', value: (r) => r.sideLabel },
      { header: t('statements.group'), kind: 'text', value: (r) => r.group },
      { header: t('balanceSheet.particulars'), kind: 'text', value: (r) => r.particulars },
      { header: t('statements.type'), kind: 'text', value: (r) => r.type },
      {
        header: t('balanceSheet.liabilities'),
        kind: 'money',
        value: (r) => (r.side === 'liabilities' ? r.amount : 0),
      },
      { header: t('balanceSheet.assets'), kind: 'money', value: (r) => (r.side === 'assets' ? r.amount : 0) },
      {
        header: t('statements.closingSigned'),
        kind: 'money',
        value: (r) => (r.side === 'assets' ? r.amount : -r.amount),
      },
    ],
    rows: balanceSheetFlat(data, t),
    totals: { label: t('common.total') },
  };
  const sheet = twoSidedSheet({
    title,
    company,
    period,
    headers: { left: t('balanceSheet.liabilities'), right: t('balanceSheet.assets') },
    rows: balanceSheetRows(data, t, detailed),
  });
  return { ...sheet, more: [flat as ExportSheet<unknown>] };
}
