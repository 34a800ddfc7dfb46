import { createHash } from 'node:crypto';
import { daysBetween, todayInIndia } from '../../../shared/dates';
import type { Paise } from '../../../shared/money';
import type { MessageLanguage } from './messages';
import { statementEmail, statementWhatsAppText } from './messages';
import type { DeliveryFailureReason, ReminderStore, SendingDetails, SentContent } from './reminder-store';
import type { EmailAttachment, EmailSender } from './smtp-sender';
import type { PartyStatement } from './statement';
import { normaliseMobile, whatsAppLinks, type WhatsAppLinks } from './whatsapp';

/** A party's contact details (kept in TallyConnect; Tally's ledger e-mail and mobile fill them first). */
export interface PartyContact {
  ledgerGuid: string;
  emails: readonly string[];
  /** Copied on the e-mail (Tally's CC e-mail); absent: none. */
  cc?: readonly string[];
  mobile: string | null;
  language: MessageLanguage;
}

export type PartySelection =
  | { kind: 'overdue-above'; amount: Paise }
  /** The chosen group and its sub-groups, already expanded by the caller from the masters. */
  | { kind: 'groups'; groups: readonly string[] }
  | { kind: 'parties'; ledgerGuids: readonly string[] };

export interface PlanCriteria {
  companyGuid: string;
  selection: PartySelection;
  exclude?: readonly string[];
  /** Never the same party twice within this many days (0: no limit). */
  minDaysBetween: number;
}

export interface PlannedParty {
  statement: PartyStatement;
  contact: PartyContact;
}

export interface PartyWithoutEmail {
  statement: PartyStatement;
  /** A link to send the WhatsApp text by hand, when the party has a usable mobile. */
  whatsApp: WhatsAppLinks | null;
  problem: string;
}

export interface ReminderPlan {
  companyGuid: string;
  minDaysBetween: number;
  /** Parties the run will e-mail, in the order chosen. */
  toSend: PlannedParty[];
  /** Chosen but without an e-mail address: listed for the accountant, never silently skipped. */
  withoutEmail: PartyWithoutEmail[];
  /** Chosen but reminded within the last N days. */
  recentlySent: { statement: PartyStatement; lastSentAt: string }[];
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function chosen(statement: PartyStatement, selection: PartySelection): boolean {
  if (selection.kind === 'overdue-above') return statement.overdue > selection.amount;
  if (selection.kind === 'groups') return selection.groups.includes(statement.group);
  return selection.ledgerGuids.includes(statement.ledgerGuid);
}

/** Days since a timestamp, in India's calendar (a reminder sent late last evening was "yesterday"). */
const daysSince = (at: string, now: Date): number =>
  daysBetween(todayInIndia(new Date(at)), todayInIndia(now));

/**
 * Which parties a reminder run sends to: the chosen ones less the excluded, those reminded within the
 * last N days and those without an e-mail address (both listed). Parties picked by hand keep their order;
 * the others go largest overdue first.
 */
export function planReminders(
  statements: readonly PartyStatement[],
  contacts: ReadonlyMap<string, PartyContact>,
  store: ReminderStore,
  criteria: PlanCriteria,
  now: Date,
): ReminderPlan {
  const excluded = new Set(criteria.exclude ?? []);
  let picked = statements.filter((s) => chosen(s, criteria.selection) && !excluded.has(s.ledgerGuid));
  if (criteria.selection.kind === 'parties') {
    const order = criteria.selection.ledgerGuids;
    picked = [...picked].sort((a, b) => order.indexOf(a.ledgerGuid) - order.indexOf(b.ledgerGuid));
  } else {
    picked = [...picked].sort((a, b) => b.overdue - a.overdue || a.partyName.localeCompare(b.partyName));
  }
  const plan: ReminderPlan = {
    companyGuid: criteria.companyGuid,
    minDaysBetween: criteria.minDaysBetween,
    toSend: [],
    withoutEmail: [],
    recentlySent: [],
  };
  for (const statement of picked) {
    const last = store.lastSentAt(criteria.companyGuid, statement.ledgerGuid);
    if (last !== null && criteria.minDaysBetween > 0 && daysSince(last, now) < criteria.minDaysBetween) {
      plan.recentlySent.push({ statement, lastSentAt: last });
      continue;
    }
    const contact = contacts.get(statement.ledgerGuid);
    const emails = (contact?.emails ?? []).map((e) => e.trim()).filter((e) => e !== '');
    const bad = emails.filter((e) => !EMAIL_RE.test(e));
    if (!contact || emails.length === 0 || bad.length > 0) {
      const mobile = contact?.mobile ? normaliseMobile(contact.mobile) : null;
      plan.withoutEmail.push({
        statement,
        whatsApp:
          mobile?.ok && contact
            ? whatsAppLinks(mobile.e164, statementWhatsAppText(statement, contact.language))
            : null,
        problem: bad.length > 0 ? `"${bad[0]}" is not an e-mail address` : 'No e-mail address',
      });
      continue;
    }
    plan.toSend.push({ statement, contact: { ...contact, emails } });
  }
  return plan;
}

// ---- running ---------------------------------------------------------------------------------------

/** What the log keeps of a message: its attachments (names and sizes) and the figures as sent. */
export function contentOf(
  statement: PartyStatement,
  language: MessageLanguage,
  attachments: readonly EmailAttachment[],
): SentContent {
  return {
    language,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      bytes: a.content.length,
      contentType: a.contentType,
      sha256: createHash('sha256').update(a.content).digest('hex'),
    })),
    amounts: {
      asOn: statement.asOn,
      totalDue: statement.totalDue,
      overdue: statement.overdue,
      interest: statement.interest,
      bills: statement.bills.map((b) => ({
        billName: b.billName,
        dueDate: b.dueDate,
        overdueDays: b.overdueDays,
        amount: b.amount,
        interest: b.interest,
      })),
    },
  };
}

