import { randomUUID } from 'node:crypto';
import { DEFAULT_AGEING_BUCKETS } from '../../../shared/contract/reports';
import { formatDateIndian, type IsoDate, todayInIndia } from '../../../shared/dates';
import { statementSheet } from '../../../shared/print/statement';
import { statementWords } from '../../../shared/print/statement-words';
import { fileSafe, toXlsx } from '../../../shared/print/workbook';
import { AppError } from '../../../shared/errors';
import type {
  CollectionParties,
  PartySelectionInput,
  ReminderRunInfo,
  ReminderSettings,
  RunEventPayload,
  RunPreview,
  WhatsAppMessage,
} from '../../../shared/types/collections';
import type { Store } from '../db/store';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { billMovesAsOn } from '../reports/bill-history';
import { loadMasters } from '../reports/masters';
import { outstanding } from '../reports/outstanding';
import { DEFAULT_INTEREST, type InterestParameters } from './interest';
import { statementEmail, statementWhatsAppText } from './messages';
import { PartyStore, type StoredParty } from './party-store';
import {
  contentOf,
  type PartyContact,
  planReminders,
  realSleep,
  type ReminderPlan,
  type RunEvent,
  runReminders,
} from './reminder-run';
import { SqliteReminderStore } from './reminder-store-sqlite';
import type { SecretBox } from './secret-box';
import { CollectionSettingsStore } from './settings-store';
import {
  createSmtpSender,
  type EmailAttachment,
  nodemailerTransport,
  type TransportFactory,
} from './smtp-sender';
import { type PartyStatement, statementFor } from './statement';
import {
  type StatementPdf,
  type StatementPdfInput,
  statementCompanyOf,
  statementOfAccountFrom,
  statementPartyOf,
} from './statement-pdf';
import { effectiveInterest, interestFromFacts } from './tally-interest';
import { normaliseMobile, whatsAppLinks } from './whatsapp';

/**
 * Collections for the app: the parties with their contacts, overdue and interest, previews and reminder
 * runs (one at a time per company, paced, cancellable, each message logged before and after it goes
 * out), the settings and the mail server test. The handlers (service/collections-handlers.ts) and the
 * scheduler (scheduler.ts) call this; app.ts wires it.
 */

export type { StatementPdf } from './statement-pdf';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Statement-Asha Stores-25-11-2026.pdf": the party and the as-on date, nothing a file system refuses. */
export function statementFileName(statement: PartyStatement, extension: 'pdf' | 'xlsx'): string {
  return `Statement-${fileSafe(statement.partyName)}-${formatDateIndian(statement.asOn)}.${extension}`;
}

