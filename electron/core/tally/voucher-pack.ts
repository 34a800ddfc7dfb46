import type { BillType, InventoryEntryRecord, VoucherRecord } from '../db/records';
import { packLineGst, packVoucherGst, unpackLineGst, unpackVoucherGst } from './gst-pack';
import type { MappedVoucher } from './mappers';

/**
 * A batch of mapped vouchers in a compact form for postMessage between the parse thread and the store
 * thread: every string concatenated into one, their lengths and all numbers in typed arrays (transferred,
 * not copied). Structured-cloning the record objects themselves cost ~10 µs per voucher on each side,
 * half of what storing a voucher costs; this costs ~1–2 µs.
 */
export interface PackedVouchers {
  count: number;
  text: string;
  lengths: Uint32Array<ArrayBuffer>;
  /** Integers (AlterIDs, paise, counts, flags); NaN stands for null. Float64 holds paise exactly. */
  numbers: Float64Array<ArrayBuffer>;
}

const BILL_TYPES: readonly BillType[] = ['New Ref', 'Agst Ref', 'Advance', 'On Account'];
const BILL_TYPE_CODE: ReadonlyMap<string, number> = new Map(BILL_TYPES.map((t, i) => [t, i]));

// Voucher flags.
const CANCELLED = 1;
const OPTIONAL = 2;
const DELETED = 4;
const HAS_PARTY = 8;
const HAS_REFERENCE = 16;
const POST_DATED = 32;
const HAS_INVENTORY = 64;
const HAS_GST = 128;
// Entry and bill flags.
const HAS_LEDGER_GUID = 1;
const ENTRY_GST = 2;
const HAS_DUE_DATE = 1;
// Inventory line flags.
const LINE_GUID = 1;
const LINE_UNIT = 2;
const LINE_RATE = 4;
const LINE_RATE_UNIT = 8;
const LINE_GODOWN = 16;
const LINE_LEDGER = 32;
const LINE_TRACKING = 64;
const LINE_GST = 128;

/** `into` (twice the size) holding `from`'s values. */
function doubled<T extends Float64Array | Uint32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** Growable typed buffers: sizes are unknown until the batch is walked. */
class NumberSink {
  data = new Float64Array(1024);
  size = 0;
  push(value: number): void {
    if (this.size === this.data.length) this.data = doubled(this.data, new Float64Array(this.size * 2));
    this.data[this.size++] = value;
  }
}

class StringSink {
  parts: string[] = [];
  lengths = new Uint32Array(1024);
  size = 0;
  push(value: string): void {
    if (this.size === this.lengths.length)
      this.lengths = doubled(this.lengths, new Uint32Array(this.size * 2));
    this.lengths[this.size++] = value.length;
    this.parts.push(value);
  }
}

export function packVouchers(vouchers: readonly MappedVoucher[]): PackedVouchers {
  const n = new NumberSink();
  const s = new StringSink();
  const pushNumber = (value: number): void => n.push(value);
  const pushString = (value: string): void => s.push(value);
  for (const { record: v, deleted } of vouchers) {
    n.push(
      (v.isCancelled ? CANCELLED : 0) |
        (v.isOptional ? OPTIONAL : 0) |
        (deleted ? DELETED : 0) |
        (v.partyLedgerName !== null ? HAS_PARTY : 0) |
        (v.reference !== null ? HAS_REFERENCE : 0) |
        (v.isPostDated === true ? POST_DATED : 0) |
        (v.inventory !== undefined && v.inventory.length > 0 ? HAS_INVENTORY : 0) |
        (v.gst !== undefined ? HAS_GST : 0),
    );
    n.push(v.alterId);
    n.push(v.masterId ?? NaN);
    n.push(v.entries.length);
    s.push(v.guid);
    s.push(v.date);
    s.push(v.voucherType);
    s.push(v.voucherNumber);
    if (v.partyLedgerName !== null) s.push(v.partyLedgerName);
    s.push(v.narration);
    if (v.reference !== null) s.push(v.reference);
    if (v.gst !== undefined) packVoucherGst(v.gst, pushNumber, pushString);
    for (const e of v.entries) {
      n.push((e.ledgerGuid !== null ? HAS_LEDGER_GUID : 0) | (e.gst !== undefined ? ENTRY_GST : 0));
      n.push(e.amount);
      n.push(e.bills.length);
      if (e.ledgerGuid !== null) s.push(e.ledgerGuid);
      s.push(e.ledgerName);
      if (e.gst !== undefined) packLineGst(e.gst, pushNumber, pushString);
      for (const b of e.bills) {
        n.push(b.dueDate !== null ? HAS_DUE_DATE : 0);
        n.push(BILL_TYPE_CODE.get(b.billType) ?? 0);
        n.push(b.amount);
        n.push(b.creditPeriodDays ?? NaN);
        s.push(b.billName);
        if (b.dueDate !== null) s.push(b.dueDate);
      }
    }
    if (v.inventory !== undefined && v.inventory.length > 0) {
      n.push(v.inventory.length);
      for (const line of v.inventory) {
        const ledgerName = line.ledgerName ?? null;
        const trackingNumber = line.trackingNumber ?? null;
        n.push(
          (line.stockItemGuid !== null ? LINE_GUID : 0) |
            (line.unit !== null ? LINE_UNIT : 0) |
            (line.rate !== null ? LINE_RATE : 0) |
            (line.rateUnit !== null ? LINE_RATE_UNIT : 0) |
            (line.godown !== null ? LINE_GODOWN : 0) |
            (ledgerName !== null ? LINE_LEDGER : 0) |
            (trackingNumber !== null ? LINE_TRACKING : 0) |
            (line.gst !== undefined ? LINE_GST : 0),
        );
        n.push(line.actualQuantity);
        n.push(line.billedQuantity);
        n.push(line.rate ?? NaN);
        n.push(line.amount);
        if (line.stockItemGuid !== null) s.push(line.stockItemGuid);
        s.push(line.stockItemName);
        if (line.unit !== null) s.push(line.unit);
        if (line.rateUnit !== null) s.push(line.rateUnit);
        if (line.godown !== null) s.push(line.godown);
        if (ledgerName !== null) s.push(ledgerName);
        if (trackingNumber !== null) s.push(trackingNumber);
        if (line.gst !== undefined) packLineGst(line.gst, pushNumber, pushString);
      }
    }
  }
  return {
    count: vouchers.length,
    text: s.parts.join(''),
    lengths: s.lengths.slice(0, s.size),
    numbers: n.data.slice(0, n.size),
  };
}

