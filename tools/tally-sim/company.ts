import type { IsoDate } from '../../shared/dates';
import type {
  CompanyProfileRecord,
  GodownRecord,
  GroupRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';
import {
  addToStats,
  buildNonPosting,
  resolveShapes,
  shapeMasters,
  type GroupFlags,
  type RealShapeOptions,
  type ShapedMasters,
  type SimOptions,
  type SourceStats,
} from './shapes';
import type { SimSource } from './source';
import { SimStockBook } from './stock';

/** Which vouchers a request leaves out; deleted vouchers are never served. */
export interface VoucherFilter {
  /** The request filters with `NOT $IsCancelled` (TallyConnect's older requests did). */
  excludeCancelled?: boolean;
  /** The request filters with `NOT $IsOptional`. */
  excludeOptional?: boolean;
}

interface DateCount {
  /** Every voucher of the date (not deleted). */
  all: number;
  /** Neither cancelled nor optional. */
  active: number;
}

/**
 * One company as the simulator holds it: the source streamed on demand (any size) plus an overlay of
 * changes made through the mutation API. AlterIDs come from one counter, as in Tally, so AltMstId and
 * AltVchId move whenever something changes.
 *
 * With the real shapes on (the default, see shapes.ts) the masters gain the Profit & Loss A/c and the
 * misleading sub-groups, and the company holds, besides the source's vouchers (the books), vouchers Tally
 * does not post (orders, notes, memorandum, reversing journal, post-dated, cancelled, optional). They are
 * served like the others but kept apart: their numbers are their own, outside automatic numbering.
 */
export class SimCompany {
  readonly guid: string;
  name: string;
  readonly booksFrom: IsoDate | null;
  /** The company master's address and GST registration (served with the company list). */
  readonly profile: CompanyProfileRecord | undefined;
  readonly groups: GroupRecord[];
  readonly ledgers: LedgerRecord[];
  readonly voucherTypes: VoucherTypeRecord[];
  /** Inventory masters (copies: the mutation API alters them). */
  readonly stockGroups: StockGroupRecord[];
  readonly units: UnitRecord[];
  readonly godowns: GodownRecord[];
  readonly stockItems: StockItemRecord[];
  /** The closing stock this Tally values (the Stock-in-Hand group's closing balance). */
  readonly stock: SimStockBook;
  /** The real shapes this company is served with. */
  readonly shapes: RealShapeOptions;
  /** Flags the misleading sub-groups are written with (their records keep the true ones), by GUID. */
  readonly exportedFlags: ReadonlyMap<string, GroupFlags>;
  /** The Profit & Loss A/c the shapes added (null when off or the source has its own). */
  readonly profitAndLoss: ShapedMasters['profitAndLoss'];
  /** The misleading sub-groups created and the ledgers moved into them. */
  readonly subGroups: ShapedMasters['subGroups'];
  masterAlterId: number;
  private voucherAlterIdValue: number | null = null;
  private counter: number;
  /** Altered (record) or deleted (null) source vouchers, by GUID. */
  private readonly overlay = new Map<string, VoucherRecord | null>();
  /** Vouchers created through the API, in date order. */
  private additions: VoucherRecord[] = [];
  /** Type and date of each deleted voucher: automatic numbering closes the gap it leaves. */
  private readonly deletions: { voucherType: string; date: IsoDate }[] = [];
  /**
   * Source vouchers altered onto another date: served at their new date (ranges are read by date), so
   * their place in the source is hidden through the overlay.
   */
  private readonly moved = new Map<string, VoucherRecord>();
  /** Old ledger name -> new name: Tally rewrites renamed ledgers in all history. */
  private readonly renames = new Map<string, string>();
  /** The same for voucher types: vouchers show their type's current name. */
  private readonly typeRenames = new Map<string, string>();
  /** The same for stock items: inventory lines show the item's current name. */
  private readonly itemRenames = new Map<string, string>();
  private counts: Map<IsoDate, DateCount> | null = null;
  /** Non-posting vouchers (built on the first pass over the source), in date order, and their GUIDs. */
  private extras: VoucherRecord[] = [];
  private readonly extraGuids = new Set<string>();
  private cursor: {
    iterator: Iterator<VoucherRecord>;
    position: IsoDate | null;
    peeked: VoucherRecord | null;
  } | null = null;

  constructor(
    private readonly source: SimSource,
    private readonly options: SimOptions = {},
  ) {
    this.guid = source.company.guid;
    this.name = source.company.name;
    this.booksFrom = source.company.booksFrom;
    this.profile = source.company.profile;
    this.shapes = resolveShapes(options.realShapes);
    const masters = shapeMasters(source, options);
    this.groups = masters.groups;
    this.ledgers = masters.ledgers;
    this.voucherTypes = masters.voucherTypes;
    this.exportedFlags = masters.exportedFlags;
    this.profitAndLoss = masters.profitAndLoss;
    this.subGroups = masters.subGroups;
    this.stockGroups = (source.stockGroups ?? []).map((g) => ({ ...g }));
    this.units = (source.units ?? []).map((u) => ({ ...u }));
    this.godowns = (source.godowns ?? []).map((g) => ({ ...g }));
    this.stockItems = (source.stockItems ?? []).map((i) => ({ ...i }));
    this.stock = new SimStockBook(this, options.stockValuation);
    this.masterAlterId = Math.max(
      0,
      ...this.groups.map((g) => g.alterId),
      ...this.ledgers.map((l) => l.alterId),
      ...this.voucherTypes.map((t) => t.alterId),
      ...this.stockGroups.map((g) => g.alterId),
      ...this.units.map((u) => u.alterId),
      ...this.godowns.map((g) => g.alterId),
      ...this.stockItems.map((i) => i.alterId),
    );
    this.counter = this.masterAlterId;
  }

  /** Highest voucher AlterID; needs one pass over the source the first time. */
  get voucherAlterId(): number {
    this.ensureScanned();
    return this.voucherAlterIdValue ?? 0;
  }

  /**
   * Vouchers per date: every one that is not deleted (what TallyConnect's requests ask for now), or
   * without cancelled and/or optional ones when the filter says so (its older requests).
   */
  dateCounts(filter: VoucherFilter = {}): Map<IsoDate, number> {
    this.ensureScanned();
    const counts = this.counts as Map<IsoDate, DateCount>;
    const out = new Map<IsoDate, number>();
    if (!filter.excludeCancelled && !filter.excludeOptional) {
      for (const [d, c] of counts) out.set(d, c.all);
    } else if (filter.excludeCancelled && filter.excludeOptional) {
      for (const [d, c] of counts) if (c.active > 0) out.set(d, c.active);
    } else {
      for (const v of this.all()) {
        if (admits(filter, v)) out.set(v.date, (out.get(v.date) ?? 0) + 1);
      }
    }
    return out;
  }

  /**
   * The non-posting vouchers the company holds besides its books, as built (before any change made
   * through the API), in date order. The same as shapes.ts nonPostingVouchers(source, options).
   */
  extraVouchers(): readonly VoucherRecord[] {
    this.ensureScanned();
    return this.extras;
  }

  /** Is this one of the non-posting vouchers (by GUID)? */
  isExtra(guid: string): boolean {
    this.ensureScanned();
    return this.extraGuids.has(guid);
  }

  private ensureScanned(): void {
    if (this.counts === null) this.scan();
  }

  /**
   * One pass over the source, before any change is made (every mutation scans first): counts per date,
   * the highest AlterID, and the non-posting vouchers, numbered above everything else.
   */
  private scan(): void {
    const counts = new Map<IsoDate, DateCount>();
    const stats: SourceStats = { maxAlterId: 0, first: null, last: null };
    const count = (v: VoucherRecord): void => {
      const c = counts.get(v.date);
      const active = isActive(v) ? 1 : 0;
      if (c) {
        c.all++;
        c.active += active;
      } else counts.set(v.date, { all: 1, active });
    };
    for (const v of this.source.vouchers()) {
      addToStats(stats, v);
      count(v);
    }
    let max = stats.maxAlterId;
    this.extras = this.shapes.nonPostingVouchers
      ? buildNonPosting(
          this.source.company,
          { groups: this.groups, ledgers: this.ledgers, voucherTypes: this.voucherTypes },
          stats,
          this.options,
        )
      : [];
    for (const e of this.extras) {
      this.extraGuids.add(e.guid);
      count(e);
      if (e.alterId > max) max = e.alterId;
    }
    this.counts = counts;
    this.voucherAlterIdValue = Math.max(max, this.voucherAlterIdValue ?? 0);
    this.counter = Math.max(this.counter, max);
  }

  private nextAlterId(): number {
    this.ensureScanned();
    return ++this.counter;
  }

  /**
   * Source vouchers with the overlay, renames and renumbering applied, then the non-posting ones, then
   * vouchers moved to another date and additions.
   */
  *all(): Generator<VoucherRecord> {
    this.ensureScanned();
    this.cursor = null;
    const it = this.source.vouchers()[Symbol.iterator]();
    yield* this.merge(it, null, null);
  }

  /** Vouchers in [from, to]; sequential ranges continue one pass over the source instead of restarting. */
  range(from: IsoDate, to: IsoDate): VoucherRecord[] {
    this.ensureScanned();
    if (this.cursor === null || (this.cursor.position !== null && from <= this.cursor.position)) {
      this.cursor = { iterator: this.source.vouchers()[Symbol.iterator](), position: null, peeked: null };
    }
    const cursor = this.cursor;
    const out: VoucherRecord[] = [];
    for (;;) {
      let next = cursor.peeked;
      cursor.peeked = null;
      if (next === null) {
        const r = cursor.iterator.next();
        if (r.done) break;
        next = r.value;
      }
      if (next.date > to) {
        cursor.peeked = next;
        break;
      }
      cursor.position = next.date;
      if (next.date < from) continue;
      const served = this.serve(next);
      if (served) out.push(served);
    }
    for (const e of this.extras) {
      if (e.date < from || e.date > to) continue;
      const served = this.serve(e);
      if (served) out.push(served);
    }
    for (const m of this.moved.values()) if (m.date >= from && m.date <= to) out.push(this.present(m));
    for (const a of this.additions) if (a.date >= from && a.date <= to) out.push(this.present(a));
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  private *merge(
    it: Iterator<VoucherRecord>,
    from: IsoDate | null,
    to: IsoDate | null,
  ): Generator<VoucherRecord> {
    for (let r = it.next(); !r.done; r = it.next()) {
      const served = this.serve(r.value);
      if (served && (from === null || served.date >= from) && (to === null || served.date <= to))
        yield served;
    }
    for (const e of this.extras) {
      const served = this.serve(e);
      if (served) yield served;
    }
    for (const m of this.moved.values()) yield this.present(m);
    for (const a of this.additions) yield this.present(a);
  }

  private serve(v: VoucherRecord): VoucherRecord | null {
    if (this.overlay.has(v.guid)) {
      const altered = this.overlay.get(v.guid) ?? null;
      return altered ? this.present(altered) : null;
    }
    return this.present(v);
  }

  /** Applies renames and automatic renumbering, neither of which moves the voucher's AlterID. */
  private present(v: VoucherRecord): VoucherRecord {
    let out = v;
    if (this.typeRenames.size > 0) out = { ...out, voucherType: this.typeName(out.voucherType) };
    if (this.renames.size > 0) {
      const rename = (n: string): string => this.renames.get(n) ?? n;
      out = {
        ...out,
        partyLedgerName: out.partyLedgerName === null ? null : rename(out.partyLedgerName),
        entries: out.entries.map((e) => ({ ...e, ledgerName: rename(e.ledgerName) })),
      };
    }
    if (this.itemRenames.size > 0 && out.inventory) {
      out = {
        ...out,
        inventory: out.inventory.map((l) => ({
          ...l,
          stockItemName: this.itemRenames.get(l.stockItemName) ?? l.stockItemName,
        })),
      };
    }
    if (!this.additions.includes(v) && !this.extraGuids.has(v.guid)) {
      // Automatic numbering: every insertion before a voucher moves its number up, every deletion down.
      const before = (x: { voucherType: string; date: IsoDate }): boolean =>
        this.typeName(x.voucherType) === this.typeName(v.voucherType) &&
        x.date <= v.date &&
        this.isAuto(x.voucherType);
      const shift = this.additions.filter(before).length - this.deletions.filter(before).length;
      if (shift !== 0) out = { ...out, voucherNumber: bump(out.voucherNumber, shift) };
    }
    return out;
  }

  private typeName(name: string): string {
    return this.typeRenames.get(name) ?? name;
  }

  private isAuto(type: string): boolean {
    const name = this.typeName(type);
    return this.voucherTypes.some((t) => t.name === name && t.autoNumbered);
  }

  find(guid: string): VoucherRecord | null {
    for (const v of this.all()) if (v.guid === guid) return v;
    return null;
  }

  // ---- mutations (the API tests and demos use to make AlterIDs move) ----

  /** Adds a voucher; in an automatically numbered type it takes the next number and later ones shift. */
  addVoucher(v: Omit<VoucherRecord, 'alterId'>): VoucherRecord {
    this.ensureScanned();
    let number = v.voucherNumber;
    if (this.isAuto(v.voucherType)) {
      let before = 0;
      for (const x of this.all()) {
        if (x.voucherType === v.voucherType && x.date < v.date && !this.extraGuids.has(x.guid)) before++;
      }
      number = String(before + 1);
    }
    const record: VoucherRecord = { ...v, voucherNumber: number, alterId: this.nextAlterId() };
    this.additions = [...this.additions, record].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    this.touchCount(record, +1);
    this.voucherAlterIdValue = record.alterId;
    return record;
  }

  alterVoucher(guid: string, change: (v: VoucherRecord) => VoucherRecord): VoucherRecord {
    this.ensureScanned();
    const current = this.find(guid);
    if (!current) throw new Error(`No voucher ${guid}`);
    const next = { ...change(current), guid, alterId: this.nextAlterId() };
    const added = this.additions.findIndex((a) => a.guid === guid);
    if (added >= 0) {
      this.additions[added] = next;
      this.additions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    } else if (this.moved.has(guid) || next.date !== current.date) {
      this.overlay.set(guid, null);
      this.moved.set(guid, next);
    } else this.overlay.set(guid, next);
    // Cancelling or making optional takes one away from the active counts, as in Tally.
    this.touchCount(current, -1);
    this.touchCount(next, +1);
    this.voucherAlterIdValue = next.alterId;
    return next;
  }

  deleteVoucher(guid: string): void {
    this.ensureScanned();
    const current = this.find(guid);
    if (!current) throw new Error(`No voucher ${guid}`);
    const added = this.additions.findIndex((a) => a.guid === guid);
    if (added >= 0) this.additions = this.additions.filter((a) => a.guid !== guid);
    else {
      this.overlay.set(guid, null);
      if (!this.extraGuids.has(guid)) {
        this.deletions.push({ voucherType: current.voucherType, date: current.date });
      }
    }
    this.moved.delete(guid);
    this.touchCount(current, -1);
    // Deleting moves the company's AltVchId although the voucher is gone.
    this.voucherAlterIdValue = this.nextAlterId();
  }

  /** Creates a ledger (a new master: AltMstId moves). */
  addLedger(ledger: Omit<LedgerRecord, 'alterId'>): LedgerRecord {
    this.ensureScanned();
    if (this.ledgers.some((l) => l.name === ledger.name)) throw new Error(`Ledger ${ledger.name} exists`);
    const record: LedgerRecord = { ...ledger, alterId: this.nextAlterId() };
    this.ledgers.push(record);
    this.masterAlterId = record.alterId;
    return record;
  }

  /** Alters a stock item (opening, costing method, name ...): it alone gets a new AlterID, as in Tally. */
  alterStockItem(name: string, change: (item: StockItemRecord) => StockItemRecord): StockItemRecord {
    this.ensureScanned();
    const index = this.stockItems.findIndex((i) => i.name === name);
    if (index < 0) throw new Error(`No stock item ${name}`);
    const current = this.stockItems[index]!;
    const next = { ...change(current), guid: current.guid, alterId: this.nextAlterId() };
    this.stockItems[index] = next;
    if (next.name !== current.name) chainRename(this.itemRenames, current.name, next.name);
    this.masterAlterId = next.alterId;
    return next;
  }

  renameLedger(oldName: string, newName: string): void {
    this.renameMaster(this.ledgers, 'ledger', oldName, newName);
    chainRename(this.renames, oldName, newName);
  }

  /**
   * Renames a group. Tally rewrites the name wherever it is used (sub-groups' and ledgers' parent) without
   * moving those masters' AlterIDs: only the group itself changes.
   */
  renameGroup(oldName: string, newName: string): void {
    this.renameMaster(this.groups, 'group', oldName, newName);
    for (const g of this.groups) if (g.parent === oldName) g.parent = newName;
    for (const l of this.ledgers) if (l.parent === oldName) l.parent = newName;
  }

  /** Renames a voucher type: its vouchers and sub-types show the new name, their AlterIDs unchanged. */
  renameVoucherType(oldName: string, newName: string): void {
    this.renameMaster(this.voucherTypes, 'voucher type', oldName, newName);
    // A predefined type is its own parent, so it follows too.
    for (const t of this.voucherTypes) if (t.parent === oldName) t.parent = newName;
    chainRename(this.typeRenames, oldName, newName);
  }

  /** The renamed master alone gets a new AlterID (and so moves AltMstId). */
  private renameMaster(
    masters: { name: string; alterId: number }[],
    kind: string,
    oldName: string,
    newName: string,
  ): void {
    this.ensureScanned();
    const master = masters.find((m) => m.name === oldName);
    if (!master) throw new Error(`No ${kind} ${oldName}`);
    master.name = newName;
    master.alterId = this.nextAlterId();
    this.masterAlterId = master.alterId;
  }

  private touchCount(v: VoucherRecord, delta: number): void {
    this.ensureScanned();
    const counts = this.counts as Map<IsoDate, DateCount>;
    const c = counts.get(v.date) ?? { all: 0, active: 0 };
    c.all += delta;
    if (isActive(v)) c.active += delta;
    if (c.all > 0) counts.set(v.date, c);
    else counts.delete(v.date);
    this.cursor = null;
  }
}

function bump(number: string, by: number): string {
  const m = /^(.*?)(\d+)$/.exec(number);
  if (!m) return number;
  const digits = m[2] ?? '0';
  return `${m[1]}${String(Number(digits) + by).padStart(digits.length, '0')}`;
}

/** Neither cancelled nor optional. */
function isActive(v: VoucherRecord): boolean {
  return !v.isCancelled && !v.isOptional;
}

/** Does a request with this filter get the voucher? */
export function admits(filter: VoucherFilter, v: VoucherRecord): boolean {
  return !(filter.excludeCancelled && v.isCancelled) && !(filter.excludeOptional && v.isOptional);
}

/** Records old → new in a rename map, moving earlier renames that ended at the old name along. */
function chainRename(renames: Map<string, string>, oldName: string, newName: string): void {
  for (const [k, v] of renames) if (v === oldName) renames.set(k, newName);
  renames.set(oldName, newName);
}
