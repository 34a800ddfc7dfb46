import { z } from 'zod';
import { MAX_COMPARISON_COLUMNS } from '../../../../shared/contract/comparison';
import { financialYearRange } from '../../../../shared/dates';
import type { ComparisonColumn } from '../../../../shared/types/comparison';
import type { CompanySummary } from '../../../../shared/types/reports';
import { ToolInputError } from '../errors';
import { drCr, rupees, treePlace } from '../format';
import {
  parseDate,
  parseFinancialYear,
  resolveAsOn,
  resolvePeriod,
  yearEarlier,
  type Period,
} from '../inputs';
import { cappedList } from '../lists';
import { arg, defineTool } from '../tool';

/**
 * Comparison columns for an assistant (Tally's Alt+C): 1–4 periods, the current one first; none is the
 * latest year with vouchers against the year before, and one alone is compared with the same dates a
 * year earlier, so every answer has a difference (column 1 − column 2).
 */

const periodItem = z.union([z.string().max(20), z.object({ from: arg.from, to: arg.to }).strict()]);
const periodsArg = z
  .array(periodItem)
  .min(1)
  .max(4)
  .optional()
  .describe(
    'Current first: "2025-26" or {"from","to"}; default latest year vs the one before; one alone vs the same dates a year earlier',
  );

const MAX_COLUMNS = MAX_COMPARISON_COLUMNS;

function itemPeriod(
  item: z.output<typeof periodItem>,
  index: number,
  company: CompanySummary,
  today: string,
): Period {
  if (typeof item === 'string') {
    try {
      const fy = parseFinancialYear(item);
      return { ...financialYearRange(fy, company.yearStartMonth), note: `financial year ${fy}` };
    } catch {
      throw new ToolInputError(
        `periods[${index}]: "${item.slice(0, 40)}" is not a financial year; write 2025-26, or {"from": "01-04-2025", "to": "30-09-2025"}`,
      );
    }
  }
  if (item.from === undefined && item.to === undefined)
    throw new ToolInputError(`periods[${index}]: give from, to or both`);
  return resolvePeriod(item, company, today);
}

const earlier = (p: { from: string; to: string }): ComparisonColumn => ({
  from: yearEarlier(p.from),
  to: yearEarlier(p.to),
});

/** The columns of a period statement, and how they were chosen. */
export function periodColumns(
  items: z.output<typeof periodsArg>,
  company: CompanySummary,
  today: string,
): { columns: ComparisonColumn[]; note: string } {
  if (items === undefined || items.length === 0) {
    const current = resolvePeriod({}, company, today);
    return {
      columns: [{ from: current.from, to: current.to }, earlier(current)],
      note: 'none asked for: the latest financial year with vouchers against the year before',
    };
  }
  const periods = items.map((item, i) => itemPeriod(item, i, company, today));
  const columns = periods.map((p) => ({ from: p.from, to: p.to }));
  if (columns.length === 1) {
    return {
      columns: [columns[0]!, earlier(columns[0]!)],
      note: 'compared with the same dates a year earlier',
    };
  }
  return { columns, note: 'as asked' };
}

/** The dates of a balance sheet's columns (a year "2025-26" is its last day, or today while it runs). */
export function asOnDates(
  items: readonly string[] | undefined,
  company: CompanySummary,
  today: string,
): { dates: string[]; note: string } {
  if (items === undefined || items.length === 0) {
    const { asOn, note } = resolveAsOn(undefined, company, today);
    return { dates: [asOn, yearEarlier(asOn)], note: `${note}, against a year earlier` };
  }
  const dates = items.map((text, i) => {
    try {
      return parseDate(text, `as_on[${i}]`);
    } catch (notDate) {
      let fy: string;
      try {
        fy = parseFinancialYear(text);
      } catch {
        throw notDate;
      }
      const { to } = financialYearRange(fy, company.yearStartMonth);
      return to > today ? today : to;
    }
  });
  if (dates.length === 1)
    return { dates: [dates[0]!, yearEarlier(dates[0]!)], note: 'compared with a year earlier' };
  return { dates, note: 'as asked' };
}

