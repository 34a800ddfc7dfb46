import type Database from 'better-sqlite3';
import { lastDayOfMonth, type IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  RegisterMonth,
  RegisterSummary,
  RegisterVoucher,
  RegisterVouchers,
} from '../../../shared/types/registers';
import type { DayBookEntry, OffBooksReason } from '../../../shared/types/reports';
import { POSTS } from '../db/posting';
import { splitRange } from './balances';
import type { Masters } from './masters';
import { registerScope, type ResolvedScope } from './register-scope';

/**
 * Tally's voucher registers (Sales Register, Purchase Register, credit and debit note registers):
 * docs/TALLY.md, "Sales and purchase registers".
 *
 * A voucher's value is what it puts on its party, shown on the other side: a sales invoice debits the
 * customer with the invoice value, tax included, and the register shows that as a credit; a purchase
 * credits the supplier and the register shows a debit. The party lines are the voucher's lines on party
 * ledgers (under Sundry Debtors, Sundry Creditors, Cash-in-Hand, Bank Accounts, Bank OD A/c or Branch /
 * Divisions): a voucher's credit is the sum of its party debits, its debit the sum of its party credits.
 * That is the same figure per ledger and month as the summary table keeps (ledger_month_totals, by base
 * voucher type), so a register of a predefined type reads its whole months from there and only the
 * part months at either end of the period from the entries; a register of the user's own type (not in
 * the summary) reads its entries. The months count the vouchers that post; cancelled vouchers and
 * post-dated ones still pending are listed without an amount; optional vouchers stay in Tally's Optional
 * Register, not here.
 */

/** Groups whose ledgers are a voucher's party (a customer, a supplier, cash or bank), by reserved name. */
export const PARTY_GROUPS = [
  'Sundry Debtors',
  'Sundry Creditors',
  'Cash-in-Hand',
  'Bank Accounts',
  'Bank OD A/c',
  'Branch / Divisions',
] as const;

/** Vouchers a register lists: those that post, cancelled ones and post-dated ones still pending. */
const LISTED = `(v.off_books IS NULL OR v.off_books IN ('cancelled', 'post-dated'))`;

interface PartyLedgers {
  ids: Set<number>;
  guids: string[];
  idList: string;
  guidList: string;
}
const partyMemo = new WeakMap<Masters, PartyLedgers>();

/** The company's party ledgers (memoised with its masters, which change with its data version). */
export function partyLedgers(masters: Masters): PartyLedgers {
  let found = partyMemo.get(masters);
  if (!found) {
    const ledgers = [...masters.ledgers.values()].filter((l) =>
      PARTY_GROUPS.some((g) => l.group.lineage.has(g)),
    );
    const ids = ledgers.map((l) => l.id);
    const guids = ledgers.map((l) => l.guid);
    found = { ids: new Set(ids), guids, idList: JSON.stringify(ids), guidList: JSON.stringify(guids) };
    partyMemo.set(masters, found);
  }
  return found;
}

interface MonthTotals {
  vouchers: number;
  debit: Paise;
  credit: Paise;
}

const emptyTotals = (): MonthTotals => ({ vouchers: 0, debit: 0, credit: 0 });

function addTo(map: Map<string, MonthTotals>, month: string, t: MonthTotals): void {
  const m = map.get(month) ?? emptyTotals();
  m.vouchers += t.vouchers;
  m.debit += t.debit;
  m.credit += t.credit;
  map.set(month, m);
}

