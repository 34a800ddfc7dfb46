import type Database from 'better-sqlite3';
import { POSTS } from './posting';
import { STOCK_MONTH_TOTALS_SELECT } from './migrations/011-stock-month-totals';
import { MOVES_STOCK } from './stock-moves';

/**
 * Rebuilds the summary tables of migration 002 from the entries, inside the caller's transaction.
 * Whole-company rebuilds run once per commit (a full sync or the demo load); incremental syncs pass the
 * few ledgers and months they touched.
 */

const IN_BOOKS = POSTS;

const MONTH_TOTALS_SELECT = `
  SELECT e.company_id, l.guid, substr(e.date, 1, 7), v.base_type,
         sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END),
         sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END),
         count(*)
  FROM entries e JOIN vouchers v ON v.id = e.voucher_id JOIN ledgers l ON l.id = e.ledger_id`;

const DUE = (date: string, period: string, due: string): string =>
  `coalesce(${due}, CASE WHEN ${period} IS NOT NULL AND ${date} IS NOT NULL
     THEN date(${date}, '+' || ${period} || ' days') END)`;

/** Bill rows: the opening bill (date NULL: before the books) plus every allocation in the books. */
const billSource = (ledgerFilter: string): string => `
  SELECT ob.ledger_guid, ob.bill_name, 1 AS is_origin, ob.bill_date AS bill_date,
         ${DUE('ob.bill_date', 'ob.credit_period_days', 'ob.due_date')} AS due, NULL AS date,
         ob.amount AS opening, ob.amount AS amount, 0 AS seq
  FROM ledger_opening_bills ob WHERE ob.company_id = @company ${ledgerFilter.replaceAll('$', 'ob')}
  UNION ALL
  SELECT l.guid, b.bill_name, b.bill_type <> 'Agst Ref', b.date,
         ${DUE('b.date', 'b.credit_period_days', 'b.due_date')}, b.date, 0, b.amount, b.id
  FROM bill_allocations b JOIN entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
    JOIN ledgers l ON l.id = b.ledger_id
  WHERE b.company_id = @company AND ${IN_BOOKS} ${ledgerFilter.replaceAll('$.ledger_guid', 'l.company_id = @company AND l.guid')}`;

const billTotalsInsert = (ledgerFilter: string): string => `
  INSERT INTO bill_totals
    (company_id, ledger_guid, bill_name, bill_date, due_date, first_date, last_date, opening_amount, amount,
     history)
  SELECT @company, ledger_guid, bill_name,
         min(CASE WHEN is_origin THEN bill_date END),
         min(CASE WHEN is_origin THEN due END),
         min(date), max(date), sum(opening), sum(amount),
         coalesce(group_concat(date || ':' || amount, ';' ORDER BY date, seq), '')
  FROM (${billSource(ledgerFilter)})
  GROUP BY ledger_guid, bill_name`;

export interface SummaryStatements {
  rebuildCompany(companyId: number): void;
  /** bill_totals only (a bulk load accumulates the other summaries as it writes). */
  rebuildCompanyBills(companyId: number): void;
  rebuildLedger(companyId: number, ledgerGuid: string): void;
  rebuildMonth(companyId: number, month: string): void;
  /** stock_item_month_totals of the whole company (also part of rebuildCompany). */
  rebuildCompanyStock(companyId: number): void;
  /** stock_item_month_totals of every item in one month (vouchers of that month added, removed, settled). */
  rebuildStockMonth(companyId: number, month: string): void;
  /** stock_item_month_totals of one item (its lines linked or unlinked, the item deleted). */
  rebuildStockItem(companyId: number, itemId: number): void;
}

