import { addDays, daysBetween, type IsoDate, lastDayOfMonth } from '../../../shared/dates';
import { type Paise, paiseToDecimalString } from '../../../shared/money';

/**
 * Interest on overdue bills the way Tally's Interest Calculation computes it (docs/TALLY.md, "Interest
 * on overdue bills", has each rule with its source and what is unconfirmed). Exact: amounts are integer
 * paise, the rate a decimal string, and every intermediate value a BigInt fraction; the only rounding is
 * the last one (Tally's rounding, else to the paisa).
 */

/** Tally's INTERESTSTYLE: what the rate is "per" and how days turn into that period. */
export type InterestStyle = '365-Day Year' | '30-Day Month' | 'Calendar Month' | 'Calendar Year';
/** Tally's INTERESTBALANCETYPE: which balances earn interest (debit: owed to us). */
export type InterestBalanceType = 'All Balances' | 'Debit Balances Only' | 'Credit Balances Only';
/** Tally's ROUNDTYPE. */
export type InterestRounding = 'Not Applicable' | 'Downward Rounding' | 'Normal Rounding' | 'Upward Rounding';

export const INTEREST_STYLES: readonly InterestStyle[] = [
  '365-Day Year',
  '30-Day Month',
  'Calendar Month',
  'Calendar Year',
];
const BALANCE_TYPES: readonly InterestBalanceType[] = [
  'All Balances',
  'Debit Balances Only',
  'Credit Balances Only',
];
const ROUNDINGS: readonly InterestRounding[] = [
  'Not Applicable',
  'Downward Rounding',
  'Normal Rounding',
  'Upward Rounding',
];

export interface InterestParameters {
  /** Percent per the style's period, as decimal text ("18", "1.5"); at most 4 decimals. */
  ratePercent: string;
  style: InterestStyle;
  balances: InterestBalanceType;
  /** 'due': interest runs after the due date (Tally's "Past Due Date"); 'bill': after the bill date ("Always"). */
  from: 'due' | 'bill';
  /** Days after that date before interest starts (Tally's INTERESTAPPLFROM, "Past Due Date by N days"). */
  graceDays: number;
  rounding: InterestRounding;
  /** Tally's ROUNDLIMIT: round to a multiple of this many paise (100 = whole rupees); 0 with Not Applicable. */
  roundingLimit: Paise;
  /** Tally's "Include transaction date for interest calculation: For amounts added" (the start day earns). */
  includeDayOfAddition: boolean;
  /** "... For amounts deducted": a part payment still earns interest on the day it is made. */
  includeDayOfDeduction: boolean;
  /**
   * TallyConnect's own parameter, not Tally's: only bills whose pending amount is above this earn interest
   * (0: every bill). Tally's ledger has no such field that we know of.
   */
  aboveAmount: Paise;
  /** Where these parameters came from: the ledger in Tally, or set in TallyConnect. */
  source: 'tally' | 'tallyconnect';
}

export const DEFAULT_INTEREST: Omit<InterestParameters, 'ratePercent'> = {
  style: '365-Day Year',
  balances: 'All Balances',
  from: 'due',
  graceDays: 0,
  rounding: 'Not Applicable',
  roundingLimit: 0,
  includeDayOfAddition: false,
  includeDayOfDeduction: false,
  aboveAmount: 0,
  source: 'tallyconnect',
};

/** A change of a bill's balance: the bill itself (New Ref), a part payment or a note (Agst Ref). */
export interface BillMovement {
  date: IsoDate;
  /** Debit positive (adds to what the party owes us); a receipt against a debtor's bill is negative. */
  amount: Paise;
}

export interface BillForInterest {
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Pending amount as on the date, debit positive. */
  pending: Paise;
  /**
   * The bill's movements up to the as-on date (opening amount on the bill date, then allocations), debit
   * positive; they must add up to `pending`. Without them the pending amount is taken as outstanding since
   * the bill date, which is exact for a bill never part-paid.
   */
  movements?: readonly BillMovement[];
}