/** Per month of [from, to], from the entries: the vouchers that post, and their party lines. */
function totalsFromEntries(
  db: Database.Database,
  masters: Masters,
  scope: ResolvedScope,
  from: IsoDate,
  to: IsoDate,
  into: Map<string, MonthTotals>,
): void {
  const range = [masters.company.id, from, to, ...scope.args];
  const inRange = `FROM vouchers v INDEXED BY vouchers_date
    WHERE v.company_id = ? AND v.date >= ? AND v.date <= ? AND ${scope.where} AND ${POSTS}`;
  const counts = db
    .prepare(`SELECT substr(v.date, 1, 7) AS month, count(*) AS n ${inRange} GROUP BY month`)
    .all(...range) as { month: string; n: number }[];
  for (const c of counts) addTo(into, c.month, { vouchers: c.n, debit: 0, credit: 0 });
  // Party debits are the register's credit and party credits its debit.
  const sums = db
    .prepare(
      `SELECT substr(v.date, 1, 7) AS month,
         sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS debit,
         sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS credit
       FROM vouchers v INDEXED BY vouchers_date JOIN entries e INDEXED BY entries_voucher ON e.voucher_id = v.id
       WHERE v.company_id = ? AND v.date >= ? AND v.date <= ? AND ${scope.where} AND ${POSTS}
         AND e.ledger_id IN (SELECT value FROM json_each(?))
       GROUP BY month`,
    )
    .all(...range, partyLedgers(masters).idList) as { month: string; debit: number; credit: number }[];
  for (const s of sums) addTo(into, s.month, { vouchers: 0, debit: s.debit, credit: s.credit });
}

/**
 * Counted vouchers, debit and credit per month ("YYYY-MM") of [from, to]. A predefined type's whole
 * months come from the summary tables (a few rows per party ledger and month); its part months and a
 * user's own type from the entries.
 */
function monthTotals(
  db: Database.Database,
  masters: Masters,
  scope: ResolvedScope,
  from: IsoDate,
  to: IsoDate,
): Map<string, MonthTotals> {
  const totals = new Map<string, MonthTotals>();
  if (scope.byBaseType === null) {
    totalsFromEntries(db, masters, scope, from, to, totals);
    return totals;
  }
  const { months, partial } = splitRange(from, to);
  if (months) {
    const companyId = masters.company.id;
    const counts = db
      .prepare(
        `SELECT month, vouchers FROM voucher_month_counts
         WHERE company_id = ? AND base_type = ? AND month >= ? AND month <= ?`,
      )
      .all(companyId, scope.byBaseType, months[0], months[1]) as { month: string; vouchers: number }[];
    for (const c of counts) addTo(totals, c.month, { vouchers: c.vouchers, debit: 0, credit: 0 });
    const sums = db
      .prepare(
        `SELECT month, sum(credit) AS debit, sum(debit) AS credit FROM ledger_month_totals
         WHERE company_id = ? AND ledger_guid IN (SELECT value FROM json_each(?)) AND month >= ? AND month <= ?
           AND base_type = ?
         GROUP BY month`,
      )
      .all(companyId, partyLedgers(masters).guidList, months[0], months[1], scope.byBaseType) as {
      month: string;
      debit: number;
      credit: number;
    }[];
    for (const s of sums) addTo(totals, s.month, { vouchers: 0, debit: s.debit, credit: s.credit });
  }
  for (const [a, b] of partial) totalsFromEntries(db, masters, scope, a, b, totals);
  return totals;
}

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const publicScope = (s: ResolvedScope): RegisterSummary['scope'] => ({
  voucherType: s.voucherType,
  baseType: s.baseType,
  voucherTypes: s.voucherTypes,
});

/**
 * The register's monthly summary: every month of the period with its counted vouchers, debit, credit and
 * the running balance from the period's start (a register is a book of vouchers, not a ledger: it has no
 * opening balance).
 */
export function registerSummary(
  db: Database.Database,
  masters: Masters,
  params: { voucherType: string; from: IsoDate; to: IsoDate },
): RegisterSummary {
  const resolved = registerScope(db, masters, params.voucherType);
  const totals = monthTotals(db, masters, resolved, params.from, params.to);
  const months: RegisterMonth[] = [];
  let running = 0;
  let vouchers = 0;
  let totalDebit = 0;
  let totalCredit = 0;
  for (let month = params.from.slice(0, 7); month <= params.to.slice(0, 7); month = nextMonth(month)) {
    const t = totals.get(month) ?? emptyTotals();
    running += t.debit - t.credit;
    vouchers += t.vouchers;
    totalDebit += t.debit;
    totalCredit += t.credit;
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    months.push({
      month,
      from: first < params.from ? params.from : first,
      to: last > params.to ? params.to : last,
      vouchers: t.vouchers,
      debit: t.debit,
      credit: t.credit,
      closing: running,
    });
  }
  return {
    companyGuid: masters.company.guid,
    scope: publicScope(resolved),
    from: params.from,
    to: params.to,
    months,
    vouchers,
    totalDebit,
    totalCredit,
    closing: totalDebit - totalCredit,
  };
}

