import type { RegisterVoucher, RegisterVouchers } from '../../../../../shared/types/registers';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { date, money, side } from '../../../lib/format';
import { registerTitle } from './register-summary';

/** Why a listed voucher has no amount ("Cancelled", "Post-dated"), or nothing when it counts. */
export const statusOf = (v: RegisterVoucher, t: Translate): string =>
  v.offBooks === null ? '' : t(`dayBook.offBooks.${v.offBooks}`);

/** A voucher's ledger lines in one line of text: "Customer A 11,800.00 Dr; Sales 10,000.00 Cr". */
export const linesOf = (v: RegisterVoucher): string =>
  v.entries.map((e) => `${e.ledgerName} ${money(Math.abs(e.amount))} ${side(e.amount)}`).join('; ');

/** The voucher list's columns (date 0, particulars 1, type 2, number 3, debit 4, credit 5). */
export function voucherColumns(t: Translate): (ExportColumn<RegisterVoucher> & { id: string })[] {
  return [
    { id: 'date', header: t('common.date'), kind: 'date', value: (v) => v.date },
    { id: 'particulars', header: t('registers.particulars'), kind: 'text', value: (v) => v.particulars },
    { id: 'type', header: t('registers.vchType'), kind: 'text', value: (v) => v.voucherType },
    { id: 'number', header: t('registers.vchNo'), kind: 'text', value: (v) => v.voucherNumber },
    { id: 'debit', header: t('registers.debit'), kind: 'money', value: (v) => v.debit },
    { id: 'credit', header: t('registers.credit'), kind: 'money', value: (v) => v.credit },
  ];
}

/**
 * A register's vouchers of a month (or any range), as Tally's Voucher Register prints them: date,
 * particulars, voucher type, number, debit and credit, the range's totals at the foot; cancelled and
 * pending post-dated vouchers listed with their status and no amount. Detailed (Alt+F1) prints each
 * voucher's ledger lines under it. In the file: one row per voucher, its amounts as numbers and a signed
 * column (debit − credit), its status, narration and ledger lines in their own columns; SUM over the
 * voucher rows of every amount column equals the total row.
 */
export function registerVouchersSheet(
  data: Pick<RegisterVouchers, 'scope' | 'from' | 'to' | 'totalDebit' | 'totalCredit'>,
  vouchers: RegisterVoucher[],
  company: string,
  t: Translate,
  detailed: boolean,
): ExportSheet<RegisterVoucher> {
  const columns: ExportColumn<RegisterVoucher>[] = [
    ...voucherColumns(t),
    { header: t('registers.net'), kind: 'money', value: (v) => v.debit - v.credit, total: 'sum' },
    { header: t('registers.status'), kind: 'text', value: (v) => statusOf(v, t) },
    { header: t('registers.narration'), kind: 'text', value: (v) => v.narration },
    { header: t('registers.lines'), kind: 'text', value: linesOf },
  ];
  const withStatus = vouchers.some((v) => v.offBooks !== null);
  return {
    title: `${registerTitle(data.scope.voucherType, t)} - ${t('registers.voucherRegister')}`,
    company,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    notes: [t('registers.typesNote', { types: data.scope.voucherTypes.join(', ') })],
    columns,
    rows: vouchers,
    totals: {
      row: {
        guid: '',
        date: '',
        voucherType: '',
        voucherNumber: '',
        particulars: t('common.total'),
        narration: '',
        debit: data.totalDebit,
        credit: data.totalCredit,
        offBooks: null,
        entries: [],
      },
    },
    // On paper: date, particulars, type, number, debit, credit; the status only when a voucher has one;
    // the ledger lines (detailed) or the narration under the particulars.
    print: {
      orientation: 'portrait',
      omit: [6, ...(withStatus ? [] : [7]), 8, 9],
      detail: { column: 1, text: (v) => (detailed ? linesOf(v) : v.narration) },
    },
  };
}
