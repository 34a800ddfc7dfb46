import type { ServerResponse } from 'node:http';
import type { RateDecision, RateLimiter, RateRule } from '../core/portal/rate-limit';
import type { Middleware, RequestContext } from './pipeline';
import { sendEnvelope } from './respond';

/** Answers 429 with Retry-After (seconds) and the standard RateLimit headers. */
export function sendRateLimited(res: ServerResponse, decision: RateDecision, what: string): void {
  res.setHeader('retry-after', String(decision.retryAfterSeconds));
  sendEnvelope(res, {
    ok: false,
    error: {
      code: 'RATE_LIMITED',
      message: `Too many requests ${what}; try again in ${decision.retryAfterSeconds} seconds`,
      details: { retryAfterSeconds: decision.retryAfterSeconds },
    },
  });
}

/**
 * Counts API requests per subject (the caller's address, or the signed-in user) under one rule;
 * subjects the function cannot name (no user yet) pass uncounted. Only /api/ paths are limited:
 * the renderer's static files are cheap and cached.
 */
export function rateLimit(
  limiter: RateLimiter,
  rule: RateRule,
  subjectOf: (ctx: RequestContext) => string | null,
  what: string,
): Middleware {
  return async (ctx, next) => {
    if (!ctx.url.pathname.startsWith('/api/')) return next();
    const subject = subjectOf(ctx);
    if (subject === null) return next();
    const decision = await limiter.check(rule, subject);
    ctx.res.setHeader('ratelimit-limit', String(decision.limit));
    ctx.res.setHeader('ratelimit-remaining', String(decision.remaining));
    if (!decision.allowed) {
      sendRateLimited(ctx.res, decision, what);
      return;
    }
    return next();
  };
}

/** The caller's address; IPv4-mapped IPv6 (::ffff:10.0.0.5) is written as plain IPv4. */
export function addressOf(ctx: RequestContext): string {
  const raw = ctx.call.address ?? ctx.req.socket.remoteAddress ?? 'unknown';
  return raw.startsWith('::ffff:') ? raw.slice(7) : raw;
}
