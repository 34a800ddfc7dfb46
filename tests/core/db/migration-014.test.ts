import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore } from '../../../electron/core/db/store';
import { tempDir } from './fixtures';

/**
 * Schema v14 (GST facts): stored data cannot recover its GST tags, so a Tally company with a party that has
 * a GSTIN is re-read in full at its next sync; the others are left alone; every data version moves on.
 */
const dir = tempDir('tc-mig14-');
afterAll(() => dir.cleanup());

it('adds the GST columns and tables, marks Tally companies with GSTINs for a full sync and moves data versions', () => {
  const path = dir.path('v13.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 13)) db.exec(sql);
  const company = db.prepare(
    'INSERT INTO companies (guid, name, source, data_version) VALUES (?, ?, ?, 5) RETURNING id',
  );
  const ledger = db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
    is_bill_wise, gstin, alter_id) VALUES (?, ?, 'Party', 'Sundry Debtors', 0, 0, ?, 1)`);
  const withGst = (company.get('C-GST', 'With GST', 'tally') as { id: number }).id;
  ledger.run(withGst, 'L1', '27AAGFP4321M1Z6');
  const plain = (company.get('C-PLAIN', 'Plain', 'tally') as { id: number }).id;
  ledger.run(plain, 'L2', null);
  const imported = (company.get('C-FILE', 'File', 'import') as { id: number }).id;
  ledger.run(imported, 'L3', '27AAGFP4321M1Z6');
  db.prepare('UPDATE companies SET needs_full_sync = 0').run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 13');
  db.close();

  const store = openStore(path);
  try {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      store.db
        .prepare('SELECT guid, needs_full_sync AS full, data_version AS dv FROM companies ORDER BY guid')
        .all(),
    ).toEqual([
      // 5, moved on by v14 and again by v16 (the GST credit facts)
      { guid: 'C-FILE', full: 0, dv: 7 },
      { guid: 'C-GST', full: 1, dv: 7 },
      // Schema v15 marks every Tally company with party ledgers (their contacts), this one included.
      { guid: 'C-PLAIN', full: 1, dv: 7 },
    ]);
    const columns = (table: string): unknown[] =>
      store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
    expect(columns('ledgers')).toEqual(
      expect.arrayContaining(['gst_registration', 'gst_duty_head', 'gst_taxability', 'gst_rate', 'hsn']),
    );
    expect(columns('stock_items')).toEqual(expect.arrayContaining(['hsn', 'gst_taxability', 'gst_rate']));
    expect(columns('voucher_gst')).toEqual(
      expect.arrayContaining(['voucher_id', 'party_gstin', 'place_of_supply', 'reverse_charge']),
    );
    expect(columns('gst_line_details')).toEqual(
      expect.arrayContaining(['entry_id', 'inventory_id', 'taxability', 'rate']),
    );
  } finally {
    store.close();
  }
});
