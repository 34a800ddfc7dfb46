import { tempDir } from './fixtures';
import { afterMigration, columnsOf, companyFlags, writeAtSchema } from './old-schema';

/**
 * Schema v15 (collections): stored ledgers cannot recover their contact tags, so a Tally company with
 * party ledgers is re-read in full at its next sync; an imported company and one without parties are left
 * alone; data versions stay (no report changed). The collections tables start empty.
 */
const dir = tempDir('tc-mig15-');
afterAll(() => dir.cleanup());

it('adds the contact columns and collections tables and marks Tally companies with parties for a full sync', () => {
  const path = dir.path('v14.db');
  writeAtSchema(path, 14, 5, (db, company) => {
    const ledger = db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
      is_bill_wise, alter_id) VALUES (?, ?, ?, ?, 0, ?, 1)`);
    ledger.run(company('C-DEBTORS', 'Debtors', 'tally'), 'L1', 'Party', 'Sundry Debtors', 0);
    ledger.run(company('C-BILLWISE', 'Bill-wise', 'tally'), 'L2', 'Loan party', 'Loans (Liability)', 1);
    ledger.run(company('C-CASH', 'Cash only', 'tally'), 'L3', 'Cash', 'Cash-in-Hand', 0);
    ledger.run(company('C-FILE', 'File', 'import'), 'L4', 'Party', 'Sundry Debtors', 1);
  });

  afterMigration(path, (store) => {
    expect(companyFlags(store)).toEqual([
      // v15 leaves data versions alone; v16 (the GST credit facts) moves every one on.
      { guid: 'C-BILLWISE', full: 1, dv: 6 },
      { guid: 'C-CASH', full: 0, dv: 6 },
      { guid: 'C-DEBTORS', full: 1, dv: 6 },
      { guid: 'C-FILE', full: 0, dv: 6 },
    ]);
    const columns = (table: string): unknown[] => columnsOf(store, table);
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
  });
});
