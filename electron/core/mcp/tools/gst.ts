import { z } from 'zod';
import type {
  GstAmounts,
  GstReturnProblem,
  GstTaxHeads,
  Gstr1SectionName,
  Gstr3bFigureId,
} from '../../../../shared/types/gst';
import { rupees } from '../format';
import { parseReturnPeriod } from '../inputs';
import { cappedList } from '../lists';
import { arg, defineTool } from '../tool';

/**
 * GSTR-1 and GSTR-3B of a month as an assistant needs them: each section's or table's totals and counts,
 * and the vouchers to look at, never the portal's JSON (which the CLI's gstr1 / gstr3b --out write). The
 * figures are the books' as TallyConnect reads them: the answer says they must be checked before filing.
 */

const FROM_THE_BOOKS =
  'Computed by TallyConnect from the books, not from the GST portal: check it (and correct the exceptions in Tally) before filing. A summary, not the JSON the portal takes.';

const monthArg = z
  .string()
  .max(30)
  .describe('Return month (YYYY-MM, MM-YYYY, April 2025) or quarter (2025-Q1 = April–June 2025)');

const heads = (t: GstTaxHeads) => ({
  igst: rupees(t.igst),
  cgst: rupees(t.cgst),
  sgst: rupees(t.sgst),
  cess: rupees(t.cess),
});
const amounts = (a: GstAmounts) => ({ taxable: rupees(a.taxable), ...heads(a) });

/** GSTR-1's tables (Form GSTR-1; docs/TALLY.md, GST returns). */
const GSTR1_SECTIONS: Record<Gstr1SectionName, string> = {
  b2b: 'B2B invoices (tables 4, 6B, 6C)',
  b2cl: 'B2C large invoices (table 5)',
  b2cs: 'B2C small supplies (table 7)',
  cdnr: 'Credit / debit notes, registered (table 9B)',
  cdnur: 'Credit / debit notes, unregistered (table 9B)',
  exp: 'Exports (table 6A)',
  nil: 'Nil rated, exempted and non-GST supplies (table 8)',
  hsn: 'HSN summary (table 12): count is rows',
  docs: 'Documents issued (table 13): count is documents, cancelled included',
};

const DOCUMENT_NATURE: Record<1 | 4 | 5, string> = {
  1: 'Invoices for outward supply',
  4: 'Debit notes',
  5: 'Credit notes',
};

/** GSTR-3B's tables (Form GSTR-3B, CBIC Circular 170/02/2022-GST; docs/TALLY.md, GST returns). */
const GSTR3B_FIGURES: Record<Gstr3bFigureId, string> = {
  '3.1a': '3.1(a) Outward taxable supplies (other than zero rated, nil rated and exempted)',
  '3.1b': '3.1(b) Outward taxable supplies (zero rated)',
  '3.1c': '3.1(c) Other outward supplies (nil rated, exempted)',
  '3.1d': '3.1(d) Inward supplies (liable to reverse charge)',
  '3.1e': '3.1(e) Non-GST outward supplies',
  '4A1': '4(A)(1) ITC: import of goods',
  '4A2': '4(A)(2) ITC: import of services',
  '4A3': '4(A)(3) ITC: inward supplies liable to reverse charge',
  '4A4': '4(A)(4) ITC: inward supplies from ISD',
  '4A5': '4(A)(5) ITC: all other',
  '4B1': '4(B)(1) ITC reversed: rules 38, 42, 43 and section 17(5)',
  '4B2': '4(B)(2) ITC reversed: others',
  '4C': '4(C) Net ITC available',
  '4D1': '4(D)(1) ITC reclaimed (reversed in 4(B)(2) earlier)',
  '4D2': '4(D)(2) Ineligible ITC: section 16(4), place-of-supply rules',
  '5gstInter': '5 Exempt, nil rated, composition inward supplies: inter-state',
  '5gstIntra': '5 Exempt, nil rated, composition inward supplies: intra-state',
  '5nongstInter': '5 Non-GST inward supplies: inter-state',
  '5nongstIntra': '5 Non-GST inward supplies: intra-state',
};

