import { AppError } from '../../../shared/errors';
import { formatInr } from '../../../shared/money';
import { addDays, type IsoDate } from '../../../shared/dates';
import type {
  BillAllocationRecord,
  BillType,
  GroupRecord,
  LedgerEntryRecord,
  LedgerRecord,
  Nature,
  OpeningBillRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../db/records';
import { child, childText, type XNode } from './node';
import { describeObject } from './parser';
import { creditPeriodDays, tallyDate, tallyInt, text, toAppAmount, yesNo } from './quirks';

/** Turns Tally's native objects into the app's records (debit positive, paise, ISO dates). */

/** Every element the mappers below read; the parser skips all others (see ParseOptions.keep). */
export const FIELDS_READ: ReadonlySet<string> = new Set([
  // identity and names
  'GUID',
  'NAME',
  'LANGUAGENAME.LIST',
  'NAME.LIST',
  'PARENT',
  'RESERVEDNAME',
  'ALTERID',
  'MASTERID',
  // company
  'BOOKSFROM',
  'STARTINGFROM',
  'ALTMSTID',
  'ALTVCHID',
  // groups, ledgers, voucher types
  'ISREVENUE',
  'AFFECTSGROSSPROFIT',
  'ISDEEMEDPOSITIVE',
  'OPENINGBALANCE',
  'ISBILLWISEON',
  'BILLCREDITPERIOD',
  'PARTYGSTIN',
  'GSTIN',
  'LEDSTATENAME',
  'STATENAME',
  'BILLDATE',
  'NUMBERINGMETHOD',
  // vouchers
  'DATE',
  'VOUCHERTYPENAME',
  'VOUCHERNUMBER',
  'PARTYLEDGERNAME',
  'NARRATION',
  'REFERENCE',
  'ISCANCELLED',
  'ISOPTIONAL',
  'ISDELETED',
  'ALLLEDGERENTRIES.LIST',
  'LEDGERENTRIES.LIST',
  'ALLINVENTORYENTRIES.LIST',
  'INVENTORYENTRIES.LIST',
  'ACCOUNTINGALLOCATIONS.LIST',
  'LEDGERNAME',
  'AMOUNT',
  'BILLALLOCATIONS.LIST',
  'BILLTYPE',
  // per-date counts
  'COUNT',
]);

export interface TallyCompany {
  guid: string;
  name: string;
  booksFrom: IsoDate | null;
  masterAlterId: number;
  voucherAlterId: number;
}

const invalid = (node: XNode, what: string): AppError =>
  new AppError('IMPORT_INVALID', `${capitalise(describeObject(node))}: ${what}`, {
    object: node.name,
    guid: (childText(node, 'GUID') ?? '').trim() || null,
  });

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Wraps quirk errors ("AMOUNT is not an amount") so they name the object they came from. */
function within<T>(node: XNode, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_INVALID') throw invalid(node, error.message);
    throw error;
  }
}

/** NAME attribute, else <NAME>, else the first LANGUAGENAME.LIST > NAME.LIST > NAME. */
export function objectName(node: XNode): string | null {
  const fromAttr = text(node.attrs.NAME);
  if (fromAttr) return fromAttr;
  const direct = text(childText(node, 'NAME'));
  if (direct) return direct;
  const lang = child(node, 'LANGUAGENAME.LIST');
  const list = lang ? child(lang, 'NAME.LIST') : undefined;
  return list ? text(childText(list, 'NAME')) : null;
}

function requireGuid(node: XNode): string {
  const guid = text(childText(node, 'GUID')) ?? text(node.attrs.REMOTEID);
  if (!guid) throw invalid(node, 'it has no GUID');
  return guid;
}

export function mapCompany(node: XNode): TallyCompany {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    return {
      guid: requireGuid(node),
      name,
      booksFrom:
        tallyDate(childText(node, 'BOOKSFROM'), 'BOOKSFROM') ??
        tallyDate(childText(node, 'STARTINGFROM'), 'STARTINGFROM'),
      masterAlterId: tallyInt(childText(node, 'ALTMSTID'), 'ALTMSTID'),
      voucherAlterId: tallyInt(childText(node, 'ALTVCHID'), 'ALTVCHID'),
    };
  });
}

function natureOf(isRevenue: boolean, isDeemedPositive: boolean): Nature {
  if (isRevenue) return isDeemedPositive ? 'expense' : 'income';
  return isDeemedPositive ? 'asset' : 'liability';
}

