import type Database from 'better-sqlite3';
import { createPrivateFile } from '../data-folder';
import { GST_SUMMARIES_SUFFIX } from '../db/store';

/**
 * Where the GST month summaries live (month-summaries.ts): a database of their own beside the books'
 * (`<books file>.gst-summaries`, private like the books), attached to the books' connection as `gsts`. Its own file because the
 * main process writes it while a sync holds the books' write lock for minutes; nothing in it is not derived
 * from the books, so a missing, damaged or foreign one is simply rebuilt. An in-memory books database (tests)
 * or a read-only connection keeps its summaries in memory.
 */

/** Bumped when the summaries' shape changes: older summaries are dropped and rebuilt on demand. */
const SUMMARY_FORMAT = 4;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS gsts.months (
  company_guid TEXT NOT NULL,
  month TEXT NOT NULL,
  -- What the summary was computed from: the company's books key (schema v17), the month's data version, the
  -- masters' version and signature,
  -- the company GSTIN used, the month's vouchers' company GSTINs with their counts (JSON), and the values
  -- of the invoices its notes to unregistered buyers adjust (JSON).
  books_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  masters_version INTEGER NOT NULL,
  masters TEXT NOT NULL,
  gstin TEXT NOT NULL,
  gstins TEXT NOT NULL,
  originals TEXT NOT NULL,
  -- The month's GSTR-1 (its invoice and note lists apart) and GSTR-3B summaries (JSON: Gstr1Month,
  -- Gstr1Invoices, Gstr3bMonth).
  r1 TEXT NOT NULL,
  invoices TEXT NOT NULL,
  r3b TEXT NOT NULL,
  PRIMARY KEY (company_guid, month)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gsts.refs (
  company_guid TEXT NOT NULL,
  month TEXT NOT NULL,
  figure TEXT NOT NULL,
  ord INTEGER NOT NULL,
  ref TEXT NOT NULL,
  PRIMARY KEY (company_guid, figure, month, ord)
) WITHOUT ROWID;
`;

const attached = new WeakSet<Database.Database>();

/** The summaries' file of a books database file. */
export const summaryFileOf = (booksFile: string): string => `${booksFile}${GST_SUMMARIES_SUFFIX}`;

/** Attaches the summaries' database to the books' connection (once per connection) and makes its tables. */
export function attachGstSummaries(db: Database.Database): void {
  if (attached.has(db)) return;
  const file = db.memory || db.readonly ? ':memory:' : summaryFileOf(db.name);
  try {
    attach(db, file);
  } catch (error) {
    if (file === ':memory:') throw error;
    // A summaries file that is not one (damaged, foreign): the summaries are kept in memory instead.
    attach(db, ':memory:');
  }
  attached.add(db);
}

function attach(db: Database.Database, file: string): void {
  // Readable by its user only, as the books are (docs/SECURITY.md): made 0600 before SQLite opens it.
  createPrivateFile(file);
  db.prepare('ATTACH DATABASE ? AS gsts').run(file);
  try {
    if (file !== ':memory:') db.pragma('gsts.journal_mode = WAL');
    const format = db.pragma('gsts.user_version', { simple: true }) as number;
    if (format !== SUMMARY_FORMAT) {
      db.exec('DROP TABLE IF EXISTS gsts.months; DROP TABLE IF EXISTS gsts.refs;');
      db.pragma(`gsts.user_version = ${SUMMARY_FORMAT}`);
    }
    db.exec(SCHEMA);
  } catch (error) {
    db.prepare('DETACH DATABASE gsts').run();
    throw error;
  }
}
