import type { SendFailureReason } from './smtp-sender';

/**
 * Where reminder runs record what they sent. A delivery is recorded as "sending" before the message goes
 * out and "sent" after, so a run killed in between never sends that party again: on restart a "sending"
 * delivery is reported as uncertain (the server may have it) and left to the accountant. This in-memory
 * store serves the tests and the demo; the SQLite one follows the store's split (issue 28).
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

export class InMemoryReminderStore implements ReminderStore {
  private readonly deliveries = new Map<string, Delivery>();

  private key(runId: string, ledgerGuid: string): string {
    return `${runId}\u0000${ledgerGuid}`;
  }

  delivery(runId: string, ledgerGuid: string): Delivery | null {
    const found = this.deliveries.get(this.key(runId, ledgerGuid));
    return found ? { ...found } : null;
  }

  lastSentAt(companyGuid: string, ledgerGuid: string): string | null {
    let last: string | null = null;
    for (const d of this.deliveries.values()) {
      if (d.companyGuid !== companyGuid || d.ledgerGuid !== ledgerGuid || d.state === 'failed') continue;
      if (last === null || d.at > last) last = d.at;
    }
    return last;
  }

  markSending(runId: string, companyGuid: string, ledgerGuid: string, at: string): boolean {
    const key = this.key(runId, ledgerGuid);
    const existing = this.deliveries.get(key);
    if (existing && existing.state !== 'failed') return false;
    this.deliveries.set(key, { runId, companyGuid, ledgerGuid, state: 'sending', at });
    return true;
  }

  markSent(runId: string, ledgerGuid: string, at: string, messageId: string): void {
    const existing = this.require(runId, ledgerGuid);
    this.deliveries.set(this.key(runId, ledgerGuid), { ...existing, state: 'sent', at, messageId });
  }

  markFailed(
    runId: string,
    ledgerGuid: string,
    at: string,
    reason: DeliveryFailureReason,
    message: string,
  ): void {
    const existing = this.require(runId, ledgerGuid);
    this.deliveries.set(this.key(runId, ledgerGuid), { ...existing, state: 'failed', at, reason, message });
  }

  /** Every delivery, oldest first (for tests and the run's report). */
  all(): Delivery[] {
    return [...this.deliveries.values()].map((d) => ({ ...d }));
  }

  private require(runId: string, ledgerGuid: string): Delivery {
    const existing = this.deliveries.get(this.key(runId, ledgerGuid));
    if (!existing) throw new Error(`No delivery to ${ledgerGuid} was started in run ${runId}`);
    return existing;
  }
}
