import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Paise } from '../../../shared/money';
import type { GstDutyHead, GstRegistrationKind, GstTaxabilityKind } from '../db/records';
import { checkGstin } from './gstin';
import { normaliseDocumentNumber, type InwardDocument, type InwardKind } from './gstr2b';
import { itcAdjustmentRow, type InwardSupply, type ItcAdjustment, type ItcKind } from './gstr3b';
import type { GstCompany, GstDocument, GstDocumentKind, GstLine } from './model';
import { FOREIGN_COUNTRY, stateCodeOf } from './states';

/**
 * A company's GST documents of a period, read from the store (schema v14) into the returns' one shape.
 *
 * - Which vouchers: base types Sales, Credit Note, Debit Note and Purchase dated in the period that post
 *   to the books, and cancelled ones (GSTR-1's documents-issued table counts them); orders, memoranda,
 *   optional and not-yet-posted post-dated vouchers are left out as in every report (db/posting.ts).
 *   A note goes outward when its lines are income ledgers (a sales return or a price increase to a
 *   customer), inward when they are expense ledgers (a purchase return is the supplier's credit note).
 * - Lines: an item invoice's inventory lines; otherwise its entries in income / expense ledgers other than
 *   the party and the tax ledgers, except ledgers under Indirect Incomes / Indirect Expenses without GST
 *   details (round-off, discounts), and entries in any other ledger with GST details (capital goods
 *   under Fixed Assets). Taxable value = the line's amount on the document's side.
 * - Rate and taxability: the line's own (GSTOVRDNTAXABILITY, RATEDETAILS), else the item's or ledger's GST
 *   details, else the voucher's only sales / purchase ledger's; a line without a stated rate on a voucher
 *   with tax gets the rate the tax implies.
 * - A note's original invoice value (B2CL or B2CS for a note to an unregistered buyer): the New Ref bill
 *   its party line's Agst Ref settles, on the same ledger; unknown without bill-wise details.
 * - Tax per head: the tax ledgers' entries (by their duty head), shared among the taxable lines in
 *   proportion to taxable value × rate. A reverse-charge purchase without tax entries: rate × value, as
 *   IGST when inter-state, else half CGST, half SGST (the recipient pays it, section 9(3)).
 */

export interface GstPeriod {
  from: IsoDate;
  to: IsoDate;
}

const DOCUMENT_TYPES = ['Sales', 'Credit Note', 'Debit Note', 'Purchase'] as const;
const INDIRECT = new Set(['Indirect Incomes', 'Indirect Expenses']);

interface VoucherRow {
  id: number;
  guid: string;
  date: IsoDate;
  voucherType: string;
  baseType: string;
  number: string;
  partyName: string | null;
  reference: string | null;
  cancelled: number;
  /** null for a posting voucher, 'cancelled' for a cancelled one. */
  offBooks: string | null;
  companyGstin: string | null;
  partyGstin: string | null;
  registration: GstRegistrationKind | null;
  placeOfSupply: string | null;
  partyState: string | null;
  reverseCharge: number | null;
  referenceDate: IsoDate | null;
}

/** A voucher row as read (raw), its columns in VoucherRow's order. */
type VoucherTuple = [
  number,
  string,
  IsoDate,
  string,
  string,
  string,
  string | null,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  GstRegistrationKind | null,
  string | null,
  string | null,
  number | null,
  IsoDate | null,
];
const voucherRowOf = ([
  id,
  guid,
  date,
  voucherType,
  baseType,
  number,
  partyName,
  reference,
  cancelled,
  offBooks,
  companyGstin,
  partyGstin,
  registration,
  placeOfSupply,
  partyState,
  reverseCharge,
  referenceDate,
]: VoucherTuple): VoucherRow => ({
  id,
  guid,
  date,
  voucherType,
  baseType,
  number,
  partyName,
  reference,
  cancelled,
  offBooks,
  companyGstin,
  partyGstin,
  registration,
  placeOfSupply,
  partyState,
  reverseCharge,
  referenceDate,
});

/** A ledger's facts the documents read: its name, GST details and primary group. */
interface LedgerFacts {
  id: number;
  ledger: string;
  gstin: string | null;
  state: string | null;
  registration: GstRegistrationKind | null;
  dutyHead: GstDutyHead | null;
  ledgerTaxability: GstTaxabilityKind | null;
  ledgerRate: number | null;
  ledgerHsn: string | null;
  ledgerReverseCharge: number;
  ledgerIneligible: number | null;
  ledgerNature: string | null;
  nature: string | null;
  primaryGroup: string | null;
}

interface EntryLineRow {
  voucherId: number;
  amount: Paise;
  ledgerId: number;
  lineTaxability: GstTaxabilityKind | null;
  lineRate: number | null;
  lineHsn: string | null;
  lineIneligible: number | null;
  lineNature: string | null;
}

/** An entry as read (raw): voucher id, entry id, amount, ledger id. */
type EntryTuple = [number, number, Paise, number];
/** An item line as read (raw): voucher id, line id, amount, billed quantity, unit, item id, item name. */
type ItemTuple = [number, number, Paise, number, string | null, number | null, string | null];

/** A line's own GST details (GSTOVRDN…, RATEDETAILS), keyed by its entry's or inventory line's id. */
interface LineDetails {
  taxability: GstTaxabilityKind | null;
  rate: number | null;
  hsn: string | null;
  ineligible: number | null;
  nature: string | null;
}
interface LineDetailsRow extends LineDetails {
  entryId: number | null;
  inventoryId: number | null;
}

/** A stock item's GST facts. */
interface ItemFacts extends LineDetails {
  id: number;
  name: string;
}

