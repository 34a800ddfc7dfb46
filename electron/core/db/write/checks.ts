import type { GroupRecord } from '../records';
import { primaryGroupNature } from '../posting';
import { invalid } from './errors';
import type { WriteContext } from './session';

/**
 * The checks at commit, once every master of the write is in: the trees of groups and stock groups, and
 * every ledger and stock item under a group that exists. A failed check rolls the whole write back.
 */

/**
 * Every ledger's group must exist (only the reserved Profit & Loss A/c stands under none) and group parents
 * must form a tree. Each group's primary group is derived here, and its nature with it: Tally treats a
 * sub-group by its primary group's nature, whatever flags the sub-group was exported with.
 */
export function checkMasters(ctx: WriteContext): void {
  const { db, companyId } = ctx;
  const groups = db
    .prepare(
      `SELECT guid, name, parent_name AS parent, reserved_name AS reservedName, nature,
        is_revenue AS isRevenue, affects_gross_profit AS affectsGrossProfit FROM groups WHERE company_id = ?`,
    )
    .all(companyId) as {
    guid: string;
    name: string;
    parent: string | null;
    reservedName: string | null;
    nature: GroupRecord['nature'];
    isRevenue: number;
    affectsGrossProfit: number;
  }[];
  const byName = new Map(groups.map((g) => [g.name, g]));
  const update = db.prepare(`UPDATE groups SET primary_group = ?, nature = ?, is_revenue = ?,
    affects_gross_profit = ? WHERE company_id = ? AND guid = ?`);
  for (const g of groups) {
    let current = g;
    const seen = new Set<string>();
    while (current.parent !== null && current.parent !== '' && current.parent !== 'Primary') {
      if (seen.has(current.name)) {
        throw invalid(`Group "${g.name}" is its own ancestor (cycle through "${current.name}")`, {
          name: g.name,
        });
      }
      seen.add(current.name);
      const parent = byName.get(current.parent);
      if (!parent) {
        throw invalid(`Group "${current.name}" has an unknown parent group "${current.parent}"`, {
          name: current.name,
          parent: current.parent,
        });
      }
      current = parent;
    }
    const nature = primaryGroupNature({
      reservedName: current.reservedName,
      nature: current.nature,
      isRevenue: current.isRevenue === 1,
      affectsGrossProfit: current.affectsGrossProfit === 1,
    });
    update.run(
      current.name,
      nature.nature,
      nature.isRevenue ? 1 : 0,
      nature.affectsGrossProfit ? 1 : 0,
      companyId,
      g.guid,
    );
  }
  checkStockMasters(ctx);
  const orphan = db
    .prepare(
      `SELECT l.guid, l.name, l.group_name AS groupName FROM ledgers l
       WHERE l.company_id = ? AND l.group_name <> '' AND NOT EXISTS
         (SELECT 1 FROM groups g WHERE g.company_id = l.company_id AND g.name = l.group_name) LIMIT 1`,
    )
    .get(companyId) as { guid: string; name: string; groupName: string } | undefined;
  if (orphan) {
    throw invalid(`Ledger "${orphan.name}" is under an unknown group "${orphan.groupName}"`, {
      guid: orphan.guid,
      name: orphan.name,
      group: orphan.groupName,
    });
  }
}

/** Every stock item's stock group exists, and stock group parents form a tree. */
function checkStockMasters(ctx: WriteContext): void {
  const { db, companyId } = ctx;
  const groups = db
    .prepare('SELECT name, parent_name AS parent FROM stock_groups WHERE company_id = ?')
    .all(companyId) as { name: string; parent: string | null }[];
  const parentOf = new Map(groups.map((g) => [g.name, g.parent]));
  for (const g of groups) {
    const seen = new Set<string>();
    let current: string | null = g.name;
    while (current !== null) {
      if (seen.has(current)) {
        throw invalid(`Stock group "${g.name}" is its own ancestor (cycle through "${current}")`, {
          name: g.name,
        });
      }
      seen.add(current);
      const parent = parentOf.get(current);
      if (parent === undefined) {
        throw invalid(
          `Stock group "${[...seen].at(-2) ?? g.name}" has an unknown parent group "${current}"`,
          {
            name: g.name,
            parent: current,
          },
        );
      }
      current = parent;
    }
  }
  const orphan = db
    .prepare(
      `SELECT i.guid, i.name, i.group_name AS groupName FROM stock_items i
       WHERE i.company_id = ? AND i.group_name IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM stock_groups g WHERE g.company_id = i.company_id AND g.name = i.group_name) LIMIT 1`,
    )
    .get(companyId) as { guid: string; name: string; groupName: string } | undefined;
  if (orphan) {
    throw invalid(`Stock item "${orphan.name}" is under an unknown stock group "${orphan.groupName}"`, {
      guid: orphan.guid,
      name: orphan.name,
      group: orphan.groupName,
    });
  }
}