export function summaryStatements(db: Database.Database): SummaryStatements {
  const deleteMonthTotals = db.prepare('DELETE FROM ledger_month_totals WHERE company_id = ?');
  const insertMonthTotals = db.prepare(`INSERT INTO ledger_month_totals
    (company_id, ledger_guid, month, base_type, debit, credit, entries)
    ${MONTH_TOTALS_SELECT} WHERE e.company_id = ? AND ${IN_BOOKS}
    GROUP BY e.ledger_id, substr(e.date, 1, 7), v.base_type`);
  const deleteBillTotals = db.prepare('DELETE FROM bill_totals WHERE company_id = ?');
  const insertBillTotals = db.prepare(billTotalsInsert(''));
  const deleteCounts = db.prepare('DELETE FROM voucher_month_counts WHERE company_id = ?');
  const insertCounts = db.prepare(`INSERT INTO voucher_month_counts (company_id, month, base_type, vouchers)
    SELECT company_id, substr(date, 1, 7), base_type, count(*) FROM vouchers v
    WHERE company_id = ? AND ${IN_BOOKS} GROUP BY substr(date, 1, 7), base_type`);

  const deleteLedgerMonthTotals = db.prepare(
    'DELETE FROM ledger_month_totals WHERE company_id = ? AND ledger_guid = ?',
  );
  const insertLedgerMonthTotals = db.prepare(`INSERT INTO ledger_month_totals
    (company_id, ledger_guid, month, base_type, debit, credit, entries)
    ${MONTH_TOTALS_SELECT} WHERE e.company_id = ? AND l.company_id = e.company_id AND l.guid = ? AND ${IN_BOOKS}
    GROUP BY substr(e.date, 1, 7), v.base_type`);
  const deleteLedgerBills = db.prepare('DELETE FROM bill_totals WHERE company_id = ? AND ledger_guid = ?');
  const insertLedgerBills = db.prepare(billTotalsInsert('AND $.ledger_guid = @ledger'));
  const deleteMonthCounts = db.prepare('DELETE FROM voucher_month_counts WHERE company_id = ? AND month = ?');
  const insertMonthCounts =
    db.prepare(`INSERT INTO voucher_month_counts (company_id, month, base_type, vouchers)
    SELECT company_id, substr(date, 1, 7), base_type, count(*) FROM vouchers v
    WHERE company_id = ? AND date >= ? AND date <= ? AND ${IN_BOOKS} GROUP BY base_type`);

  const STOCK_INSERT = `INSERT INTO stock_item_month_totals
    (company_id, item_id, month, in_quantity, in_value, out_quantity, lines) ${STOCK_MONTH_TOTALS_SELECT}`;
  const deleteStock = db.prepare('DELETE FROM stock_item_month_totals WHERE company_id = ?');
  const insertStock = db.prepare(`${STOCK_INSERT}
    WHERE e.company_id = ? AND e.item_id IS NOT NULL AND ${MOVES_STOCK}
    GROUP BY e.item_id, substr(e.date, 1, 7)`);
  const deleteStockMonth = db.prepare(
    'DELETE FROM stock_item_month_totals WHERE company_id = ? AND month = ?',
  );
  // The month's vouchers through their date index, then each one's inventory lines.
  const insertStockMonth = db.prepare(`${STOCK_INSERT}
    WHERE v.company_id = ? AND v.date >= ? AND v.date <= ? AND e.item_id IS NOT NULL AND ${MOVES_STOCK}
    GROUP BY e.item_id`);
  const deleteStockItem = db.prepare(
    'DELETE FROM stock_item_month_totals WHERE company_id = ? AND item_id = ?',
  );
  const insertStockItem = db.prepare(`${STOCK_INSERT}
    WHERE e.item_id = ? AND e.company_id = ? AND ${MOVES_STOCK}
    GROUP BY substr(e.date, 1, 7)`);
  const rebuildCompanyStock = (companyId: number): void => {
    deleteStock.run(companyId);
    insertStock.run(companyId);
  };

  return {
    rebuildCompanyStock,
    rebuildStockMonth(companyId, month) {
      deleteStockMonth.run(companyId, month);
      insertStockMonth.run(companyId, `${month}-01`, `${month}-31`);
    },
    rebuildStockItem(companyId, itemId) {
      deleteStockItem.run(companyId, itemId);
      insertStockItem.run(itemId, companyId);
    },
    rebuildCompany(companyId) {
      rebuildCompanyStock(companyId);
      deleteMonthTotals.run(companyId);
      insertMonthTotals.run(companyId);
      deleteBillTotals.run(companyId);
      insertBillTotals.run({ company: companyId });
      deleteCounts.run(companyId);
      insertCounts.run(companyId);
    },
    rebuildCompanyBills(companyId) {
      deleteBillTotals.run(companyId);
      insertBillTotals.run({ company: companyId });
    },
    rebuildLedger(companyId, ledgerGuid) {
      deleteLedgerMonthTotals.run(companyId, ledgerGuid);
      insertLedgerMonthTotals.run(companyId, ledgerGuid);
      deleteLedgerBills.run(companyId, ledgerGuid);
      insertLedgerBills.run({ company: companyId, ledger: ledgerGuid });
    },
    rebuildMonth(companyId, month) {
      deleteMonthCounts.run(companyId, month);
      insertMonthCounts.run(companyId, `${month}-01`, `${month}-31`);
    },
  };
}

