import type {
  GstAmounts,
  Gstr1HsnRow,
  Gstr1SectionName,
  Gstr1SectionView,
  Gstr1View,
  Gstr3bFigure,
  Gstr3bInterStateRow,
  Gstr3bView,
  GstTaxHeads,
  GstTaxLedgerReco,
} from '../../../shared/types/gst';
import type { Gstr1, Gstr1Hsn } from './gstr1';
import { HSN_SPLIT_FROM, mergeHsn } from './gstr1-json';
import type { Gstr3b } from './gstr3b';
import type { Gstr1Month, Gstr3bMonth } from './month-summaries';
import { hsnRowKeyText, hsnRowView } from './views';

/**
 * The screens' views of a period (a month or a quarter) from its months' summaries: every figure and
 * count added up, the HSN rows and documents issued from the period's combined GSTR-1, the tax payable
 * from its settled GSTR-3B.
 */

const zero = (): GstAmounts => ({ taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 });
const noTax = (): GstTaxHeads => ({ igst: 0, cgst: 0, sgst: 0, cess: 0 });

function addInto(into: GstAmounts, from: GstAmounts): void {
  into.taxable += from.taxable;
  addHeads(into, from);
}
function addHeads(into: GstTaxHeads, from: GstTaxHeads): void {
  into.igst += from.igst;
  into.cgst += from.cgst;
  into.sgst += from.sgst;
  into.cess += from.cess;
}

const SECTIONS: Gstr1SectionName[] = ['b2b', 'b2cl', 'b2cs', 'cdnr', 'cdnur', 'exp', 'nil'];

export function combinedGstr1View(gstr1: Gstr1, months: readonly Gstr1Month[]): Gstr1View {
  const sections: Gstr1SectionView[] = SECTIONS.map((section) => {
    const total: Gstr1SectionView = { section, count: 0, ...zero() };
    for (const m of months)
      for (const s of m.sections)
        if (s.section === section) {
          total.count += s.count;
          addInto(total, s);
        }
    return total;
  });
  const counted = (table: 'b2b' | 'b2c', row: Gstr1Hsn): number =>
    months.reduce(
      (n, m) => n + (m.hsnCounts[hsnRowKeyText({ table, hsn: row.hsn, uqc: row.uqc, rate: row.rate })] ?? 0),
      0,
    );
  // Before May 2025 the portal has one HSN list: shown as one, as the JSON writes it.
  const hsn: Gstr1HsnRow[] =
    gstr1.to >= HSN_SPLIT_FROM
      ? [
          ...gstr1.hsnB2b.map((r) => hsnRowView(r, 'b2b', counted('b2b', r))),
          ...gstr1.hsnB2c.map((r) => hsnRowView(r, 'b2c', counted('b2c', r))),
        ]
      : mergeHsn([...gstr1.hsnB2b, ...gstr1.hsnB2c]).map((r) =>
          hsnRowView(r, 'all', counted('b2b', r) + counted('b2c', r)),
        );
  const hsnTotal = zero();
  for (const r of hsn) addInto(hsnTotal, r);
  sections.push(
    { section: 'hsn', count: hsn.length, ...hsnTotal },
    { section: 'docs', count: gstr1.documents.reduce((n, d) => n + d.total, 0), ...zero() },
  );
  return {
    sections,
    hsn,
    documents: gstr1.documents.map((d) => ({ ...d })),
    states: statesOf(months),
  };
}

const statesOf = (months: readonly { states: Record<string, string> }[]): Record<string, string> =>
  Object.fromEntries(
    months.flatMap((m) => Object.entries(m.states)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

export function combinedGstr3bView(gstr3b: Gstr3b, months: readonly Gstr3bMonth[]): Gstr3bView {
  const figures: Gstr3bFigure[] = (months[0]?.figures ?? []).map((f) => ({ id: f.id, count: 0, ...zero() }));
  const byId = new Map(figures.map((f) => [f.id, f]));
  const byPos = new Map<string, Gstr3bInterStateRow>();
  for (const m of months) {
    for (const f of m.figures) {
      const into = byId.get(f.id);
      if (!into) continue;
      into.count += f.count;
      addInto(into, f);
    }
    for (const r of m.interState) {
      const into = byPos.get(r.placeOfSupply) ?? {
        placeOfSupply: r.placeOfSupply,
        taxable: 0,
        igst: 0,
        count: 0,
      };
      into.taxable += r.taxable;
      into.igst += r.igst;
      into.count += r.count;
      byPos.set(r.placeOfSupply, into);
    }
  }
  return {
    figures,
    interState: [...byPos.values()].sort((a, b) => a.placeOfSupply.localeCompare(b.placeOfSupply)),
    liability: { ...gstr3b.liability },
    paidByCredit: { ...gstr3b.paidByCredit },
    paidInCash: { ...gstr3b.paidInCash },
    states: statesOf(months),
  };
}

/** The months' tax-ledger reconciliations as one period's: totals added, the vouchers listed in order. */
export function combinedTaxLedgers(months: readonly GstTaxLedgerReco[]): GstTaxLedgerReco {
  const out: GstTaxLedgerReco = { ledgers: noTax(), returns: noTax(), difference: noTax(), vouchers: [] };
  for (const m of months) {
    addHeads(out.ledgers, m.ledgers);
    addHeads(out.returns, m.returns);
    addHeads(out.difference, m.difference);
    out.vouchers.push(...m.vouchers);
  }
  return out;
}
