import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** better-sqlite3 throws SqliteError with a `code` such as SQLITE_CONSTRAINT_UNIQUE or SQLITE_NOTADB. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isConstraintError(error: unknown): boolean {
  return sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT') ?? false;
}

/** `SQLITE_IOERR_SHORT_READ` is in the family `SQLITE_IOERR`. */
const inFamily = (code: string, family: string): boolean => code === family || code.startsWith(`${family}_`);

/** Codes that claim the file itself is bad; only believed after SQLite's own check of the file agrees. */
const claimsDamage = (code: string): boolean => inFamily(code, 'SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';

/** What SQLite's own check says about the file on disk (a fresh read-only connection, `quick_check`). */
export type FileCheck =
  | { state: 'sound' }
  | { state: 'damaged'; problem: string; sqliteCode: string | null }
  | { state: 'unknown'; reason: string };

/**
 * Runs `PRAGMA quick_check` on a fresh read-only connection. SQLite itself opens the file, so the locks
 * of this process's other connections stay in place (its unix VFS never closes a descriptor of a file
 * another connection in the process holds a lock on). Never writes to the file.
 */
export function checkDatabaseFile(path: string, timeoutMs = 2_000): FileCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: timeoutMs });
    const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0
      ? { state: 'sound' }
      : { state: 'damaged', problem: problems.join('; '), sqliteCode: null };
  } catch (error) {
    const code = sqliteCode(error);
    const reason = error instanceof Error ? error.message : String(error);
    if (code !== null && claimsDamage(code)) return { state: 'damaged', problem: reason, sqliteCode: code };
    return { state: 'unknown', reason };
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a read-only connection that read nothing cannot lose data.
    }
  }
}

/** Who else may hold the file: said in every lock/WAL message, since it is the usual cause. */
const OTHER_PROGRAMS =
  'another program may be using it (a SQLite browser or the sqlite3 tool, a backup, antivirus or cloud-sync program)';

export interface DatabaseErrorOptions {
  /**
   * Checks the file when SQLite says it is damaged (SQLITE_CORRUPT*, SQLITE_NOTADB); tests inject one.
   * Default: `checkDatabaseFile` (quick_check on a fresh read-only connection).
   */
  check?: (path: string) => FileCheck;
}

/**
 * A SQLite failure as a DATABASE error that names the file and says what really happened. A lock or WAL
 * problem says another program may be using the database; the file is only called damaged after
 * SQLite's own `quick_check` of it fails (a stale view of a WAL that an outside program removed also
 * reads as SQLITE_CORRUPT, though the file is sound).
 */
export function databaseError(path: string, error: unknown, options: DatabaseErrorOptions = {}): AppError {
  if (error instanceof AppError) return error;
  const code = sqliteCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  const details = { path, sqliteCode: code };
  if (code === null) {
    return new AppError('DATABASE', `Cannot use the database file ${path}: ${reason}`, details);
  }
  if (claimsDamage(code)) return damageError(path, code, reason, options.check ?? checkDatabaseFile);
  if (inFamily(code, 'SQLITE_BUSY')) {
    return new AppError(
      'DATABASE',
      `The database ${path} is locked: ${OTHER_PROGRAMS}, or another TallyConnect window or server is writing to it. Close the other program and try again; nothing was changed (${code}: ${reason}).`,
      details,
    );
  }
  if (inFamily(code, 'SQLITE_LOCKED')) {
    return new AppError(
      'DATABASE',
      `The database ${path} is busy with another operation inside TallyConnect; try again in a moment. Nothing was changed (${code}: ${reason}).`,
      details,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new AppError(
      'DATABASE',
      `The disk holding the database ${path} is full; free some space and try again. The unfinished change was rolled back (${reason}).`,
      details,
    );
  }
  if (inFamily(code, 'SQLITE_IOERR') || code === 'SQLITE_PROTOCOL') {
    const part = /SHM/.test(code)
      ? `its shared-memory file ${path}-shm (the index of the write-ahead log)`
      : `the database ${path}`;
    return new AppError(
      'DATABASE',
      `TallyConnect could not read or write ${part}: ${OTHER_PROGRAMS}, or the disk was disconnected. The unfinished change was rolled back; close the other program and try again, and restart TallyConnect if it keeps happening (${code}: ${reason}).`,
      details,
    );
  }
  if (inFamily(code, 'SQLITE_READONLY')) {
    return new AppError('DATABASE', `${readonlyReason(path, code)} (${code}: ${reason}).`, details);
  }
  if (inFamily(code, 'SQLITE_CANTOPEN')) {
    return new AppError(
      'DATABASE',
      `Cannot open the database ${path} or the files SQLite keeps beside it (-wal, -shm): check that the folder exists and is writable; ${OTHER_PROGRAMS} (${code}: ${reason}).`,
      details,
    );
  }
  return new AppError('DATABASE', `Cannot use the database file ${path}: ${reason}`, details);
}

/**
 * Runs a read of the store, turning a SQLite failure into the DATABASE error that names the file and says
 * what to do; anything else (a NOT_FOUND, a VALIDATION) passes through as it is.
 */
export function withDatabaseErrors<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (sqliteCode(error) !== null) throw databaseError(path, error);
    throw error;
  }
}

