/**
 * The most vouchers a day book prints: about 400 A4 pages (some 50 vouchers a page), half a minute on a
 * laptop. A larger period is refused with a pointer to Excel rather than left to hang the print.
 */
export const DAY_BOOK_PRINT_LIMIT = 20_000;
