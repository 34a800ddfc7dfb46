/**
 * Schema v10: inventory. Stock groups, units, godowns and stock items are masters keyed by GUID like
 * ledgers; stock items also get an INTEGER key (`stock_items.id`, stable per company and GUID: upserts keep
 * the row) that inventory lines store, so a renamed item keeps its history. Quantities are integer
 * thousandths of the unit, money integer paise (debit positive), rates paise per unit.
 *
 * - `inventory_entries`: the inventory lines of a voucher, children of the voucher (rewritten with it).
 *   `item_id` is NULL only while the item is unknown (a Day Book naming an item its masters file lacks):
 *   `item_name` then keeps the name, and the line is linked when an item of that name is stored.
 *   `godown` keeps the godown's name as Tally writes it (renames are passed on by the writer).
 * - `ledger_closing_values`: a ledger's dated closing balances entered in Tally (LEDGERCLOSINGVALUES:
 *   Stock-in-Hand ledgers when inventory is not integrated).
 * - `companies.needs_full_sync`: a company synced before this schema has no stock masters or lines; its
 *   next sync is a full one (the writer clears the flag at a replace commit).
 *
 * No existing table or figure changes, so no summary is rebuilt and the data version stays.
 */
export const INVENTORY_ITEM_INDEX_SQL =
  'CREATE INDEX inventory_entries_item ON inventory_entries(item_id, date, voucher_id)';

export const migration010 = `
CREATE TABLE stock_groups (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_name TEXT,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE units (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  formal_name TEXT,
  decimal_places INTEGER NOT NULL DEFAULT 0,
  is_simple INTEGER NOT NULL DEFAULT 1,
  base_units TEXT,
  additional_units TEXT,
  conversion INTEGER,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE godowns (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_name TEXT,
  alter_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE stock_items (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  group_name TEXT,
  unit TEXT,
  opening_quantity INTEGER NOT NULL DEFAULT 0,
  opening_rate INTEGER,
  opening_value INTEGER NOT NULL DEFAULT 0,
  costing_method TEXT NOT NULL DEFAULT 'Avg. Cost',
  alter_id INTEGER NOT NULL DEFAULT 0,
  UNIQUE (company_id, guid),
  UNIQUE (company_id, name)
) STRICT;

CREATE TABLE inventory_entries (
  id INTEGER PRIMARY KEY,
  voucher_id INTEGER NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL,
  item_id INTEGER REFERENCES stock_items(id),
  item_name TEXT,
  -- Denormalised from the voucher so an item's movements are one index range.
  date TEXT NOT NULL,
  actual_quantity INTEGER NOT NULL,
  billed_quantity INTEGER NOT NULL,
  unit TEXT,
  rate INTEGER,
  rate_unit TEXT,
  amount INTEGER NOT NULL,
  godown TEXT,
  CHECK ((item_id IS NULL) <> (item_name IS NULL))
) STRICT;
CREATE INDEX inventory_entries_voucher ON inventory_entries(voucher_id);
${INVENTORY_ITEM_INDEX_SQL};
CREATE INDEX inventory_entries_unknown_item ON inventory_entries(company_id, item_name) WHERE item_id IS NULL;

CREATE TABLE ledger_closing_values (
  company_id INTEGER NOT NULL,
  ledger_guid TEXT NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (company_id, ledger_guid, date),
  FOREIGN KEY (company_id, ledger_guid) REFERENCES ledgers(company_id, guid) ON DELETE CASCADE
) STRICT;

ALTER TABLE companies ADD COLUMN needs_full_sync INTEGER NOT NULL DEFAULT 0;
UPDATE companies SET needs_full_sync = 1 WHERE source = 'tally';
`;
