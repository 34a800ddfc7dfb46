import type Database from 'better-sqlite3';
import { isValidIsoDate } from '../../../../shared/dates';
import {
  isBaseVoucherType,
  isProfitAndLossLedger,
  type GroupRecord,
  type LedgerRecord,
  type VoucherTypeRecord,
} from '../records';
import { clash, invalid } from './errors';
import { putLedgerContact } from './contacts';
import { putLedgerGst } from './gst';
import { passOnRenames } from './renames';
import type { WriteContext } from './session';

/**
 * The accounting masters: groups, ledgers (with their closing values and opening bills) and voucher
 * types, upserted by GUID; renames passed on first (renames.ts). The names the write knows of them
 * (ctx.masters) follow every change, so vouchers find their ledgers and base types without a query.
 */

const prepare = (db: Database.Database) => ({
  ledgerNames: db.prepare('SELECT id, guid, name FROM ledgers WHERE company_id = ?'),
  groupNames: db.prepare('SELECT guid, name FROM groups WHERE company_id = ?'),
  typeParents: db.prepare('SELECT guid, name, parent FROM voucher_types WHERE company_id = ?'),
  upsertGroup: db.prepare(`INSERT INTO groups (company_id, guid, name, parent_name, primary_group, nature,
      is_revenue, affects_gross_profit, reserved_name, alter_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
        nature = excluded.nature, is_revenue = excluded.is_revenue,
        affects_gross_profit = excluded.affects_gross_profit, reserved_name = excluded.reserved_name,
        alter_id = excluded.alter_id`),
  upsertLedger: db.prepare(`INSERT INTO ledgers (company_id, guid, name, group_name, opening_balance,
      is_bill_wise, credit_period_days, gstin, state, alter_id, reserved_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, group_name = excluded.group_name,
        opening_balance = excluded.opening_balance, is_bill_wise = excluded.is_bill_wise,
        credit_period_days = excluded.credit_period_days, gstin = excluded.gstin, state = excluded.state,
        alter_id = excluded.alter_id, reserved_name = excluded.reserved_name
      RETURNING id`),
  deleteClosingValues: db.prepare(
    'DELETE FROM ledger_closing_values WHERE company_id = ? AND ledger_guid = ?',
  ),
  insertClosingValue: db.prepare(`INSERT OR REPLACE INTO ledger_closing_values (company_id, ledger_guid, date,
      amount) VALUES (?, ?, ?, ?)`),
  deleteOpeningBills: db.prepare('DELETE FROM ledger_opening_bills WHERE company_id = ? AND ledger_guid = ?'),
  insertOpeningBill: db.prepare(`INSERT INTO ledger_opening_bills (company_id, ledger_guid, bill_name,
      bill_date, amount, credit_period_days, due_date) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  upsertVoucherType: db.prepare(`INSERT INTO voucher_types (company_id, guid, name, parent, auto_numbered,
      alter_id) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (company_id, guid) DO UPDATE SET name = excluded.name, parent = excluded.parent,
        auto_numbered = excluded.auto_numbered, alter_id = excluded.alter_id`),
  masterAlterIds: db.prepare(`SELECT guid, alter_id FROM groups WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM ledgers WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM voucher_types WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM stock_groups WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM units WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM godowns WHERE company_id = @company
      UNION ALL SELECT guid, alter_id FROM stock_items WHERE company_id = @company`),
});

/** Reads the stored ledgers, groups and voucher types into ctx.masters. */
export function loadAccountingMasters(ctx: WriteContext): void {
  const s = ctx.statements(prepare);
  const m = ctx.masters;
  for (const l of s.ledgerNames.all(ctx.companyId) as { id: number; guid: string; name: string }[]) {
    m.ledgerGuidByName.set(l.name, l.guid);
    m.ledgerNameByGuid.set(l.guid, l.name);
    m.ledgerIdByGuid.set(l.guid, l.id);
  }
  for (const g of s.groupNames.all(ctx.companyId) as { guid: string; name: string }[]) {
    m.groupNameByGuid.set(g.guid, g.name);
  }
  for (const t of s.typeParents.all(ctx.companyId) as { guid: string; name: string; parent: string }[]) {
    m.typeParent.set(t.name, t.parent);
    m.typeNameByGuid.set(t.guid, t.name);
  }
}

/** The predefined type a voucher type descends from (Sales, Payment, ...), or null when it has none. */
export function baseTypeOf(ctx: WriteContext, name: string): string | null {
  const typeParent = ctx.masters.typeParent;
  let current = name;
  for (let depth = 0; depth < 20; depth++) {
    if (isBaseVoucherType(current)) return current;
    const parent = typeParent.get(current);
    if (parent === undefined || parent === current) return null;
    current = parent;
  }
  return null;
}

export function putGroups(ctx: WriteContext, groups: readonly GroupRecord[]): void {
  const s = ctx.statements(prepare);
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'group', groups, ctx.masters.groupNameByGuid);
  for (const g of groups) {
    try {
      s.upsertGroup.run(
        ctx.companyId,
        g.guid,
        g.name,
        g.parent,
        g.name,
        g.nature,
        g.isRevenue ? 1 : 0,
        g.affectsGrossProfit ? 1 : 0,
        g.reservedName,
        g.alterId,
      );
    } catch (error) {
      clash(error, 'Group', g, 'another group');
    }
    ctx.masters.groupNameByGuid.set(g.guid, g.name);
  }
}

export function putLedgers(ctx: WriteContext, ledgers: readonly LedgerRecord[]): void {
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'ledger', ledgers, ctx.masters.ledgerNameByGuid);
  for (const l of ledgers) putLedger(ctx, l);
}

function putLedger(ctx: WriteContext, l: LedgerRecord): void {
  const s = ctx.statements(prepare);
  const { companyId } = ctx;
  const m = ctx.masters;
  if (l.parent === null && !isProfitAndLossLedger(l)) {
    throw invalid(`Ledger "${l.name}" (GUID ${l.guid}) has no parent group`, {
      guid: l.guid,
      name: l.name,
    });
  }
  if (!Number.isSafeInteger(l.openingBalance)) {
    throw invalid(`Ledger "${l.name}" has a non-integer opening balance`, { guid: l.guid, name: l.name });
  }
  try {
    const row = s.upsertLedger.get(
      companyId,
      l.guid,
      l.name,
      // The parentless Profit & Loss A/c keeps '' (the column predates it; readers know the reserved name).
      l.parent ?? '',
      l.openingBalance,
      l.isBillWise ? 1 : 0,
      l.creditPeriodDays,
      l.gstin,
      l.state,
      l.alterId,
      l.reservedName ?? null,
    ) as { id: number };
    m.ledgerIdByGuid.set(l.guid, row.id);
    putLedgerGst(ctx, row.id, l);
    putLedgerContact(ctx, row.id, l);
  } catch (error) {
    clash(error, 'Ledger', l, 'another ledger');
  }
  const previousName = m.ledgerNameByGuid.get(l.guid);
  if (previousName !== undefined && previousName !== l.name) m.ledgerGuidByName.delete(previousName);
  m.ledgerGuidByName.set(l.name, l.guid);
  m.ledgerNameByGuid.set(l.guid, l.name);
  s.deleteClosingValues.run(companyId, l.guid);
  for (const c of l.closingValues ?? []) {
    if (!isValidIsoDate(c.date) || !Number.isSafeInteger(c.amount)) {
      throw invalid(`Ledger "${l.name}" has an invalid closing value dated ${c.date}`, {
        guid: l.guid,
        name: l.name,
      });
    }
    s.insertClosingValue.run(companyId, l.guid, c.date, c.amount);
  }
  s.deleteOpeningBills.run(companyId, l.guid);
  for (const b of l.openingBills) {
    s.insertOpeningBill.run(
      companyId,
      l.guid,
      b.billName,
      b.billDate,
      b.amount,
      b.creditPeriodDays,
      b.dueDate,
    );
  }
  if (ctx.mode === 'merge') ctx.touchedLedgers.add(l.guid);
}

export function putVoucherTypes(ctx: WriteContext, types: readonly VoucherTypeRecord[]): void {
  const s = ctx.statements(prepare);
  const m = ctx.masters;
  ctx.mastersChanged = true;
  passOnRenames(ctx, 'voucherType', types, m.typeNameByGuid);
  for (const t of types) {
    const previousName = m.typeNameByGuid.get(t.guid);
    try {
      s.upsertVoucherType.run(ctx.companyId, t.guid, t.name, t.parent, t.autoNumbered ? 1 : 0, t.alterId);
    } catch (error) {
      clash(error, 'Voucher type', t);
    }
    if (previousName !== undefined && previousName !== t.name) {
      m.typeParent.delete(previousName);
      for (const [name, parent] of m.typeParent) if (parent === previousName) m.typeParent.set(name, t.name);
    }
    m.typeParent.set(t.name, t.parent);
    m.typeNameByGuid.set(t.guid, t.name);
  }
}

/** GUID -> AlterID of every stored master: groups, ledgers, voucher types and the inventory masters. */
export function masterAlterIds(ctx: WriteContext): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of ctx.statements(prepare).masterAlterIds.all({ company: ctx.companyId }) as {
    guid: string;
    alter_id: number;
  }[]) {
    map.set(r.guid, r.alter_id);
  }
  return map;
}
