import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore } from '../../../electron/core/db/store';
import { tempDir } from './fixtures';

/**
 * Schema v16 (GST credit facts: blocked credit, nature of transaction, statutory adjustments): a Tally company
 * with GST vouchers is re-read in full at its next sync; the others are left alone; data versions move on.
 */
const dir = tempDir('tc-mig16-');
afterAll(() => dir.cleanup());

it('adds the credit columns, marks Tally companies with GST vouchers for a full sync and moves data versions', () => {
  const path = dir.path('v15.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 15)) db.exec(sql);
  const company = db.prepare(
    'INSERT INTO companies (guid, name, source, data_version) VALUES (?, ?, ?, 3) RETURNING id',
  );
  const withGst = (company.get('C-GST', 'With GST', 'tally') as { id: number }).id;
  const plain = (company.get('C-PLAIN', 'Plain', 'tally') as { id: number }).id;
  const imported = (company.get('C-FILE', 'File', 'import') as { id: number }).id;
  const gst = db.prepare('INSERT INTO voucher_gst (voucher_id, company_id, company_gstin) VALUES (?, ?, ?)');
  gst.run(1, withGst, '27AAGFP4321M1Z6');
  gst.run(2, imported, '27AAGFP4321M1Z6');
  db.prepare('UPDATE companies SET needs_full_sync = 0').run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 15');
  db.close();
  expect(plain).toBeGreaterThan(0);

  const store = openStore(path);
  try {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      store.db
        .prepare('SELECT guid, needs_full_sync AS full, data_version AS dv FROM companies ORDER BY guid')
        .all(),
    ).toEqual([
      { guid: 'C-FILE', full: 0, dv: 4 },
      { guid: 'C-GST', full: 1, dv: 4 },
      { guid: 'C-PLAIN', full: 0, dv: 4 },
    ]);
    const columns = (table: string): unknown[] =>
      store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
    expect(columns('ledgers')).toEqual(expect.arrayContaining(['gst_ineligible_itc', 'gst_nature']));
    expect(columns('stock_items')).toEqual(expect.arrayContaining(['gst_ineligible_itc', 'gst_nature']));
    expect(columns('gst_line_details')).toEqual(expect.arrayContaining(['ineligible_itc', 'nature']));
    expect(columns('voucher_gst')).toEqual(expect.arrayContaining(['tax_adjustment', 'adjustment_details']));
  } finally {
    store.close();
  }
});