/**
 * One page of the register's vouchers in [from, to] (a month of the summary, or any range), by date and
 * then the order they were entered in, each with its ledger lines; the range's totals over every page.
 */
export function registerVouchers(
  db: Database.Database,
  masters: Masters,
  params: { voucherType: string; from: IsoDate; to: IsoDate; page: number; pageSize: number },
): RegisterVouchers {
  const resolved = registerScope(db, masters, params.voucherType);
  const range = [masters.company.id, params.from, params.to, ...resolved.args];
  let counted = 0;
  let totalDebit = 0;
  let totalCredit = 0;
  for (const t of monthTotals(db, masters, resolved, params.from, params.to).values()) {
    counted += t.vouchers;
    totalDebit += t.debit;
    totalCredit += t.credit;
  }
  const listedSql = `FROM vouchers v INDEXED BY vouchers_date
    WHERE v.company_id = ? AND v.date >= ? AND v.date <= ? AND ${resolved.where} AND ${LISTED}`;
  const listed = db
    .prepare(`SELECT count(*) ${listedSql}`)
    .pluck()
    .get(...range) as number;
  const rows = db
    .prepare(
      `SELECT v.id, v.guid, v.date, v.voucher_type AS voucherType, v.voucher_number AS voucherNumber,
         v.party_name AS partyName, v.narration, v.off_books AS offBooks
       ${listedSql} ORDER BY v.date, v.id LIMIT ? OFFSET ?`,
    )
    .all(...range, params.pageSize, (params.page - 1) * params.pageSize) as {
    id: number;
    guid: string;
    date: IsoDate;
    voucherType: string;
    voucherNumber: string;
    partyName: string | null;
    narration: string;
    offBooks: OffBooksReason | null;
  }[];
  const entriesOf = db.prepare(
    `SELECT e.ledger_id AS ledgerId, l.guid AS ledgerGuid, e.amount FROM entries e JOIN ledgers l ON l.id = e.ledger_id
     WHERE e.voucher_id = ? ORDER BY e.id`,
  );
  const parties = partyLedgers(masters).ids;
  const vouchers: RegisterVoucher[] = rows.map((r) => {
    let debit = 0;
    let credit = 0;
    let firstParty: string | null = null;
    const entries: DayBookEntry[] = [];
    for (const e of entriesOf.all(r.id) as { ledgerId: number; ledgerGuid: string; amount: Paise }[]) {
      const ledgerName = masters.ledgers.get(e.ledgerGuid)?.name ?? e.ledgerGuid;
      entries.push({ ledgerGuid: e.ledgerGuid, ledgerName, amount: e.amount });
      if (!parties.has(e.ledgerId)) continue;
      firstParty ??= ledgerName;
      if (e.amount > 0) credit += e.amount;
      else debit -= e.amount;
    }
    const counts = r.offBooks === null;
    return {
      guid: r.guid,
      date: r.date,
      voucherType: r.voucherType,
      voucherNumber: r.voucherNumber,
      particulars: r.partyName ?? firstParty ?? largestLine(entries),
      narration: r.narration,
      debit: counts ? debit : 0,
      credit: counts ? credit : 0,
      offBooks: r.offBooks,
      entries,
    };
  });
  return {
    companyGuid: masters.company.guid,
    scope: publicScope(resolved),
    from: params.from,
    to: params.to,
    page: params.page,
    pageSize: params.pageSize,
    listedVouchers: listed,
    countedVouchers: counted,
    totalDebit,
    totalCredit,
    vouchers,
  };
}

/** The ledger of a voucher's largest line (the first of equals): its particulars without a party. */
function largestLine(entries: readonly { ledgerName: string; amount: Paise }[]): string {
  let best: { ledgerName: string; amount: Paise } | undefined;
  for (const e of entries) if (best === undefined || Math.abs(e.amount) > Math.abs(best.amount)) best = e;
  return best?.ledgerName ?? '';
}
