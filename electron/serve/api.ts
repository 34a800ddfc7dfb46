import type { Envelope } from '../../shared/errors';
import type { CallContext } from '../core/service/types';
import { readJsonBody } from './body';
import type { Middleware } from './pipeline';
import { sendEnvelope, sendJson } from './respond';
import { toErrorInfo } from '../core/service/dispatch';

export type DispatchFn = (
  operation: string,
  rawInput: unknown,
  context: CallContext,
) => Promise<Envelope<unknown>>;

const OPERATION_RE = /^\/api\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)$/;

/** POST /api/<operation> with a JSON body → the core's envelope, with an HTTP status matching its error. */
export function apiRoutes(dispatch: DispatchFn, options: { bodyLimitBytes: number }): Middleware {
  return async (ctx, next) => {
    const match = OPERATION_RE.exec(ctx.url.pathname);
    if (!match) return next();
    if (ctx.req.method !== 'POST') {
      ctx.res.setHeader('allow', 'POST');
      sendJson(ctx.res, 405, {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Use POST for /api/${match[1]} (got ${ctx.req.method ?? '?'})`,
        },
      });
      return;
    }
    let input: unknown;
    try {
      input = await readJsonBody(ctx.req, options.bodyLimitBytes);
    } catch (error) {
      sendEnvelope(ctx.res, { ok: false, error: toErrorInfo(error) });
      return;
    }
    sendEnvelope(ctx.res, await dispatch(match[1] ?? '', input, ctx.call));
  };
}
