import type Database from 'better-sqlite3';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  AgeBy,
  AgeingBucket,
  Outstanding,
  OutstandingBill,
  OutstandingKind,
  OutstandingParty,
} from '../../../shared/types/reports';
import { openingsAt } from './balances';
import { dueDateOf, isOverdue, OVERDUE_ON_AS_ON_SQL, overdueDaysOn } from './due';
import type { LedgerInfo, Masters } from './masters';

export const ON_ACCOUNT = 'On Account';

/** A bill of a party as on a date, debit positive (what the party owes us). */
export interface BillAsOn {
  ledgerGuid: string;
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  amount: Paise;
}

// Rows are read as arrays (.raw()), one at a time: building tens of thousands of keyed objects costs
// twice as much, and rows piling up next to the bills built from them keep the garbage collector busy.
type BillRow = [
  ledger: string,
  name: string,
  billDate: string | null,
  dueDate: string | null,
  opening: number,
  amount: number,
  history?: string,
];

const COLUMNS = 'ledger_guid, bill_name, bill_date, due_date, opening_amount, amount';

// Both indexes cover every column read (schema v6), so neither query looks up a summary row. Only the
// requested ledgers' bills are returned: turning index entries into JavaScript rows is the main cost.
const IN_LEDGERS = 'ledger_guid IN (SELECT value FROM json_each(@ledgers))';
/** Bills open today and untouched after the as-on date. */
export const UNTOUCHED_BILLS_SQL = `SELECT ${COLUMNS} FROM bill_totals INDEXED BY bill_totals_open
  WHERE company_id = @company AND amount <> 0 AND (last_date IS NULL OR last_date <= @asOn) AND ${IN_LEDGERS}`;
/** Bills with allocations after the as-on date that already existed on it. */
export const SPANNING_BILLS_SQL = `SELECT ${COLUMNS}, history FROM bill_totals INDEXED BY bill_totals_last_date
  WHERE company_id = @company AND last_date > @asOn AND (first_date <= @asOn OR opening_amount <> 0)
    AND ${IN_LEDGERS}`;
/** Overdue on the as-on date (due.ts: due, or without a due date dated, on or before it). */
const OVERDUE = OVERDUE_ON_AS_ON_SQL;

/** Sum of a bill's allocations dated on or before `asOn`, from its "date:paise;..." history. */
export function allocatedBy(history: string, asOn: IsoDate): Paise {
  let sum = 0;
  // Walked in place rather than split: only the items up to the date are ever looked at.
  for (let at = 0; at < history.length;) {
    // Dates are the first 10 characters; the history is in date order, so stop at the first later one.
    if (history.slice(at, at + 10) > asOn) break;
    let next = history.indexOf(';', at + 11);
    if (next === -1) next = history.length;
    sum += Number(history.slice(at + 11, next));
    at = next + 1;
  }
  return sum;
}

/**
 * Bills of the given ledgers as on a date: opening bills plus New Ref / Advance less Agst Ref. Bills
 * untouched after the date come straight from the bill summary; bills also touched later are
 * recomputed from the allocation history each summary row carries.
 */
export function billsAsOn(
  db: Database.Database,
  companyId: number,
  ledgers: ReadonlySet<string>,
  asOn: IsoDate,
  /** Only bills owed to us and overdue on `asOn` (the rest are left in SQLite, never read). */
  overdueOnly = false,
): BillAsOn[] {
  const result: BillAsOn[] = [];
  const push = (r: BillRow, amount: number): void => {
    if (amount !== 0 && ledgers.has(r[0])) {
      result.push({ ledgerGuid: r[0], billName: r[1], billDate: r[2], dueDate: r[3], amount });
    }
  };
  const params = { company: companyId, asOn, ledgers: JSON.stringify([...ledgers]) };
  // The partial index holds only bills still open today: a small set even in a large company.
  const untouched = db
    .prepare(overdueOnly ? `${UNTOUCHED_BILLS_SQL} AND amount > 0 AND ${OVERDUE}` : UNTOUCHED_BILLS_SQL)
    .raw()
    .iterate(params) as IterableIterator<BillRow>;
  for (const r of untouched) push(r, r[5]);
  // A spanning bill's amount on the date comes from its history, so only the due date filters here.
  const spanning = db
    .prepare(overdueOnly ? `${SPANNING_BILLS_SQL} AND ${OVERDUE}` : SPANNING_BILLS_SQL)
    .raw()
    .iterate(params) as IterableIterator<BillRow>;
  for (const r of spanning) {
    const amount = r[4] + allocatedBy(r[6]!, asOn);
    if (!overdueOnly || amount > 0) push(r, amount);
  }
  return result;
}

