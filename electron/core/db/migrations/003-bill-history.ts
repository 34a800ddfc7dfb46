/**
 * Schema v3: each bill summary row carries its allocation history ("YYYY-MM-DD:paise;..." in date
 * order), so outstanding as on a past date is computed from the summary alone instead of one query
 * per bill. The table is recreated empty; the migration runner then rebuilds every company's summaries.
 */
export const migration003 = `
DROP TABLE bill_totals;
CREATE TABLE bill_totals (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  ledger_guid TEXT NOT NULL,
  bill_name TEXT NOT NULL,
  bill_date TEXT,
  due_date TEXT,
  first_date TEXT,
  last_date TEXT,
  opening_amount INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  history TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (company_id, ledger_guid, bill_name)
) STRICT, WITHOUT ROWID;
CREATE INDEX bill_totals_last_date ON bill_totals(company_id, last_date, first_date, opening_amount);
CREATE INDEX bill_totals_open ON bill_totals(company_id, ledger_guid) WHERE amount <> 0;
`;
