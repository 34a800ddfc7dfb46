import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  BalanceSheet,
  BalanceSheetChild,
  BalanceSheetLine,
  BalanceSheetProfitAndLoss,
} from '../../../shared/types/reports';
import { PROFIT_AND_LOSS_LEDGER } from '../db/records';
import { fyStartOf, movements, net, openingsAt } from './balances';
import {
  companyStock,
  itemsOpeningAdjustment,
  STOCK_IN_HAND,
  stockLedgers,
  type ClosingStockProvider,
  stockValuedByUs,
} from './stock-value';
import { comparePrimaryGroups } from './group-order';
import type { GroupInfo, Masters } from './masters';
import { OPENING_DIFFERENCE_NAME, OPENING_DIFFERENCE_ROW, openingDifference } from './trial-balance';

export const CLOSING_STOCK_ID = 'closing-stock';
export const CLOSING_STOCK_NAME = 'Closing Stock';
export const PROFIT_AND_LOSS_LINE = 'profit-and-loss';

export interface BalanceSheetOptions {
  /** Default companyStock: the stock items valued when the company keeps them, else Stock-in-Hand ledgers. */
  closingStock?: ClosingStockProvider;
}

/**
 * The Balance Sheet as on a date, as Tally shows it. Liabilities: Capital Account, Loans (Liability),
 * Current Liabilities, Branch / Divisions, Suspense A/c, then the Profit & Loss A/c; assets: Fixed
 * Assets, Investments, Current Assets (with the closing stock), Misc. Expenses (ASSET). A group stands on
 * the side its closing balance puts it (a debit Current Liabilities among the assets: Tally's help, "Assets
 * with credit balance will appear in Liabilities, and Liabilities with debit balances will appear in
 * Assets"); a group at zero stays on its own side. When the ledgers' opening balances do not sum to zero,
 * their contrary shows as "Difference in opening balances" on the side that makes both totals agree.
 */
