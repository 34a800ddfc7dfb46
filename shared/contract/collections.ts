import { z } from 'zod';
import type {
  CollectionParties,
  CompanyProfile,
  MessageLogEntry,
  ReminderRunInfo,
  ReminderSettings,
  RunPreview,
  SmtpSettingsView,
  WhatsAppMessage,
} from '../types/collections';
import { operation } from './define';
import { companyGuid, isoDate } from './schemas';

/**
 * Collections (issue 28): statements and payment reminders to parties. Open to the desktop owner and
 * portal partners; portal staff only where the company's owner allowed it (reminder settings
 * `staffAllowed`; electron/core/portal/access.ts). The mail password is write-only.
 */

const ledgerGuid = z.string().trim().min(1, 'ledgerGuid is required').max(200);
const runId = z.string().trim().min(1).max(100);
const paise = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const language = z.enum(['en', 'mr', 'hi']);

export const partySelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue-above'), amount: paise }).strict(),
  z
    .object({ kind: z.literal('groups'), groups: z.array(z.string().trim().min(1).max(200)).min(1).max(100) })
    .strict(),
  z.object({ kind: z.literal('parties'), ledgerGuids: z.array(ledgerGuid).min(1).max(5000) }).strict(),
]);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 10:30');

export const reminderSettingsSchema = z
  .object({
    schedule: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('off') }).strict(),
      z.object({ kind: z.literal('daily'), time }).strict(),
      z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(0).max(6), time }).strict(),
    ]),
    messagesPerMinute: z.number().int().min(1).max(120),
    minDaysBetween: z.number().int().min(0).max(365),
    minOverdue: paise,
    staffAllowed: z.boolean(),
    interest: z
      .object({
        ratePercent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage like 18 or 1.5'),
        style: z.enum(['365-Day Year', '30-Day Month', 'Calendar Month', 'Calendar Year']),
        from: z.enum(['due', 'bill']),
        graceDays: z.number().int().min(0).max(3650),
        aboveAmount: paise,
      })
      .strict()
      .nullable(),
    /** Attach the statement's Excel copy beside the PDF; absent: kept as it is. */
    attachExcel: z.boolean().optional(),
  })
  .strict();

const email = z.string().trim().email();

export const collectionOperations = {
  'company.profile': operation<CompanyProfile>()({
    input: z.object({ companyGuid }).strict(),
    description:
      "The company's own name, address, state, pincode, GSTIN and GST registration type as Tally keeps them (for statements and printed pages).",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.parties': operation<CollectionParties>()({
    input: z.object({ companyGuid, asOn: isoDate.optional() }).strict(),
    description:
      'Parties that owe the company, with their contacts (Tally’s or TallyConnect’s), total due, overdue, interest, exclusion and last reminder. asOn: today in India unless given.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.party.update': operation<{ ok: true }>()({
    input: z
      .object({
        companyGuid,
        ledgerGuid,
        /** TallyConnect's own e-mail(s) for the party (comma-separated); null clears it (Tally's applies). */
        email: z.string().trim().min(1).max(500).nullable().optional(),
        /** TallyConnect's own mobile; null clears it. */
        mobile: z.string().trim().min(1).max(30).nullable().optional(),
        excluded: z.boolean().optional(),
        language: language.nullable().optional(),
      })
      .strict(),
    description:
      "Sets or clears TallyConnect's own e-mail or mobile for a party (kept across syncs, marked as TallyConnect's), excludes or includes it in reminders, or sets its messages' language.",
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.preview': operation<RunPreview>()({
    input: z.object({ companyGuid, selection: partySelection, asOn: isoDate.optional() }).strict(),
    description:
      'Exactly what a reminder run would send to whom (recipients, subject, text, figures), and the chosen parties it would not: without an e-mail (with a WhatsApp link when they have a mobile), reminded recently, excluded.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.run.start': operation<ReminderRunInfo>()({
    input: z
      .object({ companyGuid, selection: partySelection, asOn: isoDate.optional(), runId: runId.optional() })
      .strict(),
    description:
      'Starts sending reminders now (paced; progress as collections.progress events). runId restarts an interrupted, cancelled or failed run: nobody it sent to is sent again.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.run.cancel': operation<{ cancelled: boolean }>()({
    input: z.object({ companyGuid, runId }).strict(),
    description: 'Stops a reminder run before its next party; false when it is not running.',
    errors: ['NOT_FOUND'],
  }),
  'collections.runs': operation<ReminderRunInfo[]>()({
    input: z.object({ companyGuid }).strict(),
    description: 'The company’s reminder runs, newest first, with what each sent.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.log': operation<MessageLogEntry[]>()({
    input: z.object({ companyGuid, ledgerGuid }).strict(),
    description:
      'Every message sent (or tried) to a party, newest first: when, to whom, channel, attachments and amounts as sent, the server’s answer or the error.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.whatsapp': operation<WhatsAppMessage>()({
    input: z
      .object({
        companyGuid,
        ledgerGuid,
        asOn: isoDate.optional(),
        /** True when the user opens WhatsApp with it: recorded in the party's log as sent by hand. */
        log: z.boolean(),
      })
      .strict(),
    description:
      "A party's reminder for WhatsApp: the text in its language with its figures and the links (https://wa.me/…, whatsapp://send…) that open a chat with it typed in, for the user to send by hand (nothing drives WhatsApp). With log: true it is recorded in the party's log.",
    errors: ['NOT_FOUND', 'VALIDATION', 'DATABASE'],
  }),
  'collections.settings.get': operation<ReminderSettings>()({
    input: z.object({ companyGuid }).strict(),
    description:
      'Reminder settings: schedule, pacing, minimum days between reminders, minimum overdue amount, staff access, interest where Tally has none, whether the Excel copy of the statement is attached.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.settings.set': operation<ReminderSettings>()({
    input: z.object({ companyGuid, settings: reminderSettingsSchema }).strict(),
    description: 'Stores the reminder settings (all or nothing; attachExcel absent keeps it as it is).',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.smtp.get': operation<SmtpSettingsView | null>()({
    input: z.object({ companyGuid }).strict(),
    description:
      'The mail server settings (never the password: only whether one is stored and whether this TallyConnect can store one); null when none are set.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.smtp.set': operation<SmtpSettingsView>()({
    input: z
      .object({
        companyGuid,
        host: z.string().trim().min(1).max(255),
        port: z.number().int().min(1).max(65_535),
        security: z.enum(['starttls', 'tls', 'none']),
        user: z.string().trim().max(255),
        fromName: z.string().trim().max(200),
        fromAddress: email,
        replyTo: email.nullable(),
        /** Absent: keep the stored password; null: remove it; text: replace it (kept encrypted). */
        password: z.string().max(500).nullable().optional(),
      })
      .strict(),
    description:
      'Stores the mail server settings; the password is kept encrypted by the system key store (desktop app) and refused where there is none (serve mode).',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
  'collections.smtp.test': operation<
    { ok: true; messageId: string } | { ok: false; reason: string; message: string }
  >()({
    input: z.object({ companyGuid }).strict(),
    description:
      'Sends a test message to the sending address with the stored settings and says what went wrong, if anything.',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
