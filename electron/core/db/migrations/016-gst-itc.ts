/**
 * Schema v16: the GST facts GSTR-3B table 4 needs beyond schema v14 (issue 26; docs/TALLY.md "GST returns").
 *
 * - `ledgers`, `stock_items`: `gst_ineligible_itc` (GSTINELIGIBLEITC in GSTDETAILS.LIST: 1 blocked, 0 stated
 *   eligible, null not stated) and `gst_nature` (GSTNATUREOFTRANSACTION, e.g. "Imports Taxable").
 * - `gst_line_details`: a line's own `ineligible_itc` (GSTOVRDNINELIGIBLEITC Yes / No) and `nature`
 *   (GSTOVRDNNATURE).
 * - `voucher_gst`: a journal's GST statutory adjustment, `tax_adjustment` (TAXADJUSTMENT: "Increase of Input
 *   Tax Credit", "Reversal of Input Tax Credit", …) and `adjustment_details` (GSTADDITIONALDETAILS).
 *
 * Nothing stored can recover these facts: a Tally company with GST in its books (a voucher with a GST header)
 * is marked `needs_full_sync`, so its next sync reads everything again; an imported company gets them at its
 * next import. The returns change, so the data versions move on and no cached answer outlives the change.
 */
export const migration016 = `
ALTER TABLE ledgers ADD COLUMN gst_ineligible_itc INTEGER;
ALTER TABLE ledgers ADD COLUMN gst_nature TEXT;
ALTER TABLE stock_items ADD COLUMN gst_ineligible_itc INTEGER;
ALTER TABLE stock_items ADD COLUMN gst_nature TEXT;
ALTER TABLE gst_line_details ADD COLUMN ineligible_itc INTEGER;
ALTER TABLE gst_line_details ADD COLUMN nature TEXT;
ALTER TABLE voucher_gst ADD COLUMN tax_adjustment TEXT;
ALTER TABLE voucher_gst ADD COLUMN adjustment_details TEXT;

UPDATE companies SET needs_full_sync = 1
WHERE source = 'tally' AND EXISTS (SELECT 1 FROM voucher_gst g WHERE g.company_id = companies.id);

UPDATE companies SET data_version = data_version + 1;
`;
