import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { GroupSummary, GroupSummaryRow } from '../../../shared/types/reports';
import { movements, openingsAt } from './balances';
import type { GroupInfo, LedgerInfo, Masters } from './masters';

/** The group by its name, or NOT_FOUND naming it. */
export function requireGroup(masters: Masters, groupName: string): GroupInfo {
  const group = masters.groups.get(groupName);
  if (!group) {
    throw new AppError(
      'NOT_FOUND',
      `No group named "${groupName}" in company "${masters.company.name}"`,
      { groupName, companyGuid: masters.company.guid },
      { reason: 'unknownGroup', params: { group: groupName, company: masters.company.name } },
    );
  }
  return group;
}

/** The child of `group` through which `ledger` stands under it; null when it is not under the group. */
function childUnder(
  masters: Masters,
  group: GroupInfo,
  ledger: LedgerInfo,
): { kind: 'ledger' } | { kind: 'group'; group: GroupInfo } | null {
  if (ledger.group.name === group.name) return { kind: 'ledger' };
  let g: GroupInfo | undefined = ledger.group;
  for (let i = 0; g && i < 64; i++) {
    if (g.parent === group.name) return { kind: 'group', group: g };
    g = g.parent ? masters.groups.get(g.parent) : undefined;
  }
  return null;
}

/**
 * Tally's Group Summary: the group's sub-groups (each adding up every ledger below it) and its own
 * ledgers, with opening, debit, credit and closing for the period. Openings as in the trial balance:
 * revenue ledgers restart at zero each financial year.
 */
export function groupSummary(
  db: Database.Database,
  masters: Masters,
  params: { groupName: string; from: IsoDate; to: IsoDate },
): GroupSummary {
  const group = requireGroup(masters, params.groupName);
  const under: { ledger: LedgerInfo; via: GroupInfo | null }[] = [];
  for (const ledger of masters.ledgers.values()) {
    if (ledger.isProfitAndLoss) continue;
    const child = childUnder(masters, group, ledger);
    if (child) under.push({ ledger, via: child.kind === 'group' ? child.group : null });
  }
  const ledgers = under.map((u) => u.ledger);
  const openings = ledgers.length > 0 ? openingsAt(db, masters, params.from, ledgers).byLedger : new Map();
  const moves =
    ledgers.length > 0
      ? movements(
          db,
          masters.company.id,
          params.from,
          params.to,
          ledgers.map((l) => l.guid),
          masters.allInBooks,
        )
      : new Map();
  const groupRows = new Map<string, GroupSummaryRow>();
  const ledgerRows: GroupSummaryRow[] = [];
  const total = { opening: 0, debit: 0, credit: 0, closing: 0 };
  for (const { ledger, via } of under) {
    const opening = (openings.get(ledger.guid) as number | undefined) ?? 0;
    const m = (moves.get(ledger.guid) as { debit: number; credit: number } | undefined) ?? {
      debit: 0,
      credit: 0,
    };
    if (opening === 0 && m.debit === 0 && m.credit === 0) continue;
    const closing = opening + m.debit - m.credit;
    total.opening += opening;
    total.debit += m.debit;
    total.credit += m.credit;
    total.closing += closing;
    if (via === null) {
      ledgerRows.push({ guid: ledger.guid, name: ledger.name, kind: 'ledger', opening, ...m, closing });
      continue;
    }
    const row = groupRows.get(via.name);
    if (row) {
      row.opening += opening;
      row.debit += m.debit;
      row.credit += m.credit;
      row.closing += closing;
    } else {
      groupRows.set(via.name, { guid: via.guid, name: via.name, kind: 'group', opening, ...m, closing });
    }
  }
  const byName = (a: GroupSummaryRow, b: GroupSummaryRow) => a.name.localeCompare(b.name);
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    group: { guid: group.guid, name: group.name, parent: group.parent, primaryGroup: group.primaryGroup },
    rows: [...[...groupRows.values()].sort(byName), ...ledgerRows.sort(byName)],
    total,
  };
}
