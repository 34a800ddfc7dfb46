import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CompanySource, SyncStatus } from '../../../shared/types/reports';
import type { CompanyWriter } from './records';
import { APPLICATION_ID, MIGRATIONS, REBUILDS_SUMMARIES, SCHEMA_VERSION } from './migrations';
import { summaryStatements } from './summaries';
import { databaseError } from './sqlite-errors';
import { beginCompanyWrite, clearCompanyData } from './writer';

export interface CompanyRow {
  id: number;
  guid: string;
  name: string;
  source: CompanySource;
  booksFrom: string | null;
  /** Month (1–12) the company's financial year starts in (April unless Tally says otherwise). */
  yearStartMonth: number;
  /** Date of the earliest stored voucher, or null. */
  firstVoucherDate: string | null;
  dataVersion: number;
}

/**
 * One connection to the TallyConnect database. Each thread (the main process, a sync worker) opens its
 * own Store on the same path; SQLite's WAL lets readers continue while one writer commits.
 */
/** What a company shows after a sync that TallyConnect did not live to finish. */
export const INTERRUPTED_SYNC =
  'The last sync was interrupted (TallyConnect stopped before it finished); the books are as of the sync before. Sync again.';

export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  readonly readonly: boolean;
  close(): void;
  /** Starts an atomic write of one company (one transaction). Only one writer per Store at a time. */
  beginCompanyWrite(
    company: { guid: string; name: string; source: CompanySource },
    mode: 'replace' | 'merge',
  ): CompanyWriter;
  /** Removes a company and everything it owns; false when there was no such company. */
  deleteCompany(guid: string): boolean;
  /** Records a sync's state; false when the company is not stored yet (first sync still running). */
  markSyncStatus(guid: string, status: SyncStatus, error?: string | null): boolean;
  /**
   * At start: companies a sync of an earlier run left "syncing" (the process was killed) become "error"
   * saying the sync was interrupted; the books are what the last finished sync wrote. Answers how many.
   */
  clearInterruptedSyncs(): number;
  /**
   * Sets an imported company's books-from date (the user's correction of an estimate); the data version
   * moves on. VALIDATION for a company synced from Tally (Tally's date stands), NOT_FOUND for none.
   */
  setBooksFrom(guid: string, booksFrom: string): void;
  /** The company row, or null. */
  findCompany(guid: string): CompanyRow | null;
  /** The company row, or AppError NOT_FOUND naming the GUID. */
  requireCompany(guid: string): CompanyRow;
}

export interface OpenStoreOptions {
  readonly?: boolean;
  now?: () => Date;
}

/**
 * The GST month summaries' database beside the books' (gst/summary-db.ts): derived data, attached to the
 * books' connection.
 */
export const GST_SUMMARIES_SUFFIX = '.gst-summaries';

/** Every file SQLite keeps for the books: the database, its journal files, and the summaries' with theirs. */
export const DATABASE_FILE_SUFFIXES: readonly string[] = ['', GST_SUMMARIES_SUFFIX].flatMap((base) =>
  ['', '-wal', '-shm', '-journal'].map((journal) => `${base}${journal}`),
);

export const PAGE_SIZE = 16_384;
const MMAP_BYTES = 4 * 2 ** 30;

/**
 * How long every connection waits for a lock another connection (this app's other thread, or an outside
 * program reading the file) holds before failing with SQLITE_BUSY.
 */
export const BUSY_TIMEOUT_MS = 10_000;
/** The WAL file is truncated back to this size when a checkpoint resets it (a big import grows it). */
const WAL_SIZE_LIMIT_BYTES = 64 * 2 ** 20;

/*
 * NEVER open, read, copy or close the database file (or its -wal, -shm, -journal) with node:fs in this
 * process. On POSIX, closing ANY descriptor of a file drops ALL of the process's fcntl locks on it,
 * SQLite's included: an outside program then sees no TallyConnect lock, checkpoints and deletes the
 * WAL under the running app, and the next write reports SQLITE_CORRUPT. The header used to be checked
 * with openSync/readSync/closeSync here, which did exactly that each time the sync worker opened its
 * connection. A file that is not SQLite is now recognised by SQLite itself (SQLITE_NOTADB on the first
 * read, before anything is written) and a foreign SQLite file by its application_id (inspect). SQLite's
 * unix VFS shares one lock state per file across all connections and threads of the process and keeps
 * descriptors open while another connection holds a lock, so only its own opens are safe.
 * stat/exists (no descriptor) are fine. See docs/security/database.md.
 */

/** Validates before anything is written: a refused file must stay byte-for-byte as it was. */
function inspect(db: Database.Database, path: string): { version: number; fresh: boolean } {
  const version = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  if (objects > 0 && applicationId !== APPLICATION_ID) {
    throw new AppError(
      'DATABASE',
      `The database ${path} belongs to another program (it is not a TallyConnect database). It was left untouched.`,
      { path, applicationId },
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'DATABASE',
      `The database ${path} was written by a newer TallyConnect (schema version ${version}; this version understands up to ${SCHEMA_VERSION}). Update TallyConnect; the file was not changed.`,
      { path, schemaVersion: version, supportedVersion: SCHEMA_VERSION },
    );
  }
  return { version, fresh: objects === 0 };
}

/**
 * Runs every pending migration in one transaction: a crash leaves the previous version intact. Summary
 * rebuilds run once at the end, against the latest schema (summaries.ts only knows the latest tables).
 */
