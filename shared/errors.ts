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

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras: the failing field, the voucher GUID, retry-after seconds, ... */
  details?: Record<string, string | number | boolean | null>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** The one error type the core throws on purpose. Anything else is reported as INTERNAL. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorInfo['details'],
  ) {
    super(message);
  }

  /** The error an envelope describes, on the side that receives it (another thread, the manager). */
  static fromInfo(info: ErrorInfo): AppError {
    return new AppError(info.code, info.message, info.details);
  }

  toInfo(): ErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
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