const describeColumns = (columns: readonly ComparisonColumn[]) =>
  columns.map((c, i) => ({ column: i + 1, from: c.from, to: c.to }));

const periodOf = (columns: readonly ComparisonColumn[], note: string) => ({
  columns: columns.map((c) => `${c.from} to ${c.to}`).join(' | '),
  note,
});

const money = (list: readonly number[]) => list.map(rupees);
const balances = (list: readonly number[]) => list.map(drCr);
const diff = (d: number | null) => (d === null ? null : rupees(d));
const diffOf = (list: readonly number[]) => (list.length > 1 ? rupees(list[0]! - list[1]!) : null);

const DIFFERENCE_NOTE = 'difference = column 1 − column 2';

export const compareTrialBalanceTool = defineTool({
  name: 'compare_trial_balance',
  title: 'Trial balance compared',
  description: `Trial balance for up to ${MAX_COLUMNS} periods side by side: each group and ledger's closing balance per period, and the difference.`,
  input: z.object({ company: arg.company, periods: periodsArg, offset: arg.offset }).strict(),
  operation: 'trialBalance.compare',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const { columns, note } = periodColumns(args.periods, company, ctx.today());
    const { data: tb } = await ctx.read('trialBalance.compare', { companyGuid: company.guid, columns });
    const place = treePlace(tb.rows);
    const { items: rows, list } = cappedList('rows', tb.rows, args.offset ?? 0, (r) => ({
      ...place(r),
      closing: balances(r.closing),
      difference: diff(r.difference),
    }));
    return {
      company,
      period: periodOf(tb.columns, note),
      data: {
        columns: describeColumns(tb.columns),
        differenceNote: `${DIFFERENCE_NOTE}, of the closing balance, debit positive`,
        totalDebit: money(tb.totalDebit),
        totalCredit: money(tb.totalCredit),
        closingDebit: money(tb.closingDebit),
        closingCredit: money(tb.closingCredit),
        rows,
      },
      list,
    };
  },
});

export const compareProfitLossTool = defineTool({
  name: 'compare_profit_and_loss',
  title: 'Profit & loss compared',
  description: `Profit & loss for up to ${MAX_COLUMNS} periods side by side (e.g. this year vs last year): gross and net profit, stock, each group and ledger per period, and the difference.`,
  input: z.object({ company: arg.company, periods: periodsArg, offset: arg.offset }).strict(),
  operation: 'profitLoss.compare',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const { columns, note } = periodColumns(args.periods, company, ctx.today());
    const { data: pl } = await ctx.read('profitLoss.compare', { companyGuid: company.guid, columns });
    const sections = [
      ['directIncomes', pl.directIncomes],
      ['directExpenses', pl.directExpenses],
      ['indirectIncomes', pl.indirectIncomes],
      ['indirectExpenses', pl.indirectExpenses],
    ] as const;
    const all = sections.flatMap(([section, lines]) =>
      lines.flatMap((line) => [
        { section, group: line.groupName, amounts: money(line.amounts), difference: diff(line.difference) },
        ...line.ledgers.map((l) => ({
          section,
          group: line.groupName,
          ledger: l.name,
          amounts: money(l.amounts),
          difference: diff(l.difference),
        })),
      ]),
    );
    const { items: rows, list } = cappedList('rows', all, args.offset ?? 0, (row) => row);
    return {
      company,
      period: periodOf(pl.columns, note),
      data: {
        columns: describeColumns(pl.columns),
        differenceNote: `${DIFFERENCE_NOTE}; an income or expense larger in column 1 is positive; a negative profit is a loss`,
        grossProfit: money(pl.grossProfit),
        grossProfitDifference: diffOf(pl.grossProfit),
        netProfit: money(pl.netProfit),
        netProfitDifference: diffOf(pl.netProfit),
        openingStock: money(pl.openingStock),
        closingStock: money(pl.closingStock),
        rowsNote: 'each group, then its ledgers',
        rows,
      },
      list,
    };
  },
});

