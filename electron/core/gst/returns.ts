import type Database from 'better-sqlite3';
import { addDays } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  GstAmounts,
  GstFigureRef,
  Gstr1Answer,
  Gstr1JsonAnswer,
  Gstr1View,
  Gstr2bDocumentView,
  Gstr2bRecoAnswer,
  Gstr3bAnswer,
  Gstr3bView,
  GstVouchersAnswer,
} from '../../../shared/types/gst';
import { inwardVouchersNumbered, readGstBooks } from './documents';
import { combineGstr1 } from './gstr1';
import { gstr1Json } from './gstr1-json';
import { normaliseDocumentNumber, parseGstr2b, reconcileGstr2b, type InwardDocument } from './gstr2b';
import { addGstr3bParts, gstr3bJson, settleGstr3b } from './gstr3b';
import type { TaxedValue } from './model';
import { figureKey, figureVouchers, periodSummaries } from './month-summaries';
import { addMonths, monthPeriod, returnPeriod } from './periods';
import { combinedGstr1View, combinedGstr3bView, combinedTaxLedgers } from './period-views';
import { hsnRowKeyText } from './views';

/**
 * The GST answers of a month (GSTR-1 and GSTR-3B also of a quarter): GSTR-1, GSTR-3B and the vouchers behind
 * their figures from the period's month summaries (month-summaries.ts: the books' documents through the
 * pure returns, kept per month until the month changes), the GSTR-2B reconciliation from the books'
 * documents (documents.ts, gstr2b.ts). The books are only read; a bad 2B file or a company without a GSTIN
 * is a VALIDATION error naming what is wrong.
 */

type Company = { id: number; guid: string; name: string };

export { addMonths, monthPeriod, returnPeriod } from './periods';

/** How far back the 2B reconciliation looks for purchases a supplier uploaded late. */
export const EARLIER_MONTHS = 6;

export function gstr1Answer(db: Database.Database, company: Company, month: string): Gstr1Answer {
  const period = returnPeriod(month);
  const { gstCompany, summaries } = periodSummaries(db, company, period, ['r1']);
  const months = summaries.map((m) => m.r1);
  const gstr1 = combineGstr1(
    months.map((m) => m.gstr1),
    gstCompany,
    period,
  );
  return {
    gstin: gstCompany.gstin,
    month,
    exceptions: gstr1.exceptions,
    counts: gstr1.counts,
    view: combinedGstr1View(gstr1, months),
  };
}

/** GSTR-1 of a month or quarter in the portal's JSON: the months' summaries with their invoice lists. */
export function gstr1JsonAnswer(db: Database.Database, company: Company, month: string): Gstr1JsonAnswer {
  const period = returnPeriod(month);
  const { gstCompany, summaries } = periodSummaries(db, company, period, ['r1', 'invoices']);
  const gstr1 = combineGstr1(
    summaries.map((m) => ({ ...m.r1.gstr1, ...m.invoices })),
    gstCompany,
    period,
  );
  return { gstin: gstCompany.gstin, month, json: gstr1Json(gstr1), exceptions: gstr1.exceptions };
}

export function gstr3bAnswer(db: Database.Database, company: Company, month: string): Gstr3bAnswer {
  const period = returnPeriod(month);
  const { gstCompany, summaries } = periodSummaries(db, company, period, ['r3b']);
  const months = summaries.map((m) => m.r3b);
  const gstr3b = settleGstr3b(
    addGstr3bParts(
      months.map((m) => m.parts),
      { gstin: gstCompany.gstin, ...period },
    ),
  );
  return {
    gstin: gstCompany.gstin,
    month,
    json: gstr3bJson(gstr3b),
    view: combinedGstr3bView(gstr3b, months),
    taxLedgers: combinedTaxLedgers(months.map((m) => m.taxLedgers)),
  };
}

const NO_AMOUNTS: GstAmounts = { taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };

/** A figure of a period's return: the keys of its vouchers in the summaries, its sum and count. */
interface Figure {
  keys: string[];
  sum: GstAmounts;
  count: number;
}

function gstr1Figure(of: Extract<GstFigureRef, { return: 'gstr1' | 'gstr1-hsn' }>, view: Gstr1View): Figure {
  if (of.return === 'gstr1') {
    const s = view.sections.find((x) => x.section === of.section);
    return { keys: [figureKey.section(of.section)], sum: s ? amounts(s) : NO_AMOUNTS, count: s?.count ?? 0 };
  }
  const row = view.hsn.find(
    (h) => h.table === of.table && h.hsn === of.hsn && h.uqc === of.uqc && h.rate === of.rate,
  );
  const tables = of.table === 'all' ? (['b2b', 'b2c'] as const) : [of.table];
  return {
    keys: tables.map((table) =>
      figureKey.hsn(hsnRowKeyText({ table, hsn: of.hsn, uqc: of.uqc, rate: of.rate })),
    ),
    sum: row ? amounts(row) : NO_AMOUNTS,
    count: row?.count ?? 0,
  };
}

