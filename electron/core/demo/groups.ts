import { PREDEFINED_PRIMARY_GROUPS } from '../db/posting';
import type { GroupRecord, Nature } from '../db/records';

interface GroupSpec {
  name: string;
  parent: string | null;
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
}

const sub = (name: string, parent: string, nature: Nature): GroupSpec => ({
  name,
  parent,
  nature,
  isRevenue: false,
  affectsGrossProfit: false,
});

/**
 * Tally's 28 predefined groups (15 primary, 13 sub-groups), each carrying its RESERVEDNAME. The primary
 * ones and their nature are the store's own table (electron/core/db/posting.ts), in name order.
 */
export const PREDEFINED_GROUPS: readonly GroupSpec[] = [
  ...[...PREDEFINED_PRIMARY_GROUPS]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, nature]): GroupSpec => ({ name, parent: null, ...nature })),
  sub('Bank Accounts', 'Current Assets', 'asset'),
  sub('Bank OD A/c', 'Loans (Liability)', 'liability'),
  sub('Cash-in-Hand', 'Current Assets', 'asset'),
  sub('Deposits (Asset)', 'Current Assets', 'asset'),
  sub('Duties & Taxes', 'Current Liabilities', 'liability'),
  sub('Loans & Advances (Asset)', 'Current Assets', 'asset'),
  sub('Provisions', 'Current Liabilities', 'liability'),
  sub('Reserves & Surplus', 'Capital Account', 'liability'),
  sub('Secured Loans', 'Loans (Liability)', 'liability'),
  sub('Stock-in-Hand', 'Current Assets', 'asset'),
  sub('Sundry Creditors', 'Current Liabilities', 'liability'),
  sub('Sundry Debtors', 'Current Assets', 'asset'),
  sub('Unsecured Loans', 'Loans (Liability)', 'liability'),
];

export function predefinedGroups(guidOf: (masterId: number) => string, firstMasterId: number): GroupRecord[] {
  return PREDEFINED_GROUPS.map((g, i) => ({
    guid: guidOf(firstMasterId + i),
    name: g.name,
    parent: g.parent,
    nature: g.nature,
    isRevenue: g.isRevenue,
    affectsGrossProfit: g.affectsGrossProfit,
    reservedName: g.name,
    alterId: firstMasterId + i,
  }));
}
