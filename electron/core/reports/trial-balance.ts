import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { TrialBalance, TrialBalanceRow } from '../../../shared/types/reports';
import { movements, openingsAt } from './balances';
import { PROFIT_AND_LOSS_LEDGER } from '../db/records';
import { comparePrimaryGroups } from './group-order';
import type { GroupInfo, Masters } from './masters';

export const PROFIT_AND_LOSS_ROW = 'profit-and-loss';
export const OPENING_DIFFERENCE_ROW = 'difference-in-opening-balances';
export const OPENING_DIFFERENCE_NAME = 'Difference in opening balances';

/**
 * What the ledgers' opening balances sum to (debit positive). Vouchers always balance, so every balance
 * of the books sums to this; Tally shows its contrary as "Difference in opening balances".
 */
export function openingDifference(masters: Masters): number {
  let sum = 0;
  for (const ledger of masters.ledgers.values()) sum += ledger.openingBalance;
  return sum;
}

interface Amounts {
  opening: number;
  debit: number;
  credit: number;
  closing: number;
}

/**
 * Trial balance for a period, grouped by Tally's group tree. Revenue ledgers open at zero each
 * financial year; earlier years' result shows as the Profit & Loss A/c opening.
 */
export function trialBalance(
  db: Database.Database,
  masters: Masters,
  params: { from: IsoDate; to: IsoDate },
): TrialBalance {
  const openings = openingsAt(db, masters, params.from);
  const moves = movements(db, masters.company.id, params.from, params.to, undefined, masters.allInBooks);
  const ledgerAmounts = new Map<string, Amounts>();
  const groupAmounts = new Map<string, Amounts>();
  const addTo = (map: Map<string, Amounts>, key: string, a: Amounts): void => {
    const t = map.get(key);
    if (t) {
      t.opening += a.opening;
      t.debit += a.debit;
      t.credit += a.credit;
      t.closing += a.closing;
    } else map.set(key, { ...a });
  };
  let totalDebit = 0;
  let totalCredit = 0;
  let closingDebit = 0;
  let closingCredit = 0;
  let profitAndLoss: Amounts | null = null;
  for (const ledger of masters.ledgers.values()) {
    const opening = openings.byLedger.get(ledger.guid) ?? 0;
    const m = moves.get(ledger.guid) ?? { debit: 0, credit: 0 };
    if (opening === 0 && m.debit === 0 && m.credit === 0) continue;
    const a: Amounts = { opening, debit: m.debit, credit: m.credit, closing: opening + m.debit - m.credit };
    totalDebit += m.debit;
    totalCredit += m.credit;
    if (a.closing > 0) closingDebit += a.closing;
    else closingCredit -= a.closing;
    // The Profit & Loss A/c stands under no group: its row comes after the groups (below).
    if (ledger.isProfitAndLoss) {
      profitAndLoss = a;
      continue;
    }
    ledgerAmounts.set(ledger.guid, a);
    for (
      let g: GroupInfo | undefined = ledger.group;
      g;
      g = g.parent ? masters.groups.get(g.parent) : undefined
    ) {
      addTo(groupAmounts, g.name, a);
    }
  }

  const rows: TrialBalanceRow[] = [];
  const childGroups = new Map<string | null, GroupInfo[]>();
  for (const g of masters.groups.values()) {
    if (!groupAmounts.has(g.name)) continue;
    const list = childGroups.get(g.parent) ?? [];
    list.push(g);
    childGroups.set(g.parent, list);
  }
  const ledgersOf = new Map<string, string[]>();
  for (const guid of ledgerAmounts.keys()) {
    const group = masters.ledgers.get(guid)!.group.name;
    ledgersOf.set(group, [...(ledgersOf.get(group) ?? []), guid]);
  }
  const visit = (group: GroupInfo, depth: number, parentGuid: string | null): void => {
    rows.push({
      guid: group.guid,
      name: group.name,
      kind: 'group',
      depth,
      parentGuid,
      ...groupAmounts.get(group.name)!,
    });
    const subGroups = (childGroups.get(group.name) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    for (const sub of subGroups) visit(sub, depth + 1, group.guid);
    const ledgerGuids = (ledgersOf.get(group.name) ?? []).sort((a, b) =>
      masters.ledgers.get(a)!.name.localeCompare(masters.ledgers.get(b)!.name),
    );
    for (const guid of ledgerGuids) {
      const l = masters.ledgers.get(guid)!;
      rows.push({
        guid,
        name: l.name,
        kind: 'ledger',
        depth: depth + 1,
        parentGuid: group.guid,
        ...ledgerAmounts.get(guid)!,
      });
    }
  };
  // Tally's order of its predefined primary groups; a user's own after the predefined ones of its nature.
  const primaries = (childGroups.get(null) ?? []).sort(comparePrimaryGroups);
  for (const g of primaries) visit(g, 0, null);

  // Earlier years' results (and the ledger's own opening, the profit before the books) as Tally shows
  // them: one Profit & Loss A/c row. Books stored without the ledger get a row of their own.
  const pl = masters.profitAndLoss;
  if (pl !== null && profitAndLoss !== null) {
    rows.push({ guid: pl.guid, name: pl.name, kind: 'ledger', depth: 0, parentGuid: null, ...profitAndLoss });
  } else if (pl === null && openings.profitAndLossCarried !== 0) {
    const carried = openings.profitAndLossCarried;
    rows.push({
      guid: PROFIT_AND_LOSS_ROW,
      name: PROFIT_AND_LOSS_LEDGER,
      kind: 'ledger',
      depth: 0,
      parentGuid: null,
      opening: carried,
      debit: 0,
      credit: 0,
      closing: carried,
    });
    if (carried > 0) closingDebit += carried;
    else closingCredit -= carried;
  }
  // Openings that do not sum to zero: Tally's contrary line, so both closing columns agree.
  const difference = -openingDifference(masters);
  if (difference !== 0) {
    rows.push({
      guid: OPENING_DIFFERENCE_ROW,
      name: OPENING_DIFFERENCE_NAME,
      kind: 'difference',
      depth: 0,
      parentGuid: null,
      opening: difference,
      debit: 0,
      credit: 0,
      closing: difference,
    });
    if (difference > 0) closingDebit += difference;
    else closingCredit -= difference;
  }
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    rows,
    totalDebit,
    totalCredit,
    closingDebit,
    closingCredit,
  };
}
