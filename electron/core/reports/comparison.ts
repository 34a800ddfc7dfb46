import { yearStartOf, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  BalanceSheetComparison,
  BalanceSheetComparisonChild,
  BalanceSheetComparisonLine,
  ComparisonColumn,
  GroupSummaryComparison,
  ProfitLossComparison,
  ProfitLossComparisonLedger,
  ProfitLossComparisonLine,
  TrialBalanceComparison,
  TrialBalanceComparisonRow,
} from '../../../shared/types/comparison';
import type {
  BalanceSheet,
  BalanceSheetLine,
  GroupSummary,
  ProfitLoss,
  ProfitLossLine,
  TrialBalance,
  TrialBalanceRow,
} from '../../../shared/types/reports';

/**
 * Comparison columns (Tally's Alt+C "New Column"): each column is the statement's own report for its
 * period (computed, or served from the cache, exactly as a single report), and this module lays them side
 * by side: rows aligned by group / ledger GUID, a row found in some columns only standing with zero in
 * the others, and the difference of column 0 (current) minus column 1 (first comparison). Nothing here
 * reads the books: the figures of a column are always its own report's.
 */

/** A column as asked: a period, or an as-on date (a period statement then runs from its year's start). */
export type ColumnSpec = { from: IsoDate; to: IsoDate } | { asOn: IsoDate };

/** The period of a column: an as-on date runs from the start of its financial year (the company's own). */
export function resolveColumn(spec: ColumnSpec, yearStartMonth: number): ComparisonColumn {
  if ('asOn' in spec) return { from: yearStartOf(spec.asOn, yearStartMonth), to: spec.asOn };
  return { from: spec.from, to: spec.to };
}

/** The balance sheet's column: as on the period's end, from the start of that date's year. */
export function balanceSheetColumn(spec: ColumnSpec, yearStartMonth: number): ComparisonColumn {
  const asOn = 'asOn' in spec ? spec.asOn : spec.to;
  return { from: yearStartOf(asOn, yearStartMonth), to: asOn };
}

/** Current minus first comparison; null with one column. */
const differenceOf = (values: readonly Paise[]): Paise | null =>
  values.length < 2 ? null : (values[0] ?? 0) - (values[1] ?? 0);

/**
 * The union of several ordered lists of keys, each list's order kept: a key new to the union goes right
 * after the key before it in its own list; a run of new keys at the head of a list goes before the first
 * key of that list the union already has, or at the end. So a ledger found only in a later column stands
 * among its neighbours there (in name order, amount order, Tally's group order, as the lists are).
 */
export function mergeOrder(lists: readonly (readonly string[])[]): string[] {
  // A doubly linked list between two sentinels, so a long list of ledgers merges in linear time.
  const HEAD = '\u0000head';
  const TAIL = '\u0000tail';
  const next = new Map<string, string>([[HEAD, TAIL]]);
  const prev = new Map<string, string>([[TAIL, HEAD]]);
  const insertAfter = (at: string, key: string): void => {
    const after = next.get(at)!;
    next.set(at, key);
    prev.set(key, at);
    next.set(key, after);
    prev.set(after, key);
  };
  for (const list of lists) {
    // Keys new to the union before the list's first known key: placed once that key is met.
    let pending: string[] = [];
    let after: string | null = null;
    for (const key of list) {
      if (next.has(key)) {
        if (after === null) {
          let at = prev.get(key)!;
          for (const p of pending) {
            insertAfter(at, p);
            at = p;
          }
          pending = [];
        }
        after = key;
      } else if (after === null) {
        if (!pending.includes(key)) pending.push(key);
      } else {
        insertAfter(after, key);
        after = key;
      }
    }
    let at = prev.get(TAIL)!;
    for (const p of pending) {
      insertAfter(at, p);
      at = p;
    }
  }
  const merged: string[] = [];
  for (let key = next.get(HEAD)!; key !== TAIL; key = next.get(key)!) merged.push(key);
  return merged;
}

/** For each key, its item in each column (undefined where the column has none). */
function byColumn<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
): Map<string, (T | undefined)[]> {
  const found = new Map<string, (T | undefined)[]>();
  lists.forEach((list, column) => {
    for (const item of list) {
      const key = keyOf(item);
      const slots = found.get(key) ?? Array.from({ length: lists.length }, () => undefined);
      slots[column] = item;
      found.set(key, slots);
    }
  });
  return found;
}

