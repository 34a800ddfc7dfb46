import { addDays, daysBetween, type IsoDate } from '../../shared/dates';
import type { Paise } from '../../shared/money';
import type {
  BillAllocationRecord,
  GroupRecord,
  LedgerEntryRecord,
  LedgerRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../../electron/core/db/records';
import type { SimSource } from './source';
import type { SimStockValuation } from './stock';
import { createRandom } from '../../electron/core/demo/random';

/**
 * What real TallyPrime answers and exports contain where a reader built against a tidy model goes wrong
 * (docs: "What real Tally answers and exports contain"). The simulator speaks real Tally by default; each
 * shape can be switched off on its own to get the older, tidier shape back.
 */
export interface RealShapeOptions {
  /** Collection answers carry `<DESC><CMPINFO><COMPANY>0</COMPANY>...<VOUCHER>0</VOUCHER></CMPINFO></DESC>`. */
  cmpinfo: boolean;
  /** Values in Collection answers carry TYPE attributes (`<NAME TYPE="String">`); exports never do. */
  typeAttributes: boolean;
  /** Primary groups (and the Profit & Loss A/c): `&#4; Primary` in answers, `<PARENT/>` in exports. */
  primaryParent: boolean;
  /** The reserved ledger "Profit & Loss A/c", under no group, holding earlier years' profit. */
  profitAndLossLedger: boolean;
  /** Sub-groups "Purchase - Local" and "Sales - Export" written with flags that contradict their primary. */
  misleadingSubGroupFlags: boolean;
  /** Primary groups written twice (same GUID) in answers and exports. */
  groupsTwice: boolean;
  /** Per-date counts as `<OBJECT>` rows dated `1-Apr-25` (else `<VOUCHER>` rows dated YYYYMMDD). */
  countRows: boolean;
  /** Orders, notes, memorandum, reversing journals, post-dated, cancelled and optional vouchers besides the books. */
  nonPostingVouchers: boolean;
  /**
   * Voucher collections and the Stock-in-Hand balance answer for Tally's current period (set by a "Change
   * Period" report; at start the financial year of today), not for the request's SVFROMDATE/SVTODATE.
   */
  periodScoped: boolean;
}

export const REAL_SHAPES: Readonly<RealShapeOptions> = Object.freeze({
  cmpinfo: true,
  typeAttributes: true,
  primaryParent: true,
  profitAndLossLedger: true,
  misleadingSubGroupFlags: true,
  groupsTwice: true,
  countRows: true,
  nonPostingVouchers: true,
  periodScoped: true,
});

/** Every shape off: the simulator as it was before it learnt real Tally's habits. */
export const NO_REAL_SHAPES: Readonly<RealShapeOptions> = Object.freeze({
  cmpinfo: false,
  typeAttributes: false,
  primaryParent: false,
  profitAndLossLedger: false,
  misleadingSubGroupFlags: false,
  groupsTwice: false,
  countRows: false,
  nonPostingVouchers: false,
  periodScoped: false,
});

export const resolveShapes = (partial: Partial<RealShapeOptions> = {}): RealShapeOptions => ({
  ...REAL_SHAPES,
  ...partial,
});

/** How the simulated company is dressed up (the simulator and the export-file writers take the same). */
export interface SimOptions {
  /** Shapes to switch off, e.g. `{ countRows: false }`; all on when omitted. */
  realShapes?: Partial<RealShapeOptions>;
  /**
   * Profit of earlier years carried in the Profit & Loss A/c's opening balance, in paise; positive is a
   * profit (a credit: Tally writes it positive). The same amount is added to the opening debit of the
   * first Bank Accounts ledger (else the first Cash-in-Hand ledger), so the openings add up as before.
   * Default DEFAULT_EARLIER_PROFIT; 0 when the company has no bank or cash ledger.
   */
  earlierProfit?: Paise;
  /** The clock post-dated vouchers are dated after. Default Date.now. */
  now?: () => number;
  /** Seed of the non-posting vouchers (which ledgers, dates, amounts). Default: from the company GUID. */
  seed?: number;
  /**
   * How the simulated Tally values its closing stock (the Stock-in-Hand group's closing balance); default:
   * each item by its costing method over the vouchers that move stock (tools/tally-sim/stock.ts).
   */
  stockValuation?: SimStockValuation;
}

export const PROFIT_AND_LOSS = 'Profit & Loss A/c';
/** ₹4,85,000 of profit carried from earlier years. */
export const DEFAULT_EARLIER_PROFIT: Paise = 4_85_000_00;
export const PURCHASE_SUB_GROUP = 'Purchase - Local';
export const SALES_SUB_GROUP = 'Sales - Export';

/** GUID suffixes (8 hex digits after the company GUID) of the objects the shapes add. */
const PL_ID = 0x7f000001;
const PURCHASE_SUB_ID = 0x7f000002;
const SALES_SUB_ID = 0x7f000003;
const VOUCHER_TYPE_ID = 0x7f000010;
const EXTRA_VOUCHER_ID = 0x7e000000;

export const guidOf = (companyGuid: string, id: number): string =>
  `${companyGuid}-${id.toString(16).padStart(8, '0')}`;

/** Flags a group is written with when they differ from what its primary group makes it. */
export interface GroupFlags {
  isRevenue: boolean;
  affectsGrossProfit: boolean;
  isDeemedPositive: boolean;
}

export interface ShapedMasters {
  groups: GroupRecord[];
  ledgers: LedgerRecord[];
  voucherTypes: VoucherTypeRecord[];
  /** Written flags of the misleading sub-groups, by group GUID (their records keep the true ones). */
  exportedFlags: Map<string, GroupFlags>;
  /** The reserved ledger added, and the ledger whose opening debit balances its opening credit. */
  profitAndLoss: { guid: string; openingBalance: Paise; compensatedBy: string | null } | null;
  /** Misleading sub-groups created and the ledgers moved into them. */
  subGroups: { name: string; guid: string; parent: string; ledgersMoved: string[] }[];
}

/** Base types of the non-posting vouchers, in the order their masters are added when missing. */
const EXTRA_BASE_TYPES = [
  'Sales Order',
  'Purchase Order',
  'Delivery Note',
  'Receipt Note',
  'Rejections In',
  'Memorandum',
  'Reversing Journal',
  'Receipt',
  'Sales',
  'Purchase',
] as const;
type ExtraBase = (typeof EXTRA_BASE_TYPES)[number];

/** The primary group a group stands under (itself for a primary group). */
function primaryOf(groups: readonly GroupRecord[], name: string | null): GroupRecord | null {
  const byName = new Map(groups.map((g) => [g.name, g]));
  let g = name === null ? undefined : byName.get(name);
  for (let i = 0; g && g.parent !== null && i < 64; i++) {
    const up = byName.get(g.parent);
    if (!up) break;
    g = up;
  }
  return g ?? null;
}

const baseName = (g: GroupRecord): string => g.reservedName ?? g.name;

/** Does a ledger stand (at any depth) under a group with this (reserved) name? */
function under(groups: readonly GroupRecord[], parent: string | null, wanted: string): boolean {
  const byName = new Map(groups.map((g) => [g.name, g]));
  let name = parent;
  for (let i = 0; name !== null && i < 64; i++) {
    const g = byName.get(name);
    if (!g) return false;
    if (baseName(g) === wanted) return true;
    name = g.parent;
  }
  return false;
}

/**
 * The source's masters with the shapes' additions: the Profit & Loss A/c (and its compensating opening),
 * the misleading sub-groups with a ledger moved into each, and voucher types the non-posting vouchers
 * need. Fresh copies: nothing in the source changes.
 */
export function shapeMasters(source: SimSource, options: SimOptions = {}): ShapedMasters {
  const shapes = resolveShapes(options.realShapes);
  const companyGuid = source.company.guid;
  const groups = source.groups.map((g) => ({ ...g }));
  const ledgers = source.ledgers.map((l) => ({ ...l, openingBills: [...l.openingBills] }));
  const voucherTypes = source.voucherTypes.map((t) => ({ ...t }));
  let alterId = Math.max(
    0,
    ...groups.map((g) => g.alterId),
    ...ledgers.map((l) => l.alterId),
    ...voucherTypes.map((t) => t.alterId),
  );
  const out: ShapedMasters = {
    groups,
    ledgers,
    voucherTypes,
    exportedFlags: new Map(),
    profitAndLoss: null,
    subGroups: [],
  };

  const hasPl = ledgers.some((l) => l.name === PROFIT_AND_LOSS || l.reservedName === PROFIT_AND_LOSS);
  if (shapes.profitAndLossLedger && !hasPl) {
    const compensating =
      ledgers.find((l) => under(groups, l.parent, 'Bank Accounts')) ??
      ledgers.find((l) => under(groups, l.parent, 'Cash-in-Hand')) ??
      null;
    const profit = compensating ? (options.earlierProfit ?? DEFAULT_EARLIER_PROFIT) : 0;
    if (compensating) compensating.openingBalance += profit;
    const ledger: LedgerRecord = {
      guid: guidOf(companyGuid, PL_ID),
      name: PROFIT_AND_LOSS,
      parent: null,
      reservedName: PROFIT_AND_LOSS,
      // A profit is a credit: negative in the app's convention (debit positive).
      openingBalance: -profit,
      isBillWise: false,
      creditPeriodDays: null,
      gstin: null,
      state: null,
      alterId: ++alterId,
      openingBills: [],
    };
    ledgers.push(ledger);
    out.profitAndLoss = {
      guid: ledger.guid,
      openingBalance: ledger.openingBalance,
      compensatedBy: compensating?.name ?? null,
    };
  }

  if (shapes.misleadingSubGroupFlags) {
    const specs = [
      {
        primary: 'Purchase Accounts',
        name: PURCHASE_SUB_GROUP,
        id: PURCHASE_SUB_ID,
        // Seen in a real export: all three No under Purchase Accounts.
        flags: { isRevenue: false, affectsGrossProfit: false, isDeemedPositive: false },
      },
      {
        primary: 'Sales Accounts',
        name: SALES_SUB_GROUP,
        id: SALES_SUB_ID,
        flags: { isRevenue: true, affectsGrossProfit: false, isDeemedPositive: false },
      },
    ];
    for (const spec of specs) {
      const primary = groups.find((g) => g.parent === null && baseName(g) === spec.primary);
      if (!primary || groups.some((g) => g.name === spec.name)) continue;
      // The record keeps the truth: a sub-group has the nature of its primary group.
      const group: GroupRecord = {
        guid: guidOf(companyGuid, spec.id),
        name: spec.name,
        parent: primary.name,
        nature: primary.nature,
        isRevenue: primary.isRevenue,
        affectsGrossProfit: primary.affectsGrossProfit,
        reservedName: null,
        alterId: ++alterId,
      };
      groups.push(group);
      out.exportedFlags.set(group.guid, spec.flags);
      // The first ledger directly under the primary moves in (vouchers keep using it by name).
      const moved = ledgers.find((l) => l.parent === primary.name);
      if (moved) moved.parent = group.name;
      out.subGroups.push({
        name: group.name,
        guid: group.guid,
        parent: primary.name,
        ledgersMoved: moved ? [moved.name] : [],
      });
    }
  }

  if (shapes.nonPostingVouchers) {
    EXTRA_BASE_TYPES.forEach((base, i) => {
      if (findType(voucherTypes, base)) return;
      voucherTypes.push({
        guid: guidOf(companyGuid, VOUCHER_TYPE_ID + i),
        name: base,
        parent: base,
        reservedName: base,
        autoNumbered: false,
        alterId: ++alterId,
      });
    });
  }
  return out;
}

function findType(types: readonly VoucherTypeRecord[], base: string): VoucherTypeRecord | undefined {
  return types.find((t) => t.name === base) ?? types.find((t) => (t.reservedName ?? t.parent) === base);
}

/** What the non-posting vouchers are built from: one pass over the source's vouchers. */
export interface SourceStats {
  maxAlterId: number;
  first: IsoDate | null;
  last: IsoDate | null;
}

export function sourceStats(vouchers: Iterable<VoucherRecord>): SourceStats {
  const stats: SourceStats = { maxAlterId: 0, first: null, last: null };
  for (const v of vouchers) addToStats(stats, v);
  return stats;
}

export function addToStats(stats: SourceStats, v: VoucherRecord): void {
  if (v.alterId > stats.maxAlterId) stats.maxAlterId = v.alterId;
  if (stats.first === null || v.date < stats.first) stats.first = v.date;
  if (stats.last === null || v.date > stats.last) stats.last = v.date;
}

type Kind =
  | 'Sales Order'
  | 'Purchase Order'
  | 'Delivery Note'
  | 'Receipt Note'
  | 'Rejections In'
  | 'Memorandum'
  | 'Reversing Journal'
  | 'post-dated'
  | 'cancelled'
  | 'optional';

/** Why an extra voucher stays out of the books. */
export type NonPostingKind = Kind;

interface ExtraSpec {
  kind: Kind;
  base: ExtraBase;
  prefix: string;
  lines: 'sale' | 'purchase' | 'return' | 'expense' | 'journal' | 'receipt';
  bills: boolean;
}

const EXTRA_SPECS: readonly ExtraSpec[] = [
  { kind: 'Sales Order', base: 'Sales Order', prefix: 'SO', lines: 'sale', bills: false },
  { kind: 'Purchase Order', base: 'Purchase Order', prefix: 'PO', lines: 'purchase', bills: false },
  { kind: 'Delivery Note', base: 'Delivery Note', prefix: 'DN', lines: 'sale', bills: false },
  { kind: 'Receipt Note', base: 'Receipt Note', prefix: 'GRN', lines: 'purchase', bills: false },
  { kind: 'Rejections In', base: 'Rejections In', prefix: 'RJI', lines: 'return', bills: false },
  { kind: 'Memorandum', base: 'Memorandum', prefix: 'MEMO', lines: 'expense', bills: false },
  { kind: 'Reversing Journal', base: 'Reversing Journal', prefix: 'RVJ', lines: 'journal', bills: false },
  // A post-dated cheque from a customer, dated after today: Tally posts it when the date comes.
  { kind: 'post-dated', base: 'Receipt', prefix: 'PDC', lines: 'receipt', bills: true },
  { kind: 'cancelled', base: 'Sales', prefix: 'CAN', lines: 'sale', bills: true },
  { kind: 'optional', base: 'Purchase', prefix: 'OPT', lines: 'purchase', bills: true },
];

/** How many vouchers of each kind. */
const PER_KIND = 2;

function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** ISO date of a JavaScript time, UTC. */
export const isoDay = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

/**
 * The vouchers real Tally holds but does not post, built over given masters: orders and notes (not
 * accounting vouchers), memorandum and reversing journals (outside the books), post-dated (dated after
 * today), cancelled and optional ones, all with ledger amounts exactly like invoices. Each balances, uses
 * existing ledgers, has its own GUID (company GUID + 7exxxxxx) and an AlterID above every other.
 */
export function buildNonPosting(
  company: { guid: string },
  masters: Pick<ShapedMasters, 'groups' | 'ledgers' | 'voucherTypes'>,
  stats: SourceStats,
  options: SimOptions = {},
): VoucherRecord[] {
  const { groups, ledgers, voucherTypes } = masters;
  const usable = ledgers.filter((l) => l.parent !== null);
  if (usable.length === 0) return [];
  // The demo's own seeded generator: the same extra vouchers on every machine.
  const { int, pick } = createRandom(options.seed ?? seedOf(company.guid));
  const pool = (...wanted: string[]): LedgerRecord[] => {
    for (const w of wanted) {
      const found = usable.filter((l) => under(groups, l.parent, w));
      if (found.length > 0) return found;
    }
    return usable;
  };
  const natured = (nature: GroupRecord['nature'], fallback: LedgerRecord[]): LedgerRecord[] => {
    const found = usable.filter((l) => primaryOf(groups, l.parent)?.nature === nature);
    return found.length > 0 ? found : fallback;
  };
  const customers = pool('Sundry Debtors');
  const suppliers = pool('Sundry Creditors', 'Sundry Debtors');
  const sales = pool('Sales Accounts', 'Direct Incomes', 'Indirect Incomes');
  const purchases = pool('Purchase Accounts', 'Direct Expenses', 'Indirect Expenses');
  const money = pool('Cash-in-Hand', 'Bank Accounts');
  const expenses = natured('expense', purchases).filter((l) => !under(groups, l.parent, 'Purchase Accounts'));
  const spending = expenses.length > 0 ? expenses : purchases;

  const today = isoDay((options.now ?? Date.now)());
  const first = stats.first ?? stats.last ?? today;
  const last = stats.last ?? first;
  const span = Math.max(0, daysBetween(first, last));
  const baseAlterId = Math.max(
    stats.maxAlterId,
    ...groups.map((g) => g.alterId),
    ...ledgers.map((l) => l.alterId),
    ...voucherTypes.map((t) => t.alterId),
  );

  const entry = (l: LedgerRecord, amount: Paise, bills: BillAllocationRecord[] = []): LedgerEntryRecord => ({
    ledgerGuid: l.guid,
    ledgerName: l.name,
    amount,
    bills,
  });
  const out: VoucherRecord[] = [];
  let serial = 0;
  for (const spec of EXTRA_SPECS) {
    const type = findType(voucherTypes, spec.base)?.name ?? spec.base;
    for (let n = 1; n <= PER_KIND; n++) {
      const id = EXTRA_VOUCHER_ID + ++serial;
      const date = spec.kind === 'post-dated' ? addDays(today, int(1, 45)) : addDays(first, int(0, span));
      const amount: Paise = int(1_000, 1_49_999) * 100;
      const number = `${spec.prefix}/${n}`;
      const bill = (billType: BillAllocationRecord['billType'], signed: Paise, days: number | null) =>
        spec.bills
          ? [
              {
                billName: number,
                billType,
                amount: signed,
                creditPeriodDays: days,
                dueDate: days === null ? null : addDays(date, days),
              },
            ]
          : [];
      let party: LedgerRecord | null = null;
      let entries: LedgerEntryRecord[];
      let narration: string;
      switch (spec.lines) {
        case 'sale': {
          party = pick(customers);
          const days = party.creditPeriodDays ?? 30;
          entries = [entry(party, amount, bill('New Ref', amount, days)), entry(pick(sales), -amount)];
          narration = `${spec.kind === 'cancelled' ? 'Invoice' : spec.kind} to ${party.name}`;
          break;
        }
        case 'purchase': {
          party = pick(suppliers);
          const days = party.creditPeriodDays ?? 30;
          entries = [entry(pick(purchases), amount), entry(party, -amount, bill('New Ref', -amount, days))];
          narration = `${spec.kind === 'optional' ? 'Purchase invoice (optional)' : spec.kind} from ${party.name}`;
          break;
        }
        case 'return':
          party = pick(customers);
          entries = [entry(pick(sales), amount), entry(party, -amount)];
          narration = `Goods rejected by ${party.name}`;
          break;
        case 'expense':
          entries = [entry(pick(spending), amount), entry(pick(money), -amount)];
          narration = 'Memorandum: expense to be confirmed';
          break;
        case 'journal':
          party = pick(suppliers);
          entries = [entry(pick(spending), amount), entry(party, -amount)];
          narration = 'Provision reversed on the first day of next period';
          break;
        case 'receipt':
          party = pick(customers);
          entries = [entry(pick(money), amount), entry(party, -amount, bill('Advance', -amount, null))];
          narration = `Post-dated cheque from ${party.name}`;
          break;
      }
      out.push({
        guid: guidOf(company.guid, id),
        alterId: baseAlterId + serial,
        masterId: baseAlterId + serial,
        date,
        voucherType: type,
        voucherNumber: number,
        partyLedgerName: party?.name ?? null,
        narration,
        reference: null,
        isCancelled: spec.kind === 'cancelled',
        isOptional: spec.kind === 'optional',
        isPostDated: spec.kind === 'post-dated',
        entries,
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The extra, non-posting vouchers the simulator serves for a source (the same records, given the same
 * options: pass the same `now` and `seed`), in date order. Recompute figures without them: the books are
 * the source's own vouchers. Empty when the nonPostingVouchers shape is off.
 */
export function nonPostingVouchers(source: SimSource, options: SimOptions = {}): VoucherRecord[] {
  if (!resolveShapes(options.realShapes).nonPostingVouchers) return [];
  return buildNonPosting(
    source.company,
    shapeMasters(source, options),
    sourceStats(source.vouchers()),
    options,
  );
}

/** The kind of a voucher listed by nonPostingVouchers (by its number's prefix and flags), else null. */
export function nonPostingKind(v: VoucherRecord): NonPostingKind | null {
  const prefix = /^([A-Z]+)\//.exec(v.voucherNumber)?.[1];
  const spec = EXTRA_SPECS.find((s) => s.prefix === prefix);
  if (!spec || !v.guid.slice(-8).startsWith('7e')) return null;
  return spec.kind;
}
