import type { SendFailureReason } from './smtp-sender';

/**
 * Where reminder runs record what they sent. A delivery is recorded as "sending" before the message goes
 * out and "sent" after, so a run killed in between never sends that party again: on restart a "sending"
 * delivery is reported as uncertain (the server may have it) and left to the accountant. This is the
 * contract the run (reminder-run.ts) relies on; SqliteReminderStore (reminder-store-sqlite.ts) keeps it,
 * in the database file or, for tests, in ':memory:'.
 */

export type DeliveryState = 'sending' | 'sent' | 'failed';

/** Why a delivery failed: the mail server's answer, or 'attachment' when the statement could not be made. */
export type DeliveryFailureReason = SendFailureReason | 'attachment';

/** What a message carried, as sent: the log keeps it (issue 28 §2, "amounts as sent"). */
export interface SentContent {
  language: string;
  /** sha256: the file's SHA-256 (hex), so what was sent can be matched to a file later. */
  attachments: { filename: string; bytes: number; contentType: string; sha256?: string }[];
  amounts: {
    asOn: string;
    totalDue: number;
    overdue: number;
    interest: number;
    bills: {
      billName: string;
      dueDate: string | null;
      overdueDays: number;
      amount: number;
      interest: number;
    }[];
  };
}

/** The message a delivery is about to send (recorded with "sending"). */
export interface SendingDetails {
  partyName: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  content: SentContent;
}

export interface Delivery {
  runId: string;
  companyGuid: string;
  ledgerGuid: string;
  state: DeliveryState;
  /** ISO timestamp of the last change. */
  at: string;
  messageId?: string;
  reason?: DeliveryFailureReason;
  message?: string;
}

export interface ReminderStore {
  /** This run's delivery to the party, if any. */
  delivery(runId: string, ledgerGuid: string): Delivery | null;
  /**
   * When the party was last sent a reminder by any run (or may have been: "sending" counts), for "never
   * twice within N days".
   */
  lastSentAt(companyGuid: string, ledgerGuid: string): string | null;
  /** Records "sending"; false when this run already has a sending or sent delivery for the party. */
  markSending(
    runId: string,
    companyGuid: string,
    ledgerGuid: string,
    at: string,
    details?: SendingDetails,
  ): boolean;
  /** serverResponse: what the server said (accepted / refused addresses). */
  markSent(runId: string, ledgerGuid: string, at: string, messageId: string, serverResponse?: string): void;
  markFailed(
    runId: string,
    ledgerGuid: string,
    at: string,
    reason: DeliveryFailureReason,
    message: string,
    serverResponse?: string | null,
  ): void;
}
