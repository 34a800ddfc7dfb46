import { z } from 'zod';
import { MASTER_KINDS } from '../../../../shared/contract/masters';
import { drCr, rupees } from '../format';
import { dataAsOf } from '../answer';
import { parseFinancialYear, defaultYear } from '../inputs';
import { normalizeName } from '../fuzzy';
import { cappedList } from '../lists';
import { arg, defineTool } from '../tool';

export const listCompanies = defineTool({
  name: 'list_companies',
  title: 'List companies',
  description:
    'Companies you may read, with their financial years, voucher date range and when they were last synced from Tally.',
  input: z.object({}).strict(),
  operation: 'companies.list',
  async run(_args, ctx) {
    const companies = await ctx.companies();
    return {
      data: {
        companies: companies.map((c) => ({
          name: c.name,
          guid: c.guid,
          financialYears: c.financialYears,
          firstVoucherDate: c.firstVoucherDate,
          lastVoucherDate: c.lastVoucherDate,
          vouchers: c.counts.vouchers,
          ledgers: c.counts.ledgers,
          syncStatus: c.syncStatus,
          dataAsOf: dataAsOf(c),
        })),
      },
    };
  },
});

export const searchNames = defineTool({
  name: 'search_names',
  title: 'Search names',
  description:
    'Find ledger, group, stock item, stock group or voucher type names (with their parent) containing some text; without text, list them all.',
  input: z
    .object({
      company: arg.company,
      kind: z.enum(MASTER_KINDS).default('ledger'),
      text: z.string().max(200).optional().describe('Part of the name, any case'),
      offset: arg.offset,
    })
    .strict(),
  operation: 'masters.names',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const all = await ctx.masters(company, args.kind);
    const words = normalizeName(args.text ?? '')
      .split(' ')
      .filter((w) => w !== '');
    const matching = all.filter((n) => {
      const name = normalizeName(n.name);
      return words.every((w) => name.includes(w));
    });
    const { items, list } = cappedList('names', matching, args.offset ?? 0, (n) => ({
      name: n.name,
      under: n.parent,
    }));
    return {
      company,
      data: { kind: args.kind, names: items },
      list,
    };
  },
});

export const dashboardTool = defineTool({
  name: 'dashboard',
  title: 'Dashboard',
  description:
    'A financial year at a glance: sales, purchases, receipts, payments, gross and net profit, receivables, payables, cash and bank, monthly sales and purchases, top customers and suppliers, overdue receivables.',
  input: z.object({ company: arg.company, fy: arg.fy }).strict(),
  operation: 'dashboard.get',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const fy = args.fy !== undefined ? parseFinancialYear(args.fy) : defaultYear(company, ctx.today());
    const { data: d } = await ctx.read('dashboard.get', { companyGuid: company.guid, fy });
    const k = d.kpis;
    return {
      company,
      period: {
        fy: d.fy,
        from: d.from,
        to: d.to,
        balancesAsOn: d.asOn,
        ...(args.fy === undefined ? { note: 'no year asked for: the latest year with vouchers' } : {}),
      },
      data: {
        sales: rupees(k.sales),
        purchases: rupees(k.purchases),
        receipts: rupees(k.receipts),
        payments: rupees(k.payments),
        grossProfit: rupees(k.grossProfit),
        netProfit: rupees(k.netProfit),
        profitNote: `profits up to ${d.asOn}; a negative profit is a loss`,
        receivables: rupees(k.receivables),
        payables: rupees(k.payables),
        cashBalance: drCr(k.cashBalance),
        bankBalance: drCr(k.bankBalance),
        monthly: d.monthly.map((m) => ({
          month: m.month,
          sales: rupees(m.sales),
          purchases: rupees(m.purchases),
        })),
        topCustomers: d.topCustomers.map((p) => ({ party: p.name, sales: rupees(p.amount) })),
        topSuppliers: d.topSuppliers.map((p) => ({ party: p.name, purchases: rupees(p.amount) })),
        overdueReceivablesTotal: rupees(d.overdueReceivablesTotal),
        overdueNote: 'the most overdue bills only (at most 25); outstanding lists every bill',
        overdueReceivables: d.overdueReceivables.map((b) => ({
          party: b.party,
          bill: b.billName,
          billDate: b.billDate,
          dueDate: b.dueDate,
          overdueDays: b.overdueDays,
          amount: rupees(b.amount),
        })),
      },
    };
  },
});

export const companyProfileTool = defineTool({
  name: 'company_profile',
  title: 'Company profile',
  description:
    "The company's own details as Tally keeps them: name, mailing name, address, state, pincode, e-mail, phone, GSTIN and GST registration type.",
  input: z.object({ company: arg.company }).strict(),
  operation: 'company.profile',
  async run(args, ctx) {
    const company = await ctx.company(args.company);
    const p = await ctx.read('company.profile', { companyGuid: company.guid });
    return {
      company,
      data: {
        name: p.name,
        mailingName: p.mailingName,
        address: p.address,
        state: p.state,
        pincode: p.pincode,
        country: p.country,
        email: p.email,
        phone: p.phone,
        gstin: p.gstin,
        gstRegistrationType: p.registrationType,
        financialYears: company.financialYears,
        yearStartMonth: company.yearStartMonth,
      },
    };
  },
});
