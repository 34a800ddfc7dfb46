import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { TrialBalance, TrialBalanceRow } from '../../../shared/types/reports';
import { movements, openingsAt } from './balances';
import { PROFIT_AND_LOSS_LEDGER } from '../db/records';
import { comparePrimaryGroups } from './group-order';
import type { GroupInfo, Masters } from './masters';
import {
  companyStock,
  itemsOpeningAdjustment,
  stockGroupOf,
  stockLedgers,
  type ClosingStockProvider,
} from './stock-value';

export const PROFIT_AND_LOSS_ROW = 'profit-and-loss';
export const OPENING_DIFFERENCE_ROW = 'difference-in-opening-balances';
export const OPENING_DIFFERENCE_NAME = 'Difference in opening balances';
export const OPENING_STOCK_ROW = 'opening-stock';
export const OPENING_STOCK_NAME = 'Opening Stock';

/**
 * What the ledgers' opening balances sum to (debit positive). Vouchers always balance, so every balance
 * of the books sums to this; Tally shows its contrary as "Difference in opening balances".
 */
export function openingDifference(masters: Masters): number {
  let sum = 0;
  for (const ledger of masters.ledgers.values()) sum += ledger.openingBalance;
  return sum;
}

interface Amounts {
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

/**
 * Trial balance for a period, grouped by Tally's group tree. Revenue ledgers open at zero each
 * financial year; earlier years' result shows as the Profit & Loss A/c opening.
 *
 * Stock valued from the stock items (companyStock) shows as Tally's trial balance shows it with accounts
 * integrated with inventory: the stock at the period's start under Stock-in-Hand (never the closing stock,
 * which the purchases already hold), standing in for the Stock-in-Hand ledgers' own openings; the items'
 * opening stock counts in the difference in opening balances, and what the stock gained since the books
 * began (stock at the period's start − items' opening stock) in the Profit & Loss A/c's opening, so both
 * closing columns still agree.
 */
export function trialBalance(
  db: Database.Database,
  masters: Masters,
  params: { from: IsoDate; to: IsoDate },
  options: { stock?: ClosingStockProvider } = {},
): TrialBalance {
  const stock = (options.stock ?? companyStock)(db, masters, { from: params.from, asOn: params.to });
  const computed = stock.computed === true;
  const itemsAdjustment = itemsOpeningAdjustment(masters, stock);
  const replacedOpenings = new Set(computed ? stockLedgers(masters).map((l) => l.guid) : []);
  /** Earlier stock gains into the P&L A/c's opening (debit positive, so a gain is negative). */
  const stockGains = computed ? (stock.itemsOpening ?? 0) - stock.opening : 0;
  const openings = openingsAt(db, masters, params.from);
  const moves = movements(db, masters.company.id, params.from, params.to, undefined, masters.allInBooks);
  const ledgerAmounts = new Map<string, Amounts>();
  const groupAmounts = new Map<string, Amounts>();
  const addTo = (map: Map<string, Amounts>, key: string, a: Amounts): void => {
    const t = map.get(key);
    if (t) {
      t.opening += a.opening;
      t.debit += a.debit;
      t.credit += a.credit;
      t.closing += a.closing;
    } else map.set(key, { ...a });
  };
  let totalDebit = 0;
  let totalCredit = 0;
  let closingDebit = 0;
  let closingCredit = 0;
  /** A closing balance into the closing columns, on its side. */
  const addClosing = (closing: number): void => {
    if (closing > 0) closingDebit += closing;
    else closingCredit -= closing;
  };
  let profitAndLoss: Amounts | null = null;
  for (const ledger of masters.ledgers.values()) {
    let opening = openings.byLedger.get(ledger.guid) ?? 0;
    if (replacedOpenings.has(ledger.guid)) opening -= ledger.openingBalance;
    if (ledger.isProfitAndLoss) opening += stockGains;
    const m = moves.get(ledger.guid) ?? { debit: 0, credit: 0 };
    if (opening === 0 && m.debit === 0 && m.credit === 0) continue;
    const a: Amounts = { opening, debit: m.debit, credit: m.credit, closing: opening + m.debit - m.credit };
    totalDebit += m.debit;
    totalCredit += m.credit;
    addClosing(a.closing);
    // The Profit & Loss A/c stands under no group: its row comes after the groups (below).
    if (ledger.isProfitAndLoss) {
      profitAndLoss = a;
      continue;
    }
    ledgerAmounts.set(ledger.guid, a);
    for (
      let g: GroupInfo | undefined = ledger.group;
      g;
      g = g.parent ? masters.groups.get(g.parent) : undefined
    ) {
      addTo(groupAmounts, g.name, a);
    }
  }

  // The items' stock at the period's start, under the Stock-in-Hand group (Current Assets without one).
  let stockRow: TrialBalanceRow | null = null;
  let stockGroup: GroupInfo | undefined;
  if (computed && stock.opening !== 0) {
    stockGroup = stockGroupOf(masters);
    const a: Amounts = { opening: stock.opening, debit: 0, credit: 0, closing: stock.opening };
    stockRow = {
      guid: OPENING_STOCK_ROW,
      name: OPENING_STOCK_NAME,
      kind: 'stock',
      depth: stockGroup ? stockGroup.depth + 1 : 0,
      parentGuid: stockGroup?.guid ?? null,
      ...a,
    };
    for (let g = stockGroup; g; g = g.parent ? masters.groups.get(g.parent) : undefined) {
      addTo(groupAmounts, g.name, a);
    }
    addClosing(stock.opening);
  }

  const rows: TrialBalanceRow[] = [];
  const childGroups = new Map<string | null, GroupInfo[]>();
  for (const g of masters.groups.values()) {
    if (!groupAmounts.has(g.name)) continue;
    const list = childGroups.get(g.parent) ?? [];
    list.push(g);
    childGroups.set(g.parent, list);
  }
  const ledgersOf = new Map<string, string[]>();
  for (const guid of ledgerAmounts.keys()) {
    const group = masters.ledgers.get(guid)!.group.name;
    ledgersOf.set(group, [...(ledgersOf.get(group) ?? []), guid]);
  }
  const visit = (group: GroupInfo, depth: number, parentGuid: string | null): void => {
    rows.push({
      guid: group.guid,
      name: group.name,
      kind: 'group',
      depth,
      parentGuid,
      ...groupAmounts.get(group.name)!,
    });
    const subGroups = (childGroups.get(group.name) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    for (const sub of subGroups) visit(sub, depth + 1, group.guid);
    const ledgerGuids = (ledgersOf.get(group.name) ?? []).sort((a, b) =>
      masters.ledgers.get(a)!.name.localeCompare(masters.ledgers.get(b)!.name),
    );
    if (stockRow && group === stockGroup) rows.push({ ...stockRow, depth: depth + 1 });
    for (const guid of ledgerGuids) {
      const l = masters.ledgers.get(guid)!;
      rows.push({
        guid,
        name: l.name,
        kind: 'ledger',
        depth: depth + 1,
        parentGuid: group.guid,
        ...ledgerAmounts.get(guid)!,
      });
    }
  };
  // Tally's order of its predefined primary groups; a user's own after the predefined ones of its nature.
  const primaries = (childGroups.get(null) ?? []).sort(comparePrimaryGroups);
  for (const g of primaries) visit(g, 0, null);
  if (stockRow && !stockGroup) rows.push(stockRow);

  /** A top-level row with an opening and no movement (a carried result, the difference in openings). */
  const standing = (guid: string, name: string, kind: TrialBalanceRow['kind'], amount: number): void => {
    rows.push({
      guid,
      name,
      kind,
      depth: 0,
      parentGuid: null,
      opening: amount,
      debit: 0,
      credit: 0,
      closing: amount,
    });
    addClosing(amount);
  };
  // Earlier years' results (and the ledger's own opening, the profit before the books) as Tally shows
  // them: one Profit & Loss A/c row. Books stored without the ledger get a row of their own.
  const pl = masters.profitAndLoss;
  if (pl !== null && profitAndLoss !== null) {
    rows.push({ guid: pl.guid, name: pl.name, kind: 'ledger', depth: 0, parentGuid: null, ...profitAndLoss });
  } else if (pl === null && openings.profitAndLossCarried + stockGains !== 0) {
    standing(
      PROFIT_AND_LOSS_ROW,
      PROFIT_AND_LOSS_LEDGER,
      'ledger',
      openings.profitAndLossCarried + stockGains,
    );
  }
  // Openings that do not sum to zero: Tally's contrary line, so both closing columns agree.
  const difference = -(openingDifference(masters) + itemsAdjustment);
  if (difference !== 0) standing(OPENING_DIFFERENCE_ROW, OPENING_DIFFERENCE_NAME, 'difference', difference);
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    rows,
    totalDebit,
    totalCredit,
    closingDebit,
    closingCredit,
  };
}
