import type { Nature } from '../db/records';
import type { GroupInfo } from './masters';

/**
 * The order Tally lists its 15 predefined primary groups in the Trial Balance (and, side by side, in the
 * Balance Sheet): balance-sheet groups first, then the revenue groups. Sources: docs/TALLY-SOURCES.md §10
 * (Tally help on the Trial Balance and Balance Sheet; the order of the rows in real Tally answers).
 * "Branch / Divisions" is how Tally spells it; "Branch/Divisions" is accepted too.
 */
export const TALLY_PRIMARY_ORDER: readonly string[] = [
  'Capital Account',
  'Loans (Liability)',
  'Current Liabilities',
  'Fixed Assets',
  'Investments',
  'Current Assets',
  'Branch / Divisions',
  'Suspense A/c',
  'Misc. Expenses (ASSET)',
  'Sales Accounts',
  'Purchase Accounts',
  'Direct Incomes',
  'Direct Expenses',
  'Indirect Incomes',
  'Indirect Expenses',
];

const normalise = (name: string): string => name.replace(/\s*\/\s*/g, ' / ');
const RANK = new Map(TALLY_PRIMARY_ORDER.map((name, i) => [name, i]));

/** Where a user's own primary group of each nature goes: after the last predefined one of that nature. */
const AFTER: Record<Nature, number> = {
  liability: RANK.get('Suspense A/c')!,
  asset: RANK.get('Misc. Expenses (ASSET)')!,
  income: RANK.get('Indirect Incomes')!,
  expense: RANK.get('Indirect Expenses')!,
};

/** The predefined primary group this group is (by reserved or plain name), if it is one. */
export function predefinedPrimary(group: GroupInfo): string | null {
  if (group.parent !== null) return null;
  for (const name of group.lineage) {
    const key = normalise(name);
    if (RANK.has(key)) return key;
  }
  return null;
}

/** Sort rank of a primary group: Tally's position for a predefined one, else just after its nature's last. */
export function primaryRank(group: GroupInfo): number {
  const predefined = predefinedPrimary(group);
  return predefined !== null ? RANK.get(predefined)! : AFTER[group.nature] + 0.5;
}

/** Compares primary groups in Tally's order; user groups of one nature by name. */
export function comparePrimaryGroups(a: GroupInfo, b: GroupInfo): number {
  return primaryRank(a) - primaryRank(b) || a.name.localeCompare(b.name);
}