export const compareBalanceSheetTool = defineTool({
  name: 'compare_balance_sheet',
  title: 'Balance sheet compared',
  description: `Balance sheet as on up to ${MAX_COLUMNS} dates side by side: liabilities and assets by group with their sub-groups and ledgers, totals, and the difference.`,
  input: z
    .object({
      company: arg.company,
      as_on: z
        .array(z.string().max(20))
        .min(1)
        .max(4)
        .optional()
        .describe('Current first: dates, or years "2025-26" (year end); default latest vs a year earlier'),
      offset: arg.offset,
    })
    .strict(),
  operation: 'balanceSheet.compare',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const { dates, note } = asOnDates(args.as_on, company, ctx.today());
    const { data: bs } = await ctx.read('balanceSheet.compare', {
      companyGuid: company.guid,
      columns: dates.map((asOn) => ({ asOn })),
    });
    const sides = [
      ['liabilities', bs.liabilities],
      ['assets', bs.assets],
    ] as const;
    const all = sides.flatMap(([side, lines]) =>
      lines.flatMap((line) => [
        {
          side,
          name: line.name,
          kind: line.kind,
          amounts: money(line.amounts),
          difference: diff(line.difference),
        },
        ...line.children.map((c) => ({
          side,
          name: c.name,
          kind: c.kind,
          under: line.name,
          amounts: money(c.amounts),
          difference: diff(c.difference),
        })),
      ]),
    );
    const { items: rows, list } = cappedList('rows', all, args.offset ?? 0, (row) => row);
    return {
      company,
      period: { asOn: bs.columns.map((c) => c.to).join(' | '), note },
      data: {
        columns: bs.columns.map((c, i) => ({ column: i + 1, asOn: c.to })),
        amountsNote: `amounts on their side (a negative amount stands on the other side); ${DIFFERENCE_NOTE}`,
        totalLiabilities: money(bs.totalLiabilities),
        totalAssets: money(bs.totalAssets),
        profitAndLossClosing: bs.profitAndLoss.map((p) => drCr(p.closing)),
        closingStock: balances(bs.closingStock),
        openingDifference: balances(bs.openingDifference),
        rowsNote: 'each primary group, then its sub-groups and ledgers (under)',
        rows,
      },
      list,
    };
  },
});

export const compareGroupSummaryTool = defineTool({
  name: 'compare_group_summary',
  title: 'Group summary compared',
  description: `A group's sub-groups and ledgers for up to ${MAX_COLUMNS} periods side by side: closing balance per period and the difference, with the group's totals.`,
  input: z
    .object({
      company: arg.company,
      group: z.string().max(200).describe('Group name'),
      periods: periodsArg,
      offset: arg.offset,
    })
    .strict(),
  operation: 'groupSummary.compare',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const group = await ctx.resolve(company, 'group', args.group);
    const { columns, note } = periodColumns(args.periods, company, ctx.today());
    const { data: gs } = await ctx.read('groupSummary.compare', {
      companyGuid: company.guid,
      groupName: group.match.name,
      stock: 'opening',
      columns,
    });
    const { items: rows, list } = cappedList('rows', gs.rows, args.offset ?? 0, (r) => ({
      name: r.name,
      kind: r.kind,
      closing: balances(r.closing),
      difference: diff(r.difference),
    }));
    return {
      company,
      period: periodOf(gs.columns, note),
      data: {
        group: gs.group.name,
        under: gs.group.parent,
        primaryGroup: gs.group.primaryGroup,
        columns: describeColumns(gs.columns),
        differenceNote: `${DIFFERENCE_NOTE}, of the closing balance, debit positive`,
        total: {
          opening: balances(gs.total.opening),
          debit: money(gs.total.debit),
          credit: money(gs.total.credit),
          closing: balances(gs.total.closing),
          difference: diffOf(gs.total.closing),
        },
        rows,
      },
      list,
    };
  },
});
