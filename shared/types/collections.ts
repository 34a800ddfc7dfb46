import type { IsoDate } from '../dates';
import type { Paise } from '../money';

/**
 * Collections (issue 28): parties' contacts, reminder runs, their log and settings, as the contract
 * carries them. Amounts are paise in the report's sign (positive: the party owes us on receivables).
 */

export type MessageLanguage = 'en' | 'mr' | 'hi';
export type MessageChannel = 'email' | 'whatsapp';

/** The company master's own details, as Tally keeps them (statements and printed pages carry them). */
export interface CompanyProfile {
  companyGuid: string;
  name: string;
  /** The name printed on documents (Tally's formal / mailing name); the company's name when Tally has none. */
  mailingName: string;
  address: string[];
  state: string | null;
  pincode: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  gstin: string | null;
  /** Tally's GST registration type ("Regular", "Composition" ...); null when not known. */
  registrationType: string | null;
}

/** A value with where it came from: Tally's ledger, or set in TallyConnect (kept across syncs). */
export interface SourcedValue {
  value: string;
  source: 'tally' | 'tallyconnect';
}

export interface PartyContactDetails {
  mailingName: string | null;
  address: string[];
  state: string | null;
  pincode: string | null;
  country: string | null;
  gstin: string | null;
  contactPerson: string | null;
  phone: string | null;
  /** The addresses messages go to: TallyConnect's override, else Tally's EMAIL; null: none. */
  email: SourcedValue | null;
  /** Tally's CC e-mail (copied on every message). */
  emailCc: string | null;
  mobile: SourcedValue | null;
  /** What Tally has, when TallyConnect overrides it (so the screen can show both). */
  tallyEmail: string | null;
  tallyMobile: string | null;
}

export interface CollectionParty {
  ledgerGuid: string;
  name: string;
  group: string;
  contact: PartyContactDetails;
  excluded: boolean;
  language: MessageLanguage;
  totalDue: Paise;
  overdue: Paise;
  interest: Paise;
  /** Why interest is not computed as Tally would (shown, never sent); null when it is. */
  interestNote: string | null;
  overdueBills: number;
  /** The last reminder sent (or possibly sent) to the party; null: never. */
  lastReminderAt: string | null;
}

export interface CollectionParties {
  companyGuid: string;
  asOn: IsoDate;
  parties: CollectionParty[];
}

export type PartySelectionInput =
  | { kind: 'overdue-above'; amount: Paise }
  | { kind: 'groups'; groups: string[] }
  | { kind: 'parties'; ledgerGuids: string[] };

export interface PreviewMessage {
  ledgerGuid: string;
  partyName: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  language: MessageLanguage;
  totalDue: Paise;
  overdue: Paise;
  interest: Paise;
  /** The statement PDF goes with it (false when no statement document can be made here: see statementProblem). */
  attachesStatement: boolean;
  /** The attached statement PDF's file name ("Statement-Asha Stores-25-11-2026.pdf"); null without one. */
  attachmentName: string | null;
  /** Every file attached, by name: the PDF and, when the settings ask for it, its .xlsx copy. */
  attachments: string[];
}

export interface RunPreview {
  companyGuid: string;
  asOn: IsoDate;
  messages: PreviewMessage[];
  /** Why the statement PDF cannot be made here (no Chromium ...), so messages go without it; null: it can. */
  statementProblem: string | null;
  /** Chosen but without a usable e-mail: listed with a WhatsApp link when they have a mobile. */
  withoutEmail: {
    ledgerGuid: string;
    partyName: string;
    problem: string;
    mobile: string | null;
    whatsApp: { web: string; app: string } | null;
  }[];
  /** Chosen but reminded within the last N days. */
  recentlySent: { ledgerGuid: string; partyName: string; lastSentAt: string }[];
  /** Chosen but excluded from reminders. */
  excluded: { ledgerGuid: string; partyName: string }[];
}

export type ReminderRunStatus = 'running' | 'finished' | 'cancelled' | 'interrupted' | 'failed';