export interface CollectionsOptions {
  store: Store;
  events: EventBus;
  secretBox: SecretBox;
  now: () => Date;
  logger: Logger;
  /**
   * The statement PDF (the print engine in a headless page, from the adapter). Null, or unavailable (no
   * Chromium), at preview and start: e-mails go without it and the preview says why.
   */
  statementPdf: StatementPdf | null;
  /** The mail transport (tests may wrap nodemailer's); default nodemailer. */
  transport?: TransportFactory;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Extra certificate authorities to trust for the mail server (tests: the test server's). */
  smtpCa?: string;
  smtpTimeoutMs?: number;
  /**
   * Mark runs left "running" by a previous process as interrupted (default true). False for a second
   * process on the same database (the CLI, the MCP server) while the app may be sending.
   */
  recoverInterrupted?: boolean;
}

export interface StartRunOptions {
  companyGuid: string;
  selection: PartySelectionInput;
  asOn?: IsoDate;
  trigger?: 'manual' | 'schedule';
  /** Restarts a run (after a crash, a cancel or failures) without sending anyone twice. */
  runId?: string;
}

export interface CollectionsArea {
  readonly parties: PartyStore;
  readonly settings: CollectionSettingsStore;
  readonly log: SqliteReminderStore;
  listParties(companyGuid: string, asOn?: IsoDate): CollectionParties;
  preview(companyGuid: string, selection: PartySelectionInput, asOn?: IsoDate): RunPreview;
  /** Starts a run in the background; answers at once with the run as recorded. */
  startRun(options: StartRunOptions): ReminderRunInfo;
  /** Resolves when the run ends (tests, the scheduler). */
  finished(runId: string): Promise<ReminderRunInfo | null>;
  cancel(runId: string): boolean;
  /**
   * The WhatsApp message for a party (its figures in its language) with the links that open a chat with
   * it typed in; `log` records it as sent by hand (the user opened WhatsApp with it).
   */
  whatsApp(
    companyGuid: string,
    ledgerGuid: string,
    options: { asOn?: IsoDate; log: boolean },
  ): WhatsAppMessage;
  runningRun(companyGuid: string): string | null;
  testSmtp(
    companyGuid: string,
  ): Promise<{ ok: true; messageId: string } | { ok: false; reason: string; message: string }>;
  close(): Promise<void>;
}

const interestParameters = (settings: ReminderSettings): InterestParameters | null =>
  settings.interest === null ? null : { ...DEFAULT_INTEREST, ...settings.interest, source: 'tallyconnect' };

export function createCollectionsArea(options: CollectionsOptions): CollectionsArea {
  const { store, now } = options;
  const parties = new PartyStore(store.db, now);
  const settings = new CollectionSettingsStore(store.db, options.secretBox, now);
  const log = new SqliteReminderStore(store.db);
  const running = new Map<
    string,
    { companyGuid: string; controller: AbortController; done: Promise<void> }
  >();
  // A run a previous process did not finish (killed, power cut) is interrupted; restarting it with its id
  // sends nobody twice.
  if (!store.readonly && options.recoverInterrupted !== false) log.interruptRunning(now().toISOString());

  /** Receivable statements of every party that owes the company something, with interest. */
  function statements(
    companyGuid: string,
    asOn: IsoDate,
  ): { list: PartyStatement[]; stored: Map<string, StoredParty> } {
    const row = store.requireCompany(companyGuid);
    const masters = loadMasters(store.db, row);
    const report = outstanding(store.db, masters, {
      kind: 'receivable',
      asOn,
      buckets: [...DEFAULT_AGEING_BUCKETS],
    });
    const stored = parties.parties(companyGuid);
    const own = interestParameters(settings.reminderSettings(companyGuid));
    const profile = parties.profile(companyGuid);
    const owing = report.parties
      .filter((p) => p.total > 0)
      .map((p) => ({
        party: p,
        interest: effectiveInterest(interestFromFacts(stored.get(p.ledgerGuid)?.interest), own),
      }));
    // Each bill's moves (the bill, then part payments and notes against it), for the parties that are
    // charged interest, in one query: a part-paid bill earns on each slice for its own days.
    const moves = billMovesAsOn(
      store.db,
      row.id,
      owing
        .filter((o) => o.interest.parameters !== null)
        .flatMap((o) =>
          o.party.bills
            .filter((b) => !b.onAccount)
            .map((b) => ({ ledgerGuid: o.party.ledgerGuid, billName: b.billName })),
        ),
      asOn,
    );
    const list = owing.map(({ party, interest }) =>
      statementFor(party, {
        companyName: profile.mailingName,
        kind: 'receivable',
        asOn,
        interest: interest.parameters,
        interestNote: interest.note,
        movements: moves.get(party.ledgerGuid) ?? new Map(),
      }),
    );
    return { list, stored };
  }

  function contactsOf(stored: Map<string, StoredParty>): Map<string, PartyContact> {
    const contacts = new Map<string, PartyContact>();
    for (const p of stored.values())
      contacts.set(p.ledgerGuid, {
        ledgerGuid: p.ledgerGuid,
        emails: p.emails,
        cc: p.cc,
        mobile: p.contact.mobile?.value ?? null,
        language: p.language,
      });
    return contacts;
  }

  /** The group names a group selection covers: each chosen group and every group under it. */
  function groupsUnder(companyGuid: string, groups: readonly string[]): string[] {
    const masters = loadMasters(store.db, store.requireCompany(companyGuid));
    const names = new Set<string>(groups);
    for (const g of groups) for (const l of masters.ledgersUnder(g)) names.add(l.group.name);
    return [...names];
  }

  function plan(
    companyGuid: string,
    selection: PartySelectionInput,
    asOn: IsoDate,
  ): {
    plan: ReminderPlan;
    excluded: PartyStatement[];
  } {
    const { list, stored } = statements(companyGuid, asOn);
    const reminder = settings.reminderSettings(companyGuid);
    const excludedGuids = [...stored.values()].filter((p) => p.excluded).map((p) => p.ledgerGuid);
    const resolved =
      selection.kind === 'groups'
        ? { kind: 'groups' as const, groups: groupsUnder(companyGuid, selection.groups) }
        : selection;
    const picked = planReminders(
      list,
      contactsOf(stored),
      log,
      {
        companyGuid,
        selection: resolved,
        exclude: excludedGuids,
        minDaysBetween: reminder.minDaysBetween,
      },
      now(),
    );
    const chosen = planReminders(
      list,
      contactsOf(stored),
      log,
      {
        companyGuid,
        selection: resolved,
        minDaysBetween: 0,
      },
      now(),
    );
    const excludedSet = new Set(excludedGuids);
    const excluded = [
      ...chosen.toSend.map((t) => t.statement),
      ...chosen.withoutEmail.map((w) => w.statement),
    ].filter((s) => excludedSet.has(s.ledgerGuid));
    return { plan: picked, excluded };
  }

  /** Why the statement PDF cannot be made here; null when it can. */
  function pdfProblem(): string | null {
    if (options.statementPdf === null)
      return 'This TallyConnect has no PDF maker for statements (they can be printed from the Outstanding screen)';
    return options.statementPdf.unavailable();
  }

  /**
   * Each party's attachments: the statement PDF (the company's letterhead from its profile, the party's
   * address from its ledger, in the party's language) and, when asked for, the same statement as .xlsx.
   */
  function statementAttachments(
    companyGuid: string,
    p: ReminderPlan,
    pdf: StatementPdf | null,
    excel: boolean,
  ): (statement: PartyStatement) => Promise<EmailAttachment[]> {
    const company = statementCompanyOf(parties.profile(companyGuid));
    const stored = parties.parties(companyGuid);
    const languages = new Map(p.toSend.map((t) => [t.statement.ledgerGuid, t.contact.language]));
    return async (statement) => {
      const input: StatementPdfInput = {
        statement,
        company,
        party: statementPartyOf(stored.get(statement.ledgerGuid)?.contact ?? null),
        language: languages.get(statement.ledgerGuid) ?? 'en',
      };
      const files: EmailAttachment[] = [];
      if (pdf)
        files.push({
          filename: statementFileName(statement, 'pdf'),
          content: Buffer.from(await pdf.make(input)),
          contentType: 'application/pdf',
        });
      if (excel) {
        const sheet = statementSheet(statementOfAccountFrom(input), statementWords(input.language));
        files.push({
          filename: statementFileName(statement, 'xlsx'),
          content: Buffer.from(new Uint8Array(await toXlsx(sheet))),
          contentType: XLSX_TYPE,
        });
      }
      return files;
    };
  }

  function emit(companyGuid: string, runId: string, event: RunEventPayload): void {
    options.events.emit('collections.progress', { companyGuid, runId, event });
  }

  const toPayload = (event: RunEvent): RunEventPayload | null => {
    switch (event.type) {
      case 'started':
        return { type: 'started', total: event.total };
      case 'sending':
        return event;
      case 'sent':
        return { type: 'sent', ledgerGuid: event.ledgerGuid, partyName: event.partyName };
      case 'failed':
        return event;
      case 'skipped':
        return event;
      default:
        return null;
    }
  };

  const area: CollectionsArea = {
    parties,
    settings,
    log,

    listParties(companyGuid, asOn = todayInIndia(now())) {
      const { list, stored } = statements(companyGuid, asOn);
      const last = log.lastSentByParty(companyGuid);
      return {
        companyGuid,
        asOn,
        parties: list.map((s) => {
          const p = stored.get(s.ledgerGuid);
          return {
            ledgerGuid: s.ledgerGuid,
            name: s.partyName,
            group: s.group,
            contact: p?.contact ?? {
              mailingName: null,
              address: [],
              state: null,
              pincode: null,
              country: null,
              gstin: null,
              contactPerson: null,
              phone: null,
              email: null,
              emailCc: null,
              mobile: null,
              tallyEmail: null,
              tallyMobile: null,
            },
            excluded: p?.excluded ?? false,
            language: p?.language ?? 'en',
            totalDue: s.totalDue,
            overdue: s.overdue,
            interest: s.interest,
            interestNote: s.interestNote,
            overdueBills: s.bills.filter((b) => b.overdueDays > 0).length,
            lastReminderAt: last.get(s.ledgerGuid) ?? null,
          };
        }),
      };
    },

    preview(companyGuid, selection, asOn = todayInIndia(now())) {
      const { plan: p, excluded } = plan(companyGuid, selection, asOn);
      const problem = pdfProblem();
      const excel = settings.reminderSettings(companyGuid).attachExcel;
      return {
        companyGuid,
        asOn,
        statementProblem: problem,
        messages: p.toSend.map(({ statement, contact }) => {
          const email = statementEmail(statement, contact.language, { attached: problem === null });
          return {
            ledgerGuid: statement.ledgerGuid,
            partyName: statement.partyName,
            to: [...contact.emails],
            cc: [...(contact.cc ?? [])],
            subject: email.subject,
            text: email.text,
            language: contact.language,
            totalDue: statement.totalDue,
            overdue: statement.overdue,
            interest: statement.interest,
            attachesStatement: problem === null,
            attachmentName: problem === null ? statementFileName(statement, 'pdf') : null,
            attachments: [
              ...(problem === null ? [statementFileName(statement, 'pdf')] : []),
              ...(excel ? [statementFileName(statement, 'xlsx')] : []),
            ],
          };
        }),
        withoutEmail: p.withoutEmail.map((w) => ({
          ledgerGuid: w.statement.ledgerGuid,
          partyName: w.statement.partyName,
          problem: w.problem,
          mobile: parties.parties(companyGuid).get(w.statement.ledgerGuid)?.contact.mobile?.value ?? null,
          whatsApp: w.whatsApp,
        })),
        recentlySent: p.recentlySent.map((r) => ({
          ledgerGuid: r.statement.ledgerGuid,
          partyName: r.statement.partyName,
          lastSentAt: r.lastSentAt,
        })),
        excluded: excluded.map((s) => ({ ledgerGuid: s.ledgerGuid, partyName: s.partyName })),
      };
    },

    startRun(start) {
      const { companyGuid } = start;
      const busy = area.runningRun(companyGuid);
      if (busy !== null)
        throw new AppError(
          'VALIDATION',
          `A reminder run (${busy}) is already sending for this company; cancel it or wait`,
          {
            runId: busy,
          },
        );
      const asOn = start.asOn ?? todayInIndia(now());
      const reminder = settings.reminderSettings(companyGuid);
      // Checked before anything is recorded: a run that cannot send must not look started.
      const smtp = settings.senderSettings(companyGuid);
      const runId = start.runId ?? randomUUID();
      if (start.runId !== undefined && log.run(start.runId) === null)
        throw new AppError('NOT_FOUND', `No reminder run ${start.runId} to restart`, { runId: start.runId });
      const { plan: p } = plan(companyGuid, start.selection, asOn);
      log.startRun(runId, companyGuid, start.trigger ?? 'manual', now().toISOString(), {
        selection: start.selection,
        asOn,
      });
      const sender = createSmtpSender(
        {
          ...smtp,
          ...(options.smtpCa !== undefined ? { ca: options.smtpCa } : {}),
          ...(options.smtpTimeoutMs !== undefined ? { timeoutMs: options.smtpTimeoutMs } : {}),
        },
        options.transport ?? nodemailerTransport,
      );
      const controller = new AbortController();
      // Decided once, as the preview showed it: with the PDF (then a party whose PDF fails is not sent)
      // or without it (no renderer here, and the preview said why).
      const pdf = pdfProblem() === null ? options.statementPdf : null;
      const attachmentsFor =
        pdf || reminder.attachExcel ? statementAttachments(companyGuid, p, pdf, reminder.attachExcel) : null;
      const done = runReminders(
        p,
        {
          store: log,
          sender,
          clock: now,
          sleep: options.sleep ?? realSleep,
          ...(attachmentsFor ? { attachmentsFor } : {}),
          onEvent: (event) => {
            const payload = toPayload(event);
            if (payload) emit(companyGuid, runId, payload);
          },
        },
        { runId, messagesPerMinute: reminder.messagesPerMinute, signal: controller.signal },
      )
        .then((summary) => {
          // Half-sent parties of an earlier attempt: the plan may have left them out as recently reminded.
          const halfSent = log
            .runLog(runId)
            .filter((m) => m.state === 'sending')
            .map((m) => m.ledgerGuid);
          log.finishRun(runId, summary.cancelled ? 'cancelled' : 'finished', now().toISOString(), {
            total: p.toSend.length,
            sent: summary.sent,
            failed: summary.failed,
            skipped: summary.skipped,
            uncertain: [...new Set([...summary.uncertain, ...halfSent])],
            error: null,
          });
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          options.logger.error('reminder run failed', { runId, error });
          log.finishRun(runId, 'failed', now().toISOString(), {
            total: p.toSend.length,
            sent: 0,
            failed: 0,
            skipped: 0,
            uncertain: [],
            error: message,
          });
        })
        .finally(() => {
          running.delete(runId);
          const info = log.run(runId);
          if (info)
            emit(
              companyGuid,
              runId,
              info.status === 'cancelled'
                ? { type: 'cancelled', run: info }
                : { type: 'finished', run: info },
            );
        });
      running.set(runId, { companyGuid, controller, done });
      return log.run(runId) as ReminderRunInfo;
    },

    async finished(runId) {
      await running.get(runId)?.done;
      return log.run(runId);
    },

    cancel(runId) {
      const run = running.get(runId);
      if (!run) return false;
      run.controller.abort();
      return true;
    },

    whatsApp(companyGuid, ledgerGuid, { asOn = todayInIndia(now()), log: record }) {
      const { list, stored } = statements(companyGuid, asOn);
      const statement = list.find((s) => s.ledgerGuid === ledgerGuid);
      if (!statement)
        throw new AppError('NOT_FOUND', `The party ${ledgerGuid} owes nothing as on ${asOn}`, { ledgerGuid });
      const party = stored.get(ledgerGuid);
      const mobile = party?.contact.mobile?.value ?? null;
      if (mobile === null)
        throw new AppError('VALIDATION', `${statement.partyName} has no mobile number`, { field: 'mobile' });
      const phone = normaliseMobile(mobile);
      if (!phone.ok) throw new AppError('VALIDATION', phone.message, { field: 'mobile' });
      const language = party?.language ?? 'en';
      const text = statementWhatsAppText(statement, language);
      const links = whatsAppLinks(phone.e164, text);
      if (record) {
        // A run of its own (the log's rows belong to a run), finished at once: the user sends it by hand.
        const runId = randomUUID();
        const at = now().toISOString();
        store.db.transaction(() => {
          log.startRun(runId, companyGuid, 'manual', at, {
            selection: { kind: 'parties', ledgerGuids: [ledgerGuid] },
            asOn,
            channel: 'whatsapp',
          });
          log.logWhatsApp(runId, companyGuid, ledgerGuid, at, {
            partyName: statement.partyName,
            mobile: phone.e164,
            content: contentOf(statement, language, []),
          });
          log.finishRun(runId, 'finished', at, {
            total: 1,
            sent: 1,
            failed: 0,
            skipped: 0,
            uncertain: [],
            error: null,
          });
        })();
      }
      return {
        ledgerGuid,
        partyName: statement.partyName,
        mobile: phone.e164,
        language,
        text,
        links,
        logged: record,
      };
    },

    runningRun(companyGuid) {
      for (const [id, run] of running) if (run.companyGuid === companyGuid) return id;
      return null;
    },

    async testSmtp(companyGuid) {
      const smtp = settings.senderSettings(companyGuid);
      const sender = createSmtpSender(
        {
          ...smtp,
          ...(options.smtpCa !== undefined ? { ca: options.smtpCa } : {}),
          ...(options.smtpTimeoutMs !== undefined ? { timeoutMs: options.smtpTimeoutMs } : {}),
        },
        options.transport ?? nodemailerTransport,
      );
      // A real message to the sending address itself: proves the login and that the server takes mail.
      const result = await sender.send({
        to: [smtp.from.address],
        subject: 'TallyConnect: mail settings work',
        text: 'This message was sent by TallyConnect to check the mail settings. No reply is needed.\n',
      });
      return result.ok
        ? { ok: true as const, messageId: result.messageId }
        : { ok: false as const, reason: result.reason, message: result.message };
    },

    async close() {
      for (const run of running.values()) run.controller.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
  return area;
}
