import { z } from 'zod';
import { debitCreditClosing, drCr, rupees } from '../format';
import { resolvePeriod } from '../inputs';
import { limitArg, readFromOffset } from '../lists';
import { arg, defineTool, periodArgs } from '../tool';

export const ledgerStatementTool = defineTool({
  name: 'ledger_statement',
  title: 'Ledger statement',
  description:
    "A ledger's vouchers in a period, in date order, with running balance, opening, totals and closing; optionally only lines whose particulars, narration, voucher type or number contain some text.",
  input: z
    .object({
      company: arg.company,
      ledger: z.string().max(200).describe('Ledger name'),
      ...periodArgs,
      text: z.string().max(200).optional().describe('Only lines containing this text'),
      offset: arg.offset,
      limit: limitArg(100, 1000),
    })
    .strict(),
  operation: 'ledger.statement',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const ledger = await ctx.resolve(company, 'ledger', args.ledger);
    const period = resolvePeriod(args, company, ctx.today());
    const offset = args.offset ?? 0;
    const limit = args.limit ?? 100;
    const input = {
      companyGuid: company.guid,
      ledgerGuid: ledger.match.guid,
      from: period.from,
      to: period.to,
      search: args.text ?? '',
      pageSize: limit,
    };
    const { first: st, items: lines } = await readFromOffset(
      offset,
      limit,
      async (page) => (await ctx.read('ledger.statement', { ...input, page })).data,
      (s) => s.lines,
      (s) => s.matchingLines,
    );
    const items = lines.map((l) => ({
      date: l.date,
      voucherType: l.voucherType,
      voucherNumber: l.voucherNumber,
      voucherGuid: l.voucherGuid,
      particulars: l.particulars,
      narration: l.narration,
      debit: rupees(l.debit),
      credit: rupees(l.credit),
      balance: drCr(l.balance),
    }));
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        ledger: st.ledger.name,
        group: st.ledger.group,
        opening: drCr(st.opening),
        totalDebit: rupees(st.totalDebit),
        totalCredit: rupees(st.totalCredit),
        closing: drCr(st.closing),
        ...(args.text ? { linesContaining: args.text } : {}),
        lines: items,
      },
      list: { field: 'lines', items, offset, total: st.matchingLines },
    };
  },
});

export const ledgerMonthlyTool = defineTool({
  name: 'ledger_monthly',
  title: 'Ledger monthly summary',
  description: "A ledger's debit, credit and closing balance for each month of a period.",
  input: z
    .object({ company: arg.company, ledger: z.string().max(200).describe('Ledger name'), ...periodArgs })
    .strict(),
  operation: 'ledgerMonthly.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const ledger = await ctx.resolve(company, 'ledger', args.ledger);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: lm } = await ctx.read('ledgerMonthly.get', {
      companyGuid: company.guid,
      ledgerGuid: ledger.match.guid,
      from: period.from,
      to: period.to,
    });
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        ledger: lm.ledger.name,
        group: lm.ledger.group,
        opening: drCr(lm.opening),
        months: lm.months.map((m) => ({ month: m.month, ...debitCreditClosing(m) })),
        totalDebit: rupees(lm.totalDebit),
        totalCredit: rupees(lm.totalCredit),
        closing: drCr(lm.closing),
      },
    };
  },
});
