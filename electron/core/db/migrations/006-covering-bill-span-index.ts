/**
 * Schema v6: the bill summary's two indexes carry every column `billsAsOn` reads, so outstanding as on a
 * date and the dashboard's overdue receivables read the indexes alone instead of one lookup into the wide
 * summary rows per bill (on a 1,000,000-voucher company about 50,000 open bills, and for a past date
 * also about 41,000 bills that span it).
 */
export const BILL_INDEXES_SQL = `
CREATE INDEX bill_totals_last_date ON bill_totals(company_id, last_date, first_date, opening_amount, amount,
  bill_date, due_date, history);
CREATE INDEX bill_totals_open ON bill_totals(company_id, ledger_guid, last_date, amount, bill_date, due_date,
  opening_amount) WHERE amount <> 0;
`;

export const migration006 = `
DROP INDEX bill_totals_last_date;
DROP INDEX bill_totals_open;
${BILL_INDEXES_SQL}`;