export type RunEvent =
  | { type: 'started'; runId: string; total: number }
  | { type: 'sending'; ledgerGuid: string; partyName: string; index: number; total: number }
  | { type: 'sent'; ledgerGuid: string; partyName: string; messageId: string; rejected: string[] }
  | {
      type: 'failed';
      ledgerGuid: string;
      partyName: string;
      reason: DeliveryFailureReason;
      message: string;
    }
  | {
      type: 'skipped';
      ledgerGuid: string;
      partyName: string;
      /** already-sent: by this run before a restart; uncertain: a restart found it half-sent; recently-sent. */
      why: 'already-sent' | 'uncertain' | 'recently-sent';
    }
  | { type: 'finished'; summary: RunSummary }
  | { type: 'cancelled'; summary: RunSummary };

export interface RunSummary {
  runId: string;
  sent: number;
  failed: number;
  skipped: number;
  /** Parties a restart found "sending": they may have the message; the accountant decides. */
  uncertain: string[];
  cancelled: boolean;
}

export interface RunDependencies {
  store: ReminderStore;
  sender: EmailSender;
  clock: () => Date;
  /** Waits; resolves early when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The party's attachments (the statement PDF, its Excel copy); absent: e-mails go without. When they
   * cannot be made the party's delivery fails (reason 'attachment') and the run goes on: nothing goes out
   * other than what the preview showed.
   */
  attachmentsFor?: (statement: PartyStatement) => Promise<EmailAttachment[]>;
  onEvent?: (event: RunEvent) => void;
}

export interface RunOptions {
  /** The same id resumes a run after a crash: parties it sent are not sent again. */
  runId: string;
  messagesPerMinute: number;
  signal?: AbortSignal;
  /**
   * How many of the next parties' attachments are made while a message is being sent (default 2), so the
   * PDFs of the next parties (two at once where the renderer has two pages, serve's Chromium) and the SMTP
   * conversation of this one overlap. 0: each is made just before its message.
   */
  prepareAhead?: number;
}

type Prepared = { ok: true; attachments: EmailAttachment[] } | { ok: false; message: string };

/** A sleep that really waits, for the app; tests inject their own. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Sends the plan's e-mails one by one, paced to `messagesPerMinute`, recording each delivery before and
 * after sending. One party's failure never stops the run; cancelling stops it before the next party.
 */
