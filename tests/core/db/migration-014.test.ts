import { tempDir } from './fixtures';
import { afterMigration, columnsOf, companyFlags, writeAtSchema } from './old-schema';

/**
 * Schema v14 (GST facts): stored data cannot recover its GST tags, so a Tally company with a party that has
 * a GSTIN is re-read in full at its next sync; the others are left alone; every data version moves on.
 */
const dir = tempDir('tc-mig14-');
afterAll(() => dir.cleanup());

it('adds the GST columns and tables, marks Tally companies with GSTINs for a full sync and moves data versions', () => {
  const path = dir.path('v13.db');
  writeAtSchema(path, 13, 5, (db, company) => {
    const ledger = db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
      is_bill_wise, gstin, alter_id) VALUES (?, ?, 'Party', 'Sundry Debtors', 0, 0, ?, 1)`);
    ledger.run(company('C-GST', 'With GST', 'tally'), 'L1', '27AAGFP4321M1Z6');
    ledger.run(company('C-PLAIN', 'Plain', 'tally'), 'L2', null);
    ledger.run(company('C-FILE', 'File', 'import'), 'L3', '27AAGFP4321M1Z6');
  });

  afterMigration(path, (store) => {
    expect(companyFlags(store)).toEqual([
      // 5, moved on by v14 and again by v16 (the GST credit facts)
      { guid: 'C-FILE', full: 0, dv: 7 },
      { guid: 'C-GST', full: 1, dv: 7 },
      // Schema v15 marks every Tally company with party ledgers (their contacts), this one included.
      { guid: 'C-PLAIN', full: 1, dv: 7 },
    ]);
    const columns = (table: string): unknown[] => columnsOf(store, table);
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
  });
});
