import type { IsoDate } from '../../shared/dates';
import type { Paise } from '../../shared/money';
import {
  isBaseVoucherType,
  type StockItemRecord,
  type VoucherRecord,
  type VoucherTypeRecord,
} from '../../electron/core/db/records';
import { offBooksReason } from '../../electron/core/db/posting';
import { closingStock, valuationMethodOf, type ItemMovement } from '../../electron/core/inventory/valuation';

/**
 * The simulator's answer to "the Stock-in-Hand group's closing balance as on a date": the closing stock
 * the simulated Tally values, every stock item by its costing method over the vouchers that move stock
 * (those that post, and inventory notes / stock journals). A test can make the simulated Tally value it
 * otherwise (`SimStockValuation`), as a real Tally does with costing methods TallyConnect does not compute
 * (Std. Cost, Last Purchase Cost ...): the reports must then show Tally's figure, not their own.
 */

/** Tally's figure for a date, given the figure the simulator computed. */
export type SimStockValuation = (asOn: IsoDate, computed: Paise) => Paise;

interface Movements {
  key: string;
  byItem: Map<string, ItemMovement[]>;
}

export class SimStockBook {
  private cached: Movements | null = null;

  constructor(
    private readonly company: {
      stockItems: StockItemRecord[];
      voucherTypes: VoucherTypeRecord[];
      masterAlterId: number;
      voucherAlterId: number;
      all(): Iterable<VoucherRecord>;
    },
    private readonly valuation?: SimStockValuation,
  ) {}

  /** Closing stock as on a date, debit positive. */
  closingStock(asOn: IsoDate): Paise {
    const moves = this.movements();
    let total = 0;
    for (const item of this.company.stockItems) {
      const method = valuationMethodOf(item.costingMethod) ?? 'average';
      const opening = { quantity: item.openingQuantity, value: item.openingValue };
      total += closingStock(method, opening, moves.get(item.guid) ?? moves.get(item.name) ?? [], asOn).value;
    }
    return this.valuation ? this.valuation(asOn, total) : total;
  }

  /** Every item's movements in date order, read once per state of the company's books. */
  private movements(): Map<string, ItemMovement[]> {
    const key = `${this.company.masterAlterId}:${this.company.voucherAlterId}`;
    if (this.cached?.key === key) return this.cached.byItem;
    const parents = new Map(this.company.voucherTypes.map((t) => [t.name, t.parent]));
    const baseOf = (name: string): string => {
      let current = name;
      for (let depth = 0; depth < 20 && !isBaseVoucherType(current); depth++) {
        const parent = parents.get(current);
        if (parent === undefined || parent === current) break;
        current = parent;
      }
      return current;
    };
    const byItem = new Map<string, ItemMovement[]>();
    for (const v of this.company.all()) {
      if (!v.inventory?.length) continue;
      const reason = offBooksReason(v, baseOf(v.voucherType));
      if (reason !== null && reason !== 'inventory') continue;
      for (const line of v.inventory) {
        const id = line.stockItemGuid ?? line.stockItemName;
        const list = byItem.get(id);
        const move = { date: v.date, quantity: line.actualQuantity, amount: line.amount };
        if (list) list.push(move);
        else byItem.set(id, [move]);
      }
    }
    for (const list of byItem.values()) list.sort((a, b) => a.date.localeCompare(b.date));
    this.cached = { key, byItem };
    return byItem;
  }
}
