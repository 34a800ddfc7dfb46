import type { Paise } from '../../../shared/money';
import type { IsoDate } from '../../../shared/dates';
import type { CompanySource } from '../../../shared/types/reports';

/**
 * The records the store writes, in the app's own convention (debit positive, paise, ISO dates).
 * Producers: the Tally parser (electron/core/tally, the only place that knows Tally's signs),
 * the file importer and the demo generator.
 */
export type Nature = 'asset' | 'liability' | 'income' | 'expense';

export interface CompanyRecord {
  guid: string;
  name: string;
  source: CompanySource;
  booksFrom: IsoDate | null;
  /** Where booksFrom came from: Tally or the export file, estimated from the vouchers, or set by the user. */
  booksFromSource?: BooksFromSource | null;
  /** Month (1–12) the financial year starts in: Tally's STARTINGFROM; April when absent. */
  yearStartMonth?: number;
  masterAlterId: number;
  voucherAlterId: number;
  /**
   * The company's own name, address and GST registration as Tally keeps them (statements and printed
   * pages carry them). Absent: not known from this source, the stored profile stays as it is.
   */
  profile?: CompanyProfileRecord;
}

/** The company master's mailing details and GST registration (docs/TALLY.md "Contact details"). */
export interface CompanyProfileRecord {
  /** BASICCOMPANYFORMALNAME: the name printed on documents (may differ from the company's name). */
  mailingName: string | null;
  /** ADDRESS.LIST lines, in order. */
  address: string[];
  state: string | null;
  pincode: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  gstin: string | null;
  /** GSTREGISTRATIONTYPE as Tally writes it ("Regular", "Composition" ...). */
  registrationType: string | null;
}

export type BooksFromSource = 'tally' | 'file' | 'estimated' | 'user';

export interface GroupRecord {
  guid: string;
  name: string;
  /** Parent group name; null for a primary group. */
  parent: string | null;
  nature: Nature;
  isRevenue: boolean;
  affectsGrossProfit: boolean;
  /** Tally's RESERVEDNAME for predefined groups ("Sundry Debtors"), else null. */
  reservedName: string | null;
  alterId: number;
}

export interface OpeningBillRecord {
  billName: string;
  billDate: IsoDate | null;
  /** Debit positive. */
  amount: Paise;
  creditPeriodDays: number | null;
  dueDate: IsoDate | null;
}

/**
 * The reserved ledger every Tally company has: no group (exports write <PARENT/>), holding the profit of
 * earlier years as its opening balance. Tally's RESERVEDNAME and its usual name.
 */
export const PROFIT_AND_LOSS_LEDGER = 'Profit & Loss A/c';

/** The reserved ledger with no group: by Tally's RESERVEDNAME, or by its name where that was lost. */
export function isProfitAndLossLedger(l: { name: string; reservedName?: string | null }): boolean {
  return l.reservedName === PROFIT_AND_LOSS_LEDGER || l.name === PROFIT_AND_LOSS_LEDGER;
}

export interface LedgerRecord {
  guid: string;
  name: string;
  /** Parent group name; null only for the reserved Profit & Loss A/c, which stands under no group. */
  parent: string | null;
  /** Tally's RESERVEDNAME ("Profit & Loss A/c"); null or absent for the user's own ledgers. */
  reservedName?: string | null;
  /** Debit positive. */
  openingBalance: Paise;
  isBillWise: boolean;
  creditPeriodDays: number | null;
  gstin: string | null;
  state: string | null;
  alterId: number;
  openingBills: OpeningBillRecord[];
  /** GST details (registration of a party, duty head of a tax ledger, rate of a sales ledger); absent: none. */
  gst?: LedgerGstRecord;
  /**
   * LEDGERCLOSINGVALUES.LIST: dated closing balances the user entered (Stock-in-Hand ledgers of a company
   * whose inventory is not integrated with its accounts keep their closing stock here). Debit positive.
   * Absent: none.
   */
  closingValues?: LedgerClosingValueRecord[];
  /** A party's mailing and contact details; absent: the ledger carries none. */
  contact?: LedgerContactRecord;
  /** The ledger's interest parameters as Tally exports them; absent: interest is off. */
  interest?: LedgerInterestRecord;
}

