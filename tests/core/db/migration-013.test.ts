import { tempDir } from './fixtures';
import { afterMigration, columnsOf, companyFlags, writeAtSchema } from './old-schema';

/**
 * Schema v13 (inventory_entries.tracking_number): stored lines cannot recover their tracking numbers, so a
 * Tally company with delivery / receipt notes or rejections is re-read in full at its next sync; the
 * others are left alone; every data version moves on.
 */
const dir = tempDir('tc-mig13-');
afterAll(() => dir.cleanup());

it('adds tracking_number, marks Tally companies with notes for a full sync and moves data versions', () => {
  const path = dir.path('v12.db');
  writeAtSchema(path, 12, 5, (db, company) => {
    const voucher =
      db.prepare(`INSERT INTO vouchers (company_id, guid, alter_id, date, voucher_type, base_type,
      voucher_number, off_books) VALUES (?, ?, 1, '2025-04-01', ?, ?, '1', ?)`);
    voucher.run(company('C-NOTES', 'Notes', 'tally'), 'V1', 'Dely Note', 'Delivery Note', 'inventory');
    voucher.run(company('C-PLAIN', 'Plain', 'tally'), 'V2', 'Sales', 'Sales', null);
    voucher.run(company('C-FILE', 'File', 'import'), 'V3', 'Receipt Note', 'Receipt Note', 'inventory');
  });

  afterMigration(path, (store) => {
    expect(companyFlags(store)).toEqual([
      // 7: schema v14 (GST) moves the data versions on once more; none of these has a GSTIN to re-read.
      { guid: 'C-FILE', full: 0, dv: 8 }, // 5, moved on by v13, v14 and v16
      { guid: 'C-NOTES', full: 1, dv: 8 },
      { guid: 'C-PLAIN', full: 0, dv: 8 },
    ]);
    expect(columnsOf(store, 'inventory_entries')).toContain('tracking_number');
  });
});
