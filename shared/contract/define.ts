import type { z } from 'zod';
import type { ErrorCode } from '../errors';

/**
 * One operation of the contract: its runtime input schema, its output type (a phantom, TypeScript-only)
 * and the error codes it may answer with besides VALIDATION and INTERNAL.
 */
export interface OperationSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly description: string;
  readonly errors: readonly ErrorCode[];
  /**
   * The largest JSON body the HTTP server reads for this operation, in bytes, where its input may carry a
   * file the user chose (a GSTR-2B JSON of thousands of invoices); unset, the server's default (1 MB).
   */
  readonly bodyLimitBytes?: number;
  /** Phantom field carrying the output type; never set at runtime. */
  readonly __output?: O;
}

/** `operation<Output>()({ input, description, errors })` — the output type is given explicitly. */
export function operation<O>() {
  return <I extends z.ZodType>(spec: {
    input: I;
    description: string;
    errors: readonly ErrorCode[];
    bodyLimitBytes?: number;
  }): OperationSpec<I, O> => spec;
}
