import { formatDateIndian, type IsoDate } from '../dates';
import { formatInr, type Paise } from '../money';
import {
  orientationFor,
  printColumnsOf,
  type PrintColumn,
  type PrintDocument,
  type PrintRow,
  type PrintSection,
} from './document';
import type { ColumnKind, ExportSheet } from './sheet';
import type { StatementWords } from './statement-words';

/**
 * A statement of account for one party, the document sent to it or handed over (issue 25, issue 28 §2):
 * the company's letterhead, the party with its address, its pending bills (bill, date, due date, overdue
 * days, pending amount, interest where charged) with their ageing and totals, and optionally its ledger for
 * a period (opening balance, every voucher, closing balance). Plain data in, so the renderer (on screen,
 * print, Excel) and the main process (the PDF e-mailed) build the same document.
 */

/** The company as its letterhead prints it. */
export interface StatementCompany {
  name: string;
  /** Address lines, as kept in Tally (mailing name first when it differs from the name). */
  address: string[];
  gstin: string | null;
  state: string | null;
}

/** The party the statement is addressed to. */
export interface StatementParty {
  name: string;
  address: string[];
  gstin: string | null;
  state: string | null;
}

/** A pending bill, in the report's sign (positive: the party owes us on a receivable). */
export interface StatementBillLine {
  billName: string;
  billDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** As-on date minus due date: below zero while the bill is not yet due. */
  overdueDays: number;
  amount: Paise;
  /** Interest on the bill as on the date (0 when none is charged). */
  interest: Paise;
}

export interface StatementLedgerLine {
  date: IsoDate;
  particulars: string;
  voucherType: string;
  voucherNumber: string;
  narration: string;
  debit: Paise;
  credit: Paise;
  /** Running balance after the line, debit positive. */
  balance: Paise;
}

/** The party's ledger for a period, debit positive (as ledger.statement answers it). */
export interface StatementLedger {
  from: IsoDate;
  to: IsoDate;
  opening: Paise;
  lines: StatementLedgerLine[];
  totalDebit: Paise;
  totalCredit: Paise;
  closing: Paise;
}

export interface StatementOfAccount {
  company: StatementCompany;
  party: StatementParty;
  kind: 'receivable' | 'payable';
  asOn: IsoDate;
  /** Pending bills, oldest first (the On Account amount is `onAccount`). */
  bills: StatementBillLine[];
  onAccount: Paise;
  /** The party's whole outstanding: its bills and On Account. */
  total: Paise;
  /** Interest on the overdue bills; null when none is charged (no interest column is printed). */
  interest: Paise | null;
  /** Upper bounds (days overdue) of the ageing buckets, ascending; one more bucket takes the rest. */
  buckets: readonly number[];
  ledger: StatementLedger | null;
}

/** The ageing of a statement's bills by days overdue: not due, each bucket, On Account, and the total. */
export interface StatementAgeing {
  notDue: Paise;
  /** One per bucket: bounds.length + 1. */
  buckets: { fromDays: number; toDays: number | null; amount: Paise }[];
  onAccount: Paise;
  total: Paise;
}

/** Ages the bills by their overdue days (from the due date, as Tally's default ageing). */
export function statementAgeing(statement: StatementOfAccount): StatementAgeing {
  const bounds = statement.buckets;
  const buckets: StatementAgeing['buckets'] = [];
  let from = 0;
  for (const to of bounds) {
    buckets.push({ fromDays: from, toDays: to, amount: 0 });
    from = to + 1;
  }
  buckets.push({ fromDays: from, toDays: null, amount: 0 });
  let notDue = 0;
  for (const bill of statement.bills) {
    if (bill.overdueDays < 0) {
      notDue += bill.amount;
      continue;
    }
    const index = bounds.findIndex((b) => bill.overdueDays <= b);
    buckets[index === -1 ? bounds.length : index]!.amount += bill.amount;
  }
  const total = notDue + buckets.reduce((s, b) => s + b.amount, 0) + statement.onAccount;
  return { notDue, buckets, onAccount: statement.onAccount, total };
}

