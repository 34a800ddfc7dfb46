/**
 * Which lines move stock, as SQL conditions: the one definition every stock figure uses (the store's
 * summaries, valuation, stock summary, item register). Stock moves with the vouchers that post and with
 * inventory vouchers (delivery and receipt notes, stock journals ... stored off the books as 'inventory');
 * a line of a posting voucher tracked against a delivery / receipt note or rejection moves nothing: the
 * note moves the stock (Tally help "Using Tracking Numbers"; docs/TALLY.md "Which lines move stock").
 * Kept in the store's layer because its summaries need it; inventory/movements.ts re-exports it.
 */

/** SQL condition on `v` (vouchers) and `e` (their inventory_entries) for the lines that move stock. */
export const MOVES_STOCK = `(v.off_books = 'inventory' OR (v.off_books IS NULL AND e.tracking_number IS NULL))`;

/**
 * SQL condition on `v` alone: vouchers some of whose lines may move stock (MOVES_STOCK decides per line).
 * For questions about dates that may only over-include, like which dates to ask Tally's stock figure for.
 */
export const VOUCHER_MAY_MOVE_STOCK = `(v.off_books IS NULL OR v.off_books = 'inventory')`;
