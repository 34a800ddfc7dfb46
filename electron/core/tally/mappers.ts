import { AppError } from '../../../shared/errors';
import { addDays, type IsoDate } from '../../../shared/dates';
import {
  DEFAULT_COSTING_METHOD,
  isBaseVoucherType,
  PROFIT_AND_LOSS_LEDGER,
  type BillAllocationRecord,
  type BillType,
  type CompanyProfileRecord,
  type GodownRecord,
  type GroupRecord,
  type InventoryEntryRecord,
  type LedgerClosingValueRecord,
  type LedgerEntryRecord,
  type LedgerRecord,
  type Nature,
  type OpeningBillRecord,
  type StockGroupRecord,
  type StockItemRecord,
  type UnitRecord,
  type VoucherRecord,
  type VoucherTypeRecord,
} from '../db/records';
import { CONTACT_FIELDS, companyProfileOf, ledgerContactOf, ledgerInterestOf } from './contact-fields';
import { GST_FIELDS, ledgerGstOf, lineGstField, stockItemGstOf, voucherGstOf } from './gst-fields';
import { child, childText, childTexts, type XNode } from './node';
import { rememberUpTo } from './remember';
import { describeObject } from './parser';
import {
  creditPeriodDays,
  parentName,
  tallyDate,
  tallyInt,
  tallyQuantityMilli,
  tallyRate,
  text,
  toAppAmount,
  yesNo,
} from './quirks';

/** Turns Tally's native objects into the app's records (debit positive, paise, ISO dates). */

/** Elements the company, master and per-date count mappers read, one by one (FIELDS_READ, at the end). */
const MASTER_FIELDS = [
  // identity and names
  'GUID',
  'NAME',
  'LANGUAGENAME.LIST',
  'NAME.LIST',
  'PARENT',
  'RESERVEDNAME',
  'ALTERID',
  // company
  'BOOKSFROM',
  'STARTINGFROM',
  'ALTMSTID',
  'ALTVCHID',
  // groups, ledgers (with their opening bills), voucher types
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
  'BILLALLOCATIONS.LIST',
  'BILLDATE',
  'NUMBERINGMETHOD',
  // the Stock-in-Hand group's closing balance (Tally's closing stock)
  'CLOSINGBALANCE',
  // ledgers' dated closing values
  'LEDGERCLOSINGVALUES.LIST',
  'AMOUNT',
  // stock items, units (stock groups and godowns need nothing more)
  'BASEUNITS',
  'OPENINGVALUE',
  'OPENINGRATE',
  'COSTINGMETHOD',
  'ORIGINALNAME',
  'DECIMALPLACES',
  'ISSIMPLEUNIT',
  'ADDITIONALUNITS',
  'CONVERSION',
  // per-date counts
  'DATE',
  'COUNT',
] as const;