/** Overdue bills' pending amount (due on or before the as-on date). */
export const overdueOf = (statement: StatementOfAccount): Paise =>
  statement.bills.filter((b) => b.overdueDays >= 0).reduce((s, b) => s + b.amount, 0);

/** An amount as printed: Indian grouping without the rupee sign in each cell, blank when nil. */
export const printMoney = (paise: Paise): string => (paise === 0 ? '' : formatInr(paise, { symbol: false }));

/** A balance as printed: the amount and its side in the statement's language. */
export const printBalance = (paise: Paise, words: Pick<StatementWords, 'dr' | 'cr'>): string =>
  paise === 0 ? '' : `${formatInr(Math.abs(paise), { symbol: false })} ${paise > 0 ? words.dr : words.cr}`;

const bucketLabel = (b: { fromDays: number; toDays: number | null }, words: StatementWords): string =>
  b.toDays === null ? words.overDays(Math.max(0, b.fromDays - 1)) : words.days(b.fromDays, b.toDays);

/** The title: "Statement of account - Party". */
export const statementTitle = (statement: StatementOfAccount, words: StatementWords): string =>
  `${words.title} - ${statement.party.name}`;

/** The company's letterhead lines under its name: address, then GSTIN and state. */
export function letterheadOf(company: StatementCompany, words: StatementWords): string[] {
  const tax = [
    company.gstin ? `${words.gstin}: ${company.gstin}` : '',
    company.state ? `${words.state}: ${company.state}` : '',
  ].filter((s) => s !== '');
  return [...company.address.filter((l) => l.trim() !== ''), ...(tax.length ? [tax.join(' · ')] : [])];
}

function table(
  specs: { header: string; kind: ColumnKind }[],
  rows: { leading?: PrintRow[]; lines: PrintRow[]; trailing: PrintRow[] },
): { columns: PrintColumn[]; leading: PrintRow[]; lines: PrintRow[]; trailing: PrintRow[] } {
  const leading = rows.leading ?? [];
  return {
    columns: printColumnsOf(specs, { leading, lines: rows.lines, trailing: rows.trailing }),
    leading,
    lines: rows.lines,
    trailing: rows.trailing,
  };
}

