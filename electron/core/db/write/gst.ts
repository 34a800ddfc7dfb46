import type Database from 'better-sqlite3';
import type { GstRateRecord, LedgerRecord, StockItemRecord, VoucherRecord } from '../records';
import type { WriteContext } from './session';

/**
 * The GST facts of masters and vouchers (schema v14, v16). Only what carries GST is written: a ledger, item or
 * voucher without GST costs one property check, so a company without GST stores at the same rate. In a
 * merge a master's GST columns are rewritten (cleared when the master lost its GST details).
 */

const prepare = (db: Database.Database) => ({
  ledgerGst: db.prepare(`UPDATE ledgers SET gst_registration = ?, gst_duty_head = ?, gst_taxability = ?,
      gst_rate = ?, hsn = ?, gst_reverse_charge = ?, gst_ineligible_itc = ?, gst_nature = ? WHERE id = ?`),
  itemGst:
    db.prepare(`UPDATE stock_items SET hsn = ?, gst_taxability = ?, gst_rate = ?, gst_ineligible_itc = ?,
      gst_nature = ? WHERE id = ?`),
  insertVoucherGst: db.prepare(`INSERT INTO voucher_gst (voucher_id, company_id, company_gstin, party_gstin,
      registration, place_of_supply, party_state, reverse_charge, reference_date, tax_adjustment,
      adjustment_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  insertLine: db.prepare(`INSERT INTO gst_line_details (company_id, voucher_id, entry_id, inventory_id, hsn,
      taxability, rate, ineligible_itc, nature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  deleteVoucherGst: db.prepare('DELETE FROM voucher_gst WHERE voucher_id = ?'),
  deleteLines: db.prepare('DELETE FROM gst_line_details WHERE voucher_id = ?'),
});

/** GSTINELIGIBLEITC as stored: 1 blocked, 0 stated eligible, null not stated. */
const ineligible = (g: GstRateRecord | undefined): number | null =>
  g?.ineligibleItc === undefined ? null : g.ineligibleItc ? 1 : 0;

/** A ledger's GST columns, after its row was upserted (ledgerId: its key). */
export function putLedgerGst(ctx: WriteContext, ledgerId: number, l: LedgerRecord): void {
  const g = l.gst;
  if (g === undefined && ctx.mode === 'replace') return;
  ctx
    .statements(prepare)
    .ledgerGst.run(
      g?.registration ?? null,
      g?.dutyHead ?? null,
      g?.taxability ?? null,
      g?.rate ?? null,
      g?.hsn ?? null,
      g?.reverseCharge === true ? 1 : 0,
      ineligible(g),
      g?.nature ?? null,
      ledgerId,
    );
}

/** A stock item's GST columns, after its row was upserted (itemId: its key). */
export function putStockItemGst(ctx: WriteContext, itemId: number, item: StockItemRecord): void {
  const g = item.gst;
  if (g === undefined && ctx.mode === 'replace') return;
  ctx
    .statements(prepare)
    .itemGst.run(
      g?.hsn ?? null,
      g?.taxability ?? null,
      g?.rate ?? null,
      ineligible(g),
      g?.nature ?? null,
      itemId,
    );
}

/**
 * A voucher's GST header and its lines' own GST details. Called before its lines are buffered: entry i
 * gets id firstEntryId + i and inventory line j id firstInventoryId + j (ids are assigned in order, rows.ts).
 */
export function putVoucherGst(
  ctx: WriteContext,
  voucherId: number,
  firstEntryId: number,
  firstInventoryId: number,
  v: VoucherRecord,
): void {
  const g = v.gst;
  const s =
    g !== undefined || v.entries.some((e) => e.gst) || v.inventory?.some((i) => i.gst)
      ? ctx.statements(prepare)
      : null;
  if (s === null) return;
  if (g !== undefined) {
    s.insertVoucherGst.run(
      voucherId,
      ctx.companyId,
      g.companyGstin,
      g.partyGstin,
      g.registration,
      g.placeOfSupply,
      g.partyState,
      g.reverseCharge ? 1 : 0,
      g.referenceDate,
      g.adjustment?.nature ?? null,
      g.adjustment?.details ?? null,
    );
  }
  v.entries.forEach((e, i) => {
    if (e.gst) {
      s.insertLine.run(
        ctx.companyId,
        voucherId,
        firstEntryId + i,
        null,
        e.gst.hsn,
        e.gst.taxability,
        e.gst.rate,
        ineligible(e.gst),
        e.gst.nature ?? null,
      );
    }
  });
  (v.inventory ?? []).forEach((line, j) => {
    if (line.gst) {
      s.insertLine.run(
        ctx.companyId,
        voucherId,
        null,
        firstInventoryId + j,
        line.gst.hsn,
        line.gst.taxability,
        line.gst.rate,
        ineligible(line.gst),
        line.gst.nature ?? null,
      );
    }
  });
}

/** Removes a stored voucher's GST rows (deletions.ts, before the voucher itself). */
export function deleteVoucherGst(ctx: WriteContext, voucherId: number): void {
  const s = ctx.statements(prepare);
  s.deleteVoucherGst.run(voucherId);
  s.deleteLines.run(voucherId);
}
