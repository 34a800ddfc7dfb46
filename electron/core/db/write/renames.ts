import type Database from 'better-sqlite3';
import { flushRows } from './rows';
import type { WriteContext } from './session';

/**
 * Some stored columns hold a master's name rather than its key, because Tally's own data does (a voucher's
 * party and type, a ledger's group, a group's or voucher type's parent, a stock item's group and unit, an
 * inventory line's units and godown). Tally rewrites those names in all history when a master is renamed,
 * without moving the AlterIDs of what refers to it, so an incremental sync sees only the renamed master:
 * its old name is rewritten here wherever it is stored.
 */
export type MasterKind = 'group' | 'ledger' | 'voucherType' | 'stockGroup' | 'unit' | 'godown';

const REFERENCES: Record<MasterKind, readonly { table: string; column: string }[]> = {
  group: [
    { table: 'groups', column: 'parent_name' },
    { table: 'ledgers', column: 'group_name' },
  ],
  ledger: [{ table: 'vouchers', column: 'party_name' }],
  voucherType: [
    { table: 'vouchers', column: 'voucher_type' },
    { table: 'voucher_types', column: 'parent' },
  ],
  stockGroup: [
    { table: 'stock_groups', column: 'parent_name' },
    { table: 'stock_items', column: 'group_name' },
  ],
  unit: [
    { table: 'stock_items', column: 'unit' },
    { table: 'units', column: 'base_units' },
    { table: 'units', column: 'additional_units' },
    { table: 'inventory_entries', column: 'unit' },
    { table: 'inventory_entries', column: 'rate_unit' },
  ],
  godown: [
    { table: 'godowns', column: 'parent_name' },
    { table: 'inventory_entries', column: 'godown' },
  ],
};

/** Renames per statement: each takes three parameters, well under SQLite's limit. */
const CHUNK = 400;

/**
 * Rewrites old names to new ones (old → new) in every column that refers to masters of that kind, one pass
 * over each table per chunk. All names of a chunk are replaced in the same statement, so names that
 * trade places in one sync are read before any is written.
 */
export function renameReferences(
  db: Database.Database,
  companyId: number,
  kind: MasterKind,
  renames: ReadonlyMap<string, string>,
): void {
  const pairs = [...renames];
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    const cases = chunk.map(() => 'WHEN ? THEN ?').join(' ');
    const olds = chunk.map(() => '?').join(', ');
    const params = [...chunk.flat(), companyId, ...chunk.map(([from]) => from)];
    for (const { table, column } of REFERENCES[kind]) {
      db.prepare(
        `UPDATE ${table} SET ${column} = CASE ${column} ${cases} END
         WHERE company_id = ? AND ${column} IN (${olds})`,
      ).run(...params);
    }
  }
}

/** Old name -> new name of the masters in a batch whose stored name differs. */
export function renamesIn(
  masters: readonly { guid: string; name: string }[],
  stored: ReadonlyMap<string, string>,
): Map<string, string> {
  const renames = new Map<string, string>();
  for (const m of masters) {
    const previous = stored.get(m.guid);
    if (previous !== undefined && previous !== m.name) renames.set(previous, m.name);
  }
  return renames;
}

/**
 * Passes renames in a batch of masters on to the names stored with other rows. Runs before the batch is
 * written, so rows the batch itself brings (a new master taking a freed name, say) keep what Tally sent.
 */
export function passOnRenames(
  ctx: WriteContext,
  kind: MasterKind,
  masters: readonly { guid: string; name: string }[],
  storedNames: ReadonlyMap<string, string>,
): void {
  const renames = renamesIn(masters, storedNames);
  if (renames.size === 0) return;
  flushRows(ctx);
  renameReferences(ctx.db, ctx.companyId, kind, renames);
}
