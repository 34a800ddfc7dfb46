import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { openStore } from '../../../electron/core/db/store';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { VoucherRecord } from '../../../electron/core/db/records';
import { TINY_GUID, tempDir, tinyVouchers, voucher, writeTiny } from './fixtures';

const dir = tempDir('tc-bulk-');
afterAll(() => dir.cleanup());

/** Enough vouchers for the writer to treat the write as a bulk load (indexes deferred to commit). */
function bulk(count: number): VoucherRecord[] {
  return Array.from({ length: count }, (_, i) =>
    voucher(`BULK-${String(i).padStart(5, '0')}`, '2025-08-01', 'Payment', `PY/${i}`, [
      { ledgerGuid: 'L-RENT', ledgerName: 'Rent', amount: 100 + i, bills: [] },
      { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -(100 + i), bills: [] },
    ]),
  );
}

const indexNames = (db: Database.Database): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'vouchers'")
    .pluck()
    .all() as string[];

describe('bulk loads with deferred indexes', () => {
  it('names a duplicate voucher GUID found when the unique index is built, and keeps the previous data', () => {
    const store = openStore(dir.path('dup.db'));
    writeTiny(store);
    const before = store.db.prepare('SELECT guid, voucher_number FROM vouchers ORDER BY guid').all();
    const vouchers = bulk(800);
    // Same GUID, different voucher: only the unique index can notice.
    vouchers.push({ ...vouchers[123]!, voucherNumber: 'PY/dup', date: '2025-09-01' });
    let error: unknown = null;
    try {
      writeTiny(store, vouchers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_INVALID');
    expect((error as AppError).message).toMatch(/BULK-00123.*appears twice \(duplicate GUID\)/);
    expect((error as AppError).details).toMatchObject({ voucherGuid: 'BULK-00123' });
    // Rolled back: the old vouchers, and the unique index, are as they were.
    expect(store.db.prepare('SELECT guid, voucher_number FROM vouchers ORDER BY guid').all()).toEqual(before);
    expect(indexNames(store.db)).toContain('vouchers_guid');
    expect(() =>
      store.db
        .prepare(
          'INSERT INTO vouchers (company_id, guid, alter_id, date, voucher_type, base_type) SELECT company_id, guid, 1, date, voucher_type, base_type FROM vouchers LIMIT 1',
        )
        .run(),
    ).toThrow(/UNIQUE/);
    store.close();
  });

  it('rebuilds every index after a bulk load', () => {
    const store = openStore(dir.path('ok.db'));
    writeTiny(store, [...tinyVouchers, ...bulk(600)]);
    expect(indexNames(store.db).sort()).toEqual(['vouchers_date', 'vouchers_guid', 'vouchers_post_dated']);
    expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(tinyVouchers.length + 600);
    store.close();
  });

  it('upgrades a version-7 database: same vouchers, GUIDs unique through the named index', () => {
    const path = dir.path('v7.db');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(MIGRATIONS.slice(0, 7).join(';\n'));
    db.prepare("INSERT INTO companies (id, guid, name, source) VALUES (1, ?, 'Old Books', 'tally')").run(
      TINY_GUID,
    );
    const insert =
      db.prepare(`INSERT INTO vouchers (id, company_id, guid, alter_id, master_id, date, voucher_type,
      base_type, voucher_number, party_name, narration, reference, is_cancelled, is_optional)
      VALUES (?, 1, ?, ?, NULL, '2025-04-01', 'Sales', 'Sales', ?, 'Party', 'n', NULL, 0, 0)`);
    for (let i = 1; i <= 50; i++) insert.run(i, `G-${i}`, i, `S/${i}`);
    db.pragma('user_version = 7');
    const rows = db.prepare('SELECT * FROM vouchers ORDER BY id').all();
    db.close();

    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Schema v9 adds off_books (NULL: in the books) and is_post_dated to every voucher row.
    expect(store.db.prepare('SELECT * FROM vouchers ORDER BY id').all()).toEqual(
      rows.map((r) => ({ ...(r as object), off_books: null, is_post_dated: 0 })),
    );
    expect(indexNames(store.db).sort()).toEqual(['vouchers_date', 'vouchers_guid', 'vouchers_post_dated']);
    expect(() =>
      store.db
        .prepare(
          "INSERT INTO vouchers (company_id, guid, alter_id, date, voucher_type, base_type) VALUES (1, 'G-7', 1, '2025-04-02', 'Sales', 'Sales')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    // The view over entries survives the table rebuild.
    expect(store.db.prepare('SELECT count(*) FROM ledger_entries').pluck().get()).toBe(0);
    store.close();
  });
});