/** A ledger's mailing and contact details as Tally keeps them (docs/TALLY.md "Contact details"). */
export interface LedgerContactRecord {
  mailingName: string | null;
  /** ADDRESS.LIST lines, in order. */
  address: string[];
  pincode: string | null;
  country: string | null;
  /** EMAIL: one address, or several separated by commas or semicolons as users type them. */
  email: string | null;
  emailCc: string | null;
  /** LEDGERMOBILE, with LEDGERCOUNTRYISDCODE in front when Tally gives one ("+91 98220 12345"). */
  mobile: string | null;
  phone: string | null;
  contactPerson: string | null;
}

/**
 * A ledger's interest settings as exported (ISINTERESTON Yes): the flags and one entry per
 * INTERESTCOLLECTION.LIST slab, values as Tally writes them (trimmed). Interpreted by
 * collections/tally-interest.ts.
 */
export interface LedgerInterestRecord {
  billWise: boolean;
  includeDayOfAddition: boolean;
  includeDayOfDeduction: boolean;
  slabs: LedgerInterestSlab[];
}

export interface LedgerInterestSlab {
  rate: string;
  style: string;
  balanceType: string;
  appliedOn: string;
  appliedFrom: string;
  fromType: string;
  roundType: string;
  roundLimit: string;
}

export interface LedgerClosingValueRecord {
  date: IsoDate;
  /** Debit positive. */
  amount: Paise;
}

/**
 * Quantities are integer thousandths of their unit (10.5 Kgs = 10500): exact sums, no floats. Tally's
 * units have up to 4 decimal places; a fourth decimal is rounded half away from zero (quirks.tallyQuantity).
 */
export type Milli = number;

/** Tally's "Avg. Cost" (its default), "FIFO", "LIFO Perpetual", "Std. Cost" ... as Tally names them. */
export const DEFAULT_COSTING_METHOD = 'Avg. Cost';

export interface StockGroupRecord {
  guid: string;
  name: string;
  /** Parent stock group name; null under Primary. */
  parent: string | null;
  alterId: number;
}

export interface UnitRecord {
  guid: string;
  /** The symbol Tally shows after quantities ("Nos", "Kgs"). */
  name: string;
  /** ORIGINALNAME: the formal name ("Numbers"). */
  formalName: string | null;
  decimalPlaces: number;
  /** False for a compound unit ("Box of 10 Nos"): baseUnits, additionalUnits and conversion say which. */
  isSimple: boolean;
  baseUnits: string | null;
  additionalUnits: string | null;
  /** Additional units per base unit of a compound unit, in thousandths; null for a simple unit. */
  conversion: Milli | null;
  alterId: number;
}

export interface GodownRecord {
  guid: string;
  name: string;
  /** Parent godown; null under Primary. */
  parent: string | null;
  alterId: number;
}

export interface StockItemRecord {
  guid: string;
  name: string;
  /** Stock group; null under Primary. */
  parent: string | null;
  /** BASEUNITS; null when the item has none ("&#4; Not Applicable"). */
  unit: string | null;
  /** OPENINGBALANCE (a quantity text in Tally), in thousandths of the base unit. */
  openingQuantity: Milli;
  /** OPENINGRATE, paise per unit (rounded half away from zero to the paisa); null when absent. */
  openingRate: Paise | null;
  /** OPENINGVALUE, debit positive (stock is an asset: Tally writes it negative). */
  openingValue: Paise;
  /** COSTINGMETHOD as Tally names it; DEFAULT_COSTING_METHOD when Tally sends none. */
  costingMethod: string;
  /** HSN code, taxability and rate from the item's GST details; absent: none. */
  gst?: GstRateRecord;
  alterId: number;
}

/**
 * One inventory line of a voucher (ALLINVENTORYENTRIES.LIST, else INVENTORYENTRIES.LIST). A line whose
 * batch allocations name more than one godown comes as one record per allocation (its quantities and
 * amount; the line's rate), so every record has one godown and the records of a line add up to it.
 */
