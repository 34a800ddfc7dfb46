import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { RegisterScope } from '../../../shared/types/registers';
import { isBaseVoucherType } from '../db/records';
import type { Masters } from './masters';

/**
 * Which vouchers a register holds (docs/TALLY.md, "Sales and purchase registers"): Tally's Sales
 * Register is the register of the voucher type Sales, and a register holds the vouchers of its type and
 * of every type derived from it ("Cash Sales" created under Sales is in the Sales Register); a register
 * of the user's own type holds that type and its own descendants only. Credit and debit notes are their
 * own types (their own registers), never in the sales or purchase register.
 */
export interface ResolvedScope extends RegisterScope {
  /** SQL condition on a voucher row `v` selecting the register's vouchers. */
  where: string;
  args: unknown[];
  /** The predefined type whose every voucher the register holds (the summary tables' key), else null. */
  byBaseType: string | null;
}

/**
 * The predefined types a register is kept for: those whose vouchers have a party on one side and the
 * register's own accounts (sales, purchases, their returns, taxes) on the other.
 */
export const REGISTER_BASE_TYPES: readonly string[] = ['Sales', 'Purchase', 'Credit Note', 'Debit Note'];

function refuseBase(voucherType: string, baseType: string | null): void {
  if (baseType !== null && REGISTER_BASE_TYPES.includes(baseType)) return;
  throw new AppError(
    'VALIDATION',
    `voucherType: "${voucherType}" is a ${baseType ?? 'voucher type of no predefined type'}; registers are kept for sales, purchase, credit note and debit note types (${REGISTER_BASE_TYPES.join(', ')})`,
    { field: 'voucherType' },
    { reason: 'badInput', params: { field: 'voucherType' } },
  );
}

export function registerScope(db: Database.Database, masters: Masters, voucherType: string): ResolvedScope {
  const company = masters.company;
  const types = db.prepare('SELECT name, parent FROM voucher_types WHERE company_id = ?').all(company.id) as {
    name: string;
    parent: string;
  }[];
  if (isBaseVoucherType(voucherType)) {
    refuseBase(voucherType, voucherType);
    // Every voucher was stored with the predefined type its own type derives from (vouchers.base_type), so
    // the filter needs no list; the names are the masters' (what the register's title lists).
    const derived = [voucherType, ...descendants(types, voucherType)];
    return {
      voucherType,
      baseType: voucherType,
      voucherTypes: derived.sort((a, b) => a.localeCompare(b)),
      where: 'v.base_type = ?',
      args: [voucherType],
      byBaseType: voucherType,
    };
  }
  if (!types.some((t) => t.name === voucherType)) {
    throw new AppError(
      'NOT_FOUND',
      `No voucher type "${voucherType}" in company "${company.name}"`,
      { voucherType, companyGuid: company.guid },
      { reason: 'unknownVoucherType', params: { type: voucherType, company: company.name } },
    );
  }
  const names = [voucherType, ...descendants(types, voucherType)];
  const baseType = baseOf(types, voucherType);
  refuseBase(voucherType, baseType);
  return {
    voucherType,
    baseType: baseType ?? voucherType,
    voucherTypes: [...names].sort((a, b) => a.localeCompare(b)),
    where: `v.voucher_type IN (${names.map(() => '?').join(', ')})`,
    args: names,
    byBaseType: null,
  };
}

/** Every type derived (directly or through others) from `name`, not `name` itself. */
function descendants(types: readonly { name: string; parent: string }[], name: string): string[] {
  const children = new Map<string, string[]>();
  for (const t of types) {
    if (t.parent === t.name) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t.name);
    children.set(t.parent, list);
  }
  const found = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (child === name || found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/** The predefined type `name` derives from, following the parents (a cycle or a dead end gives null). */
function baseOf(types: readonly { name: string; parent: string }[], name: string): string | null {
  const parent = new Map(types.map((t) => [t.name, t.parent]));
  let current = name;
  for (let depth = 0; depth < 20; depth++) {
    if (isBaseVoucherType(current)) return current;
    const next = parent.get(current);
    if (next === undefined || next === current) return null;
    current = next;
  }
  return null;
}
