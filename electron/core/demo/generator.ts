import { AppError } from '../../../shared/errors';
import {
  addDays,
  financialYearOf,
  financialYearRange,
  isValidIsoDate,
  type IsoDate,
} from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  BaseVoucherType,
  BillAllocationRecord,
  CompanyRecord,
  GodownRecord,
  GroupRecord,
  InventoryEntryRecord,
  LedgerEntryRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../db/records';
import { demoInventoryLines, demoRestockNeed, demoStockMasters, demoStockOnHand } from './inventory';
import { predefinedGroups } from './groups';
import { DEMO_COMPANY_GSTIN, demoLedgerGst, demoPartyGst, demoVoucherGst } from './gst';
import { demoContact, HOME_STATE, makeParties, type PartySpec } from './parties';
import { createRandom, weightedPicker, type Random } from './random';

export interface DemoOptions {
  vouchers: number;
  seed: number;
  /** Last voucher date. Defaults to a fixed date so output never depends on the clock; callers pass today. */
  until?: IsoDate;
  /** Financial years covered, ending with the one that contains `until`. */
  years?: number;
  /**
   * Every fourth sale goes out on a Delivery Note first (same day, same lines, tracking number = the
   * note's number) and the sale's lines are tracked to it, as Tally records a sale against a delivery note:
   * stock moves once, with the note. Off by default, so the demo's vouchers stay as they were. The notes
   * share their sale's AlterID (their GUID is the sale's with "-dn").
   */
  deliveryNotes?: boolean;
}

export interface DemoCompany {
  company: CompanyRecord;
  groups: GroupRecord[];
  ledgers: LedgerRecord[];
  voucherTypes: VoucherTypeRecord[];
  /** Inventory masters (see inventory.ts); their AlterIDs follow the vouchers', so no earlier GUID moved. */
  stockGroups: StockGroupRecord[];
  units: UnitRecord[];
  godowns: GodownRecord[];
  stockItems: StockItemRecord[];
  /** A fresh, deterministic stream on every call, in date order; never held in memory as a whole. */
  vouchers(): Iterable<VoucherRecord>;
}

export const DEMO_DEFAULT_UNTIL: IsoDate = '2026-03-31';
export const DEMO_DEFAULT_YEARS = 3;
export const DEMO_MAX_VOUCHERS = 5_000_000;

/**
 * Share of each voucher type: a trading business invoices far more than it does anything else. The keys
 * are the demo's voucher types, in the order their masters are created; each must be a predefined type.
 */
const TYPE_WEIGHTS = {
  Sales: 40,
  Purchase: 17,
  Receipt: 16,
  Payment: 15,
  Journal: 4,
  Contra: 4,
  'Credit Note': 2,
  'Debit Note': 2,
} satisfies Partial<Record<BaseVoucherType, number>>;
type DemoType = keyof typeof TYPE_WEIGHTS;
const VOUCHER_TYPES = Object.keys(TYPE_WEIGHTS) as DemoType[];
const NUMBER_PREFIX: Record<DemoType, string> = {
  Sales: 'SI',
  Purchase: 'PI',
  Receipt: 'RC',
  Payment: 'PY',
  Journal: 'JV',
  Contra: 'CT',
  'Credit Note': 'CN',
  'Debit Note': 'DN',
};
const GST_RATES = [5, 12, 18, 28] as const;
const GST_RATE_WEIGHTS = [20, 20, 50, 10];

const COMPANY_NAMES = [
  'Sai Krishna Trading Company',
  'Mahalaxmi Distributors Pvt. Ltd.',
  'Shree Ganesh Enterprises',
  'Balaji Hardware & Electricals',
  'Navkar Textiles LLP',
  'Om Sai Agencies',
];

const rupees = (amount: number): Paise => Math.max(100, Math.round(amount) * 100);

function hex(random: Random, digits: number): string {
  let text = '';
  for (let i = 0; i < digits; i++) text += '0123456789abcdef'[random.int(0, 15)];
  return text;
}

