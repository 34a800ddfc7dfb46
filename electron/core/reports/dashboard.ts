import type Database from 'better-sqlite3';
import {
  addDays,
  financialYearMonths,
  financialYearRange,
  lastDayOfMonth,
  type FinancialYear,
  type IsoDate,
} from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Paise } from '../../../shared/money';
import type { Dashboard, OverdueBill, PartyAmount } from '../../../shared/types/reports';
import { POSTS } from '../db/posting';
import { openingsAt } from './balances';
import { dueDateOf, isOverdue, overdueDaysOn } from './due';
import type { LedgerInfo, Masters } from './masters';
import { billsAsOn, partyLedgers } from './outstanding';
import { profitLoss } from './profit-loss';

export const TOP_PARTIES = 10;
export const OVERDUE_LIST_LIMIT = 25;

// Read as arrays (.raw()): cheaper than keyed objects for the year's ten thousand or so rows.
type MonthRow = [ledger: string, month: string, baseType: string, debit: number, credit: number];

/**
 * The lines of some sales (or purchase) ledgers in [from, to] with the party of their voucher: the line's
 * first other ledger, which the writer stores with every entry (for a sales line, the ledger with the
 * biggest debit of the voucher: the customer; for a purchase line, the supplier). Summed per party they
 * are its net-of-tax sales (purchases), credit and debit notes netted, exactly as the cards count them.
 * Read from the ledger index of those few ledgers only (no scan of the year's other entries). The lines
 * come back as two aligned JSON arrays, summed in a Map: a GROUP BY sorts every line in a temporary
 * B-tree and costs about three times as much; one JavaScript row per line, eight times.
 */
export const partyLinesSql = (allInBooks: boolean): string =>
  `SELECT json_group_array(e.other_ledger_id), json_group_array(e.amount)
   FROM entries e ${allInBooks ? '' : 'JOIN vouchers v ON v.id = e.voucher_id'}
   WHERE e.ledger_id IN (SELECT value FROM json_each(?)) AND e.date >= ? AND e.date <= ?
     AND e.other_ledger_id IS NOT NULL ${allInBooks ? '' : `AND ${POSTS}`}`;

/** Base voucher type of transfers between cash and bank ledgers: neither a receipt nor a payment. */
const CONTRA = 'Contra';

/**
 * The lines of a few ledgers in [from, to] (part of a month), summed like the monthly summary's rows: per
 * ledger and base voucher type, vouchers that post only.
 */
const partMonthSql = `SELECT l.guid, substr(e.date, 1, 7), v.base_type,
    sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END), sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END)
  FROM entries e JOIN vouchers v ON v.id = e.voucher_id JOIN ledgers l ON l.id = e.ledger_id
  WHERE e.ledger_id IN (SELECT value FROM json_each(?)) AND e.date >= ? AND e.date <= ? AND ${POSTS}
  GROUP BY e.ledger_id, v.base_type`;

/**
 * The period a dashboard shows: its financial year's start to `to` (the session period's end; the year's
 * end when not given), and the date balances are as on: that end, or today while it is still to come
 * (the year's start for a year still to come). A `to` outside the year is refused, naming both.
 */
export function dashboardPeriod(
  fy: FinancialYear,
  startMonth: number,
  today: IsoDate,
  periodEnd?: IsoDate,
): { from: IsoDate; to: IsoDate; asOn: IsoDate } {
  const year = financialYearRange(fy, startMonth);
  const to = periodEnd ?? year.to;
  if (to < year.from || to > year.to) {
    throw new AppError(
      'VALIDATION',
      `to ${to} is not in the financial year ${fy} (${year.from} to ${year.to})`,
      { field: 'to', value: to },
      { reason: 'badInput', params: { field: 'to' } },
    );
  }
  const asOn = today < to ? (today < year.from ? year.from : today) : to;
  return { from: year.from, to, asOn };
}

