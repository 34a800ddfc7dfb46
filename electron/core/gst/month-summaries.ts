import type Database from 'better-sqlite3';
import type { Paise } from '../../../shared/money';
import type {
  Gstr1SectionView,
  Gstr3bFigure,
  Gstr3bInterStateRow,
  GstTaxLedgerReco,
  GstVoucherRef,
} from '../../../shared/types/gst';
import {
  gstCompanyFrom,
  gstCompanyOf,
  gstMastersSignature,
  noteOriginalValues,
  periodGstinCounts,
  readGstBooks,
  type GstinCount,
  type GstPeriod,
} from './documents';
import { buildGstr1, isRegistered, type Gstr1 } from './gstr1';
import { gstr3bParts, settleGstr3b, type Gstr3bParts } from './gstr3b';
import type { GstCompany } from './model';
import { monthPeriod, monthsOf } from './periods';
import { attachGstSummaries } from './summary-db';
import { reconcileBooksTaxLedgers } from './tax-ledgers';
import { gstr1View, gstr3bView, hsnVoucherRefs, publicGstr1View, publicGstr3bView } from './views';

/**
 * The GST month summaries: each month's returns computed once from its books (documents.ts → gstr1.ts,
 * gstr3b.ts, views.ts, tax-ledgers.ts, the same pure code) and kept with the vouchers behind every figure,
 * stamped with what they were computed from — the month's data version (schema v17, moved by every write
 * that changes a voucher of the month), the signature of the GST masters (a ledger's rate, an item's HSN,
 * a rename) and the company's GSTIN. A month whose stamp no longer matches is computed again when asked
 * for; a quarter is its three months' summaries added up (returns.ts). So the returns of a month nobody
 * changed cost a read of its summary, not a pass over its vouchers.
 */

/** One month's GSTR-1 as kept: additive parts only, so months add up to a quarter. */
export interface Gstr1Month {
  /**
   * GSTR-1 of the month without its invoice and note lists (MonthSummary.invoices) and with its B2CS and HSN
   * rows without voucher lists (those are in the refs).
   */
  gstr1: Gstr1;
  /** GSTR-1's sections with vouchers (b2b … nil), their totals and counts. */
  sections: Gstr1SectionView[];
  /** Vouchers behind each HSN row (hsnRowKeyText). */
  hsnCounts: Record<string, number>;
  /** Names of the places of supply its vouchers name. */
  states: Record<string, string>;
}

/** One month's GSTR-3B as kept. */
export interface Gstr3bMonth {
  /** GSTR-3B's additive figures (settled per period: settleGstr3b). */
  parts: Gstr3bParts;
  figures: Gstr3bFigure[];
  interState: Gstr3bInterStateRow[];
  states: Record<string, string>;
  taxLedgers: GstTaxLedgerReco;
}

/** GSTR-1's invoice and note lists of a month (only its portal JSON needs them): kept apart from the rest. */
export type Gstr1Invoices = Pick<Gstr1, 'b2b' | 'b2cl' | 'exp' | 'cdnr' | 'cdnur'>;

export interface MonthSummary {
  r1: Gstr1Month;
  invoices: Gstr1Invoices;
  r3b: Gstr3bMonth;
}

type Company = { id: number; guid: string; name: string };

/** The key of a figure's vouchers in the refs table. */
export const figureKey = {
  section: (section: string): string => `r1:${section}`,
  hsn: (keyText: string): string => `hsn:${keyText}`,
  figure: (id: string): string => `3b:${id}`,
  state: (placeOfSupply: string): string => `32:${placeOfSupply}`,
};