interface OpenBill {
  name: string;
  date: IsoDate;
  due: IsoDate;
  /** Still owed, positive (to us for customers, by us for suppliers). */
  remaining: Paise;
  rate: number;
}

interface Party {
  spec: PartySpec;
  ledger: LedgerRecord;
  inState: boolean;
  bills: OpenBill[];
  head: number;
}

function validate(options: DemoOptions): { until: IsoDate; years: number } {
  const { vouchers, seed } = options;
  if (!Number.isInteger(vouchers) || vouchers < 0 || vouchers > DEMO_MAX_VOUCHERS) {
    throw new AppError('VALIDATION', `vouchers must be a whole number from 0 to ${DEMO_MAX_VOUCHERS}`, {
      field: 'vouchers',
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new AppError('VALIDATION', 'seed must be a whole number from 0 to 4294967295', { field: 'seed' });
  }
  const until = options.until ?? DEMO_DEFAULT_UNTIL;
  if (!isValidIsoDate(until)) {
    throw new AppError('VALIDATION', `until must be a date written YYYY-MM-DD, not "${until}"`, {
      field: 'until',
    });
  }
  const years = options.years ?? DEMO_DEFAULT_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > 20) {
    throw new AppError('VALIDATION', 'years must be a whole number from 1 to 20', { field: 'years' });
  }
  return { until, years };
}

/** Deterministic for (vouchers, seed, until, years): same masters, same vouchers, same GUIDs. */
export function generateDemoCompany(options: DemoOptions): DemoCompany {
  const { until, years } = validate(options);
  const random = createRandom(options.seed);
  const companyGuid = `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`;
  // Tally's own GUID scheme: company GUID + "-" + the object's master id in 8 hex digits.
  const guidOf = (id: number): string => `${companyGuid}-${id.toString(16).padStart(8, '0')}`;
  const lastFyStart = Number(financialYearRange(financialYearOf(until)).from.slice(0, 4));
  const booksFrom = `${lastFyStart - years + 1}-04-01`;

  let masterId = 1;
  const groups = predefinedGroups(guidOf, masterId);
  masterId += groups.length;
  const voucherTypes: VoucherTypeRecord[] = VOUCHER_TYPES.map((name) => {
    const id = masterId++;
    return { guid: guidOf(id), name, parent: name, reservedName: name, autoNumbered: true, alterId: id };
  });

  const ledgers: LedgerRecord[] = [];
  const addLedger = (name: string, parent: string, extra: Partial<LedgerRecord> = {}): LedgerRecord => {
    const id = masterId++;
    const gst = demoLedgerGst(name);
    const ledger: LedgerRecord = {
      guid: guidOf(id),
      name,
      parent,
      openingBalance: 0,
      isBillWise: false,
      creditPeriodDays: null,
      gstin: null,
      state: null,
      alterId: id,
      openingBills: [],
      ...(gst !== undefined ? { gst } : {}),
      ...extra,
    };
    ledgers.push(ledger);
    return ledger;
  };

  const capital = addLedger('Capital Account - Partners', 'Capital Account');
  addLedger('HDFC Bank Current A/c', 'Bank Accounts', { openingBalance: 15_00_000_00 });
  addLedger('State Bank of India', 'Bank Accounts', { openingBalance: 5_00_000_00 });
  addLedger('Cash', 'Cash-in-Hand', { openingBalance: 50_000_00 });
  addLedger('Furniture & Fixtures', 'Fixed Assets', { openingBalance: 3_00_000_00 });
  addLedger('Computers', 'Fixed Assets', { openingBalance: 2_00_000_00 });
  addLedger('Unsecured Loan - Director', 'Unsecured Loans', { openingBalance: -10_00_000_00 });
  addLedger('Security Deposit - Office', 'Deposits (Asset)', { openingBalance: 1_50_000_00 });
  for (const rate of GST_RATES) {
    addLedger(`Sales @ ${rate}%`, 'Sales Accounts');
    addLedger(`Purchase @ ${rate}%`, 'Purchase Accounts');
  }
  for (const tax of ['CGST', 'SGST', 'IGST']) {
    addLedger(`Output ${tax}`, 'Duties & Taxes');
    addLedger(`Input ${tax}`, 'Duties & Taxes');
  }
  for (const name of ['Freight Inward', 'Packing Material']) addLedger(name, 'Direct Expenses');
  for (const name of [
    'Salaries',
    'Office Rent',
    'Electricity Charges',
    'Telephone & Internet',
    'Office Expenses',
    'Printing & Stationery',
    'Travelling Expenses',
    'Bank Charges',
    'Interest on Loan',
    'Depreciation',
    'Discount Allowed',
    'Round Off',
  ]) {
    addLedger(name, 'Indirect Expenses');
  }
  addLedger('Discount Received', 'Indirect Incomes');
  addLedger('Interest Received', 'Indirect Incomes');

  const n = options.vouchers;
  const customerCount = Math.min(400, Math.max(15, Math.round(15 + n / 4000)));
  const supplierCount = Math.min(150, Math.max(8, Math.round(8 + n / 10000)));
  const makeOpeningBills = (spec: PartySpec, sign: 1 | -1): LedgerRecord['openingBills'] => {
    if (!random.chance(0.35)) return [];
    const count = random.int(1, 3);
    return Array.from({ length: count }, (_, i) => {
      const billDate = addDays(booksFrom, -random.int(5, 150));
      return {
        billName: `OB/${spec.name.slice(0, 3).toUpperCase()}/${i + 1}`,
        billDate,
        amount: sign * rupees(random.logNormal(40_000, 0.8)),
        creditPeriodDays: spec.creditPeriodDays,
        dueDate: addDays(billDate, spec.creditPeriodDays),
      };
    });
  };
  const partyLedger = (spec: PartySpec, group: string, sign: 1 | -1, index: number): LedgerRecord => {
    const openingBills = makeOpeningBills(spec, sign);
    return addLedger(spec.name, group, {
      contact: demoContact(spec, index),
      isBillWise: true,
      creditPeriodDays: spec.creditPeriodDays,
      gstin: spec.gstin,
      state: spec.state.name,
      gst: demoPartyGst(spec),
      openingBalance: openingBills.reduce((sum, b) => sum + b.amount, 0),
      openingBills,
    });
  };
  const taken = new Set(ledgers.map((l) => l.name));
  const customerSpecs = makeParties(random, customerCount, 'customer', taken);
  const supplierSpecs = makeParties(random, supplierCount, 'supplier', taken);
  const customerLedgers = customerSpecs.map((s, i) => partyLedger(s, 'Sundry Debtors', 1, i));
  const supplierLedgers = supplierSpecs.map((s, i) => partyLedger(s, 'Sundry Creditors', -1, i));

  const lastMasterId = masterId - 1;
  // Added after the vouchers' numbers: the GUIDs and AlterIDs of everything else stay as they were.
  const stock = demoStockMasters(guidOf, lastMasterId + n + 1);
  // Opening balances must agree (Tally shows any difference); the partners' capital closes them. The
  // items' opening stock is an opening balance too (Tally carries it in Stock-in-Hand): capital takes it.
  const openingStock = stock.stockItems.reduce(
    (sum, i) => sum + (i.openingQuantity > 0 ? i.openingValue : 0),
    0,
  );
  capital.openingBalance = -ledgers.reduce((sum, l) => sum + l.openingBalance, 0) - openingStock;
  const company: CompanyRecord = {
    guid: companyGuid,
    name: random.pick(COMPANY_NAMES),
    source: 'demo',
    booksFrom,
    masterAlterId: lastMasterId + n + countOf(stock),
    voucherAlterId: lastMasterId + n,
  };
  company.profile = {
    mailingName: company.name,
    address: ['Office 4, Laxmi Road', 'Pune'],
    state: HOME_STATE.name,
    pincode: '411030',
    country: 'India',
    email: 'accounts@demo-company.example',
    phone: '020-2445 0000',
    gstin: DEMO_COMPANY_GSTIN,
    registrationType: 'Regular',
  };

  if (options.deliveryNotes === true) {
    // After every other master and voucher id, so nothing else moves.
    const id = company.masterAlterId + 1;
    voucherTypes.push({
      guid: guidOf(id),
      name: 'Delivery Note',
      parent: 'Delivery Note',
      reservedName: 'Delivery Note',
      autoNumbered: true,
      alterId: id,
    });
    company.masterAlterId = id;
  }

  const setup = {
    deliveryNotes: options.deliveryNotes === true,
    seed: options.seed,
    vouchers: n,
    booksFrom,
    until,
    guidOf,
    firstVoucherId: lastMasterId + 1,
    ledgers,
    customerSpecs,
    supplierSpecs,
    customerLedgers,
    supplierLedgers,
  };
  return {
    company,
    groups,
    ledgers,
    voucherTypes,
    ...stock,
    vouchers: () => voucherStream(setup),
  };
}

const countOf = (stock: ReturnType<typeof demoStockMasters>): number =>
  stock.stockGroups.length + stock.units.length + stock.godowns.length + stock.stockItems.length;

interface StreamSetup {
  deliveryNotes: boolean;
  seed: number;
  vouchers: number;
  booksFrom: IsoDate;
  until: IsoDate;
  guidOf: (id: number) => string;
  firstVoucherId: number;
  ledgers: LedgerRecord[];
  customerSpecs: PartySpec[];
  supplierSpecs: PartySpec[];
  customerLedgers: LedgerRecord[];
  supplierLedgers: LedgerRecord[];
}

/** Calendar with business rhythm: quiet Sundays, a March year-end rush, festive Oct-Nov, slow growth. */
function dayWeights(from: IsoDate, to: IsoDate): { dates: IsoDate[]; cumulative: number[] } {
  const dates: IsoDate[] = [];
  const cumulative: number[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const span = Math.max(1, end - start);
  let total = 0;
  for (let t = start; t <= end; t += 86_400_000) {
    const d = new Date(t);
    const month = d.getUTCMonth() + 1;
    let w = d.getUTCDay() === 0 ? 0.15 : 1;
    if (month === 3) w *= 1.3;
    if (month === 10 || month === 11) w *= 1.15;
    w *= 1 + (0.3 * (t - start)) / span;
    total += w;
    dates.push(d.toISOString().slice(0, 10));
    cumulative.push(total);
  }
  return { dates, cumulative };
}

function* voucherStream(setup: StreamSetup): Generator<VoucherRecord> {
  const random = createRandom((setup.seed ^ 0x5eed1e55) >>> 0);
  // Inventory lines draw from their own stream: the ledger lines stay those of the demo without them.
  const stockRandom = createRandom((setup.seed ^ 0x570c4e11) >>> 0);
  const onHand = demoStockOnHand();
  const byName = new Map(setup.ledgers.map((l) => [l.name, l]));
  const ledger = (name: string): LedgerRecord => {
    const found = byName.get(name);
    if (!found) throw new Error(`demo ledger missing: ${name}`);
    return found;
  };
  const toParty = (spec: PartySpec, l: LedgerRecord): Party => ({
    spec,
    ledger: l,
    inState: spec.state.code === HOME_STATE.code,
    bills: l.openingBills.map((b) => ({
      name: b.billName,
      date: b.billDate ?? setup.booksFrom,
      due: b.dueDate ?? setup.booksFrom,
      remaining: Math.abs(b.amount),
      rate: 18,
    })),
    head: 0,
  });
  const customers = setup.customerSpecs.map((s, i) => toParty(s, setup.customerLedgers[i]!));
  const suppliers = setup.supplierSpecs.map((s, i) => toParty(s, setup.supplierLedgers[i]!));
  const partySpecs = new Map([...customers, ...suppliers].map((p) => [p.ledger.name, p.spec]));
  // A few big customers and suppliers carry most of the trade (Zipf-like), as in real books.
  const pickCustomer = weightedPicker(customers.map((_, k) => 1 / (k + 1) ** 0.7));
  const pickSupplier = weightedPicker(suppliers.map((_, k) => 1 / (k + 1) ** 0.7));
  const pickType = weightedPicker(VOUCHER_TYPES.map((t) => TYPE_WEIGHTS[t]));
  const pickRate = weightedPicker(GST_RATE_WEIGHTS);
  const banks = [ledger('HDFC Bank Current A/c'), ledger('State Bank of India')];
  const cash = ledger('Cash');
  let cashBalance = cash.openingBalance;

  const { dates, cumulative } = dayWeights(setup.booksFrom, setup.until);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const counters = new Map<string, number>();
  let dayIndex = 0;

  const entry = (l: LedgerRecord, amount: Paise, bills: BillAllocationRecord[] = []): LedgerEntryRecord => ({
    ledgerGuid: l.guid,
    ledgerName: l.name,
    amount,
    bills,
  });
  const openBills = (p: Party): OpenBill[] => {
    if (p.head > 256) {
      p.bills.splice(0, p.head);
      p.head = 0;
    }
    return p.bills;
  };
  const hasOpen = (p: Party): boolean => p.head < p.bills.length;
  const findWithBills = (list: Party[], pick: (r: Random) => number): Party | null => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const p = list[pick(random)]!;
      if (hasOpen(p)) return p;
    }
    return null;
  };
  const taxEntries = (
    inState: boolean,
    taxable: Paise,
    rate: number,
    side: 'Output' | 'Input',
    sign: 1 | -1,
  ) => {
    if (inState) {
      const half = Math.round((taxable * rate) / 200);
      return {
        tax: 2 * half,
        entries: [entry(ledger(`${side} CGST`), sign * half), entry(ledger(`${side} SGST`), sign * half)],
      };
    }
    const igst = Math.round((taxable * rate) / 100);
    return { tax: igst, entries: [entry(ledger(`${side} IGST`), sign * igst)] };
  };
  /** Takes the due bills of a party, oldest first, at least one; the last may be paid in part. */
  const settle = (p: Party, date: IsoDate): { name: string; amount: Paise }[] => {
    const bills = openBills(p);
    const cutoff = plusDays(date, -p.spec.payDelayDays);
    const taken: { name: string; amount: Paise }[] = [];
    while (p.head < bills.length && taken.length < 8) {
      const bill = bills[p.head]!;
      if (taken.length > 0 && bill.due > cutoff) break;
      if (random.chance(0.12) && bill.remaining > 200_00) {
        const part = Math.round((bill.remaining * (0.3 + 0.6 * random.next())) / 100) * 100;
        if (part > 0 && part < bill.remaining) {
          bill.remaining -= part;
          taken.push({ name: bill.name, amount: part });
          break;
        }
      }
      taken.push({ name: bill.name, amount: bill.remaining });
      bill.remaining = 0;
      p.head++;
    }
    return taken;
  };

  const returnable = (p: Party | null): boolean =>
    p !== null && (p.bills[p.bills.length - 1]?.remaining ?? 0) >= 1_000_00;
  // Day arithmetic on ISO strings is hot: one cached epoch-day per date string.
  const firstDay = Date.parse(`${dates[0] ?? setup.booksFrom}T00:00:00Z`) / 86_400_000;
  const dayCache = new Map<IsoDate, number>();
  const plusDays = (date: IsoDate, days: number): IsoDate => {
    let epochDay = dayCache.get(date);
    if (epochDay === undefined) {
      epochDay = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
      dayCache.set(date, epochDay);
    }
    const target = epochDay + days;
    const index = target - firstDay;
    if (index >= 0 && index < dates.length) return dates[index]!;
    return addDays(date, days);
  };

  for (let i = 0; i < setup.vouchers; i++) {
    const target = ((i + 0.5) / setup.vouchers) * total;
    while (dayIndex < dates.length - 1 && cumulative[dayIndex]! < target) dayIndex++;
    const date = dates[dayIndex]!;
    const id = setup.firstVoucherId + i;
    let type: DemoType = VOUCHER_TYPES[pickType(random)]!;
    const entries: LedgerEntryRecord[] = [];
    let party: string | null = null;
    let narration = '';
    let reference: string | null = null;
    let inventory: InventoryEntryRecord[] = [];

    // Returns and settlements need an open bill; without one the voucher becomes a sale or purchase.
    let customer: Party | null = null;
    let supplier: Party | null = null;
    if (type === 'Receipt' || type === 'Credit Note') {
      customer = findWithBills(customers, pickCustomer);
      if (type === 'Credit Note' && !returnable(customer)) type = 'Sales';
    } else if (type === 'Debit Note') {
      supplier = findWithBills(suppliers, pickSupplier);
      if (!returnable(supplier)) type = 'Purchase';
    }

    const fy = financialYearOf(date);
    const counterKey = `${type}|${fy}`;
    const seq = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, seq);
    const number = `${NUMBER_PREFIX[type]}/${fy.slice(2)}/${String(seq).padStart(5, '0')}`;

    switch (type) {
      case 'Sales': {
        const c = customers[pickCustomer(random)]!;
        const rate = GST_RATES[pickRate(random)]!;
        const taxable = rupees(Math.min(50_00_000, random.logNormal(30_000, 1)));
        const { tax, entries: taxLines } = taxEntries(c.inState, taxable, rate, 'Output', -1);
        const rounded = Math.round((taxable + tax) / 100) * 100;
        const due = plusDays(date, c.spec.creditPeriodDays);
        entries.push(
          entry(c.ledger, rounded, [
            {
              billName: number,
              billType: 'New Ref',
              amount: rounded,
              creditPeriodDays: c.spec.creditPeriodDays,
              dueDate: due,
            },
          ]),
          entry(ledger(`Sales @ ${rate}%`), -taxable),
          ...taxLines,
        );
        if (rounded !== taxable + tax) entries.push(entry(ledger('Round Off'), taxable + tax - rounded));
        inventory = demoInventoryLines(stockRandom, 'sale', rate, taxable, `Sales @ ${rate}%`, onHand);
        openBills(c).push({ name: number, date, due, remaining: rounded, rate });
        party = c.ledger.name;
        narration = random.chance(0.5) ? 'Being goods sold on credit' : '';
        break;
      }
      case 'Purchase': {
        const s = suppliers[pickSupplier(random)]!;
        const rate = GST_RATES[pickRate(random)]!;
        // At least what the items of this rate are short of (the shop restocks what runs low).
        const taxable = Math.max(
          rupees(Math.min(50_00_000, random.logNormal(49_000, 1))),
          Math.min(50_00_000_00, Math.ceil(demoRestockNeed(onHand, rate) / 100) * 100),
        );
        const { tax, entries: taxLines } = taxEntries(s.inState, taxable, rate, 'Input', 1);
        const rounded = Math.round((taxable + tax) / 100) * 100;
        const due = plusDays(date, s.spec.creditPeriodDays);
        reference = `${s.spec.name.slice(0, 3).toUpperCase()}/${random.int(1000, 99999)}`;
        const billName = `${reference}/${id.toString(36)}`;
        entries.push(
          entry(ledger(`Purchase @ ${rate}%`), taxable),
          ...taxLines,
          entry(s.ledger, -rounded, [
            {
              billName,
              billType: 'New Ref',
              amount: -rounded,
              creditPeriodDays: s.spec.creditPeriodDays,
              dueDate: due,
            },
          ]),
        );
        if (rounded !== taxable + tax) entries.push(entry(ledger('Round Off'), rounded - taxable - tax));
        inventory = demoInventoryLines(stockRandom, 'purchase', rate, taxable, `Purchase @ ${rate}%`, onHand);
        openBills(s).push({ name: billName, date, due, remaining: rounded, rate });
        party = s.ledger.name;
        narration = `Supplier invoice ${reference}`;
        break;
      }
      case 'Receipt': {
        const c = customer ?? customers[pickCustomer(random)]!;
        party = c.ledger.name;
        let bills: BillAllocationRecord[];
        let amount: Paise;
        if (hasOpen(c)) {
          const taken = settle(c, date);
          amount = taken.reduce((s, t) => s + t.amount, 0);
          bills = taken.map((t) => ({
            billName: t.name,
            billType: 'Agst Ref',
            amount: -t.amount,
            creditPeriodDays: null,
            dueDate: null,
          }));
          narration = `Received against ${taken.length === 1 ? 'bill' : 'bills'} ${taken.map((t) => t.name).join(', ')}`;
        } else {
          amount = rupees(random.logNormal(20_000, 0.6));
          bills = [
            {
              billName: `ADV/${number}`,
              billType: 'Advance',
              amount: -amount,
              creditPeriodDays: null,
              dueDate: null,
            },
          ];
          narration = 'Advance received against order';
        }
        // Cash above ₹2 lakh is not allowed (Income-tax Act s. 269ST), so big receipts go to the bank.
        const toCash = amount < 2_00_000_00 && random.chance(0.1);
        const account = toCash ? cash : random.pick(banks);
        if (toCash) cashBalance += amount;
        entries.push(entry(account, amount), entry(c.ledger, -amount, bills));
        break;
      }
      case 'Payment': {
        const s = random.chance(0.55) ? findWithBills(suppliers, pickSupplier) : null;
        if (s) {
          const taken = settle(s, date);
          const amount = taken.reduce((sum, t) => sum + t.amount, 0);
          entries.push(
            entry(
              s.ledger,
              amount,
              taken.map((t) => ({
                billName: t.name,
                billType: 'Agst Ref',
                amount: t.amount,
                creditPeriodDays: null,
                dueDate: null,
              })),
            ),
            entry(random.pick(banks), -amount),
          );
          party = s.ledger.name;
          narration = `Paid against ${taken.map((t) => t.name).join(', ')}`;
        } else {
          const expense = random.pick([
            ['Salaries', 1_50_000, 0.5],
            ['Office Rent', 75_000, 0.1],
            ['Electricity Charges', 12_000, 0.4],
            ['Telephone & Internet', 2_500, 0.3],
            ['Office Expenses', 1_800, 0.6],
            ['Printing & Stationery', 1_200, 0.5],
            ['Travelling Expenses', 4_000, 0.7],
            ['Bank Charges', 350, 0.5],
            ['Freight Inward', 6_000, 0.7],
            ['Packing Material', 5_000, 0.6],
          ] as const);
          const amount = rupees(random.logNormal(expense[1], expense[2]));
          const byCash = amount <= 10_000_00 && cashBalance >= amount && expense[0] !== 'Bank Charges';
          const account = byCash ? cash : random.pick(banks);
          if (byCash) cashBalance -= amount;
          entries.push(entry(ledger(expense[0]), amount), entry(account, -amount));
          narration = `${expense[0]} paid`;
        }
        break;
      }
      case 'Journal': {
        const c = random.chance(0.5) ? findWithBills(customers, pickCustomer) : null;
        const bill = c ? openBills(c)[c.head] : undefined;
        if (c && bill && bill.remaining >= 200_00) {
          const discount = Math.max(
            100,
            Math.round((bill.remaining * (0.005 + 0.015 * random.next())) / 100) * 100,
          );
          bill.remaining -= discount;
          entries.push(
            entry(ledger('Discount Allowed'), discount),
            entry(c.ledger, -discount, [
              {
                billName: bill.name,
                billType: 'Agst Ref',
                amount: -discount,
                creditPeriodDays: null,
                dueDate: null,
              },
            ]),
          );
          party = c.ledger.name;
          narration = `Cash discount allowed on ${bill.name}`;
        } else if (random.chance(0.5)) {
          const amount = rupees(random.logNormal(9_000, 0.3));
          entries.push(
            entry(ledger('Interest on Loan'), amount),
            entry(ledger('Unsecured Loan - Director'), -amount),
          );
          narration = 'Interest on director loan provided';
        } else {
          const asset = random.chance(0.5) ? 'Furniture & Fixtures' : 'Computers';
          const amount = rupees(random.logNormal(2_000, 0.4));
          entries.push(entry(ledger('Depreciation'), amount), entry(ledger(asset), -amount));
          narration = `Depreciation on ${asset}`;
        }
        break;
      }
      case 'Contra': {
        const bank = random.pick(banks);
        if (cashBalance > 1_00_000_00) {
          const amount = Math.round((cashBalance * (0.6 + 0.3 * random.next())) / 100_00) * 100_00;
          cashBalance -= amount;
          entries.push(entry(bank, amount), entry(cash, -amount));
          narration = 'Cash deposited into bank';
        } else {
          const amount = rupees(random.int(20, 80) * 1000);
          cashBalance += amount;
          entries.push(entry(cash, amount), entry(bank, -amount));
          narration = 'Cash withdrawn for office use';
        }
        break;
      }
      case 'Credit Note':
      case 'Debit Note': {
        const isCredit = type === 'Credit Note';
        const p = (isCredit ? customer : supplier)!;
        const bills = openBills(p);
        const bill = bills[bills.length - 1]!;
        const returned = Math.floor((bill.remaining * (0.05 + 0.25 * random.next())) / (1 + bill.rate / 100));
        const taxable = Math.max(100, Math.floor(returned / 100) * 100);
        const sign = isCredit ? 1 : -1;
        const { tax, entries: taxLines } = taxEntries(
          p.inState,
          taxable,
          bill.rate,
          isCredit ? 'Output' : 'Input',
          sign,
        );
        const amount = taxable + tax;
        // At most 30% of a bill of ₹1,000 or more comes back, so the note never exceeds the bill.
        if (amount >= bill.remaining) throw new Error(`demo return exceeds bill ${bill.name}`);
        bill.remaining -= amount;
        entries.push(
          entry(ledger(`${isCredit ? 'Sales' : 'Purchase'} @ ${bill.rate}%`), sign * taxable),
          ...taxLines,
          entry(p.ledger, -sign * amount, [
            {
              billName: bill.name,
              billType: 'Agst Ref',
              amount: -sign * amount,
              creditPeriodDays: null,
              dueDate: null,
            },
          ]),
        );
        party = p.ledger.name;
        narration = isCredit
          ? `Goods returned against ${bill.name}`
          : `Goods returned to supplier against ${bill.name}`;
        break;
      }
    }

    if (setup.deliveryNotes && type === 'Sales' && seq % 4 === 0 && inventory.length > 0) {
      // The goods go out on a delivery note first; the invoice's lines are tracked to it.
      const note = `DL/${fy.slice(2)}/${String(seq / 4).padStart(5, '0')}`;
      inventory = inventory.map((l) => ({ ...l, trackingNumber: note }));
      yield {
        guid: `${setup.guidOf(id)}-dn`,
        alterId: id,
        masterId: id,
        date,
        voucherType: 'Delivery Note',
        voucherNumber: note,
        partyLedgerName: party,
        narration: `Goods delivered against ${number}`,
        reference: null,
        isCancelled: false,
        isOptional: false,
        isPostDated: false,
        entries: [],
        inventory,
      };
    }
    yield {
      guid: setup.guidOf(id),
      alterId: id,
      masterId: id,
      date,
      voucherType: type,
      voucherNumber: number,
      partyLedgerName: party,
      narration,
      reference,
      isCancelled: false,
      isOptional: false,
      isPostDated: false,
      entries,
      ...(inventory.length > 0 ? { inventory } : {}),
      ...demoVoucherGst(type, party === null ? undefined : partySpecs.get(party), date),
    };
  }
}
