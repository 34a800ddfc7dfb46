import { AppError } from '../../../../shared/errors';
import type { CompanyRecord } from '../records';
import { settlePostDated } from '../post-dated';
import { summaryStatements } from '../summaries';
import { checkMasters } from './checks';
import { putCompanyProfile } from './contacts';
import { countReplacedVouchersGone } from './deletions';
import { buildDeferredIndexes } from './indexes';
import type { WriteContext } from './session';

/**
 * What a write does at commit, before COMMIT itself (session.ts): the checks of the masters, the
 * deferred indexes, post-dated vouchers settled, the summary tables brought up to date and the company's
 * row (versions, counts, sync status).
 */

/** Above this many touched ledgers an incremental commit rebuilds the whole company's summaries. */
const LEDGER_REBUILD_LIMIT = 200;

export function finishWrite(
  ctx: WriteContext,
  company: CompanyRecord,
): { dataVersion: number; vouchersRemoved: number } {
  const { db, companyId, mode } = ctx;
  if (company.guid !== ctx.company.guid) {
    throw new AppError(
      'INTERNAL',
      `Commit for company ${company.guid} on a write opened for ${ctx.company.guid}`,
    );
  }
  if (ctx.mastersChanged) checkMasters(ctx);
  if (ctx.indexesDropped) buildDeferredIndexes(ctx);
  if (mode === 'replace') ctx.vouchersRemoved = countReplacedVouchersGone(ctx);
  // Post-dated vouchers the date of last entry has reached post now (this write may have moved it).
  const settled = settlePostDated(db, companyId);
  for (const guid of settled.ledgers) ctx.touchedLedgers.add(guid);
  for (const month of settled.months) ctx.touchedMonths.add(month);
  refreshSummaries(ctx, settled);
  const dataVersion = writeCompanyRow(ctx, company);
  stampMonths(ctx, dataVersion);
  putCompanyProfile(ctx, company.profile);
  return { dataVersion, vouchersRemoved: ctx.vouchersRemoved };
}

/** The summary tables: accumulated (bulk load), rebuilt whole, or rebuilt for what a merge touched. */
function refreshSummaries(ctx: WriteContext, settled: { ledgers: Set<string>; months: Set<string> }): void {
  const { companyId, accumulator } = ctx;
  const summaries = ctx.statements(summaryStatements);
  if (accumulator) {
    accumulator.write(ctx.db, companyId);
    summaries.rebuildCompanyBills(companyId);
    summaries.rebuildCompanyStock(companyId);
    // The accumulator saw post-dated vouchers as waiting; those that posted at commit are added here.
    for (const guid of settled.ledgers) summaries.rebuildLedger(companyId, guid);
    for (const month of settled.months) summaries.rebuildMonth(companyId, month);
  } else if (ctx.mode === 'replace' || ctx.touchedLedgers.size > LEDGER_REBUILD_LIMIT) {
    summaries.rebuildCompany(companyId);
  } else {
    for (const guid of ctx.touchedLedgers) summaries.rebuildLedger(companyId, guid);
    for (const month of ctx.touchedMonths) summaries.rebuildMonth(companyId, month);
    // Stock totals: the months whose vouchers changed (all their items), then items relinked.
    for (const month of ctx.touchedMonths) summaries.rebuildStockMonth(companyId, month);
    for (const item of ctx.touchedItems) summaries.rebuildStockItem(companyId, item);
  }
}

/**
 * The months this write changed take its data version (schema v17): every month for a write that replaced
 * the books or loaded them in bulk, else the months whose vouchers were written, deleted or posted; and the
 * masters too when it wrote or deleted one.
 */
function stampMonths(ctx: WriteContext, dataVersion: number): void {
  const { db, companyId } = ctx;
  const replaced = ctx.accumulator !== null || ctx.mode === 'replace';
  if (ctx.mastersChanged || replaced)
    db.prepare('UPDATE companies SET masters_version = ? WHERE id = ?').run(dataVersion, companyId);
  if (replaced) {
    db.prepare('DELETE FROM month_versions WHERE company_id = ?').run(companyId);
    db.prepare('UPDATE companies SET months_version = ? WHERE id = ?').run(dataVersion, companyId);
    return;
  }
  const stamp = db.prepare(
    `INSERT INTO month_versions (company_id, month, version) VALUES (?, ?, ?)
     ON CONFLICT (company_id, month) DO UPDATE SET version = excluded.version`,
  );
  for (const month of ctx.touchedMonths) stamp.run(companyId, month, dataVersion);
}

/** Records the write on the company's row; returns its new data version. */
function writeCompanyRow(ctx: WriteContext, company: CompanyRecord): number {
  const { db, companyId } = ctx;
  const before = db.prepare('SELECT data_version FROM companies WHERE id = ?').get(companyId) as {
    data_version: number;
  };
  const dataVersion = Math.max(before.data_version + 1, company.masterAlterId, company.voucherAlterId);
  db.prepare(
    `UPDATE companies SET name = @name, source = @source, books_from = @booksFrom,
      books_from_source = @booksFromSource, year_start_month = @yearStartMonth,
      master_alter_id = @masterAlterId, voucher_alter_id = @voucherAlterId, data_version = @dataVersion,
      last_sync_at = @now, sync_status = 'ok', sync_error = NULL,
      needs_full_sync = CASE WHEN @replace = 1 THEN 0 ELSE needs_full_sync END,
      count_groups = (SELECT count(*) FROM groups WHERE company_id = @id),
      count_ledgers = (SELECT count(*) FROM ledgers WHERE company_id = @id),
      count_voucher_types = (SELECT count(*) FROM voucher_types WHERE company_id = @id),
      count_vouchers = (SELECT count(*) FROM vouchers WHERE company_id = @id),
      count_entries = (SELECT count(*) FROM entries WHERE company_id = @id),
      count_bills = (SELECT count(*) FROM bill_allocations WHERE company_id = @id),
      first_voucher_date = (SELECT min(date) FROM vouchers WHERE company_id = @id),
      last_voucher_date = (SELECT max(date) FROM vouchers WHERE company_id = @id)
      WHERE id = @id`,
  ).run({
    id: companyId,
    name: company.name,
    source: company.source,
    booksFrom: company.booksFrom,
    booksFromSource:
      company.booksFrom === null
        ? null
        : (company.booksFromSource ?? (company.source === 'import' ? 'file' : 'tally')),
    yearStartMonth: company.yearStartMonth ?? 4,
    masterAlterId: company.masterAlterId,
    voucherAlterId: company.voucherAlterId,
    dataVersion,
    now: ctx.now().toISOString(),
    replace: ctx.mode === 'replace' ? 1 : 0,
  });
  return dataVersion;
}