/** An entry with its ledger's facts (`l`). */
interface EntryRow extends EntryLineRow {
  l: LedgerFacts;
}

interface ItemRow {
  voucherId: number;
  amount: Paise;
  quantity: number;
  unit: string | null;
  item: string;
  itemTaxability: GstTaxabilityKind | null;
  itemRate: number | null;
  itemHsn: string | null;
  itemIneligible: number | null;
  itemNature: string | null;
  lineTaxability: GstTaxabilityKind | null;
  lineRate: number | null;
  lineHsn: string | null;
  lineIneligible: number | null;
  lineNature: string | null;
}

/** The period's document vouchers of some base types (posting ones, and cancelled ones). */
const periodVouchers = (types: readonly string[]): string => `FROM vouchers v
  WHERE v.company_id = @company AND v.date BETWEEN @from AND @to
    AND v.base_type IN (${types.map((t) => `'${t}'`).join(', ')})
    AND (v.off_books IS NULL OR v.off_books = 'cancelled')`;
const PERIOD_VOUCHERS = periodVouchers(DOCUMENT_TYPES);
/**
 * Which documents a caller needs: all, the outward ones (GSTR-1: every base type but Purchase) or the
 * inward ones (GSTR-2B: every base type but Sales); a note's direction is known only from its lines.
 */
export type GstDirection = 'all' | 'outward' | 'inward';
const TYPES_OF: Record<GstDirection, readonly string[]> = {
  all: DOCUMENT_TYPES,
  outward: DOCUMENT_TYPES.filter((t) => t !== 'Purchase'),
  inward: DOCUMENT_TYPES.filter((t) => t !== 'Sales'),
};

/** One statement over the period's documents for each direction a caller may ask for. */
const periodStatements = (
  db: Database.Database,
  sql: (vouchers: string) => string,
  /** Rows as arrays of the columns in order (no object per row). */
  raw = false,
): Record<GstDirection | 'chosen', Database.Statement> => {
  const each = periodStatementsOf(db, sql);
  if (raw) for (const statement of Object.values(each)) statement.raw(true);
  return each;
};
const periodStatementsOf = (
  db: Database.Database,
  sql: (vouchers: string) => string,
): Record<GstDirection | 'chosen', Database.Statement> => ({
  all: db.prepare(sql(PERIOD_VOUCHERS)),
  outward: db.prepare(sql(periodVouchers(TYPES_OF.outward))),
  inward: db.prepare(sql(periodVouchers(TYPES_OF.inward))),
  // Chosen inward vouchers of the period (@ids: a JSON array of voucher ids), looked up by id: the unary +
  // keeps SQLite from scanning the company's or the period's vouchers instead.
  chosen: db.prepare(
    sql(
      periodVouchers(TYPES_OF.inward).replace(
        'WHERE v.company_id = @company AND v.date BETWEEN',
        'WHERE v.id IN (SELECT value FROM json_each(@ids)) AND +v.company_id = @company AND +v.date BETWEEN',
      ),
    ),
  ),
});

/** The period's posting vouchers' entries in GST tax ledgers by voucher and head, credit-positive. */
const taxLedgerSql = (
  andWhere: string,
): string => `SELECT v.id AS voucherId, v.guid, v.voucher_type AS voucherType,
      v.voucher_number AS number, v.date, coalesce(v.party_name, '') AS partyName, l.gst_duty_head AS head,
      -sum(e.amount) AS amount
    FROM vouchers v
    JOIN entries e ON e.voucher_id = v.id
    JOIN ledgers l ON l.id = e.ledger_id
    WHERE v.company_id = @company AND v.date BETWEEN @from AND @to AND v.off_books IS NULL
      AND l.gst_duty_head IS NOT NULL ${andWhere}
    GROUP BY v.id, l.gst_duty_head
    ORDER BY v.date, v.id`;

