import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { MessageLogEntry, ReminderRunInfo, ReminderRunStatus } from '../../../shared/types/collections';
import type {
  Delivery,
  DeliveryFailureReason,
  ReminderStore,
  SendingDetails,
  SentContent,
} from './reminder-store';

/**
 * The reminder log in SQLite (schema v15: reminder_runs, reminder_messages). Every message is one row,
 * written "sending" before it goes out and "sent" or "failed" after, each change one statement (atomic,
 * durable at commit): a run killed half-way and restarted with the same id finds what it sent and what it
 * may have sent, and sends neither again. "Never twice within N days" reads the same rows.
 */

export interface RunCriteriaRecord {
  /** What the run was asked to send (kept to show and to restart it). */
  [key: string]: unknown;
}

interface MessageRow {
  id: number;
  run_id: string;
  ledger_guid: string;
  party_name: string;
  channel: 'email' | 'whatsapp';
  state: 'sending' | 'sent' | 'failed';
  started_at: string;
  at: string;
  recipients: string;
  subject: string | null;
  content: string;
  message_id: string | null;
  server_response: string | null;
  reason: string | null;
  error: string | null;
}

interface RunRow {
  id: string;
  company_guid: string;
  trigger: 'manual' | 'schedule';
  status: ReminderRunStatus;
  started_at: string;
  finished_at: string | null;
  summary: string | null;
}

export interface RunSummaryRecord {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: string[];
  error: string | null;
}

const EMPTY_CONTENT: SentContent = {
  language: 'en',
  attachments: [],
  amounts: { asOn: '', totalDue: 0, overdue: 0, interest: 0, bills: [] },
};