/** One month's summary and the vouchers behind its figures (figure key → refs in the figure's order). */
export function computeMonth(
  db: Database.Database,
  company: Company,
  month: string,
  gstCompany: GstCompany,
): { summary: MonthSummary; refs: Map<string, GstVoucherRef[]>; originals: [number, Paise | null][] } {
  const period = monthPeriod(month);
  const books = readGstBooks(db, company, period, gstCompany);
  const gstr1 = buildGstr1(gstCompany, period, books.outward);
  const full1 = gstr1View(gstr1, books.outward);
  const parts = gstr3bParts(gstr1, books.inwardSupplies, books.adjustments);
  const full3b = gstr3bView(
    gstr1,
    settleGstr3b(parts),
    books.outward,
    books.inwardSupplies,
    books.inwardRefs,
    books.adjustments,
  );
  const taxLedgers = reconcileBooksTaxLedgers(books, gstr1, period.from);
  const refs = new Map<string, GstVoucherRef[]>();
  const hsnCounts: Record<string, number> = {};
  for (const s of full1.sections)
    if (s.vouchers.length > 0) refs.set(figureKey.section(s.section), s.vouchers);
  for (const [text, row] of hsnVoucherRefs(gstr1, books.outward)) {
    refs.set(figureKey.hsn(text), row.vouchers);
    hsnCounts[text] = row.vouchers.length;
  }
  for (const f of full3b.figures) if (f.vouchers.length > 0) refs.set(figureKey.figure(f.id), f.vouchers);
  for (const r of full3b.interState) refs.set(figureKey.state(r.placeOfSupply), r.vouchers);
  const view3b = publicGstr3bView(full3b);
  const noGuids = <T extends { voucherGuids: string[] }>(rows: readonly T[]): T[] =>
    rows.map((r) => ({ ...r, voucherGuids: [] }));
  const summary: MonthSummary = {
    r1: {
      gstr1: {
        ...gstr1,
        b2b: [],
        b2cl: [],
        exp: [],
        cdnr: [],
        cdnur: [],
        b2cs: noGuids(gstr1.b2cs),
        hsnB2b: noGuids(gstr1.hsnB2b),
        hsnB2c: noGuids(gstr1.hsnB2c),
      },
      sections: publicGstr1View(full1).sections.filter((s) => s.section !== 'hsn' && s.section !== 'docs'),
      hsnCounts,
      states: full1.states,
    },
    invoices: { b2b: gstr1.b2b, b2cl: gstr1.b2cl, exp: gstr1.exp, cdnr: gstr1.cdnr, cdnur: gstr1.cdnur },
    r3b: {
      parts,
      figures: view3b.figures,
      interState: view3b.interState,
      states: view3b.states,
      taxLedgers,
    },
  };
  // A note to an unregistered buyer is B2CL-like or B2CS by the value of the invoice it adjusts, which may
  // be in another month: those values are kept, and the summary is current only while they are the same.
  const registeredByGuid = new Map(books.outward.map((d) => [d.voucherGuid, isRegistered(d.registration)]));
  const originals = books.noteOriginals
    .filter((n) => registeredByGuid.get(n.voucherGuid) === false)
    .map((n): [number, Paise | null] => [n.voucherId, n.original]);
  return { summary, refs, originals };
}

