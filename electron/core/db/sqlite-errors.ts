import { AppError } from '../../../shared/errors';

/** better-sqlite3 throws SqliteError with a `code` such as SQLITE_CONSTRAINT_UNIQUE or SQLITE_NOTADB. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isConstraintError(error: unknown): boolean {
  return sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT') ?? false;
}

const DAMAGED = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE'];

/** A damaged or unreadable database file as a DATABASE error naming the file. */
export function databaseError(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = sqliteCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (code !== null && DAMAGED.includes(code)) {
    return new AppError(
      'DATABASE',
      `The database file ${path} is damaged or is not a TallyConnect database (${reason}). It was left untouched; move it away or restore a backup.`,
      { path, sqliteCode: code },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError(
      'DATABASE',
      `The database file ${path} is busy (another write is running): ${reason}`,
      {
        path,
        sqliteCode: code,
      },
    );
  }
  return new AppError('DATABASE', `Cannot use the database file ${path}: ${reason}`, {
    path,
    sqliteCode: code,
  });
}