export class SqliteReminderStore implements ReminderStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      companyId: db.prepare('SELECT id FROM companies WHERE guid = ?').pluck(),
      delivery: db.prepare(`SELECT m.*, c.guid AS company_guid FROM reminder_messages m
          JOIN companies c ON c.id = m.company_id WHERE m.run_id = ? AND m.ledger_guid = ? AND m.channel = 'email'`),
      lastSent: db
        .prepare(
          `SELECT max(at) FROM reminder_messages WHERE company_id = ? AND ledger_guid = ? AND state <> 'failed'`,
        )
        .pluck(),
      lastSentAll: db.prepare(`SELECT ledger_guid AS ledgerGuid, max(at) AS at FROM reminder_messages
          WHERE company_id = ? AND state <> 'failed' GROUP BY ledger_guid`),
      sending:
        db.prepare(`INSERT INTO reminder_messages (run_id, company_id, ledger_guid, party_name, channel,
          state, started_at, at, recipients, subject, content)
          VALUES (@runId, @companyId, @ledgerGuid, @partyName, 'email', 'sending', @at, @at, @recipients,
            @subject, @content)
          ON CONFLICT (run_id, ledger_guid, channel) DO UPDATE SET state = 'sending', started_at = excluded.at,
            at = excluded.at, party_name = excluded.party_name, recipients = excluded.recipients,
            subject = excluded.subject, content = excluded.content, message_id = NULL, server_response = NULL,
            reason = NULL, error = NULL
          WHERE reminder_messages.state = 'failed'`),
      sent: db.prepare(`UPDATE reminder_messages SET state = 'sent', at = ?, message_id = ?, server_response = ?
          WHERE run_id = ? AND ledger_guid = ? AND channel = 'email'`),
      failed: db.prepare(`UPDATE reminder_messages SET state = 'failed', at = ?, reason = ?, error = ?,
          server_response = ? WHERE run_id = ? AND ledger_guid = ? AND channel = 'email'`),
      whatsapp:
        db.prepare(`INSERT INTO reminder_messages (run_id, company_id, ledger_guid, party_name, channel,
          state, started_at, at, recipients, subject, content)
          VALUES (@runId, @companyId, @ledgerGuid, @partyName, 'whatsapp', 'sent', @at, @at, @recipients, NULL,
            @content)
          ON CONFLICT (run_id, ledger_guid, channel) DO UPDATE SET at = excluded.at`),
      insertRun: db.prepare(`INSERT INTO reminder_runs (id, company_id, trigger, started_at, status, criteria)
          VALUES (?, ?, ?, ?, 'running', ?)`),
      restartRun: db.prepare(
        `UPDATE reminder_runs SET status = 'running', finished_at = NULL WHERE id = ? AND company_id = ?`,
      ),
      finishRun: db.prepare('UPDATE reminder_runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?'),
      interrupt: db.prepare(
        `UPDATE reminder_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'`,
      ),
      run: db.prepare(`SELECT r.id, c.guid AS company_guid, r.trigger, r.status, r.started_at, r.finished_at,
          r.summary FROM reminder_runs r JOIN companies c ON c.id = r.company_id WHERE r.id = ?`),
      runCriteria: db.prepare('SELECT criteria FROM reminder_runs WHERE id = ?').pluck(),
      runs: db.prepare(`SELECT r.id, c.guid AS company_guid, r.trigger, r.status, r.started_at, r.finished_at,
          r.summary FROM reminder_runs r JOIN companies c ON c.id = r.company_id WHERE r.company_id = ?
          ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?`),
      lastScheduled: db
        .prepare(`SELECT max(started_at) FROM reminder_runs WHERE company_id = ? AND trigger = 'schedule'`)
        .pluck(),
      messagesOfParty: db.prepare(`SELECT * FROM reminder_messages WHERE company_id = ? AND ledger_guid = ?
          ORDER BY at DESC, id DESC LIMIT ?`),
      messagesOfRun: db.prepare('SELECT * FROM reminder_messages WHERE run_id = ? ORDER BY id'),
    };
  }

  private companyId(companyGuid: string): number {
    const id = this.s.companyId.get(companyGuid) as number | undefined;
    if (id === undefined)
      throw new AppError('NOT_FOUND', `No company with GUID "${companyGuid}" in the local store`, {
        companyGuid,
      });
    return id;
  }

  // ---- ReminderStore -----------------------------------------------------------------------------

  delivery(runId: string, ledgerGuid: string): Delivery | null {
    const row = this.s.delivery.get(runId, ledgerGuid) as (MessageRow & { company_guid: string }) | undefined;
    if (!row) return null;
    return {
      runId: row.run_id,
      companyGuid: row.company_guid,
      ledgerGuid: row.ledger_guid,
      state: row.state,
      at: row.at,
      ...(row.message_id !== null ? { messageId: row.message_id } : {}),
      ...(row.reason !== null ? { reason: row.reason as DeliveryFailureReason } : {}),
      ...(row.error !== null ? { message: row.error } : {}),
    };
  }

  lastSentAt(companyGuid: string, ledgerGuid: string): string | null {
    return (this.s.lastSent.get(this.companyId(companyGuid), ledgerGuid) as string | null) ?? null;
  }

  markSending(
    runId: string,
    companyGuid: string,
    ledgerGuid: string,
    at: string,
    details?: SendingDetails,
  ): boolean {
    const result = this.s.sending.run({
      runId,
      companyId: this.companyId(companyGuid),
      ledgerGuid,
      partyName: details?.partyName ?? ledgerGuid,
      at,
      recipients: JSON.stringify({ to: details?.to ?? [], cc: details?.cc ?? [] }),
      subject: details?.subject ?? null,
      content: JSON.stringify(details?.content ?? EMPTY_CONTENT),
    });
    return result.changes > 0;
  }

  markSent(runId: string, ledgerGuid: string, at: string, messageId: string, serverResponse?: string): void {
    this.require(
      this.s.sent.run(at, messageId, serverResponse ?? null, runId, ledgerGuid).changes,
      runId,
      ledgerGuid,
    );
  }

  markFailed(
    runId: string,
    ledgerGuid: string,
    at: string,
    reason: DeliveryFailureReason,
    message: string,
    serverResponse?: string | null,
  ): void {
    this.require(
      this.s.failed.run(at, reason, message, serverResponse ?? null, runId, ledgerGuid).changes,
      runId,
      ledgerGuid,
    );
  }

  private require(changes: number, runId: string, ledgerGuid: string): void {
    if (changes === 0) throw new Error(`No delivery to ${ledgerGuid} was started in run ${runId}`);
  }

  // ---- runs and the log --------------------------------------------------------------------------

  /** Each party's last reminder (sent or possibly sent), for the party list. */
  lastSentByParty(companyGuid: string): Map<string, string> {
    const rows = this.s.lastSentAll.all(this.companyId(companyGuid)) as { ledgerGuid: string; at: string }[];
    return new Map(rows.map((r) => [r.ledgerGuid, r.at]));
  }

  /**
   * Records a run about to start; a run id already stored (a restart after a crash or a cancel) is
   * marked running again, its messages kept. The company must match.
   */
  startRun(
    runId: string,
    companyGuid: string,
    trigger: 'manual' | 'schedule',
    at: string,
    criteria: RunCriteriaRecord,
  ): 'new' | 'resumed' {
    const companyId = this.companyId(companyGuid);
    return this.db.transaction(() => {
      const existing = this.s.run.get(runId) as RunRow | undefined;
      if (existing) {
        if (existing.company_guid !== companyGuid)
          throw new AppError('VALIDATION', `Reminder run ${runId} belongs to another company`, { runId });
        this.s.restartRun.run(runId, companyId);
        return 'resumed' as const;
      }
      this.s.insertRun.run(runId, companyId, trigger, at, JSON.stringify(criteria));
      return 'new' as const;
    })();
  }

  finishRun(
    runId: string,
    status: Exclude<ReminderRunStatus, 'running'>,
    at: string,
    summary: RunSummaryRecord,
  ): void {
    this.s.finishRun.run(status, at, JSON.stringify(summary), runId);
  }

  /** At start: runs a previous process left "running" (it was killed) become "interrupted". */
  interruptRunning(at: string): number {
    return this.s.interrupt.run(at).changes;
  }

  runCriteria(runId: string): RunCriteriaRecord | null {
    const text = this.s.runCriteria.get(runId) as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as RunCriteriaRecord);
  }

  run(runId: string): ReminderRunInfo | null {
    const row = this.s.run.get(runId) as RunRow | undefined;
    return row ? runInfo(row, this.messageCount(runId)) : null;
  }

  runs(companyGuid: string, limit = 50): ReminderRunInfo[] {
    return (this.s.runs.all(this.companyId(companyGuid), limit) as RunRow[]).map((r) =>
      runInfo(r, this.messageCount(r.id)),
    );
  }

  /** When the last scheduled run of the company started; null: none yet. */
  lastScheduledRun(companyGuid: string): string | null {
    return (this.s.lastScheduled.get(this.companyId(companyGuid)) as string | null) ?? null;
  }

  /** A WhatsApp message the user opened (by hand): logged as sent on that channel. */
  logWhatsApp(
    runId: string,
    companyGuid: string,
    ledgerGuid: string,
    at: string,
    details: { partyName: string; mobile: string; content: SentContent },
  ): void {
    this.s.whatsapp.run({
      runId,
      companyId: this.companyId(companyGuid),
      ledgerGuid,
      partyName: details.partyName,
      at,
      recipients: JSON.stringify({ to: [details.mobile], cc: [] }),
      content: JSON.stringify(details.content),
    });
  }

  partyLog(companyGuid: string, ledgerGuid: string, limit = 100): MessageLogEntry[] {
    return (this.s.messagesOfParty.all(this.companyId(companyGuid), ledgerGuid, limit) as MessageRow[]).map(
      logEntry,
    );
  }

  runLog(runId: string): MessageLogEntry[] {
    return (this.s.messagesOfRun.all(runId) as MessageRow[]).map(logEntry);
  }

  private messageCount(runId: string): { sent: number; failed: number } {
    const rows = this.s.messagesOfRun.all(runId) as MessageRow[];
    return {
      sent: rows.filter((r) => r.state === 'sent').length,
      failed: rows.filter((r) => r.state === 'failed').length,
    };
  }
}

function runInfo(row: RunRow, counts: { sent: number; failed: number }): ReminderRunInfo {
  const summary = row.summary ? (JSON.parse(row.summary) as RunSummaryRecord) : null;
  return {
    runId: row.id,
    companyGuid: row.company_guid,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    total: summary?.total ?? 0,
    // Counted from the log, so a run that was interrupted still shows what it sent.
    sent: counts.sent,
    failed: counts.failed,
    skipped: summary?.skipped ?? 0,
    uncertain: summary?.uncertain ?? [],
    error: summary?.error ?? null,
  };
}

function logEntry(row: MessageRow): MessageLogEntry {
  const recipients = JSON.parse(row.recipients) as { to: string[]; cc: string[] };
  const content = JSON.parse(row.content) as SentContent;
  return {
    id: row.id,
    runId: row.run_id,
    ledgerGuid: row.ledger_guid,
    partyName: row.party_name,
    channel: row.channel,
    state: row.state,
    startedAt: row.started_at,
    at: row.at,
    to: recipients.to,
    cc: recipients.cc,
    subject: row.subject,
    attachments: content.attachments,
    amounts: content.amounts,
    messageId: row.message_id,
    serverResponse: row.server_response,
    reason: row.reason,
    error: row.error,
  };
}
