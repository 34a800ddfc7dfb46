import { formatDateIndian } from '../../../shared/dates';
import { formatInr } from '../../../shared/money';
import type { PartyStatement, StatementBill } from './statement';
import { isOverdue } from '../reports/due';

export type MessageLanguage = 'en' | 'mr' | 'hi';
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['en', 'mr', 'hi'];

export interface EmailMessage {
  subject: string;
  text: string;
}

/** Bills listed in an e-mail; the rest are in the attached statement. */
export const EMAIL_BILL_LINES = 50;
/** Bills listed in a WhatsApp text, which should fit on a phone's screen. */
export const WHATSAPP_BILL_LINES = 5;

interface Words {
  subject(s: Facts): string;
  greeting(party: string): string;
  intro(s: Facts): string;
  /** The intro when no statement is attached (none could be made here). */
  introPlain(s: Facts): string;
  totalDue: string;
  overdue: string;
  interest: string;
  overdueBills: string;
  bill(b: BillFacts): string;
  more(count: number): string;
  morePlain(count: number): string;
  request: string;
  regards: string;
  whatsapp(s: Facts): string;
}

interface Facts {
  party: string;
  company: string;
  date: string;
  totalDue: string;
  overdue: string;
  interest: string | null;
}
interface BillFacts {
  name: string;
  date: string | null;
  due: string | null;
  amount: string;
  days: number;
}

const WORDS: Record<MessageLanguage, Words> = {
  en: {
    subject: (s) => `Statement of account as on ${s.date} – ${s.company}`,
    greeting: (party) => `Dear ${party},`,
    intro: (s) => `Please find attached your statement of account with ${s.company} as on ${s.date}.`,
    totalDue: 'Total due',
    overdue: 'Overdue',
    interest: 'Interest on overdue bills',
    overdueBills: 'Overdue bills:',
    bill: (b) =>
      `- Bill ${b.name}${b.date ? ` dated ${b.date}` : ''}${b.due ? `, due ${b.due}` : ''}: ${b.amount} (${b.days} days overdue)`,
    more: (n) => `… and ${n} more in the attached statement.`,
    introPlain: (s) => `Your account with ${s.company} as on ${s.date} stands as follows.`,
    morePlain: (n) => `… and ${n} more overdue bills.`,
    request:
      'Kindly arrange the payment at the earliest. If you have already paid, please share the details.',
    regards: 'Regards,',
    whatsapp: (s) =>
      `Dear ${s.party}, your account with ${s.company} as on ${s.date}: total due ${s.totalDue}, overdue ${s.overdue}` +
      `${s.interest ? `, interest on overdue bills ${s.interest}` : ''}.`,
  },
  mr: {
    subject: (s) => `${s.date} रोजीचा खाते उतारा – ${s.company}`,
    greeting: (party) => `प्रिय ${party},`,
    intro: (s) => `${s.company} कडील आपला ${s.date} रोजीचा खाते उतारा सोबत जोडला आहे.`,
    totalDue: 'एकूण येणे',
    overdue: 'मुदत संपलेली रक्कम',
    interest: 'थकीत बिलांवरील व्याज',
    overdueBills: 'मुदत संपलेली बिले:',
    bill: (b) =>
      `- बिल ${b.name}${b.date ? `, दिनांक ${b.date}` : ''}${b.due ? `, देय दिनांक ${b.due}` : ''}: ${b.amount} (${b.days} दिवस थकीत)`,
    more: (n) => `… आणखी ${n} बिले सोबतच्या उताऱ्यात आहेत.`,
    introPlain: (s) => `${s.company} कडील आपल्या खात्याचा ${s.date} रोजीचा तपशील पुढीलप्रमाणे आहे.`,
    morePlain: (n) => `… आणखी ${n} थकीत बिले.`,
    request: 'कृपया रक्कम लवकरात लवकर जमा करावी. आपण रक्कम आधीच भरली असल्यास कृपया तपशील कळवावा.',
    regards: 'धन्यवाद,',
    whatsapp: (s) =>
      `प्रिय ${s.party}, ${s.company} कडील आपले ${s.date} रोजीचे खाते: एकूण येणे ${s.totalDue}, मुदत संपलेली रक्कम ${s.overdue}` +
      `${s.interest ? `, थकीत बिलांवरील व्याज ${s.interest}` : ''}.`,
  },
  hi: {
    subject: (s) => `${s.date} तक का खाता विवरण – ${s.company}`,
    greeting: (party) => `प्रिय ${party},`,
    intro: (s) => `${s.company} के साथ आपका ${s.date} तक का खाता विवरण संलग्न है।`,
    totalDue: 'कुल बकाया',
    overdue: 'अतिदेय राशि',
    interest: 'अतिदेय बिलों पर ब्याज',
    overdueBills: 'अतिदेय बिल:',
    bill: (b) =>
      `- बिल ${b.name}${b.date ? `, दिनांक ${b.date}` : ''}${b.due ? `, नियत तिथि ${b.due}` : ''}: ${b.amount} (${b.days} दिन से अतिदेय)`,
    more: (n) => `… और ${n} बिल संलग्न विवरण में हैं।`,
    introPlain: (s) => `${s.company} के साथ आपके खाते का ${s.date} तक का विवरण इस प्रकार है।`,
    morePlain: (n) => `… और ${n} अतिदेय बिल।`,
    request: 'कृपया शीघ्र भुगतान करें। यदि आप भुगतान कर चुके हैं, तो कृपया विवरण भेजें।',
    regards: 'धन्यवाद,',
    whatsapp: (s) =>
      `प्रिय ${s.party}, ${s.company} के साथ आपका ${s.date} तक का खाता: कुल बकाया ${s.totalDue}, अतिदेय राशि ${s.overdue}` +
      `${s.interest ? `, अतिदेय बिलों पर ब्याज ${s.interest}` : ''}।`,
  },
};

