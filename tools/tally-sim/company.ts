import type { IsoDate } from '../../shared/dates';
import type {
  GroupRecord,
  LedgerRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';
import type { SimSource } from './source';

/**
 * One company as the simulator holds it: the source streamed on demand (any size) plus an overlay of
 * changes made through the mutation API. AlterIDs come from one counter, as in Tally, so AltMstId and
 * AltVchId move whenever something changes.
 */
export class SimCompany {
  readonly guid: string;
  name: string;
  readonly booksFrom: IsoDate | null;
  readonly groups: GroupRecord[];
  readonly ledgers: LedgerRecord[];
  readonly voucherTypes: VoucherTypeRecord[];
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
  private counts: Map<IsoDate, number> | null = null;
  private cursor: {
    iterator: Iterator<VoucherRecord>;
    position: IsoDate | null;
    peeked: VoucherRecord | null;
  } | null = null;

  constructor(private readonly source: SimSource) {
    this.guid = source.company.guid;
    this.name = source.company.name;
    this.booksFrom = source.company.booksFrom;
    this.groups = source.groups.map((g) => ({ ...g }));
    this.ledgers = source.ledgers.map((l) => ({ ...l, openingBills: [...l.openingBills] }));
    this.voucherTypes = source.voucherTypes.map((t) => ({ ...t }));
    this.masterAlterId = Math.max(
      0,
      ...this.groups.map((g) => g.alterId),
      ...this.ledgers.map((l) => l.alterId),
      ...this.voucherTypes.map((t) => t.alterId),
    );
    this.counter = this.masterAlterId;
  }

  /** Highest voucher AlterID; needs one pass over the source the first time. */
  get voucherAlterId(): number {
    if (this.voucherAlterIdValue === null) this.scan();
    return this.voucherAlterIdValue ?? 0;
  }

  /** Active vouchers per date. */
  dateCounts(): Map<IsoDate, number> {
    if (this.counts === null) this.scan();
    return this.counts as Map<IsoDate, number>;
  }

  private scan(): void {
    const counts = new Map<IsoDate, number>();
    let max = 0;
    for (const v of this.all()) {
      if (v.alterId > max) max = v.alterId;
      if (isActive(v)) counts.set(v.date, (counts.get(v.date) ?? 0) + 1);
    }
    this.counts = counts;
    this.voucherAlterIdValue = Math.max(max, this.voucherAlterIdValue ?? 0);
    this.counter = Math.max(this.counter, max);
  }

  private nextAlterId(): number {
    if (this.voucherAlterIdValue === null) this.scan();
    return ++this.counter;
  }

  /** Source vouchers with the overlay, renames and renumbering applied, then additions, in date order. */
  *all(): Generator<VoucherRecord> {
    this.cursor = null;
    const it = this.source.vouchers()[Symbol.iterator]();
    yield* this.merge(it, null, null);
  }

  /** Vouchers in [from, to]; sequential ranges continue one pass over the source instead of restarting. */
  range(from: IsoDate, to: IsoDate): VoucherRecord[] {
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
    if (!this.additions.includes(v)) {
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
    let number = v.voucherNumber;
    if (this.isAuto(v.voucherType)) {
      let before = 0;
      for (const x of this.all()) if (x.voucherType === v.voucherType && x.date < v.date) before++;
      number = String(before + 1);
    }
    const record: VoucherRecord = { ...v, voucherNumber: number, alterId: this.nextAlterId() };
    this.additions = [...this.additions, record].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    if (isActive(record)) this.touchCount(record.date, +1);
    this.voucherAlterIdValue = record.alterId;
    return record;
  }

  alterVoucher(guid: string, change: (v: VoucherRecord) => VoucherRecord): VoucherRecord {
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
    // Counts are of active vouchers: cancelling or making optional takes one away, as in Tally.
    if (isActive(current)) this.touchCount(current.date, -1);
    if (isActive(next)) this.touchCount(next.date, +1);
    this.voucherAlterIdValue = next.alterId;
    return next;
  }

  deleteVoucher(guid: string): void {
    const current = this.find(guid);
    if (!current) throw new Error(`No voucher ${guid}`);
    const added = this.additions.findIndex((a) => a.guid === guid);
    if (added >= 0) this.additions = this.additions.filter((a) => a.guid !== guid);
    else {
      this.overlay.set(guid, null);
      this.deletions.push({ voucherType: current.voucherType, date: current.date });
    }
    this.moved.delete(guid);
    if (isActive(current)) this.touchCount(current.date, -1);
    // Deleting moves the company's AltVchId although the voucher is gone.
    this.voucherAlterIdValue = this.nextAlterId();
  }

  /** Creates a ledger (a new master: AltMstId moves). */
  addLedger(ledger: Omit<LedgerRecord, 'alterId'>): LedgerRecord {
    if (this.ledgers.some((l) => l.name === ledger.name)) throw new Error(`Ledger ${ledger.name} exists`);
    const record: LedgerRecord = { ...ledger, alterId: this.nextAlterId() };
    this.ledgers.push(record);
    this.masterAlterId = record.alterId;
    return record;
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
    const master = masters.find((m) => m.name === oldName);
    if (!master) throw new Error(`No ${kind} ${oldName}`);
    master.name = newName;
    master.alterId = this.nextAlterId();
    this.masterAlterId = master.alterId;
  }

  private touchCount(date: IsoDate, delta: number): void {
    const counts = this.dateCounts();
    const n = (counts.get(date) ?? 0) + delta;
    if (n > 0) counts.set(date, n);
    else counts.delete(date);
    this.cursor = null;
  }
}

function bump(number: string, by: number): string {
  const m = /^(.*?)(\d+)$/.exec(number);
  if (!m) return number;
  const digits = m[2] ?? '0';
  return `${m[1]}${String(Number(digits) + by).padStart(digits.length, '0')}`;
}

/** In the books: Tally's per-date counts and voucher exports leave cancelled and optional vouchers out. */
function isActive(v: VoucherRecord): boolean {
  return !v.isCancelled && !v.isOptional;
}

/** Records old → new in a rename map, moving earlier renames that ended at the old name along. */
function chainRename(renames: Map<string, string>, oldName: string, newName: string): void {
  for (const [k, v] of renames) if (v === oldName) renames.set(k, newName);
  renames.set(oldName, newName);
}
