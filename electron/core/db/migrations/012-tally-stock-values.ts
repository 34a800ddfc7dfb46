/**
 * Schema v12: `tally_stock_values`, the closing stock as Tally itself values it (the Stock-in-Hand group's
 * closing balance, asked of a live Tally at each month end and at the date of the last voucher; see
 * docs/TALLY.md "Closing stock as Tally values it"). Debit positive, paise. The reports take Tally's figure
 * for a date it answers for and value the stock themselves only where Tally was not asked (file imports,
 * dates Tally has not been asked about), saying so.
 */
export const migration012 = `
CREATE TABLE tally_stock_values (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (company_id, date)
) STRICT, WITHOUT ROWID;
`;
