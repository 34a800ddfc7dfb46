/**
 * Schema v2: summary tables the reports read instead of scanning millions of entries. They are derived
 * data, rebuilt for a company inside the same transaction that changes its vouchers (see summaries.ts),
 * so they can never disagree with the entries a reader sees. Cancelled and optional vouchers are left
 * out, as they are out of every report.
 */
export const migration002 = `
-- Debit and credit totals per ledger, month ("YYYY-MM") and base voucher type ("Sales", "Receipt", ...).
CREATE TABLE ledger_month_totals (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  ledger_guid TEXT NOT NULL,
  month TEXT NOT NULL,
  base_type TEXT NOT NULL,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  PRIMARY KEY (company_id, ledger_guid, month, base_type)
) STRICT, WITHOUT ROWID;

-- One row per bill of a ledger: opening bill plus every allocation to it, netted.
CREATE TABLE bill_totals (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  ledger_guid TEXT NOT NULL,
  bill_name TEXT NOT NULL,
  bill_date TEXT,
  due_date TEXT,
  first_date TEXT,
  last_date TEXT,
  -- The ledger's opening bill amount (0 when none): part of the bill at every as-on date.
  opening_amount INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (company_id, ledger_guid, bill_name)
) STRICT, WITHOUT ROWID;
-- Covering index for as-on dates in the past: bills touched after the date that existed before it.
CREATE INDEX bill_totals_last_date ON bill_totals(company_id, last_date, first_date, opening_amount);
CREATE INDEX bill_totals_open ON bill_totals(company_id, ledger_guid) WHERE amount <> 0;

-- Voucher counts per month and base type: company list (financial years) and day book paging.
CREATE TABLE voucher_month_counts (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  base_type TEXT NOT NULL,
  vouchers INTEGER NOT NULL,
  PRIMARY KEY (company_id, month, base_type)
) STRICT, WITHOUT ROWID;
`;