export interface TallyCompany {
  guid: string;
  name: string;
  booksFrom: IsoDate | null;
  /** Month (1–12) of STARTINGFROM, the start of the company's financial year; null when not given. */
  yearStartMonth: number | null;
  masterAlterId: number;
  voucherAlterId: number;
  /** The company master's address, state and GST registration (contact-fields.ts). */
  profile?: CompanyProfileRecord;
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

/** Tally's RESERVEDNAME of a predefined group or voucher type (attribute or element); null for the user's own. */
function reservedNameOf(node: XNode): string | null {
  return text(node.attrs.RESERVEDNAME) ?? text(childText(node, 'RESERVEDNAME'));
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
    const startingFrom = tallyDate(childText(node, 'STARTINGFROM'), 'STARTINGFROM');
    return {
      guid: requireGuid(node),
      name,
      booksFrom: tallyDate(childText(node, 'BOOKSFROM'), 'BOOKSFROM') ?? startingFrom,
      yearStartMonth: startingFrom === null ? null : Number(startingFrom.slice(5, 7)),
      masterAlterId: tallyInt(childText(node, 'ALTMSTID'), 'ALTMSTID'),
      voucherAlterId: tallyInt(childText(node, 'ALTVCHID'), 'ALTVCHID'),
      profile: companyProfileOf(node),
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
    const isRevenue = yesNo(childText(node, 'ISREVENUE'));
    return {
      guid: requireGuid(node),
      name,
      // Flags as sent; a sub-group's nature is its primary group's (derived when the masters are stored).
      parent: parentName(childText(node, 'PARENT')),
      nature: natureOf(isRevenue, yesNo(childText(node, 'ISDEEMEDPOSITIVE'))),
      isRevenue,
      affectsGrossProfit: yesNo(childText(node, 'AFFECTSGROSSPROFIT')),
      reservedName: reservedNameOf(node),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

const knownDueDate = rememberUpTo<IsoDate>(50_000);
const dueDateOf = (billDate: IsoDate, days: number): IsoDate =>
  knownDueDate(`${billDate}+${days}`, () => addDays(billDate, days));

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
    const parent = parentName(childText(node, 'PARENT'));
    const reservedName = reservedNameOf(node);
    // Only the reserved Profit & Loss A/c stands under no group (<PARENT/> or "&#4; Primary").
    if (!parent && reservedName !== PROFIT_AND_LOSS_LEDGER && name !== PROFIT_AND_LOSS_LEDGER) {
      throw invalid(node, 'it has no parent group');
    }
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
    const closingValues: LedgerClosingValueRecord[] = [];
    for (const value of node.children) {
      if (value.name !== 'LEDGERCLOSINGVALUES.LIST') continue;
      const date = tallyDate(childText(value, 'DATE'), 'LEDGERCLOSINGVALUES DATE');
      if (date === null) continue; // an empty <LEDGERCLOSINGVALUES.LIST> </LEDGERCLOSINGVALUES.LIST>
      closingValues.push({
        date,
        amount: toAppAmount(childText(value, 'AMOUNT'), 'LEDGERCLOSINGVALUES AMOUNT'),
      });
    }
    const gst = ledgerGstOf(node);
    const contact = ledgerContactOf(node);
    const interest = ledgerInterestOf(node);
    return {
      guid: requireGuid(node),
      name,
      parent,
      reservedName,
      ...(gst !== null ? { gst: gst.gst } : {}),
      ...(contact !== null ? { contact } : {}),
      ...(interest !== null ? { interest } : {}),
      ...(closingValues.length > 0 ? { closingValues } : {}),
      openingBalance: toAppAmount(childText(node, 'OPENINGBALANCE'), 'OPENINGBALANCE'),
      isBillWise: yesNo(childText(node, 'ISBILLWISEON')),
      creditPeriodDays: creditPeriodDays(childText(node, 'BILLCREDITPERIOD')),
      gstin: text(childText(node, 'PARTYGSTIN')) ?? text(childText(node, 'GSTIN')) ?? gst?.gstin ?? null,
      state:
        text(childText(node, 'LEDSTATENAME')) ?? text(childText(node, 'STATENAME')) ?? gst?.state ?? null,
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
    const reservedName = reservedNameOf(node);
    return {
      guid: requireGuid(node),
      name,
      // A predefined type stays the base type it is when the user renames it ("Sales" → "Tax Invoice").
      parent:
        reservedName !== null && isBaseVoucherType(reservedName)
          ? reservedName
          : (text(childText(node, 'PARENT')) ?? name),
      reservedName,
      autoNumbered: /^automatic/i.test(method),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

/** A stock group, godown: name, parent (null under Primary), GUID, AlterID. */
function mapNamedMaster(node: XNode): StockGroupRecord & GodownRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    return {
      guid: requireGuid(node),
      name,
      parent: parentName(childText(node, 'PARENT')),
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

export const mapStockGroup = (node: XNode): StockGroupRecord => mapNamedMaster(node);
export const mapGodown = (node: XNode): GodownRecord => mapNamedMaster(node);

export function mapUnit(node: XNode): UnitRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    const baseUnits = text(childText(node, 'BASEUNITS'));
    const additionalUnits = text(childText(node, 'ADDITIONALUNITS'));
    const simpleFlag = childText(node, 'ISSIMPLEUNIT');
    const isSimple = text(simpleFlag) === null ? additionalUnits === null : yesNo(simpleFlag);
    return {
      guid: requireGuid(node),
      name,
      formalName: text(childText(node, 'ORIGINALNAME')),
      decimalPlaces: tallyInt(childText(node, 'DECIMALPLACES'), 'DECIMALPLACES'),
      isSimple,
      baseUnits: isSimple ? null : baseUnits,
      additionalUnits: isSimple ? null : additionalUnits,
      conversion: isSimple ? null : tallyQuantityMilli(childText(node, 'CONVERSION'), 'CONVERSION').milli,
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

/**
 * A stock item. In Tally's masters OPENINGBALANCE is a quantity text (" 100 Nos"), OPENINGVALUE an amount
 * (Tally-signed: stock, an asset, is written negative) and OPENINGRATE a rate ("250.00/Nos").
 */
export function mapStockItem(node: XNode): StockItemRecord {
  return within(node, () => {
    const name = objectName(node);
    if (!name) throw invalid(node, 'it has no name');
    const gst = stockItemGstOf(node);
    return {
      guid: requireGuid(node),
      name,
      parent: parentName(childText(node, 'PARENT')),
      ...(gst !== null ? { gst } : {}),
      unit: text(childText(node, 'BASEUNITS')),
      openingQuantity: tallyQuantityMilli(childText(node, 'OPENINGBALANCE'), 'OPENINGBALANCE').milli,
      openingRate: tallyRate(childText(node, 'OPENINGRATE'), 'OPENINGRATE').paise,
      openingValue: toAppAmount(childText(node, 'OPENINGVALUE'), 'OPENINGVALUE'),
      costingMethod: text(childText(node, 'COSTINGMETHOD')) ?? DEFAULT_COSTING_METHOD,
      alterId: tallyInt(childText(node, 'ALTERID'), 'ALTERID'),
    };
  });
}

const BILL_TYPES: ReadonlySet<string> = new Set<BillType>(['New Ref', 'Agst Ref', 'Advance', 'On Account']);

const BILL_FIELDS = new Set(['BILLTYPE', 'NAME', 'AMOUNT', 'BILLCREDITPERIOD'] as const);

function mapBill(bill: XNode, voucherDate: IsoDate): BillAllocationRecord | null {
  // The first of each field, read in one pass (tag names are interned: comparisons are pointer checks).
  let typeText: string | undefined;
  let nameText: string | undefined;
  let amountText: string | undefined;
  let periodText: string | undefined;
  for (const c of bill.children) {
    const n = c.name;
    if (n === 'BILLTYPE') typeText ??= c.text;
    else if (n === 'NAME') nameText ??= c.text;
    else if (n === 'AMOUNT') amountText ??= c.text;
    else if (n === 'BILLCREDITPERIOD') periodText ??= c.text;
  }
  const f = { AMOUNT: amountText, BILLCREDITPERIOD: periodText };
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
    amount: toAppAmount(f.AMOUNT, 'bill AMOUNT'),
    ...creditTerms(f.BILLCREDITPERIOD, voucherDate),
  };
}

const ENTRY_FIELDS = new Set(['LEDGERNAME', 'AMOUNT'] as const);

function mapEntry(entryNode: XNode, voucherDate: IsoDate): LedgerEntryRecord | null {
  // ENTRY_FIELDS and the bills in one pass over the children.
  let ledgerText: string | undefined;
  let amountText: string | undefined;
  const bills: BillAllocationRecord[] = [];
  for (const c of entryNode.children) {
    const n = c.name;
    if (n === 'LEDGERNAME') ledgerText ??= c.text;
    else if (n === 'AMOUNT') amountText ??= c.text;
    else if (n === 'BILLALLOCATIONS.LIST') {
      const bill = mapBill(c, voucherDate);
      if (bill) bills.push(bill);
    }
  }
  const ledgerName = text(ledgerText);
  if (ledgerName === null) {
    if (text(amountText) === null) return null; // empty <ALLLEDGERENTRIES.LIST>
    throw new AppError('IMPORT_INVALID', 'a ledger entry has an amount but no LEDGERNAME');
  }
  return {
    ledgerGuid: null,
    ledgerName,
    amount: toAppAmount(amountText, `AMOUNT of the entry for "${ledgerName}"`),
    bills,
    ...lineGstField(entryNode),
  };
}

const ENTRY_LISTS = new Set(['ALLLEDGERENTRIES.LIST', 'LEDGERENTRIES.LIST']);
const INVENTORY_LISTS = new Set(['ALLINVENTORYENTRIES.LIST', 'INVENTORYENTRIES.LIST']);

/** Lines of one kind with their positions among the voucher's children (lines keep Tally's order). */
interface Lines {
  entries: LedgerEntryRecord[];
  at: number[];
}

const noLines = (): Lines => ({ entries: [], at: [] });

const sumOf = (entries: readonly LedgerEntryRecord[]): number => {
  let sum = 0;
  for (const e of entries) sum += e.amount;
  return sum;
};

/**
 * Accounting lines. ALLLEDGERENTRIES and LEDGERENTRIES are alternatives, not parts: an invoice can repeat
 * its party line in both, so the ALL… list is read when present (likewise for inventory lines). The
 * sales/purchase ledgers of an invoice sit inside its inventory lines (ACCOUNTINGALLOCATIONS); where the
 * ledger list already holds them (as a Collection's AllLedgerEntries does), adding them again would count
 * them twice, so they are left out when the ledger lines balance alone and adding them would not.
 * One pass over the children, then the two kinds merged by position.
 */
function collectEntries(node: XNode, date: IsoDate): LedgerEntryRecord[] {
  const ledgerAll = noLines();
  const ledgerPlain = noLines();
  const allocAll = noLines();
  const allocPlain = noLines();
  const children = node.children;
  for (let at = 0; at < children.length; at++) {
    const c = children[at] as XNode;
    const name = c.name;
    if (name === 'ALLLEDGERENTRIES.LIST' || name === 'LEDGERENTRIES.LIST') {
      const e = mapEntry(c, date);
      if (e === null) continue;
      const into = name === 'ALLLEDGERENTRIES.LIST' ? ledgerAll : ledgerPlain;
      into.entries.push(e);
      into.at.push(at);
    } else if (name === 'ALLINVENTORYENTRIES.LIST' || name === 'INVENTORYENTRIES.LIST') {
      const into = name === 'ALLINVENTORYENTRIES.LIST' ? allocAll : allocPlain;
      for (const alloc of c.children) {
        if (alloc.name !== 'ACCOUNTINGALLOCATIONS.LIST') continue;
        const e = mapEntry(alloc, date);
        if (e === null) continue;
        into.entries.push(e);
        into.at.push(at);
      }
    }
  }
  const ledger = ledgerAll.entries.length > 0 ? ledgerAll : ledgerPlain;
  const allocations = allocAll.entries.length > 0 ? allocAll : allocPlain;
  if (allocations.entries.length === 0) return ledger.entries;
  if (ledger.entries.length === 0) return allocations.entries;
  const ledgerSum = sumOf(ledger.entries);
  if (ledgerSum === 0 && ledgerSum + sumOf(allocations.entries) !== 0) return ledger.entries;
  const merged: LedgerEntryRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < ledger.entries.length || j < allocations.entries.length) {
    const takeLedger =
      j >= allocations.entries.length ||
      (i < ledger.entries.length && (ledger.at[i] as number) < (allocations.at[j] as number));
    merged.push((takeLedger ? ledger.entries[i++] : allocations.entries[j++]) as LedgerEntryRecord);
  }
  return merged;
}

const INVENTORY_FIELDS = new Set([
  'STOCKITEMNAME',
  'ISDEEMEDPOSITIVE',
  'ACTUALQTY',
  'BILLEDQTY',
  'RATE',
  'AMOUNT',
] as const);
const BATCH_FIELDS = new Set(['GODOWNNAME', 'AMOUNT', 'ACTUALQTY', 'BILLEDQTY', 'TRACKINGNUMBER'] as const);

/**
 * A batch allocation's TRACKINGNUMBER, or null for none: Tally writes "&#4; Not Applicable" for a line not
 * tracked (text() drops the marker), and some producers plain "Not Applicable".
 */
function trackingNumberOf(value: string | undefined): string | null {
  const t = text(value);
  return t === null || t.toLowerCase() === 'not applicable' ? null : t;
}

/**
 * One inventory line: quantities signed by direction (ISDEEMEDPOSITIVE Yes, a debit, is inward; without the
 * flag the amount's side decides), the godown and tracking number from its batch allocations. A line spread
 * over several godowns, or whose allocations differ in tracking number (part of an invoice against a
 * delivery note, part not), becomes one record per allocation (see InventoryEntryRecord).
 */
function mapInventoryLine(line: XNode): InventoryEntryRecord[] {
  const f = childTexts(line, INVENTORY_FIELDS);
  const stockItemName = text(f.STOCKITEMNAME);
  if (stockItemName === null) {
    if (text(f.AMOUNT) === null && text(f.ACTUALQTY) === null) return []; // an empty list
    throw new AppError('IMPORT_INVALID', 'an inventory line has an amount or quantity but no STOCKITEMNAME');
  }
  const what = `the inventory line of "${stockItemName}"`;
  const amount = toAppAmount(f.AMOUNT, `AMOUNT of ${what}`);
  const inward = text(f.ISDEEMEDPOSITIVE) !== null ? yesNo(f.ISDEEMEDPOSITIVE) : amount > 0;
  const direction = inward ? 1 : -1;
  const actual = tallyQuantityMilli(f.ACTUALQTY, `ACTUALQTY of ${what}`);
  const billed =
    text(f.BILLEDQTY) === null ? actual : tallyQuantityMilli(f.BILLEDQTY, `BILLEDQTY of ${what}`);
  const rate = tallyRate(f.RATE, `RATE of ${what}`);
  let ledgerName: string | null = null;
  // Almost every line has one batch allocation: its godown and tracking number are the line's. Several
  // godowns, or tracking numbers that differ, split the line (below).
  let batches = 0;
  let godown: string | null = null;
  let trackingNumber: string | null = null;
  let split = false;
  for (const c of line.children) {
    if (c.name === 'ACCOUNTINGALLOCATIONS.LIST') ledgerName ??= text(childText(c, 'LEDGERNAME'));
    else if (c.name === 'BATCHALLOCATIONS.LIST') {
      const batchGodown = text(childText(c, 'GODOWNNAME'));
      const tracking = trackingNumberOf(childText(c, 'TRACKINGNUMBER'));
      if (batchGodown !== null) {
        if (godown === null) godown = batchGodown;
        else if (godown !== batchGodown) split = true;
      }
      if (batches === 0) trackingNumber = tracking;
      else if (tracking !== trackingNumber) split = true;
      batches++;
    }
  }
  const base = {
    stockItemGuid: null,
    stockItemName,
    unit: actual.unit ?? billed.unit ?? rate.unit,
    rate: rate.paise,
    rateUnit: rate.unit,
    ...(ledgerName !== null ? { ledgerName } : {}),
    ...lineGstField(line),
  };
  if (!split) {
    return [
      {
        ...base,
        actualQuantity: direction * actual.milli,
        billedQuantity: direction * billed.milli,
        amount,
        godown,
        ...(trackingNumber !== null ? { trackingNumber } : {}),
      },
    ];
  }
  const out: InventoryEntryRecord[] = [];
  for (const batch of line.children) {
    if (batch.name !== 'BATCHALLOCATIONS.LIST') continue;
    const b = childTexts(batch, BATCH_FIELDS);
    const godown = text(b.GODOWNNAME);
    if (godown === null && text(b.AMOUNT) === null && text(b.ACTUALQTY) === null) continue;
    const batchActual = tallyQuantityMilli(b.ACTUALQTY, `ACTUALQTY of ${what}`);
    const batchBilled =
      text(b.BILLEDQTY) === null ? batchActual : tallyQuantityMilli(b.BILLEDQTY, `BILLEDQTY of ${what}`);
    const trackingNumber = trackingNumberOf(b.TRACKINGNUMBER);
    out.push({
      ...base,
      actualQuantity: direction * batchActual.milli,
      billedQuantity: direction * batchBilled.milli,
      amount: toAppAmount(b.AMOUNT, `AMOUNT of ${what}`),
      godown,
      ...(trackingNumber !== null ? { trackingNumber } : {}),
    });
  }
  return out;
}

/** Inventory lines: ALLINVENTORYENTRIES and INVENTORYENTRIES are alternatives, the ALL… list read when present. */
function collectInventory(node: XNode): InventoryEntryRecord[] {
  let fromAll: InventoryEntryRecord[] | null = null;
  let fromPlain: InventoryEntryRecord[] | null = null;
  for (const c of node.children) {
    if (c.name === 'ALLINVENTORYENTRIES.LIST') {
      const lines = mapInventoryLine(c);
      if (lines.length > 0) (fromAll ??= []).push(...lines);
    } else if (c.name === 'INVENTORYENTRIES.LIST') {
      const lines = mapInventoryLine(c);
      if (lines.length > 0) (fromPlain ??= []).push(...lines);
    }
  }
  return fromAll ?? fromPlain ?? [];
}

export interface MappedVoucher {
  record: VoucherRecord;
  /** ISDELETED=Yes or ACTION="Delete" in an export: remove it instead of storing it. */
  deleted: boolean;
}

const VOUCHER_FIELDS = new Set([
  'GUID',
  'DATE',
  'VOUCHERTYPENAME',
  'ALTERID',
  'MASTERID',
  'VOUCHERNUMBER',
  'PARTYLEDGERNAME',
  'NARRATION',
  'REFERENCE',
  'ISCANCELLED',
  'ISOPTIONAL',
  'ISPOSTDATED',
  'ISDELETED',
] as const);

export function mapVoucher(node: XNode): MappedVoucher {
  return within(node, () => {
    const f = childTexts(node, VOUCHER_FIELDS);
    const guid = text(f.GUID) ?? text(node.attrs.REMOTEID);
    if (!guid) throw invalid(node, 'it has no GUID');
    const date = tallyDate(f.DATE, 'DATE');
    if (date === null) throw invalid(node, 'it has no DATE');
    const voucherType = text(f.VOUCHERTYPENAME) ?? text(node.attrs.VCHTYPE);
    if (!voucherType) throw invalid(node, 'it has no voucher type');
    const record: VoucherRecord = {
      guid,
      alterId: tallyInt(f.ALTERID, 'ALTERID'),
      masterId: text(f.MASTERID) === null ? null : tallyInt(f.MASTERID, 'MASTERID'),
      date,
      voucherType,
      voucherNumber: text(f.VOUCHERNUMBER) ?? '',
      partyLedgerName: text(f.PARTYLEDGERNAME),
      narration: text(f.NARRATION) ?? '',
      reference: text(f.REFERENCE),
      isCancelled: yesNo(f.ISCANCELLED),
      isOptional: yesNo(f.ISOPTIONAL),
      isPostDated: yesNo(f.ISPOSTDATED),
      entries: collectEntries(node, date),
    };
    const inventory = collectInventory(node);
    if (inventory.length > 0) record.inventory = inventory;
    const gst = voucherGstOf(node);
    if (gst !== null) record.gst = gst;
    // Whether it must balance depends on its voucher type (orders and memoranda need not): the writer checks.
    const deleted = yesNo(f.ISDELETED) || (node.attrs.ACTION ?? '').toLowerCase() === 'delete';
    return { record, deleted };
  });
}

/**
 * Every element the mappers read; the parser skips all others (see ParseOptions.keep). The voucher part
 * is made of the voucher mappers' own field lists, so a field they start reading is never skipped.
 */
export const FIELDS_READ: ReadonlySet<string> = new Set<string>([
  ...MASTER_FIELDS,
  ...VOUCHER_FIELDS,
  ...ENTRY_LISTS,
  ...INVENTORY_LISTS,
  'ACCOUNTINGALLOCATIONS.LIST',
  ...ENTRY_FIELDS,
  'BILLALLOCATIONS.LIST',
  ...BILL_FIELDS,
  ...INVENTORY_FIELDS,
  'BATCHALLOCATIONS.LIST',
  ...BATCH_FIELDS,
  ...GST_FIELDS,
  ...CONTACT_FIELDS,
]);