/** The statement laid out for paper (A4 portrait), for the print engine (shared/print/render.ts). */
export function statementDocument(statement: StatementOfAccount, words: StatementWords): PrintDocument {
  const { party } = statement;
  const withInterest = statement.interest !== null;
  const date = (iso: IsoDate | null) => (iso ? formatDateIndian(iso) : '');
  const partyLines = [
    party.name,
    ...party.address.filter((l) => l.trim() !== ''),
    ...(party.gstin ? [`${words.gstin}: ${party.gstin}`] : []),
    ...(party.state ? [`${words.state}: ${party.state}`] : []),
  ];
  const overdue = overdueOf(statement);
  const summary = [
    `${words.totalDue}: ${formatInr(statement.total)}`,
    `${words.overdue}: ${formatInr(overdue)}`,
    ...(withInterest && statement.interest !== 0
      ? [
          `${words.interest}: ${formatInr(statement.interest ?? 0)}`,
          `${words.totalWithInterest}: ${formatInr(statement.total + (statement.interest ?? 0))}`,
        ]
      : []),
  ];

  // Pending bills.
  const billLines: PrintRow[] = statement.bills.map((b) => ({
    cells: [
      b.billName,
      date(b.billDate),
      date(b.dueDate),
      // A bill not yet due has no overdue days to print.
      b.overdueDays >= 0 ? String(b.overdueDays) : words.notDue,
      printMoney(b.amount),
      ...(withInterest ? [printMoney(b.interest)] : []),
    ],
    style: 'line',
  }));
  if (statement.onAccount !== 0) {
    billLines.push({
      cells: [words.onAccount, '', '', '', printMoney(statement.onAccount), ...(withInterest ? [''] : [])],
      style: 'line',
    });
  }
  const bills = table(
    [
      { header: words.bill, kind: 'text' },
      { header: words.billDate, kind: 'date' },
      { header: words.dueDate, kind: 'date' },
      { header: words.overdueDays, kind: 'number' },
      { header: words.pending, kind: 'money' },
      ...(withInterest ? [{ header: words.interestColumn, kind: 'money' as const }] : []),
    ],
    {
      lines: billLines,
      trailing: [
        {
          cells: [
            words.total,
            '',
            '',
            '',
            printMoney(statement.total),
            ...(withInterest ? [printMoney(statement.interest ?? 0)] : []),
          ],
          style: 'total',
        },
      ],
    },
  );

  // Ageing: one row, a column per bucket.
  const ageing = statementAgeing(statement);
  const ageingColumns = [
    { header: words.notDue, amount: ageing.notDue },
    ...ageing.buckets.map((b) => ({ header: bucketLabel(b, words), amount: b.amount })),
    ...(ageing.onAccount !== 0 ? [{ header: words.onAccount, amount: ageing.onAccount }] : []),
  ];
  const ageingTable = table(
    [
      ...ageingColumns.map((c) => ({ header: c.header, kind: 'money' as const })),
      { header: words.total, kind: 'money' },
    ],
    {
      lines: [
        {
          cells: [...ageingColumns.map((c) => printMoney(c.amount)), printMoney(ageing.total)],
          style: 'line',
        },
      ],
      trailing: [],
    },
  );
  const sections: PrintSection[] = [{ caption: words.ageing, detailColumn: -1, carry: null, ...ageingTable }];

  // The ledger for a period, with brought / carried forward at the page breaks.
  const { ledger } = statement;
  if (ledger) {
    const balanceRow = (label: string, balance: Paise): PrintRow => ({
      cells: ['', label, '', '', '', '', printBalance(balance, words)],
      style: 'pinned',
    });
    const ledgerTable = table(
      [
        { header: words.date, kind: 'date' },
        { header: words.particulars, kind: 'text' },
        { header: words.voucherType, kind: 'text' },
        { header: words.voucherNumber, kind: 'text' },
        { header: words.debit, kind: 'money' },
        { header: words.credit, kind: 'money' },
        { header: words.balance, kind: 'drcr' },
      ],
      {
        leading: [balanceRow(words.opening, ledger.opening)],
        lines: ledger.lines.map((l) => ({
          cells: [
            date(l.date),
            l.particulars,
            l.voucherType,
            l.voucherNumber,
            printMoney(l.debit),
            printMoney(l.credit),
            printBalance(l.balance, words),
          ],
          style: 'line',
          ...(l.narration.trim() !== '' ? { detail: l.narration } : {}),
        })),
        trailing: [
          {
            cells: [
              '',
              words.total,
              '',
              '',
              printMoney(ledger.totalDebit),
              printMoney(ledger.totalCredit),
              '',
            ],
            style: 'total',
          },
          { ...balanceRow(words.closing, ledger.closing), style: 'total' },
        ],
      },
    );
    sections.push({
      caption: words.ledgerFor(formatDateIndian(ledger.from), formatDateIndian(ledger.to)),
      detailColumn: 1,
      ...ledgerTable,
      carry: {
        debit: 4,
        credit: 5,
        balance: 6,
        opening: ledger.opening,
        amounts: ledger.lines.map((l) => ({ debit: l.debit, credit: l.credit, balance: l.balance })),
        labels: { broughtForward: words.broughtForward, carriedForward: words.carriedForward },
      },
    });
  }

  const orientation = orientationFor(bills.columns) === 'landscape' ? 'landscape' : 'portrait';
  return {
    company: statement.company.name,
    letterhead: letterheadOf(statement.company, words),
    title: statementTitle(statement, words),
    period: words.asOn(formatDateIndian(statement.asOn)),
    notes: [],
    orientation,
    preamble: [
      { heading: words.to, lines: partyLines, strongFirst: true },
      { heading: words.summary, lines: summary },
    ],
    caption: words.pendingBills,
    detailColumn: -1,
    carry: null,
    ...bills,
    sections,
  };
}

type BillRow = { bill: StatementBillLine | null; label: string };
type AgeingRow = { label: string; amount: Paise };

/**
 * The statement as a workbook: the pending bills (with On Account) on the first sheet, the ageing and the
 * ledger on their own; amounts as numbers so a SUM over the bills equals the total. Printed as
 * `statementDocument`.
 */