const prepare = (db: Database.Database) => ({
  vouchers: periodStatements(
    db,
    // As arrays (raw), the columns in VoucherRow's order (voucherRowOf).
    (vouchers) => `SELECT v.id, v.guid, v.date, v.voucher_type, v.base_type, v.voucher_number, v.party_name,
      v.reference, v.is_cancelled, v.off_books, g.company_gstin, g.party_gstin, g.registration,
      g.place_of_supply, g.party_state, g.reverse_charge, g.reference_date
    ${vouchers.replace('FROM vouchers v', 'FROM vouchers v LEFT JOIN voucher_gst g ON g.voucher_id = v.id')}
    ORDER BY v.date, v.id`,
    true,
  ),
  // The lines of the vouchers read (@ids: their ids as a JSON array), through each table's voucher index:
  // the vouchers' period and types are not looked up again for each table.
  // The entries alone, as arrays (raw): the ledgers' GST facts are joined in JS from ledgerFacts (a few
  // thousand ledgers read once, not a join per entry), the lines' own details from lineDetails.
  entries: db
    .prepare(
      `SELECT e.voucher_id, e.id, e.amount, e.ledger_id
    FROM entries e
    WHERE e.voucher_id IN (SELECT value FROM json_each(@ids))
    ORDER BY e.voucher_id, e.id`,
    )
    .raw(true),
  // The lines' own GST details (few: only where a voucher overrides its ledger or item).
  lineDetails: db.prepare(`SELECT d.entry_id AS entryId, d.inventory_id AS inventoryId, d.taxability, d.rate,
      d.hsn, d.ineligible_itc AS ineligible, d.nature
    FROM gst_line_details d
    WHERE d.voucher_id IN (SELECT value FROM json_each(@ids))`),
  // The supplier's number of each inward voucher (Supplier Invoice No., else the voucher's), to find the
  // few a GSTR-2B names before reading their lines.
  inwardNumbers: db.prepare(`SELECT v.id, coalesce(v.reference, v.voucher_number) AS number
    ${periodVouchers(TYPES_OF.inward)}`),
  ledgerFacts: db.prepare(`SELECT l.id, l.name AS ledger, l.gstin, l.state,
      l.gst_registration AS registration, l.gst_duty_head AS dutyHead, l.gst_taxability AS ledgerTaxability,
      l.gst_rate AS ledgerRate, l.hsn AS ledgerHsn, l.gst_reverse_charge AS ledgerReverseCharge,
      l.gst_ineligible_itc AS ledgerIneligible, l.gst_nature AS ledgerNature,
      p.nature, p.reserved_name AS primaryGroup
    FROM ledgers l
    LEFT JOIN groups g ON g.company_id = l.company_id AND g.name = l.group_name
    LEFT JOIN groups p ON p.company_id = g.company_id AND p.name = g.primary_group
    WHERE l.company_id = ? ORDER BY l.id`),
  // The item lines alone, as arrays (raw); the items' GST facts from itemFacts.
  items: db
    .prepare(
      `SELECT i.voucher_id, i.id, i.amount, i.billed_quantity, i.unit, i.item_id, i.item_name
    FROM inventory_entries i
    WHERE i.voucher_id IN (SELECT value FROM json_each(@ids))
    ORDER BY i.voucher_id, i.id`,
    )
    .raw(true),
  itemFacts: db.prepare(`SELECT s.id, s.name, s.gst_taxability AS taxability, s.gst_rate AS rate, s.hsn,
      s.gst_ineligible_itc AS ineligible, s.gst_nature AS nature
    FROM stock_items s WHERE s.company_id = ? ORDER BY s.id`),
  // A note's invoice: the New Ref bill its Agst Ref settles, on the same ledger (its amount is the invoice's
  // value with tax).
  noteOriginals: db.prepare(`SELECT e.voucher_id AS voucherId, max(abs(o.amount)) AS original
    FROM bill_allocations b
    JOIN entries e ON e.id = b.entry_id
    JOIN bill_allocations o ON o.ledger_id = b.ledger_id AND o.bill_name = b.bill_name
      AND o.bill_type = 'New Ref' AND o.entry_id <> b.entry_id
    WHERE b.bill_type = 'Agst Ref' AND e.voucher_id IN (SELECT value FROM json_each(@ids))
    GROUP BY e.voucher_id`),
  // Every posting voucher's entries in GST tax ledgers (journals and payments too), credit-positive.
  taxLedgerEntries: db.prepare(taxLedgerSql('')),
  // The same of the vouchers other than the documents (whose entries readDocuments reads anyway).
  otherTaxLedgerEntries: db.prepare(
    taxLedgerSql(`AND v.base_type NOT IN (${DOCUMENT_TYPES.map((t) => `'${t}'`).join(', ')})`),
  ),
  // Journals (any voucher) with a GST statutory adjustment: their entries in GST tax ledgers, debit-positive.
  // The period's vouchers first (CROSS JOIN keeps that order): reading every voucher_gst row of the
  // company would cost the whole books, not the period.
  adjustments: db.prepare(`SELECT v.guid, v.voucher_type AS voucherType, v.voucher_number AS number, v.date,
      coalesce(v.party_name, '') AS partyName, g.tax_adjustment AS nature, g.adjustment_details AS details,
      l.gst_duty_head AS head, sum(e.amount) AS amount
    FROM vouchers v
    CROSS JOIN voucher_gst g ON g.voucher_id = v.id
    JOIN entries e ON e.voucher_id = v.id
    JOIN ledgers l ON l.id = e.ledger_id
    WHERE v.company_id = @company AND g.tax_adjustment IS NOT NULL AND v.date BETWEEN @from AND @to
      AND v.off_books IS NULL AND l.gst_duty_head IS NOT NULL
    GROUP BY v.id, l.gst_duty_head
    ORDER BY v.date, v.id`),
  // The period's own vouchers first (a month's, not the whole books'); the books up to its end otherwise.
  periodGstins:
    db.prepare(`SELECT g.company_gstin AS gstin, count(*) AS n, max(v.date) AS last FROM vouchers v
      CROSS JOIN voucher_gst g ON g.voucher_id = v.id
    WHERE v.company_id = @company AND v.date BETWEEN @from AND @to AND g.company_gstin IS NOT NULL
    GROUP BY g.company_gstin ORDER BY n DESC, max(v.date) DESC`),
  companyGstins:
    db.prepare(`SELECT g.company_gstin AS gstin, count(*) AS n, max(v.date) AS last FROM voucher_gst g
      JOIN vouchers v ON v.id = g.voucher_id
    WHERE g.company_id = ? AND g.company_gstin IS NOT NULL AND v.date <= ?
    GROUP BY g.company_gstin ORDER BY n DESC, max(v.date) DESC`),
});

/**
 * A signature of every master fact the classification reads (the ledgers' and stock items' GST details,
 * names and groups, as ledgerFacts and itemFacts read them): equal signatures, equal classification.
 */
