import type { IsoDate } from '../dates';
import type { Paise } from '../money';
import type { DayBookEntry, OffBooksReason } from './reports';

/**
 * Tally's voucher registers (Sales Register, Purchase Register, any voucher type's register): the
 * period month by month, a month's vouchers, then the voucher. Amounts are integer paise; a voucher's
 * value sits on the side opposite its party (a sales invoice's value, tax included, is a credit; a
 * purchase's a debit), so debit − credit summed over the rows is the register's movement, debit positive.
 * Rules and sources: docs/TALLY.md, "Sales and purchase registers".
 */

/** Which vouchers a register holds: a voucher type and every type derived from it. */
export interface RegisterScope {
  /** The voucher type asked for ("Sales", "Purchase", or the user's own type such as "Cash Sales"). */
  voucherType: string;
  /** The predefined type it derives from ("Sales"); the same as voucherType for a predefined type. */
  baseType: string;
  /** The voucher types the register holds, by name: the type and those derived from it. */
  voucherTypes: string[];
}

export interface RegisterMonth {
  /** "2025-04" */
  month: string;
  /** First and last day of the month inside the period (the period may start or end mid-month). */
  from: IsoDate;
  to: IsoDate;
  /** Vouchers that count (post to the books). */
  vouchers: number;
  debit: Paise;
  credit: Paise;
  /** Running balance from the period's start to the month's end: debit positive (a sales register is Cr). */
  closing: Paise;
}

/** The register's monthly summary (Tally's Sales Register / Purchase Register first screen). */
export interface RegisterSummary {
  companyGuid: string;
  scope: RegisterScope;
  from: IsoDate;
  to: IsoDate;
  /** Every month of the period, those without vouchers too (Tally lists them). */
  months: RegisterMonth[];
  vouchers: number;
  totalDebit: Paise;
  totalCredit: Paise;
  /** totalDebit − totalCredit. */
  closing: Paise;
}

export interface RegisterVoucher {
  guid: string;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
  /** Tally's Particulars: the party; for a voucher without one, its largest ledger line's ledger. */
  particulars: string;
  narration: string;
  /** The voucher's value on its side; both 0 for a voucher that does not count (offBooks set). */
  debit: Paise;
  credit: Paise;
  /** Null when the voucher counts; 'cancelled' or 'post-dated' (pending) when listed without amount. */
  offBooks: OffBooksReason | null;
  /** The voucher's ledger lines (Tally's detailed view, Alt+F1), debit positive. */
  entries: DayBookEntry[];
}

/** One page of a register's vouchers in a date range (a month of the summary, or any part of it). */
export interface RegisterVouchers {
  companyGuid: string;
  scope: RegisterScope;
  from: IsoDate;
  to: IsoDate;
  page: number;
  pageSize: number;
  /** Vouchers listed in the range: those that count, cancelled ones and post-dated ones still pending. */
  listedVouchers: number;
  /** Of listedVouchers, those that count. */
  countedVouchers: number;
  /** Totals of the whole range (every page): equal to the summary's month when the range is a month. */
  totalDebit: Paise;
  totalCredit: Paise;
  vouchers: RegisterVoucher[];
}
