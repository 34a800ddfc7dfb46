import { z } from 'zod';
import { lastDayOfMonth } from '../../../../shared/dates';
import { debitCreditClosing, drCr, rupees } from '../format';
import { parseMonth, resolvePeriod } from '../inputs';
import { limitArg, readFromOffset } from '../lists';
import { arg, defineTool, periodArgs } from '../tool';

const voucherTypeArg = z
  .string()
  .max(200)
  .default('Sales')
  .describe('Sales, Purchase, Credit Note, Debit Note or a type of your own under one (default Sales)');

const VALUE_NOTE =
  "a voucher's value (tax included) on the side opposite its party: a sales register is credit, a purchase register debit";

export const registerSummaryTool = defineTool({
  name: 'register_summary',
  title: 'Sales / purchase register',
  description:
    "A voucher type's register month by month (Tally's Sales or Purchase Register; its own types included): vouchers, debit, credit and running balance of each month, and the totals.",
  input: z.object({ company: arg.company, voucher_type: voucherTypeArg, ...periodArgs }).strict(),
  operation: 'register.summary',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const type = await ctx.resolve(company, 'voucherType', args.voucher_type);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: reg } = await ctx.read('register.summary', {
      companyGuid: company.guid,
      voucherType: type.match.name,
      from: period.from,
      to: period.to,
    });
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        voucherType: reg.scope.voucherType,
        baseType: reg.scope.baseType,
        voucherTypes: reg.scope.voucherTypes,
        valueNote: VALUE_NOTE,
        vouchers: reg.vouchers,
        totalDebit: rupees(reg.totalDebit),
        totalCredit: rupees(reg.totalCredit),
        closing: drCr(reg.closing),
        months: reg.months.map((m) => ({
          month: m.month,
          from: m.from,
          to: m.to,
          vouchers: m.vouchers,
          ...debitCreditClosing(m),
        })),
        next: 'register_vouchers with a month lists its vouchers',
      },
    };
  },
});

export const registerVouchersTool = defineTool({
  name: 'register_vouchers',
  title: 'Register: vouchers of a month',
  description:
    "One month of a voucher type's register (e.g. the Sales Register for April 2025): each voucher's date, number, party, narration, debit and credit (cancelled and pending post-dated ones without amount), and the month's totals.",
  input: z
    .object({
      company: arg.company,
      voucher_type: voucherTypeArg,
      month: z.string().max(30).describe('YYYY-MM, MM-YYYY or April 2025'),
      offset: arg.offset,
      limit: limitArg(100, 1000),
    })
    .strict(),
  operation: 'register.vouchers',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const type = await ctx.resolve(company, 'voucherType', args.voucher_type);
    const month = parseMonth(args.month, 'month');
    const from = `${month}-01`;
    const to = lastDayOfMonth(month);
    const offset = args.offset ?? 0;
    const limit = args.limit ?? 100;
    const input = { companyGuid: company.guid, voucherType: type.match.name, from, to, pageSize: limit };
    const { first: reg, items: vouchers } = await readFromOffset(
      offset,
      limit,
      async (page) => (await ctx.read('register.vouchers', { ...input, page })).data,
      (r) => r.vouchers,
      (r) => r.listedVouchers,
    );
    const items = vouchers.map((v) => ({
      date: v.date,
      voucherType: v.voucherType,
      voucherNumber: v.voucherNumber,
      guid: v.guid,
      particulars: v.particulars,
      narration: v.narration,
      debit: rupees(v.debit),
      credit: rupees(v.credit),
      ...(v.offBooks ? { notInBooks: v.offBooks } : {}),
    }));
    return {
      company,
      period: { from, to, note: `month ${month}` },
      data: {
        voucherType: reg.scope.voucherType,
        baseType: reg.scope.baseType,
        voucherTypes: reg.scope.voucherTypes,
        valueNote: VALUE_NOTE,
        listedVouchers: reg.listedVouchers,
        countedVouchers: reg.countedVouchers,
        totalDebit: rupees(reg.totalDebit),
        totalCredit: rupees(reg.totalCredit),
        vouchers: items,
      },
      list: { field: 'vouchers', items, offset, total: reg.listedVouchers },
    };
  },
});
