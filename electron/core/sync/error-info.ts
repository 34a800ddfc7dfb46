import { AppError, type ErrorInfo } from '../../../shared/errors';

/** A sync's failure as the envelope sent between threads and shown to the user. */
export const errorInfoOf = (error: unknown): ErrorInfo =>
  error instanceof AppError
    ? error.toInfo()
    : {
        code: 'INTERNAL',
        message: `Sync failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      };
