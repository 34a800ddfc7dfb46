import type { RegisterMonth, RegisterSummary } from '../../../../../shared/types/registers';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import { date, monthLabel } from '../../../lib/format';

/** A register's title: "Sales Register", "Purchase Register", or "Cash Sales Register" for a type of the user's. */
export const registerTitle = (voucherType: string, t: Translate): string =>
  voucherType === 'Sales'
    ? t('registers.sales')
    : voucherType === 'Purchase'
      ? t('registers.purchase')
      : t('registers.of', { type: voucherType });

/** The summary's columns, on screen, on paper and in the file alike. */
export function summaryColumns(
  t: Translate,
  language: string,
): (ExportColumn<RegisterMonth> & { id: string })[] {
  return [
    {
      id: 'month',
      header: t('registers.month'),
      kind: 'text',
      // The totals row has no month.
      value: (m) => (m.month === '' ? t('common.total') : monthLabel(m.month, language)),
    },
    {
      id: 'vouchers',
      header: t('registers.vouchers'),
      kind: 'number',
      value: (m) => m.vouchers,
      total: 'sum',
    },
    { id: 'debit', header: t('registers.debit'), kind: 'money', value: (m) => m.debit },
    { id: 'credit', header: t('registers.credit'), kind: 'money', value: (m) => m.credit },
    { id: 'closing', header: t('registers.closing'), kind: 'drcr', value: (m) => m.closing, total: 'none' },
  ];
}

/**
 * The register month by month, as Tally's Sales / Purchase Register prints it: each month's vouchers,
 * debit, credit and closing balance, the period's totals at the foot. In the file each month is one row
 * with its amounts as numbers, and a signed column (debit − credit) beside them, so that SUM over the
 * month rows of any amount column equals the total row; the closing balance, a running figure, is not
 * added up.
 */
export function registerSummarySheet(
  data: RegisterSummary,
  company: string,
  t: Translate,
  language: string,
): ExportSheet<RegisterMonth> {
  const columns: ExportColumn<RegisterMonth>[] = [
    ...summaryColumns(t, language),
    { header: t('registers.net'), kind: 'money', value: (m) => m.debit - m.credit, total: 'sum' },
  ];
  return {
    title: registerTitle(data.scope.voucherType, t),
    company,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    notes: [t('registers.typesNote', { types: data.scope.voucherTypes.join(', ') })],
    columns,
    rows: data.months,
    totals: {
      row: {
        month: '',
        from: data.from,
        to: data.to,
        vouchers: data.vouchers,
        debit: data.totalDebit,
        credit: data.totalCredit,
        closing: data.closing,
      },
    },
    // On paper as Tally: the signed column is the file's alone.
    print: { orientation: 'portrait', omit: [5] },
  };
}
