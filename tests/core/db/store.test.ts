import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { ENTRIES_LEDGER_INDEX_SQL } from '../../../electron/core/db/migrations/007-entry-particulars';
import { openStore } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters } from '../../../electron/core/reports/masters';
import { TINY_GUID, tempDir, writeTiny } from './fixtures';

const dir = tempDir();
afterAll(() => dir.cleanup());

/** Copies the rows of s.<table> into main.<table>, the columns the older main table has. */
function copyTable(db: Database.Database, table: string): void {
  const columns = (
    db.prepare(`SELECT name FROM pragma_table_info('${table}', 'main')`).pluck().all() as string[]
  )
    .map((c) => `"${c}"`)
    .join(', ');
  db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM s.${table}`);
}

/**
 * Writes, at `target`, a database at an older schema version (1..4, GUID-keyed entries) holding the rows
 * of a current database at `source`, as the TallyConnect of that version would have stored them.
 */
function writePreviousVersion(source: string, target: string, version: number): void {
  const db = new Database(target);
  db.pragma('foreign_keys = OFF');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(MIGRATIONS.slice(0, version).join(';\n'));
  db.exec(`ATTACH DATABASE '${source}' AS s`);
  const tables = new Set(
    db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all(),
  );
  db.transaction(() => {
    for (const table of ['companies', 'groups', 'voucher_types', 'vouchers', 'ledger_opening_bills']) {
      copyTable(db, table);
    }
    // Reverse order, so the converted integer keys differ from the source's.
    db.exec(`INSERT INTO main.ledgers (company_id, guid, name, group_name, opening_balance, is_bill_wise,
      credit_period_days, gstin, state, alter_id) SELECT company_id, guid, name, group_name, opening_balance,
      is_bill_wise, credit_period_days, gstin, state, alter_id FROM s.ledgers ORDER BY name DESC`);
    db.exec(`INSERT INTO main.ledger_entries (id, voucher_id, company_id, ledger_guid, date, amount)
      SELECT e.id, e.voucher_id, e.company_id, l.guid, e.date, e.amount FROM s.entries e
      JOIN s.ledgers l ON l.id = e.ledger_id`);
    db.exec(`INSERT INTO main.bill_allocations (id, entry_id, company_id, ledger_guid, date, bill_name,
      bill_type, amount, credit_period_days, due_date)
      SELECT b.id, b.entry_id, b.company_id, l.guid, b.date, b.bill_name, b.bill_type, b.amount,
        b.credit_period_days, b.due_date FROM s.bill_allocations b JOIN s.ledgers l ON l.id = b.ledger_id`);
    for (const table of ['ledger_month_totals', 'bill_totals', 'voucher_month_counts']) {
      if (tables.has(table) && version >= 3) copyTable(db, table);
    }
  })();
  db.exec('DETACH DATABASE s');
  db.pragma(`user_version = ${version}`);
  db.close();
}

/** Tables whose rows a version-6 file holds exactly as the current schema does. */
const TABLES_KEPT_AS_THEY_ARE = [
  'companies',
  'groups',
  'voucher_types',
  'vouchers',
  'ledger_opening_bills',
  'ledger_month_totals',
  'bill_totals',
  'voucher_month_counts',
];

/** The rows of a kept table, as the upgrade must leave them (a company's data version moves on). */
const keptRows = (table: string): string =>
  table === 'companies'
    ? `SELECT id, guid, name, source, books_from, books_from_source, count_vouchers FROM $.companies ORDER BY 1`
    : `SELECT * FROM $.${table} ORDER BY 1, 2, 3, 4`;

/** A version-6 file (integer ledger keys, entries without particulars) holding a current database's rows. */
function writeVersion6(source: string, target: string): void {
  const db = new Database(target);
  db.pragma('foreign_keys = OFF');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(MIGRATIONS.slice(0, 6).join(';\n'));
  db.exec(`ATTACH DATABASE '${source}' AS s`);
  db.transaction(() => {
    for (const table of TABLES_KEPT_AS_THEY_ARE) copyTable(db, table);
    // Reverse order, so the ledger ids (and the particulars to compute) differ from the source's.
    db.exec(`INSERT INTO main.ledgers (company_id, guid, name, group_name, opening_balance, is_bill_wise,
      credit_period_days, gstin, state, alter_id) SELECT company_id, guid, name, group_name, opening_balance,
      is_bill_wise, credit_period_days, gstin, state, alter_id FROM s.ledgers ORDER BY name DESC`);
    const ledgerOf = (alias: string): string => `(SELECT m.id FROM main.ledgers m JOIN s.ledgers l
      ON m.company_id = l.company_id AND m.guid = l.guid WHERE l.id = ${alias}.ledger_id)`;
    db.exec(`INSERT INTO main.entries (id, voucher_id, company_id, ledger_id, date, amount)
      SELECT e.id, e.voucher_id, e.company_id, ${ledgerOf('e')}, e.date, e.amount FROM s.entries e`);
    db.exec(`INSERT INTO main.bill_allocations (id, entry_id, company_id, ledger_id, date, bill_name,
      bill_type, amount, credit_period_days, due_date)
      SELECT b.id, b.entry_id, b.company_id, ${ledgerOf('b')}, b.date, b.bill_name, b.bill_type, b.amount,
        b.credit_period_days, b.due_date FROM s.bill_allocations b`);
  })();
  db.exec('DETACH DATABASE s');
  db.pragma('user_version = 6');
  db.close();
}

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
      expect.arrayContaining([
        'companies',
        'entries',
        'bill_allocations',
        'ledger_month_totals',
        'bill_totals',
      ]),
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
    // A real version-1 file: the v1 schema with the tiny company's rows copied in.
    const source = openStore(dir.path('v1-source.db'));
    writeTiny(source);
    source.close();
    const path = dir.path('v1.db');
    writePreviousVersion(dir.path('v1-source.db'), path, 1);
    const upgraded = openStore(path);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const s1 = upgraded.db.prepare("SELECT amount, history FROM bill_totals WHERE bill_name = 'S1'").get();
    expect(s1).toEqual({ amount: 5_800_00, history: '2025-04-05:1180000;2025-06-01:-600000' });
    expect(upgraded.db.prepare('SELECT count(*) FROM ledger_month_totals').pluck().get()).toBeGreaterThan(0);
    upgraded.close();
  });

  it('converts a version-4 database (GUID-keyed entries) to integer ledger keys without losing a row', () => {
    const sourcePath = dir.path('v4-source.db');
    const source = openStore(sourcePath);
    writeTiny(source);
    loadDemoCompany(source, { vouchers: 1_500, seed: 7 });
    source.close();
    const path = dir.path('v4.db');
    writePreviousVersion(sourcePath, path, 4);
    const upgraded = openStore(path);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
    upgraded.db.exec(`ATTACH DATABASE '${sourcePath}' AS s`);
    const same = (sql: string): void => {
      const mine = upgraded.db.prepare(sql.replaceAll('$.', 'main.')).raw().all();
      const theirs = upgraded.db.prepare(sql.replaceAll('$.', 's.')).raw().all();
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(theirs);
    };
    for (const table of TABLES_KEPT_AS_THEY_ARE) same(keptRows(table));
    // Schemas v9, v11, v13, v14 and v16 move every data version on (reports changed: no cache may serve the
    // old figures).
    expect(upgraded.db.prepare('SELECT sum(data_version) FROM companies').pluck().get()).toBe(
      (upgraded.db.prepare('SELECT sum(data_version) FROM s.companies').pluck().get() as number) + 10,
    );
    same(`SELECT company_id, guid, name, group_name, opening_balance, is_bill_wise, credit_period_days, gstin,
      state, alter_id FROM $.ledgers ORDER BY company_id, guid`);
    same(`SELECT e.id, e.voucher_id, e.company_id, l.guid, e.date, e.amount
      FROM $.entries e JOIN $.ledgers l ON l.id = e.ledger_id ORDER BY e.id`);
    same(`SELECT b.id, b.entry_id, b.company_id, l.guid, b.date, b.bill_name, b.bill_type, b.amount,
      b.credit_period_days, b.due_date FROM $.bill_allocations b JOIN $.ledgers l ON l.id = b.ledger_id
      ORDER BY b.id`);
    // The compatibility view still answers GUID-keyed queries.
    expect(
      upgraded.db
        .prepare("SELECT sum(amount) FROM ledger_entries WHERE ledger_guid = 'L-RENT'")
        .pluck()
        .get(),
    ).toBe(
      upgraded.db
        .prepare("SELECT sum(amount) FROM s.ledger_entries WHERE ledger_guid = 'L-RENT'")
        .pluck()
        .get(),
    );
    upgraded.db.exec('DETACH DATABASE s');
    upgraded.close();
  });

  it("upgrades a version-6 database with each entry's particulars computed as the writer does", () => {
    const sourcePath = dir.path('v6-source.db');
    const source = openStore(sourcePath);
    writeTiny(source);
    const { companyGuid } = loadDemoCompany(source, { vouchers: 1_500, seed: 9 });
    source.close();
    const path = dir.path('v6.db');
    writeVersion6(sourcePath, path);
    const upgraded = openStore(path);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
    expect(
      upgraded.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_ledger_date'").pluck().get(),
    ).toBe(ENTRIES_LEDGER_INDEX_SQL);
    // Stored particulars, by ledger GUID (the two files number their ledgers differently).
    type Particulars = [number, string | null | undefined, number, (string | undefined)[] | null];
    const particulars = (db: Database.Database): Particulars[] => {
      const guid = new Map(db.prepare('SELECT id, guid FROM ledgers').raw().all() as [number, string][]);
      const rows = db
        .prepare('SELECT id, other_ledger_id, other_ledger_count, more_ledger_ids FROM entries ORDER BY id')
        .raw()
        .all() as [number, number | null, number, string | null][];
      return rows.map(([id, other, count, more]): Particulars => [
        id,
        other === null ? null : guid.get(other),
        count,
        more?.split(',').map((m) => guid.get(Number(m))) ?? null,
      ]);
    };
    const reopened = openStore(sourcePath);
    const expected = particulars(reopened.db);
    expect(expected.some(([, , count]) => count > 1)).toBe(true);
    expect(particulars(upgraded.db)).toEqual(expected);
    // And so the statements read the same.
    for (const guid of [TINY_GUID, companyGuid]) {
      const before = loadMasters(reopened.db, reopened.requireCompany(guid));
      const after = loadMasters(upgraded.db, upgraded.requireCompany(guid));
      for (const ledger of before.ledgers.values()) {
        const params = { ledgerGuid: ledger.guid, from: '2000-01-01', to: '2099-12-31' };
        expect(ledgerStatement(upgraded.db, after, params)).toEqual(
          ledgerStatement(reopened.db, before, params),
        );
      }
    }
    reopened.close();
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
