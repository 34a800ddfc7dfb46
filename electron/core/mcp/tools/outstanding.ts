import { z } from 'zod';
import { rupees } from '../format';
import { resolveAsOn } from '../inputs';
import { ToolInputError } from '../errors';
import { cappedList } from '../lists';
import { arg, defineTool } from '../tool';

const kindArg = z
  .enum(['receivable', 'payable'])
  .default('receivable')
  .describe('receivable (owed to us) or payable (owed by us)');

export const outstandingTool = defineTool({
  name: 'outstanding',
  title: 'Outstanding bills',
  description:
    "Bills receivable or payable as on a date with ageing by due date. Without party: every party's total, not due, on account and ageing, largest first. With party: that party's bills.",
  input: z
    .object({
      company: arg.company,
      kind: kindArg,
      as_on: arg.asOn,
      party: z.string().max(200).optional().describe("Party ledger name, for that party's bills"),
      offset: arg.offset,
    })
    .strict(),
  operation: 'outstanding.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const party = args.party !== undefined ? await ctx.resolve(company, 'ledger', args.party) : null;
    const { asOn, note } = resolveAsOn(args.as_on, company, ctx.today());
    const { data: out } = await ctx.read('outstanding.get', {
      companyGuid: company.guid,
      kind: args.kind,
      asOn,
    });
    const ageing = (amounts: number[]) =>
      Object.fromEntries(out.buckets.map((b, i) => [b.label, rupees(amounts[i] ?? 0)]));
    const period = { asOn, note };
    const offset = args.offset ?? 0;
    if (party) {
      const row = out.parties.find((p) => p.ledgerGuid === party.match.guid);
      const { items: bills, list } = cappedList('bills', row?.bills ?? [], offset, (b) => ({
        bill: b.billName,
        billDate: b.billDate,
        dueDate: b.dueDate,
        overdueDays: b.overdueDays,
        onAccount: b.onAccount,
        amount: rupees(b.amount),
      }));
      return {
        company,
        period,
        data: {
          kind: out.kind,
          party: party.match.name,
          total: rupees(row?.total ?? 0),
          notDue: rupees(row?.notDue ?? 0),
          onAccount: rupees(row?.onAccount ?? 0),
          overdueByAge: ageing(row?.buckets ?? []),
          ...(row ? {} : { note: `nothing ${out.kind} from this party as on ${asOn}` }),
          bills,
        },
        list,
      };
    }
    const byTotal = [...out.parties].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
    const { items: parties, list } = cappedList('parties', byTotal, offset, (p) => ({
      party: p.name,
      group: p.group,
      total: rupees(p.total),
      notDue: rupees(p.notDue),
      onAccount: rupees(p.onAccount),
      overdueByAge: ageing(p.buckets),
      bills: p.bills.length,
    }));
    return {
      company,
      period,
      data: {
        kind: out.kind,
        ageing: 'days overdue past the due date',
        total: rupees(out.total),
        notDue: rupees(out.notDue),
        onAccount: rupees(out.onAccount),
        overdueByAge: ageing(out.buckets.map((b) => b.amount)),
        parties,
      },
      list,
    };
  },
});

export const billHistoryTool = defineTool({
  name: 'bill_history',
  title: 'Bill history',
  description:
    'One bill of a party: its date, due date, opening amount and every voucher that raised, adjusted or settled it, with the pending amount after each.',
  input: z
    .object({
      company: arg.company,
      party: z.string().max(200).describe('Party ledger name'),
      bill: z.string().max(500).describe('Bill name (reference) as in outstanding'),
      kind: kindArg,
      as_on: arg.asOn,
    })
    .strict(),
  operation: 'bill.history',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const party = await ctx.resolve(company, 'ledger', args.party);
    const { asOn, note } = resolveAsOn(args.as_on, company, ctx.today());
    if (args.bill.trim() === '')
      throw new ToolInputError('bill: name the bill (its reference, as outstanding lists it)');
    const { data: h } = await ctx.read('bill.history', {
      companyGuid: company.guid,
      ledgerGuid: party.match.guid,
      billName: args.bill.trim(),
      kind: args.kind,
      asOn,
    });
    return {
      company,
      period: { asOn, note },
      data: {
        party: h.ledgerName,
        bill: h.billName,
        kind: h.kind,
        billDate: h.billDate,
        dueDate: h.dueDate,
        opening: rupees(h.opening),
        pending: rupees(h.pending),
        lines: h.lines.map((l) => ({
          date: l.date,
          voucherType: l.voucherType,
          voucherNumber: l.voucherNumber,
          voucherGuid: l.voucherGuid,
          billType: l.billType,
          amount: rupees(l.amount),
          pendingAfter: rupees(l.balance),
        })),
      },
    };
  },
});
