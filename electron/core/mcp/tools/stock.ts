import { z } from 'zod';
import type { StockFigure } from '../../../../shared/types/reports';
import { quantity, rupees } from '../format';
import { resolvePeriod } from '../inputs';
import { cappedList } from '../lists';
import { arg, defineTool, periodArgs } from '../tool';

const figure = (f: StockFigure, unit: string | null) => ({
  quantity: quantity(f.quantity, unit),
  rate: f.rate === null ? null : rupees(f.rate),
  value: rupees(f.value),
});

const VALUATION = 'computed by TallyConnect from the items’ movements (each item by its costing method)';

export const stockSummaryTool = defineTool({
  name: 'stock_summary',
  title: 'Stock summary',
  description:
    'Stock summary for a period: stock groups and items with opening, inwards, outwards (at cost) and closing quantity, rate and value; optionally one stock group.',
  input: z
    .object({
      company: arg.company,
      ...periodArgs,
      stock_group: z.string().max(200).optional().describe('Stock group name; default all stock'),
      offset: arg.offset,
    })
    .strict(),
  operation: 'stockSummary.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const group =
      args.stock_group !== undefined ? await ctx.resolve(company, 'stockGroup', args.stock_group) : null;
    const period = resolvePeriod(args, company, ctx.today());
    const { data: ss } = await ctx.read('stockSummary.get', {
      companyGuid: company.guid,
      from: period.from,
      to: period.to,
      ...(group ? { groupName: group.match.name } : {}),
    });
    const { items: rows, list } = cappedList('rows', ss.rows, args.offset ?? 0, (r) => ({
      name: r.name,
      kind: r.kind,
      level: r.depth,
      under: r.parent,
      opening: figure(r.opening, r.unit),
      inwards: figure(r.inwards, r.unit),
      outwards: figure(r.outwards, r.unit),
      closing: figure(r.closing, r.unit),
    }));
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        stockGroup: ss.group?.name ?? 'all stock (Primary)',
        valuation: VALUATION,
        totalValue: {
          opening: rupees(ss.total.opening),
          inwards: rupees(ss.total.inwards),
          outwards: rupees(ss.total.outwards),
          closing: rupees(ss.total.closing),
        },
        rows,
      },
      list,
    };
  },
});

export const stockItemTool = defineTool({
  name: 'stock_item',
  title: 'Stock item register',
  description:
    "A stock item's vouchers in a period (date, type, number, party, inward and outward quantity, rate, value, running quantity) with opening and closing.",
  input: z
    .object({
      company: arg.company,
      item: z.string().max(200).describe('Stock item name'),
      ...periodArgs,
      offset: arg.offset,
    })
    .strict(),
  operation: 'stockItem.movements',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const item = await ctx.resolve(company, 'stockItem', args.item);
    const period = resolvePeriod(args, company, ctx.today());
    const { data: reg } = await ctx.read('stockItem.movements', {
      companyGuid: company.guid,
      itemGuid: item.match.guid,
      from: period.from,
      to: period.to,
    });
    const unit = reg.item.unit;
    const { items: lines, list } = cappedList('lines', reg.lines, args.offset ?? 0, (l) => ({
      date: l.date,
      voucherType: l.voucherType,
      voucherNumber: l.voucherNumber,
      voucherGuid: l.voucherGuid,
      party: l.party,
      inward: quantity(l.inward, unit),
      outward: quantity(l.outward, unit),
      rate: l.rate === null ? null : rupees(l.rate),
      value: rupees(l.value),
      runningQuantity: quantity(l.runningQuantity, unit),
      ...(l.offBooks ? { notInBooks: l.offBooks } : {}),
    }));
    return {
      company,
      period: { from: period.from, to: period.to, note: period.note },
      data: {
        item: reg.item.name,
        group: reg.item.group,
        unit,
        costingMethod: reg.item.costingMethod,
        valuation: VALUATION,
        opening: figure(reg.opening, unit),
        inwards: figure(reg.inwards, unit),
        outwards: figure(reg.outwards, unit),
        closing: figure(reg.closing, unit),
        lines,
      },
      list,
    };
  },
});
