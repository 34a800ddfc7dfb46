import type Database from 'better-sqlite3';
import type { MasterKind, MasterName, MasterNames } from '../../../shared/types/masters';
import type { Masters } from './masters';

const byName = (a: MasterName, b: MasterName): number =>
  a.name.localeCompare(b.name, 'en-IN', { sensitivity: 'base' });

/** Every master of one kind of the company, by name (ledgers and groups from the memoised masters). */
export function masterNames(db: Database.Database, masters: Masters, kind: MasterKind): MasterNames {
  const companyId = masters.company.id;
  let names: MasterName[];
  switch (kind) {
    case 'ledger':
      names = [...masters.ledgers.values()].map((l) => ({
        guid: l.guid,
        name: l.name,
        parent: l.isProfitAndLoss ? null : l.group.name,
      }));
      break;
    case 'group':
      names = [...masters.groups.values()].map((g) => ({ guid: g.guid, name: g.name, parent: g.parent }));
      break;
    case 'stockItem':
      names = db
        .prepare(`SELECT guid, name, group_name AS parent FROM stock_items WHERE company_id = ?`)
        .all(companyId) as MasterName[];
      break;
    case 'stockGroup':
      names = db
        .prepare(`SELECT guid, name, parent_name AS parent FROM stock_groups WHERE company_id = ?`)
        .all(companyId) as MasterName[];
      break;
    case 'voucherType':
      names = db
        .prepare(`SELECT guid, name, parent FROM voucher_types WHERE company_id = ?`)
        .all(companyId) as MasterName[];
      break;
  }
  return {
    companyGuid: masters.company.guid,
    kind,
    names: names.map((n) => ({ guid: n.guid, name: n.name, parent: n.parent || null })).sort(byName),
  };
}
