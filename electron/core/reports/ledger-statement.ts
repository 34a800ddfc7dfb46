import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { LedgerRef, LedgerStatement, LedgerStatementLine } from '../../../shared/types/reports';
import { openingsAt } from './balances';
import type { LedgerInfo, Masters } from './masters';

export function ledgerRef(ledger: LedgerInfo): LedgerRef {
  return {
    guid: ledger.guid,
    name: ledger.name,
    group: ledger.group.name,
    primaryGroup: ledger.group.primaryGroup,
    isBillWise: ledger.isBillWise,
  };
}

/** At most this many names in "particulars"; Tally itself prints just the first opposite ledger. */
const PARTICULAR_NAMES = 3;

type LineRow = [
  entryId: number,
  date: string,
  amount: number,
  voucherGuid: string,
  voucherType: string,
  voucherNumber: string,
  narration: string,
  otherLedger: string | null,
  otherAmount: number | null,
];

/**
 * A ledger's statement: opening, one line per entry with the other ledger(s) of the voucher and a
 * running balance, totals, closing. One index range scan over the ledger's entries for the period.
 */
export function ledgerStatement(
  db: Database.Database,
  masters: Masters,
  params: { ledgerGuid: string; from: IsoDate; to: IsoDate },
): LedgerStatement {
  const ledger = masters.ledger(params.ledgerGuid);
  const opening = openingsAt(db, masters, params.from, [ledger]).byLedger.get(ledger.guid) ?? 0;
  const rows = db
    .prepare(
      `SELECT e.id, e.date, e.amount, v.guid, v.voucher_type, v.voucher_number, v.narration,
              ol.guid, o.amount
       FROM entries e
       JOIN vouchers v ON v.id = e.voucher_id
       LEFT JOIN entries o ON o.voucher_id = e.voucher_id AND o.id <> e.id
       LEFT JOIN ledgers ol ON ol.id = o.ledger_id
       WHERE e.ledger_id = (SELECT id FROM ledgers WHERE company_id = ? AND guid = ?)
         AND e.date >= ? AND e.date <= ?
         AND v.is_cancelled = 0 AND v.is_optional = 0
       ORDER BY e.date, e.voucher_id, e.id`,
    )
    .raw()
    .all(masters.company.id, ledger.guid, params.from, params.to) as LineRow[];

  const lines: LedgerStatementLine[] = [];
  let balance = opening;
  let totalDebit = 0;
  let totalCredit = 0;
  let i = 0;
  while (i < rows.length) {
    const first = rows[i]!;
    const [entryId, date, amount, voucherGuid, voucherType, voucherNumber, narration] = first;
    // The other side of the voucher, biggest first; same-side lines only when there is no other side.
    const opposite: [string, number][] = [];
    const sameSide: [string, number][] = [];
    for (; i < rows.length && rows[i]![0] === entryId; i++) {
      const [, , , , , , , other, otherAmount] = rows[i]!;
      if (other === null || otherAmount === null || other === ledger.guid) continue;
      (Math.sign(otherAmount) === Math.sign(amount) ? sameSide : opposite).push([other, otherAmount]);
    }
    const chosen = (opposite.length > 0 ? opposite : sameSide).sort(
      (a, b) => Math.abs(b[1]) - Math.abs(a[1]),
    );
    const names: string[] = [];
    for (const [guid] of chosen) {
      const name = masters.ledgers.get(guid)?.name ?? guid;
      if (!names.includes(name)) names.push(name);
    }
    const shown = names.slice(0, PARTICULAR_NAMES).join(', ');
    const particulars =
      names.length > PARTICULAR_NAMES ? `${shown} +${names.length - PARTICULAR_NAMES} more` : shown;
    const debit = amount > 0 ? amount : 0;
    const credit = amount < 0 ? -amount : 0;
    balance += amount;
    totalDebit += debit;
    totalCredit += credit;
    lines.push({
      date,
      voucherGuid,
      voucherType,
      voucherNumber,
      particulars,
      narration,
      debit,
      credit,
      balance,
    });
  }
  return {
    companyGuid: masters.company.guid,
    ledger: ledgerRef(ledger),
    from: params.from,
    to: params.to,
    opening,
    lines,
    totalDebit,
    totalCredit,
    closing: opening + totalDebit - totalCredit,
  };
}
