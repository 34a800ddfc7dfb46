import type { Paise } from '../../../../../shared/money';
import type { Outstanding, OutstandingBill, OutstandingParty } from '../../../../../shared/types/reports';
import type { ExportSheet } from '../../../lib/export';
import type { Translate } from '../../../lib/export-columns';

/** A row of the bill-by-bill statement: a party's heading, one of its bills, or its subtotal. */
export interface BillRow {
  role: 'party' | 'bill' | 'subtotal';
  /** Null on the grand total. */
  party: OutstandingParty | null;
  bill: OutstandingBill | null;
  label: string;
  amount: Paise | null;
}

const billLabel = (bill: OutstandingBill, t: Translate): string =>
  bill.onAccount ? t('outstanding.onAccount') : bill.billName;

/**
 * Outstanding bill by bill, as Tally prints it and an auditor asks for it: each party's pending bills
 * (bill, date, due date, overdue days, pending amount) under its name, with the party's subtotal, and the
 * grand total at the end (on paper); and one row per bill with its party and group (in Excel, a sheet of
 * its own beside the parties), whose amounts add up to the report's total.
 */
export function outstandingBillByBill(
  data: Outstanding,
  company: string,
  period: string,
  notes: string[],
  t: Translate,
): Pick<ExportSheet<unknown>, 'more' | 'print'> {
  const title = `${t('outstanding.title')} - ${t(`outstanding.${data.kind}`)} - ${t('statements.billByBill')}`;
  const bills = data.parties.flatMap((party) => party.bills.map((bill) => ({ party, bill })));
  const table: ExportSheet<{ party: OutstandingParty; bill: OutstandingBill }> = {
    title,
    company,
    period,
    notes,
    columns: [
      { header: t('outstanding.parties'), kind: 'text', value: (r) => r.party.name },
      { header: t('outstanding.group'), kind: 'text', value: (r) => r.party.group },
      { header: t('outstanding.billName'), kind: 'text', value: (r) => billLabel(r.bill, t) },
      { header: t('outstanding.billDate'), kind: 'date', value: (r) => r.bill.billDate },
      { header: t('outstanding.dueDate'), kind: 'date', value: (r) => r.bill.dueDate },
      { header: t('outstanding.overdueDays'), kind: 'number', value: (r) => r.bill.overdueDays },
      { header: t('outstanding.pending'), kind: 'money', value: (r) => r.bill.amount },
    ],
    rows: bills,
    totals: { label: t('common.total') },
  };

  const rows: BillRow[] = data.parties.flatMap((party) => [
    { role: 'party', party, bill: null, label: party.name, amount: null },
    ...party.bills.map((bill): BillRow => ({
      role: 'bill',
      party,
      bill,
      label: `  ${billLabel(bill, t)}`,
      amount: bill.amount,
    })),
    {
      role: 'subtotal',
      party,
      bill: null,
      label: t('statements.partyTotal', { party: party.name }),
      amount: party.total,
    },
  ]);
  const statement: ExportSheet<BillRow> = {
    title,
    company,
    period,
    notes,
    columns: [
      { header: t('outstanding.billName'), kind: 'text', value: (r) => r.label },
      { header: t('outstanding.billDate'), kind: 'date', value: (r) => r.bill?.billDate ?? null },
      { header: t('outstanding.dueDate'), kind: 'date', value: (r) => r.bill?.dueDate ?? null },
      {
        header: t('outstanding.overdueDays'),
        kind: 'number',
        // A bill not yet due and the On Account line have no overdue days to print.
        value: (r) => (r.bill && r.bill.overdueDays > 0 ? r.bill.overdueDays : null),
      },
      { header: t('outstanding.pending'), kind: 'money', value: (r) => r.amount, total: 'none' },
    ],
    rows,
    totals: {
      row: {
        role: 'subtotal',
        party: data.parties[0]!,
        bill: null,
        label: t('common.total'),
        amount: data.total,
      },
    },
    print: { strong: (r) => r.role !== 'bill', orientation: 'portrait' },
  };
  return { more: [table as ExportSheet<unknown>], print: { sheet: statement as ExportSheet<unknown> } };
}
