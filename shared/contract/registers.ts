import { z } from 'zod';
import { operation } from './define';
import { MAX_TABLE_PAGE, MAX_TABLE_PAGE_SIZE } from './reports';
import { companyGuid, withDateRange } from './schemas';
import type { Served } from '../types/reports';
import type { RegisterSummary, RegisterVouchers } from '../types/registers';

/** A voucher type as named in Tally: "Sales", "Purchase", "Credit Note", "Debit Note" or a type of the user's derived from one. */
const voucherType = z.string().trim().min(1, 'voucherType is required').max(200);

/** Tally's voucher registers (Sales Register, Purchase Register, ...): month by month, then a month's vouchers. */
export const registerOperations = {
  'register.summary': operation<Served<RegisterSummary>>()({
    input: withDateRange({ companyGuid, voucherType }),
    description:
      "A voucher type's register month by month (Tally's Sales / Purchase Register): counted vouchers, debit, credit and running balance of each month; the type's derived types included.",
    errors: ['VALIDATION', 'NOT_FOUND', 'DATABASE'],
  }),
  'register.vouchers': operation<Served<RegisterVouchers>>()({
    input: withDateRange({
      companyGuid,
      voucherType,
      page: z.number().int().min(1).max(MAX_TABLE_PAGE).default(1),
      pageSize: z.number().int().min(1).max(MAX_TABLE_PAGE_SIZE).default(100),
    }),
    description:
      "One page of a register's vouchers in a date range (a month of its summary): date, particulars, type, number, debit, credit and ledger lines; cancelled and pending post-dated vouchers listed without amount; the range's totals.",
    errors: ['VALIDATION', 'NOT_FOUND', 'DATABASE'],
  }),
};
