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
  /** The opening line: with the statement attached, or with the figures below only. */
  intro(s: Facts, attached: boolean): string;
  totalDue: string;
  overdue: string;
  interest: string;
  overdueBills: string;
  bill(b: BillFacts): string;
  more(count: number, attached: boolean): string;
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
    intro: (s, attached) =>
      attached
        ? `Please find attached your statement of account with ${s.company} as on ${s.date}.`
        : `Here is a summary of your account with ${s.company} as on ${s.date}.`,
    totalDue: 'Total due',
    overdue: 'Overdue',
    interest: 'Interest on overdue bills',
    overdueBills: 'Overdue bills:',
    bill: (b) =>
      `- Bill ${b.name}${b.date ? ` dated ${b.date}` : ''}${b.due ? `, due ${b.due}` : ''}: ${b.amount} (${b.days} days overdue)`,
    more: (n, attached) =>
      attached ? `… and ${n} more in the attached statement.` : `… and ${n} more overdue bills.`,
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
    intro: (s, attached) =>
      attached
        ? `${s.company} कडील आपला ${s.date} रोजीचा खाते उतारा सोबत जोडला आहे.`
        : `${s.company} कडील आपल्या खात्याचा ${s.date} रोजीचा सारांश खाली दिला आहे.`,
    totalDue: 'एकूण येणे',
    overdue: 'मुदत संपलेली रक्कम',
    interest: 'थकीत बिलांवरील व्याज',
    overdueBills: 'मुदत संपलेली बिले:',
    bill: (b) =>
      `- बिल ${b.name}${b.date ? `, दिनांक ${b.date}` : ''}${b.due ? `, देय दिनांक ${b.due}` : ''}: ${b.amount} (${b.days} दिवस थकीत)`,
    more: (n, attached) => (attached ? `… आणखी ${n} बिले सोबतच्या उताऱ्यात आहेत.` : `… आणखी ${n} थकीत बिले आहेत.`),
    request: 'कृपया रक्कम लवकरात लवकर जमा करावी. आपण रक्कम आधीच भरली असल्यास कृपया तपशील कळवावा.',
    regards: 'धन्यवाद,',
    whatsapp: (s) =>
      `प्रिय ${s.party}, ${s.company} कडील आपले ${s.date} रोजीचे खाते: एकूण येणे ${s.totalDue}, मुदत संपलेली रक्कम ${s.overdue}` +
      `${s.interest ? `, थकीत बिलांवरील व्याज ${s.interest}` : ''}.`,
  },
  hi: {
    subject: (s) => `${s.date} तक का खाता विवरण – ${s.company}`,
    greeting: (party) => `प्रिय ${party},`,
    intro: (s, attached) =>
      attached
        ? `${s.company} के साथ आपका ${s.date} तक का खाता विवरण संलग्न है।`
        : `${s.company} के साथ आपके खाते का ${s.date} तक का सारांश नीचे दिया गया है।`,
    totalDue: 'कुल बकाया',
    overdue: 'अतिदेय राशि',
    interest: 'अतिदेय बिलों पर ब्याज',
    overdueBills: 'अतिदेय बिल:',
    bill: (b) =>
      `- बिल ${b.name}${b.date ? `, दिनांक ${b.date}` : ''}${b.due ? `, नियत तिथि ${b.due}` : ''}: ${b.amount} (${b.days} दिन से अतिदेय)`,
    more: (n, attached) => (attached ? `… और ${n} बिल संलग्न विवरण में हैं।` : `… और ${n} अतिदेय बिल हैं।`),
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

function billLines(words: Words, bills: StatementBill[], limit: number, attached: boolean): string[] {
  const lines = bills.slice(0, limit).map((b) =>
    words.bill({
      name: b.billName,
      date: b.billDate ? formatDateIndian(b.billDate) : null,
      due: b.dueDate ? formatDateIndian(b.dueDate) : null,
      amount: formatInr(b.amount),
      days: b.overdueDays,
    }),
  );
  if (bills.length > limit) lines.push(words.more(bills.length - limit, attached));
  return lines;
}

/**
 * The statement-of-account e-mail. `attached`: the statement goes with it as a PDF, and the text says so;
 * without it the text speaks only of the figures it carries.
 */
export function statementEmail(
  statement: PartyStatement,
  language: MessageLanguage,
  attached: boolean,
): EmailMessage {
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
    words.intro(facts, attached),
    figures.join('\n'),
    ...(overdue.length > 0
      ? [[words.overdueBills, ...billLines(words, overdue, EMAIL_BILL_LINES, attached)].join('\n')]
      : []),
    words.request,
    `${words.regards}\n${facts.company}`,
  ];
  return { subject: words.subject(facts), text: `${blocks.join('\n\n')}\n` };
}

/**
 * The WhatsApp text: the figures and the oldest overdue bills, short enough for a phone. `attached`: the
 * user sends the statement PDF with it (the bills it leaves out are "in the attached statement").
 */
export function statementWhatsAppText(
  statement: PartyStatement,
  language: MessageLanguage,
  attached = true,
): string {
  const words = wordsFor(language);
  const facts = factsOf(statement);
  const overdue = overdueBills(statement);
  const blocks = [
    words.whatsapp(facts),
    ...(overdue.length > 0
      ? [[words.overdueBills, ...billLines(words, overdue, WHATSAPP_BILL_LINES, attached)].join('\n')]
      : []),
    words.request,
    `– ${facts.company}`,
  ];
  return blocks.join('\n\n');
}
