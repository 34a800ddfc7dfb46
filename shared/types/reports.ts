import type { Paise } from '../money';
import type { FinancialYear, IsoDate } from '../dates';

/** Every report answer says where it came from and how long it took. */
export interface Served<T> {
  data: T;
  /** 'cache' when served from the cache (either tier), 'database' when computed. */
  source: 'cache' | 'database';
  /** Milliseconds the service spent answering (cache lookup or computation). */
  tookMs: number;
}

export type SyncStatus = 'never' | 'syncing' | 'ok' | 'error';
export type CompanySource = 'tally' | 'import' | 'demo';

export interface RecordCounts {
  groups: number;
  ledgers: number;
  voucherTypes: number;
  vouchers: number;
  entries: number;
  bills: number;
}

export interface CompanySummary {
  guid: string;
  name: string;
  source: CompanySource;
  booksFrom: IsoDate | null;
  /**
   * Where booksFrom came from: Tally (a sync) or the export file, estimated from the earliest voucher
   * (an import without the company's facts: the user may correct it), or set by the user.
   */
  booksFromSource: 'tally' | 'file' | 'estimated' | 'user' | null;
  /** Month (1–12) the company's financial year starts in (Tally's STARTINGFROM; 4 = April). */
  yearStartMonth: number;
  /** Highest master / voucher AlterID seen in Tally (AltMstId / AltVchId). */
  masterAlterId: number;
  voucherAlterId: number;
  /** Bumped on every committed change; part of every cache key of the company. */
  dataVersion: number;
  lastSyncAt: string | null;
  syncStatus: SyncStatus;
  syncError: string | null;
  counts: RecordCounts;
  /** Financial years that have vouchers, newest first ("2025-26"). */
  financialYears: FinancialYear[];
  firstVoucherDate: IsoDate | null;
  lastVoucherDate: IsoDate | null;
}

export interface PartyAmount {
  ledgerGuid: string;
  name: string;
  amount: Paise;
}

export interface MonthlyPoint {
  /** "2025-04" */
  month: string;
  sales: Paise;
  purchases: Paise;
}

export interface OverdueBill {
  ledgerGuid: string;
  party: string;
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  overdueDays: number;
  /** Positive: receivable from the party. */
  amount: Paise;
}

export interface Dashboard {
  companyGuid: string;
  companyName: string;
  fy: FinancialYear;
  from: IsoDate;
  to: IsoDate;
  /** All KPI figures are positive numbers in paise except grossProfit, which may be negative (loss). */
  kpis: {
    sales: Paise;
    purchases: Paise;
    receipts: Paise;
    payments: Paise;
    grossProfit: Paise;
    receivables: Paise;
    payables: Paise;
    cashBalance: Paise;
    bankBalance: Paise;
  };
  monthly: MonthlyPoint[];
  topCustomers: PartyAmount[];
  topSuppliers: PartyAmount[];
  overdueReceivables: OverdueBill[];
  overdueReceivablesTotal: Paise;
}

export interface LedgerRef {
  guid: string;
  name: string;
  group: string;
  primaryGroup: string;
  isBillWise: boolean;
}

export interface LedgerStatementLine {
  date: IsoDate;
  voucherGuid: string;
  voucherType: string;
  voucherNumber: string;
  /** The other ledger(s) of the voucher, "A, B" (Tally shows "(as per details)" for many). */
  particulars: string;
  narration: string;
  debit: Paise;
  credit: Paise;
  /** Running balance after this line; debit positive. */
  balance: Paise;
}

export interface LedgerStatement {
  companyGuid: string;
  ledger: LedgerRef;
  from: IsoDate;
  to: IsoDate;
  opening: Paise;
  lines: LedgerStatementLine[];
  totalDebit: Paise;
  totalCredit: Paise;
  closing: Paise;
}

export type OutstandingKind = 'receivable' | 'payable';

export interface AgeingBucket {
  label: string;
  /** Inclusive lower bound in overdue days; the last bucket has toDays null. */
  fromDays: number;
  toDays: number | null;
  amount: Paise;
}

export interface OutstandingBill {
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  overdueDays: number;
  /** Positive: owed to us (receivable) / owed by us (payable), depending on the report kind. */
  amount: Paise;
}

export interface OutstandingParty {
  ledgerGuid: string;
  name: string;
  total: Paise;
  buckets: Paise[];
  bills: OutstandingBill[];
}

export interface Outstanding {
  companyGuid: string;
  kind: OutstandingKind;
  asOn: IsoDate;
  buckets: AgeingBucket[];
  parties: OutstandingParty[];
  total: Paise;
}

export interface TrialBalanceRow {
  guid: string;
  name: string;
  kind: 'group' | 'ledger';
  depth: number;
  parentGuid: string | null;
  opening: Paise;
  debit: Paise;
  credit: Paise;
  closing: Paise;
}

export interface TrialBalance {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  rows: TrialBalanceRow[];
  totalDebit: Paise;
  totalCredit: Paise;
  /** Closing balances: sum of debit balances and credit balances (positive numbers). */
  closingDebit: Paise;
  closingCredit: Paise;
}

export interface ProfitLossLine {
  groupName: string;
  amount: Paise;
  ledgers: { guid: string; name: string; amount: Paise }[];
}

export interface ProfitLoss {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  /** Amounts positive in their natural direction (incomes credit, expenses debit). */
  directIncomes: ProfitLossLine[];
  directExpenses: ProfitLossLine[];
  indirectIncomes: ProfitLossLine[];
  indirectExpenses: ProfitLossLine[];
  grossProfit: Paise;
  netProfit: Paise;
}

export interface DayBookEntry {
  ledgerGuid: string;
  ledgerName: string;
  /** Debit positive. */
  amount: Paise;
}

/**
 * Why a voucher the day book lists changes no balance, as Tally treats it: cancelled or optional; an
 * order or inventory note (not an accounting voucher); a memorandum or reversing journal (outside the
 * books); attendance; post-dated (posts once its date has come).
 */
export type OffBooksReason =
  | 'cancelled'
  | 'optional'
  | 'order'
  | 'inventory'
  | 'memorandum'
  | 'reversing-journal'
  | 'attendance'
  | 'post-dated';

export interface DayBookVoucher {
  guid: string;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
  party: string | null;
  narration: string;
  amount: Paise;
  /** Null when the voucher posts to the books; otherwise why it does not (shown as a marker). */
  offBooks: OffBooksReason | null;
  entries: DayBookEntry[];
}

export interface DayBook {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  page: number;
  pageSize: number;
  /** Every voucher of the period, those that post and those that do not. */
  totalVouchers: number;
  /** Of totalVouchers, those that change no balance (orders, memoranda, cancelled ...). */
  offBooksVouchers: number;
  vouchers: DayBookVoucher[];
}
