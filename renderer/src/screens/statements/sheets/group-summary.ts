import type { GroupSummary, GroupSummaryRow } from '../../../../../shared/types/reports';
import type { ExportSheet } from '../../../lib/export';
import { balanceColumns, type Translate } from '../../../lib/export-columns';

/**
 * A group summary for Excel and paper: one row per sub-group or ledger of the group (they do not nest,
 * so every amount column adds up to the totals row), the group and its type in their own columns, each
 * balance as Dr and Cr columns and once more signed (debit positive). Paper leaves the signed copies off.
 */
export function groupSummarySheet(
  data: GroupSummary,
  company: string,
  period: string,
  t: Translate,
  rowName: (row: GroupSummaryRow) => string,
): ExportSheet<GroupSummaryRow> {
  const typeOf = (r: GroupSummaryRow): string =>
    r.kind === 'group'
      ? t('statements.typeGroup')
      : r.kind === 'ledger'
        ? t('statements.typeLedger')
        : t('statements.typeStock');
  const columns = [
    { header: t('trialBalance.particulars'), kind: 'text' as const, value: rowName },
    { header: t('statements.group'), kind: 'text' as const, value: () => data.group.name },
    { header: t('statements.type'), kind: 'text' as const, value: typeOf },
    ...balanceColumns<GroupSummaryRow>(t, (r) => r),
  ];
  return {
    title: t('groupSummary.titleOf', { group: data.group.name }),
    company,
    period,
    notes: [`${t('statements.primaryGroup')}: ${data.group.primaryGroup}`],
    columns,
    rows: data.rows,
    totals: { label: t('common.total') },
    // On paper: particulars, the Dr/Cr columns of the balances and the period's debit and credit.
    print: { strong: (r) => r.kind === 'group', omit: [1, 2, 9, 10], orientation: 'landscape' },
  };
}
