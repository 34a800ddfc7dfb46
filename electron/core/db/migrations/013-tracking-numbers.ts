/**
 * Schema v13: `inventory_entries.tracking_number`, the delivery / receipt note (or rejection) an inventory
 * line is tracked against (BATCHALLOCATIONS.LIST TRACKINGNUMBER; NULL for "Not Applicable" and none). Tally
 * moves stock with the note, not again with the invoice tracked to it, so a tracked line of a voucher that
 * posts moves nothing (inventory/movements.ts MOVES_STOCK; docs/TALLY.md "Which lines move stock").
 *
 * The lines already stored were read without their tracking numbers, and nothing stored can recover them:
 * a Tally company that has delivery / receipt notes or rejections (the only ones whose invoices can be
 * tracked) is marked `needs_full_sync`, so its next sync reads every voucher again and rebuilds its
 * summaries at that replace commit. An imported company gets them at its next import. Until then every
 * line's tracking number is NULL, which moves exactly what schema 12 moved: no summary changes here, so none
 * is rebuilt. The data versions still move on, so no cached report outlives the rule change.
 */
export const migration013 = `
ALTER TABLE inventory_entries ADD COLUMN tracking_number TEXT;

UPDATE companies SET needs_full_sync = 1
WHERE source = 'tally' AND EXISTS (
  SELECT 1 FROM vouchers v WHERE v.company_id = companies.id
    AND v.base_type IN ('Delivery Note', 'Receipt Note', 'Rejections In', 'Rejections Out'));

UPDATE companies SET data_version = data_version + 1;
`;
