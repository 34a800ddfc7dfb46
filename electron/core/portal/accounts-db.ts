import Database from 'better-sqlite3';
import { createPrivateFile } from '../data-folder';

/**
 * portal.db: the office portal's own small database (accounts, company grants, sign-in log), kept apart
 * from the books so that deleting or rebuilding the books store never touches who may sign in.
 * Migrations are applied in order and recorded in PRAGMA user_version.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    username TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE user_companies (
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE ON UPDATE CASCADE,
    company_guid TEXT NOT NULL,
    PRIMARY KEY (username, company_guid)
  ) STRICT;
  CREATE TABLE signin_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'bad_credentials', 'disabled', 'rate_limited'))
  ) STRICT;
  CREATE INDEX signin_log_at ON signin_log(at);
  `,
  // 2: a credentials version per account (sessions carry it; a password change, disabling or
  // re-creating the account gives a new one, so every process refuses the older sessions), and the
  // portal's secrets (the key that signs session records kept in Redis).
  `
  ALTER TABLE users ADD COLUMN credentials_version TEXT NOT NULL DEFAULT '';
  UPDATE users SET credentials_version = lower(hex(randomblob(16)));
  CREATE TABLE secrets (
    name TEXT NOT NULL PRIMARY KEY,
    value BLOB NOT NULL
  ) STRICT;
  `,
];

export const PORTAL_SCHEMA_VERSION = MIGRATIONS.length;

export function openPortalDb(path: string): Database.Database {
  // Password hashes and the session-signing key: created readable by this user only.
  createPrivateFile(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    migratePortalDb(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A secret of this portal.db (32 random bytes), made on first use and kept from then on. INSERT OR
 * IGNORE makes the first writer win, so two processes opening the same portal.db agree on it.
 */
export function portalSecret(db: Database.Database, name: string): Buffer {
  db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, randomblob(32))').run(name);
  const row = db.prepare<[string], { value: Buffer }>('SELECT value FROM secrets WHERE name = ?').get(name);
  if (!row || row.value.length < 32) throw new Error(`portal.db secret "${name}" is missing or too short`);
  return Buffer.from(row.value);
}

export function migratePortalDb(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(
      `portal.db has schema version ${current}, newer than this TallyConnect knows (${MIGRATIONS.length}); update TallyConnect`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
