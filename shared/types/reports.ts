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
  /** Tally's "Overdue by days" (as-on date minus due date, 0 on the due date: electron/core/reports/due.ts). */
  overdueDays: number;
  /** Positive: receivable from the party. */
  amount: Paise;
}

export interface Dashboard {
  companyGuid: string;
  companyName: string;
  fy: FinancialYear;
  /** The financial year's start. */
  from: IsoDate;
  /** The period's end (the session's; the year's end by default): every figure stops there. */
  to: IsoDate;
  /**
   * The date balances are shown for (receivables, payables, cash, bank, overdue bills) and the profit is
   * counted up to: today (India) while the period is running, else its end (the year's start for a year
   * to come).
   */
  asOn: IsoDate;
  /**
   * All KPI figures are positive numbers in paise except grossProfit and netProfit, which may be negative
   * (loss). Sales, purchases, receipts and payments cover from to to; grossProfit and netProfit are
   * the Profit & Loss report's for the year up to asOn; the balances are as on asOn. Receipts and
   * payments are debits and credits to cash and bank ledgers in every voucher but contra vouchers.
   */
  kpis: {
    sales: Paise;
    purchases: Paise;
    receipts: Paise;
    payments: Paise;
    grossProfit: Paise;
    netProfit: Paise;
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
  /** The page of lines asked for (every matching line without paging), in the order asked for. */
  lines: LedgerStatementLine[];
  /** Lines of the period that match the search (all of them without one). */
  matchingLines: number;
  page: number;
  /** Null when every matching line was asked for. */
  pageSize: number | null;
  /** Totals of the whole period, whatever the search or page. */
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
  /**
   * Days the bill is aged by (as-on date minus its due date or its bill date, as the report's `ageBy`
   * says); null when it is not aged: not yet due (the "Not due" column) or the On Account line.
   */
  ageDays: number | null;
  /** The part of the party's balance not covered by bills ("On Account"): never aged. */
  onAccount: boolean;
  /** Positive: owed to us (receivable) / owed by us (payable), depending on the report kind. */
  amount: Paise;
}

/** Ageing from the due date (Tally's default) or from the bill date (Tally's F6 "Age by"). */
export type AgeBy = 'due' | 'bill';

export interface OutstandingParty {
  ledgerGuid: string;
  name: string;
  /** The ledger's group (a bill-wise ledger may stand outside Sundry Debtors / Creditors). */
  group: string;
  /** notDue + onAccount + the ageing buckets; for a Sundry Debtor / Creditor its ledger balance. */
  total: Paise;
  /** Bills whose due date is after the as-on date. */
  notDue: Paise;
  onAccount: Paise;
  /** The aged bills by bucket (same order as Outstanding.buckets). */
  buckets: Paise[];
  bills: OutstandingBill[];
}

export interface Outstanding {
  companyGuid: string;
  kind: OutstandingKind;
  asOn: IsoDate;
  ageBy: AgeBy;
  /** The aged bills only: not-due bills and On Account amounts have their own totals. */
  buckets: AgeingBucket[];
  notDue: Paise;
  onAccount: Paise;
  parties: OutstandingParty[];
  total: Paise;
}

export interface TrialBalanceRow {
  guid: string;
  name: string;
  /**
   * 'difference': Tally's "Difference in opening balances" line, the contrary of what the ledgers' opening
   * balances fail to sum to (only when they do not sum to zero); it makes the closing columns agree.
   * 'stock': the stock items' value at the period's start under Stock-in-Hand (computed by TallyConnect).
   */
  kind: 'group' | 'ledger' | 'difference' | 'stock';
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
  /** Stock at the period's start and end (trading account: opening on the debit side, closing on the credit side). */
  openingStock: Paise;
  closingStock: Paise;
  /**
   * True when TallyConnect valued the stock (opening or closing) from the stock items; false when both are
   * the figures Tally itself gave at sync (tally_stock_values) or come from the Stock-in-Hand ledgers.
   */
  stockComputed?: boolean;
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
  /** Vouchers that pass the voucher-type filter and the search (totalVouchers without them). */
  matchingVouchers: number;
  /** The voucher types of the period with their counts, by name (for the voucher-type filter). */
  voucherTypes: { name: string; count: number }[];
  vouchers: DayBookVoucher[];
}

export interface VoucherBillLine {
  billName: string;
  billType: 'New Ref' | 'Agst Ref' | 'Advance' | 'On Account';
  /** Debit positive. */
  amount: Paise;
  creditPeriodDays: number | null;
  /** The due date Tally gives the bill: as entered, else its date plus the credit period. */
  dueDate: IsoDate | null;
}

export interface VoucherLedgerLine {
  ledgerGuid: string;
  ledgerName: string;
  /** Debit positive (Dr), credit negative (Cr). */
  amount: Paise;
  bills: VoucherBillLine[];
}

/** One line of a bill's history: a voucher that raised, adjusted or settled it. */
export interface BillHistoryLine {
  date: IsoDate;
  voucherGuid: string;
  voucherType: string;
  voucherNumber: string | null;
  /** New Ref, Agst Ref, Advance (as allocated in the voucher). */
  billType: string;
  /** Positive: owed to us (receivable) / by us (payable), as the outstanding report of `kind` shows it. */
  amount: Paise;
  /** The bill's pending amount after this line. */
  balance: Paise;
}

/** A bill of a party as Tally's bill-wise drill shows it: its opening amount, then every voucher on it. */
export interface BillHistory {
  companyGuid: string;
  ledgerGuid: string;
  ledgerName: string;
  billName: string;
  kind: OutstandingKind;
  asOn: IsoDate;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  /**
   * Tally's "Overdue by days" on `asOn` (electron/core/reports/due.ts): negative while not yet due, 0 on
   * the due date; null for a bill with neither a due date nor a bill date.
   */
  overdueDays: number | null;
  /** Whether the bill is overdue on `asOn` by the same rule the outstanding report and dashboard use. */
  overdue: boolean;
  /** The bill's amount in the ledger's opening bills (0 when a voucher raised it). */
  opening: Paise;
  lines: BillHistoryLine[];
  /** Pending as on `asOn`: opening plus every line. */
  pending: Paise;
}

/** One voucher as Tally shows it (the voucher view opened from the day book or a ledger statement). */
export interface VoucherView {
  companyGuid: string;
  guid: string;
  date: IsoDate;
  voucherType: string;
  /** The predefined type the voucher type derives from ("Sales", "Receipt" ...). */
  baseType: string;
  voucherNumber: string;
  party: string | null;
  reference: string | null;
  narration: string;
  isCancelled: boolean;
  isOptional: boolean;
  isPostDated: boolean;
  /** Null when the voucher posts to the books; otherwise why it does not. */
  offBooks: OffBooksReason | null;
  postsToBooks: boolean;
  /** Ledger lines in the voucher's order. */
  lines: VoucherLedgerLine[];
  /** Sums of the debit lines and of the credit lines (both positive). */
  totalDebit: Paise;
  totalCredit: Paise;
  /** Inventory lines (stock items, quantities, rates, godowns) in the voucher's order; empty without items. */
  inventory: VoucherInventoryLine[];
}

/** One inventory line of a voucher (a line spread over several godowns is one line per godown). */
export interface VoucherInventoryLine {
  /** Null while the item is unknown to the store (a Day Book naming an item its masters lack). */
  itemGuid: string | null;
  itemName: string;
  /** Thousandths of the unit; inward positive, outward negative. */
  actualQuantity: number;
  billedQuantity: number;
  unit: string | null;
  /** Decimal places of the unit (0 when the unit is unknown). */
  decimals: number;
  /** Paise per rateUnit; null when the voucher has none. */
  rate: Paise | null;
  rateUnit: string | null;
  /** Debit positive: purchases positive, sales negative. */
  amount: Paise;
  godown: string | null;
}

/**
 * A quantity, rate and value of stock. Quantities are thousandths of the unit (null for a group whose
 * items are in different units); rate in paise per unit (null without a quantity).
 */
export interface StockFigure {
  quantity: number | null;
  rate: Paise | null;
  value: Paise;
}

/** A row of the Stock Summary: a stock group (its items' totals) or a stock item. */
export interface StockSummaryRow {
  kind: 'group' | 'item';
  /** Item GUID; a group's GUID (its name when the group is not among the stock groups). */
  guid: string;
  name: string;
  /** The stock group it stands under; null under Primary. */
  parent: string | null;
  /** 0 for the rows directly under the summarised group, 1 for theirs ... (the detailed view). */
  depth: number;
  /** An item's unit; a group's when all its items share one, else null. */
  unit: string | null;
  decimals: number;
  /** An item's costing method as Tally names it; null for a group. */
  costingMethod: string | null;
  opening: StockFigure;
  inwards: StockFigure;
  /** At cost: opening value + inward value − closing value (consumption, as Tally shows it). */
  outwards: StockFigure;
  closing: StockFigure;
}

/** Tally's Stock Summary for a period: stock groups and items with opening, inwards, outwards, closing. */
export interface StockSummary {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  /** The stock group summarised; null for the whole stock (Primary). */
  group: { name: string; parent: string | null } | null;
  /**
   * Groups and items directly under the group (depth 0), each group followed by everything under it
   * (depth 1, 2 ...): the condensed view shows depth 0, the detailed view all rows.
   */
  rows: StockSummaryRow[];
  /** Values of every item in the summary (quantities are not added across units). */
  total: { opening: Paise; inwards: Paise; outwards: Paise; closing: Paise };
  /** The figures are computed by TallyConnect from the items' movements (average cost / FIFO), not read from Tally. */
  computed: true;
}

/** One voucher of a stock item's movement register (its lines for the item added up). */
export interface StockItemLine {
  voucherGuid: string;
  date: IsoDate;
  voucherType: string;
  voucherNumber: string;
  party: string | null;
  /** Null for a voucher that posts; 'inventory' for a delivery / receipt note or stock journal. */
  offBooks: OffBooksReason | null;
  /** Thousandths, both positive (0 when none). */
  inward: number;
  outward: number;
  /** The voucher's rate, paise per unit; null when it has none. */
  rate: Paise | null;
  /** The voucher's value for the item (cost of a purchase, price of a sale), positive. */
  value: Paise;
  /** Quantity in stock after the voucher. */
  runningQuantity: number;
  /** Godowns named by the lines, comma-separated; null when none. */
  godown: string | null;
}

/** A stock item's movements over a period (Tally's Stock Item Vouchers), with opening and closing. */
export interface StockItemRegister {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  item: {
    guid: string;
    name: string;
    group: string | null;
    unit: string | null;
    decimals: number;
    costingMethod: string;
    /** The method the values are computed with. */
    method: 'average' | 'fifo';
  };
  opening: StockFigure;
  lines: StockItemLine[];
  inwards: StockFigure;
  /** At cost, as in the Stock Summary (the lines' outward values are the vouchers' own). */
  outwards: StockFigure;
  closing: StockFigure;
  computed: true;
}

/** A sub-group, ledger or the closing stock under a balance-sheet group, with its balance as on the date. */
export interface BalanceSheetChild {
  guid: string;
  name: string;
  kind: 'group' | 'ledger' | 'closingStock';
  /** Closing balance, debit positive. */
  closing: Paise;
}

/**
 * A line of the Balance Sheet: a primary group; the Profit & Loss A/c; the closing stock (only when the
 * company has no Current Assets group to hold it); Tally's "Difference in opening balances".
 */
export interface BalanceSheetLine {
  kind: 'group' | 'profitAndLoss' | 'closingStock' | 'openingDifference';
  /** The group's GUID; a fixed id for the other kinds. */
  guid: string;
  name: string;
  /** Closing balance as on the date, debit positive; its sign decides the side (as Tally places it). */
  closing: Paise;
  /** The amount on its side: credit positive among the liabilities, debit positive among the assets. */
  amount: Paise;
  /** A group's sub-groups and ledgers (Current Assets: and the closing stock); empty for other kinds. */
  children: BalanceSheetChild[];
}

/** The Profit & Loss A/c as the Balance Sheet shows it; debit positive (a debit is a loss). */
export interface BalanceSheetProfitAndLoss {
  /** Before the period: the ledger's own opening plus every earlier year's result. */
  opening: Paise;
  /** This year's result up to the as-on date (the Profit & Loss report's net profit, negated). */
  currentPeriod: Paise;
  /** Entries posted to the Profit & Loss A/c itself in the period (a transfer to capital, ...). */
  transferred: Paise;
  closing: Paise;
}

export interface BalanceSheet {
  companyGuid: string;
  /** Start of the financial year containing asOn (the company's own year start). */
  from: IsoDate;
  asOn: IsoDate;
  liabilities: BalanceSheetLine[];
  assets: BalanceSheetLine[];
  /** Both positive; equal to the paisa (the difference in opening balances included). */
  totalLiabilities: Paise;
  totalAssets: Paise;
  profitAndLoss: BalanceSheetProfitAndLoss;
  /** What the ledgers' opening balances sum to (debit positive); 0 when they agree. */
  openingDifference: Paise;
  /**
   * Closing stock as on the date, debit positive: the Stock-in-Hand ledgers (their closing values entered
   * in Tally, else their balances), Tally's own figure asked at sync, or the stock items valued by
   * TallyConnect (`stockComputed`).
   */
  closingStock: Paise;
  /** True when TallyConnect valued the closing stock from the stock items (not a figure Tally gave). */
  stockComputed?: boolean;
}

export interface GroupSummaryRow {
  guid: string;
  name: string;
  /**
   * 'stock': the stock standing under the group as the report drilled from shows it (Opening Stock, as
   * the trial balance; Closing Stock, as the balance sheet); it opens the Stock Summary for the period.
   */
  kind: 'group' | 'ledger' | 'stock';
  /** Debit positive. */
  opening: Paise;
  debit: Paise;
  credit: Paise;
  closing: Paise;
}

/**
 * Which stock a Group Summary puts under Stock-in-Hand: the trial balance's ('opening': the stock at the
 * period's start) or the balance sheet's ('closing': the closing stock).
 */
export type GroupSummaryStock = 'opening' | 'closing';

/** Tally's Group Summary: a group's sub-groups and ledgers over a period. */
export interface GroupSummary {
  companyGuid: string;
  from: IsoDate;
  to: IsoDate;
  group: { guid: string; name: string; parent: string | null; primaryGroup: string };
  rows: GroupSummaryRow[];
  total: { opening: Paise; debit: Paise; credit: Paise; closing: Paise };
}

export interface LedgerMonth {
  /** "2025-04" */
  month: string;
  debit: Paise;
  credit: Paise;
  /** Balance at the end of the month (or of the period, in its last month); debit positive. */
  closing: Paise;
}

/** A ledger's monthly summary (Tally's ledger Monthly Summary). */
export interface LedgerMonthly {
  companyGuid: string;
  ledger: LedgerRef;
  from: IsoDate;
  to: IsoDate;
  opening: Paise;
  months: LedgerMonth[];
  totalDebit: Paise;
  totalCredit: Paise;
  closing: Paise;
}
