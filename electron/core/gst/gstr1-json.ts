import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { Gstr1, Gstr1Hsn, Gstr1Invoice } from './gstr1';
import type { RateAmounts } from './model';

/**
 * GSTR-1 in the JSON the GST portal's offline tool uploads (field names as the portal defines them):
 * amounts in rupees with at most two decimals, dates DD-MM-YYYY, `fp` MMYYYY of the period's last month,
 * rates as percentages. The HSN summary is split into `hsn_b2b` / `hsn_b2c` for periods from May 2025
 * (GSTN advisory on GSTR-1 Table 12, phase III) and is one `data` list before.
 */
export const HSN_SPLIT_FROM: IsoDate = '2025-05-01';

/** Paise → rupees as a JSON number with two decimals at most (exact: paise are integers). */
export const rupees = (paise: Paise): number => Math.round(paise) / 100;

/** "2026-04-05" → "05-04-2026". */
export const portalDate = (iso: IsoDate): string =>
  `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The return period: "2026-04-30" → "042026". */
export const filingPeriod = (to: IsoDate): string => `${to.slice(5, 7)}${to.slice(0, 4)}`;

const rate = (hundredths: number): number => hundredths / 100;

/** One rate's amounts; each shape written as one literal (no keys added one by one, no spreads). */
function itemDetail(item: RateAmounts, heads: 'all' | 'igst-only'): Record<string, number> {
  const txval = rupees(item.taxable);
  const rt = rate(item.rate);
  const csamt = rupees(item.cess);
  const igst = heads === 'igst-only' || item.igst !== 0;
  const intra = heads === 'all' && (item.cgst !== 0 || item.sgst !== 0);
  if (igst && intra)
    return { txval, rt, iamt: rupees(item.igst), camt: rupees(item.cgst), samt: rupees(item.sgst), csamt };
  if (igst) return { txval, rt, iamt: rupees(item.igst), csamt };
  if (intra) return { txval, rt, camt: rupees(item.cgst), samt: rupees(item.sgst), csamt };
  return { txval, rt, csamt };
}

const items = (invoice: Gstr1Invoice, heads: 'all' | 'igst-only' = 'all') =>
  invoice.items.map((item, index) => ({ num: index + 1, itm_det: itemDetail(item, heads) }));

/** Groups by a key, keeping first-seen order. */
function groupBy<T>(list: readonly T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = map.get(k);
    if (group) group.push(t);
    else map.set(k, [t]);
  }
  return [...map.entries()];
}

const hsnRow = (row: Gstr1Hsn, index: number) => ({
  num: index + 1,
  hsn_sc: row.hsn,
  desc: row.description.slice(0, 30),
  uqc: row.uqc,
  qty: row.quantityMilli / 1000,
  rt: rate(row.rate),
  txval: rupees(row.taxable),
  iamt: rupees(row.igst),
  camt: rupees(row.cgst),
  samt: rupees(row.sgst),
  csamt: rupees(row.cess),
});

export function gstr1Json(gstr1: Gstr1): Record<string, unknown> {
  const out: Record<string, unknown> = { gstin: gstr1.company.gstin, fp: filingPeriod(gstr1.to) };
  if (gstr1.b2b.length > 0)
    out.b2b = groupBy(gstr1.b2b, (i) => i.recipientGstin).map(([ctin, invoices]) => ({
      ctin,
      inv: invoices.map((i) => ({
        inum: i.number,
        idt: portalDate(i.date),
        val: rupees(i.value),
        pos: i.placeOfSupply,
        rchrg: i.reverseCharge ? 'Y' : 'N',
        inv_typ: i.invoiceType,
        itms: items(i),
      })),
    }));
  if (gstr1.b2cl.length > 0)
    out.b2cl = groupBy(gstr1.b2cl, (i) => i.placeOfSupply).map(([pos, invoices]) => ({
      pos,
      inv: invoices.map((i) => ({
        inum: i.number,
        idt: portalDate(i.date),
        val: rupees(i.value),
        itms: items(i, 'igst-only'),
      })),
    }));
  if (gstr1.b2cs.length > 0)
    out.b2cs = gstr1.b2cs.map((row) => ({
      sply_ty: row.supplyType,
      typ: 'OE',
      pos: row.placeOfSupply,
      rt: rate(row.rate),
      txval: rupees(row.taxable),
      ...(row.supplyType === 'INTER'
        ? { iamt: rupees(row.igst) }
        : { camt: rupees(row.cgst), samt: rupees(row.sgst) }),
      csamt: rupees(row.cess),
    }));
  if (gstr1.exp.length > 0)
    out.exp = groupBy(gstr1.exp, (i) => i.exportType).map(([exp_typ, invoices]) => ({
      exp_typ,
      inv: invoices.map((i) => ({
        inum: i.number,
        idt: portalDate(i.date),
        val: rupees(i.value),
        itms: i.items.map((item) => ({
          txval: rupees(item.taxable),
          rt: rate(item.rate),
          iamt: rupees(item.igst),
          csamt: rupees(item.cess),
        })),
      })),
    }));
  if (gstr1.cdnr.length > 0)
    out.cdnr = groupBy(gstr1.cdnr, (n) => n.recipientGstin).map(([ctin, notes]) => ({
      ctin,
      nt: notes.map((n) => ({
        ntty: n.noteType,
        nt_num: n.number,
        nt_dt: portalDate(n.date),
        val: rupees(n.value),
        pos: n.placeOfSupply,
        rchrg: n.reverseCharge ? 'Y' : 'N',
        inv_typ: n.invoiceType,
        itms: items(n),
      })),
    }));
  if (gstr1.cdnur.length > 0)
    out.cdnur = gstr1.cdnur.map((n) => ({
      typ: n.unregisteredType,
      ntty: n.noteType,
      nt_num: n.number,
      nt_dt: portalDate(n.date),
      val: rupees(n.value),
      ...(n.unregisteredType === 'B2CL' ? { pos: n.placeOfSupply } : {}),
      itms: items(n, 'igst-only'),
    }));
  if (gstr1.nil.some((n) => n.nilRated !== 0 || n.exempt !== 0 || n.nonGst !== 0))
    out.nil = {
      inv: gstr1.nil.map((n) => ({
        sply_ty: n.supplyType,
        nil_amt: rupees(n.nilRated),
        expt_amt: rupees(n.exempt),
        ngsup_amt: rupees(n.nonGst),
      })),
    };
  if (gstr1.to >= HSN_SPLIT_FROM) {
    const hsn: Record<string, unknown> = {};
    if (gstr1.hsnB2b.length > 0) hsn.hsn_b2b = gstr1.hsnB2b.map(hsnRow);
    if (gstr1.hsnB2c.length > 0) hsn.hsn_b2c = gstr1.hsnB2c.map(hsnRow);
    if (Object.keys(hsn).length > 0) out.hsn = hsn;
  } else {
    const merged = mergeHsn([...gstr1.hsnB2b, ...gstr1.hsnB2c]);
    if (merged.length > 0) out.hsn = { data: merged.map(hsnRow) };
  }
  if (gstr1.documents.length > 0)
    out.doc_issue = {
      doc_det: groupBy(gstr1.documents, (d) => String(d.nature)).map(([nature, series]) => ({
        doc_num: Number(nature),
        docs: series.map((s, index) => ({
          num: index + 1,
          from: s.from,
          to: s.to,
          totnum: s.total,
          cancel: s.cancelled,
          net_issue: s.total - s.cancelled,
        })),
      })),
    };
  return out;
}

/** One HSN list for periods before the B2B/B2C split. */
export function mergeHsn(rows: readonly Gstr1Hsn[]): Gstr1Hsn[] {
  const merged = new Map<string, Gstr1Hsn>();
  // Each merged row's vouchers, to add a voucher once (a Set: an HSN row may carry thousands).
  const guids = new Map<Gstr1Hsn, Set<string>>();
  for (const row of rows) {
    const key = `${row.hsn}\u0000${row.uqc}\u0000${row.rate}`;
    const into = merged.get(key);
    if (!into) {
      const first = { ...row, voucherGuids: [...row.voucherGuids] };
      merged.set(key, first);
      guids.set(first, new Set(first.voucherGuids));
      continue;
    }
    const seen = guids.get(into) ?? new Set<string>();
    for (const guid of row.voucherGuids)
      if (!seen.has(guid)) {
        seen.add(guid);
        into.voucherGuids.push(guid);
      }
    into.taxable += row.taxable;
    into.igst += row.igst;
    into.cgst += row.cgst;
    into.sgst += row.sgst;
    into.cess += row.cess;
    into.quantityMilli += row.quantityMilli;
  }
  return [...merged.values()].sort((a, b) => a.hsn.localeCompare(b.hsn) || a.rate - b.rate);
}
