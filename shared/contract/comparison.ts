import { z } from 'zod';
import { operation } from './define';
import { companyGuid, isoDate } from './schemas';
import type { Served } from '../types/reports';
import type {
  BalanceSheetComparison,
  GroupSummaryComparison,
  ProfitLossComparison,
  TrialBalanceComparison,
} from '../types/comparison';

/** The most columns a comparison shows: the current one and three more (Tally's Alt+C, New Column). */
export const MAX_COMPARISON_COLUMNS = 4;

/** A column: a period, or an as-on date (a period statement runs from that date's financial year start). */
export const comparisonColumn = z.union([
  z
    .object({ from: isoDate, to: isoDate })
    .strict()
    .refine((r) => r.from <= r.to, {
      message: 'from must not be after to (the date range is reversed)',
      path: ['to'],
      params: { reason: 'reversedRange' },
    }),
  z.object({ asOn: isoDate }).strict(),
]);

const columns = z
  .array(comparisonColumn)
  .min(1, 'columns must name at least the current period')
  .max(MAX_COMPARISON_COLUMNS, `columns: at most ${MAX_COMPARISON_COLUMNS} (the current one and three more)`);

const ROWS_ALIGNED =
  'rows aligned by group / ledger GUID (zero where a column has none), the difference column 0 − column 1, and each column’s own report';

export const comparisonOperations = {
  'trialBalance.compare': operation<Served<TrialBalanceComparison>>()({
    input: z.object({ companyGuid, columns }).strict(),
    description: `Trial balance for up to ${MAX_COMPARISON_COLUMNS} periods side by side (the first is the current one; {asOn} runs from its year's start): ${ROWS_ALIGNED}.`,
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'profitLoss.compare': operation<Served<ProfitLossComparison>>()({
    input: z.object({ companyGuid, columns }).strict(),
    description: `Profit & loss for up to ${MAX_COMPARISON_COLUMNS} periods side by side (the first is the current one; {asOn} runs from its year's start): ${ROWS_ALIGNED}.`,
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'balanceSheet.compare': operation<Served<BalanceSheetComparison>>()({
    input: z.object({ companyGuid, columns }).strict(),
    description: `Balance sheet as on up to ${MAX_COMPARISON_COLUMNS} dates side by side ({from,to} is as on its to; the first is the current one): lines on each column's own side, ${ROWS_ALIGNED}.`,
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'groupSummary.compare': operation<Served<GroupSummaryComparison>>()({
    input: z
      .object({
        companyGuid,
        groupName: z.string().trim().min(1, 'groupName is required').max(200),
        stock: z.enum(['opening', 'closing']).default('opening'),
        columns,
      })
      .strict(),
    description: `A group's summary for up to ${MAX_COMPARISON_COLUMNS} periods side by side (stock as in groupSummary.get): ${ROWS_ALIGNED}.`,
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
