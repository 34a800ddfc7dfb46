import type {
  BillAllocationRecord,
  CompanyRecord,
  LedgerEntryRecord,
  LedgerRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../../electron/core/db/records';
import type { Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';

/**
 * Hand-built books for report tests whose figures are worked out by hand: voucher types, entries, bill
 * allocations and vouchers with everything a test does not care about defaulted. Amounts are given in
 * rupees (× 100 = paise), debit positive.
 */

/** Voucher types: a name is its own predefined type; [name, parent] derives from another. */
export function voucherTypes(
  prefix: string,
  types: readonly (string | readonly [string, string])[],
): VoucherTypeRecord[] {
  return types.map((t, i) => {
    const [name, parent] = typeof t === 'string' ? [t, t] : t;
    return {
      guid: `${prefix}-${i}`,
      name,
      parent,
      reservedName: name === parent ? name : null,
      autoNumbered: false,
      alterId: 4,
    };
  });
}

/** A bill allocation of `rupees` (signed like its entry). */
export const bill = (
  billName: string,
  billType: BillAllocationRecord['billType'],
  rupees: number,
  creditPeriodDays: number | null = null,
): BillAllocationRecord => ({
  billName,
  billType,
  amount: Math.round(rupees * 100),
  creditPeriodDays,
  dueDate: null,
});

export interface HandBooks {
  /** A ledger line of `rupees`, debit positive. */
  entry(ledgerGuid: string, rupees: number, bills?: BillAllocationRecord[]): LedgerEntryRecord;
  dr(ledgerGuid: string, rupees: number, bills?: BillAllocationRecord[]): LedgerEntryRecord;
  cr(ledgerGuid: string, rupees: number, bills?: BillAllocationRecord[]): LedgerEntryRecord;
  /** A voucher numbered by its GUID, each with the next AlterID; flags off unless `extra` sets them. */
  voucher(
    guid: string,
    date: string,
    voucherType: string,
    entries: LedgerEntryRecord[],
    extra?: Partial<VoucherRecord>,
  ): VoucherRecord;
}

/** Builders over a company's ledgers (entries name their ledger as the masters do). */
export function handBooks(ledgers: readonly LedgerRecord[]): HandBooks {
  const names = new Map(ledgers.map((l) => [l.guid, l.name]));
  const nameOf = (guid: string): string => {
    const name = names.get(guid);
    if (name === undefined) throw new Error(`No ledger ${guid} in the hand-built books`);
    return name;
  };
  let alterId = 10;
  const entry = (
    ledgerGuid: string,
    rupees: number,
    bills: BillAllocationRecord[] = [],
  ): LedgerEntryRecord => ({
    ledgerGuid,
    ledgerName: nameOf(ledgerGuid),
    amount: Math.round(rupees * 100),
    bills,
  });
  return {
    entry,
    dr: (guid, rupees, bills) => entry(guid, rupees, bills),
    cr: (guid, rupees, bills) => entry(guid, -rupees, bills),
    voucher: (guid, date, voucherType, entries, extra = {}) => ({
      guid,
      alterId: alterId++,
      masterId: null,
      date,
      voucherType,
      voucherNumber: guid,
      partyLedgerName: null,
      narration: '',
      reference: null,
      isCancelled: false,
      isOptional: false,
      isPostDated: false,
      entries,
      ...extra,
    }),
  };
}

/**
 * Writes one hand-built company into `store` (the predefined groups, its voucher types, ledgers and
 * vouchers, in one replace) and returns its masters for the reports.
 */
export function writeHandBooks(
  store: Store,
  company: CompanyRecord,
  books: { voucherTypes: VoucherTypeRecord[]; ledgers: LedgerRecord[]; vouchers: VoucherRecord[] },
): Masters {
  const writer = store.beginCompanyWrite(company, 'replace');
  writer.putGroups(predefinedGroups((id) => `g-${id}`, 1));
  writer.putVoucherTypes(books.voucherTypes);
  writer.putLedgers(books.ledgers);
  writer.putVouchers(books.vouchers);
  writer.commit(company);
  return loadMasters(store.db, store.requireCompany(company.guid));
}