export function mapGroup(node: XNode): GroupRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    const parent = text(childText(node, 'PARENT'));
    const isRevenue = yesNo(childText(node, 'ISREVENUE'));
    return {
      guid: requireGuid(node),
      name,
      parent: parent === null || parent === 'Primary' ? null : parent,
      nature: natureOf(isRevenue, yesNo(childText(node, 'ISDEEMEDPOSITIVE'))),
      isRevenue,
      affectsGrossProfit: yesNo(childText(node, 'AFFECTSGROSSPROFIT')),
      reservedName: text(node.attrs.RESERVEDNAME) ?? text(childText(node, 'RESERVEDNAME')),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

/** Bill date + credit days, remembered: a sync meets the same few hundred combinations again and again. */
const dueDates = new Map<string, IsoDate>();
function dueDateOf(billDate: IsoDate, days: number): IsoDate {
  const key = `${billDate}+${days}`;
  let due = dueDates.get(key);
  if (due === undefined) {
    due = addDays(billDate, days);
    if (dueDates.size >= 50_000) dueDates.clear();
    dueDates.set(key, due);
  }
  return due;
}

/** BILLCREDITPERIOD is "30 Days" or a due date; either way a due date follows from the bill date. */
function creditTerms(
  raw: string | undefined,
  billDate: IsoDate | null,
): { creditPeriodDays: number | null; dueDate: IsoDate | null } {
  const days = creditPeriodDays(raw);
  if (days !== null) return { creditPeriodDays: days, dueDate: billDate ? dueDateOf(billDate, days) : null };
  const due = text(raw) === null ? null : safeDate(raw);
  return { creditPeriodDays: null, dueDate: due };
}

function safeDate(raw: string | undefined): IsoDate | null {
  try {
    return tallyDate(raw, 'BILLCREDITPERIOD');
  } catch {
    // Free text such as "End of month": keep the bill, without a due date.
    return null;
  }
}

export function mapLedger(node: XNode): LedgerRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    const parent = text(childText(node, 'PARENT'));
    if (!parent) throw invalid(node, 'it has no parent group');
    const openingBills: OpeningBillRecord[] = [];
    for (const bill of node.children) {
      if (bill.name !== 'BILLALLOCATIONS.LIST') continue;
      const billName = text(childText(bill, 'NAME'));
      if (!billName) continue; // an empty <BILLALLOCATIONS.LIST> </BILLALLOCATIONS.LIST>
      const billDate = tallyDate(childText(bill, 'BILLDATE'), 'BILLDATE');
      openingBills.push({
        billName,
        billDate,
        amount: toAppAmount(childText(bill, 'OPENINGBALANCE') ?? childText(bill, 'AMOUNT'), 'OPENINGBALANCE'),
        ...creditTerms(childText(bill, 'BILLCREDITPERIOD'), billDate),
      });
    }
    return {
      guid: requireGuid(node),
      name,
      parent,
      openingBalance: toAppAmount(childText(node, 'OPENINGBALANCE'), 'OPENINGBALANCE'),
      isBillWise: yesNo(childText(node, 'ISBILLWISEON')),
      creditPeriodDays: creditPeriodDays(childText(node, 'BILLCREDITPERIOD')),
      gstin: text(childText(node, 'PARTYGSTIN')) ?? text(childText(node, 'GSTIN')),
      state: text(childText(node, 'LEDSTATENAME')) ?? text(childText(node, 'STATENAME')),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
      openingBills,
    };
  });
}