export interface InventoryEntryRecord {
  /** Stock item GUID when known; the writer resolves stockItemName otherwise. */
  stockItemGuid: string | null;
  stockItemName: string;
  /** ACTUALQTY in thousandths; inward positive, outward negative (ISDEEMEDPOSITIVE Yes is inward). */
  actualQuantity: Milli;
  /** BILLEDQTY in thousandths, signed like actualQuantity. */
  billedQuantity: Milli;
  /** The unit the quantities were written in ("Nos"); null when Tally wrote none. */
  unit: string | null;
  /** RATE in paise per rateUnit (rounded half away from zero to the paisa); null when absent. */
  rate: Paise | null;
  rateUnit: string | null;
  /** Debit positive: a purchase line is positive, a sales line negative. */
  amount: Paise;
  /** BATCHALLOCATIONS.LIST GODOWNNAME; null when the line has none. */
  godown: string | null;
  /**
   * BATCHALLOCATIONS.LIST TRACKINGNUMBER: the delivery / receipt note (or rejection) this line is tracked
   * against, e.g. "DN/1"; absent or null for "Not Applicable" and none. An invoice's tracked line does
   * not move stock, its note does (docs/TALLY.md "Which lines move stock").
   */
  trackingNumber?: string | null;
  /**
   * The ledger of the line's accounting allocation (an invoice's sales/purchase ledger), when the source
   * says; not stored (the ledger line itself is among the voucher's entries).
   */
  ledgerName?: string | null;
  /** The line's own GST taxability / rate / HSN where the voucher overrides the item's; absent: none. */
  gst?: GstRateRecord;
}

/** Tally's predefined voucher types: the base every custom type derives from. */
export const BASE_VOUCHER_TYPES = [
  'Sales',
  'Purchase',
  'Receipt',
  'Payment',
  'Journal',
  'Contra',
  'Credit Note',
  'Debit Note',
  'Sales Order',
  'Purchase Order',
  'Delivery Note',
  'Receipt Note',
  'Rejections In',
  'Rejections Out',
  'Stock Journal',
  'Physical Stock',
  'Memorandum',
  'Reversing Journal',
  'Payroll',
  'Attendance',
  'Job Work In Order',
  'Job Work Out Order',
  'Material In',
  'Material Out',
] as const;
export type BaseVoucherType = (typeof BASE_VOUCHER_TYPES)[number];
const BASE_SET: ReadonlySet<string> = new Set(BASE_VOUCHER_TYPES);
export const isBaseVoucherType = (name: string): boolean => BASE_SET.has(name);

export interface VoucherTypeRecord {
  guid: string;
  name: string;
  /** The predefined type it derives from ("Sales", "Receipt", ...). */
  parent: string;
  /**
   * Tally's RESERVEDNAME of a predefined type: the base type it is, whatever it has been renamed to
   * ("Tax Invoice" with reserved name "Sales"). Null or absent for the user's own types.
   */
  reservedName?: string | null;
  /** Automatic numbering: Tally renumbers such vouchers without changing their AlterID. */
  autoNumbered: boolean;
  alterId: number;
}

export type BillType = 'New Ref' | 'Agst Ref' | 'Advance' | 'On Account';

export interface BillAllocationRecord {
  billName: string;
  billType: BillType;
  /** Debit positive. */
  amount: Paise;
  creditPeriodDays: number | null;
  dueDate: IsoDate | null;
}

export interface LedgerEntryRecord {
  /** Ledger GUID when known; the writer resolves ledgerName to a GUID otherwise. */
  ledgerGuid: string | null;
  ledgerName: string;
  /** Debit positive. */
  amount: Paise;
  bills: BillAllocationRecord[];
  /** The line's own GST taxability / rate where the voucher states them; absent: none. */
  gst?: GstRateRecord;
}

export interface VoucherRecord {
  guid: string;
  alterId: number;
  masterId: number | null;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
  partyLedgerName: string | null;
  narration: string;
  reference: string | null;
  isCancelled: boolean;
  isOptional: boolean;
  /** ISPOSTDATED: Tally posts it only once its date has come. Absent: false. */
  isPostDated?: boolean;
  entries: LedgerEntryRecord[];
  /** Inventory lines; absent or empty for a voucher without items. Rewritten with the voucher. */
  inventory?: InventoryEntryRecord[];
  /** The voucher's GST header (party GSTIN, place of supply, …); absent for a voucher without any. */
  gst?: VoucherGstRecord;
}

/**
 * GST facts as the returns need them (electron/core/gst/model.ts), read from Tally's tags by
 * electron/core/tally/gst-fields.ts (docs/TALLY.md "GST returns"). Rates are hundredths of a percent.
 */
export type GstRegistrationKind =
  'regular' | 'composition' | 'unregistered' | 'consumer' | 'sez' | 'overseas' | 'deemed-export' | 'uin';
export type GstTaxabilityKind = 'taxable' | 'nil' | 'exempt' | 'non-gst';
export type GstDutyHead = 'igst' | 'cgst' | 'sgst' | 'cess';