export function bucketsFor(bounds: readonly number[]): AgeingBucket[] {
  const buckets: AgeingBucket[] = [];
  let from = 0;
  for (const to of bounds) {
    buckets.push({ label: `${from}-${to} days`, fromDays: from, toDays: to, amount: 0 });
    from = to + 1;
  }
  buckets.push({ label: `Over ${from - 1} days`, fromDays: from, toDays: null, amount: 0 });
  return buckets;
}

/** Bucket index for a number of days aged (negative days age as 0). */
export function bucketIndex(bounds: readonly number[], overdueDays: number): number {
  const days = Math.max(0, overdueDays);
  const index = bounds.findIndex((b) => days <= b);
  return index === -1 ? bounds.length : index;
}

export function partyLedgers(masters: Masters, kind: OutstandingKind): LedgerInfo[] {
  return masters.ledgersUnder(kind === 'receivable' ? 'Sundry Debtors' : 'Sundry Creditors');
}

/**
 * Bill-wise ledgers outside Sundry Debtors and Sundry Creditors (a bill-wise loan, a deposit, a ledger
 * under Current Liabilities ...). Tally lists their bills too: debit bills as receivable, credit bills as
 * payable.
 */
export function otherBillWiseLedgers(masters: Masters): LedgerInfo[] {
  const parties = new Set([
    ...partyLedgers(masters, 'receivable').map((l) => l.guid),
    ...partyLedgers(masters, 'payable').map((l) => l.guid),
  ]);
  return [...masters.ledgers.values()].filter(
    (l) => l.isBillWise && !l.isProfitAndLoss && !parties.has(l.guid),
  );
}

/**
 * Outstanding receivables or payables as Tally's Bills Receivable / Payable show them, per party and bill:
 * - bills not yet due on the as-on date (due.ts: due date after it) are "Not due" and are not aged;
 * - the other bills are aged by days since their due date (or, with `ageBy: 'bill'`, their bill date);
 * - the part of a balance not covered by bills (non bill-wise ledgers, entries without allocations,
 *   unnamed On Account allocations) is one "On Account" line, in its own column, never aged.
 * A Sundry Debtor (receivable) or Sundry Creditor (payable) is listed with all its bills, so its total
 * always equals its ledger balance as on the date. Any other bill-wise ledger is listed where Tally lists
 * it, by the sign of each bill (debit: receivable, credit: payable; its On Account part likewise), so its
 * lines in the two reports together make its balance.
 * `overdueDays` stays as-on date minus due date (negative while not yet due).
 */
