import type Database from 'better-sqlite3';
import { addDays, lastDayOfMonth } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type {
  GstAmounts,
  Gstr1Answer,
  Gstr2bDocumentView,
  Gstr2bRecoAnswer,
  Gstr3bAnswer,
} from '../../../shared/types/gst';
import { inwardVouchersNumbered, readGstBooks, type GstPeriod } from './documents';
import { buildGstr1 } from './gstr1';
import { gstr1Json } from './gstr1-json';
import { normaliseDocumentNumber, parseGstr2b, reconcileGstr2b, type InwardDocument } from './gstr2b';
import { buildGstr3b, gstr3bJson } from './gstr3b';
import type { TaxedValue } from './model';
import { reconcileTaxLedgers, returnsTaxByVoucher } from './tax-ledgers';
import { gstr1View, gstr3bView } from './views';

/**
 * The three GST answers of a month (GSTR-1 and GSTR-3B also of a quarter), from the store: the books' documents (documents.ts) through the pure
 * returns (gstr1.ts, gstr3b.ts, gstr2b.ts). Read-only; a bad 2B file or a company without a GSTIN is a
 * VALIDATION error naming what is wrong.
 */

type Company = { id: number; name: string };

/** How far back the 2B reconciliation looks for purchases a supplier uploaded late. */
export const EARLIER_MONTHS = 6;

/** "2025-04" moved by `months` ("2025-04", -6 → "2024-10"). */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthPeriod = (month: string): GstPeriod => ({
  from: `${month}-01`,
  to: lastDayOfMonth(month),
});

/**
 * The dates of a return period: a month "YYYY-MM", or a quarter "YYYY-Qn" of the financial year starting in
 * April of YYYY (Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March of YYYY + 1), as
 * QRMP filers file GSTR-1 and GSTR-3B. The returns' `fp` / `ret_period` is the period's last month.
 */
export function returnPeriod(period: string): GstPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter === null) return monthPeriod(period);
  const first = addMonths(`${quarter[1]}-04`, (Number(quarter[2]) - 1) * 3);
  return { from: `${first}-01`, to: lastDayOfMonth(addMonths(first, 2)) };
}

export function gstr1Answer(db: Database.Database, company: Company, month: string): Gstr1Answer {
  const period = returnPeriod(month);
  const books = readGstBooks(db, company, period, undefined, 'outward');
  const gstr1 = buildGstr1(books.company, period, books.outward);
  return {
    gstin: books.company.gstin,
    month,
    json: gstr1Json(gstr1),
    exceptions: gstr1.exceptions,
    counts: gstr1.counts,
    view: gstr1View(gstr1, books.outward),
  };
}

export function gstr3bAnswer(db: Database.Database, company: Company, month: string): Gstr3bAnswer {
  const period = returnPeriod(month);
  const books = readGstBooks(db, company, period);
  const gstr1 = buildGstr1(books.company, period, books.outward);
  const gstr3b = buildGstr3b(gstr1, books.inwardSupplies, books.adjustments);
  const outwardByGuid = new Map(books.outward.map((d) => [d.voucherGuid, d]));
  const inwardByGuid = new Map(books.inwardSupplies.map((d) => [d.voucherGuid, d]));
  const taxLedgers = reconcileTaxLedgers(
    books.taxLedgerEntries,
    returnsTaxByVoucher(gstr1, books.outward, books.inwardSupplies, books.adjustments),
    (guid) => {
      const doc = outwardByGuid.get(guid);
      const ref = books.inwardRefs.get(guid);
      return {
        voucherType: doc?.voucherType ?? ref?.voucherType ?? '',
        number: doc?.number ?? ref?.number ?? '',
        date: doc?.date ?? inwardByGuid.get(guid)?.date ?? period.from,
        partyName: doc?.partyName ?? ref?.partyName ?? '',
      };
    },
  );
  return {
    gstin: books.company.gstin,
    month,
    json: gstr3bJson(gstr3b),
    view: gstr3bView(gstr1, gstr3b, books.outward, books.inwardSupplies, books.inwardRefs, books.adjustments),
    taxLedgers,
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
