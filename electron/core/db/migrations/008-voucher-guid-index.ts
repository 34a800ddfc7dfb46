/**
 * Schema v8: a voucher's GUID is unique per company through a named index instead of a table constraint.
 * GUIDs are random, so in a full sync every voucher inserted into the constraint's index lands on a
 * random page; a named index can be dropped for a bulk load and built once, sorted, at commit (see
 * DEFERRED_INDEXES in writer.ts), where a duplicate GUID still fails the write and is named.
 */
export const VOUCHERS_GUID_INDEX_SQL = 'CREATE UNIQUE INDEX vouchers_guid ON vouchers(company_id, guid)';

export const migration008 = `
CREATE TABLE vouchers_v8 (
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
  is_optional INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO vouchers_v8 SELECT id, company_id, guid, alter_id, master_id, date, voucher_type, base_type,
  voucher_number, party_name, narration, reference, is_cancelled, is_optional FROM vouchers ORDER BY id;
DROP VIEW ledger_entries;
DROP TABLE vouchers;
ALTER TABLE vouchers_v8 RENAME TO vouchers;
CREATE INDEX vouchers_date ON vouchers(company_id, date);
${VOUCHERS_GUID_INDEX_SQL};
CREATE VIEW ledger_entries AS
SELECT e.id, e.voucher_id, e.company_id, l.guid AS ledger_guid, e.ledger_id, e.date, e.amount
FROM entries e JOIN ledgers l ON l.id = e.ledger_id;
`;
