import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { LedgerRef, LedgerStatement, LedgerStatementLine } from '../../../shared/types/reports';
import { PARTICULAR_LEDGERS } from '../db/particulars';
import { POSTS } from '../db/posting';
import { openingsAt } from './balances';
import type { LedgerInfo, Masters } from './masters';
import { viewRows, type SortDir } from './table-view';

export type LedgerSort = 'date' | 'particulars' | 'voucherType' | 'voucherNumber' | 'debit' | 'credit';

export interface LedgerStatementParams {
  ledgerGuid: string;
  from: IsoDate;
  to: IsoDate;
  sort?: LedgerSort;
  dir?: SortDir;
  search?: string;
  page?: number;
  /** Absent: every matching line. */
  pageSize?: number | undefined;
}

/** Sort keys of the lines; date order is the statement's own (date, voucher, entry), kept as built. */
const LINE_KEYS: Record<Exclude<LedgerSort, 'date'>, (line: LedgerStatementLine) => string | number> = {
  particulars: (l) => l.particulars,
  voucherType: (l) => l.voucherType,
  voucherNumber: (l) => l.voucherNumber,
  debit: (l) => l.debit,
  credit: (l) => l.credit,
};

export function ledgerRef(ledger: LedgerInfo): LedgerRef {
  return {
    guid: ledger.guid,
    name: ledger.name,
    group: ledger.group.name,
    primaryGroup: ledger.group.primaryGroup,
    isBillWise: ledger.isBillWise,
  };
}

/** A ledger's lines: the ledger index in statement order (no sort), plus each line's voucher row. */
export const LINES_SQL = `SELECT e.date, e.amount, e.other_ledger_id, e.other_ledger_count, e.more_ledger_ids,
    v.guid, v.voucher_type, v.voucher_number, v.narration
  FROM entries e JOIN vouchers v ON v.id = e.voucher_id
  WHERE e.ledger_id = ? AND e.date >= ? AND e.date <= ? AND ${POSTS}
  ORDER BY e.date, e.voucher_id, e.id`;

type LineRow = [
  date: string,
  amount: number,
  otherLedgerId: number | null,
  otherLedgerCount: number,
  moreLedgerIds: string | null,
  voucherGuid: string,
  voucherType: string,
  voucherNumber: string,
  narration: string,
];

/**
 * A ledger's statement: opening, one line per entry with the other ledger(s) of the voucher and a
 * running balance, totals, closing. One range scan of the covering ledger index, which carries each
 * entry's other ledgers (schema v7), plus one voucher row per line. Every line is built in date order
 * whatever is asked (the running balance and the totals need them all); the search, another sort and
 * the page then apply to the built lines.
 */
export function ledgerStatement(
  db: Database.Database,
  masters: Masters,
  params: LedgerStatementParams,
): LedgerStatement {
  const ledger = masters.ledger(params.ledgerGuid);
  const opening = openingsAt(db, masters, params.from, [ledger]).byLedger.get(ledger.guid) ?? 0;
  // A party's lines repeat a handful of combinations ("Sales, Output CGST, Output SGST"): build each once.
  const texts = new Map<string, string>();
  const particularsOf = (first: number, count: number, more: string | null): string => {
    const key = `${first}|${count}|${more ?? ''}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = masters.ledgerLabel(first);
      if (more !== null) for (const id of more.split(',')) text += `, ${masters.ledgerLabel(Number(id))}`;
      // Up to PARTICULAR_LEDGERS names are stored (Tally itself prints just the first); the rest count.
      if (count > PARTICULAR_LEDGERS) text += ` +${count - PARTICULAR_LEDGERS} more`;
      texts.set(key, text);
    }
    return text;
  };
  const lines: LedgerStatementLine[] = [];
  let balance = opening;
  let totalDebit = 0;
  let totalCredit = 0;
  // Iterated rather than read into an array first: the rows never pile up next to the lines built from
  // them, which spares the garbage collector copying thousands of live rows.
  const rows = db
    .prepare(LINES_SQL)
    .raw()
    .iterate(ledger.id, params.from, params.to) as IterableIterator<LineRow>;
  for (const row of rows) {
    const amount = row[1];
    const otherLedgerId = row[2];
    const particulars = otherLedgerId === null ? '' : particularsOf(otherLedgerId, row[3], row[4]);
    const debit = amount > 0 ? amount : 0;
    const credit = amount < 0 ? -amount : 0;
    balance += amount;
    totalDebit += debit;
    totalCredit += credit;
    lines.push({
      date: row[0],
      voucherGuid: row[5],
      voucherType: row[6],
      voucherNumber: row[7],
      particulars,
      narration: row[8],
      debit,
      credit,
      balance,
    });
  }
  const sort = params.sort ?? 'date';
  const page = params.page ?? 1;
  const view = viewRows(lines, {
    key: sort === 'date' ? null : LINE_KEYS[sort],
    dir: params.dir ?? 'asc',
    search: params.search ?? '',
    searchable: (l) => [l.particulars, l.narration, l.voucherType, l.voucherNumber],
    page,
    pageSize: params.pageSize,
  });
  return {
    companyGuid: masters.company.guid,
    ledger: ledgerRef(ledger),
    from: params.from,
    to: params.to,
    opening,
    lines: view.rows,
    matchingLines: view.matching,
    page,
    pageSize: params.pageSize ?? null,
    totalDebit,
    totalCredit,
    closing: opening + totalDebit - totalCredit,
  };
}
