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

/** The most rows one page of a whole-period table may ask for (exports fetch page after page). */
export const MAX_TABLE_PAGE_SIZE = 5000;
/**
 * The highest page number a table accepts: far beyond any company's books (a million pages of 5,000 rows),
 * and small enough that page × pageSize stays an exact SQLite integer.
 */
export const MAX_TABLE_PAGE = 1_000_000;
const page = z.number().int().min(1).max(MAX_TABLE_PAGE).default(1);

/**
 * Whole-period table parameters the core applies before paging: a sort column (from `sortKeys`, the
 * first being the report's natural order), its direction and a case-insensitive search.
 */
function tableView<K extends string>(sortKeys: readonly [K, ...K[]]) {
  return {
    sort: z.enum(sortKeys).default(sortKeys[0]),
    dir: z.enum(['asc', 'desc']).default('asc'),
    search: z.string().trim().max(200, 'search must be at most 200 characters').default(''),
  };
}

export const DAY_BOOK_SORTS = ['date', 'voucherType', 'voucherNumber', 'party', 'amount'] as const;
export const LEDGER_SORTS = [
  'date',
  'particulars',
  'voucherType',
  'voucherNumber',
  'debit',
  'credit',
] as const;

export const reportOperations = {
  'companies.list': operation<Served<CompanySummary[]>>()({
    input: empty,
    description: 'Every company in the local store with sync status, record counts and financial years.',
    errors: ['DATABASE'],
  }),
  'dashboard.get': operation<Served<Dashboard>>()({
    input: z
      .object({
        companyGuid,
        fy: financialYear,
        /** The period's end (the session's, F2): every card follows it; the year's end when left out. */
        to: isoDate.optional(),
      })
      .strict(),
    description:
      'KPIs, monthly trend, top parties and overdue receivables for one financial year up to the period end (to, default the year end).',
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
    input: withDateRange({
      companyGuid,
      ledgerGuid: z.string().trim().min(1, 'ledgerGuid is required').max(200),
      ...tableView(LEDGER_SORTS),
      /** Paging is optional: without pageSize every matching line is answered (page 1). */
      page,
      pageSize: z.number().int().min(1).max(MAX_TABLE_PAGE_SIZE).optional(),
    }),
    description:
      'Opening balance, lines with running balance (in date order), totals and closing balance of one ledger; lines sorted, searched (particulars, narration, voucher type and number) and paged over the whole period.',
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
      /**
       * The stock under Stock-in-Hand as the report drilled from shows it: 'opening' (the trial balance:
       * the stock at the period's start) or 'closing' (the balance sheet: the closing stock).
       */
      stock: z.enum(['opening', 'closing']).default('opening'),
    }),
    description:
      "A group's sub-groups and ledgers with opening, debit, credit and closing for a period; the stock under Stock-in-Hand at the period's opening (as the trial balance) or closing (as the balance sheet).",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'ledgerMonthly.get': operation<Served<LedgerMonthly>>()({
    input: withDateRange({
      companyGuid,
      ledgerGuid: z.string().trim().min(1, 'ledgerGuid is required').max(200),
    }),
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
      page,
      pageSize: z.number().int().min(1).max(MAX_TABLE_PAGE_SIZE).default(100),
      ...tableView(DAY_BOOK_SORTS),
      /** Only vouchers of these voucher types (as named in Tally); empty for every type. */
      voucherTypes: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
      /** Only vouchers whose amount (the sum of their debits) is at least / at most this, in paise. */
      minAmount: z.number().int().min(0).optional(),
      maxAmount: z.number().int().min(0).optional(),
    }),
    description:
      'Vouchers of a date range with their entries: filtered by voucher type, amount range and search (party, number, type, narration, ledger names), sorted and paged over the whole period.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
