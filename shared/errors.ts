/**
 * Errors cross every boundary (IPC, HTTP, CLI) as plain serializable envelopes, never stack traces.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed the operation's schema
  'UNKNOWN_OPERATION',
  'NOT_FOUND', // unknown company, ledger, ...
  'DATABASE', // corrupt, foreign or newer-schema database file
  'TALLY_UNREACHABLE', // Tally not running or XML port off
  'TALLY_ERROR', // Tally answered with an error (LINEERROR, empty answer, ...)
  'IMPORT_INVALID', // a file or response that cannot be imported; names the voucher or master
  'SYNC_IN_PROGRESS',
  'CANCELLED',
  'CACHE',
  'CONFIG',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What went wrong, in words the screen translates (English, मराठी, हिन्दी): the renderer shows
 * `errors.reason.<reason>` with `params`, never the English `message`, which is for logs and the CLI.
 */
export const ERROR_REASONS = [
  'badDate', // a date that is not a real date: { field, value }
  'reversedRange', // from after to: { from, to }
  'badYear', // a financial year not written like 2025-26: { field, value }
  'dateOutOfRange', // a date or year outside 1900-2099 (what the app and Tally accept): { field, value }
  'badInput', // any other field the operation refuses: { field }
  'unknownCompany', // { guid }
  'unknownLedger', // { guid, company }
  'unknownGroup', // { group, company }
  'unknownVoucher', // { guid, company }
  'unknownStockItem', // { guid, company }
  'unknownStockGroup', // { group, company }
  'unknownVoucherType', // { type, company }
  'tallyNotRunning', // nothing answers: { host, port }
  'tallyStopped', // answered, then stopped answering: { host, port, attempts }
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
export type ErrorParams = Record<string, string | number>;

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras: the failing field, the voucher GUID, retry-after seconds, ... */
  details?: Record<string, string | number | boolean | null>;
  /** The user-facing reason, translated by the screens; absent where the code says enough. */
  reason?: ErrorReason;
  params?: ErrorParams;
}

/** The reason and its parameters a user-facing error carries (see ERROR_REASONS). */
export interface UserReason {
  reason: ErrorReason;
  params?: ErrorParams;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** The one error type the core throws on purpose. Anything else is reported as INTERNAL. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorInfo['details'],
    readonly user?: UserReason,
  ) {
    super(message);
  }

  /** The error an envelope describes, on the side that receives it (another thread, the manager). */
  static fromInfo(info: ErrorInfo): AppError {
    return new AppError(
      info.code,
      info.message,
      info.details,
      info.reason ? { reason: info.reason, ...(info.params ? { params: info.params } : {}) } : undefined,
    );
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.details) info.details = this.details;
    if (this.user) {
      info.reason = this.user.reason;
      if (this.user.params) info.params = this.user.params;
    }
    return info;
  }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  );
}

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}