export interface ReminderRunInfo {
  runId: string;
  companyGuid: string;
  trigger: 'manual' | 'schedule';
  status: ReminderRunStatus;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Parties a restart found half-sent (they may have the message). */
  uncertain: string[];
  error: string | null;
}

export interface MessageLogEntry {
  id: number;
  runId: string;
  ledgerGuid: string;
  partyName: string;
  channel: MessageChannel;
  state: 'sending' | 'sent' | 'failed';
  /** When it was started and when its state last changed. */
  startedAt: string;
  at: string;
  to: string[];
  cc: string[];
  subject: string | null;
  /** sha256: the file's SHA-256 (hex) as sent, when recorded. */
  attachments: { filename: string; bytes: number; contentType: string; sha256?: string }[];
  /** The figures as sent. */
  amounts: {
    asOn: IsoDate;
    totalDue: Paise;
    overdue: Paise;
    interest: Paise;
    bills: {
      billName: string;
      dueDate: IsoDate | null;
      overdueDays: number;
      amount: Paise;
      interest: Paise;
    }[];
  };
  messageId: string | null;
  serverResponse: string | null;
  /** Why it failed (auth, recipient-refused, timeout ...) and the error in words. */
  reason: string | null;
  error: string | null;
}

export type ReminderSchedule =
  | { kind: 'off' }
  | { kind: 'daily'; time: string }
  /** weekday: 0 Sunday … 6 Saturday, India's calendar. */
  | { kind: 'weekly'; weekday: number; time: string };

/** Interest parameters set in TallyConnect (used where a ledger has none in Tally). */
export interface InterestSettings {
  ratePercent: string;
  style: '365-Day Year' | '30-Day Month' | 'Calendar Month' | 'Calendar Year';
  from: 'due' | 'bill';
  graceDays: number;
  /** Only bills whose pending amount is above this earn interest (0: every bill). */
  aboveAmount: Paise;
}

export interface ReminderSettings {
  /** "HH:MM" in India's time. */
  schedule: ReminderSchedule;
  messagesPerMinute: number;
  /** Never the same party twice within this many days (0: no limit). */
  minDaysBetween: number;
  /** A scheduled run reminds parties whose overdue amount is above this. */
  minOverdue: Paise;
  /** Portal staff may use collections for their companies (partners always may). */
  staffAllowed: boolean;
  /** Interest where the ledger has no parameters in Tally; null: none. */
  interest: InterestSettings | null;
  /** Attach the statement's Excel copy (.xlsx) beside the PDF. */
  attachExcel: boolean;
}

export type SmtpSecurity = 'starttls' | 'tls' | 'none';

export interface SmtpSettingsView {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  /** A password is stored (encrypted); it is never sent back. */
  passwordStored: boolean;
  /** Whether this TallyConnect can keep a password at all (the desktop app can; serve mode cannot). */
  canStorePassword: boolean;
  /** Why not, in words, when it cannot. */
  passwordStorageNote: string | null;
}

export type RunEventPayload =
  | { type: 'started'; total: number }
  | { type: 'sending'; ledgerGuid: string; partyName: string; index: number; total: number }
  | { type: 'sent'; ledgerGuid: string; partyName: string }
  | { type: 'failed'; ledgerGuid: string; partyName: string; reason: string; message: string }
  | { type: 'skipped'; ledgerGuid: string; partyName: string; why: string }
  | { type: 'finished'; run: ReminderRunInfo }
  | { type: 'cancelled'; run: ReminderRunInfo };

/** A party's WhatsApp reminder: the text in its language and the links that open a chat with it typed in. */
export interface WhatsAppMessage {
  ledgerGuid: string;
  partyName: string;
  /** The party's mobile in +91 form. */
  mobile: string;
  language: MessageLanguage;
  text: string;
  /** web: https://wa.me/… (WhatsApp Web or the app, through the browser); app: whatsapp://send… */
  links: { web: string; app: string };
  /** Whether it was recorded in the party's log (as sent by hand). */
  logged: boolean;
}
