import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore } from '../../../electron/core/db/store';
import { tempDir } from './fixtures';

/**
 * Schema v13 (inventory_entries.tracking_number): stored lines cannot recover their tracking numbers, so a
 * Tally company with delivery / receipt notes or rejections is re-read in full at its next sync; the
 * others are left alone; every data version moves on.
 */
const dir = tempDir('tc-mig13-');
afterAll(() => dir.cleanup());

it('adds tracking_number, marks Tally companies with notes for a full sync and moves data versions', () => {
  const path = dir.path('v12.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 12)) db.exec(sql);
  const company = db.prepare(
    'INSERT INTO companies (guid, name, source, data_version) VALUES (?, ?, ?, 5) RETURNING id',
  );
  const voucher = db.prepare(`INSERT INTO vouchers (company_id, guid, alter_id, date, voucher_type, base_type,
    voucher_number, off_books) VALUES (?, ?, 1, '2025-04-01', ?, ?, '1', ?)`);
  const withNotes = (company.get('C-NOTES', 'Notes', 'tally') as { id: number }).id;
  voucher.run(withNotes, 'V1', 'Dely Note', 'Delivery Note', 'inventory');
  const plain = (company.get('C-PLAIN', 'Plain', 'tally') as { id: number }).id;
  voucher.run(plain, 'V2', 'Sales', 'Sales', null);
  const imported = (company.get('C-FILE', 'File', 'import') as { id: number }).id;
  voucher.run(imported, 'V3', 'Receipt Note', 'Receipt Note', 'inventory');
  db.prepare('UPDATE companies SET needs_full_sync = 0').run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 12');
  db.close();

  const store = openStore(path);
  try {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      store.db
        .prepare('SELECT guid, needs_full_sync AS full, data_version AS dv FROM companies ORDER BY guid')
        .all(),
    ).toEqual([
      // 7: schema v14 (GST) moves the data versions on once more; none of these has a GSTIN to re-read.
      { guid: 'C-FILE', full: 0, dv: 8 }, // 5, moved on by v13, v14 and v16
      { guid: 'C-NOTES', full: 1, dv: 8 },
      { guid: 'C-PLAIN', full: 0, dv: 8 },
    ]);
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('inventory_entries')").pluck().all();
    expect(columns).toContain('tracking_number');
  } finally {
    store.close();
  }
});
