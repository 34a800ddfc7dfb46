import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore, type Store } from '../../../electron/core/db/store';

/**
 * Databases as an older TallyConnect left them, for the migration tests: built at schema `version`, seeded
 * by hand, then opened (and so migrated) by today's store.
 */

/** Inserts a company at the data version the file was built with; resolves its row id. */
export type AddCompany = (guid: string, name: string, source: 'tally' | 'import') => number;

/**
 * Writes at `path` a database at schema `version` (its first `version` migrations), `seed` adding its
 * companies (each at data version `dataVersion`) and their rows; every company marked as not needing a
 * full sync, as a file whose syncs all finished.
 */
export function writeAtSchema(
  path: string,
  version: number,
  dataVersion: number,
  seed: (db: Database.Database, addCompany: AddCompany) => void,
): void {
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
  const company = db.prepare(
    `INSERT INTO companies (guid, name, source, data_version) VALUES (?, ?, ?, ${dataVersion}) RETURNING id`,
  );
  seed(db, (guid, name, source) => (company.get(guid, name, source) as { id: number }).id);
  db.prepare('UPDATE companies SET needs_full_sync = 0').run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.close();
}

/** Opens the file with today's store, expects it at SCHEMA_VERSION, runs `check` and closes the store. */
export function afterMigration(path: string, check: (store: Store) => void): void {
  const store = openStore(path);
  try {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check(store);
  } finally {
    store.close();
  }
}

/** Every company's GUID, whether it awaits a full sync (1/0) and its data version, by GUID. */
export const companyFlags = (store: Store): unknown[] =>
  store.db
    .prepare('SELECT guid, needs_full_sync AS full, data_version AS dv FROM companies ORDER BY guid')
    .all();

/** The column names of a table. */
export const columnsOf = (store: Store, table: string): unknown[] =>
  store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
