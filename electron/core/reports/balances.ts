import type Database from 'better-sqlite3';
import { addDays, daysBetween, lastDayOfMonth, yearStartOf, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import { POSTS } from '../db/posting';
import type { LedgerInfo, Masters } from './masters';

/**
 * Ledger movements for any date range, read from the monthly summary table for whole months and from
 * the entries only for the partial months at either end. Cancelled and optional vouchers never count.
 */
export interface Movement {
  debit: Paise;
  credit: Paise;
}

export const BEGINNING: IsoDate = '0001-01-01';

const monthOf = (date: IsoDate): string => date.slice(0, 7);

export { lastDayOfMonth };

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Splits [from, to] into whole months (for the summary) and partial day ranges (for the entries). */
export function splitRange(
  from: IsoDate,
  to: IsoDate,
): { months: [string, string] | null; partial: [IsoDate, IsoDate][] } {
  if (from > to) return { months: null, partial: [] };
  const firstFull = from.endsWith('-01') ? monthOf(from) : nextMonth(monthOf(from));
  const lastFull = to === lastDayOfMonth(monthOf(to)) ? monthOf(to) : previousMonth(monthOf(to));
  if (firstFull > lastFull) return { months: null, partial: [[from, to]] };
  const partial: [IsoDate, IsoDate][] = [];
  if (!from.endsWith('-01')) partial.push([from, lastDayOfMonth(monthOf(from))]);
  if (monthOf(to) !== lastFull) partial.push([`${monthOf(to)}-01`, to]);
  return { months: [firstFull, lastFull], partial };
}

/** A part of a range read with a sign: +1 adds its movements, −1 takes them away. */
export interface SignedSpan {
  from: string;
  to: string;
  sign: 1 | -1;
}

/**
 * How to read [from, to]: whole months from the monthly summary and days from the entries. A partial
 * month is read as the whole month less the rest of it when the rest is shorter (a report to the 25th
 * reads days 26–30, usually empty, instead of 25 days of entries), so no range reads more than about
 * half a month of entries at either end. Exact: the summary is built from the same entries.
 */
export function planRange(from: IsoDate, to: IsoDate): { months: SignedSpan[]; days: SignedSpan[] } {
  const { months, partial } = splitRange(from, to);
  const plan = {
    months: months ? [{ from: months[0], to: months[1], sign: 1 as const }] : [],
    days: [] as SignedSpan[],
  };
  for (const [a, b] of partial) {
    const month = monthOf(a);
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    const rest: SignedSpan[] = [];
    if (a > first) rest.push({ from: first, to: addDays(a, -1), sign: -1 });
    if (b < last) rest.push({ from: addDays(b, 1), to: last, sign: -1 });
    const days = (s: { from: IsoDate; to: IsoDate }): number => daysBetween(s.from, s.to) + 1;
    const restDays = rest.reduce((n, s) => n + days(s), 0);
    if (restDays < days({ from: a, to: b })) {
      plan.months.push({ from: month, to: month, sign: 1 });
      plan.days.push(...rest);
    } else plan.days.push({ from: a, to: b, sign: 1 });
  }
  return plan;
}

function add(map: Map<string, Movement>, guid: string, sign: 1 | -1, debit: number, credit: number): void {
  const m = map.get(guid);
  if (m) {
    m.debit += sign * debit;
    m.credit += sign * credit;
  } else map.set(guid, { debit: sign * debit, credit: sign * credit });
}

/** Above this many ledgers in `only`, movements are read for all of them at once. */
const FEW_LEDGERS = 8;

/** Movements per ledger in [from, to]; `only` limits the work to those ledgers (index lookups). */
export function movements(
  db: Database.Database,
  companyId: number,
  from: IsoDate,
  to: IsoDate,
  only?: readonly string[],
  /** No cancelled or optional vouchers in the company: read entries without looking up their voucher. */
  allInBooks = false,
): Map<string, Movement> {
  const result = new Map<string, Movement>();
  const plan = planRange(from, to);
  type Row = { guid: string; debit: number; credit: number };
  if (only && only.length > FEW_LEDGERS) {
    // Many ledgers (a dashboard's parties): one statement per range instead of one per ledger and range;
    // each still seeks its ledgers through the same indexes.
    const list = JSON.stringify(only);
    const monthly = db.prepare(`SELECT ledger_guid AS guid, sum(debit) AS debit, sum(credit) AS credit
      FROM ledger_month_totals
      WHERE company_id = ? AND ledger_guid IN (SELECT value FROM json_each(?)) AND month >= ? AND month <= ?
      GROUP BY ledger_guid`);
    const daily =
      db.prepare(`SELECT l.guid AS guid, sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS debit,
        sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS credit
      FROM ledgers l JOIN entries e ON e.ledger_id = l.id ${allInBooks ? '' : 'JOIN vouchers v ON v.id = e.voucher_id'}
      WHERE l.company_id = ? AND l.guid IN (SELECT value FROM json_each(?)) AND e.date >= ? AND e.date <= ?
        ${allInBooks ? '' : `AND ${POSTS}`}
      GROUP BY l.guid`);
    for (const span of plan.months) {
      for (const r of monthly.all(companyId, list, span.from, span.to) as Row[]) {
        add(result, r.guid, span.sign, r.debit, r.credit);
      }
    }
    for (const span of plan.days) {
      for (const r of daily.all(companyId, list, span.from, span.to) as Row[]) {
        add(result, r.guid, span.sign, r.debit, r.credit);
      }
    }
    for (const guid of only) if (!result.has(guid)) result.set(guid, { debit: 0, credit: 0 });
    return result;
  }
  if (only) {
    const monthly = db.prepare(`SELECT sum(debit) AS debit, sum(credit) AS credit FROM ledger_month_totals
      WHERE company_id = ? AND ledger_guid = ? AND month >= ? AND month <= ?`);
    // With every voucher in the books the covering ledger index answers alone (no row lookups).
    const daily = db.prepare(`SELECT sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS debit,
        sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS credit
      FROM entries e ${allInBooks ? '' : 'JOIN vouchers v ON v.id = e.voucher_id'}
      WHERE e.ledger_id = (SELECT id FROM ledgers WHERE company_id = ? AND guid = ?)
        AND e.date >= ? AND e.date <= ?
        ${allInBooks ? '' : `AND ${POSTS}`}`);
    for (const guid of only) {
      result.set(guid, { debit: 0, credit: 0 });
      for (const span of plan.months) {
        const r = monthly.get(companyId, guid, span.from, span.to) as Row;
        add(result, guid, span.sign, r.debit ?? 0, r.credit ?? 0);
      }
      for (const span of plan.days) {
        const r = daily.get(companyId, guid, span.from, span.to) as Row;
        add(result, guid, span.sign, r.debit ?? 0, r.credit ?? 0);
      }
    }
    return result;
  }
  const monthly = db.prepare(
    `SELECT ledger_guid AS guid, sum(debit) AS debit, sum(credit) AS credit FROM ledger_month_totals
     WHERE company_id = ? AND month >= ? AND month <= ? GROUP BY ledger_guid`,
  );
  for (const span of plan.months) {
    for (const r of monthly.all(companyId, span.from, span.to) as Row[]) {
      add(result, r.guid, span.sign, r.debit, r.credit);
    }
  }
  const daily = db.prepare(`SELECT l.guid AS guid, t.debit, t.credit FROM (
      SELECT e.ledger_id, sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS debit,
        sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS credit
      FROM vouchers v JOIN entries e ON e.voucher_id = v.id
      WHERE v.company_id = ? AND v.date >= ? AND v.date <= ?
        ${allInBooks ? '' : `AND ${POSTS}`}
      GROUP BY e.ledger_id) t JOIN ledgers l ON l.id = t.ledger_id`);
  for (const span of plan.days) {
    for (const r of daily.all(companyId, span.from, span.to) as Row[]) {
      add(result, r.guid, span.sign, r.debit, r.credit);
    }
  }
  // A ledger moved only in the part taken away nets to nothing: drop it, as if never read.
  for (const [guid, m] of result) if (m.debit === 0 && m.credit === 0) result.delete(guid);
  return result;
}

export const net = (m: Movement | undefined): Paise => (m ? m.debit - m.credit : 0);

/** The first day of the company's financial year containing `date` (its own year start; April default). */
export const fyStartOf = (date: IsoDate, yearStartMonth = 4): IsoDate => yearStartOf(date, yearStartMonth);

export interface Openings {
  /** Balance of each ledger at the start of `date` (debit positive). */
  byLedger: Map<string, Paise>;
  /**
   * Revenue ledgers start every financial year at zero; what they held before moves into the Profit &
   * Loss A/c, which this carries (debit positive: a debit is an accumulated loss).
   */
  profitAndLossCarried: Paise;
}

/**
 * Opening balances as Tally shows them: balance-sheet ledgers carried forward; revenue ledgers restart at
 * zero each financial year after the books' first, their earlier balances moving into the Profit & Loss
 * A/c (added to that ledger's opening when the company has it, as Tally shows it).
 */
export function openingsAt(
  db: Database.Database,
  masters: Masters,
  date: IsoDate,
  only?: LedgerInfo[],
): Openings {
  const fyStart = fyStartOf(date, masters.company.yearStartMonth);
  // The Profit & Loss A/c's opening needs what every revenue ledger carried, requested or not.
  const pl = masters.profitAndLoss;
  const needsCarried = only === undefined || (pl !== null && only.includes(pl));
  const scope =
    only === undefined
      ? undefined
      : needsCarried
        ? [...new Set([...only, ...[...masters.ledgers.values()].filter((l) => l.group.isRevenue)])]
        : only;
  const guids = scope?.map((l) => l.guid);
  const { allInBooks } = masters;
  const beforeFy = movements(db, masters.company.id, BEGINNING, addDays(fyStart, -1), guids, allInBooks);
  const inFy =
    date > fyStart
      ? movements(db, masters.company.id, fyStart, addDays(date, -1), guids, allInBooks)
      : new Map();
  const byLedger = new Map<string, Paise>();
  let carried = 0;
  // Revenue ledgers' own opening balances belong to the first year of the books only.
  const firstYear = masters.booksBegin === null || fyStart <= masters.booksBegin;
  for (const ledger of scope ?? masters.ledgers.values()) {
    const before = ledger.openingBalance + net(beforeFy.get(ledger.guid));
    const during = net(inFy.get(ledger.guid));
    if (ledger.group.isRevenue && !firstYear) {
      byLedger.set(ledger.guid, during);
      carried += before;
    } else byLedger.set(ledger.guid, before + during);
  }
  if (pl !== null && byLedger.has(pl.guid)) byLedger.set(pl.guid, (byLedger.get(pl.guid) ?? 0) + carried);
  if (only !== undefined && scope !== only) {
    const wanted = new Set(only.map((l) => l.guid));
    for (const guid of [...byLedger.keys()]) if (!wanted.has(guid)) byLedger.delete(guid);
  }
  return { byLedger, profitAndLossCarried: carried };
}