export function gstMastersSignature(db: Database.Database, companyId: number): string {
  const s = statementsOf(db);
  const hash = createHash('sha256');
  for (const rows of [s.ledgerFacts.all(companyId), s.itemFacts.all(companyId)]) {
    for (const row of rows) hash.update(JSON.stringify(row));
    hash.update('\u0000');
  }
  return hash.digest('base64');
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
const statementsOf = (db: Database.Database): ReturnType<typeof prepare> => {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
};

/**
 * The company's GSTIN: the one the period's vouchers were entered under (CMPGSTIN), else the one its vouchers
 * up to the period's end were; the most used where there were several. Throws VALIDATION naming the company
 * when its books carry none.
 */
export function gstCompanyOf(
  db: Database.Database,
  company: { id: number; name: string },
  period: GstPeriod,
): GstCompany {
  return (
    gstCompanyFrom(periodGstinCounts(db, company, period)) ??
    gstCompanyFrom(statementsOf(db).companyGstins.all(company.id, period.to) as GstinCount[]) ??
    noGstin(company, period)
  );
}

/** How many of a period's vouchers were entered under a company GSTIN, and the last one's date. */
export interface GstinCount {
  gstin: string;
  n: number;
  last: IsoDate;
}

/** The company GSTINs of a period's vouchers, with their counts. */
export const periodGstinCounts = (
  db: Database.Database,
  company: { id: number },
  period: GstPeriod,
): GstinCount[] =>
  statementsOf(db).periodGstins.all({
    company: company.id,
    from: period.from,
    to: period.to,
  }) as GstinCount[];

/** The GSTIN most vouchers carry (the latest on a tie) that is a valid one, or null. */
export function gstCompanyFrom(counts: readonly GstinCount[]): GstCompany | null {
  const ordered = [...counts].sort((a, b) => b.n - a.n || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
  for (const row of ordered) {
    const check = checkGstin(row.gstin);
    if (check.ok) return { gstin: check.gstin, stateCode: check.gstin.slice(0, 2) };
  }
  return null;
}

/** VALIDATION naming the company whose books carry no GSTIN up to the period's end. */
function noGstin(company: { name: string }, period: GstPeriod): never {
  throw new AppError(
    'VALIDATION',
    `"${company.name}" has no GSTIN in its books up to ${period.to}: its vouchers carry no company GSTIN ` +
      '(CMPGSTIN). Set the GST registration in Tally (F11 > Statutory & Taxation) and sync again.',
    { companyName: company.name },
  );
}

interface Classified {
  voucher: VoucherRow;
  direction: 'outward' | 'inward';
  kind: GstDocumentKind;
  value: Paise;
  lines: GstLine[];
  partyGstin: string | null;
  registration: GstRegistrationKind;
  placeOfSupply: string | null;
  reverseCharge: boolean;
  hasItems: boolean;
  /** A line's or its master's nature of transaction says import ("Imports Taxable", …). */
  importNature: boolean;
}

const kindOfNote = (baseType: string, direction: 'outward' | 'inward'): GstDocumentKind => {
  if (baseType === 'Sales' || baseType === 'Purchase') return 'invoice';
  // A Tally Credit Note is a sales return (outward credit note) or, against a purchase, the supplier's
  // debit note; a Debit Note the other way round.
  if (baseType === 'Credit Note') return direction === 'outward' ? 'credit-note' : 'debit-note';
  return direction === 'outward' ? 'debit-note' : 'credit-note';
};

/** Shares `total` among weights by largest remainder, so the parts add up to it exactly. */
function share(total: Paise, weights: readonly number[]): Paise[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  // One line takes it all (what the largest remainder gives it too).
  if (weights.length === 1) return [total];
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.trunc(x));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, frac: Math.abs(x - Math.trunc(x)) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  const step = Math.sign(left);
  for (let k = 0; left !== 0 && k < order.length; k++, left -= step) parts[order[k]!.i]! += step;
  return parts;
}

function classify(
  company: GstCompany,
  voucher: VoucherRow,
  entries: readonly EntryRow[],
  items: readonly ItemRow[],
): Classified | null {
  const party =
    entries.find((e) => voucher.partyName !== null && e.l.ledger === voucher.partyName) ??
    entries.find((e) => e.l.nature === 'asset' || e.l.nature === 'liability');
  const partyAmount = party?.amount ?? 0;
  // The document's side: a sales invoice debits its party, a purchase credits it.
  const side = partyAmount > 0 ? 1 : partyAmount < 0 ? -1 : voucher.baseType === 'Purchase' ? -1 : 1;
  const hasGstDetails = (e: EntryRow): boolean =>
    e.l.ledgerTaxability !== null ||
    e.l.ledgerRate !== null ||
    e.lineTaxability !== null ||
    e.lineRate !== null;
  // Income and expense lines, and any other ledger with GST details (capital goods bought under Fixed
  // Assets carry input tax too).
  const revenue = entries.filter(
    (e) =>
      e !== party &&
      e.l.dutyHead === null &&
      (hasGstDetails(e) ||
        ((e.l.nature === 'income' || e.l.nature === 'expense') && !INDIRECT.has(e.l.primaryGroup ?? ''))),
  );
  const incomeSide = revenue.some((e) => e.l.nature === 'income');
  const expenseSide = revenue.some((e) => e.l.nature === 'expense');
  const direction: 'outward' | 'inward' =
    voucher.baseType === 'Sales'
      ? 'outward'
      : voucher.baseType === 'Purchase'
        ? 'inward'
        : incomeSide
          ? 'outward'
          : expenseSide
            ? 'inward'
            : voucher.baseType === 'Credit Note'
              ? 'outward'
              : 'inward';
  const kind = kindOfNote(voucher.baseType, direction);

  const heads: Record<GstDutyHead, Paise> = { igst: 0, cgst: 0, sgst: 0, cess: 0 };
  for (const e of entries) if (e !== party && e.l.dutyHead !== null) heads[e.l.dutyHead] += -side * e.amount;

  // The voucher's only sales / purchase ledger lends its GST details to item lines without their own.
  const ledgerWithRate = revenue.length === 1 ? revenue[0]! : undefined;
  const lines: GstLine[] =
    items.length > 0
      ? items.map((i) =>
          blocked(
            {
              hsn: i.lineHsn ?? i.itemHsn ?? ledgerWithRate?.l.ledgerHsn ?? null,
              description: i.item,
              uqc: uqcOf(i.unit),
              quantityMilli: Math.abs(i.quantity),
              taxability:
                i.lineTaxability ?? i.itemTaxability ?? ledgerWithRate?.l.ledgerTaxability ?? 'taxable',
              rate: i.lineRate ?? i.itemRate ?? ledgerWithRate?.l.ledgerRate ?? -1,
              taxable: -side * i.amount,
              igst: 0,
              cgst: 0,
              sgst: 0,
              cess: 0,
            },
            i.lineIneligible ?? i.itemIneligible ?? ledgerWithRate?.l.ledgerIneligible ?? null,
          ),
        )
      : revenue.map((e) =>
          blocked(
            {
              hsn: e.lineHsn ?? e.l.ledgerHsn,
              description: e.l.ledger,
              uqc: null,
              quantityMilli: 0,
              taxability: e.lineTaxability ?? e.l.ledgerTaxability ?? 'taxable',
              rate: e.lineRate ?? e.l.ledgerRate ?? -1,
              taxable: -side * e.amount,
              igst: 0,
              cgst: 0,
              sgst: 0,
              cess: 0,
            },
            e.lineIneligible ?? e.l.ledgerIneligible,
          ),
        );
  for (const line of lines) if (line.taxability !== 'taxable') line.rate = 0;
  const taxable = lines.filter((l) => l.taxability === 'taxable');
  const taxTotal = heads.igst + heads.cgst + heads.sgst;
  const unrated = taxable.filter((l) => l.rate < 0);
  if (unrated.length > 0) {
    // The rate the tax implies on the lines without one, to the nearest 0.01%.
    const ratedTax = taxable
      .filter((l) => l.rate >= 0)
      .reduce((s, l) => s + Math.round((l.taxable * l.rate) / 10_000), 0);
    const base = unrated.reduce((s, l) => s + l.taxable, 0);
    const implied = base === 0 ? 0 : Math.round(((taxTotal - ratedTax) * 10_000) / base);
    for (const l of unrated) {
      l.rate = Math.max(0, implied);
      l.rateImplied = true;
    }
  }

  const partyLedger = party ?? null;
  const partyGstin = voucher.partyGstin ?? partyLedger?.l.gstin ?? null;
  const registration: GstRegistrationKind =
    voucher.registration ?? partyLedger?.l.registration ?? (partyGstin ? 'regular' : 'unregistered');
  const placeOfSupply =
    stateCodeOf(voucher.placeOfSupply) ??
    stateCodeOf(voucher.partyState) ??
    (partyGstin && checkGstin(partyGstin).ok ? partyGstin.slice(0, 2) : null) ??
    stateCodeOf(partyLedger?.l.state) ??
    // A party without a state: Tally takes the supply as within the company's state.
    (registration === 'overseas' ? null : company.stateCode);
  const reverseCharge = voucher.reverseCharge === 1 || revenue.some((e) => e.l.ledgerReverseCharge === 1);

  const weights = taxable.map((l) => l.taxable * Math.max(l.rate, 0));
  const hasTaxEntries = (Object.values(heads) as number[]).some((v) => v !== 0);
  if (hasTaxEntries) {
    for (const head of ['igst', 'cgst', 'sgst', 'cess'] as const) {
      share(heads[head], weights).forEach((part, i) => (taxable[i]![head] = part));
    }
  } else if (reverseCharge && direction === 'inward') {
    // An import of services is inter-state (IGST Act section 7(4)), whatever state the books name.
    const inter =
      isImport(registration, placeOfSupply) ||
      (placeOfSupply !== null && placeOfSupply !== company.stateCode);
    for (const l of taxable) {
      const tax = Math.round((l.taxable * l.rate) / 10_000);
      if (inter) l.igst = tax;
      else {
        l.cgst = Math.round(tax / 2);
        l.sgst = tax - l.cgst;
      }
    }
  }
  return {
    voucher,
    direction,
    kind,
    value: Math.abs(partyAmount),
    lines,
    partyGstin,
    registration,
    placeOfSupply,
    reverseCharge,
    hasItems: items.length > 0,
    importNature:
      items.some((i) => isImportNature(i.lineNature ?? i.itemNature)) ||
      revenue.some((e) => isImportNature(e.lineNature ?? e.l.ledgerNature)),
  };
}

const isImportNature = (nature: string | null): boolean => nature !== null && /import/i.test(nature);

/**
 * A line's credit is blocked where its own GST details or its item's / ledger's say so (1); marked on the
 * line itself (no copy of it).
 */
function blocked(line: GstLine, ineligible: number | null): GstLine {
  if (ineligible === 1) line.itcBlocked = true;
  return line;
}

/**
 * A purchase from abroad: an overseas party, a place of supply outside India, or a nature of transaction
 * Tally calls an import ("Imports Taxable", GSTNATUREOFTRANSACTION).
 */
const isImport = (
  registration: GstRegistrationKind,
  placeOfSupply: string | null,
  importNature = false,
): boolean => importNature || registration === 'overseas' || placeOfSupply === FOREIGN_COUNTRY;

/**
 * Which row of GSTR-3B table 4(A) an eligible purchase's credit goes to: an import is of goods when the
 * voucher has stock items or a goods HSN, of services when every line is a SAC (chapter 99); every other
 * purchase is "all other ITC" (reverse charge goes to 4(A)(3) in buildGstr3b).
 */
export function itcKindOf(
  registration: GstRegistrationKind,
  placeOfSupply: string | null,
  lines: readonly Pick<GstLine, 'hsn'>[],
  hasItems: boolean,
  importNature = false,
): ItcKind {
  if (!isImport(registration, placeOfSupply, importNature)) return 'other';
  if (hasItems) return 'import-goods';
  const coded = lines.filter((l) => l.hsn !== null && l.hsn !== '');
  return coded.length > 0 && coded.every((l) => l.hsn!.startsWith('99')) ? 'import-services' : 'import-goods';
}

/** Tally's unit symbols to the portal's unit quantity codes, for the common ones; OTH otherwise. */
const UQC: Record<string, string> = {
  nos: 'NOS',
  no: 'NOS',
  pcs: 'PCS',
  kgs: 'KGS',
  kg: 'KGS',
  gms: 'GMS',
  ltr: 'LTR',
  ltrs: 'LTR',
  mtr: 'MTR',
  mtrs: 'MTR',
  box: 'BOX',
  bags: 'BAG',
  bag: 'BAG',
  set: 'SET',
  sets: 'SET',
  doz: 'DOZ',
  pac: 'PAC',
  qtl: 'QTL',
  ton: 'TON',
};
const uqcOf = (unit: string | null): string | null =>
  unit === null ? null : (UQC[unit.trim().toLowerCase()] ?? 'OTH');

/**
 * Every document of the period in the direction asked for (outward and inward: 'all'), classified
 * (cancelled ones included).
 */
function readDocuments(
  db: Database.Database,
  companyId: number,
  company: GstCompany,
  period: GstPeriod,
  direction: GstDirection,
  only?: readonly number[],
  /** Filled, when given, with the posting vouchers' tax-ledger entries (readTaxLedgerEntries' rows). */
  tax?: TaxLedgerRow[],
): Classified[] {
  const s = statementsOf(db);
  const args = {
    company: companyId,
    from: period.from,
    to: period.to,
    ...(only ? { ids: JSON.stringify(only) } : {}),
  };
  const which = only ? 'chosen' : direction;
  const vouchers = (s.vouchers[which].all(args) as VoucherTuple[]).map(voucherRowOf);
  const lines = { ids: JSON.stringify(vouchers.map((v) => v.id)) };
  const ledgers = new Map(
    (s.ledgerFacts.all(companyId) as LedgerFacts[]).map((l): [number, LedgerFacts] => [l.id, l]),
  );
  const entryDetails = new Map<number, LineDetails>();
  const itemDetails = new Map<number, LineDetails>();
  for (const d of s.lineDetails.all(lines) as LineDetailsRow[]) {
    if (d.entryId !== null) entryDetails.set(d.entryId, d);
    else if (d.inventoryId !== null) itemDetails.set(d.inventoryId, d);
  }
  const entries = new Map<number, EntryRow[]>();
  for (const [voucherId, id, amount, ledgerId] of s.entries.all(lines) as EntryTuple[]) {
    const l = ledgers.get(ledgerId);
    if (l === undefined) continue; // an entry's ledger is always the company's (foreign key)
    const d = entryDetails.get(id);
    const e: EntryRow = {
      voucherId,
      amount,
      ledgerId,
      lineTaxability: d?.taxability ?? null,
      lineRate: d?.rate ?? null,
      lineHsn: d?.hsn ?? null,
      lineIneligible: d?.ineligible ?? null,
      lineNature: d?.nature ?? null,
      l,
    };
    const list = entries.get(voucherId);
    if (list) list.push(e);
    else entries.set(voucherId, [e]);
  }
  const stock = new Map<number, ItemFacts>();
  const items = new Map<number, ItemRow[]>();
  const itemRows = s.items.all(lines) as ItemTuple[];
  if (itemRows.length > 0) for (const f of s.itemFacts.all(companyId) as ItemFacts[]) stock.set(f.id, f);
  for (const [voucherId, id, amount, quantity, unit, itemId, itemName] of itemRows) {
    const f = itemId === null ? undefined : stock.get(itemId);
    const d = itemDetails.get(id);
    const row: ItemRow = {
      voucherId,
      amount,
      quantity,
      unit,
      item: f?.name ?? itemName ?? '',
      itemTaxability: f?.taxability ?? null,
      itemRate: f?.rate ?? null,
      itemHsn: f?.hsn ?? null,
      itemIneligible: f?.ineligible ?? null,
      itemNature: f?.nature ?? null,
      lineTaxability: d?.taxability ?? null,
      lineRate: d?.rate ?? null,
      lineHsn: d?.hsn ?? null,
      lineIneligible: d?.ineligible ?? null,
      lineNature: d?.nature ?? null,
    };
    const list = items.get(voucherId);
    if (list) list.push(row);
    else items.set(voucherId, [row]);
  }
  const out: Classified[] = [];
  for (const v of vouchers) {
    const own = entries.get(v.id) ?? [];
    if (tax && v.offBooks === null) taxEntriesOf(v, own, tax);
    const c = classify(company, v, own, items.get(v.id) ?? []);
    if (c !== null && (direction === 'all' || c.direction === direction)) out.push(c);
  }
  return out;
}

/** A voucher's entries in GST tax ledgers, one row per duty head it moves (as taxLedgerSql groups them). */
function taxEntriesOf(v: VoucherRow, entries: readonly EntryRow[], into: TaxLedgerRow[]): void {
  const first = into.length;
  for (const e of entries) {
    const head = e.l.dutyHead;
    if (head === null) continue;
    let row: TaxLedgerRow | undefined;
    for (let k = first; k < into.length && row === undefined; k++) if (into[k]!.head === head) row = into[k];
    if (row) row.amount -= e.amount;
    else
      into.push({
        voucherId: v.id,
        guid: v.guid,
        voucherType: v.voucherType,
        number: v.number,
        date: v.date,
        partyName: v.partyName ?? '',
        head,
        amount: 0 - e.amount,
      });
  }
}

/** What the screens show of an inward voucher beside its amounts. */
export interface InwardRef {
  voucherType: string;
  number: string;
  partyName: string;
  partyGstin: string | null;
  placeOfSupply: string | null;
  value: Paise;
}

export interface GstBooks {
  company: GstCompany;
  outward: GstDocument[];
  inwardSupplies: InwardSupply[];
  /** Journals' GST statutory adjustments of input tax credit (ISD, reversals, reclaims). */
  adjustments: ItcAdjustment[];
  inwardDocuments: InwardDocument[];
  /** By voucher GUID, for each inward supply. */
  inwardRefs: Map<string, InwardRef>;
  /**
   * The period's entries in GST tax ledgers of every posting voucher (readTaxLedgerEntries' rows, in its
   * order); only when every document was read (direction 'all'), else empty.
   */
  taxLedgerEntries: TaxLedgerRow[];
  /** Each outward note's voucher id and the value of the invoice it adjusts as found (null: none found). */
  noteOriginals: { voucherId: number; voucherGuid: string; original: Paise | null }[];
}

/**
 * The value of the invoice each note adjusts (the New Ref bill its Agst Ref settles, on the same ledger), by
 * the note's voucher id; notes without one are absent.
 */
export function noteOriginalValues(db: Database.Database, noteIds: readonly number[]): Map<number, Paise> {
  if (noteIds.length === 0) return new Map();
  const rows = statementsOf(db).noteOriginals.all({ ids: JSON.stringify(noteIds) }) as {
    voucherId: number;
    original: Paise;
  }[];
  return new Map(rows.map((r) => [r.voucherId, r.original]));
}

const sumOf = (lines: readonly GstLine[], pick: (l: GstLine) => Paise): Paise =>
  lines.reduce((s, l) => s + pick(l), 0);

/**
 * The company's GST documents of a period: GSTR-1's outward documents and GSTR-3B's / 2B's inward ones;
 * `direction` reads only the outward (GSTR-1) or only the inward (2B) ones, and the ITC adjustments only
 * with 'all'.
 */
export function readGstBooks(
  db: Database.Database,
  company: { id: number; name: string },
  period: GstPeriod,
  known?: GstCompany,
  direction: GstDirection = 'all',
  /** Only these inward vouchers of the period (direction 'inward'). */
  only?: readonly number[],
): GstBooks {
  const gstCompany = known ?? gstCompanyOf(db, company, period);
  const outward: GstDocument[] = [];
  const inwardSupplies: InwardSupply[] = [];
  const inwardDocuments: InwardDocument[] = [];
  const inwardRefs = new Map<string, InwardRef>();
  // With every document read, their tax-ledger entries come from the entries read anyway; only the other
  // vouchers' (journals, payments) are queried.
  const documentTax: TaxLedgerRow[] | undefined = direction === 'all' && !only ? [] : undefined;
  const classified = readDocuments(
    db,
    company.id,
    gstCompany,
    period,
    only ? 'inward' : direction,
    only,
    documentTax,
  );
  // The outward notes' invoices (@ids: the notes read).
  const notes = classified.filter((c) => c.direction === 'outward' && c.kind !== 'invoice');
  const originals = noteOriginalValues(
    db,
    notes.map((c) => c.voucher.id),
  );
  const noteOriginals = notes.map((c) => ({
    voucherId: c.voucher.id,
    voucherGuid: c.voucher.guid,
    original: originals.get(c.voucher.id) ?? null,
  }));
  for (const c of classified) {
    const v = c.voucher;
    if (c.direction === 'outward') {
      outward.push({
        voucherGuid: v.guid,
        kind: c.kind,
        voucherType: v.voucherType,
        number: v.number,
        date: v.date,
        cancelled: v.cancelled === 1,
        partyName: v.partyName ?? '',
        partyGstin: c.partyGstin,
        registration: c.registration,
        placeOfSupply: c.placeOfSupply,
        reverseCharge: c.reverseCharge,
        value: c.value,
        originalInvoiceValue: c.kind === 'invoice' ? null : (originals.get(v.id) ?? null),
        lines: c.lines,
      });
      continue;
    }
    if (v.cancelled === 1) continue;
    const taxable = c.lines.filter((l) => l.taxability === 'taxable');
    const amounts = {
      taxable: sumOf(taxable, (l) => l.taxable),
      igst: sumOf(taxable, (l) => l.igst),
      cgst: sumOf(taxable, (l) => l.cgst),
      sgst: sumOf(taxable, (l) => l.sgst),
      cess: sumOf(taxable, (l) => l.cess),
    };
    const itcKind = itcKindOf(c.registration, c.placeOfSupply, c.lines, c.hasItems, c.importNature);
    const blockedLines = taxable.filter((l) => l.itcBlocked === true);
    const inter =
      itcKind !== 'other' || (c.placeOfSupply !== null && c.placeOfSupply !== gstCompany.stateCode);
    inwardRefs.set(v.guid, {
      voucherType: v.voucherType,
      number: v.number,
      partyName: v.partyName ?? '',
      partyGstin: c.partyGstin,
      placeOfSupply: c.placeOfSupply,
      value: c.value,
    });
    inwardSupplies.push({
      voucherGuid: v.guid,
      kind: c.kind,
      date: v.date,
      interState: inter,
      reverseCharge: c.reverseCharge,
      itcKind,
      itcEligible: blockedLines.length === 0 || blockedLines.length < taxable.length,
      ...(blockedLines.length > 0
        ? {
            blocked: {
              taxable: sumOf(blockedLines, (l) => l.taxable),
              igst: sumOf(blockedLines, (l) => l.igst),
              cgst: sumOf(blockedLines, (l) => l.cgst),
              sgst: sumOf(blockedLines, (l) => l.sgst),
              cess: sumOf(blockedLines, (l) => l.cess),
            },
          }
        : {}),
      ...amounts,
      exemptOrNil: sumOf(
        c.lines.filter((l) => l.taxability === 'nil' || l.taxability === 'exempt'),
        (l) => l.taxable,
      ),
      nonGst: sumOf(
        c.lines.filter((l) => l.taxability === 'non-gst'),
        (l) => l.taxable,
      ),
      fromComposition: c.registration === 'composition',
    });
    if (c.partyGstin !== null && checkGstin(c.partyGstin).ok) {
      inwardDocuments.push({
        voucherGuid: v.guid,
        kind: c.kind as InwardKind,
        supplierGstin: c.partyGstin.toUpperCase(),
        supplierName: v.partyName ?? '',
        number: v.reference ?? v.number,
        date: v.referenceDate ?? v.date,
        value: c.value,
        placeOfSupply: c.placeOfSupply,
        reverseCharge: c.reverseCharge,
        ...amounts,
      });
    }
  }
  // Journals' adjustments move input tax credit only (GSTR-3B); outward or inward readers skip them.
  const adjustments = direction === 'all' ? readAdjustments(db, company.id, period) : [];
  const taxLedgerEntries =
    documentTax === undefined
      ? []
      : mergeByDate(
          documentTax,
          statementsOf(db).otherTaxLedgerEntries.all({
            company: company.id,
            from: period.from,
            to: period.to,
          }) as TaxLedgerRow[],
        );
  return {
    company: gstCompany,
    outward,
    inwardSupplies,
    adjustments,
    inwardDocuments,
    inwardRefs,
    taxLedgerEntries,
    noteOriginals,
  };
}

/** Two lists each in order of date and voucher id, as one in that order (the first's first on a tie). */
function mergeByDate(a: readonly TaxLedgerRow[], b: readonly TaxLedgerRow[]): TaxLedgerRow[] {
  if (b.length === 0) return [...a];
  const out: TaxLedgerRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (
      y === undefined ||
      (x !== undefined && (x.date < y.date || (x.date === y.date && x.voucherId <= y.voucherId)))
    )
      out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

interface AdjustmentRow {
  guid: string;
  voucherType: string;
  number: string;
  date: IsoDate;
  partyName: string;
  nature: string;
  details: string | null;
  head: GstDutyHead;
  amount: Paise;
}

/**
 * The period's GST statutory adjustments that move input tax credit: each journal's tax-ledger entries by
 * head, as credit taken (debits, for an increase) or given back (credits, for a reversal).
 */
function readAdjustments(db: Database.Database, companyId: number, period: GstPeriod): ItcAdjustment[] {
  const rows = statementsOf(db).adjustments.all({
    company: companyId,
    from: period.from,
    to: period.to,
  }) as AdjustmentRow[];
  const out = new Map<string, ItcAdjustment>();
  for (const r of rows) {
    const row = itcAdjustmentRow(r.nature, r.details);
    if (row === null) continue;
    const sign = row.startsWith('reversal') || row === 'ineligible' ? -1 : 1;
    const a = out.get(r.guid) ?? {
      voucherGuid: r.guid,
      voucherType: r.voucherType,
      number: r.number,
      date: r.date,
      partyName: r.partyName,
      row,
      igst: 0,
      cgst: 0,
      sgst: 0,
      cess: 0,
    };
    a[r.head] += sign * r.amount;
    out.set(r.guid, a);
  }
  return [...out.values()];
}

/**
 * The inward vouchers of a period whose supplier number (Supplier Invoice No., else the voucher number),
 * normalised as GSTR-2B matching does, is one of `numbers`: the only ones of earlier months a 2B can pair.
 */
export function inwardVouchersNumbered(
  db: Database.Database,
  company: { id: number },
  period: GstPeriod,
  numbers: ReadonlySet<string>,
): number[] {
  const rows = statementsOf(db).inwardNumbers.all({
    company: company.id,
    from: period.from,
    to: period.to,
  }) as { id: number; number: string }[];
  return rows.filter((r) => numbers.has(normaliseDocumentNumber(r.number))).map((r) => r.id);
}

/** One voucher's GST tax-ledger entries under one duty head, credit-positive (output tax +, input tax −). */
export interface TaxLedgerEntry {
  guid: string;
  voucherType: string;
  number: string;
  date: IsoDate;
  partyName: string;
  head: GstDutyHead;
  amount: Paise;
}

/** A TaxLedgerEntry with its voucher's id (the order of the reading: date, then voucher id). */
export interface TaxLedgerRow extends TaxLedgerEntry {
  voucherId: number;
}

/** The period's entries in GST tax ledgers, by voucher and duty head (posting vouchers of every type). */
export function readTaxLedgerEntries(
  db: Database.Database,
  company: { id: number },
  period: GstPeriod,
): TaxLedgerRow[] {
  return statementsOf(db).taxLedgerEntries.all({
    company: company.id,
    from: period.from,
    to: period.to,
  }) as TaxLedgerRow[];
}
