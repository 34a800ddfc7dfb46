/**
 * Schema v5: integer ledger keys. Ledgers get `id INTEGER PRIMARY KEY` (their identity is still the GUID:
 * an upsert by (company, guid) keeps the row and its id, so a rename changes the name only). Entries and
 * bill allocations store that integer instead of the 36-45 character GUID, which makes their rows and the
 * per-ledger indexes several times narrower. The entry table is now `entries`; `ledger_entries` remains as
 * a read-only view with the old columns (ledger_guid included) for ad-hoc queries and checks.
 * Existing data is copied over; summary tables (keyed by GUID) are unchanged.
 */
export const ENTRIES_LEDGER_INDEX_SQL =
  'CREATE INDEX entries_ledger_date ON entries(ledger_id, date, voucher_id, amount)';
export const BILLS_LEDGER_INDEX_SQL =
  'CREATE INDEX bill_allocations_ledger ON bill_allocations(ledger_id, bill_name, date)';

export const migration005 = `
CREATE TABLE ledgers_v5 (
  id INTEGER PRIMARY KEY,
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
  UNIQUE (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;
INSERT INTO ledgers_v5 (company_id, guid, name, group_name, opening_balance, is_bill_wise,
  credit_period_days, gstin, state, alter_id)
SELECT company_id, guid, name, group_name, opening_balance, is_bill_wise, credit_period_days, gstin, state,
  alter_id FROM ledgers ORDER BY company_id, guid;

CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  voucher_id INTEGER NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL,
  ledger_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL
) STRICT;
INSERT INTO entries (id, voucher_id, company_id, ledger_id, date, amount)
SELECT e.id, e.voucher_id, e.company_id, l.id, e.date, e.amount
FROM ledger_entries e JOIN ledgers_v5 l ON l.company_id = e.company_id AND l.guid = e.ledger_guid
ORDER BY e.id;

CREATE TABLE bill_allocations_v5 (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL,
  ledger_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  bill_name TEXT NOT NULL,
  bill_type TEXT NOT NULL CHECK (bill_type IN ('New Ref', 'Agst Ref', 'Advance', 'On Account')),
  amount INTEGER NOT NULL,
  credit_period_days INTEGER,
  due_date TEXT
) STRICT;
INSERT INTO bill_allocations_v5 (id, entry_id, company_id, ledger_id, date, bill_name, bill_type, amount,
  credit_period_days, due_date)
SELECT b.id, b.entry_id, b.company_id, l.id, b.date, b.bill_name, b.bill_type, b.amount,
  b.credit_period_days, b.due_date
FROM bill_allocations b JOIN ledgers_v5 l ON l.company_id = b.company_id AND l.guid = b.ledger_guid
ORDER BY b.id;

DROP TABLE bill_allocations;
DROP TABLE ledger_entries;
DROP TABLE ledgers;
ALTER TABLE ledgers_v5 RENAME TO ledgers;
ALTER TABLE bill_allocations_v5 RENAME TO bill_allocations;

CREATE INDEX entries_voucher ON entries(voucher_id);
${ENTRIES_LEDGER_INDEX_SQL};
CREATE INDEX bill_allocations_entry ON bill_allocations(entry_id);
${BILLS_LEDGER_INDEX_SQL};

CREATE VIEW ledger_entries AS
SELECT e.id, e.voucher_id, e.company_id, l.guid AS ledger_guid, e.ledger_id, e.date, e.amount
FROM entries e JOIN ledgers l ON l.id = e.ledger_id;
`;
