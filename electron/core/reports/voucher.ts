import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type {
  OffBooksReason,
  VoucherBillLine,
  VoucherInventoryLine,
  VoucherLedgerLine,
  VoucherView,
} from '../../../shared/types/reports';
import type { Masters } from './masters';

interface VoucherRow {
  id: number;
  guid: string;
  date: string;
  voucherType: string;
  baseType: string;
  voucherNumber: string;
  party: string | null;
  reference: string | null;
  narration: string;
  isCancelled: number;
  isOptional: number;
  isPostDated: number;
  offBooks: OffBooksReason | null;
}

// One voucher by the unique (company, GUID) index, its entries by the voucher index, their bills by the
// entry index: three index lookups whatever the size of the company.
const VOUCHER_SQL = `SELECT id, guid, date, voucher_type AS voucherType, base_type AS baseType,
    voucher_number AS voucherNumber, party_name AS party, reference, narration, is_cancelled AS isCancelled,
    is_optional AS isOptional, is_post_dated AS isPostDated, off_books AS offBooks
  FROM vouchers WHERE company_id = ? AND guid = ?`;
const ENTRIES_SQL = `SELECT e.id, l.guid AS ledgerGuid, e.amount FROM entries e JOIN ledgers l ON l.id = e.ledger_id
  WHERE e.voucher_id = ? ORDER BY e.id`;
// The due date as the bill summary derives it (db/summaries.ts): as entered, else date + credit period.
const BILLS_SQL = `SELECT b.entry_id AS entryId, b.bill_name AS billName, b.bill_type AS billType, b.amount,
    b.credit_period_days AS creditPeriodDays,
    coalesce(b.due_date, CASE WHEN b.credit_period_days IS NOT NULL
      THEN date(b.date, '+' || b.credit_period_days || ' days') END) AS dueDate
  FROM bill_allocations b WHERE b.entry_id IN (SELECT value FROM json_each(?)) ORDER BY b.id`;

// Inventory lines by the voucher index; the item's current name (the line keeps the name only while the
// item is unknown) and the unit's decimal places.
const INVENTORY_SQL = `SELECT i.guid AS itemGuid, coalesce(i.name, e.item_name) AS itemName,
    e.actual_quantity AS actualQuantity, e.billed_quantity AS billedQuantity, e.unit,
    coalesce(u.decimal_places, 0) AS decimals, e.rate, e.rate_unit AS rateUnit, e.amount, e.godown
  FROM inventory_entries e
  LEFT JOIN stock_items i ON i.id = e.item_id
  LEFT JOIN units u ON u.company_id = e.company_id AND u.name = e.unit
  WHERE e.voucher_id = ? ORDER BY e.id`;

/**
 * One voucher as Tally shows it: its type, number, date, party, reference and narration, every ledger
 * line (debit positive) with its bill allocations, its inventory lines (item, actual / billed quantity,
 * rate, amount, godown), and whether it posts to the books (and why not).
 * Vouchers Tally does not post (cancelled, optional, orders, memoranda, post-dated ...) are shown too:
 * the day book lists them. NOT_FOUND for a voucher the company does not have.
 */
export function voucherView(db: Database.Database, masters: Masters, voucherGuid: string): VoucherView {
  const v = db.prepare(VOUCHER_SQL).get(masters.company.id, voucherGuid) as VoucherRow | undefined;
  if (!v) {
    throw new AppError(
      'NOT_FOUND',
      `No voucher with GUID "${voucherGuid}" in company "${masters.company.name}"`,
      { voucherGuid, companyGuid: masters.company.guid },
      { reason: 'unknownVoucher', params: { guid: voucherGuid, company: masters.company.name } },
    );
  }
  const entries = db.prepare(ENTRIES_SQL).all(v.id) as { id: number; ledgerGuid: string; amount: number }[];
  const bills = db.prepare(BILLS_SQL).all(JSON.stringify(entries.map((e) => e.id))) as (VoucherBillLine & {
    entryId: number;
  })[];
  const billsOf = new Map<number, VoucherBillLine[]>();
  for (const { entryId, ...bill } of bills) {
    const list = billsOf.get(entryId);
    if (list) list.push(bill);
    else billsOf.set(entryId, [bill]);
  }
  const lines: VoucherLedgerLine[] = entries.map((e) => ({
    ledgerGuid: e.ledgerGuid,
    ledgerName: masters.ledgers.get(e.ledgerGuid)?.name ?? e.ledgerGuid,
    amount: e.amount,
    bills: billsOf.get(e.id) ?? [],
  }));
  return {
    companyGuid: masters.company.guid,
    guid: v.guid,
    date: v.date,
    voucherType: v.voucherType,
    baseType: v.baseType,
    voucherNumber: v.voucherNumber,
    party: v.party,
    reference: v.reference,
    narration: v.narration,
    isCancelled: v.isCancelled === 1,
    isOptional: v.isOptional === 1,
    isPostDated: v.isPostDated === 1,
    offBooks: v.offBooks,
    postsToBooks: v.offBooks === null,
    lines,
    totalDebit: lines.reduce((s, l) => s + (l.amount > 0 ? l.amount : 0), 0),
    totalCredit: lines.reduce((s, l) => s + (l.amount < 0 ? -l.amount : 0), 0),
    inventory: db.prepare(INVENTORY_SQL).all(v.id) as VoucherInventoryLine[],
  };
}
