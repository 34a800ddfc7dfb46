import type { IsoDate } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { BillHistory, OutstandingKind, OutstandingParty } from '../../../shared/types/reports';
import { type BillMovement, type InterestParameters, partyInterest } from './interest';
import { isOverdue } from '../reports/due';

/** One bill on a party's statement, in the report's sign (positive: the party owes us on a receivable). */
export interface StatementBill {
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** As-on date minus due date: positive once overdue. */
  overdueDays: number;
  amount: Paise;
  interest: Paise;
}

/** What a reminder tells a party: the figures of the outstanding report for it, with interest. */
export interface PartyStatement {
  ledgerGuid: string;
  partyName: string;
  /** The ledger's group (Sundry Debtors or one under it), for choosing parties by group. */
  group: string;
  companyName: string;
  kind: OutstandingKind;
  asOn: IsoDate;
  /** The party's whole outstanding (its ledger balance for a Sundry Debtor). */
  totalDue: Paise;
  /** Bills past their due date. */
  overdue: Paise;
  notDue: Paise;
  onAccount: Paise;
  /** Bills only, oldest first (the On Account line is `onAccount`). */
  bills: StatementBill[];
  interest: Paise;
  /** Set when interest could not be worked out as Tally would (shown to the accountant, never sent). */
  interestNote: string | null;
}

export interface StatementOptions {
  companyName: string;
  kind: OutstandingKind;
  asOn: IsoDate;
  /** Null: no interest is charged (none set in Tally or TallyConnect). */
  interest: InterestParameters | null;
  interestNote?: string | null;
  /** Each bill's movements (from the bill history), when known, for interest on part-paid bills. */
  movements?: ReadonlyMap<string, readonly BillMovement[]>;
}

/**
 * A party's statement from its line of the outstanding report (electron/core/reports/outstanding.ts).
 * Interest works debit positive (the app's convention), so a payable's bills are turned round for
 * it and back.
 */
export function statementFor(party: OutstandingParty, options: StatementOptions): PartyStatement {
  // 0 - v, not -v: a payable's zero stays 0 rather than -0.
  const turn = (v: Paise): Paise => (options.kind === 'receivable' ? v : 0 - v);
  const bills = party.bills.filter((b) => !b.onAccount);
  const interest = options.interest
    ? partyInterest(
        bills.map((b) => ({
          billName: b.billName,
          billDate: b.billDate,
          dueDate: b.dueDate,
          pending: turn(b.amount),
          movements: options.movements?.get(b.billName),
        })),
        options.interest,
        options.asOn,
      )
    : null;
  const lines: StatementBill[] = bills.map((b, i) => ({
    billName: b.billName,
    billDate: b.billDate,
    dueDate: b.dueDate,
    overdueDays: b.overdueDays,
    amount: b.amount,
    interest: interest ? turn(interest.bills[i]!.interest) : 0,
  }));
  return {
    ledgerGuid: party.ledgerGuid,
    partyName: party.name,
    group: party.group,
    companyName: options.companyName,
    kind: options.kind,
    asOn: options.asOn,
    totalDue: party.total,
    overdue: lines.filter((b) => isOverdue(b.overdueDays)).reduce((s, b) => s + b.amount, 0),
    notDue: party.notDue,
    onAccount: party.onAccount,
    bills: lines,
    interest: interest ? turn(interest.total) : 0,
    interestNote: options.interestNote ?? null,
  };
}

/**
 * A bill's movements, debit positive, from its history (electron/core/reports/bill-history.ts): the opening
 * amount on the bill date, then each voucher on it. They feed interest on part-paid bills.
 */
export function movementsFromHistory(history: BillHistory): BillMovement[] {
  const turn = (v: Paise): Paise => (history.kind === 'receivable' ? v : 0 - v);
  const movements: BillMovement[] = [];
  if (history.opening !== 0)
    movements.push({
      date: history.billDate ?? history.lines[0]?.date ?? history.asOn,
      amount: turn(history.opening),
    });
  for (const line of history.lines)
    if (line.date <= history.asOn) movements.push({ date: line.date, amount: turn(line.amount) });
  return movements;
}