export const gstr1SummaryTool = defineTool({
  name: 'gstr1_summary',
  title: 'GSTR-1 summary',
  description:
    "GSTR-1 of a month or quarter from the books: each table's voucher count and taxable value, IGST, CGST, SGST, cess; documents issued; and the exceptions (vouchers to correct in Tally, some left out until then).",
  input: z.object({ company: arg.company, month: monthArg, offset: arg.offset }).strict(),
  operation: 'gst.gstr1',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const period = parseReturnPeriod(args.month, 'month');
    const r = await ctx.read('gst.gstr1', { companyGuid: company.guid, month: period.period });
    const byProblem: Partial<Record<GstReturnProblem, number>> = {};
    for (const e of r.exceptions) byProblem[e.problem] = (byProblem[e.problem] ?? 0) + 1;
    const { items, list } = cappedList('exceptions', r.exceptions, args.offset ?? 0, (e) => ({
      date: e.date,
      voucherNumber: e.number,
      voucherGuid: e.voucherGuid,
      party: e.partyName,
      problem: e.problem,
      message: e.message,
      leftOut: e.excluded,
    }));
    return {
      company,
      period: { returnPeriod: r.month, from: period.from, to: period.to },
      data: {
        notice: FROM_THE_BOOKS,
        gstin: r.gstin,
        vouchers: {
          included: r.counts.included,
          cancelled: r.counts.cancelled,
          leftOutAsUncertain: r.counts.uncertain,
        },
        sections: r.view.sections.map((s) => ({
          section: s.section,
          table: GSTR1_SECTIONS[s.section],
          count: s.count,
          ...amounts(s),
        })),
        documentsIssued: r.view.documents.map((d) => ({
          nature: DOCUMENT_NATURE[d.nature],
          voucherType: d.voucherType,
          from: d.from,
          to: d.to,
          total: d.total,
          cancelled: d.cancelled,
        })),
        exceptionCount: r.exceptions.length,
        exceptionsLeftOut: r.exceptions.filter((e) => e.excluded).length,
        exceptionsByProblem: byProblem,
        exceptions: items,
      },
      list,
    };
  },
});

export const gstr3bSummaryTool = defineTool({
  name: 'gstr3b_summary',
  title: 'GSTR-3B summary',
  description:
    "GSTR-3B of a month or quarter from the books: tables 3.1, 3.2 (by state), 4 (ITC) and 5 with taxable value and tax, the tax payable and how credit pays it, and the exceptions (vouchers whose GST ledgers differ from the return's tax).",
  input: z.object({ company: arg.company, month: monthArg, offset: arg.offset }).strict(),
  operation: 'gst.gstr3b',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const period = parseReturnPeriod(args.month, 'month');
    const r = await ctx.read('gst.gstr3b', { companyGuid: company.guid, month: period.period });
    const reco = r.taxLedgers;
    const { items, list } = cappedList('exceptions', reco.vouchers, args.offset ?? 0, (v) => ({
      date: v.date,
      voucherType: v.voucherType,
      voucherNumber: v.number,
      voucherGuid: v.voucherGuid,
      party: v.partyName,
      ledgersMinusReturn: heads(v.difference),
    }));
    return {
      company,
      period: { returnPeriod: r.month, from: period.from, to: period.to },
      data: {
        notice: FROM_THE_BOOKS,
        gstin: r.gstin,
        tables: r.view.figures.map((f) => ({
          table: GSTR3B_FIGURES[f.id],
          ...amounts(f),
          vouchers: f.count,
        })),
        interStateToUnregistered: r.view.interState.map((row) => ({
          placeOfSupply: row.placeOfSupply,
          state: r.view.states[row.placeOfSupply] ?? null,
          taxable: rupees(row.taxable),
          igst: rupees(row.igst),
          vouchers: row.count,
        })),
        taxPayable: heads(r.view.liability),
        paidByCredit: heads(r.view.paidByCredit),
        paidInCash: heads(r.view.paidInCash),
        taxLedgers: {
          note: "GST ledgers' movement of the month against the tax in the returns (output tax positive, input tax negative)",
          ledgers: heads(reco.ledgers),
          returns: heads(reco.returns),
          difference: heads(reco.difference),
        },
        exceptionCount: reco.vouchers.length,
        exceptionsNote:
          "vouchers whose GST ledgers differ from the return's tax; gstr1_summary lists the sales vouchers left out of the returns",
        exceptions: items,
      },
      list,
    };
  },
});