export function mapVoucherType(node: XNode): VoucherTypeRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    const method = text(childText(node, 'NUMBERINGMETHOD')) ?? '';
    return {
      guid: requireGuid(node),
      name,
      parent: text(childText(node, 'PARENT')) ?? name,
      autoNumbered: /^automatic/i.test(method),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

const BILL_TYPES: ReadonlySet<string> = new Set<BillType>(['New Ref', 'Agst Ref', 'Advance', 'On Account']);

/** A bill allocation's fields, read in one pass (the first of each name counts). */
function mapBill(bill: XNode, voucherDate: IsoDate): BillAllocationRecord | null {
  let typeText: string | undefined;
  let nameText: string | undefined;
  let amountText: string | undefined;
  let periodText: string | undefined;
  for (const c of bill.children) {
    switch (c.name) {
      case 'BILLTYPE':
        typeText ??= c.text;
        break;
      case 'NAME':
        nameText ??= c.text;
        break;
      case 'AMOUNT':
        amountText ??= c.text;
        break;
      case 'BILLCREDITPERIOD':
        periodText ??= c.text;
        break;
    }
  }
  const billType = text(typeText);
  const billName = text(nameText);
  if (billType === null && billName === null) return null; // empty list
  if (billType === null || !BILL_TYPES.has(billType)) {
    throw new AppError('IMPORT_INVALID', `bill "${billName ?? ''}" has an unknown type "${billType ?? ''}"`);
  }
  return {
    // On Account allocations carry no reference name in Tally.
    billName: billName ?? '',
    billType: billType as BillType,
    amount: toAppAmount(amountText, 'bill AMOUNT'),
    ...creditTerms(periodText, voucherDate),
  };
}

function mapEntry(entryNode: XNode, voucherDate: IsoDate): LedgerEntryRecord | null {
  let nameText: string | undefined;
  let amountText: string | undefined;
  const bills: BillAllocationRecord[] = [];
  for (const c of entryNode.children) {
    switch (c.name) {
      case 'LEDGERNAME':
        nameText ??= c.text;
        break;
      case 'AMOUNT':
        amountText ??= c.text;
        break;
      case 'BILLALLOCATIONS.LIST': {
        const bill = mapBill(c, voucherDate);
        if (bill) bills.push(bill);
        break;
      }
    }
  }
  const ledgerName = text(nameText);
  if (ledgerName === null) {
    if (text(amountText) === null) return null; // empty <ALLLEDGERENTRIES.LIST>
    throw new AppError('IMPORT_INVALID', 'a ledger entry has an amount but no LEDGERNAME');
  }
  return {
    ledgerGuid: null,
    ledgerName,
    amount: toAppAmount(amountText, `AMOUNT of the entry for "${ledgerName}"`),
    bills,
  };
}

const ENTRY_LISTS = new Set(['ALLLEDGERENTRIES.LIST', 'LEDGERENTRIES.LIST']);
const INVENTORY_LISTS = new Set(['ALLINVENTORYENTRIES.LIST', 'INVENTORYENTRIES.LIST']);

/** Accounting lines: ledger entries, plus the sales/purchase ledgers inside an invoice's inventory lines. */
function collectEntries(node: XNode, date: IsoDate): LedgerEntryRecord[] {
  const entries: LedgerEntryRecord[] = [];
  for (const c of node.children) {
    if (ENTRY_LISTS.has(c.name)) {
      const e = mapEntry(c, date);
      if (e) entries.push(e);
    } else if (INVENTORY_LISTS.has(c.name)) {
      for (const alloc of c.children) {
        if (alloc.name !== 'ACCOUNTINGALLOCATIONS.LIST') continue;
        const e = mapEntry(alloc, date);
        if (e) entries.push(e);
      }
    }
  }
  return entries;
}

export interface MappedVoucher {
  record: VoucherRecord;
  /** ISDELETED=Yes or ACTION="Delete" in an export: remove it instead of storing it. */
  deleted: boolean;
}

/** A voucher's own fields, read in one pass over its children (the first of each name counts). */
interface VoucherFields {
  guid?: string;
  date?: string;
  voucherTypeName?: string;
  alterId?: string;
  masterId?: string;
  voucherNumber?: string;
  party?: string;
  narration?: string;
  reference?: string;
  cancelled?: string;
  optional?: string;
  deleted?: string;
}

function readVoucherFields(node: XNode): VoucherFields {
  const f: VoucherFields = {};
  for (const c of node.children) {
    switch (c.name) {
      case 'GUID':
        f.guid ??= c.text;
        break;
      case 'DATE':
        f.date ??= c.text;
        break;
      case 'VOUCHERTYPENAME':
        f.voucherTypeName ??= c.text;
        break;
      case 'ALTERID':
        f.alterId ??= c.text;
        break;
      case 'MASTERID':
        f.masterId ??= c.text;
        break;
      case 'VOUCHERNUMBER':
        f.voucherNumber ??= c.text;
        break;
      case 'PARTYLEDGERNAME':
        f.party ??= c.text;
        break;
      case 'NARRATION':
        f.narration ??= c.text;
        break;
      case 'REFERENCE':
        f.reference ??= c.text;
        break;
      case 'ISCANCELLED':
        f.cancelled ??= c.text;
        break;
      case 'ISOPTIONAL':
        f.optional ??= c.text;
        break;
      case 'ISDELETED':
        f.deleted ??= c.text;
        break;
    }
  }
  return f;
}

export function mapVoucher(node: XNode): MappedVoucher {
  return within(node, () => {
    const f = readVoucherFields(node);
    const guid = text(f.guid) ?? text(node.attrs.REMOTEID);
    if (!guid) throw invalid(node, 'it has no GUID');
    const date = tallyDate(f.date, 'DATE');
    if (date === null) throw invalid(node, 'it has no DATE');
    const voucherType = text(f.voucherTypeName) ?? text(node.attrs.VCHTYPE);
    if (!voucherType) throw invalid(node, 'it has no voucher type');
    const record: VoucherRecord = {
      guid,
      alterId: tallyInt(f.alterId, 'ALTERID'),
      masterId: text(f.masterId) === null ? null : tallyInt(f.masterId, 'MASTERID'),
      date,
      voucherType,
      voucherNumber: text(f.voucherNumber) ?? '',
      partyLedgerName: text(f.party),
      narration: text(f.narration) ?? '',
      reference: text(f.reference),
      isCancelled: yesNo(f.cancelled),
      isOptional: yesNo(f.optional),
      entries: collectEntries(node, date),
    };
    const deleted = yesNo(f.deleted) || (node.attrs.ACTION ?? '').toLowerCase() === 'delete';
    if (!deleted && !record.isCancelled) {
      let sum = 0;
      let debit = 0;
      for (const e of record.entries) {
        sum += e.amount;
        if (e.amount > 0) debit += e.amount;
      }
      if (sum !== 0) {
        throw invalid(
          node,
          `it does not balance: debits ${formatInr(debit)}, credits ${formatInr(debit - sum)} (difference ${formatInr(sum)})`,
        );
      }
    }
    return { record, deleted };
  });
}
