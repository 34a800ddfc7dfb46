import type { CompanyWriter } from './records';
import { finishWrite } from './write/commit';
import { clearForReplace, deleteMasters, deleteVouchers } from './write/deletions';
import {
  putGodowns,
  putStockGroups,
  putStockItems,
  putTallyStockValues,
  putUnits,
  loadStockMasters,
} from './write/inventory';
import {
  loadAccountingMasters,
  masterAlterIds,
  putGroups,
  putLedgers,
  putVoucherTypes,
} from './write/masters';
import { startRowIds } from './write/rows';
import { beginSession, commitSession, inSession, rollbackSession, type WriterOptions } from './write/session';
import { putVouchers, renumberVouchers, voucherAlterIds } from './write/vouchers';

/**
 * The company writer: one company write in one SQLite transaction. This file only composes the steps;
 * each lives in electron/core/db/write/ with its own statements:
 *
 *   session.ts    the transaction, the bulk-load pragmas and the write context every step takes first
 *   masters.ts    groups, ledgers, voucher types          inventory.ts  stock masters, inventory lines
 *   vouchers.ts   vouchers, their entries and bills       rows.ts       buffered multi-row inserts
 *   deletions.ts  vouchers, masters, a company's rows     renames.ts    renamed masters passed on
 *   indexes.ts    indexes a bulk load defers               checks.ts     the masters' checks at commit
 *   commit.ts     what commit does before COMMIT          errors.ts     the errors naming a bad record
 *   gst.ts        GST facts of masters and vouchers      contacts.ts   parties' contacts, company profile
 */

export type { WriterOptions } from './write/session';
export { DEFERRED_INDEXES } from './write/indexes';
export { clearCompanyData } from './write/deletions';

/**
 * Begins one company write (BEGIN IMMEDIATE .. COMMIT). Any invalid record rolls the whole transaction
 * back, so readers only ever see the previous data or the complete new data.
 */
export function beginCompanyWrite(options: WriterOptions): CompanyWriter {
  const ctx = beginSession(options);
  inSession(ctx, () => {
    if (ctx.mode === 'replace') clearForReplace(ctx);
    loadAccountingMasters(ctx);
    loadStockMasters(ctx);
    startRowIds(ctx);
  });
  return {
    mode: ctx.mode,
    putStockGroups: (groups) => inSession(ctx, () => putStockGroups(ctx, groups)),
    putUnits: (units) => inSession(ctx, () => putUnits(ctx, units)),
    putGodowns: (godowns) => inSession(ctx, () => putGodowns(ctx, godowns)),
    putStockItems: (items) => inSession(ctx, () => putStockItems(ctx, items)),
    putGroups: (groups) => inSession(ctx, () => putGroups(ctx, groups)),
    putLedgers: (ledgers) => inSession(ctx, () => putLedgers(ctx, ledgers)),
    putVoucherTypes: (types) => inSession(ctx, () => putVoucherTypes(ctx, types)),
    putVouchers: (vouchers) => inSession(ctx, () => putVouchers(ctx, vouchers)),
    deleteVouchers: (guids) => inSession(ctx, () => deleteVouchers(ctx, guids)),
    deleteMasters: (guids) => inSession(ctx, () => deleteMasters(ctx, guids)),
    putTallyStockValues: (from, values) => inSession(ctx, () => putTallyStockValues(ctx, from, values)),
    renumberVouchers: (numbers) => inSession(ctx, () => renumberVouchers(ctx, numbers)),
    voucherAlterIds: () => inSession(ctx, () => voucherAlterIds(ctx)),
    masterAlterIds: () => inSession(ctx, () => masterAlterIds(ctx)),
    commit: (company) =>
      inSession(ctx, () => {
        const result = finishWrite(ctx, company);
        commitSession(ctx);
        return result;
      }),
    rollback: () => rollbackSession(ctx),
  };
}
