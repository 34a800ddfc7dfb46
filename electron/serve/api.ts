import { contract, isOperationName } from '../../shared/contract';
import type { Envelope, ErrorCode } from '../../shared/errors';
import { accessLevelOf } from '../core/portal/access';
import type { CallContext } from '../core/service/types';
import { readJsonBody } from './body';
import type { Middleware } from './pipeline';
import { newErrorId, sendEnvelope, sendJson } from './respond';
import { toErrorInfo } from '../core/service/dispatch';
import { removeUploads } from './upload';

export type DispatchFn = (
  operation: string,
  rawInput: unknown,
  context: CallContext,
) => Promise<Envelope<unknown>>;

const OPERATION_RE = /^\/api\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)$/;

/** Failures inside this PC (the database, the cache, a bug): their messages may name files, SQL or hosts. */
const SERVER_SIDE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INTERNAL', 'DATABASE', 'CACHE']);

/**
 * What a caller may see of an answer. Portal users get any server-side failure (INTERNAL, DATABASE,
 * CACHE) as INTERNAL with a generic message and an error id (the details, which may name files, SQL or
 * hosts, go to the log under that id); the desktop owner keeps the detailed message.
 */
export function answerFor(
  envelope: Envelope<unknown>,
  call: CallContext,
  log: (detail: Error, errorId: string) => void,
): Envelope<unknown> {
  if (envelope.ok || !SERVER_SIDE.has(envelope.error.code) || call.user === null) return envelope;
  const errorId = newErrorId();
  log(new Error(`${envelope.error.code}: ${envelope.error.message}`), errorId);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `Something went wrong inside TallyConnect (error id ${errorId}); ask the office to check its log`,
      details: { errorId },
    },
  };
}

/**
 * How large a body this call may send: the operation's own limit from its contract spec (bodyLimitBytes,
 * e.g. gst.gstr2bReco's 20 MB) for a caller who may call it, else the server's default. A portal user
 * calling a desktop-only operation is refused anyway, so the server reads no more than the default.
 */
export function bodyLimitOf(operation: string, call: CallContext, fallback: number): number {
  if (!isOperationName(operation)) return fallback;
  const own = contract[operation].bodyLimitBytes;
  if (own === undefined) return fallback;
  return call.user === null || accessLevelOf(operation) !== 'desktop' ? own : fallback;
}

/** POST /api/<operation> with a JSON body → the core's envelope, with an HTTP status matching its error. */
export function apiRoutes(
  dispatch: DispatchFn,
  options: {
    bodyLimitBytes: number;
    /** Uploads given to import.files are removed from here once the import has finished or failed. */
    uploadDir?: string;
    onError?: (error: unknown, context: { errorId: string; operation?: string; user?: string }) => void;
  },
): Middleware {
  return async (ctx, next) => {
    const match = OPERATION_RE.exec(ctx.url.pathname);
    if (!match) return next();
    const operation = match[1] ?? '';
    if (ctx.req.method !== 'POST') {
      ctx.res.setHeader('allow', 'POST');
      sendJson(ctx.res, 405, {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Use POST for /api/${operation} (got ${ctx.req.method ?? '?'})`,
        },
      });
      return;
    }
    let input: unknown;
    try {
      input = await readJsonBody(
        ctx.req,
        bodyLimitOf(operation, ctx.call, options.bodyLimitBytes),
        operation,
      );
    } catch (error) {
      sendEnvelope(ctx.res, { ok: false, error: toErrorInfo(error) });
      return;
    }
    let envelope: Envelope<unknown>;
    try {
      envelope = await dispatch(operation, input, ctx.call);
    } finally {
      // An upload is read once: whether the import worked or not, it leaves the upload folder.
      // Portal users may not import, so their calls never remove the owner's uploads.
      if (operation === 'import.files' && options.uploadDir !== undefined && ctx.call.user === null) {
        await removeUploads((input as { paths?: unknown } | null)?.paths, options.uploadDir);
      }
    }
    sendEnvelope(
      ctx.res,
      answerFor(envelope, ctx.call, (detail, errorId) =>
        options.onError?.(detail, {
          errorId,
          operation,
          ...(ctx.call.user ? { user: ctx.call.user.username } : {}),
        }),
      ),
    );
  };
}
