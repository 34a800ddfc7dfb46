import { z } from 'zod';
import { operation } from './define';
import { companyGuid, financialYear, isoDate, withDateRange, empty } from './schemas';
import type {
  BalanceSheet,
  BillHistory,
  CompanySummary,
  Dashboard,
  DayBook,
  GroupSummary,
  LedgerMonthly,
  LedgerRef,
  LedgerStatement,
  Outstanding,
  ProfitLoss,
  Served,
  StockItemRegister,
  StockSummary,
  TrialBalance,
  VoucherView,
} from '../types/reports';

export const DEFAULT_AGEING_BUCKETS = [30, 60, 90, 180] as const;

export const reportOperations = {
  'companies.list': operation<Served<CompanySummary[]>>()({
    input: empty,
    description: 'Every company in the local store with sync status, record counts and financial years.',
    errors: ['DATABASE'],
  }),
  'dashboard.get': operation<Served<Dashboard>>()({
    input: z.object({ companyGuid, fy: financialYear }).strict(),
    description: 'KPIs, monthly trend, top parties and overdue receivables for one financial year.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'ledgers.search': operation<LedgerRef[]>()({
    input: z
      .object({
        companyGuid,
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    description: 'Ledgers whose name contains the query (case-insensitive), best matches first.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'ledger.statement': operation<Served<LedgerStatement>>()({
    input: withDateRange({ companyGuid, ledgerGuid: z.string().trim().min(1, 'ledgerGuid is required') }),
    description: 'Opening balance, lines with running balance, totals and closing balance of one ledger.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'outstanding.get': operation<Served<Outstanding>>()({
    input: z
      .object({
        companyGuid,
        kind: z.enum(['receivable', 'payable']),
        asOn: isoDate,
        /** Upper bounds (days) of the ageing buckets, ascending; one more bucket collects the rest. */
        buckets: z
          .array(z.number().int().min(1).max(3650))
          .min(1)
          .max(10)
          .refine((b) => b.every((v, i) => i === 0 || v > (b[i - 1] ?? 0)), {
            message: 'ageing bucket bounds must be ascending',
          })
          .default([...DEFAULT_AGEING_BUCKETS]),
        /** Age overdue bills from their due date (Tally's default) or from their bill date (F6). */
        ageBy: z.enum(['due', 'bill']).default('due'),
      })
      .strict(),
    description:
      'Bills receivable or payable as on a date, per party and bill: not due, ageing buckets (by due or bill date) and On Account.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'bill.history': operation<Served<BillHistory>>()({
    input: z
      .object({
        companyGuid,
        ledgerGuid: z.string().trim().min(1, 'ledgerGuid is required').max(200),
        billName: z.string().min(1, 'billName is required').max(500),
        kind: z.enum(['receivable', 'payable']),
        asOn: isoDate,
      })
      .strict(),
    description:
      "One bill of a party as on a date: its opening amount and every voucher that raised, adjusted or settled it, with the pending amount after each (Tally's bill-wise drill from Bills Receivable / Payable).",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'trialBalance.get': operation<Served<TrialBalance>>()({
    input: withDateRange({ companyGuid }),
    description: 'Trial balance by group and ledger for a period.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'profitLoss.get': operation<Served<ProfitLoss>>()({
    input: withDateRange({ companyGuid }),
    description: 'Profit & loss summary for a period.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'balanceSheet.get': operation<Served<BalanceSheet>>()({
    input: z.object({ companyGuid, asOn: isoDate }).strict(),
    description:
      'Balance Sheet as on a date (period: start of its financial year to the date): liabilities and assets by primary group, Profit & Loss A/c (opening, current period), closing stock, difference in opening balances.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'groupSummary.get': operation<Served<GroupSummary>>()({
    input: withDateRange({
      companyGuid,
      groupName: z.string().trim().min(1, 'groupName is required').max(200),
    }),
    description: "A group's sub-groups and ledgers with opening, debit, credit and closing for a period.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'ledgerMonthly.get': operation<Served<LedgerMonthly>>()({
    input: withDateRange({ companyGuid, ledgerGuid: z.string().trim().min(1, 'ledgerGuid is required') }),
    description: "A ledger's monthly summary for a period: debit, credit and closing balance of each month.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'voucher.get': operation<Served<VoucherView>>()({
    input: z
      .object({ companyGuid, voucherGuid: z.string().trim().min(1, 'voucherGuid is required').max(200) })
      .strict(),
    description:
      'One voucher as Tally shows it: type, number, date, party, narration, ledger lines with bill allocations, flags.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'stockSummary.get': operation<Served<StockSummary>>()({
    input: withDateRange({
      companyGuid,
      /** A stock group to summarise; absent for the whole stock (Primary). */
      groupName: z.string().trim().min(1).max(200).optional(),
    }),
    description:
      'Stock Summary for a period: stock groups and items with opening, inwards, outwards (at cost) and closing quantity, rate and value, each item valued by its costing method (computed by TallyConnect).',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'stockItem.movements': operation<Served<StockItemRegister>>()({
    input: withDateRange({
      companyGuid,
      itemGuid: z.string().trim().min(1, 'itemGuid is required').max(200),
    }),
    description:
      "A stock item's vouchers in a period (date, type, number, party, inward / outward quantity, rate, value, running quantity) with opening and closing.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'dayBook.get': operation<Served<DayBook>>()({
    input: withDateRange({
      companyGuid,
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(1000).default(100),
    }),
    description: 'Vouchers of a date range with their entries, paged.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