export function balanceSheet(
  db: Database.Database,
  masters: Masters,
  params: { asOn: IsoDate },
  options: BalanceSheetOptions = {},
): BalanceSheet {
  const { asOn } = params;
  const from = fyStartOf(asOn, masters.company.yearStartMonth);
  const openings = openingsAt(db, masters, from);
  const moves = movements(db, masters.company.id, from, asOn, undefined, masters.allInBooks);
  const stockGuids = new Set(stockLedgers(masters).map((l) => l.guid));

  const groupClosing = new Map<string, Paise>();
  /** Groups holding at least one ledger with a balance (shown even when they net to zero). */
  const groupUsed = new Set<string>();
  const ledgerClosing = new Map<string, Paise>();
  let plOpening = masters.profitAndLoss === null ? openings.profitAndLossCarried : 0;
  let plMoved = 0;
  let revenueOpening = 0;
  let revenuePeriod = 0;
  let stockLedgerOpening = 0;
  let stockLedgerClosing = 0;
  for (const ledger of masters.ledgers.values()) {
    const opening = openings.byLedger.get(ledger.guid) ?? 0;
    const moved = net(moves.get(ledger.guid));
    const closing = opening + moved;
    if (ledger.isProfitAndLoss) {
      plOpening += opening;
      plMoved += moved;
    } else if (ledger.group.isRevenue) {
      revenueOpening += opening;
      revenuePeriod += moved;
    } else if (stockGuids.has(ledger.guid)) {
      stockLedgerOpening += opening;
      stockLedgerClosing += closing;
    } else if (closing !== 0) {
      ledgerClosing.set(ledger.guid, closing);
      for (
        let g: GroupInfo | undefined = ledger.group;
        g;
        g = g.parent ? masters.groups.get(g.parent) : undefined
      ) {
        groupClosing.set(g.name, (groupClosing.get(g.name) ?? 0) + closing);
        groupUsed.add(g.name);
      }
    }
  }

  const stock = (options.closingStock ?? companyStock)(db, masters, { from, asOn });
  // Stock valued from the items replaces the Stock-in-Hand ledgers' openings by the items' opening stock
  // (an opening balance: it counts in the difference in opening balances below).
  const itemsAdjustment = itemsOpeningAdjustment(masters, stock);
  // What the provider's stock differs from the Stock-in-Hand ledgers (their openings replaced as above)
  // by goes through the P&L A/c: the part gained before the year into its opening (earlier years' stock
  // gains), the year's part into the current period.
  const stockOpeningGain = stock.opening - stockLedgerOpening - itemsAdjustment;
  const stockPeriodGain = stock.closing - stock.opening - (stockLedgerClosing - stockLedgerOpening);
  const opening = plOpening + revenueOpening - stockOpeningGain;
  const currentPeriod = revenuePeriod - stockPeriodGain;
  const profitAndLoss: BalanceSheetProfitAndLoss = {
    opening,
    currentPeriod,
    transferred: plMoved,
    closing: opening + currentPeriod + plMoved,
  };

  // The closing stock stands under the primary group holding Stock-in-Hand (Current Assets).
  const stockGroup = [...masters.groups.values()]
    .filter((g) => g.lineage.has(STOCK_IN_HAND))
    .sort((a, b) => a.depth - b.depth)[0];
  const stockHolder = stockGroup ? primaryOf(masters, stockGroup) : masters.groups.get('Current Assets');
  if (stock.closing !== 0 && stockHolder) {
    groupClosing.set(stockHolder.name, (groupClosing.get(stockHolder.name) ?? 0) + stock.closing);
    groupUsed.add(stockHolder.name);
  }

  const childrenOf = (group: GroupInfo): BalanceSheetChild[] => {
    const subGroups: BalanceSheetChild[] = [...masters.groups.values()]
      .filter((g) => g.parent === group.name && groupUsed.has(g.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((g) => ({ guid: g.guid, name: g.name, kind: 'group', closing: groupClosing.get(g.name) ?? 0 }));
    const ledgers: BalanceSheetChild[] = [...masters.ledgers.values()]
      .filter((l) => l.group.name === group.name && ledgerClosing.has(l.guid))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((l) => ({ guid: l.guid, name: l.name, kind: 'ledger', closing: ledgerClosing.get(l.guid)! }));
    const children = [...subGroups, ...ledgers];
    if (group === stockHolder && stock.closing !== 0) {
      children.unshift({
        guid: CLOSING_STOCK_ID,
        name: CLOSING_STOCK_NAME,
        kind: 'closingStock',
        closing: stock.closing,
      });
    }
    return children;
  };

  const liabilities: BalanceSheetLine[] = [];
  const assets: BalanceSheetLine[] = [];
  const crossedToLiabilities: BalanceSheetLine[] = [];
  const crossedToAssets: BalanceSheetLine[] = [];
  const primaries = [...masters.groups.values()]
    .filter((g) => g.parent === null && !g.isRevenue && groupUsed.has(g.name))
    .sort(comparePrimaryGroups);
  for (const group of primaries) {
    const closing = groupClosing.get(group.name) ?? 0;
    const ownSide = group.nature === 'asset' ? 'assets' : 'liabilities';
    const side = closing > 0 ? 'assets' : closing < 0 ? 'liabilities' : ownSide;
    const line: BalanceSheetLine = {
      kind: 'group',
      guid: group.guid,
      name: group.name,
      closing,
      amount: side === 'assets' ? closing : -closing,
      children: childrenOf(group),
    };
    if (side === ownSide) (side === 'assets' ? assets : liabilities).push(line);
    else (side === 'assets' ? crossedToAssets : crossedToLiabilities).push(line);
  }
  liabilities.push(...crossedToLiabilities);
  assets.push(...crossedToAssets);

  const place = (line: Omit<BalanceSheetLine, 'amount'>): void => {
    if (line.closing > 0) assets.push({ ...line, amount: line.closing });
    else liabilities.push({ ...line, amount: -line.closing });
  };
  if (stock.closing !== 0 && !stockHolder) {
    assets.push({
      kind: 'closingStock',
      guid: CLOSING_STOCK_ID,
      name: CLOSING_STOCK_NAME,
      closing: stock.closing,
      amount: stock.closing,
      children: [],
    });
  }
  place({
    kind: 'profitAndLoss',
    guid: masters.profitAndLoss?.guid ?? PROFIT_AND_LOSS_LINE,
    name: masters.profitAndLoss?.name ?? PROFIT_AND_LOSS_LEDGER,
    closing: profitAndLoss.closing,
    children: [],
  });
  const difference = openingDifference(masters) + itemsAdjustment;
  if (difference !== 0) {
    place({
      kind: 'openingDifference',
      guid: OPENING_DIFFERENCE_ROW,
      name: OPENING_DIFFERENCE_NAME,
      closing: -difference,
      children: [],
    });
  }
  const total = (lines: BalanceSheetLine[]): Paise => lines.reduce((s, l) => s + l.amount, 0);
  return {
    companyGuid: masters.company.guid,
    from,
    asOn,
    liabilities,
    assets,
    totalLiabilities: total(liabilities),
    totalAssets: total(assets),
    profitAndLoss,
    openingDifference: difference,
    closingStock: stock.closing,
    stockComputed: stockValuedByUs(stock, 'closing'),
  };
}

function primaryOf(masters: Masters, group: GroupInfo): GroupInfo {
  let g = group;
  for (let i = 0; i < 64 && g.parent !== null; i++) {
    const parent = masters.groups.get(g.parent);
    if (!parent) break;
    g = parent;
  }
  return g;
}
