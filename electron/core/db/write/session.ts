import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { CompanySource } from '../../../../shared/types/reports';
import { SummaryAccumulator } from '../summaries';

/**
 * The write session: one SQLite transaction (BEGIN IMMEDIATE .. COMMIT) per company write, the bulk-load
 * pragmas scoped to it, and the context every write step takes first. This module alone begins, commits
 * and rolls back; the steps (masters.ts, vouchers.ts, inventory.ts, deletions.ts, commit.ts) only read
 * and change the context and run statements inside the transaction.
 */

export interface WriterOptions {
  db: Database.Database;
  company: { guid: string; name: string; source: CompanySource };
  mode: 'replace' | 'merge';
  now: () => Date;
  onClose: () => void;
}

/**
 * Page cache for a replace write (negative: KiB). The indexes with random insert positions are deferred
 * (DEFERRED_INDEXES), so inserts only touch the right edge of each B-tree and a bigger cache bought no
 * speed, only resident memory (measured: 256 MB → 32 MB, docs/BENCHMARKS.md).
 */
const BULK_CACHE_KIB = -32_768;

/** What the write knows of the company's stored masters, kept in step with what it writes. */
export interface KnownMasters {
  ledgerGuidByName: Map<string, string>;
  ledgerNameByGuid: Map<string, string>;
  /** Integer key of each ledger (stable per company and GUID: upserts keep the row). */
  ledgerIdByGuid: Map<string, number>;
  /** Stored names by GUID: a changed name is a rename to pass on. */
  groupNameByGuid: Map<string, string>;
  typeNameByGuid: Map<string, string>;
  typeParent: Map<string, string>;
  /** Stock items' integer keys (stable per company and GUID) by GUID and by name. */
  itemIdByGuid: Map<string, number>;
  itemIdByName: Map<string, number>;
  itemNameByGuid: Map<string, string>;
  stockGroupNameByGuid: Map<string, string>;
  unitNameByGuid: Map<string, string>;
  godownNameByGuid: Map<string, string>;
}

/** Entry, bill and inventory rows waiting for a multi-row INSERT (see rows.ts). */
export interface RowBuffers {
  entries: unknown[];
  bills: unknown[];
  inventory: unknown[];
}

/** The next explicit row id of each table the write inserts into (see rows.ts). */
export interface NextIds {
  voucher: number;
  entry: number;
  bill: number;
  inventory: number;
}

export interface WriteContext {
  readonly db: Database.Database;
  readonly mode: 'replace' | 'merge';
  readonly company: WriterOptions['company'];
  readonly now: () => Date;
  /** The company's row id; set once, when the session begins. */
  companyId: number;
  readonly masters: KnownMasters;
  readonly rows: RowBuffers;
  readonly nextId: NextIds;
  /** What a merge changed, for the summaries rebuilt at commit. */
  readonly touchedLedgers: Set<string>;
  readonly touchedMonths: Set<string>;
  /** Stock items whose lines were linked or unlinked (or that were deleted): their stock totals rebuilt. */
  readonly touchedItems: Set<number>;
  /** Replace mode accumulates summaries as it writes; anything unusual drops it for the SQL rebuild. */
  accumulator: SummaryAccumulator | null;
  mastersChanged: boolean;
  vouchersRemoved: number;
  indexesDropped: boolean;
  firstBatch: boolean;
  /** A module's prepared statements, prepared once per write on first use. */
  statements<T>(prepare: (db: Database.Database) => T): T;
}

interface SessionState {
  open: boolean;
  /** Pragmas changed for this write, with the values to restore. */
  restore: [string, unknown][];
  onClose: () => void;
}
const sessions = new WeakMap<WriteContext, SessionState>();

const state = (ctx: WriteContext): SessionState => {
  const s = sessions.get(ctx);
  if (!s) throw new AppError('INTERNAL', 'Not a company write session');
  return s;
};

const restorePragmas = (db: Database.Database, restore: [string, unknown][]): void => {
  for (const [name, value] of restore.reverse()) db.pragma(`${name} = ${String(value)}`);
  restore.length = 0;
};

/** Ends the session after COMMIT or ROLLBACK: pragmas restored, the store told the writer is free. */
const close = (ctx: WriteContext, s: SessionState): void => {
  s.open = false;
  restorePragmas(ctx.db, s.restore);
  s.onClose();
};

