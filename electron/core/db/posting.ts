import type { OffBooksReason } from '../../../shared/types/reports';
import type { Nature } from './records';

/**
 * Which vouchers Tally posts to the books, and the nature of a group. Sources: docs/TALLY.md
 * ("Posting as Tally posts").
 */

/**
 * Base voucher types whose vouchers never touch a ledger balance in Tally, although real exports carry
 * ledger amounts for them: orders and inventory notes are not accounting vouchers, Memorandum and
 * Reversing Journal vouchers live outside the books, Attendance records attendance only.
 */
const NON_POSTING_BASE_TYPES: ReadonlyMap<string, OffBooksReason> = new Map<string, OffBooksReason>([
  ['Sales Order', 'order'],
  ['Purchase Order', 'order'],
  ['Job Work In Order', 'order'],
  ['Job Work Out Order', 'order'],
  ['Delivery Note', 'inventory'],
  ['Receipt Note', 'inventory'],
  ['Rejections In', 'inventory'],
  ['Rejections Out', 'inventory'],
  ['Stock Journal', 'inventory'],
  ['Physical Stock', 'inventory'],
  ['Material In', 'inventory'],
  ['Material Out', 'inventory'],
  ['Memorandum', 'memorandum'],
  ['Reversing Journal', 'reversing-journal'],
  ['Attendance', 'attendance'],
]);

/**
 * Why a voucher stays out of the books (null: it posts). Cancelled and optional come first (they say
 * most). A post-dated voucher starts out 'post-dated'; it posts once the company's date of last entry
 * reaches its date, which the writer settles at commit (post-dated.ts).
 */
export function offBooksReason(
  v: { isCancelled: boolean; isOptional: boolean; isPostDated?: boolean },
  baseType: string,
): OffBooksReason | null {
  if (v.isCancelled) return 'cancelled';
  if (v.isOptional) return 'optional';
  const byType = NON_POSTING_BASE_TYPES.get(baseType);
  if (byType !== undefined) return byType;
  if (v.isPostDated === true) return 'post-dated';
  return null;
}

/** SQL condition on a voucher row `v`: it posts to the books. */
export const POSTS = 'v.off_books IS NULL';

export interface GroupNature {
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
}

/**
 * Tally's 15 predefined primary groups and their nature. A sub-group takes its primary group's nature
 * whatever flags it was exported with (they are unreliable: a sub-group of Purchase Accounts was seen
 * with ISREVENUE/AFFECTSGROSSPROFIT/ISDEEMEDPOSITIVE all No).
 */
export const PREDEFINED_PRIMARY_GROUPS: ReadonlyMap<string, GroupNature> = new Map<string, GroupNature>([
  ['Capital Account', { nature: 'liability', isRevenue: false, affectsGrossProfit: false }],
  ['Loans (Liability)', { nature: 'liability', isRevenue: false, affectsGrossProfit: false }],
  ['Current Liabilities', { nature: 'liability', isRevenue: false, affectsGrossProfit: false }],
  ['Branch / Divisions', { nature: 'liability', isRevenue: false, affectsGrossProfit: false }],
  ['Suspense A/c', { nature: 'liability', isRevenue: false, affectsGrossProfit: false }],
  ['Fixed Assets', { nature: 'asset', isRevenue: false, affectsGrossProfit: false }],
  ['Investments', { nature: 'asset', isRevenue: false, affectsGrossProfit: false }],
  ['Current Assets', { nature: 'asset', isRevenue: false, affectsGrossProfit: false }],
  ['Misc. Expenses (ASSET)', { nature: 'asset', isRevenue: false, affectsGrossProfit: false }],
  ['Sales Accounts', { nature: 'income', isRevenue: true, affectsGrossProfit: true }],
  ['Direct Incomes', { nature: 'income', isRevenue: true, affectsGrossProfit: true }],
  ['Indirect Incomes', { nature: 'income', isRevenue: true, affectsGrossProfit: false }],
  ['Purchase Accounts', { nature: 'expense', isRevenue: true, affectsGrossProfit: true }],
  ['Direct Expenses', { nature: 'expense', isRevenue: true, affectsGrossProfit: true }],
  ['Indirect Expenses', { nature: 'expense', isRevenue: true, affectsGrossProfit: false }],
]);

/** A primary group's nature: Tally's for a predefined one (by reserved name), else its own flags. */
export function primaryGroupNature(group: {
  reservedName: string | null;
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
}): GroupNature {
  const predefined =
    group.reservedName === null ? undefined : PREDEFINED_PRIMARY_GROUPS.get(group.reservedName);
  if (predefined) return predefined;
  // Only revenue groups can affect gross profit.
  return {
    nature: group.nature,
    isRevenue: group.isRevenue,
    affectsGrossProfit: group.isRevenue && group.affectsGrossProfit,
  };
}
