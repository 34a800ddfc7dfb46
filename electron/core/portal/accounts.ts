import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PortalRole, PortalUser } from '../../../shared/types/portal';

export type SignInOutcome = 'ok' | 'bad_credentials' | 'disabled' | 'rate_limited';

export interface AccountRecord {
  user: PortalUser;
  passwordHash: string;
  credentialsVersion: string;
}

export interface AccountInput {
  username: string;
  displayName: string;
  role: PortalRole;
  companies: string[];
  disabled: boolean;
}

/** The portal's accounts: synchronous SQLite access, all statements prepared once. */
export interface AccountStore {
  list(): PortalUser[];
  get(username: string): PortalUser | null;
  getWithHash(username: string): AccountRecord | null;
  /**
   * The account and its credentials version, read on every portal call: a session is valid only while
   * the version it was signed in with is still the account's (see save()).
   */
  getCredentials(username: string): { user: PortalUser; credentialsVersion: string } | null;
  /**
   * Creates (passwordHash required) or updates (passwordHash null keeps the current one). A new
   * password or disabling the account gives it a new credentials version: every session signed in
   * before ends, in every process using this portal.db, with or without Redis.
   */
  save(input: AccountInput, passwordHash: string | null): PortalUser;
  /** Re-hashes the same password with stronger parameters: the credentials version stays. */
  setPasswordHash(username: string, passwordHash: string): void;
  /** Ends every session of the account (new credentials version); false for an unknown user. */
  renewCredentialsVersion(username: string): boolean;
  delete(username: string): boolean;
  logSignIn(username: string, address: string, outcome: SignInOutcome): void;
  recentSignIns(limit: number): { at: string; username: string; address: string; outcome: SignInOutcome }[];
}

interface UserRow {
  username: string;
  display_name: string;
  role: PortalRole;
  password_hash: string;
  disabled: number;
  created_at: string;
  credentials_version: string;
}

/** Random, never reused: a deleted and re-created account cannot match its predecessor's sessions. */
const newCredentialsVersion = (): string => randomBytes(16).toString('hex');

/** The sign-in log keeps this many rows; older ones are pruned as new ones arrive. */
const SIGNIN_LOG_KEEP = 10_000;

export class AccountError extends Error {
  constructor(
    readonly kind: 'missing_password' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

export function createAccountStore(db: Database.Database, now: () => Date = () => new Date()): AccountStore {
  const selectAll = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username COLLATE NOCASE');
  const selectOne = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const selectCompanies = db.prepare<[string], { company_guid: string }>(
    'SELECT company_guid FROM user_companies WHERE username = ? ORDER BY company_guid',
  );
  const insertUser = db.prepare(
    `INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, updated_at,
       credentials_version)
     VALUES (@username, @displayName, @role, @hash, @disabled, @now, @now, @version)`,
  );
  const updateUser = db.prepare(
    `UPDATE users SET display_name = @displayName, role = @role, disabled = @disabled, updated_at = @now,
       password_hash = COALESCE(@hash, password_hash),
       credentials_version = COALESCE(@version, credentials_version)
     WHERE username = @username`,
  );
  const updateVersion = db.prepare(
    'UPDATE users SET credentials_version = ?, updated_at = ? WHERE username = ?',
  );
  const updateHash = db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?');
  const deleteUser = db.prepare('DELETE FROM users WHERE username = ?');
  const clearCompanies = db.prepare('DELETE FROM user_companies WHERE username = ?');
  const insertCompany = db.prepare(
    'INSERT OR IGNORE INTO user_companies (username, company_guid) VALUES (?, ?)',
  );
  const insertLog = db.prepare('INSERT INTO signin_log (at, username, address, outcome) VALUES (?, ?, ?, ?)');
  const pruneLog = db.prepare('DELETE FROM signin_log WHERE id <= (SELECT MAX(id) FROM signin_log) - ?');
  const selectLog = db.prepare<
    [number],
    { at: string; username: string; address: string; outcome: SignInOutcome }
  >('SELECT at, username, address, outcome FROM signin_log ORDER BY id DESC LIMIT ?');

  const toUser = (row: UserRow): PortalUser => ({
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    companies: selectCompanies.all(row.username).map((r) => r.company_guid),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  });

  const save = db.transaction((input: AccountInput, hash: string | null): PortalUser => {
    const existing = selectOne.get(input.username);
    // New password, or the account is being disabled: the sessions of the old state end everywhere.
    const renew = !existing || hash !== null || (input.disabled && existing.disabled === 0);
    const params = {
      version: renew ? newCredentialsVersion() : null,
      username: existing?.username ?? input.username,
      displayName: input.displayName,
      role: input.role,
      disabled: input.disabled ? 1 : 0,
      hash,
      now: now().toISOString(),
    };
    if (existing) {
      updateUser.run(params);
    } else {
      if (hash === null) {
        throw new AccountError(
          'missing_password',
          `A password is required to create user "${input.username}"`,
        );
      }
      insertUser.run(params);
    }
    clearCompanies.run(params.username);
    for (const guid of new Set(input.companies)) insertCompany.run(params.username, guid);
    const row = selectOne.get(params.username);
    if (!row) throw new Error(`user ${params.username} vanished while saving`);
    return toUser(row);
  });

  return {
    list: () => selectAll.all().map(toUser),
    get(username) {
      const row = selectOne.get(username);
      return row ? toUser(row) : null;
    },
    getWithHash(username) {
      const row = selectOne.get(username);
      return row
        ? { user: toUser(row), passwordHash: row.password_hash, credentialsVersion: row.credentials_version }
        : null;
    },
    getCredentials(username) {
      const row = selectOne.get(username);
      return row ? { user: toUser(row), credentialsVersion: row.credentials_version } : null;
    },
    renewCredentialsVersion: (username) =>
      updateVersion.run(newCredentialsVersion(), now().toISOString(), username).changes > 0,
    save: (input, hash) => save(input, hash),
    setPasswordHash(username, hash) {
      updateHash.run(hash, now().toISOString(), username);
    },
    delete: (username) => deleteUser.run(username).changes > 0,
    logSignIn(username, address, outcome) {
      insertLog.run(now().toISOString(), username.slice(0, 64), address.slice(0, 100), outcome);
      pruneLog.run(SIGNIN_LOG_KEEP);
    },
    recentSignIns: (limit) => selectLog.all(limit),
  };
}