const prepare = (db: Database.Database) => ({
  versions: db.prepare(
    'SELECT months_version AS months, masters_version AS masters, books_key AS books FROM companies WHERE id = ?',
  ),
  monthVersions: db.prepare(`SELECT month, version FROM month_versions
    WHERE company_id = ? AND month IN (SELECT value FROM json_each(?))`),
  stamps: db.prepare(`SELECT month, books_key AS books, version, masters_version AS mastersVersion, masters,
      gstin, gstins, originals
    FROM gsts.months WHERE company_guid = ? AND month IN (SELECT value FROM json_each(?))`),
  part: {
    r1: db.prepare('SELECT r1 FROM gsts.months WHERE company_guid = ? AND month = ?').pluck(),
    invoices: db.prepare('SELECT invoices FROM gsts.months WHERE company_guid = ? AND month = ?').pluck(),
    r3b: db.prepare('SELECT r3b FROM gsts.months WHERE company_guid = ? AND month = ?').pluck(),
  } satisfies Record<keyof MonthSummary, Database.Statement>,
  recheckMasters: db.prepare(
    'UPDATE gsts.months SET masters_version = ? WHERE company_guid = ? AND month = ? AND masters = ?',
  ),
  putMonth: db.prepare(`INSERT INTO gsts.months
      (company_guid, month, books_key, version, masters_version, masters, gstin, gstins, originals, r1, invoices,
      r3b)
    VALUES (@guid, @month, @books, @version, @mastersVersion, @masters, @gstin, @gstins, @originals, @r1,
      @invoices, @r3b)
    ON CONFLICT (company_guid, month) DO UPDATE SET books_key = excluded.books_key, version = excluded.version,
      masters_version = excluded.masters_version, masters = excluded.masters, gstin = excluded.gstin,
      gstins = excluded.gstins, originals = excluded.originals, r1 = excluded.r1, invoices = excluded.invoices,
      r3b = excluded.r3b`),
  dropRefs: db.prepare('DELETE FROM gsts.refs WHERE company_guid = ? AND month = ?'),
  putRef: db.prepare('INSERT INTO gsts.refs (company_guid, month, figure, ord, ref) VALUES (?, ?, ?, ?, ?)'),
  refs: db
    .prepare(
      `SELECT r.ref FROM gsts.refs r
       WHERE r.company_guid = ? AND r.figure IN (SELECT value FROM json_each(?))
         AND r.month IN (SELECT value FROM json_each(?))
       ORDER BY r.month, r.figure, r.ord LIMIT ? OFFSET ?`,
    )
    .pluck(),
});

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function statementsOf(db: Database.Database): ReturnType<typeof prepare> {
  let s = statements.get(db);
  if (!s) {
    attachGstSummaries(db);
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

interface Stamp {
  month: string;
  books: string;
  version: number;
  mastersVersion: number;
  masters: string;
  gstin: string;
  gstins: string;
  /** JSON [note voucher id, invoice value or null][] the month's notes to unregistered buyers were placed by. */
  originals: string;
}

/** The invoices a month's notes adjust still have the values its summary placed the notes by. */
function sameOriginals(db: Database.Database, kept: string): boolean {
  const notes = JSON.parse(kept) as [number, Paise | null][];
  if (notes.length === 0) return true;
  const now = noteOriginalValues(
    db,
    notes.map(([id]) => id),
  );
  return notes.every(([id, value]) => (now.get(id) ?? null) === value);
}

export interface PeriodSummaries<T> {
  gstCompany: GstCompany;
  months: string[];
  summaries: T[];
}

/**
 * The parts asked for (a return, GSTR-1's invoice lists) of a period's months' summaries, each current: a
 * month whose vouchers (its data version), GST masters (their signature, checked only after a master was
 * written), company GSTIN, notes' invoices or books moved since its summary was kept is computed again and
 * kept first. The company's GSTIN is the period's (as gstCompanyOf finds it), from the kept months' counts
 * when every month is current.
 */
export function periodSummaries<R extends keyof MonthSummary>(
  db: Database.Database,
  company: Company,
  period: GstPeriod,
  parts: readonly R[],
): PeriodSummaries<Pick<MonthSummary, R>> {
  const s = statementsOf(db);
  const months = monthsOf(period);
  const list = JSON.stringify(months);
  const base = s.versions.get(company.id) as { months: number; masters: number; books: string };
  const monthVersion = new Map(
    (s.monthVersions.all(company.id, list) as { month: string; version: number }[]).map((r) => [
      r.month,
      r.version,
    ]),
  );
  const versionOf = (month: string): number => Math.max(base.months, monthVersion.get(month) ?? 0);
  const stamps = new Map((s.stamps.all(company.guid, list) as Stamp[]).map((r) => [r.month, r]));
  let signature: string | undefined;
  const mastersSignature = (): string => (signature ??= gstMastersSignature(db, company.id));
  const current = (month: string): boolean => {
    const stamp = stamps.get(month);
    if (stamp === undefined || stamp.books !== base.books || stamp.version !== versionOf(month)) return false;
    if (!sameOriginals(db, stamp.originals)) return false;
    if (stamp.mastersVersion === base.masters) return true;
    // A master was written since: the month is current if the GST masters read the same.
    if (stamp.masters !== mastersSignature()) return false;
    s.recheckMasters.run(base.masters, company.guid, month, stamp.masters);
    return true;
  };
  // Each month checked once (the checks read the books and may record a masters recheck).
  const currentMonths = new Set(months.filter(current));
  const fresh = currentMonths.size === months.length;
  const gstCompany =
    (fresh
      ? gstCompanyFrom(combinedCounts(months.map((m) => JSON.parse(stamps.get(m)!.gstins) as GstinCount[])))
      : null) ?? gstCompanyOf(db, company, period);
  const summaries = months.map((month) => {
    const stamp = stamps.get(month);
    if (stamp !== undefined && stamp.gstin === gstCompany.gstin && currentMonths.has(month)) {
      const kept = {} as Pick<MonthSummary, R>;
      for (const part of parts) kept[part] = JSON.parse(s.part[part].get(company.guid, month) as string);
      return kept;
    }
    const stampNow = { books: base.books, version: versionOf(month), mastersVersion: base.masters };
    return keepMonth(db, company, month, gstCompany, stampNow, mastersSignature());
  });
  return { gstCompany, months, summaries };
}

/** Several months' GSTIN counts as one period's. */
function combinedCounts(months: readonly GstinCount[][]): GstinCount[] {
  const out = new Map<string, GstinCount>();
  for (const counts of months)
    for (const c of counts) {
      const into = out.get(c.gstin);
      if (!into) out.set(c.gstin, { ...c });
      else {
        into.n += c.n;
        if (c.last > into.last) into.last = c.last;
      }
    }
  return [...out.values()];
}

function keepMonth(
  db: Database.Database,
  company: Company,
  month: string,
  gstCompany: GstCompany,
  /** The company's books key, the month's data version and the masters' version it is computed at. */
  stamp: { books: string; version: number; mastersVersion: number },
  masters: string,
): MonthSummary {
  const s = statementsOf(db);
  // One transaction: the books read at one moment, the summary and its refs written together.
  return db.transaction(() => {
    const { summary, refs, originals } = computeMonth(db, company, month, gstCompany);
    s.dropRefs.run(company.guid, month);
    for (const [figure, list] of refs)
      list.forEach((ref, ord) => s.putRef.run(company.guid, month, figure, ord, JSON.stringify(ref)));
    s.putMonth.run({
      guid: company.guid,
      month,
      ...stamp,
      masters,
      gstin: gstCompany.gstin,
      gstins: JSON.stringify(periodGstinCounts(db, company, monthPeriod(month))),
      originals: JSON.stringify(originals),
      r1: JSON.stringify(summary.r1),
      invoices: JSON.stringify(summary.invoices),
      r3b: JSON.stringify(summary.r3b),
    });
    return summary;
  })();
}

/** A page of the vouchers behind figures (their keys) of a period's months, in month then figure order. */
export function figureVouchers(
  db: Database.Database,
  company: Company,
  months: readonly string[],
  figures: readonly string[],
  offset: number,
  limit: number,
): GstVoucherRef[] {
  const rows = statementsOf(db).refs.all(
    company.guid,
    JSON.stringify(figures),
    JSON.stringify(months),
    limit,
    offset,
  ) as string[];
  return rows.map((r) => JSON.parse(r) as GstVoucherRef);
}