export function statementSheet(statement: StatementOfAccount, words: StatementWords): ExportSheet<BillRow> {
  const withInterest = statement.interest !== null;
  const company = statement.company.name;
  const period = words.asOn(formatDateIndian(statement.asOn));
  const title = statementTitle(statement, words);
  // The statement's own letterhead in every worksheet's title rows (address, GSTIN and state).
  const letterhead = { name: company, lines: letterheadOf(statement.company, words) };
  const rows: BillRow[] = [
    ...statement.bills.map((bill) => ({ bill, label: bill.billName })),
    ...(statement.onAccount !== 0 ? [{ bill: null, label: words.onAccount }] : []),
  ];
  const ageing = statementAgeing(statement);
  const ageingSheet: ExportSheet<AgeingRow> = {
    title: `${words.ageing} - ${statement.party.name}`,
    company,
    letterhead,
    period,
    columns: [
      { header: words.ageing, kind: 'text', value: (r) => r.label },
      { header: words.pending, kind: 'money', value: (r) => r.amount },
    ],
    rows: [
      { label: words.notDue, amount: ageing.notDue },
      ...ageing.buckets.map((b) => ({ label: bucketLabel(b, words), amount: b.amount })),
      ...(ageing.onAccount !== 0 ? [{ label: words.onAccount, amount: ageing.onAccount }] : []),
    ],
    totals: { label: words.total },
  };
  const more: ExportSheet<unknown>[] = [ageingSheet as ExportSheet<unknown>];
  const { ledger } = statement;
  if (ledger) {
    // The opening and closing rows carry no date of their own.
    const balanceRows = new Set<StatementLedgerLine>();
    const pinned = (label: string, balance: Paise): StatementLedgerLine => {
      const row = {
        date: ledger.from,
        particulars: label,
        voucherType: '',
        voucherNumber: '',
        narration: '',
        debit: 0,
        credit: 0,
        balance,
      };
      balanceRows.add(row);
      return row;
    };
    const ledgerSheet: ExportSheet<StatementLedgerLine> = {
      title: `${words.ledgerFor(formatDateIndian(ledger.from), formatDateIndian(ledger.to))} - ${statement.party.name}`,
      company,
      letterhead,
      period: words.ledgerFor(formatDateIndian(ledger.from), formatDateIndian(ledger.to)),
      columns: [
        { header: words.date, kind: 'date', value: (l) => (balanceRows.has(l) ? null : l.date) },
        { header: words.particulars, kind: 'text', value: (l) => l.particulars },
        { header: words.voucherType, kind: 'text', value: (l) => l.voucherType },
        { header: words.voucherNumber, kind: 'text', value: (l) => l.voucherNumber },
        { header: words.narration, kind: 'text', value: (l) => l.narration },
        { header: words.debit, kind: 'money', value: (l) => l.debit },
        { header: words.credit, kind: 'money', value: (l) => l.credit },
        { header: words.balance, kind: 'drcr', value: (l) => l.balance },
      ],
      leading: [pinned(words.opening, ledger.opening)],
      rows: ledger.lines,
      totals: { label: words.total },
      trailing: [pinned(words.closing, ledger.closing)],
    };
    more.push(ledgerSheet as ExportSheet<unknown>);
  }
  return {
    title,
    company,
    letterhead,
    period,
    columns: [
      { header: words.bill, kind: 'text', value: (r) => r.label },
      { header: words.billDate, kind: 'date', value: (r) => r.bill?.billDate ?? null },
      { header: words.dueDate, kind: 'date', value: (r) => r.bill?.dueDate ?? null },
      {
        header: words.overdueDays,
        kind: 'number',
        value: (r) => (r.bill && r.bill.overdueDays >= 0 ? r.bill.overdueDays : null),
      },
      { header: words.pending, kind: 'money', value: (r) => r.bill?.amount ?? statement.onAccount },
      ...(withInterest
        ? [
            {
              header: words.interestColumn,
              kind: 'money' as const,
              value: (r: BillRow) => r.bill?.interest ?? 0,
            },
          ]
        : []),
    ],
    rows,
    totals: { label: words.total },
    more,
    print: { document: statementDocument(statement, words) },
  };
}
