import type { IsoDate } from '../../../../../shared/dates';
import type {
  StatementLedger,
  StatementOfAccount,
  StatementParty,
} from '../../../../../shared/print/statement';
import type { LedgerStatement, Outstanding, OutstandingParty } from '../../../../../shared/types/reports';

/** The company as the statement's letterhead prints it: its name, and its address and GSTIN when known. */
export interface StatementHeader {
  name: string;
  address?: string[];
  gstin?: string | null;
  state?: string | null;
}

/** The ledger for a period as the statement prints it (every line, in date order). */
export function statementLedgerOf(ledger: LedgerStatement): StatementLedger {
  return {
    from: ledger.from,
    to: ledger.to,
    opening: ledger.opening,
    lines: ledger.lines.map((l) => ({
      date: l.date,
      particulars: l.particulars,
      voucherType: l.voucherType,
      voucherNumber: l.voucherNumber,
      narration: l.narration,
      debit: l.debit,
      credit: l.credit,
      balance: l.balance,
    })),
    totalDebit: ledger.totalDebit,
    totalCredit: ledger.totalCredit,
    closing: ledger.closing,
  };
}

/**
 * One party's statement of account from the outstanding report (outstanding.get) and, optionally, its
 * ledger for a period (ledger.statement): its bills oldest first, On Account, the report's ageing bounds;
 * the party's address, GSTIN and state when known (its contact facts). Interest is not printed here (the
 * outstanding report has none).
 */
export function statementFromOutstanding(
  data: Outstanding,
  party: OutstandingParty,
  company: StatementHeader,
  ledger: LedgerStatement | null,
  partyDetails: Omit<StatementParty, 'name'> | null = null,
): StatementOfAccount {
  const bills = party.bills
    .filter((b) => !b.onAccount)
    .map((b) => ({
      billName: b.billName,
      billDate: b.billDate,
      dueDate: b.dueDate,
      overdueDays: b.overdueDays,
      amount: b.amount,
      interest: 0,
    }))
    .sort((a, b) => dateKey(a.billDate).localeCompare(dateKey(b.billDate)));
  return {
    company: {
      name: company.name,
      address: company.address ?? [],
      gstin: company.gstin ?? null,
      state: company.state ?? null,
    },
    party: {
      name: party.name,
      address: partyDetails?.address ?? [],
      gstin: partyDetails?.gstin ?? null,
      state: partyDetails?.state ?? null,
    },
    kind: data.kind,
    asOn: data.asOn,
    bills,
    onAccount: party.onAccount,
    total: party.total,
    interest: null,
    buckets: data.buckets.flatMap((b) => (b.toDays === null ? [] : [b.toDays])),
    ledger: ledger ? statementLedgerOf(ledger) : null,
  };
}

/** Bills without a date sort first, as Tally lists them. */
const dateKey = (date: IsoDate | null): string => date ?? '';
