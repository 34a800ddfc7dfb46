/**
 * Schema v1. One database holds every company, keyed by company_id (see docs/DESIGN.md for why).
 * Money columns are INTEGER paise, debit positive. Dates are ISO text (YYYY-MM-DD).
 */
export const migration001 = `
CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('tally', 'import', 'demo')),
  books_from TEXT,
  master_alter_id INTEGER NOT NULL DEFAULT 0,
  voucher_alter_id INTEGER NOT NULL DEFAULT 0,
  data_version INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT,
  sync_status TEXT NOT NULL DEFAULT 'never' CHECK (sync_status IN ('never', 'syncing', 'ok', 'error')),
  sync_error TEXT,
  count_groups INTEGER NOT NULL DEFAULT 0,
  count_ledgers INTEGER NOT NULL DEFAULT 0,
  count_voucher_types INTEGER NOT NULL DEFAULT 0,
  count_vouchers INTEGER NOT NULL DEFAULT 0,
  count_entries INTEGER NOT NULL DEFAULT 0,
  count_bills INTEGER NOT NULL DEFAULT 0,
  first_voucher_date TEXT,
  last_voucher_date TEXT
) STRICT;

CREATE TABLE groups (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_name TEXT,
  primary_group TEXT NOT NULL,
  nature TEXT NOT NULL CHECK (nature IN ('asset', 'liability', 'income', 'expense')),
  is_revenue INTEGER NOT NULL,
  affects_gross_profit INTEGER NOT NULL,
  reserved_name TEXT,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE ledgers (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  group_name TEXT NOT NULL,
  opening_balance INTEGER NOT NULL DEFAULT 0,
  is_bill_wise INTEGER NOT NULL DEFAULT 0,
  credit_period_days INTEGER,
  gstin TEXT,
  state TEXT,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE ledger_opening_bills (
  company_id INTEGER NOT NULL,
  ledger_guid TEXT NOT NULL,
  bill_name TEXT NOT NULL,
  bill_date TEXT,
  amount INTEGER NOT NULL,
  credit_period_days INTEGER,
  due_date TEXT,
  FOREIGN KEY (company_id, ledger_guid) REFERENCES ledgers(company_id, guid) ON DELETE CASCADE
) STRICT;
CREATE INDEX ledger_opening_bills_ledger ON ledger_opening_bills(company_id, ledger_guid);

CREATE TABLE voucher_types (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  parent TEXT NOT NULL,
  auto_numbered INTEGER NOT NULL DEFAULT 0,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  alter_id INTEGER NOT NULL,
  master_id INTEGER,
  date TEXT NOT NULL,
  voucher_type TEXT NOT NULL,
  base_type TEXT NOT NULL,
  voucher_number TEXT NOT NULL DEFAULT '',
  party_name TEXT,
  narration TEXT NOT NULL DEFAULT '',
  reference TEXT,
  is_cancelled INTEGER NOT NULL DEFAULT 0,
  is_optional INTEGER NOT NULL DEFAULT 0,
  UNIQUE (company_id, guid)
) STRICT;
CREATE INDEX vouchers_date ON vouchers(company_id, date);

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  voucher_id INTEGER NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL,
  ledger_guid TEXT NOT NULL,
  -- Denormalised from the voucher so a ledger statement is one index range scan.
  date TEXT NOT NULL,
  amount INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_entries_voucher ON ledger_entries(voucher_id);
CREATE INDEX ledger_entries_ledger_date ON ledger_entries(company_id, ledger_guid, date);

CREATE TABLE bill_allocations (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES ledger_entries(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL,
  ledger_guid TEXT NOT NULL,
  date TEXT NOT NULL,
  bill_name TEXT NOT NULL,
  bill_type TEXT NOT NULL CHECK (bill_type IN ('New Ref', 'Agst Ref', 'Advance', 'On Account')),
  amount INTEGER NOT NULL,
  credit_period_days INTEGER,
  due_date TEXT
) STRICT;
CREATE INDEX bill_allocations_entry ON bill_allocations(entry_id);
CREATE INDEX bill_allocations_ledger ON bill_allocations(company_id, ledger_guid, bill_name, date);
`;