export interface BillInterest {
  billName: string;
  /** The first day that earns interest; null when none does by the as-on date. */
  fromDate: IsoDate | null;
  /** Days that earned interest (the as-on date counts). */
  days: number;
  /** Signed like the bill: debit positive (interest the party owes us). */
  interest: Paise;
}

export class InterestParameterError extends Error {
  override readonly name = 'InterestParameterError';
}

// ---- exact fractions --------------------------------------------------------------------------------

interface Fraction {
  num: bigint;
  den: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};
const fraction = (num: bigint, den: bigint): Fraction => {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
};
const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
const ZERO: Fraction = { num: 0n, den: 1n };

const RATE_SCALE = 10_000n;
const RATE_RE = /^\s*(\d{1,3})(?:\.(\d{1,4}))?\s*$/;

/** "18" -> 180000 (percent × 10,000), exactly; a clear error for anything else. */
export function parseRate(text: string): bigint {
  const m = RATE_RE.exec(text);
  if (!m) throw new InterestParameterError(`Interest rate "${text}" is not a percentage like 18 or 1.5`);
  return BigInt(m[1]!) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(4, '0'));
}

// ---- the period fractions of each style ---------------------------------------------------------------

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The part of the style's period that the days `from`..`to` (both counted) make: days/365 for a 365-day
 * year, days/30 for a 30-day month; a calendar month or year counts each day as 1/(days in its month or
 * year), so the days are split where a month or year ends.
 */
export function periodFraction(style: InterestStyle, from: IsoDate, to: IsoDate): Fraction {
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return ZERO;
  if (style === '365-Day Year') return fraction(BigInt(days), 365n);
  if (style === '30-Day Month') return fraction(BigInt(days), 30n);
  let total = ZERO;
  for (let start = from; start <= to;) {
    const periodEnd =
      style === 'Calendar Month' ? lastDayOfMonth(start.slice(0, 7)) : `${start.slice(0, 4)}-12-31`;
    const end = periodEnd < to ? periodEnd : to;
    const length =
      style === 'Calendar Month'
        ? Number(periodEnd.slice(8, 10))
        : isLeap(Number(start.slice(0, 4)))
          ? 366
          : 365;
    total = add(total, fraction(BigInt(daysBetween(start, end) + 1), BigInt(length)));
    start = addDays(end, 1);
  }
  return total;
}

// ---- rounding ---------------------------------------------------------------------------------------

/**
 * Rounds an exact amount of paise. Tally's Downward / Normal / Upward Rounding go to a multiple of the
 * limit (in paise); Normal takes a half upward (away from zero). Not Applicable keeps the amount, which
 * Tally holds to the paisa: rounded half away from zero.
 */
export function roundInterest(value: Fraction, rounding: InterestRounding, limit: Paise): Paise {
  const sign = value.num < 0n ? -1n : 1n;
  const abs = { num: value.num * sign, den: value.den };
  const unit = rounding === 'Not Applicable' || limit <= 0 ? 1n : BigInt(limit);
  const scaledDen = abs.den * unit;
  // Non-negative over positive: BigInt division is the floor.
  let units: bigint;
  if (rounding === 'Downward Rounding' && unit > 1n) units = abs.num / scaledDen;
  else if (rounding === 'Upward Rounding' && unit > 1n) units = (abs.num + scaledDen - 1n) / scaledDen;
  else units = (2n * abs.num + scaledDen) / (2n * scaledDen);
  return Number(sign * units * unit);
}

// ---- per bill ---------------------------------------------------------------------------------------

/** The last day that does not yet earn interest (the day after it is the first that may). */
function interestStart(bill: BillForInterest, params: InterestParameters): IsoDate | null {
  const base = params.from === 'due' ? (bill.dueDate ?? bill.billDate) : (bill.billDate ?? bill.dueDate);
  return base === null ? null : addDays(base, params.graceDays);
}

