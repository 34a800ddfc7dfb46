import { z } from 'zod';
import { drCr, quantity, rupees } from '../format';
import { parseAmount, resolvePeriod } from '../inputs';
import { ToolInputError } from '../errors';
import { arg, defineTool, periodArgs } from '../tool';
import { limitArg, readFromOffset } from '../lists';

const SORTS = {
  date: { sort: 'date', dir: 'asc' },
  date_desc: { sort: 'date', dir: 'desc' },
  amount_desc: { sort: 'amount', dir: 'desc' },
  amount: { sort: 'amount', dir: 'asc' },
} as const;

const amountArg = z.union([z.number().min(0), z.string().max(30)]).optional();

export const dayBookTool = defineTool({
  name: 'day_book',
  title: 'Day book search',
  description:
    'Vouchers of a period with their ledger entries: filter by voucher type, amount range (rupees) and text (party, narration, voucher number, ledger names); sort by date or amount.',
  input: z
    .object({
      company: arg.company,
      ...periodArgs,
      voucher_types: z.array(z.string().max(200)).max(20).optional().describe('e.g. ["Sales", "Receipt"]'),
      text: z.string().max(200).optional().describe('Text in party, narration, number or ledger names'),
      min_amount: amountArg.describe('Rupees'),
      max_amount: amountArg.describe('Rupees'),
      sort: z.enum(['date', 'date_desc', 'amount_desc', 'amount']).default('date'),
      offset: arg.offset,
      limit: limitArg(50, 500),
    })
    .strict(),
  operation: 'dayBook.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const period = resolvePeriod(args, company, ctx.today());
    const minAmount = parseAmount(args.min_amount, 'min_amount');
    const maxAmount = parseAmount(args.max_amount, 'max_amount');
    if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount) {
      throw new ToolInputError('min_amount is more than max_amount');
    }
    const types: string[] = [];
    for (const type of args.voucher_types ?? [])
      types.push((await ctx.resolve(company, 'voucherType', type)).match.name);
    const offset = args.offset ?? 0;
    const limit = args.limit ?? 50;
    const input = {
      companyGuid: company.guid,
      from: period.from,
      to: period.to,
      pageSize: limit,
      ...SORTS[args.sort],
      search: args.text ?? '',
      voucherTypes: types,
      ...(minAmount !== undefined ? { minAmount } : {}),
      ...(maxAmount !== undefined ? { maxAmount } : {}),
    };
    const { first: db, items: vouchers } = await readFromOffset(
      offset,
      limit,
      async (page) => (await ctx.read('dayBook.get', { ...input, page })).data,
      (d) => d.vouchers,
      (d) => d.matchingVouchers,
    );
    const items = vouchers.map((v) => ({
      date: v.date,
      voucherType: v.voucherType,
      voucherNumber: v.voucherNumber,
      guid: v.guid,
      party: v.party,
      narration: v.narration,
      amount: rupees(v.amount),
      ...(v.offBooks ? { notInBooks: v.offBooks } : {}),
      entries: v.entries.map((e) => ({ ledger: e.ledgerName, amount: drCr(e.amount) })),
    }));
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        filters: {
          voucherTypes: types,
          text: args.text ?? null,
          minAmount: minAmount === undefined ? null : rupees(minAmount),
          maxAmount: maxAmount === undefined ? null : rupees(maxAmount),
          sort: args.sort,
        },
        vouchersInPeriod: db.totalVouchers,
        matchingVouchers: db.matchingVouchers,
        amountNote: "a voucher's amount is the sum of its debit entries",
        vouchers: items,
      },
      list: { field: 'vouchers', items, offset, total: db.matchingVouchers },
    };
  },
});

export const voucherTool = defineTool({
  name: 'voucher',
  title: 'Voucher',
  description:
    'One voucher in full: type, number, date, party, narration, ledger lines (Dr/Cr) with bill allocations, stock items. Take its guid from day_book or ledger_statement.',
  input: z.object({ company: arg.company, guid: z.string().max(200).describe('Voucher GUID') }).strict(),
  operation: 'voucher.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    if (args.guid.trim() === '')
      throw new ToolInputError('guid: give the voucher GUID from day_book or ledger_statement');
    const { data: v } = await ctx.read('voucher.get', {
      companyGuid: company.guid,
      voucherGuid: args.guid.trim(),
    });
    return {
      company,
      data: {
        guid: v.guid,
        date: v.date,
        voucherType: v.voucherType,
        baseType: v.baseType,
        voucherNumber: v.voucherNumber,
        party: v.party,
        reference: v.reference,
        narration: v.narration,
        postsToBooks: v.postsToBooks,
        ...(v.offBooks ? { notInBooks: v.offBooks } : {}),
        totalDebit: rupees(v.totalDebit),
        totalCredit: rupees(v.totalCredit),
        lines: v.lines.map((l) => ({
          ledger: l.ledgerName,
          amount: drCr(l.amount),
          ...(l.bills.length > 0
            ? {
                bills: l.bills.map((b) => ({
                  bill: b.billName,
                  type: b.billType,
                  amount: drCr(b.amount),
                  dueDate: b.dueDate,
                })),
              }
            : {}),
        })),
        inventory: v.inventory.map((i) => ({
          item: i.itemName,
          quantity: quantity(i.actualQuantity, i.unit),
          rate: i.rate === null ? null : `${rupees(i.rate)}${i.rateUnit ? `/${i.rateUnit}` : ''}`,
          amount: drCr(i.amount),
          godown: i.godown,
        })),
      },
    };
  },
});