export function unpackVouchers(packed: PackedVouchers): MappedVoucher[] {
  const { text, lengths, numbers } = packed;
  let ni = 0;
  let si = 0;
  let offset = 0;
  const str = (): string => {
    const length = lengths[si++] as number;
    const value = text.slice(offset, offset + length);
    offset += length;
    return value;
  };
  const num = (): number => numbers[ni++] as number;
  const nullable = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const out: MappedVoucher[] = new Array<MappedVoucher>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const flags = num();
    const alterId = num();
    const masterId = nullable(num());
    const entryCount = num();
    const record: VoucherRecord = {
      guid: str(),
      alterId,
      masterId,
      date: str(),
      voucherType: str(),
      voucherNumber: str(),
      partyLedgerName: flags & HAS_PARTY ? str() : null,
      narration: str(),
      reference: flags & HAS_REFERENCE ? str() : null,
      isCancelled: (flags & CANCELLED) !== 0,
      isOptional: (flags & OPTIONAL) !== 0,
      isPostDated: (flags & POST_DATED) !== 0,
      entries: new Array(entryCount),
    };
    if (flags & HAS_GST) record.gst = unpackVoucherGst(num, str);
    for (let e = 0; e < entryCount; e++) {
      const entryFlags = num();
      const amount = num();
      const billCount = num();
      const ledgerGuid = entryFlags & HAS_LEDGER_GUID ? str() : null;
      const entry: VoucherRecord['entries'][number] = {
        ledgerGuid,
        ledgerName: str(),
        amount,
        bills: new Array<VoucherRecord['entries'][number]['bills'][number]>(billCount),
      };
      if (entryFlags & ENTRY_GST) entry.gst = unpackLineGst(num, str);
      for (let b = 0; b < billCount; b++) {
        const billFlags = num();
        const billType = BILL_TYPES[num()] as BillType;
        const billAmount = num();
        const creditPeriodDays = nullable(num());
        const billName = str();
        entry.bills[b] = {
          billName,
          billType,
          amount: billAmount,
          creditPeriodDays,
          dueDate: billFlags & HAS_DUE_DATE ? str() : null,
        };
      }
      record.entries[e] = entry;
    }
    if (flags & HAS_INVENTORY) {
      const lineCount = num();
      const inventory: InventoryEntryRecord[] = new Array<InventoryEntryRecord>(lineCount);
      for (let l = 0; l < lineCount; l++) {
        const lineFlags = num();
        const actualQuantity = num();
        const billedQuantity = num();
        const rate = nullable(num());
        const amount = num();
        const stockItemGuid = lineFlags & LINE_GUID ? str() : null;
        const stockItemName = str();
        const unit = lineFlags & LINE_UNIT ? str() : null;
        const rateUnit = lineFlags & LINE_RATE_UNIT ? str() : null;
        const godown = lineFlags & LINE_GODOWN ? str() : null;
        const line: InventoryEntryRecord = {
          stockItemGuid,
          stockItemName,
          actualQuantity,
          billedQuantity,
          unit,
          rate,
          rateUnit,
          amount,
          godown,
        };
        if (lineFlags & LINE_LEDGER) line.ledgerName = str();
        if (lineFlags & LINE_TRACKING) line.trackingNumber = str();
        if (lineFlags & LINE_GST) line.gst = unpackLineGst(num, str);
        inventory[l] = line;
      }
      record.inventory = inventory;
    }
    out[i] = { record, deleted: (flags & DELETED) !== 0 };
  }
  if (ni !== numbers.length || si !== lengths.length || offset !== text.length) {
    throw new Error('A packed voucher batch is inconsistent (internal error)');
  }
  return out;
}
