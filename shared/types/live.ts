/**
 * Live mode: TallyConnect watches the companies open in Tally with one cheap request every few seconds
 * and syncs a company as soon as its AlterIDs move (docs/TALLY.md "Live mode").
 */

/**
 * - `off`: switched off.
 * - `watching`: Tally answers; the next check is due in `nextCheckInMs`.
 * - `syncing`: a change was seen; the company is being synced.
 * - `paused`: no request goes to Tally now; `pausedBecause` says why.
 */
export type LiveState = 'off' | 'watching' | 'syncing' | 'paused';

/**
 * - `tally-closed`: nothing answers on Tally's port (checked again every `nextCheckInMs`).
 * - `nothing-to-watch`: no company synced from Tally yet (sync one first).
 * - `sync-running`: a sync started by the user or the timer is running; live checks wait for it.
 */
export type LivePauseReason = 'tally-closed' | 'nothing-to-watch' | 'sync-running';

/** Why the checks are further apart than the configured interval just now. */
export type LiveSlowdown = 'tally-slow' | 'tally-busy' | 'on-battery' | 'idle';

export interface LiveCompanyStatus {
  guid: string;
  name: string;
  /** Whether Tally has it open now (only open companies are watched). */
  open: boolean;
  /** When a change of this company in Tally was last seen (ISO date-time), or null. */
  lastChangeAt: string | null;
  /** The last live sync's failure in plain words (tried again when Tally changes again), or null. */
  lastError: string | null;
}

export interface LiveNotificationSettings {
  /** A new receipt from a party that has overdue bills. */
  receiptsFromOverdueParties: boolean;
  /** A payment of at least this many paise; 0 = off. */
  paymentsAbovePaise: number;
}

export interface LiveStatus {
  enabled: boolean;
  state: LiveState;
  pausedBecause: LivePauseReason | null;
  /** The configured interval between checks, in seconds (default 5). */
  intervalSeconds: number;
  /** The interval in use now, after backing off (milliseconds). */
  currentIntervalMs: number;
  slowdowns: LiveSlowdown[];
  /** When Tally was last asked (ISO date-time), or null. */
  lastCheckAt: string | null;
  /** When a change in any watched company was last seen (ISO date-time), or null. */
  lastChangeAt: string | null;
  companies: LiveCompanyStatus[];
  notifications: LiveNotificationSettings;
}

/** Something worth telling the user about a voucher a live sync brought in (off unless switched on). */
export interface LiveNotice {
  kind: 'receipt-from-overdue-party' | 'large-payment';
  companyGuid: string;
  companyName: string;
  voucherGuid: string;
  voucherType: string;
  voucherNumber: string;
  date: string;
  party: string;
  /** Paise, positive. */
  amount: number;
  /** For a receipt: what the party still owes on overdue bills after it (paise), else null. */
  overdue: number | null;
}