export function validateParameters(params: InterestParameters): void {
  parseRate(params.ratePercent);
  if (!INTEREST_STYLES.includes(params.style))
    throw new InterestParameterError(`Unknown interest style "${params.style}"`);
  if (!BALANCE_TYPES.includes(params.balances))
    throw new InterestParameterError(`Unknown balance type "${params.balances}"`);
  if (!ROUNDINGS.includes(params.rounding))
    throw new InterestParameterError(`Unknown rounding "${params.rounding}"`);
  if (!Number.isInteger(params.graceDays) || params.graceDays < 0)
    throw new InterestParameterError(`Grace days must be a whole number of days, not ${params.graceDays}`);
  if (!Number.isSafeInteger(params.roundingLimit) || params.roundingLimit < 0)
    throw new InterestParameterError(
      `Rounding limit must be a whole number of paise, not ${params.roundingLimit}`,
    );
}

/**
 * Interest on one bill as on a date. Each day after the start (the due or bill date plus the grace days)
 * up to and including the as-on date earns interest on the bill's balance that day: a part payment
 * lowers the balance from its own date (or from the next day with includeDayOfDeduction). A balance of
 * the wrong side for `balances` earns nothing.
 */
export function billInterest(bill: BillForInterest, params: InterestParameters, asOn: IsoDate): BillInterest {
  const rate = parseRate(params.ratePercent);
  const none: BillInterest = { billName: bill.billName, fromDate: null, days: 0, interest: 0 };
  if (Math.abs(bill.pending) <= params.aboveAmount && params.aboveAmount > 0) return none;
  const start = interestStart(bill, params);
  if (start === null) return none;
  const firstDay = params.includeDayOfAddition ? start : addDays(start, 1);
  if (firstDay > asOn) return none;
  const movements = [...(bill.movements ?? [{ date: bill.billDate ?? firstDay, amount: bill.pending }])].sort(
    (a, b) => a.date.localeCompare(b.date),
  );
  const moved = movements.reduce((sum, m) => sum + m.amount, 0);
  if (moved !== bill.pending)
    throw new InterestParameterError(
      `Bill ${bill.billName}: its movements add up to ${paiseToDecimalString(moved)}, not its pending ${paiseToDecimalString(bill.pending)}`,
    );
  // The day from which each movement counts in the balance: a bill (debit) the day after its date unless
  // the day of addition is included; a deduction on its own day unless the day of deduction is included.
  const effective = movements.map((m) => {
    const adds = m.amount > 0;
    const includeDay = adds ? params.includeDayOfAddition : !params.includeDayOfDeduction;
    return { from: includeDay ? m.date : addDays(m.date, 1), amount: m.amount };
  });
  const breaks = [...new Set(effective.map((e) => e.from).filter((d) => d > firstDay && d <= asOn))].sort();
  const bounds = [firstDay, ...breaks];
  let weighted = ZERO;
  bounds.forEach((segmentStart, i) => {
    const segmentEnd = i + 1 < bounds.length ? addDays(bounds[i + 1]!, -1) : asOn;
    const balance = effective.reduce((sum, e) => (e.from <= segmentStart ? sum + e.amount : sum), 0);
    if (balance === 0) return;
    if (params.balances === 'Debit Balances Only' && balance < 0) return;
    if (params.balances === 'Credit Balances Only' && balance > 0) return;
    const part = periodFraction(params.style, segmentStart, segmentEnd);
    weighted = add(weighted, fraction(part.num * BigInt(balance), part.den));
  });
  const exact = fraction(weighted.num * rate, weighted.den * 100n * RATE_SCALE);
  return {
    billName: bill.billName,
    fromDate: firstDay,
    days: daysBetween(firstDay, asOn) + 1,
    interest: roundInterest(exact, params.rounding, params.roundingLimit),
  };
}

/** Interest on each of a party's bills and their sum. */
export function partyInterest(
  bills: readonly BillForInterest[],
  params: InterestParameters,
  asOn: IsoDate,
): { bills: BillInterest[]; total: Paise } {
  validateParameters(params);
  const result = bills.map((b) => billInterest(b, params, asOn));
  return { bills: result, total: result.reduce((s, b) => s + b.interest, 0) };
}