function wordsFor(language: MessageLanguage): Words {
  const words = WORDS[language];
  if (!words) throw new RangeError(`No message templates for language "${language}" (en, mr or hi)`);
  return words;
}

const factsOf = (s: PartyStatement): Facts => ({
  party: s.partyName,
  company: s.companyName,
  date: formatDateIndian(s.asOn),
  totalDue: formatInr(s.totalDue),
  overdue: formatInr(s.overdue),
  interest: s.interest !== 0 ? formatInr(s.interest) : null,
});

const overdueBills = (s: PartyStatement): StatementBill[] => s.bills.filter((b) => isOverdue(b.overdueDays));

function billLines(words: Words, bills: StatementBill[], limit: number, attached = true): string[] {
  const lines = bills.slice(0, limit).map((b) =>
    words.bill({
      name: b.billName,
      date: b.billDate ? formatDateIndian(b.billDate) : null,
      due: b.dueDate ? formatDateIndian(b.dueDate) : null,
      amount: formatInr(b.amount),
      days: b.overdueDays,
    }),
  );
  if (bills.length > limit)
    lines.push(attached ? words.more(bills.length - limit) : words.morePlain(bills.length - limit));
  return lines;
}

/**
 * The statement-of-account e-mail. attached: the statement goes with it as a PDF (the default); false when
 * none could be made here, and then the text does not say it is attached.
 */
export function statementEmail(
  statement: PartyStatement,
  language: MessageLanguage,
  options: { attached?: boolean } = {},
): EmailMessage {
  const attached = options.attached ?? true;
  const words = wordsFor(language);
  const facts = factsOf(statement);
  const overdue = overdueBills(statement);
  const figures = [
    `${words.totalDue}: ${facts.totalDue}`,
    ...(statement.overdue !== 0 ? [`${words.overdue}: ${facts.overdue}`] : []),
    ...(facts.interest ? [`${words.interest}: ${facts.interest}`] : []),
  ];
  const blocks = [
    words.greeting(facts.party),
    attached ? words.intro(facts) : words.introPlain(facts),
    figures.join('\n'),
    ...(overdue.length > 0
      ? [[words.overdueBills, ...billLines(words, overdue, EMAIL_BILL_LINES, attached)].join('\n')]
      : []),
    words.request,
    `${words.regards}\n${facts.company}`,
  ];
  return { subject: words.subject(facts), text: `${blocks.join('\n\n')}\n` };
}

/** The WhatsApp text: the figures and the oldest overdue bills, short enough for a phone. */
export function statementWhatsAppText(statement: PartyStatement, language: MessageLanguage): string {
  const words = wordsFor(language);
  const facts = factsOf(statement);
  const overdue = overdueBills(statement);
  const blocks = [
    words.whatsapp(facts),
    ...(overdue.length > 0
      ? [[words.overdueBills, ...billLines(words, overdue, WHATSAPP_BILL_LINES)].join('\n')]
      : []),
    words.request,
    `– ${facts.company}`,
  ];
  return blocks.join('\n\n');
}
