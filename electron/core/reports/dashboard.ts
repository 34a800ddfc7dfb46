import type Database from 'better-sqlite3';
import {
  addDays,
  daysBetween,
  financialYearMonths,
  financialYearRange,
  type FinancialYear,
  type IsoDate,
} from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { Dashboard, OverdueBill, PartyAmount } from '../../../shared/types/reports';
import { openingsAt } from './balances';
import type { LedgerInfo, Masters } from './masters';
import { billsAsOn, partyLedgers } from './outstanding';

export const TOP_PARTIES = 10;
export const OVERDUE_LIST_LIMIT = 25;

interface MonthRow {
  ledger: string;
  month: string;
  baseType: string;
  debit: number;
  credit: number;
}

/**
 * The year at a glance, from the monthly summary (whole financial-year months) plus balances and
 * bills as on the year end, or today while the year is running.
 */
export function dashboard(
  db: Database.Database,
  masters: Masters,
  params: { fy: FinancialYear; today: IsoDate },
): Dashboard {
  const { from, to } = financialYearRange(params.fy);
  const asOn = params.today < to ? (params.today < from ? from : params.today) : to;
  const months = financialYearMonths(params.fy);
  const rows = db
    .prepare(
      `SELECT ledger_guid AS ledger, month, base_type AS baseType, debit, credit FROM ledger_month_totals
       WHERE company_id = ? AND month >= ? AND month <= ?`,
    )
    .all(masters.company.id, months[0], months[11]) as MonthRow[];

  const guidsUnder = (name: string): Set<string> => new Set(masters.ledgersUnder(name).map((l) => l.guid));
  const sales = guidsUnder('Sales Accounts');
  const purchases = guidsUnder('Purchase Accounts');
  const cash = guidsUnder('Cash-in-Hand');
  const bank = new Set([...guidsUnder('Bank Accounts'), ...guidsUnder('Bank OD A/c')]);
  const debtors = partyLedgers(masters, 'receivable');
  const creditors = partyLedgers(masters, 'payable');
  const debtorSet = new Set(debtors.map((l) => l.guid));
  const creditorSet = new Set(creditors.map((l) => l.guid));

  const monthly = new Map(months.map((m) => [m, { month: m, sales: 0, purchases: 0 }]));
  const customerSales = new Map<string, Paise>();
  const supplierPurchases = new Map<string, Paise>();
  const kpis = {
    sales: 0,
    purchases: 0,
    receipts: 0,
    payments: 0,
    grossProfit: 0,
    receivables: 0,
    payables: 0,
    cashBalance: 0,
    bankBalance: 0,
  };
  for (const r of rows) {
    const point = monthly.get(r.month)!;
    if (sales.has(r.ledger)) {
      kpis.sales += r.credit - r.debit;
      point.sales += r.credit - r.debit;
    } else if (purchases.has(r.ledger)) {
      kpis.purchases += r.debit - r.credit;
      point.purchases += r.debit - r.credit;
    }
    if (cash.has(r.ledger) || bank.has(r.ledger)) {
      if (r.baseType === 'Receipt') kpis.receipts += r.debit;
      else if (r.baseType === 'Payment') kpis.payments += r.credit;
    }
    const ledger = masters.ledgers.get(r.ledger);
    if (ledger?.group.affectsGrossProfit) kpis.grossProfit += r.credit - r.debit;
    if (debtorSet.has(r.ledger)) {
      const value = r.baseType === 'Sales' ? r.debit : r.baseType === 'Credit Note' ? -r.credit : 0;
      if (value !== 0) customerSales.set(r.ledger, (customerSales.get(r.ledger) ?? 0) + value);
    } else if (creditorSet.has(r.ledger)) {
      const value = r.baseType === 'Purchase' ? r.credit : r.baseType === 'Debit Note' ? -r.debit : 0;
      if (value !== 0) supplierPurchases.set(r.ledger, (supplierPurchases.get(r.ledger) ?? 0) + value);
    }
  }

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
  for (const bill of billsAsOn(db, masters.company.id, debtorSet, asOn)) {
    const due = bill.dueDate ?? bill.billDate;
    if (due === null || bill.amount <= 0) continue;
    const overdueDays = daysBetween(due, asOn);
    if (overdueDays <= 0) continue;
    overdueTotal += bill.amount;
    overdue.push({
      ledgerGuid: bill.ledgerGuid,
      party: masters.ledger(bill.ledgerGuid).name,
      billName: bill.billName,
      billDate: bill.billDate,
      dueDate: bill.dueDate,
      overdueDays,
      amount: bill.amount,
    });
  }
  overdue.sort((a, b) => b.amount - a.amount || b.overdueDays - a.overdueDays);

  return {
    companyGuid: masters.company.guid,
    companyName: masters.company.name,
    fy: params.fy,
    from,
    to,
    kpis,
    monthly: [...monthly.values()],
    topCustomers: top(customerSales),
    topSuppliers: top(supplierPurchases),
    overdueReceivables: overdue.slice(0, OVERDUE_LIST_LIMIT),
    overdueReceivablesTotal: overdueTotal,
  };
}
