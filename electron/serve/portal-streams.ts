import { sessionIdOf } from '../core/portal/tokens';
import type { Middleware } from './pipeline';
import { sendEnvelope } from './respond';

export interface StreamCaps {
  /** Event streams one session may hold open at once (a browser opens one per tab). */
  perSession: number;
  /** Event streams one user may hold open at once, over all their sessions. */
  perUser: number;
}

/** A handful: a few tabs on a couple of PCs. Each stream holds a socket and a listener on the live feed. */
export const DEFAULT_STREAM_CAPS: StreamCaps = { perSession: 4, perUser: 8 };

const RETRY_AFTER_SECONDS = 5;

/**
 * Caps the event streams a portal user holds open (GET /api/events after the portal gate): beyond the
 * cap the stream is answered 429 with Retry-After, so one account cannot tie up sockets and live-feed
 * listeners by the hundred. Counted in this process; a stream is released when its connection closes.
 */
export function streamCaps(caps: StreamCaps = DEFAULT_STREAM_CAPS): Middleware {
  const bySession = new Map<string, number>();
  const byUser = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, delta: number): void => {
    const next = (map.get(key) ?? 0) + delta;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };
  return async (ctx, next) => {
    const user = ctx.call.user;
    const token = ctx.call.sessionToken;
    if (ctx.url.pathname !== '/api/events' || !user || !token) return next();
    const session = sessionIdOf(token);
    const username = user.username.toLowerCase();
    const full =
      (bySession.get(session) ?? 0) >= caps.perSession
        ? `this session already has ${caps.perSession} open`
        : (byUser.get(username) ?? 0) >= caps.perUser
          ? `this user already has ${caps.perUser} open`
          : null;
    if (full !== null) {
      ctx.res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      sendEnvelope(ctx.res, {
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: `Too many live-update streams (${full}); close a TallyConnect tab and try again`,
          details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
        },
      });
      return;
    }
    add(bySession, session, 1);
    add(byUser, username, 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      add(bySession, session, -1);
      add(byUser, username, -1);
    };
    ctx.res.once('close', release);
    try {
      await next();
    } finally {
      // The stream route returns once its connection closed; any other answer (a refusal) ends here too.
      if (ctx.res.writableEnded || ctx.res.destroyed) release();
    }
  };
}
