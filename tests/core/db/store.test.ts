import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore } from '../../../electron/core/db/store';
import { tempDir, writeTiny } from './fixtures';

const dir = tempDir();
afterAll(() => dir.cleanup());

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectRefused(path: string, pattern: RegExp): void {
  const before = digest(path);
  let caught: unknown;
  try {
    openStore(path).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('DATABASE');
  expect((caught as AppError).message).toContain(path);
  expect((caught as AppError).message).toMatch(pattern);
  expect(digest(path)).toBe(before);
}

describe('openStore', () => {
  it('creates a fresh database with WAL, foreign keys, the schema version and our application id', () => {
    const store = openStore(dir.path('fresh.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['companies', 'ledger_entries', 'ledger_month_totals', 'bill_totals']),
    );
    store.close();
  });

  it('reopens its own database without re-running migrations', () => {
    const path = dir.path('reopen.db');
    openStore(path).close();
    const again = openStore(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('upgrades a version-1 database to the current schema and rebuilds its summaries', () => {
    const path = dir.path('v1.db');
    const store = openStore(path);
    writeTiny(store);
    store.db.exec('DROP TABLE ledger_month_totals; DROP TABLE bill_totals; DROP TABLE voucher_month_counts;');
    store.db.pragma('user_version = 1');
    store.close();
    const upgraded = openStore(path);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const s1 = upgraded.db.prepare("SELECT amount, history FROM bill_totals WHERE bill_name = 'S1'").get();
    expect(s1).toEqual({ amount: 5_800_00, history: '2025-04-05:1180000;2025-06-01:-600000' });
    expect(upgraded.db.prepare('SELECT count(*) FROM ledger_month_totals').pluck().get()).toBeGreaterThan(0);
    upgraded.close();
  });

  it('refuses a file that is not SQLite, naming it and leaving it untouched', () => {
    const path = dir.path('notes.db');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(50));
    expectRefused(path, /not a SQLite database/);
  });

  it('refuses a damaged database (valid header, garbage pages) and leaves it untouched', () => {
    const path = dir.path('damaged.db');
    const store = openStore(path);
    store.close();
    const bytes = readFileSync(path);
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    writeFileSync(path, bytes);
    expectRefused(path, /damaged|not a TallyConnect database|another program/);
  });

  it("refuses another program's SQLite database", () => {
    const path = dir.path('foreign.db');
    const other = new Database(path);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
    );
    other.close();
    expectRefused(path, /another program/);
  });

  it('refuses a database written by a newer schema and never downgrades it', () => {
    const path = dir.path('newer.db');
    const store = openStore(path);
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.db.pragma('journal_mode = DELETE');
    store.close();
    expectRefused(path, /newer TallyConnect/);
  });

  it('refuses a folder and a missing file opened read-only', () => {
    expect(() => openStore(dir.path(''))).toThrow(/is a folder/);
    expect(() => openStore(dir.path('missing.db'), { readonly: true })).toThrow(/does not exist/);
  });

  it('opens read-only without writing, and refuses writes there', () => {
    const path = dir.path('ro.db');
    openStore(path).close();
    const store = openStore(path, { readonly: true });
    expect(() => store.beginCompanyWrite({ guid: 'x', name: 'X', source: 'demo' }, 'replace')).toThrow(
      /read-only/,
    );
    store.close();
  });
});
