import { z } from 'zod';
import type { ProfitLossLine } from '../../../../shared/types/reports';
import { debitCreditClosing, drCr, rupees, treePlace } from '../format';
import { resolveAsOn, resolvePeriod } from '../inputs';
import { cappedList } from '../lists';
import { arg, defineTool, periodArgs } from '../tool';

const periodOf = (p: { from: string; to: string; note: string }) => ({
  from: p.from,
  to: p.to,
  note: p.note,
});

export const trialBalanceTool = defineTool({
  name: 'trial_balance',
  title: 'Trial balance',
  description:
    'Trial balance for a period: every group and ledger (level 0 = primary group) with opening, debit, credit and closing, and the totals.',
  input: z.object({ company: arg.company, ...periodArgs, offset: arg.offset }).strict(),
  operation: 'trialBalance.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: tb } = await ctx.read('trialBalance.get', {
      companyGuid: company.guid,
      from: period.from,
      to: period.to,
    });
    const place = treePlace(tb.rows);
    const { items: rows, list } = cappedList('rows', tb.rows, args.offset ?? 0, (r) => ({
      ...place(r),
      opening: drCr(r.opening),
      ...debitCreditClosing(r),
    }));
    return {
      company,
      period: periodOf(period),
      data: {
        totalDebit: rupees(tb.totalDebit),
        totalCredit: rupees(tb.totalCredit),
        closingDebit: rupees(tb.closingDebit),
        closingCredit: rupees(tb.closingCredit),
        rows,
      },
      list,
    };
  },
});

const section = (lines: ProfitLossLine[]) =>
  lines.map((l) => ({
    group: l.groupName,
    amount: rupees(l.amount),
    ledgers: l.ledgers.map((x) => ({ name: x.name, amount: rupees(x.amount) })),
  }));

export const profitLossTool = defineTool({
  name: 'profit_and_loss',
  title: 'Profit & loss',
  description:
    'Profit & loss account for a period: opening and closing stock, direct and indirect incomes and expenses by group and ledger, gross and net profit (negative = loss).',
  input: z.object({ company: arg.company, ...periodArgs }).strict(),
  operation: 'profitLoss.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: pl } = await ctx.read('profitLoss.get', {
      companyGuid: company.guid,
      from: period.from,
      to: period.to,
    });
    return {
      company,
      period: periodOf(period),
      data: {
        grossProfit: rupees(pl.grossProfit),
        netProfit: rupees(pl.netProfit),
        openingStock: rupees(pl.openingStock),
        closingStock: rupees(pl.closingStock),
        ...(pl.stockComputed ? { stockNote: 'stock valued by TallyConnect from the stock items' } : {}),
        directIncomes: section(pl.directIncomes),
        directExpenses: section(pl.directExpenses),
        indirectIncomes: section(pl.indirectIncomes),
        indirectExpenses: section(pl.indirectExpenses),
      },
    };
  },
});

export const balanceSheetTool = defineTool({
  name: 'balance_sheet',
  title: 'Balance sheet',
  description:
    'Balance sheet as on a date: liabilities and assets by primary group with their sub-groups and ledgers, profit & loss account, closing stock, totals.',
  input: z.object({ company: arg.company, as_on: arg.asOn }).strict(),
  operation: 'balanceSheet.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const { asOn, note } = resolveAsOn(args.as_on, company, ctx.today());
    const { data: bs } = await ctx.read('balanceSheet.get', { companyGuid: company.guid, asOn });
    const side = (lines: typeof bs.liabilities) =>
      lines.map((l) => ({
        name: l.name,
        kind: l.kind,
        amount: rupees(l.amount),
        ...(l.children.length > 0
          ? { details: l.children.map((c) => ({ name: c.name, kind: c.kind, closing: drCr(c.closing) })) }
          : {}),
      }));
    return {
      company,
      period: { from: bs.from, asOn: bs.asOn, note },
      data: {
        totalLiabilities: rupees(bs.totalLiabilities),
        totalAssets: rupees(bs.totalAssets),
        liabilities: side(bs.liabilities),
        assets: side(bs.assets),
        profitAndLoss: {
          opening: drCr(bs.profitAndLoss.opening),
          currentPeriod: drCr(bs.profitAndLoss.currentPeriod),
          transferred: drCr(bs.profitAndLoss.transferred),
          closing: drCr(bs.profitAndLoss.closing),
        },
        closingStock: drCr(bs.closingStock),
        openingDifference: drCr(bs.openingDifference),
      },
    };
  },
});

export const groupSummaryTool = defineTool({
  name: 'group_summary',
  title: 'Group summary',
  description:
    "A group's sub-groups and ledgers (e.g. Sundry Debtors, Sales Accounts, Indirect Expenses) with opening, debit, credit and closing for a period.",
  input: z
    .object({
      company: arg.company,
      group: z.string().max(200).describe('Group name'),
      ...periodArgs,
      offset: arg.offset,
    })
    .strict(),
  operation: 'groupSummary.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const group = await ctx.resolve(company, 'group', args.group);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: gs } = await ctx.read('groupSummary.get', {
      companyGuid: company.guid,
      groupName: group.match.name,
      from: period.from,
      to: period.to,
    });
    const { items: rows, list } = cappedList('rows', gs.rows, args.offset ?? 0, (r) => ({
      name: r.name,
      kind: r.kind,
      opening: drCr(r.opening),
      ...debitCreditClosing(r),
    }));
    return {
      company,
      period: periodOf(period),
      data: {
        group: gs.group.name,
        under: gs.group.parent,
        primaryGroup: gs.group.primaryGroup,
        total: { opening: drCr(gs.total.opening), ...debitCreditClosing(gs.total) },
        rows,
      },
      list,
    };
  },
});
