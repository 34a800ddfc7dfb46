/**
 * Schema v4: the ledger index also carries each entry's voucher and amount, so a ledger statement and
 * a ledger's partial-month movements read the index alone instead of one table row per entry.
 */
export const LEDGER_INDEX_SQL =
  'CREATE INDEX ledger_entries_ledger_date ON ledger_entries(company_id, ledger_guid, date, voucher_id, amount)';

export const migration004 = `
DROP INDEX ledger_entries_ledger_date;
${LEDGER_INDEX_SQL};
`;
