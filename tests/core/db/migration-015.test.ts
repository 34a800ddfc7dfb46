import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openStore } from '../../../electron/core/db/store';
import { tempDir } from './fixtures';

/**
 * Schema v15 (collections): stored ledgers cannot recover their contact tags, so a Tally company with
 * party ledgers is re-read in full at its next sync; an imported company and one without parties are left
 * alone; data versions stay (no report changed). The collections tables start empty.
 */
const dir = tempDir('tc-mig15-');
afterAll(() => dir.cleanup());

it('adds the contact columns and collections tables and marks Tally companies with parties for a full sync', () => {
  const path = dir.path('v14.db');
  const db = new Database(path);
  for (const sql of MIGRATIONS.slice(0, 14)) db.exec(sql);
  const company = db.prepare(
    'INSERT INTO companies (guid, name, source, data_version) VALUES (?, ?, ?, 5) RETURNING id',
  );
  const ledger = db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
    is_bill_wise, alter_id) VALUES (?, ?, ?, ?, 0, ?, 1)`);
  const debtors = (company.get('C-DEBTORS', 'Debtors', 'tally') as { id: number }).id;
  ledger.run(debtors, 'L1', 'Party', 'Sundry Debtors', 0);
  const billWise = (company.get('C-BILLWISE', 'Bill-wise', 'tally') as { id: number }).id;
  ledger.run(billWise, 'L2', 'Loan party', 'Loans (Liability)', 1);
  const cashOnly = (company.get('C-CASH', 'Cash only', 'tally') as { id: number }).id;
  ledger.run(cashOnly, 'L3', 'Cash', 'Cash-in-Hand', 0);
  const imported = (company.get('C-FILE', 'File', 'import') as { id: number }).id;
  ledger.run(imported, 'L4', 'Party', 'Sundry Debtors', 1);
  db.prepare('UPDATE companies SET needs_full_sync = 0').run();
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 14');
  db.close();

  const store = openStore(path);
  try {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      store.db
        .prepare('SELECT guid, needs_full_sync AS full, data_version AS dv FROM companies ORDER BY guid')
        .all(),
    ).toEqual([
      // v15 leaves data versions alone; v16 (the GST credit facts) moves every one on.
      { guid: 'C-BILLWISE', full: 1, dv: 6 },
      { guid: 'C-CASH', full: 0, dv: 6 },
      { guid: 'C-DEBTORS', full: 1, dv: 6 },
      { guid: 'C-FILE', full: 0, dv: 6 },
    ]);
    const columns = (table: string): unknown[] =>
      store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
    expect(columns('ledgers')).toEqual(
      expect.arrayContaining([
        'mailing_name',
        'address',
        'pincode',
        'email',
        'email_cc',
        'mobile',
        'phone',
        'contact_person',
        'interest',
      ]),
    );
    expect(columns('companies')).toEqual(
      expect.arrayContaining(['profile_address', 'profile_gstin', 'profile_state']),
    );
    for (const table of [
      'collection_parties',
      'reminder_settings',
      'smtp_settings',
      'reminder_runs',
      'reminder_messages',
    ])
      expect(store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  } finally {
    store.close();
  }
});