const first = <T>(slots: readonly (T | undefined)[]): T => {
  const item = slots.find((s) => s !== undefined);
  if (item === undefined) throw new Error('a compared row has no column');
  return item;
};

const values = <T>(slots: readonly (T | undefined)[], pick: (item: T) => Paise): Paise[] =>
  slots.map((s) => (s === undefined ? 0 : pick(s)));

/** A trial balance row's identity: its kind and GUID (a group and a ledger never share one). */
const tbKey = (row: Pick<TrialBalanceRow, 'kind' | 'guid'>): string => `${row.kind}:${row.guid}`;

/**
 * Trial balances side by side: the group tree of every column merged (a group's children in each column's
 * order, new ones after their neighbours), so a ledger found in one period only stands under its group.
 */
export function compareTrialBalances(
  columns: readonly ComparisonColumn[],
  reports: readonly TrialBalance[],
): TrialBalanceComparison {
  const slots = byColumn(
    reports.map((r) => r.rows),
    tbKey,
  );
  const parentKey = (row: TrialBalanceRow): string =>
    row.parentGuid === null ? '' : tbKey({ kind: 'group', guid: row.parentGuid });
  const children = new Map<string, string[][]>();
  reports.forEach((report, column) => {
    for (const row of report.rows) {
      const parent = parentKey(row);
      const lists = children.get(parent) ?? reports.map(() => []);
      lists[column]!.push(tbKey(row));
      children.set(parent, lists);
    }
  });
  const rows: TrialBalanceComparisonRow[] = [];
  const visit = (parent: string): void => {
    for (const key of mergeOrder(children.get(parent) ?? [])) {
      const found = slots.get(key)!;
      const row = first(found);
      const closing = values(found, (r) => r.closing);
      rows.push({
        guid: row.guid,
        name: row.name,
        kind: row.kind,
        depth: row.depth,
        parentGuid: row.parentGuid,
        opening: values(found, (r) => r.opening),
        debit: values(found, (r) => r.debit),
        credit: values(found, (r) => r.credit),
        closing,
        difference: differenceOf(closing),
      });
      if (row.kind === 'group') visit(key);
    }
  };
  visit('');
  return {
    companyGuid: reports[0]?.companyGuid ?? '',
    columns: [...columns],
    rows,
    totalDebit: reports.map((r) => r.totalDebit),
    totalCredit: reports.map((r) => r.totalCredit),
    closingDebit: reports.map((r) => r.closingDebit),
    closingCredit: reports.map((r) => r.closingCredit),
    reports: [...reports],
  };
}

type PlSection = 'directIncomes' | 'directExpenses' | 'indirectIncomes' | 'indirectExpenses';

/** One section of P&Ls side by side: groups by name (primary groups), their ledgers by GUID. */
function comparePlSection(reports: readonly ProfitLoss[], section: PlSection): ProfitLossComparisonLine[] {
  const lists = reports.map((r) => r[section]);
  const groups = byColumn(lists, (l) => l.groupName);
  const order = mergeOrder(lists.map((list) => list.map((l) => l.groupName)));
  return order.map((name) => {
    const found = groups.get(name)!;
    const ledgerLists = found.map((line: ProfitLossLine | undefined) => line?.ledgers ?? []);
    const ledgerSlots = byColumn(ledgerLists, (l) => l.guid);
    const ledgers = mergeOrder(ledgerLists.map((list) => list.map((l) => l.guid))).map(
      (guid): ProfitLossComparisonLedger => {
        const ledger = ledgerSlots.get(guid)!;
        const amounts = values(ledger, (l) => l.amount);
        return { guid, name: first(ledger).name, amounts, difference: differenceOf(amounts) };
      },
    );
    const amounts = values(found, (l) => l.amount);
    return { groupName: name, amounts, difference: differenceOf(amounts), ledgers };
  });
}

