/**
 * Schema v11: `stock_item_month_totals`, a derived summary of the inventory lines that move stock (see
 * electron/core/inventory/movements.ts MOVES_STOCK), per stock item and month: inward quantity and value
 * (lines with a positive quantity: their amounts) and outward quantity (negative, as stored). Built at
 * every commit like `ledger_month_totals` (whole company on a replace, touched months and items on a
 * merge; see db/summaries.ts), and filled here for the companies already stored. An item's closing stock
 * as on a date is then its opening plus these sums (inventory/stock-totals.ts).
 *
 * Reports now value stock from the items, so the stored companies' data version moves on: cached
 * reports from before this schema are not served again.
 */
export const STOCK_MONTH_TOTALS_SELECT = `
  SELECT e.company_id, e.item_id, substr(e.date, 1, 7),
         sum(CASE WHEN e.actual_quantity > 0 THEN e.actual_quantity ELSE 0 END),
         sum(CASE WHEN e.actual_quantity > 0 THEN e.amount ELSE 0 END),
         sum(CASE WHEN e.actual_quantity < 0 THEN e.actual_quantity ELSE 0 END),
         count(*)
  FROM inventory_entries e JOIN vouchers v ON v.id = e.voucher_id`;

export const migration011 = `
CREATE TABLE stock_item_month_totals (
  company_id INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  in_quantity INTEGER NOT NULL,
  in_value INTEGER NOT NULL,
  out_quantity INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  PRIMARY KEY (company_id, item_id, month)
) STRICT, WITHOUT ROWID;

INSERT INTO stock_item_month_totals
  (company_id, item_id, month, in_quantity, in_value, out_quantity, lines)
  ${STOCK_MONTH_TOTALS_SELECT}
  WHERE e.item_id IS NOT NULL AND (v.off_books IS NULL OR v.off_books = 'inventory')
  GROUP BY e.company_id, e.item_id, substr(e.date, 1, 7);

UPDATE companies SET data_version = data_version + 1;
`;