/**
 * Sets the write's pragmas and begins its transaction, then records the company (its row id in the
 * context). Any invalid record later rolls the whole transaction back, so readers only ever see the
 * previous data or the complete new data.
 */
export function beginSession(options: WriterOptions): WriteContext {
  const { db, mode } = options;
  const prepared = new Map<(db: Database.Database) => unknown, unknown>();
  const ctx: WriteContext = {
    db,
    mode,
    company: options.company,
    now: options.now,
    companyId: 0,
    masters: {
      ledgerGuidByName: new Map(),
      ledgerNameByGuid: new Map(),
      ledgerIdByGuid: new Map(),
      groupNameByGuid: new Map(),
      typeNameByGuid: new Map(),
      typeParent: new Map(),
      itemIdByGuid: new Map(),
      itemIdByName: new Map(),
      itemNameByGuid: new Map(),
      stockGroupNameByGuid: new Map(),
      unitNameByGuid: new Map(),
      godownNameByGuid: new Map(),
    },
    rows: { entries: [], bills: [], inventory: [] },
    nextId: { voucher: 0, entry: 0, bill: 0, inventory: 0 },
    touchedLedgers: new Set(),
    touchedMonths: new Set(),
    touchedItems: new Set(),
    accumulator: mode === 'replace' ? new SummaryAccumulator() : null,
    mastersChanged: false,
    vouchersRemoved: 0,
    indexesDropped: false,
    firstBatch: true,
    statements<T>(prepare: (db: Database.Database) => T): T {
      let s = prepared.get(prepare) as T | undefined;
      if (s === undefined) {
        s = prepare(db);
        prepared.set(prepare, s);
      }
      return s;
    },
  };
  const session: SessionState = { open: true, restore: [], onClose: options.onClose };
  sessions.set(ctx, session);
  // Bulk-load settings, scoped to this write and restored when it ends (commit or rollback). A replace
  // write clears the company first and assigns every row id itself, children after parents, and deletes
  // children explicitly (no cascades), so per-row foreign-key lookups only cost time there. Durability
  // is untouched: WAL with synchronous=NORMAL as the store opened it.
  const setPragma = (name: string, value: string | number): void => {
    session.restore.push([name, db.pragma(name, { simple: true })]);
    db.pragma(`${name} = ${value}`);
  };
  if (mode === 'replace') {
    setPragma('foreign_keys', 'OFF');
    setPragma('cache_size', BULK_CACHE_KIB);
    // No memory-mapped reads while loading: the index builds at commit scan the whole file, and every
    // mapped page read counts toward the app's resident memory (hundreds of MB for a large company).
    setPragma('mmap_size', 0);
    // Index builds at commit sort millions of keys; with temp_store=MEMORY the sorter's spill "files" are
    // heap memory too (measured: ~280 MB at commit for 1,000,000 vouchers). On disk they stay in the OS
    // cache instead of the app's resident memory.
    setPragma('temp_store', 'FILE');
  }
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    restorePragmas(db, session.restore);
    options.onClose();
    throw new AppError(
      'DATABASE',
      `Cannot start writing company "${options.company.name}": ${String(error)}`,
    );
  }
  inSession(ctx, () => {
    const row = db
      .prepare(
        // A new row gets a books key of its own (schema v17): a company deleted and synced again is new books.
        `INSERT INTO companies (guid, name, source, books_key) VALUES (?, ?, ?, lower(hex(randomblob(8))))
         ON CONFLICT (guid) DO UPDATE SET name = excluded.name, source = excluded.source RETURNING id`,
      )
      .get(options.company.guid, options.company.name, options.company.source) as { id: number };
    ctx.companyId = row.id;
  });
  return ctx;
}

/**
 * Runs one step of the write inside its transaction. A step that throws rolls the whole write back and
 * ends the session; a session already ended refuses further steps.
 */
export function inSession<T>(ctx: WriteContext, step: () => T): T {
  const s = state(ctx);
  if (!s.open) throw new AppError('INTERNAL', 'This company write was already committed or rolled back');
  try {
    return step();
  } catch (error) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    close(ctx, s);
    throw error;
  }
}

/** Makes the write visible and ends the session (run as the last part of a step, inside inSession). */
export function commitSession(ctx: WriteContext): void {
  ctx.db.exec('COMMIT');
  close(ctx, state(ctx));
}

/** Drops everything the write did; nothing when it already ended. */
export function rollbackSession(ctx: WriteContext): void {
  const s = state(ctx);
  if (!s.open) return;
  if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
  close(ctx, s);
}
