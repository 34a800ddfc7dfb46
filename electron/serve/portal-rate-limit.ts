import type { ServerResponse } from 'node:http';
import { normalizeAddress } from '../core/portal/address';
import type { RateDecision } from '../core/portal/rate-limit';
import type { RequestContext } from './pipeline';
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

/** The standard RateLimit headers, on allowed and refused answers alike. */
export function setRateHeaders(res: ServerResponse, decision: RateDecision): void {
  res.setHeader('ratelimit-limit', String(decision.limit));
  res.setHeader('ratelimit-remaining', String(decision.remaining));
}

/** The caller's address; IPv4-mapped IPv6 (::ffff:10.0.0.5) is written as plain IPv4. */
export function addressOf(ctx: RequestContext): string {
  return normalizeAddress(ctx.call.address ?? ctx.req.socket.remoteAddress ?? 'unknown');
}
