import type { IsoDate } from '../dates';
import type { Paise } from '../money';
import type {
  BalanceSheet,
  BalanceSheetLine,
  BalanceSheetProfitAndLoss,
  GroupSummary,
  GroupSummaryRow,
  ProfitLoss,
  TrialBalance,
  TrialBalanceRow,
} from './reports';

/**
 * Comparison columns (Tally's Alt+C "New Column"): one statement computed for several periods and laid
 * side by side, rows aligned by group / ledger GUID. Column 0 is the current one; a row found in some
 * columns only stands with zero in the others. Every array below has one entry per column, in order.
 *
 * The difference (`difference`) is column 0 minus column 1 (current minus the first comparison), in the
 * statement's own sign: a trial balance's and group summary's closing balance debit positive; a P&L line
 * in its natural direction (an income or expense larger now is positive); a balance-sheet line on its
 * side (a liability or asset larger now is positive). Null when there is one column only.
 */
export interface ComparisonColumn {
  from: IsoDate;
  /** The period's end; the as-on date of a balance sheet. */
  to: IsoDate;
}

export interface TrialBalanceComparisonRow {
  guid: string;
  name: string;
  kind: TrialBalanceRow['kind'];
  depth: number;
  parentGuid: string | null;
  opening: Paise[];
  debit: Paise[];
  credit: Paise[];
  closing: Paise[];
  /** Closing balance, current minus first comparison (debit positive). */
  difference: Paise | null;
}

export interface TrialBalanceComparison {
  companyGuid: string;
  columns: ComparisonColumn[];
  rows: TrialBalanceComparisonRow[];
  totalDebit: Paise[];
  totalCredit: Paise[];
  closingDebit: Paise[];
  closingCredit: Paise[];
  /** Each column's own trial balance, as `trialBalance.get` answers it. */
  reports: TrialBalance[];
}

export interface ProfitLossComparisonLedger {
  guid: string;
  name: string;
  amounts: Paise[];
  difference: Paise | null;
}

export interface ProfitLossComparisonLine {
  groupName: string;
  amounts: Paise[];
  difference: Paise | null;
  ledgers: ProfitLossComparisonLedger[];
}

export interface ProfitLossComparison {
  companyGuid: string;
  columns: ComparisonColumn[];
  openingStock: Paise[];
  closingStock: Paise[];
  stockComputed: boolean[];
  directIncomes: ProfitLossComparisonLine[];
  directExpenses: ProfitLossComparisonLine[];
  indirectIncomes: ProfitLossComparisonLine[];
  indirectExpenses: ProfitLossComparisonLine[];
  grossProfit: Paise[];
  netProfit: Paise[];
  reports: ProfitLoss[];
}

export interface BalanceSheetComparisonChild {
  guid: string;
  name: string;
  kind: 'group' | 'ledger' | 'closingStock';
  /** Closing balance, debit positive. */
  closing: Paise[];
  /** On the line's side (credit positive among the liabilities, debit positive among the assets). */
  amounts: Paise[];
  difference: Paise | null;
}

/**
 * A balance-sheet line on one side. A line stands on the side each column's own sheet puts it; one that
 * changed sides between the columns stands on both, with zero where it is on the other side, so each
 * column's side totals are exactly its own sheet's.
 */
export interface BalanceSheetComparisonLine {
  kind: BalanceSheetLine['kind'];
  guid: string;
  name: string;
  closing: Paise[];
  /** On its side, as BalanceSheetLine.amount. */
  amounts: Paise[];
  difference: Paise | null;
  children: BalanceSheetComparisonChild[];
}

export interface BalanceSheetComparison {
  companyGuid: string;
  columns: ComparisonColumn[];
  liabilities: BalanceSheetComparisonLine[];
  assets: BalanceSheetComparisonLine[];
  totalLiabilities: Paise[];
  totalAssets: Paise[];
  profitAndLoss: BalanceSheetProfitAndLoss[];
  openingDifference: Paise[];
  closingStock: Paise[];
  stockComputed: boolean[];
  reports: BalanceSheet[];
}

export interface GroupSummaryComparisonRow {
  guid: string;
  name: string;
  kind: GroupSummaryRow['kind'];
  opening: Paise[];
  debit: Paise[];
  credit: Paise[];
  closing: Paise[];
  /** Closing balance, current minus first comparison (debit positive). */
  difference: Paise | null;
}

export interface GroupSummaryComparison {
  companyGuid: string;
  columns: ComparisonColumn[];
  group: GroupSummary['group'];
  rows: GroupSummaryComparisonRow[];
  total: { opening: Paise[]; debit: Paise[]; credit: Paise[]; closing: Paise[] };
  reports: GroupSummary[];
}
