import type { Middleware } from './pipeline';
import { sendError } from './respond';
import { CONTENT_SECURITY_POLICY } from '../core/web/renderer-assets';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Tokens never leak to other sites through the Referer header (the event stream carries one in its URL).
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Security headers on every answer (API, events, static files, errors). */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) ctx.res.setHeader(name, value);
    return next();
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a Host header, without the port; lower case. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const text = header.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(text);
  return match?.[1] ?? null;
}

/**
 * Without the portal, the API trusts every caller as the desktop owner, so it must only answer
 * requests addressed to this machine by a loopback name: a web page that rebinds its own DNS name to
 * 127.0.0.1 (DNS rebinding) would otherwise read the books through the visitor's browser.
 */
export function loopbackHostOnly(extraHosts: readonly string[] = []): Middleware {
  const allowed = new Set([...LOOPBACK_HOSTS, ...extraHosts.map((h) => h.toLowerCase())]);
  return async (ctx, next) => {
    const host = hostName(ctx.req.headers.host);
    if (host === null || !allowed.has(host)) {
      sendError(
        ctx.res,
        'FORBIDDEN',
        'This TallyConnect only answers on localhost; turn on the office portal for the network',
      );
      return;
    }
    return next();
  };
}
