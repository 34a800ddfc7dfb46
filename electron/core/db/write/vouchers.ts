import type Database from 'better-sqlite3';
import { isValidIsoDate } from '../../../../shared/dates';
import { formatInr } from '../../../../shared/money';
import type { VoucherRecord } from '../records';
import { voucherParticulars } from '../particulars';
import { offBooksReason } from '../posting';
import { deleteStoredVoucher } from './deletions';
import { duplicateVoucher, invalid, voucherDetails, voucherLabel } from './errors';
import { putVoucherGst } from './gst';
import { deferIndexesForBulkLoad } from './indexes';
import { addInventoryLines, checkInventoryLines } from './inventory';
import { baseTypeOf } from './masters';
import { BILL_COLUMNS, ENTRY_COLUMNS, flushEntries, flushRows, ROWS_PER_INSERT } from './rows';
import type { WriteContext } from './session';

/**
 * Vouchers with their ledger entries and bill allocations (inventory lines: inventory.ts). Each voucher
 * is checked whole before any of it is written; a merge replaces a stored voucher of the same GUID.
 */

const prepare = (db: Database.Database) => ({
  insertVoucher: db.prepare(`INSERT INTO vouchers (id, company_id, guid, alter_id, master_id, date,
      voucher_type, base_type, voucher_number, party_name, narration, reference, is_cancelled, is_optional,
      off_books, is_post_dated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  renumber: db.prepare(
    'UPDATE vouchers SET voucher_number = ? WHERE company_id = ? AND guid = ? RETURNING date',
  ),
  voucherAlterIds: db.prepare('SELECT guid, alter_id FROM vouchers WHERE company_id = ?'),
});
type Statements = ReturnType<typeof prepare>;

export function putVouchers(ctx: WriteContext, vouchers: readonly VoucherRecord[]): void {
  const s = ctx.statements(prepare);
  deferIndexesForBulkLoad(ctx, vouchers.length);
  for (const v of vouchers) putVoucher(ctx, s, v);
  flushRows(ctx);
}

/** A voucher's base type, off-books reason and ledger GUIDs (one per entry) once it passed the checks. */
interface CheckedVoucher {
  baseType: string;
  offBooks: ReturnType<typeof offBooksReason>;
  ledgerGuids: string[];
}

/** Checks a voucher whole: GUID, date, type, ledgers, whole paise, bills adding up, and balance. */
function checkVoucher(ctx: WriteContext, v: VoucherRecord): CheckedVoucher {
  if (!v.guid) throw invalid(`A voucher has no GUID: ${voucherLabel(v)}`, { voucherNumber: v.voucherNumber });
  if (!isValidIsoDate(v.date))
    throw invalid(`Voucher ${voucherLabel(v)} has an invalid date`, voucherDetails(v));
  const baseType = baseTypeOf(ctx, v.voucherType);
  if (baseType === null) {
    throw invalid(
      `Voucher ${voucherLabel(v)} has an unknown voucher type "${v.voucherType}"`,
      voucherDetails(v),
    );
  }
  const offBooks = offBooksReason(v, baseType);
  const { ledgerNameByGuid, ledgerGuidByName } = ctx.masters;
  const ledgerGuids: string[] = [];
  let sum = 0;
  let debit = 0;
  for (const entry of v.entries) {
    const guid =
      entry.ledgerGuid !== null && ledgerNameByGuid.has(entry.ledgerGuid)
        ? entry.ledgerGuid
        : ledgerGuidByName.get(entry.ledgerName);
    if (guid === undefined) {
      throw invalid(`Voucher ${voucherLabel(v)} uses an unknown ledger "${entry.ledgerName}"`, {
        ...voucherDetails(v),
        ledger: entry.ledgerName,
      });
    }
    if (!Number.isSafeInteger(entry.amount)) {
      throw invalid(`Voucher ${voucherLabel(v)} has a non-integer paise amount`, voucherDetails(v));
    }
    let billSum = 0;
    for (const bill of entry.bills) billSum += bill.amount;
    if (entry.bills.length > 0 && billSum !== entry.amount) {
      throw invalid(
        `Voucher ${voucherLabel(v)}: the bill allocations of "${entry.ledgerName}" do not add up to its amount`,
        { ...voucherDetails(v), ledger: entry.ledgerName },
      );
    }
    sum += entry.amount;
    if (entry.amount > 0) debit += entry.amount;
    ledgerGuids.push(guid);
  }
  checkInventoryLines(v);
  // Only what posts (now or once its date has come) must balance; orders, memoranda and cancelled
  // vouchers are listed as Tally sent them.
  if (sum !== 0 && (offBooks === null || offBooks === 'post-dated')) {
    throw invalid(
      `Voucher ${voucherLabel(v)} does not balance: debits ${formatInr(debit)}, credits ` +
        `${formatInr(debit - sum)} (difference ${formatInr(sum)})`,
      { ...voucherDetails(v), differencePaise: sum },
    );
  }
  return { baseType, offBooks, ledgerGuids };
}

function putVoucher(ctx: WriteContext, s: Statements, v: VoucherRecord): void {
  const { baseType, offBooks, ledgerGuids } = checkVoucher(ctx, v);
  const { companyId, mode } = ctx;
  if (mode === 'merge') deleteStoredVoucher(ctx, v.guid);
  const voucherId = ctx.nextId.voucher++;
  try {
    s.insertVoucher.run(
      voucherId,
      companyId,
      v.guid,
      v.alterId,
      v.masterId,
      v.date,
      v.voucherType,
      baseType,
      v.voucherNumber,
      v.partyLedgerName,
      v.narration,
      v.reference,
      v.isCancelled ? 1 : 0,
      v.isOptional ? 1 : 0,
      offBooks,
      v.isPostDated === true ? 1 : 0,
    );
  } catch (error) {
    duplicateVoucher(error, v);
  }
  if (mode === 'merge') ctx.touchedMonths.add(v.date.slice(0, 7));
  putVoucherGst(ctx, voucherId, ctx.nextId.entry, ctx.nextId.inventory, v);
  const counted = ctx.accumulator !== null && offBooks === null ? ctx.accumulator : null;
  counted?.addVoucher(v.date, baseType);
  // Each entry's other ledgers ("particulars" of a ledger statement), stored with it (schema v7).
  const ledgerIdByGuid = ctx.masters.ledgerIdByGuid;
  const ledgerIds = ledgerGuids.map((guid) => ledgerIdByGuid.get(guid)!);
  const particulars = voucherParticulars(
    ledgerIds,
    v.entries.map((entry) => entry.amount),
  );
  const { entries: entryRows, bills: billRows } = ctx.rows;
  const nextId = ctx.nextId;
  for (let i = 0; i < v.entries.length; i++) {
    const entry = v.entries[i]!;
    const ledgerGuid = ledgerGuids[i]!;
    if (mode === 'merge') ctx.touchedLedgers.add(ledgerGuid);
    const entryId = nextId.entry++;
    const ledgerId = ledgerIds[i]!;
    const [otherLedgerId, otherLedgerCount, moreLedgerIds] = particulars[i]!;
    entryRows.push(
      entryId,
      voucherId,
      companyId,
      ledgerId,
      v.date,
      entry.amount,
      otherLedgerId,
      otherLedgerCount,
      moreLedgerIds,
    );
    if (entryRows.length === ENTRY_COLUMNS * ROWS_PER_INSERT) flushEntries(ctx);
    counted?.addEntry(ledgerGuid, v.date, baseType, entry.amount);
    for (const bill of entry.bills) {
      billRows.push(
        nextId.bill++,
        entryId,
        companyId,
        ledgerId,
        v.date,
        bill.billName,
        bill.billType,
        bill.amount,
        bill.creditPeriodDays,
        bill.dueDate,
      );
      if (billRows.length === BILL_COLUMNS * ROWS_PER_INSERT) flushRows(ctx);
    }
  }
  addInventoryLines(ctx, voucherId, v);
  if (mode === 'merge') flushRows(ctx);
}

/** Renumbers vouchers without touching anything else (Tally renumbers auto-numbered types). */
export function renumberVouchers(
  ctx: WriteContext,
  numbers: readonly { guid: string; voucherNumber: string }[],
): void {
  const s = ctx.statements(prepare);
  for (const n of numbers) {
    const row = s.renumber.get(n.voucherNumber, ctx.companyId, n.guid) as { date: string } | undefined;
    // A number is part of the month's GST documents (month_versions).
    if (row) ctx.touchedMonths.add(row.date.slice(0, 7));
  }
}

/** GUID -> AlterID of the stored vouchers. */
export function voucherAlterIds(ctx: WriteContext): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of ctx.statements(prepare).voucherAlterIds.iterate(ctx.companyId) as Iterable<{
    guid: string;
    alter_id: number;
  }>) {
    map.set(r.guid, r.alter_id);
  }
  return map;
}
