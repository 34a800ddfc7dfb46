import type Database from 'better-sqlite3';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import { MOVES_STOCK } from '../inventory/movements';
import { companyStockAt, itemsOpeningValue, stockItemCount } from '../inventory/stock-totals';
import { movements, net, openingsAt } from './balances';
import type { GroupInfo, LedgerInfo, Masters } from './masters';

/**
 * Opening and closing stock of a period, one definition for the Profit & Loss (trading account) and the
 * Balance Sheet, so their figures always agree.
 */

/** Reserved name of the group whose ledgers carry the stock when inventory is not integrated. */
export const STOCK_IN_HAND = 'Stock-in-Hand';

/** Stock values of a period, debit positive. */
export interface StockValues {
  /** At the start of the period. */
  opening: Paise;
  /** At its end (the balance-sheet date, the P&L period end). */
  closing: Paise;
  /**
   * True when TallyConnect valued the stock from the stock items (Tally's own figure is not in the store).
   * The items then stand in for the Stock-in-Hand ledgers (Tally with accounts integrated with inventory:
   * the stock figures come from the inventory records, entered ones are not considered).
   */
  computed?: boolean;
  /**
   * With `computed`: the items' opening stock at the books' start, an opening balance like a ledger's
   * (it replaces the Stock-in-Hand ledgers' own openings in the difference in opening balances).
   */
  itemsOpening?: Paise;
  /** Which of the two figures are Tally's own (asked of Tally at sync), not valued by TallyConnect. */
  fromTally?: { opening: boolean; closing: boolean };
}

/**
 * Where the closing stock comes from. The default reads the Stock-in-Hand ledgers' balances; an
 * inventory valuation (Tally's closing stock from the stock items) can be injected instead. Whatever
 * the provider says, the sheet still balances: what it differs from the Stock-in-Hand ledgers by moves
 * through the Profit & Loss A/c (its opening part into the opening balance, the year's part into the
 * current period), as Tally's profit and loss takes opening and closing stock.
 */
export type ClosingStockProvider = (
  db: Database.Database,
  masters: Masters,
  period: { from: IsoDate; asOn: IsoDate },
) => StockValues;

/**
 * The group the trial balance and the group summary put the items' stock under: the outermost group that
 * is or descends from Stock-in-Hand, else Current Assets (undefined when the company has neither).
 */
export function stockGroupOf(masters: Masters): GroupInfo | undefined {
  return (
    [...masters.groups.values()]
      .filter((g) => g.lineage.has(STOCK_IN_HAND))
      .sort((a, b) => a.depth - b.depth)[0] ?? masters.groups.get('Current Assets')
  );
}

/**
 * The value the stock items took in over [from, to] (their inwards at cost, as the Stock Summary adds
 * them up): the difference of the items' running inward sums at the day before and at `to`.
 */
export function stockInwardsValue(
  db: Database.Database,
  companyId: number,
  from: IsoDate,
  to: IsoDate,
): Paise {
  const sum = (date: IsoDate): Paise =>
    companyStockAt(db, companyId, date).items.reduce((s, i) => s + i.moved.inValue, 0);
  return sum(to) - sum(addDays(from, -1));
}

/** Ledgers under the Stock-in-Hand group (by reserved name, so a renamed group still counts). */
export function stockLedgers(masters: Masters): LedgerInfo[] {
  return masters.ledgersUnder(STOCK_IN_HAND).filter((l) => !l.isProfitAndLoss);
}

/**
 * Stock kept in Stock-in-Hand ledgers (inventory not integrated): a ledger's value on a date is the latest
 * closing value entered in Tally on or before it (LEDGERCLOSINGVALUES), else its balance.
 */