function gstr3bFigure(
  of: Extract<GstFigureRef, { return: 'gstr3b' | 'gstr3b-state' }>,
  view: Gstr3bView,
): Figure {
  if (of.return === 'gstr3b') {
    const f = view.figures.find((x) => x.id === of.figure);
    return { keys: [figureKey.figure(of.figure)], sum: f ? amounts(f) : NO_AMOUNTS, count: f?.count ?? 0 };
  }
  const r = view.interState.find((x) => x.placeOfSupply === of.placeOfSupply);
  return {
    keys: [figureKey.state(of.placeOfSupply)],
    sum: { ...NO_AMOUNTS, taxable: r?.taxable ?? 0, igst: r?.igst ?? 0 },
    count: r?.count ?? 0,
  };
}

/**
 * The vouchers behind one figure of a period's GSTR-1 or GSTR-3B, a page at a time, with the figure's sum
 * (its vouchers' parts add up to it).
 */
export function gstVouchersAnswer(
  db: Database.Database,
  company: Company,
  month: string,
  of: GstFigureRef,
  page: { offset: number; limit: number },
): GstVouchersAnswer {
  const period = returnPeriod(month);
  let months: string[];
  let figure: Figure;
  if (of.return === 'gstr1' || of.return === 'gstr1-hsn') {
    const found = periodSummaries(db, company, period, ['r1']);
    months = found.months;
    const kept = found.summaries.map((m) => m.r1);
    const gstr1 = combineGstr1(
      kept.map((m) => m.gstr1),
      found.gstCompany,
      period,
    );
    figure = gstr1Figure(of, combinedGstr1View(gstr1, kept));
  } else {
    const found = periodSummaries(db, company, period, ['r3b']);
    months = found.months;
    const kept = found.summaries.map((m) => m.r3b);
    const parts = addGstr3bParts(
      kept.map((m) => m.parts),
      { gstin: found.gstCompany.gstin, ...period },
    );
    figure = gstr3bFigure(of, combinedGstr3bView(settleGstr3b(parts), kept));
  }
  return {
    month,
    of,
    total: figure.count,
    offset: page.offset,
    rows: figureVouchers(db, company, months, figure.keys, page.offset, page.limit),
    sum: figure.sum,
  };
}

const amounts = (t: TaxedValue): GstAmounts => ({
  taxable: t.taxable,
  igst: t.igst,
  cgst: t.cgst,
  sgst: t.sgst,
  cess: t.cess,
});

const view = (d: InwardDocument | null): Gstr2bDocumentView | null =>
  d === null
    ? null
    : {
        voucherGuid: d.voucherGuid,
        kind: d.kind,
        supplierGstin: d.supplierGstin,
        supplierName: d.supplierName,
        number: d.number,
        date: d.date,
        value: d.value as Paise,
        placeOfSupply: d.placeOfSupply,
        reverseCharge: d.reverseCharge,
        ...amounts(d),
      };

/**
 * GSTR-2B reconciliation of a month. The 2B must be the company's (its GSTIN) and the month's
 * (parseGstr2b refuses another GSTIN or period, or a file that is not a 2B).
 */
export function gstr2bRecoAnswer(
  db: Database.Database,
  company: Company,
  month: string,
  json: unknown,
): Gstr2bRecoAnswer {
  const period = monthPeriod(month);
  const books = readGstBooks(db, company, period, undefined, 'inward');
  const gstr2b = parseGstr2b(json, { gstin: books.company.gstin, month });
  // A supplier may upload late: purchases booked in the EARLIER_MONTHS before pair with the 2B's documents
  // but are never listed as only in the books.
  const earlierFrom = `${addMonths(month, -EARLIER_MONTHS)}-01`;
  // Of those months only the vouchers numbered as a 2B document are read with their lines (a superset of
  // the ones that can pair: the supplier's GSTIN and the kind are checked by the matching).
  const earlierPeriod = { from: earlierFrom, to: addDays(period.from, -1) };
  const numbers = new Set(gstr2b.documents.map((d) => normaliseDocumentNumber(d.number)));
  const chosen = earlierFrom < period.from ? inwardVouchersNumbered(db, company, earlierPeriod, numbers) : [];
  const earlier =
    chosen.length > 0
      ? readGstBooks(db, company, earlierPeriod, books.company, 'inward', chosen).inwardDocuments
      : [];
  const reco = reconcileGstr2b(gstr2b, books.inwardDocuments, earlier);
  const totals = Object.fromEntries(
    Object.entries(reco.totals).map(([bucket, t]) => [
      bucket,
      { count: t.count, portal: amounts(t.portal), books: amounts(t.books) },
    ]),
  ) as Gstr2bRecoAnswer['totals'];
  return {
    gstin: reco.gstin,
    month: reco.month,
    rows: reco.pairs.map((p) => ({
      bucket: p.bucket,
      portal: view(p.portal),
      books: view(p.books),
      differences: p.differences,
    })),
    totals,
    portalTotal: amounts(reco.portalTotal),
    booksTotal: amounts(reco.booksTotal),
  };
}
