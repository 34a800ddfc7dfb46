import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { GroupSummary, GroupSummaryRow, GroupSummaryStock } from '../../../shared/types/reports';
import { movements, openingsAt } from './balances';
import type { GroupInfo, LedgerInfo, Masters } from './masters';
import {
  companyStock,
  stockGroupOf,
  stockInwardsValue,
  stockLedgers,
  type ClosingStockProvider,
} from './stock-value';
import { OPENING_STOCK_NAME, OPENING_STOCK_ROW } from './trial-balance';

/** The group by its name, or NOT_FOUND naming it. */
export function requireGroup(masters: Masters, groupName: string): GroupInfo {
  const group = masters.groups.get(groupName);
  if (!group) {
    throw new AppError(
      'NOT_FOUND',
      `No group named "${groupName}" in company "${masters.company.name}"`,
      { groupName, companyGuid: masters.company.guid },
      { reason: 'unknownGroup', params: { group: groupName, company: masters.company.name } },
    );
  }
  return group;
}

/** The child of `group` through which `ledger` stands under it; null when it is not under the group. */
function childUnder(
  masters: Masters,
  group: GroupInfo,
  ledger: LedgerInfo,
): { kind: 'ledger' } | { kind: 'group'; group: GroupInfo } | null {
  if (ledger.group.name === group.name) return { kind: 'ledger' };
  let g: GroupInfo | undefined = ledger.group;
  for (let i = 0; g && i < 64; i++) {
    if (g.parent === group.name) return { kind: 'group', group: g };
    g = g.parent ? masters.groups.get(g.parent) : undefined;
  }
  return null;
}

export const CLOSING_STOCK_ROW = 'closing-stock';
export const CLOSING_STOCK_ROW_NAME = 'Closing Stock';

/**
 * The stock line of a period as the report the summary is drilled from shows it (debit positive):
 * - 'opening', the trial balance's: with stock valued from the items, their stock at the period's start
 *   (Opening Stock), standing still over the period (no debit, no credit), in place of the Stock-in-Hand
 *   ledgers' own openings; without items nothing (the Stock-in-Hand ledgers show as they are).
 * - 'closing', the balance sheet's: the stock at the period's start, what came in (inwards at cost) as the
 *   debit, what went out at cost (opening + inwards − closing, as the Stock Summary) as the credit, and
 *   the closing stock; it stands in for every Stock-in-Hand ledger, as on the balance sheet.
 */
function stockLine(
  db: Database.Database,
  masters: Masters,
  params: { from: IsoDate; to: IsoDate; stock: GroupSummaryStock },
  provider: ClosingStockProvider,
): { row: GroupSummaryRow | null; replaced: Set<string>; excluded: Set<string> } {
  const stock = provider(db, masters, { from: params.from, asOn: params.to });
  const computed = stock.computed === true;
  const ledgerGuids = new Set(stockLedgers(masters).map((l) => l.guid));
  if (params.stock === 'opening') {
    const row: GroupSummaryRow | null =
      computed && stock.opening !== 0
        ? {
            guid: OPENING_STOCK_ROW,
            name: OPENING_STOCK_NAME,
            kind: 'stock',
            opening: stock.opening,
            debit: 0,
            credit: 0,
            closing: stock.opening,
          }
        : null;
    return { row, replaced: computed ? ledgerGuids : new Set(), excluded: new Set() };
  }
  if (stock.opening === 0 && stock.closing === 0)
    return { row: null, replaced: new Set(), excluded: ledgerGuids };
  const change = stock.closing - stock.opening;
  const debit = computed
    ? stockInwardsValue(db, masters.company.id, params.from, params.to)
    : Math.max(change, 0);
  return {
    row: {
      guid: CLOSING_STOCK_ROW,
      name: CLOSING_STOCK_ROW_NAME,
      kind: 'stock',
      opening: stock.opening,
      debit,
      credit: debit - change,
      closing: stock.closing,
    },
    replaced: new Set(),
    excluded: ledgerGuids,
  };
}

/**
 * Tally's Group Summary: the group's sub-groups (each adding up every ledger below it) and its own
 * ledgers, with opening, debit, credit and closing for the period. Openings as in the trial balance:
 * revenue ledgers restart at zero each financial year. The stock stands under the same group, with the
 * same figures, as in the report the summary is drilled from (`stock`, default the trial balance's), so a
 * group's total never changes when it is opened.
 */