function readonlyReason(path: string, code: string): string {
  switch (code) {
    case 'SQLITE_READONLY_DBMOVED':
      return `The database ${path} was moved, renamed or deleted while TallyConnect had it open; restart TallyConnect`;
    case 'SQLITE_READONLY_RECOVERY':
    case 'SQLITE_READONLY_CANTINIT':
    case 'SQLITE_READONLY_CANTLOCK':
      return `The database ${path} cannot be opened for writing: its write-ahead log (${path}-wal, ${path}-shm) needs a writable folder, or ${OTHER_PROGRAMS}`;
    case 'SQLITE_READONLY_ROLLBACK':
      return `The database ${path} has an unfinished change (${path}-journal) that only a writable open can undo; check that the file and its folder are writable`;
    case 'SQLITE_READONLY_DIRECTORY':
      return `The folder of the database ${path} is read-only; TallyConnect needs to create ${path}-wal and ${path}-shm there`;
    default:
      return `The database ${path} is read-only (the file, its folder or the open is read-only), or ${OTHER_PROGRAMS}`;
  }
}

function damageError(
  path: string,
  code: string,
  reason: string,
  check: (path: string) => FileCheck,
): AppError {
  let result: FileCheck;
  try {
    result = check(path);
  } catch (error) {
    result = { state: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
  if (result.state === 'damaged') {
    if ((result.sqliteCode ?? code) === 'SQLITE_NOTADB') {
      return new AppError(
        'DATABASE',
        `The file ${path} is not a SQLite database (it may be damaged or belong to another program). It was left untouched.`,
        { path, sqliteCode: code, check: 'failed' },
      );
    }
    const found = result.problem === reason ? '' : `; SQLite's check found: ${result.problem}`;
    return new AppError(
      'DATABASE',
      `The database file ${path} is damaged or is not a TallyConnect database (${reason}${found}). It was left untouched; move it away or restore a backup.`,
      { path, sqliteCode: code, check: 'failed' },
    );
  }
  if (result.state === 'sound') {
    return new AppError(
      'DATABASE',
      `SQLite reported a problem reading ${path} (${code}: ${reason}), but its check of the file found no damage: ${OTHER_PROGRAMS} — such a program can remove the write-ahead log (${path}-wal) while TallyConnect is using it. Close that program and restart TallyConnect; do not move the file away.`,
      { path, sqliteCode: code, check: 'ok' },
    );
  }
  return new AppError(
    'DATABASE',
    `SQLite reported a problem reading ${path} (${code}: ${reason}) and the file could not be checked now (${result.reason}): ${OTHER_PROGRAMS}. Close other programs using it and restart TallyConnect; only if the problem stays, restore a backup.`,
    { path, sqliteCode: code, check: 'unknown' },
  );
}
