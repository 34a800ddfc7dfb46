import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { Milli } from '../db/records';

/**
 * Closing stock of an item as on a date, from its opening and movements: pure functions, exact integers.
 * Used where Tally's own figure is absent (file imports; Tally computes closing stock itself, see
 * docs/TALLY.md). Quantities are thousandths of the item's unit, values paise.
 *
 * - Average cost (Tally's default, "Avg. Cost"): the weighted average cost of the opening stock and every
 *   inward movement up to the date, rate = (opening value + inward values) / (opening quantity + inward
 *   quantities); closing value = closing quantity × that rate. Outward movements change only the quantity.
 * - FIFO: the closing quantity is taken to be the most recent inward lots (the opening stock being the
 *   oldest lot): whole lots from the newest back, plus the needed part of the next one.
 *
 * Rounding: one rounding per item, to the paisa, half away from zero (BigInt arithmetic, so no product
 * overflows): average cost rounds closing quantity × total value / total quantity; FIFO rounds only the
 * partly taken lot (its value × part / its quantity), whole lots count at their exact value.
 * Negative closing stock (more went out than came in) is valued at the same rate: the average rate, or
 * under FIFO the newest lot's rate, so its value is negative. With no inward quantity at all (and no
 * opening) the value is 0.
 */

export type ValuationMethod = 'average' | 'fifo';

export interface ItemOpening {
  quantity: Milli;
  /** Debit positive (the cost of the opening stock). */
  value: Paise;
}

export interface ItemMovement {
  date: IsoDate;
  /** Inward positive, outward negative (as stored in inventory_entries.actual_quantity). */
  quantity: Milli;
  /**
   * The line's amount, debit positive: the cost of an inward movement (a purchase line). Ignored for
   * outward ones (a sale's amount is its selling price, not its cost).
   */
  amount: Paise;
}

export interface ClosingStock {
  quantity: Milli;
  value: Paise;
}

/**
 * Tally's COSTINGMETHOD text → a method this module computes: "Avg. Cost" (also "Average Cost") and
 * "FIFO" (also "FIFO Perpetual"); null for the others (LIFO, Std. Cost, Last Purchase Cost, At Zero Cost ...).
 */
export function valuationMethodOf(costingMethod: string | null | undefined): ValuationMethod | null {
  const t = (costingMethod ?? '').trim().toLowerCase();
  if (t === '' || t.startsWith('avg') || t.startsWith('average')) return 'average';
  if (t.startsWith('fifo')) return 'fifo';
  return null;
}

/** a × b / c rounded half away from zero, exactly (c ≠ 0). */
export function mulDivRound(a: number, b: number, c: number): number {
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(c);
  const negative = num < 0n !== den < 0n && num !== 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('Stock value out of range');
  return result;
}

/** Movements up to and including `asOn`, in the order given (callers pass date order). */
const upTo = (movements: readonly ItemMovement[], asOn: IsoDate): ItemMovement[] =>
  movements.filter((m) => m.date <= asOn);

export function averageCostClosing(
  opening: ItemOpening,
  movements: readonly ItemMovement[],
  asOn: IsoDate,
): ClosingStock {
  let quantity = opening.quantity;
  let inQuantity = opening.quantity > 0 ? opening.quantity : 0;
  let inValue = opening.quantity > 0 ? opening.value : 0;
  for (const m of upTo(movements, asOn)) {
    quantity += m.quantity;
    if (m.quantity > 0) {
      inQuantity += m.quantity;
      inValue += m.amount;
    }
  }
  const value = inQuantity === 0 ? 0 : mulDivRound(quantity, inValue, inQuantity);
  return { quantity, value };
}

export function fifoClosing(
  opening: ItemOpening,
  movements: readonly ItemMovement[],
  asOn: IsoDate,
): ClosingStock {
  const lots: { quantity: Milli; value: Paise }[] = [];
  if (opening.quantity > 0) lots.push({ quantity: opening.quantity, value: opening.value });
  let quantity = opening.quantity;
  for (const m of upTo(movements, asOn)) {
    quantity += m.quantity;
    if (m.quantity > 0) lots.push({ quantity: m.quantity, value: m.amount });
  }
  if (quantity === 0 || lots.length === 0) return { quantity, value: 0 };
  const newest = lots[lots.length - 1]!;
  if (quantity < 0) return { quantity, value: mulDivRound(quantity, newest.value, newest.quantity) };
  let needed = quantity;
  let value = 0;
  for (let i = lots.length - 1; i >= 0 && needed > 0; i--) {
    const lot = lots[i]!;
    if (lot.quantity <= needed) {
      value += lot.value;
      needed -= lot.quantity;
    } else {
      value += mulDivRound(needed, lot.value, lot.quantity);
      needed = 0;
    }
  }
  return { quantity, value };
}

export function closingStock(
  method: ValuationMethod,
  opening: ItemOpening,
  movements: readonly ItemMovement[],
  asOn: IsoDate,
): ClosingStock {
  return method === 'fifo'
    ? fifoClosing(opening, movements, asOn)
    : averageCostClosing(opening, movements, asOn);
}