export function outstanding(
  db: Database.Database,
  masters: Masters,
  params: { kind: OutstandingKind; asOn: IsoDate; buckets: readonly number[]; ageBy?: AgeBy },
): Outstanding {
  const { kind, asOn, buckets: bounds } = params;
  const ageBy = params.ageBy ?? 'due';
  const sign = kind === 'receivable' ? 1 : -1;
  const parties = partyLedgers(masters, kind);
  const others = otherBillWiseLedgers(masters);
  const ledgers = [...parties, ...others];
  const bills = billsAsOn(db, masters.company.id, new Set(ledgers.map((l) => l.guid)), asOn);
  const balances = openingsAt(db, masters, addDays(asOn, 1), ledgers).byLedger;
  const byLedger = new Map<string, BillAsOn[]>();
  for (const b of bills) {
    // On Account allocations carry no bill name (they are stored as one unnamed bill): they are part of
    // the On Account line below, not a bill.
    if (b.billName === '') continue;
    const list = byLedger.get(b.ledgerGuid);
    if (list) list.push(b);
    else byLedger.set(b.ledgerGuid, [b]);
  }
  const buckets = bucketsFor(bounds);
  // Days from a date to the as-on date; tens of thousands of bills share a few hundred dates.
  const daysSince = overdueDaysOn(asOn);
  const result: OutstandingParty[] = [];
  let total = 0;
  let notDueTotal = 0;
  let onAccountTotal = 0;
  const isParty = new Set(parties.map((l) => l.guid));
  for (const ledger of ledgers) {
    const own = isParty.has(ledger.guid);
    const balance = balances.get(ledger.guid) ?? 0;
    const ledgerBills = byLedger.get(ledger.guid) ?? [];
    const billed = ledgerBills.reduce((s, b) => s + b.amount, 0);
    const onAccount = balance - billed;
    // A party of this report shows every bill; another bill-wise ledger only the bills on this side.
    const shown = own ? ledgerBills : ledgerBills.filter((b) => sign * b.amount > 0);
    const showOnAccount = onAccount !== 0 && (own || sign * onAccount > 0);
    if (shown.length === 0 && !showOnAccount) continue;
    const partyBuckets = bounds.map(() => 0).concat(0);
    let partyNotDue = 0;
    let partyTotal = 0;
    const lines: OutstandingBill[] = shown.map((b) => {
      const due = dueDateOf(b);
      const overdueDays = due === null ? 0 : daysSince(due);
      const amount = sign * b.amount;
      partyTotal += amount;
      if (!isOverdue(overdueDays)) {
        partyNotDue += amount;
        return line(b, overdueDays, null, amount);
      }
      const from = ageBy === 'bill' ? (b.billDate ?? due) : due;
      const ageDays = from === null ? 0 : Math.max(0, daysSince(from));
      const index = bucketIndex(bounds, ageDays);
      partyBuckets[index]! += amount;
      buckets[index]!.amount += amount;
      return line(b, overdueDays, ageDays, amount);
    });
    lines.sort(
      (a, b) => (a.billDate ?? '').localeCompare(b.billDate ?? '') || a.billName.localeCompare(b.billName),
    );
    const partyOnAccount = showOnAccount ? sign * onAccount : 0;
    if (showOnAccount) {
      partyTotal += partyOnAccount;
      lines.push({
        billName: ON_ACCOUNT,
        billDate: null,
        dueDate: null,
        overdueDays: 0,
        ageDays: null,
        onAccount: true,
        amount: partyOnAccount,
      });
    }
    total += partyTotal;
    notDueTotal += partyNotDue;
    onAccountTotal += partyOnAccount;
    result.push({
      ledgerGuid: ledger.guid,
      name: ledger.name,
      group: ledger.group.name,
      total: partyTotal,
      notDue: partyNotDue,
      onAccount: partyOnAccount,
      buckets: partyBuckets,
      bills: lines,
    });
  }
  result.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return {
    companyGuid: masters.company.guid,
    kind,
    asOn,
    ageBy,
    buckets,
    notDue: notDueTotal,
    onAccount: onAccountTotal,
    parties: result,
    total,
  };
}

// One literal per line (a spread of a helper's object costs tens of milliseconds over 35,000 bills).
const line = (b: BillAsOn, overdueDays: number, ageDays: number | null, amount: Paise): OutstandingBill => ({
  billName: b.billName,
  billDate: b.billDate,
  dueDate: b.dueDate,
  overdueDays,
  ageDays,
  onAccount: false,
  amount,
});