export function compareProfitLoss(
  columns: readonly ComparisonColumn[],
  reports: readonly ProfitLoss[],
): ProfitLossComparison {
  return {
    companyGuid: reports[0]?.companyGuid ?? '',
    columns: [...columns],
    openingStock: reports.map((r) => r.openingStock),
    closingStock: reports.map((r) => r.closingStock),
    stockComputed: reports.map((r) => r.stockComputed === true),
    directIncomes: comparePlSection(reports, 'directIncomes'),
    directExpenses: comparePlSection(reports, 'directExpenses'),
    indirectIncomes: comparePlSection(reports, 'indirectIncomes'),
    indirectExpenses: comparePlSection(reports, 'indirectExpenses'),
    grossProfit: reports.map((r) => r.grossProfit),
    netProfit: reports.map((r) => r.netProfit),
    reports: [...reports],
  };
}

/** On a side: credit positive among the liabilities, debit positive among the assets. */
const onSide = (side: 'liabilities' | 'assets', closing: Paise): Paise =>
  side === 'assets' ? closing : -closing;

function compareBsSide(
  reports: readonly BalanceSheet[],
  side: 'liabilities' | 'assets',
): BalanceSheetComparisonLine[] {
  const lists = reports.map((r) => r[side]);
  const key = (l: Pick<BalanceSheetLine, 'kind' | 'guid'>) => `${l.kind}:${l.guid}`;
  const lines = byColumn(lists, key);
  return mergeOrder(lists.map((list) => list.map(key))).map((k): BalanceSheetComparisonLine => {
    const found = lines.get(k)!;
    const line = first(found);
    const childLists = found.map((l) => l?.children ?? []);
    const childKey = (c: { kind: string; guid: string }) => `${c.kind}:${c.guid}`;
    const childSlots = byColumn(childLists, childKey);
    const children = mergeOrder(childLists.map((list) => list.map(childKey))).map(
      (ck): BalanceSheetComparisonChild => {
        const child = childSlots.get(ck)!;
        const one = first(child);
        const amounts = values(child, (c) => onSide(side, c.closing));
        return {
          guid: one.guid,
          name: one.name,
          kind: one.kind,
          closing: values(child, (c) => c.closing),
          amounts,
          difference: differenceOf(amounts),
        };
      },
    );
    const amounts = values(found, (l) => l.amount);
    return {
      kind: line.kind,
      guid: line.guid,
      name: line.name,
      closing: values(found, (l) => l.closing),
      amounts,
      difference: differenceOf(amounts),
      children,
    };
  });
}

export function compareBalanceSheets(
  columns: readonly ComparisonColumn[],
  reports: readonly BalanceSheet[],
): BalanceSheetComparison {
  return {
    companyGuid: reports[0]?.companyGuid ?? '',
    columns: [...columns],
    liabilities: compareBsSide(reports, 'liabilities'),
    assets: compareBsSide(reports, 'assets'),
    totalLiabilities: reports.map((r) => r.totalLiabilities),
    totalAssets: reports.map((r) => r.totalAssets),
    profitAndLoss: reports.map((r) => r.profitAndLoss),
    openingDifference: reports.map((r) => r.openingDifference),
    closingStock: reports.map((r) => r.closingStock),
    stockComputed: reports.map((r) => r.stockComputed === true),
    reports: [...reports],
  };
}

export function compareGroupSummaries(
  columns: readonly ComparisonColumn[],
  reports: readonly GroupSummary[],
): GroupSummaryComparison {
  const lists = reports.map((r) => r.rows);
  const key = (r: { kind: string; guid: string }) => `${r.kind}:${r.guid}`;
  const slots = byColumn(lists, key);
  const rows = mergeOrder(lists.map((list) => list.map(key))).map((k) => {
    const found = slots.get(k)!;
    const row = first(found);
    const closing = values(found, (r) => r.closing);
    return {
      guid: row.guid,
      name: row.name,
      kind: row.kind,
      opening: values(found, (r) => r.opening),
      debit: values(found, (r) => r.debit),
      credit: values(found, (r) => r.credit),
      closing,
      difference: differenceOf(closing),
    };
  });
  const head = reports[0];
  if (head === undefined) throw new Error('a comparison needs at least one column');
  return {
    companyGuid: head.companyGuid,
    columns: [...columns],
    group: head.group,
    rows,
    total: {
      opening: reports.map((r) => r.total.opening),
      debit: reports.map((r) => r.total.debit),
      credit: reports.map((r) => r.total.credit),
      closing: reports.map((r) => r.total.closing),
    },
    reports: [...reports],
  };
}