export function groupSummary(
  db: Database.Database,
  masters: Masters,
  params: { groupName: string; from: IsoDate; to: IsoDate; stock?: GroupSummaryStock },
  options: { stock?: ClosingStockProvider } = {},
): GroupSummary {
  const group = requireGroup(masters, params.groupName);
  const stock = stockLine(
    db,
    masters,
    { from: params.from, to: params.to, stock: params.stock ?? 'opening' },
    options.stock ?? companyStock,
  );
  const under: { ledger: LedgerInfo; via: GroupInfo | null }[] = [];
  for (const ledger of masters.ledgers.values()) {
    if (ledger.isProfitAndLoss || stock.excluded.has(ledger.guid)) continue;
    const child = childUnder(masters, group, ledger);
    if (child) under.push({ ledger, via: child.kind === 'group' ? child.group : null });
  }
  const ledgers = under.map((u) => u.ledger);
  const openings = ledgers.length > 0 ? openingsAt(db, masters, params.from, ledgers).byLedger : new Map();
  const moves =
    ledgers.length > 0
      ? movements(
          db,
          masters.company.id,
          params.from,
          params.to,
          ledgers.map((l) => l.guid),
          masters.allInBooks,
        )
      : new Map();
  const groupRows = new Map<string, GroupSummaryRow>();
  const ledgerRows: GroupSummaryRow[] = [];
  const total = { opening: 0, debit: 0, credit: 0, closing: 0 };
  const addTo = (target: { opening: number; debit: number; credit: number; closing: number }, a: Amounts) => {
    target.opening += a.opening;
    target.debit += a.debit;
    target.credit += a.credit;
    target.closing += a.closing;
  };
  /** Into the sub-group row `via` stands for (created on first use). */
  const addToGroup = (via: GroupInfo, a: Amounts): void => {
    const row = groupRows.get(via.name);
    if (row) addTo(row, a);
    else {
      const { opening, debit, credit, closing } = a;
      groupRows.set(via.name, {
        guid: via.guid,
        name: via.name,
        kind: 'group',
        opening,
        debit,
        credit,
        closing,
      });
    }
  };
  for (const { ledger, via } of under) {
    let opening = (openings.get(ledger.guid) as number | undefined) ?? 0;
    // The items' stock stands in for the Stock-in-Hand ledgers' own openings (as in the trial balance).
    if (stock.replaced.has(ledger.guid)) opening -= ledger.openingBalance;
    const m = (moves.get(ledger.guid) as { debit: number; credit: number } | undefined) ?? {
      debit: 0,
      credit: 0,
    };
    if (opening === 0 && m.debit === 0 && m.credit === 0) continue;
    const a: Amounts = { opening, debit: m.debit, credit: m.credit, closing: opening + m.debit - m.credit };
    addTo(total, a);
    if (via === null) ledgerRows.push({ guid: ledger.guid, name: ledger.name, kind: 'ledger', ...a });
    else addToGroup(via, a);
  }
  const stockRows: GroupSummaryRow[] = [];
  const stockGroup = stockGroupOf(masters);
  if (stock.row && stockGroup) {
    const via = stockGroup === group ? null : childOnPath(masters, group, stockGroup);
    if (stockGroup === group || via) {
      addTo(total, stock.row);
      if (via) addToGroup(via, stock.row);
      else stockRows.push(stock.row);
    }
  }
  const byName = (a: GroupSummaryRow, b: GroupSummaryRow) => a.name.localeCompare(b.name);
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    group: { guid: group.guid, name: group.name, parent: group.parent, primaryGroup: group.primaryGroup },
    rows: [...[...groupRows.values()].sort(byName), ...stockRows, ...ledgerRows.sort(byName)],
    total,
  };
}

interface Amounts {
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

/** The child of `group` on the way down to `descendant`; null when `descendant` is not below it. */
function childOnPath(masters: Masters, group: GroupInfo, descendant: GroupInfo): GroupInfo | null {
  let g: GroupInfo | undefined = descendant;
  for (let i = 0; g && i < 64; i++) {
    if (g.parent === group.name) return g;
    g = g.parent ? masters.groups.get(g.parent) : undefined;
  }
  return null;
}
