import type { PartyStatement } from '../../electron/core/collections/statement';
import type { StatementPdfInput } from '../../electron/core/collections/statement-pdf';

/** Patil Traders' one bill: ₹50,000 due on 31-10-2025, 151 days overdue on 31-03-2026, no interest. */
export const PATIL_BILL: PartyStatement['bills'][number] = {
  billName: 'INV/001',
  billDate: '2025-10-01',
  dueDate: '2025-10-31',
  overdueDays: 151,
  amount: 50_000_00,
  interest: 0,
};

/** A debtor of Sharma & Sons owing ₹50,000, all overdue, as on 31-03-2026, with the bills given. */
export function patilStatement(bills: PartyStatement['bills'] = [PATIL_BILL]): PartyStatement {
  return {
    ledgerGuid: 'L1',
    partyName: 'Patil Traders',
    group: 'Sundry Debtors',
    companyName: 'Sharma & Sons',
    kind: 'receivable',
    asOn: '2026-03-31',
    totalDue: 50_000_00,
    overdue: 50_000_00,
    notDue: 0,
    onAccount: 0,
    bills,
    interest: 0,
    interestNote: null,
  };
}

/** Sharma & Sons' letterhead for a statement: Pune, no GSTIN. */
export const SHARMA_LETTERHEAD: StatementPdfInput['company'] = {
  name: 'Sharma & Sons',
  address: ['Pune'],
  gstin: null,
  state: null,
};
