import type Database from 'better-sqlite3';

/**
 * Rebuilds the summary tables of migration 002 from the entries, inside the caller's transaction.
 * Whole-company rebuilds run once per commit (a full sync or the demo load); incremental syncs pass the
 * few ledgers and months they touched.
 */

const IN_BOOKS = 'v.is_cancelled = 0 AND v.is_optional = 0';

const MONTH_TOTALS_SELECT = `
  SELECT e.company_id, e.ledger_guid, substr(e.date, 1, 7), v.base_type,
         sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END),
         sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END),
         count(*)
  FROM ledger_entries e JOIN vouchers v ON v.id = e.voucher_id`;

const DUE = (date: string, period: string, due: string): string =>
  `coalesce(${due}, CASE WHEN ${period} IS NOT NULL AND ${date} IS NOT NULL
     THEN date(${date}, '+' || ${period} || ' days') END)`;

/** Bill rows: the opening bill (date NULL: before the books) plus every allocation in the books. */
const billSource = (ledgerFilter: string): string => `
  SELECT ob.ledger_guid, ob.bill_name, 1 AS is_origin, ob.bill_date AS bill_date,
         ${DUE('ob.bill_date', 'ob.credit_period_days', 'ob.due_date')} AS due, NULL AS date,
         ob.amount AS opening, ob.amount AS amount
  FROM ledger_opening_bills ob WHERE ob.company_id = @company ${ledgerFilter.replaceAll('$', 'ob')}
  UNION ALL
  SELECT b.ledger_guid, b.bill_name, b.bill_type <> 'Agst Ref', b.date,
         ${DUE('b.date', 'b.credit_period_days', 'b.due_date')}, b.date, 0, b.amount
  FROM bill_allocations b JOIN ledger_entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
  WHERE b.company_id = @company AND ${IN_BOOKS} ${ledgerFilter.replaceAll('$', 'b')}`;

const billTotalsInsert = (ledgerFilter: string): string => `
  INSERT INTO bill_totals
    (company_id, ledger_guid, bill_name, bill_date, due_date, first_date, last_date, opening_amount, amount)
  SELECT @company, ledger_guid, bill_name,
         min(CASE WHEN is_origin THEN bill_date END),
         min(CASE WHEN is_origin THEN due END),
         min(date), max(date), sum(opening), sum(amount)
  FROM (${billSource(ledgerFilter)})
  GROUP BY ledger_guid, bill_name`;

export interface SummaryStatements {
  rebuildCompany(companyId: number): void;
  rebuildLedger(companyId: number, ledgerGuid: string): void;
  rebuildMonth(companyId: number, month: string): void;
}

export function summaryStatements(db: Database.Database): SummaryStatements {
  const deleteMonthTotals = db.prepare('DELETE FROM ledger_month_totals WHERE company_id = ?');
  const insertMonthTotals = db.prepare(`INSERT INTO ledger_month_totals
    (company_id, ledger_guid, month, base_type, debit, credit, entries)
    ${MONTH_TOTALS_SELECT} WHERE e.company_id = ? AND ${IN_BOOKS}
    GROUP BY e.ledger_guid, substr(e.date, 1, 7), v.base_type`);
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
    ${MONTH_TOTALS_SELECT} WHERE e.company_id = ? AND e.ledger_guid = ? AND ${IN_BOOKS}
    GROUP BY substr(e.date, 1, 7), v.base_type`);
  const deleteLedgerBills = db.prepare('DELETE FROM bill_totals WHERE company_id = ? AND ledger_guid = ?');
  const insertLedgerBills = db.prepare(billTotalsInsert('AND $.ledger_guid = @ledger'));
  const deleteMonthCounts = db.prepare('DELETE FROM voucher_month_counts WHERE company_id = ? AND month = ?');
  const insertMonthCounts =
    db.prepare(`INSERT INTO voucher_month_counts (company_id, month, base_type, vouchers)
    SELECT company_id, substr(date, 1, 7), base_type, count(*) FROM vouchers v
    WHERE company_id = ? AND date >= ? AND date <= ? AND ${IN_BOOKS} GROUP BY base_type`);

  return {
    rebuildCompany(companyId) {
      deleteMonthTotals.run(companyId);
      insertMonthTotals.run(companyId);
      deleteBillTotals.run(companyId);
      insertBillTotals.run({ company: companyId });
      deleteCounts.run(companyId);
      insertCounts.run(companyId);
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