/**
 * The year at a glance up to the period's end (`to`, the session period's; the year's end by default):
 * sales, purchases, receipts, payments, the monthly trend and the top parties over [year start, to],
 * from the monthly summary (a last month cut short by `to` read from its entries); balances and bills
 * as on `asOn` (see dashboardPeriod); gross and net profit the Profit & Loss report's up to `asOn`.
 * Receipts and payments are the money that came into and went out of the cash and bank ledgers in any
 * voucher (a bank receipt booked as a journal too), except contra vouchers, which only move money
 * between them. Overdue bills follow due.ts, as the outstanding report does.
 */
export function dashboard(
  db: Database.Database,
  masters: Masters,
  params: { fy: FinancialYear; today: IsoDate; to?: IsoDate },
): Dashboard {
  const startMonth = masters.company.yearStartMonth;
  const { from, to, asOn } = dashboardPeriod(params.fy, startMonth, params.today, params.to);
  const months = financialYearMonths(params.fy, startMonth).filter((m) => m <= to.slice(0, 7));
  const lastMonth = months[months.length - 1]!;
  const lastMonthWhole = lastDayOfMonth(lastMonth) === to;

  const guidsUnder = (name: string): Set<string> => new Set(masters.ledgersUnder(name).map((l) => l.guid));
  const sales = guidsUnder('Sales Accounts');
  const purchases = guidsUnder('Purchase Accounts');
  const cash = guidsUnder('Cash-in-Hand');
  const bank = new Set([...guidsUnder('Bank Accounts'), ...guidsUnder('Bank OD A/c')]);
  const debtors = partyLedgers(masters, 'receivable');
  const creditors = partyLedgers(masters, 'payable');
  const debtorSet = new Set(debtors.map((l) => l.guid));
  const creditorSet = new Set(creditors.map((l) => l.guid));

  const rows = db
    .prepare(
      `SELECT ledger_guid, month, base_type, debit, credit FROM ledger_month_totals
       WHERE company_id = ? AND month >= ? AND month <= ?`,
    )
    .raw()
    .all(
      masters.company.id,
      months[0],
      lastMonthWhole ? lastMonth : (months[months.length - 2] ?? ''),
    ) as MonthRow[];
  if (!lastMonthWhole) {
    // The period ends inside a month: that month's lines up to the end, of the few ledgers the cards read.
    const ids = [...sales, ...purchases, ...cash, ...bank].map((guid) => masters.ledger(guid).id);
    rows.push(
      ...(db.prepare(partMonthSql).raw().all(JSON.stringify(ids), `${lastMonth}-01`, to) as MonthRow[]),
    );
  }

  const monthly = new Map(
    financialYearMonths(params.fy, startMonth).map((m) => [m, { month: m, sales: 0, purchases: 0 }]),
  );
  // The Profit & Loss report's own figures, so the cards follow whatever it counts (closing stock ...).
  const pl = profitLoss(db, masters, { from, to: asOn });
  const kpis: Dashboard['kpis'] = {
    sales: 0,
    purchases: 0,
    receipts: 0,
    payments: 0,
    grossProfit: pl.grossProfit,
    netProfit: pl.netProfit,
    receivables: 0,
    payables: 0,
    cashBalance: 0,
    bankBalance: 0,
  };
  for (const [ledger, month, baseType, debit, credit] of rows) {
    const point = monthly.get(month)!;
    if (sales.has(ledger)) {
      kpis.sales += credit - debit;
      point.sales += credit - debit;
    } else if (purchases.has(ledger)) {
      kpis.purchases += debit - credit;
      point.purchases += debit - credit;
    }
    if (baseType !== CONTRA && (cash.has(ledger) || bank.has(ledger))) {
      kpis.receipts += debit;
      kpis.payments += credit;
    }
  }

  // Parties ranked by the sales (purchase) ledgers' lines of their vouchers: net of tax, like the cards.
  const byParty = (ledgers: Set<string>, parties: LedgerInfo[], sign: 1 | -1): Map<string, Paise> => {
    const result = new Map<string, Paise>();
    if (ledgers.size === 0 || parties.length === 0) return result;
    const partyById = new Map(parties.map((l) => [l.id, l.guid]));
    const ids = [...ledgers].map((guid) => masters.ledger(guid).id);
    const [partyList, amountList] = db
      .prepare(partyLinesSql(masters.allInBooks))
      .raw()
      .get(JSON.stringify(ids), from, to) as [string, string];
    const partyIds = JSON.parse(partyList) as number[];
    const amounts = JSON.parse(amountList) as number[];
    const sums = new Map<number, Paise>();
    for (let i = 0; i < partyIds.length; i++) {
      sums.set(partyIds[i]!, (sums.get(partyIds[i]!) ?? 0) + amounts[i]!);
    }
    for (const [party, amount] of sums) {
      const guid = partyById.get(party);
      if (guid !== undefined) result.set(guid, sign * amount);
    }
    return result;
  };
  const customerSales = byParty(sales, debtors, -1);
  const supplierPurchases = byParty(purchases, creditors, 1);

  const balanceLedgers: LedgerInfo[] = [...debtors, ...creditors];
  for (const guid of [...cash, ...bank]) balanceLedgers.push(masters.ledger(guid));
  const balances = openingsAt(db, masters, addDays(asOn, 1), balanceLedgers).byLedger;
  const sumOf = (guids: Iterable<string>): Paise => {
    let s = 0;
    for (const g of guids) s += balances.get(g) ?? 0;
    return s;
  };
  kpis.receivables = sumOf(debtorSet);
  kpis.payables = -sumOf(creditorSet);
  kpis.cashBalance = sumOf(cash);
  kpis.bankBalance = sumOf(bank);

  const top = (map: Map<string, Paise>): PartyAmount[] =>
    [...map]
      .filter(([, amount]) => amount > 0)
      .map(([guid, amount]) => ({ ledgerGuid: guid, name: masters.ledger(guid).name, amount }))
      .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name))
      .slice(0, TOP_PARTIES);

  const overdue: OverdueBill[] = [];
  let overdueTotal = 0;
  const overdueDaysOf = overdueDaysOn(asOn);
  for (const bill of billsAsOn(db, masters.company.id, debtorSet, asOn, true)) {
    const due = dueDateOf(bill);
    if (due === null || bill.amount <= 0) continue;
    const overdueDays = overdueDaysOf(due);
    if (!isOverdue(overdueDays)) continue;
    overdueTotal += bill.amount;
    // Keep only the listed few, biggest first and then most overdue, ties in reading order (what a stable
    // sort of all of them would list first), instead of sorting tens of thousands of bills.
    const after = (o: { amount: number; overdueDays: number }): boolean =>
      bill.amount < o.amount || (bill.amount === o.amount && overdueDays <= o.overdueDays);
    if (overdue.length === OVERDUE_LIST_LIMIT && after(overdue[OVERDUE_LIST_LIMIT - 1]!)) continue;
    let at = overdue.length;
    while (at > 0 && !after(overdue[at - 1]!)) at--;
    overdue.splice(at, 0, {
      ledgerGuid: bill.ledgerGuid,
      party: masters.ledger(bill.ledgerGuid).name,
      billName: bill.billName,
      billDate: bill.billDate,
      dueDate: bill.dueDate,
      overdueDays,
      amount: bill.amount,
    });
    if (overdue.length > OVERDUE_LIST_LIMIT) overdue.pop();
  }

  return {
    companyGuid: masters.company.guid,
    companyName: masters.company.name,
    fy: params.fy,
    from,
    to,
    asOn,
    kpis,
    monthly: [...monthly.values()],
    topCustomers: top(customerSales),
    topSuppliers: top(supplierPurchases),
    overdueReceivables: overdue,
    overdueReceivablesTotal: overdueTotal,
  };
}