export async function runReminders(
  plan: ReminderPlan,
  deps: RunDependencies,
  options: RunOptions,
): Promise<RunSummary> {
  if (!(options.messagesPerMinute > 0))
    throw new RangeError(`Messages per minute must be above 0, not ${options.messagesPerMinute}`);
  const { store, sender, clock } = deps;
  const emit = (event: RunEvent): void => deps.onEvent?.(event);
  const gapMs = Math.ceil(60_000 / options.messagesPerMinute);
  const summary: RunSummary = {
    runId: options.runId,
    sent: 0,
    failed: 0,
    skipped: 0,
    uncertain: [],
    cancelled: false,
  };
  const total = plan.toSend.length;
  const ahead = Math.max(0, Math.floor(options.prepareAhead ?? 2));
  // Each party's attachments, started at most once; a failure is an answer, never an unhandled rejection.
  const prepared = new Map<number, Promise<Prepared>>();
  const prepare = (index: number): Promise<Prepared> => {
    let made = prepared.get(index);
    if (!made) {
      const statement = plan.toSend[index]!.statement;
      made = deps.attachmentsFor
        ? deps.attachmentsFor(statement).then(
            (attachments): Prepared => ({ ok: true, attachments }),
            (error: unknown): Prepared => ({
              ok: false,
              message: `The statement to attach could not be made, so nothing was sent: ${error instanceof Error ? error.message : String(error)}`,
            }),
          )
        : Promise.resolve({ ok: true, attachments: [] });
      prepared.set(index, made);
    }
    return made;
  };
  /** Starts the next parties' attachments (those this run has not already sent or half-sent). */
  const prepareNext = (index: number): void => {
    if (!deps.attachmentsFor) return;
    for (let next = index + 1; next <= index + ahead && next < total; next += 1) {
      const state = store.delivery(options.runId, plan.toSend[next]!.statement.ledgerGuid)?.state;
      if (state !== 'sent' && state !== 'sending') void prepare(next);
    }
  };
  emit({ type: 'started', runId: options.runId, total });
  let sentBefore = false;
  for (const [index, { statement, contact }] of plan.toSend.entries()) {
    const party = { ledgerGuid: statement.ledgerGuid, partyName: statement.partyName };
    const skip = (why: 'already-sent' | 'uncertain' | 'recently-sent'): void => {
      summary.skipped++;
      if (why === 'uncertain') summary.uncertain.push(statement.ledgerGuid);
      emit({ type: 'skipped', ...party, why });
    };
    if (options.signal?.aborted) break;
    const previous = store.delivery(options.runId, statement.ledgerGuid);
    if (previous?.state === 'sent') {
      skip('already-sent');
      continue;
    }
    if (previous?.state === 'sending') {
      skip('uncertain');
      continue;
    }
    // Another run may have reminded the party since the plan was made.
    const last = store.lastSentAt(plan.companyGuid, statement.ledgerGuid);
    if (last !== null && plan.minDaysBetween > 0 && daysSince(last, clock()) < plan.minDaysBetween) {
      skip('recently-sent');
      continue;
    }
    if (sentBefore) {
      // The next party's attachments are made during the pause.
      void prepare(index);
      await deps.sleep(gapMs, options.signal);
      if (options.signal?.aborted) break;
    }
    const made = await prepare(index);
    prepared.delete(index);
    if (options.signal?.aborted) break;
    const attachments = made.ok ? made.attachments : [];
    // The text says a statement is attached only when its PDF goes with it.
    const email = statementEmail(statement, contact.language, {
      attached: attachments.some((a) => a.contentType === 'application/pdf'),
    });
    const cc = contact.cc ?? [];
    const details: SendingDetails = {
      partyName: statement.partyName,
      to: contact.emails,
      cc,
      subject: email.subject,
      content: contentOf(statement, contact.language, attachments),
    };
    if (
      !store.markSending(
        options.runId,
        plan.companyGuid,
        statement.ledgerGuid,
        clock().toISOString(),
        details,
      )
    ) {
      skip('already-sent');
      continue;
    }
    emit({ type: 'sending', ...party, index, total });
    sentBefore = true;
    if (!made.ok) {
      store.markFailed(
        options.runId,
        statement.ledgerGuid,
        clock().toISOString(),
        'attachment',
        made.message,
      );
      summary.failed++;
      emit({ type: 'failed', ...party, reason: 'attachment', message: made.message });
      continue;
    }
    prepareNext(index);
    const result = await sender
      .send({
        to: contact.emails,
        ...(cc.length > 0 ? { cc } : {}),
        subject: email.subject,
        text: email.text,
        attachments,
      })
      .catch((error: unknown) => ({
        ok: false as const,
        reason: 'unknown' as const,
        message: `Sending failed: ${error instanceof Error ? error.message : String(error)}`,
        serverResponse: null,
      }));
    if (result.ok) {
      store.markSent(
        options.runId,
        statement.ledgerGuid,
        clock().toISOString(),
        result.messageId,
        `accepted: ${result.accepted.join(', ') || '-'}; refused: ${result.rejected.join(', ') || '-'}`,
      );
      summary.sent++;
      emit({ type: 'sent', ...party, messageId: result.messageId, rejected: result.rejected });
    } else {
      store.markFailed(
        options.runId,
        statement.ledgerGuid,
        clock().toISOString(),
        result.reason,
        result.message,
        result.serverResponse,
      );
      summary.failed++;
      emit({ type: 'failed', ...party, reason: result.reason, message: result.message });
    }
  }
  if (options.signal?.aborted) {
    summary.cancelled = true;
    emit({ type: 'cancelled', summary });
  } else emit({ type: 'finished', summary });
  return summary;
}
