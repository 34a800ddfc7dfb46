import type { z } from 'zod';
import { contract, isOperationName, type OperationName, type OutputOf } from '../../../shared/contract';
import {
  AppError,
  isErrorReason,
  type Envelope,
  type ErrorInfo,
  type ErrorParams,
} from '../../../shared/errors';
import type { CallContext, HandlerMap } from './types';

/** Turns a zod failure into one sentence naming each bad field. */
export function describeValidationError(
  operation: string,
  error: z.ZodError,
  rawInput: unknown = null,
): ErrorInfo {
  const parts = error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'input';
    return `${path}: ${issue.message}`;
  });
  const first = error.issues[0];
  const field = first?.path.join('.') || 'input';
  const named =
    first && 'params' in first ? (first.params as { reason?: unknown } | undefined)?.reason : null;
  const reason = isErrorReason(named) ? named : 'badInput';
  const params: ErrorParams = { field };
  const input = rawInput as Record<string, unknown> | null;
  if (reason === 'reversedRange' && input && first) {
    // The range the issue is about: the input's own, or a nested one (a comparison's column).
    const range = first.path
      .slice(0, -1)
      .reduce<unknown>(
        (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
        input,
      ) as Record<string, unknown> | undefined;
    params.from = String(range?.from);
    params.to = String(range?.to);
  } else if (
    (reason === 'badDate' || reason === 'badYear' || reason === 'dateOutOfRange') &&
    input &&
    first
  ) {
    const value = first.path.reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
      input,
    );
    params.value = String(value ?? '');
  }
  return {
    code: 'VALIDATION',
    message: `Invalid input for ${operation}: ${parts.join('; ')}`,
    details: first ? { field: first.path.join('.') || null } : undefined,
    reason,
    params,
  };
}

/** Anything thrown becomes an envelope; unexpected errors never leak stack traces. */
export function toErrorInfo(error: unknown, onUnexpected?: (error: unknown) => void): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  try {
    onUnexpected?.(error);
  } catch {
    // Reporting failed (a broken log file); the caller still gets its envelope, never a rejection.
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong inside TallyConnect: ${message}` };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (or key) in a value that is not well-formed UTF-16 (a lone surrogate,
 * which JSON can carry as "\ud800" but SQLite, Redis and file names cannot), or null.
 */
export function illFormedText(
  value: unknown,
  path: (string | number)[] = [],
  depth = 0,
): (string | number)[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [...path, key];
    const found = illFormedText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export interface Dispatcher {
  <N extends OperationName>(
    operation: N,
    rawInput: unknown,
    context: CallContext,
  ): Promise<Envelope<OutputOf<N>>>;
  (operation: string, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>>;
}

/**
 * The single entry every adapter (IPC, HTTP, CLI, tests) goes through: validate the input against the
 * shared schema, run the handler, wrap the answer or the error in an envelope.
 */
export function createDispatcher(handlers: HandlerMap, onUnexpected?: (error: unknown) => void): Dispatcher {
  return (async (operation: string, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>> => {
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation "${operation}"` } };
    }
    const parsed = contract[operation].input.safeParse(rawInput ?? {});
    if (!parsed.success)
      return { ok: false, error: describeValidationError(operation, parsed.error, rawInput) };
    const broken = illFormedText(parsed.data);
    if (broken !== null) {
      const field = broken.join('.');
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Invalid input for ${operation}: ${field || 'input'}: text that is not valid Unicode (a lone surrogate)`,
          details: { field: field || null },
          reason: 'badInput',
          params: { field: field || 'input' },
        },
      };
    }
    try {
      const handler = handlers[operation] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, context) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, onUnexpected) };
    }
  }) as Dispatcher;
}
