/**
 * Schema v17: the data version of each month of a company's books (issue 26), so that a summary kept of a
 * month (the GST returns' month summaries, gst/month-summaries.ts) knows when the month's vouchers changed.
 *
 * - `month_versions`: the company's data version when a write last changed a voucher of the month (added,
 *   altered, deleted, a post-dated one posted), written by the writer's commit (write/commit.ts).
 * - `companies.months_version`: the data version of the last write that replaced every month (a full sync,
 *   an import, the demo load); a month's version is the larger of the two.
 * - `companies.masters_version`: the data version of the last write that changed a master (a group, ledger,
 *   stock item, unit, …, or deleted one), so a summary need only check its masters when they may have moved.
 * - `companies.books_key`: random, made with the company's row: a company deleted and then synced again starts
 *   its data versions afresh (they follow Tally's AlterIDs), so a version alone could match a summary of the
 *   deleted books.
 */
export const migration017 = `
CREATE TABLE month_versions (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (company_id, month)
) STRICT, WITHOUT ROWID;

ALTER TABLE companies ADD COLUMN months_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE companies ADD COLUMN masters_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE companies ADD COLUMN books_key TEXT NOT NULL DEFAULT '';
UPDATE companies SET months_version = data_version, masters_version = data_version,
  books_key = lower(hex(randomblob(8)));
`;