export interface GstRateRecord {
  hsn: string | null;
  taxability: GstTaxabilityKind | null;
  /** The whole rate (IGST, or CGST + SGST) in hundredths of a percent; null when not given. */
  rate: number | null;
  /**
   * The credit is blocked (GSTINELIGIBLEITC Yes on a master, GSTOVRDNINELIGIBLEITC Yes on a line): true;
   * stated eligible: false; absent when not stated.
   */
  ineligibleItc?: boolean;
  /** GSTNATUREOFTRANSACTION (master) / GSTOVRDNNATURE (line): "Imports Taxable", "Purchase Taxable", …. */
  nature?: string;
}

export interface LedgerGstRecord extends GstRateRecord {
  registration: GstRegistrationKind | null;
  /** A tax ledger's duty head (TAXTYPE GST with GSTDUTYHEAD); null for any other ledger. */
  dutyHead: GstDutyHead | null;
  /** The ledger's GST details say reverse charge applies (ISREVERSECHARGEAPPLICABLE). */
  reverseCharge: boolean;
}

export interface VoucherGstRecord {
  /** CMPGSTIN: the company's own GSTIN the voucher was entered under. */
  companyGstin: string | null;
  partyGstin: string | null;
  registration: GstRegistrationKind | null;
  /** PLACEOFSUPPLY as Tally writes it (the state's name). */
  placeOfSupply: string | null;
  /** STATENAME: the party's state on the voucher. */
  partyState: string | null;
  reverseCharge: boolean;
  /** REFERENCEDATE: on a purchase, the supplier's invoice date (its number is VoucherRecord.reference). */
  referenceDate: IsoDate | null;
  /**
   * A journal's GST statutory adjustment (Alt+J): TAXADJUSTMENT, the nature ("Increase of Input Tax Credit",
   * "Reversal of Input Tax Credit", …), and GSTADDITIONALDETAILS ("ISD Invoice/Debit Note", "Others", …).
   */
  adjustment?: { nature: string; details: string | null };
}

/**
 * A write into one company, atomic: nothing is visible to readers until commit(), and
 * rollback() (or any thrown error before commit) leaves the previous data exactly as it was.
 */
/** The company's closing stock as on a date, as Tally values it (debit positive). */
export interface TallyStockValue {
  date: IsoDate;
  value: Paise;
}

export interface CompanyWriter {
  /** 'replace': the writer starts from an empty company (full sync, demo, import); 'merge': incremental. */
  readonly mode: 'replace' | 'merge';
  putGroups(groups: readonly GroupRecord[]): void;
  putLedgers(ledgers: readonly LedgerRecord[]): void;
  putVoucherTypes(types: readonly VoucherTypeRecord[]): void;
  putStockGroups(groups: readonly StockGroupRecord[]): void;
  putUnits(units: readonly UnitRecord[]): void;
  putGodowns(godowns: readonly GodownRecord[]): void;
  /** Upserts by GUID (a rename keeps the item's key, so its inventory lines follow). */
  putStockItems(items: readonly StockItemRecord[]): void;
  /** Insert or replace vouchers (by GUID). Throws AppError IMPORT_INVALID naming the voucher if it is unusable. */
  putVouchers(vouchers: readonly VoucherRecord[]): void;
  deleteVouchers(guids: readonly string[]): void;
  deleteMasters(guids: readonly string[]): void;
  /** Renumber vouchers without touching anything else (Tally renumbers auto-numbered types). */
  renumberVouchers(numbers: readonly { guid: string; voucherNumber: string }[]): void;
  /**
   * Closing stock as Tally values it on dates it was asked about (debit positive). Replaces the stored
   * values dated on or after `from` (all of them when null): those are the ones the write may change.
   */
  putTallyStockValues(from: IsoDate | null, values: readonly TallyStockValue[]): void;
  /** GUID -> AlterID of stored vouchers, for deletion detection. */
  voucherAlterIds(): Map<string, number>;
  /** GUID -> AlterID of stored masters: groups, ledgers, voucher types, stock groups, units, godowns, stock items. */
  masterAlterIds(): Map<string, number>;
  /**
   * Makes the write visible. vouchersRemoved: stored vouchers that are gone after it (deleted in a merge;
   * in a replace, those of the previous copy whose GUID the new one does not have).
   */
  commit(company: CompanyRecord): { dataVersion: number; vouchersRemoved: number };
  rollback(): void;
}
