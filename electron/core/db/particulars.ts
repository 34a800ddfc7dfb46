/** Other ledgers stored per entry (schema v7); the count covers the rest ("+N more"). */
export const PARTICULAR_LEDGERS = 3;

/** An entry's particulars as stored: first other ledger, distinct other ledgers, the next ones ("12,40"). */
export type EntryParticulars = [otherLedgerId: number | null, otherLedgerCount: number, more: string | null];

const NO_PARTICULARS: EntryParticulars = [null, 0, null];

/** Up to this many entries the quadratic walk below is cheapest; longer vouchers go by side lists. */
const SMALL_VOUCHER = 16;

// Scratch space reused across vouchers (the writer is synchronous): this runs for every voucher of a
// million-voucher load, so it allocates nothing but its result.
const order: number[] = [];
const sizes: number[] = [];
const signs: number[] = [];

/**
 * The entry's particulars among the entries on one side of it (`same`: its own sign, else the others),
 * leaving its own ledger out; null when there is none. `order` holds the entries biggest amount first.
 */
function pick(
  ledgerIds: readonly number[],
  n: number,
  own: number,
  sign: number,
  same: boolean,
): EntryParticulars | null {
  let count = 0;
  let first = 0;
  let more: string | null = null;
  for (let p = 0; p < n; p++) {
    const j = order[p]!;
    const id = ledgerIds[j]!;
    if (id === own || (signs[j] === sign) !== same) continue;
    // A ledger counts once, where its biggest entry ranks: skip it if an earlier entry named it.
    let seen = false;
    for (let q = 0; q < p && !seen; q++) {
      const k = order[q]!;
      seen = ledgerIds[k] === id && (signs[k] === sign) === same;
    }
    if (seen) continue;
    count++;
    if (count === 1) first = id;
    else if (count === 2) more = String(id);
    else if (count <= PARTICULAR_LEDGERS) more += `,${id}`;
  }
  return count === 0 ? null : [first, count, more];
}

/**
 * The particulars of each entry of one voucher, as a ledger statement shows them: the voucher's other
 * ledgers (the entry's own ledger left out), on the opposite side when there is any (amount sign
 * differs), else on the same side; each ledger once, biggest amount first (a ledger ranks by its biggest
 * entry), ties in entry order. Migration 007 computes the same in SQL for stored entries.
 */
export function voucherParticulars(
  ledgerIds: readonly number[],
  amounts: readonly number[],
): EntryParticulars[] {
  const n = ledgerIds.length;
  // Most vouchers have two entries: each one's particulars is simply the other ledger.
  if (n === 2) {
    const a = ledgerIds[0]!;
    const b = ledgerIds[1]!;
    return a === b
      ? [NO_PARTICULARS, NO_PARTICULARS]
      : [
          [b, 1, null],
          [a, 1, null],
        ];
  }
  if (n > SMALL_VOUCHER) return largeVoucherParticulars(ledgerIds, amounts);
  // Entry indexes by amount, biggest first, ties in entry order (insertion sort: vouchers are short).
  order.length = 0;
  for (let i = 0; i < n; i++) {
    const amount = amounts[i]!;
    sizes[i] = Math.abs(amount);
    signs[i] = Math.sign(amount);
    let k = i;
    while (k > 0 && sizes[order[k - 1]!]! < sizes[i]!) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
  const result: EntryParticulars[] = new Array<EntryParticulars>(n);
  for (let i = 0; i < n; i++) {
    const own = ledgerIds[i]!;
    result[i] =
      pick(ledgerIds, n, own, signs[i]!, false) ?? pick(ledgerIds, n, own, signs[i]!, true) ?? NO_PARTICULARS;
  }
  return result;
}

/**
 * The same for long vouchers (payroll, big journals) in O(n log n): per sign, the distinct ledgers of
 * the entries on each side in display order, computed once; an entry's particulars are the list of its
 * side without its own ledger (dropping a ledger afterwards keeps the order dropping its entries gives).
 */
function largeVoucherParticulars(
  ledgerIds: readonly number[],
  amounts: readonly number[],
): EntryParticulars[] {
  const n = ledgerIds.length;
  const byAmount = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(amounts[b]!) - Math.abs(amounts[a]!) || a - b,
  );
  const sides = new Map<number, { list: number[]; set: Set<number> }>();
  const side = (sign: number, same: boolean): { list: number[]; set: Set<number> } => {
    const key = sign * 2 + (same ? 1 : 0);
    let found = sides.get(key);
    if (!found) {
      found = { list: [], set: new Set() };
      for (const j of byAmount) {
        const id = ledgerIds[j]!;
        if ((Math.sign(amounts[j]!) === sign) === same && !found.set.has(id)) {
          found.set.add(id);
          found.list.push(id);
        }
      }
      sides.set(key, found);
    }
    return found;
  };
  const result: EntryParticulars[] = [];
  for (let i = 0; i < n; i++) {
    const own = ledgerIds[i]!;
    const sign = Math.sign(amounts[i]!);
    let chosen = side(sign, false);
    let count = chosen.list.length - (chosen.set.has(own) ? 1 : 0);
    if (count === 0) {
      chosen = side(sign, true);
      count = chosen.list.length - (chosen.set.has(own) ? 1 : 0);
    }
    const picked: number[] = [];
    for (const id of chosen.list) {
      if (picked.length === PARTICULAR_LEDGERS) break;
      if (id !== own) picked.push(id);
    }
    result.push(
      count === 0
        ? NO_PARTICULARS
        : [picked[0]!, count, picked.length > 1 ? picked.slice(1).join(',') : null],
    );
  }
  return result;
}
