import type { Paise } from '../../../../../shared/money';
import type { ProfitLoss, ProfitLossLine } from '../../../../../shared/types/reports';
import type { ExportColumn, ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';
import {
  detailLine,
  heading,
  outerTotal,
  pairUp,
  totalRow,
  twoSidedSheet,
  type SideBlock,
  type TwoSidedRow,
} from './two-sided';

/** A row of the P&L's flat table: one ledger (or stock, or the result) with its account and side. */
export interface ProfitLossFlatRow {
  account: string;
  side: 'Dr' | 'Cr';
  group: string;
  ledger: string;
  /** In its natural direction (an expense on the debit side, an income on the credit side). */
  amount: Paise;
}

/** The P&L flat table's first columns: the account, side, group and ledger of each row. */
export function accountColumns<R extends { account: string; side: string; group: string; ledger: string }>(
  t: Translate,
): ExportColumn<R>[] {
  return [
    { header: t('statements.account'), kind: 'text', value: (r) => r.account },
    { header: t('statements.side'), kind: 'text', value: (r) => r.side },
    { header: t('statements.group'), kind: 'text', value: (r) => r.group },
    { header: t('statements.ledger'), kind: 'text', value: (r) => r.ledger },
  ];
}

const stockLabel = (label: string, computed: boolean, t: Translate): string =>
  computed ? `${label} (${t('profitLoss.stockComputed')})` : label;

/** Groups as headings with their totals, and (detailed) their ledgers beneath. */
function groupsBlock(lines: ProfitLossLine[], detailed: boolean): SideBlock {
  return lines.flatMap((line) => [
    heading(line.groupName, line.amount),
    ...(detailed ? line.ledgers.map((l) => detailLine(l.name, l.amount)) : []),
  ]);
}

/**
 * The Profit & Loss A/c in Tally's horizontal form: the trading account (opening stock, purchases and
 * direct expenses, Gross Profit c/o | sales and direct incomes, closing stock, or Gross Loss c/o) with its
 * equal side totals, then the profit and loss account (Gross Loss b/f, indirect expenses, Net Profit |
 * Gross Profit b/f, indirect incomes, Net Loss) with its equal side totals at the foot.
 */
export function profitLossRows(data: ProfitLoss, t: Translate, detailed = true): TwoSidedRow[] {
  const computed = data.stockComputed === true;
  const gross = data.grossProfit;
  const net = data.netProfit;
  const tradingLeft: SideBlock = [
    ...(data.openingStock !== 0
      ? [heading(stockLabel(t('profitLoss.openingStock'), computed, t), data.openingStock)]
      : []),
    ...groupsBlock(data.directExpenses, detailed),
    ...(gross >= 0 ? [heading(t('statements.grossProfitCo'), gross)] : []),
  ];
  const tradingRight: SideBlock = [
    ...groupsBlock(data.directIncomes, detailed),
    ...(data.closingStock !== 0
      ? [heading(stockLabel(t('profitLoss.closingStock'), computed, t), data.closingStock)]
      : []),
    ...(gross < 0 ? [heading(t('statements.grossLossCo'), -gross)] : []),
  ];
  const plLeft: SideBlock = [
    ...(gross < 0 ? [heading(t('statements.grossLossBf'), -gross)] : []),
    ...groupsBlock(data.indirectExpenses, detailed),
    ...(net >= 0 ? [heading(t('profitLoss.netProfit'), net)] : []),
  ];
  const plRight: SideBlock = [
    ...(gross >= 0 ? [heading(t('statements.grossProfitBf'), gross)] : []),
    ...groupsBlock(data.indirectIncomes, detailed),
    ...(net < 0 ? [heading(t('profitLoss.netLoss'), -net)] : []),
  ];
  const total = t('common.total');
  return [
    ...pairUp(tradingLeft, tradingRight),
    totalRow(total, outerTotal(tradingLeft), outerTotal(tradingRight)),
    ...pairUp(plLeft, plRight),
    totalRow(total, outerTotal(plLeft), outerTotal(plRight)),
  ];
}

/** The flat table: every ledger (and the stock) with its account, side and group, debit and credit apart. */
export function profitLossFlat(data: ProfitLoss, t: Translate): ProfitLossFlatRow[] {
  const trading = t('statements.tradingAccount');
  const pl = t('statements.profitAndLossAccount');
  const rows: ProfitLossFlatRow[] = [];
  const add = (account: string, side: 'Dr' | 'Cr', lines: ProfitLossLine[]) => {
    for (const line of lines) {
      for (const l of line.ledgers)
        rows.push({ account, side, group: line.groupName, ledger: l.name, amount: l.amount });
    }
  };
  if (data.openingStock !== 0) {
    const label = t('profitLoss.openingStock');
    rows.push({ account: trading, side: 'Dr', group: label, ledger: label, amount: data.openingStock });
  }
  add(trading, 'Dr', data.directExpenses);
  add(trading, 'Cr', data.directIncomes);
  if (data.closingStock !== 0) {
    const label = t('profitLoss.closingStock');
    rows.push({ account: trading, side: 'Cr', group: label, ledger: label, amount: data.closingStock });
  }
  add(pl, 'Dr', data.indirectExpenses);
  add(pl, 'Cr', data.indirectIncomes);
  return rows;
}

/**
 * The P&L for Excel and paper: the horizontal statement on the first sheet (and on paper), the flat
 * table on the second, its Debit and Credit columns adding up (their difference is the net profit, on
 * the trailing line) and a signed column (debit positive) that nets to the loss.
 */
export function profitLossSheets(
  data: ProfitLoss,
  company: string,
  period: string,
  t: Translate,
  detailed = true,
): ExportSheet<TwoSidedRow> {
  const title = t('profitLoss.title');
  const flatRows = profitLossFlat(data, t);
  const net = data.netProfit;
  const flat: ExportSheet<ProfitLossFlatRow> = {
    title: `${title} - ${t('statements.table')}`,
    company,
    period,
    columns: [
      ...accountColumns<ProfitLossFlatRow>(t),
      { header: t('trialBalance.debit'), kind: 'money', value: (r) => (r.side === 'Dr' ? r.amount : 0) },
      { header: t('trialBalance.credit'), kind: 'money', value: (r) => (r.side === 'Cr' ? r.amount : 0) },
      {
        header: t('statements.amountSigned'),
        kind: 'money',
        value: (r) => (r.side === 'Dr' ? r.amount : -r.amount),
      },
    ],
    rows: flatRows,
    totals: { label: t('common.total') },
    // The result: what makes the two sides agree (a profit on the debit side, a loss on the credit side).
    trailing: [
      {
        account: t('statements.profitAndLossAccount'),
        side: net >= 0 ? 'Dr' : 'Cr',
        group: net >= 0 ? t('profitLoss.netProfit') : t('profitLoss.netLoss'),
        ledger: net >= 0 ? t('profitLoss.netProfit') : t('profitLoss.netLoss'),
        amount: Math.abs(net),
      },
    ],
  };
  const sheet = twoSidedSheet({
    title,
    company,
    period,
    headers: { left: t('trialBalance.particulars'), right: t('trialBalance.particulars') },
    rows: profitLossRows(data, t, detailed),
  });
  return { ...sheet, more: [flat as ExportSheet<unknown>] };
}
