/**
 * The words of a statement of account (shared/print/statement.ts) in English, मराठी and हिन्दी: one copy
 * for the statement printed on screen and the PDF the main process sends, so both say the same. The
 * terms follow the screens' own (renderer/src/i18n: नावे / जमा, मुदत बाकी, मागील पानावरून ...).
 */
export type StatementLanguage = 'en' | 'mr' | 'hi';

export interface StatementWords {
  title: string;
  asOn(date: string): string;
  /** Heading of the addressee block. */
  to: string;
  summary: string;
  gstin: string;
  state: string;
  totalDue: string;
  overdue: string;
  interest: string;
  totalWithInterest: string;
  pendingBills: string;
  bill: string;
  billDate: string;
  dueDate: string;
  overdueDays: string;
  notDue: string;
  pending: string;
  interestColumn: string;
  onAccount: string;
  total: string;
  ageing: string;
  days(from: number, to: number): string;
  overDays(days: number): string;
  ledgerFor(from: string, to: string): string;
  date: string;
  particulars: string;
  voucherType: string;
  voucherNumber: string;
  narration: string;
  debit: string;
  credit: string;
  balance: string;
  opening: string;
  closing: string;
  broughtForward: string;
  carriedForward: string;
  dr: string;
  cr: string;
}

export const STATEMENT_WORDS: Record<StatementLanguage, StatementWords> = {
  en: {
    title: 'Statement of account',
    asOn: (date) => `As on ${date}`,
    to: 'To',
    summary: 'Summary',
    gstin: 'GSTIN',
    state: 'State',
    totalDue: 'Total due',
    overdue: 'Overdue',
    interest: 'Interest on overdue bills',
    totalWithInterest: 'Total due with interest',
    pendingBills: 'Pending bills',
    bill: 'Bill',
    billDate: 'Bill date',
    dueDate: 'Due date',
    overdueDays: 'Overdue (days)',
    notDue: 'Not due',
    pending: 'Pending amount',
    interestColumn: 'Interest',
    onAccount: 'On account',
    total: 'Total',
    ageing: 'Ageing of pending bills',
    days: (from, to) => `${from}–${to} days`,
    overDays: (days) => `Over ${days} days`,
    ledgerFor: (from, to) => `Ledger account, ${from} to ${to}`,
    date: 'Date',
    particulars: 'Particulars',
    voucherType: 'Vch type',
    voucherNumber: 'Vch no.',
    narration: 'Narration',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    opening: 'Opening balance',
    closing: 'Closing balance',
    broughtForward: 'Brought forward',
    carriedForward: 'Carried forward',
    dr: 'Dr',
    cr: 'Cr',
  },
  mr: {
    title: 'खाते उतारा',
    asOn: (date) => `${date} रोजी`,
    to: 'प्रति',
    summary: 'सारांश',
    gstin: 'GSTIN',
    state: 'राज्य',
    totalDue: 'एकूण येणे',
    overdue: 'मुदत संपलेली रक्कम',
    interest: 'थकीत बिलांवरील व्याज',
    totalWithInterest: 'व्याजासह एकूण येणे',
    pendingBills: 'बाकी बिले',
    bill: 'बिल',
    billDate: 'बिल दिनांक',
    dueDate: 'देय दिनांक',
    overdueDays: 'थकीत (दिवस)',
    notDue: 'मुदत बाकी',
    pending: 'बाकी रक्कम',
    interestColumn: 'व्याज',
    onAccount: 'खात्यावर (On Account)',
    total: 'एकूण',
    ageing: 'बाकी बिलांची मुदतवार विभागणी',
    days: (from, to) => `${from}–${to} दिवस`,
    overDays: (days) => `${days} दिवसांहून अधिक`,
    ledgerFor: (from, to) => `खातेवही, ${from} ते ${to}`,
    date: 'दिनांक',
    particulars: 'तपशील',
    voucherType: 'व्हा. प्रकार',
    voucherNumber: 'व्हा. क्र.',
    narration: 'विवरण',
    debit: 'नावे',
    credit: 'जमा',
    balance: 'शिल्लक',
    opening: 'आरंभीची शिल्लक',
    closing: 'अखेरची शिल्लक',
    broughtForward: 'मागील पानावरून',
    carriedForward: 'पुढील पानावर',
    dr: 'नावे',
    cr: 'जमा',
  },
  hi: {
    title: 'खाते का विवरण',
    asOn: (date) => `${date} तक`,
    to: 'प्रति',
    summary: 'सारांश',
    gstin: 'GSTIN',
    state: 'राज्य',
    totalDue: 'कुल देय',
    overdue: 'अतिदेय राशि',
    interest: 'अतिदेय बिलों पर ब्याज',
    totalWithInterest: 'ब्याज सहित कुल देय',
    pendingBills: 'बकाया बिल',
    bill: 'बिल',
    billDate: 'बिल तारीख़',
    dueDate: 'देय तारीख़',
    overdueDays: 'अतिदेय (दिन)',
    notDue: 'देय नहीं',
    pending: 'बकाया राशि',
    interestColumn: 'ब्याज',
    onAccount: 'खाते पर (On Account)',
    total: 'कुल',
    ageing: 'बकाया बिलों का अवधिवार विश्लेषण',
    days: (from, to) => `${from}–${to} दिन`,
    overDays: (days) => `${days} दिन से अधिक`,
    ledgerFor: (from, to) => `खाता बही, ${from} से ${to}`,
    date: 'तारीख़',
    particulars: 'विवरण',
    voucherType: 'वा. प्रकार',
    voucherNumber: 'वा. सं.',
    narration: 'टिप्पणी',
    debit: 'नामे',
    credit: 'जमा',
    balance: 'शेष',
    opening: 'प्रारंभिक शेष',
    closing: 'अंतिम शेष',
    broughtForward: 'पिछले पृष्ठ से',
    carriedForward: 'अगले पृष्ठ पर',
    dr: 'नामे',
    cr: 'जमा',
  },
};

/** The words in a language; English for any other. */
export const statementWords = (language: string): StatementWords =>
  STATEMENT_WORDS[(language in STATEMENT_WORDS ? language : 'en') as StatementLanguage];
