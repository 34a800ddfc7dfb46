import type { GroupRecord, Nature } from '../db/records';

interface GroupSpec {
  name: string;
  parent: string | null;
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
}

const primary = (name: string, nature: Nature, revenue = false, grossProfit = false): GroupSpec => ({
  name,
  parent: null,
  nature,
  isRevenue: revenue,
  affectsGrossProfit: grossProfit,
});
const sub = (name: string, parent: string, nature: Nature): GroupSpec => ({
  name,
  parent,
  nature,
  isRevenue: false,
  affectsGrossProfit: false,
});

/** Tally's 28 predefined groups (15 primary, 13 sub-groups), each carrying its RESERVEDNAME. */
export const PREDEFINED_GROUPS: readonly GroupSpec[] = [
  primary('Branch / Divisions', 'liability'),
  primary('Capital Account', 'liability'),
  primary('Current Assets', 'asset'),
  primary('Current Liabilities', 'liability'),
  primary('Direct Expenses', 'expense', true, true),
  primary('Direct Incomes', 'income', true, true),
  primary('Fixed Assets', 'asset'),
  primary('Indirect Expenses', 'expense', true, false),
  primary('Indirect Incomes', 'income', true, false),
  primary('Investments', 'asset'),
  primary('Loans (Liability)', 'liability'),
  primary('Misc. Expenses (ASSET)', 'asset'),
  primary('Purchase Accounts', 'expense', true, true),
  primary('Sales Accounts', 'income', true, true),
  primary('Suspense A/c', 'liability'),
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
