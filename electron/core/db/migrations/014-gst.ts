/**
 * Schema v14: the GST facts the returns need (issue 26; electron/core/gst/, docs/TALLY.md "GST returns").
 *
 * - `ledgers`: a party's registration type, a tax ledger's duty head (igst / cgst / sgst / cess), a sales or
 *   purchase ledger's taxability, rate (hundredths of a percent), HSN and reverse-charge flag. GSTIN and
 *   state were stored from the start (schema v1).
 * - `stock_items`: HSN, taxability and rate.
 * - `voucher_gst`: one row per voucher that carries a GST header (company and party GSTIN, registration
 *   type, place of supply, reverse charge, the supplier's invoice date); none for a voucher without one,
 *   so a company without GST stores nothing more.
 * - `gst_line_details`: a voucher line's own taxability / rate / HSN where the voucher overrides its
 *   ledger's or item's, keyed by the entry's or inventory line's id.
 *
 * Nothing stored can recover these facts: a Tally company with a party that has a GSTIN is marked
 * `needs_full_sync`, so its next sync reads everything again; an imported company gets them at its next
 * import. No summary depends on them. The data versions move on, so no cached answer outlives the change.
 */
export const migration014 = `
ALTER TABLE ledgers ADD COLUMN gst_registration TEXT;
ALTER TABLE ledgers ADD COLUMN gst_duty_head TEXT;
ALTER TABLE ledgers ADD COLUMN gst_taxability TEXT;
ALTER TABLE ledgers ADD COLUMN gst_rate INTEGER;
ALTER TABLE ledgers ADD COLUMN hsn TEXT;
ALTER TABLE ledgers ADD COLUMN gst_reverse_charge INTEGER NOT NULL DEFAULT 0;

ALTER TABLE stock_items ADD COLUMN hsn TEXT;
ALTER TABLE stock_items ADD COLUMN gst_taxability TEXT;
ALTER TABLE stock_items ADD COLUMN gst_rate INTEGER;

CREATE TABLE voucher_gst (
  voucher_id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL,
  company_gstin TEXT,
  party_gstin TEXT,
  registration TEXT,
  place_of_supply TEXT,
  party_state TEXT,
  reverse_charge INTEGER NOT NULL DEFAULT 0,
  reference_date TEXT
);
CREATE INDEX voucher_gst_company ON voucher_gst (company_id);

CREATE TABLE gst_line_details (
  company_id INTEGER NOT NULL,
  voucher_id INTEGER NOT NULL,
  entry_id INTEGER,
  inventory_id INTEGER,
  hsn TEXT,
  taxability TEXT,
  rate INTEGER
);
CREATE INDEX gst_line_details_voucher ON gst_line_details (voucher_id);
CREATE INDEX gst_line_details_company ON gst_line_details (company_id);

UPDATE companies SET needs_full_sync = 1
WHERE source = 'tally' AND EXISTS (
  SELECT 1 FROM ledgers l WHERE l.company_id = companies.id AND l.gstin IS NOT NULL AND l.gstin <> '');

UPDATE companies SET data_version = data_version + 1;
`;
