/**
 * Schema v9: vouchers Tally does not post are stored and listed, never counted. `off_books` says why a
 * voucher changes no balance (NULL: it posts): cancelled, optional, an order or inventory note, a
 * memorandum or reversing journal, attendance, or post-dated until the company's date of last entry
 * reaches it (see electron/core/db/posting.ts and post-dated.ts). Summaries count only rows with `off_books IS NULL`, so they are rebuilt.
 * Ledgers keep Tally's RESERVEDNAME (the parentless "Profit & Loss A/c" is stored with group_name '').
 * Companies keep the month their financial year starts in (Tally's STARTINGFROM; April by default) and
 * where their books-from date came from.
 */
export const migration009 = `
ALTER TABLE vouchers ADD COLUMN off_books TEXT;
ALTER TABLE vouchers ADD COLUMN is_post_dated INTEGER NOT NULL DEFAULT 0;
UPDATE vouchers SET off_books = CASE
  WHEN is_cancelled = 1 THEN 'cancelled'
  WHEN is_optional = 1 THEN 'optional'
  WHEN base_type IN ('Sales Order', 'Purchase Order', 'Job Work In Order', 'Job Work Out Order') THEN 'order'
  WHEN base_type IN ('Delivery Note', 'Receipt Note', 'Rejections In', 'Rejections Out', 'Stock Journal',
    'Physical Stock', 'Material In', 'Material Out') THEN 'inventory'
  WHEN base_type = 'Memorandum' THEN 'memorandum'
  WHEN base_type = 'Reversing Journal' THEN 'reversing-journal'
  WHEN base_type = 'Attendance' THEN 'attendance'
END;
-- Post-dated vouchers: a few rows, settled against the date of last entry at every commit.
CREATE INDEX vouchers_post_dated ON vouchers(company_id, date) WHERE is_post_dated = 1;

ALTER TABLE ledgers ADD COLUMN reserved_name TEXT;

ALTER TABLE companies ADD COLUMN year_start_month INTEGER NOT NULL DEFAULT 4
  CHECK (year_start_month BETWEEN 1 AND 12);
ALTER TABLE companies ADD COLUMN books_from_source TEXT
  CHECK (books_from_source IN ('tally', 'file', 'estimated', 'user'));
UPDATE companies SET books_from_source = CASE WHEN books_from IS NULL THEN NULL
  WHEN source = 'import' THEN 'file' ELSE 'tally' END;
-- Reports change (orders and memoranda leave the summaries): a new data version keeps every cache key,
-- Redis included, from serving a figure computed before.
UPDATE companies SET data_version = data_version + 1;
`;