function migrate(db: Database.Database, from: number, fresh: boolean): void {
  if (fresh) db.pragma(`application_id = ${APPLICATION_ID}`);
  if (from >= MIGRATIONS.length) return;
  db.transaction(() => {
    let rebuild = false;
    for (let v = from; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
      if (REBUILDS_SUMMARIES.has(v + 1)) rebuild = true;
    }
    if (rebuild) {
      const summaries = summaryStatements(db);
      for (const id of db.prepare('SELECT id FROM companies').pluck().all() as number[]) {
        summaries.rebuildCompany(id);
      }
    }
    if (!fresh) {
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(
          `Migration to schema version ${MIGRATIONS.length} left ${broken.length} broken foreign keys`,
        );
      }
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const now = options.now ?? (() => new Date());
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) {
    throw new AppError('DATABASE', `The database path ${path} is a folder, not a file`, { path });
  }
  if (!exists && readonly) {
    throw new AppError('DATABASE', `The database file ${path} does not exist`, { path });
  }

  let db: Database.Database;
  try {
    // The busy timeout applies from the first read (inspect), not only after the pragmas below.
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw databaseError(path, error);
  }
  try {
    const { version, fresh } = inspect(db, path);
    if (readonly && version < SCHEMA_VERSION) {
      throw new AppError(
        'DATABASE',
        `The database ${path} has schema version ${version} and must be upgraded by a writable open first`,
        { path },
      );
    }
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // 64 MB page cache: summary rebuilds and report scans stay in memory.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Reports read rows scattered over a large file; memory-mapped reads skip copying each page.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (!readonly) {
      // 16 KB pages: fewer page splits and smaller interior trees for bulk loads of long GUID keys.
      if (fresh) db.pragma(`page_size = ${PAGE_SIZE}`);
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL: durable on commit except for a power cut, the usual desktop trade-off.
      db.pragma('synchronous = NORMAL');
      // Locking stays NORMAL (never EXCLUSIVE: the sync worker's own connection must share the file) and
      // checkpoints stay automatic (PASSIVE, every 1000 pages): they never wait for an outside reader.
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
      // Migrations rebuild tables (copy, drop, rename): foreign keys must not cascade the drops.
      db.pragma('foreign_keys = OFF');
      migrate(db, version, fresh);
    }
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw databaseError(path, error);
  }
  return createStore(db, path, readonly, now);
}

function createStore(db: Database.Database, path: string, readonly: boolean, now: () => Date): Store {
  let writing = false;
  const selectCompany = db.prepare(`SELECT id, guid, name, source, books_from AS booksFrom,
    year_start_month AS yearStartMonth, first_voucher_date AS firstVoucherDate,
    data_version AS dataVersion FROM companies WHERE guid = ?`);
  const refuseReadonly = (what: string): void => {
    if (readonly) throw new AppError('DATABASE', `Cannot ${what}: the database ${path} is open read-only`);
  };

  const store: Store = {
    db,
    path,
    readonly,
    close() {
      if (db.open) db.close();
    },
    beginCompanyWrite(company, mode) {
      refuseReadonly(`write company "${company.name}"`);
      if (writing) {
        throw new AppError('INTERNAL', 'Another company write is open on this connection; commit it first');
      }
      writing = true;
      return beginCompanyWrite({
        db,
        company,
        mode,
        now,
        onClose: () => {
          writing = false;
        },
      });
    },
    deleteCompany(guid) {
      refuseReadonly('delete a company');
      const row = store.findCompany(guid);
      if (!row) return false;
      db.transaction(() => {
        clearCompanyData(db, row.id);
        db.prepare('DELETE FROM companies WHERE id = ?').run(row.id);
      }).immediate();
      return true;
    },
    clearInterruptedSyncs() {
      if (readonly) return 0;
      return db
        .prepare("UPDATE companies SET sync_status = 'error', sync_error = ? WHERE sync_status = 'syncing'")
        .run(INTERRUPTED_SYNC).changes;
    },
    markSyncStatus(guid, status, error = null) {
      refuseReadonly('record a sync status');
      const result = db
        .prepare('UPDATE companies SET sync_status = ?, sync_error = ? WHERE guid = ?')
        .run(status, status === 'error' ? (error ?? 'unknown error') : null, guid);
      return result.changes > 0;
    },
    setBooksFrom(guid, booksFrom) {
      refuseReadonly('change a company');
      const row = store.requireCompany(guid);
      if (row.source === 'tally') {
        throw new AppError(
          'VALIDATION',
          `"${row.name}" is synced from Tally, which gives its books-from date; change it in Tally (Alt+F3)`,
          { companyGuid: guid },
        );
      }
      db.prepare(
        `UPDATE companies SET books_from = ?, books_from_source = 'user', data_version = data_version + 1
         WHERE id = ?`,
      ).run(booksFrom, row.id);
    },
    findCompany(guid) {
      return (selectCompany.get(guid) as CompanyRow | undefined) ?? null;
    },
    requireCompany(guid) {
      const row = store.findCompany(guid);
      if (!row) {
        throw new AppError(
          'NOT_FOUND',
          `No company with GUID "${guid}" in the local store`,
          { companyGuid: guid },
          { reason: 'unknownCompany', params: { guid } },
        );
      }
      return row;
    },
  };
  return store;
}
