import { tempDir } from './fixtures';
import { afterMigration, columnsOf, companyFlags, writeAtSchema } from './old-schema';

/**
 * Schema v16 (GST credit facts: blocked credit, nature of transaction, statutory adjustments): a Tally company
 * with GST vouchers is re-read in full at its next sync; the others are left alone; data versions move on.
 */
const dir = tempDir('tc-mig16-');
afterAll(() => dir.cleanup());

it('adds the credit columns, marks Tally companies with GST vouchers for a full sync and moves data versions', () => {
  const path = dir.path('v15.db');
  let plain = 0;
  writeAtSchema(path, 15, 3, (db, company) => {
    const withGst = company('C-GST', 'With GST', 'tally');
    plain = company('C-PLAIN', 'Plain', 'tally');
    const imported = company('C-FILE', 'File', 'import');
    const gst = db.prepare(
      'INSERT INTO voucher_gst (voucher_id, company_id, company_gstin) VALUES (?, ?, ?)',
    );
    gst.run(1, withGst, '27AAGFP4321M1Z6');
    gst.run(2, imported, '27AAGFP4321M1Z6');
  });
  expect(plain).toBeGreaterThan(0);

  afterMigration(path, (store) => {
    expect(companyFlags(store)).toEqual([
      { guid: 'C-FILE', full: 0, dv: 4 },
      { guid: 'C-GST', full: 1, dv: 4 },
      { guid: 'C-PLAIN', full: 0, dv: 4 },
    ]);
    const columns = (table: string): unknown[] => columnsOf(store, table);
    expect(columns('ledgers')).toEqual(expect.arrayContaining(['gst_ineligible_itc', 'gst_nature']));
    expect(columns('stock_items')).toEqual(expect.arrayContaining(['gst_ineligible_itc', 'gst_nature']));
    expect(columns('gst_line_details')).toEqual(expect.arrayContaining(['ineligible_itc', 'nature']));
    expect(columns('voucher_gst')).toEqual(expect.arrayContaining(['tax_adjustment', 'adjustment_details']));
  });
});