export const stockInHandLedgers: ClosingStockProvider = (db, masters, { from, asOn }) => {
  const ledgers = stockLedgers(masters);
  if (ledgers.length === 0) return { opening: 0, closing: 0 };
  const openings = openingsAt(db, masters, from, ledgers);
  const moves = movements(
    db,
    masters.company.id,
    from,
    asOn,
    ledgers.map((l) => l.guid),
    masters.allInBooks,
  );
  const entered = db.prepare(
    `SELECT amount FROM ledger_closing_values WHERE company_id = ? AND ledger_guid = ? AND date <= ?
     ORDER BY date DESC LIMIT 1`,
  );
  const enteredOn = (guid: string, date: IsoDate): Paise | undefined =>
    entered.pluck().get(masters.company.id, guid, date) as Paise | undefined;
  let opening = 0;
  let closing = 0;
  for (const l of ledgers) {
    const o = openings.byLedger.get(l.guid) ?? 0;
    opening += enteredOn(l.guid, addDays(from, -1)) ?? o;
    closing += enteredOn(l.guid, asOn) ?? o + net(moves.get(l.guid));
  }
  return { opening, closing };
};

/**
 * The company's stock: valued from its stock items when it keeps any (each item's costing method; average
 * cost unless FIFO; see inventory/valuation.ts, computed fast by inventory/stock-totals.ts) — opening = the
 * stock at the end of the day before the period starts, closing = at its end — else the Stock-in-Hand
 * ledgers (stockInHandLedgers). The default of the P&L, balance sheet and trial balance.
 */
export const companyStock: ClosingStockProvider = (db, masters, period) => {
  const companyId = masters.company.id;
  const withItems = stockItemCount(db, companyId) > 0;
  const openingDate = addDays(period.from, -1);
  // Tally's own figure wherever the sync asked Tally for it (Tally wins); ours only where it did not.
  const tallyOpening = tallyStockAt(db, companyId, openingDate, withItems);
  const tallyClosing = tallyStockAt(db, companyId, period.asOn, withItems);
  const fromTally = { opening: tallyOpening !== null, closing: tallyClosing !== null };
  if (!withItems) {
    const ledgers = stockInHandLedgers(db, masters, period);
    return {
      opening: tallyOpening ?? ledgers.opening,
      closing: tallyClosing ?? ledgers.closing,
      fromTally,
    };
  }
  return {
    opening: tallyOpening ?? companyStockAt(db, companyId, openingDate).value,
    closing: tallyClosing ?? companyStockAt(db, companyId, period.asOn).value,
    computed: true,
    itemsOpening: itemsOpeningValue(db, companyId),
    fromTally,
  };
};

/**
 * The closing stock as on a date as Tally valued it, when the sync asked Tally for that date — or, with
 * stock items, for an earlier date with no stock movement since (the stock has not changed). Null when
 * Tally was not asked (file imports, a Tally that did not answer, a date between two answers with
 * movements in between).
 */
export function tallyStockAt(
  db: Database.Database,
  companyId: number,
  date: IsoDate,
  withItems: boolean,
): Paise | null {
  const row = db
    .prepare(
      'SELECT date, value FROM tally_stock_values WHERE company_id = ? AND date <= ? ORDER BY date DESC LIMIT 1',
    )
    .get(companyId, date) as { date: IsoDate; value: Paise } | undefined;
  if (!row) return null;
  if (row.date === date) return row.value;
  if (!withItems) return null;
  const moved = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM vouchers v JOIN inventory_entries e ON e.voucher_id = v.id
         WHERE v.company_id = ? AND v.date > ? AND v.date <= ? AND ${MOVES_STOCK})`,
    )
    .pluck()
    .get(companyId, row.date, date) as number;
  return moved === 1 ? null : row.value;
}

/** True when the stock figures of a report are TallyConnect's own valuation (to be labelled so). */
export function stockValuedByUs(stock: StockValues, figures: 'closing' | 'both'): boolean {
  if (stock.computed !== true) return false;
  const tally = stock.fromTally ?? { opening: false, closing: false };
  return figures === 'closing' ? !tally.closing : !(tally.opening && tally.closing);
}

/**
 * What the opening balances gain from the stock items: their opening stock in place of the Stock-in-Hand
 * ledgers' own openings (0 when the stock is not computed from items).
 */
export function itemsOpeningAdjustment(masters: Masters, stock: StockValues): Paise {
  if (stock.computed !== true) return 0;
  const ledgersOpening = stockLedgers(masters).reduce((sum, l) => sum + l.openingBalance, 0);
  return (stock.itemsOpening ?? 0) - ledgersOpening;
}
