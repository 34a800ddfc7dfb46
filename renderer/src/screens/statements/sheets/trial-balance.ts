import type { Paise } from '../../../../../shared/money';
import type { TrialBalance, TrialBalanceRow } from '../../../../../shared/types/reports';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import { balanceColumns, creditPart, debitPart, type Translate } from '../../../lib/export-columns';

/** What placing a trial balance row needs (a plain row or one with comparison columns). */
interface TreeRow {
  guid: string;
  name: string;
  kind: TrialBalanceRow['kind'];
  depth: number;
  parentGuid: string | null;
}

/** A trial balance row with where it stands: its parent group and its primary group, by name. */
export interface PlacedRow<R extends TreeRow = TrialBalanceRow> {
  row: R;
  name: string;
  group: string;
  primaryGroup: string;
}

/** The row's name in the reader's language (the core names its stock and difference rows in English). */
function nameOf(row: TreeRow, t: Translate): string {
  if (row.kind === 'stock') return t('profitLoss.openingStock');
  if (row.kind === 'difference') return t('balanceSheet.difference');
  return row.name;
}

/** Every row with its parent and primary group's names (from the parent links). */
export function placeRows<R extends TreeRow>(data: { rows: readonly R[] }, t: Translate): PlacedRow<R>[] {
  const byGuid = new Map(data.rows.filter((r) => r.kind === 'group').map((r) => [r.guid, r]));
  return data.rows.map((row) => {
    const parent = row.parentGuid === null ? undefined : byGuid.get(row.parentGuid);
    let top = row.kind === 'group' ? row : parent;
    while (top && top.parentGuid !== null && byGuid.has(top.parentGuid)) top = byGuid.get(top.parentGuid);
    return { row, name: nameOf(row, t), group: parent?.name ?? '', primaryGroup: top?.name ?? '' };
  });
}

/** A ledger row's place in the flat table: the ledger, its group, primary group and level. */
export function placedColumns<R extends TreeRow>(t: Translate): ExportColumn<PlacedRow<R>>[] {
  return [
    { header: t('statements.ledger'), kind: 'text', value: (p) => p.name },
    { header: t('statements.group'), kind: 'text', value: (p) => p.group },
    { header: t('statements.primaryGroup'), kind: 'text', value: (p) => p.primaryGroup },
    { header: t('statements.level'), kind: 'number', value: (p) => p.row.depth },
  ];
}

const typeOf = (row: TrialBalanceRow, t: Translate): string =>
  row.kind === 'group'
    ? t('statements.typeGroup')
    : row.kind === 'ledger'
      ? t('statements.typeLedger')
      : row.kind === 'stock'
        ? t('statements.typeStock')
        : t('statements.typeOther');

/** A line of the printed statement: a group or a ledger with its closing balance on its side. */
interface StatementLine {
  name: string;
  depth: number;
  counted: boolean;
  group: boolean;
  opening: Paise;
  debit: Paise;
  credit: Paise;
  closingDr: Paise;
  closingCr: Paise;
}

/**
 * The trial balance for Excel and paper.
 *
 * The file's first sheet is one row per ledger (the opening stock and the difference in opening balances
 * are rows like ledgers) with its group, primary group and level in their own columns, every balance as
 * Dr and Cr columns and once more signed (debit positive): a SUM over any amount column is the report's
 * total, and the totals row is there. The groups, which repeat their ledgers, are on a sheet of their own.
 *
 * On paper it is the statement as Tally prints it: groups with their ledgers beneath, Opening, Debit,
 * Credit and the closing balance in Dr and Cr columns, running totals carried forward at each page's foot,
 * and the grand totals (closing included) at the end.
 */
export function trialBalanceSheets(
  data: TrialBalance,
  company: string,
  period: string,
  t: Translate,
  detailed = true,
): ExportSheet<PlacedRow> {
  const placed = placeRows(data, t);
  const ledgers = placed.filter((p) => p.row.kind !== 'group');
  const groups = placed.filter((p) => p.row.kind === 'group');
  const title = t('trialBalance.title');
  const amounts = balanceColumns<PlacedRow>(t, (p) => p.row);

  const groupSheet: ExportSheet<PlacedRow> = {
    title: `${title} - ${t('statements.groups')}`,
    company,
    period,
    notes: [t('statements.groupsNote')],
    columns: [
      { header: t('statements.group'), kind: 'text', value: (p) => p.name },
      { header: t('statements.parentGroup'), kind: 'text', value: (p) => p.group },
      { header: t('statements.primaryGroup'), kind: 'text', value: (p) => p.primaryGroup },
      { header: t('statements.level'), kind: 'number', value: (p) => p.row.depth },
      ...amounts,
    ],
    rows: groups,
    // Groups nest (a group's figures include its sub-groups'): no column of this sheet adds up.
    totals: null,
  };

  const leafOpening = ledgers.reduce((s, p) => s + p.row.opening, 0);
  const lines: StatementLine[] = data.rows.flatMap((row, i) =>
    // Condensed (Tally's Alt+F1 off): the primary groups and the rows standing alone at the top.
    !detailed && row.depth > 0
      ? []
      : [
          {
            name: `${'  '.repeat(row.depth)}${placed[i]!.name}`,
            depth: row.depth,
            // Detailed: the ledgers are added up (the groups repeat them); condensed: the top-level rows.
            counted: detailed ? row.kind !== 'group' : true,
            group: row.kind === 'group',
            opening: row.opening,
            debit: row.debit,
            credit: row.credit,
            closingDr: debitPart(row.closing),
            closingCr: creditPart(row.closing),
          },
        ],
  );
  // Condensed, the closing totals are those of the lines printed (a group's balance is its net).
  const closingTotals = detailed
    ? { closingDr: data.closingDebit, closingCr: data.closingCredit }
    : {
        closingDr: lines.reduce((s, l) => s + l.closingDr, 0),
        closingCr: lines.reduce((s, l) => s + l.closingCr, 0),
      };
  const statement: ExportSheet<StatementLine> = {
    title,
    company,
    period,
    columns: [
      { header: t('trialBalance.particulars'), kind: 'text', value: (l) => l.name },
      { header: t('trialBalance.opening'), kind: 'drcr', value: (l) => l.opening },
      { header: t('trialBalance.debit'), kind: 'money', value: (l) => l.debit },
      { header: t('trialBalance.credit'), kind: 'money', value: (l) => l.credit },
      { header: t('statements.closingDr'), kind: 'money', value: (l) => l.closingDr },
      { header: t('statements.closingCr'), kind: 'money', value: (l) => l.closingCr },
    ],
    rows: lines,
    // The grand totals: the ledgers' (groups repeat them), the closing columns as the screen's foot.
    totals: {
      row: {
        name: t('common.total'),
        depth: 0,
        counted: false,
        group: true,
        opening: leafOpening,
        debit: data.totalDebit,
        credit: data.totalCredit,
        ...closingTotals,
      },
    },
    print: {
      strong: (l) => l.group,
      running: { columns: [1, 2, 3, 4, 5], counted: (l) => l.counted },
      // Five amount columns leave a portrait page's names two lines each: landscape, as wide as they need.
      orientation: 'landscape',
    },
  };

  return {
    title,
    company,
    period,
    notes: [t('statements.ledgers')],
    columns: [
      ...placedColumns<TrialBalanceRow>(t),
      { header: t('statements.type'), kind: 'text', value: (p) => typeOf(p.row, t) },
      ...amounts,
    ],
    rows: ledgers,
    totals: { label: t('common.total') },
    more: [groupSheet as ExportSheet<unknown>],
    print: { sheet: statement as ExportSheet<unknown> },
  };
}