interface MonthCell {
  ledger: string;
  month: string;
  baseType: string;
  debit: number;
  credit: number;
  entries: number;
}

/**
 * Month totals and voucher counts as the SQL rebuild computes them, accumulated while a whole company
 * is being written, so a million-voucher load does not re-read its entries at commit. Tests hold it equal
 * to the SQL rebuild. Bill totals are not accumulated: ~570,000 bills with their histories took 150–300 MB
 * of the sync's memory at 1,000,000 vouchers; the writer builds them in SQL at commit instead
 * (rebuildCompanyBills, ~5 s at that size).
 */
export class SummaryAccumulator {
  // Nested maps (ledger, then month/type) instead of concatenated string keys: a million-
  // voucher load would otherwise build and hash several million throwaway key strings.
  private readonly months = new Map<string, Map<string, MonthCell>>();
  private readonly counts = new Map<string, { month: string; baseType: string; vouchers: number }>();

  addVoucher(date: string, baseType: string): void {
    const month = date.slice(0, 7);
    const key = `${month}\u0001${baseType}`;
    const cell = this.counts.get(key);
    if (cell) cell.vouchers++;
    else this.counts.set(key, { month, baseType, vouchers: 1 });
  }

  addEntry(ledger: string, date: string, baseType: string, amount: number): void {
    const month = date.slice(0, 7);
    let cells = this.months.get(ledger);
    if (!cells) {
      cells = new Map();
      this.months.set(ledger, cells);
    }
    // month and base type never contain "|" ("YYYY-MM" and a voucher type name from a fixed list).
    const key = `${month}|${baseType}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { ledger, month, baseType, debit: 0, credit: 0, entries: 0 };
      cells.set(key, cell);
    }
    if (amount > 0) cell.debit += amount;
    else cell.credit -= amount;
    cell.entries++;
  }

  /** Replaces the company's month totals and voucher counts with the accumulated ones. */
  write(db: Database.Database, companyId: number): void {
    for (const table of ['ledger_month_totals', 'voucher_month_counts']) {
      db.prepare(`DELETE FROM ${table} WHERE company_id = ?`).run(companyId);
    }
    const month = db.prepare(`INSERT INTO ledger_month_totals
      (company_id, ledger_guid, month, base_type, debit, credit, entries) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const cells of this.months.values())
      for (const c of cells.values()) {
        month.run(companyId, c.ledger, c.month, c.baseType, c.debit, c.credit, c.entries);
      }
    const count = db.prepare(
      'INSERT INTO voucher_month_counts (company_id, month, base_type, vouchers) VALUES (?, ?, ?, ?)',
    );
    for (const c of this.counts.values()) count.run(companyId, c.month, c.baseType, c.vouchers);
  }
}
