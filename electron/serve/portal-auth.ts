import type { ServerResponse } from 'node:http';
import type { Authenticated } from '../core/portal/portal';
import { isPublicOperation } from '../core/portal/access';
import { rateSubjectOf } from '../core/portal/address';
import type { PortalLimits } from '../core/portal/limits';
import type { RateDecision, RateLimiter } from '../core/portal/rate-limit';
import type { Middleware, RequestContext } from './pipeline';
import { sendEnvelope } from './respond';
import { sendRateLimited, setRateHeaders } from './portal-rate-limit';

const EVENTS_PATH = '/api/events';

function sendUnauthorized(res: ServerResponse, message: string, invalidToken: boolean): void {
  // RFC 6750: tell the client which scheme to use, and whether the token it sent was refused.
  res.setHeader(
    'www-authenticate',
    invalidToken ? 'Bearer realm="TallyConnect", error="invalid_token"' : 'Bearer realm="TallyConnect"',
  );
  sendEnvelope(res, { ok: false, error: { code: 'UNAUTHORIZED', message } });
}

/**
 * The session token of a request: the Authorization header (Bearer) for API calls. The event stream
 * also accepts ?token=, because a browser's EventSource cannot send headers; it is a GET without side
 * effects, and Referrer-Policy: no-referrer keeps the URL from leaking. No cookies: nothing a foreign
 * page could make the browser send on its own (no CSRF).
 */
export function tokenOf(ctx: RequestContext): string | null {
  const header = ctx.req.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? '';
  }
  if (ctx.url.pathname === EVENTS_PATH && ctx.req.method === 'GET') return ctx.url.searchParams.get('token');
  return null;
}

export interface PortalDoorDeps {
  limiter: RateLimiter;
  limits: Pick<PortalLimits, 'apiPerAddress' | 'apiPerUser'>;
  authenticate: (token: string) => Promise<Authenticated | null>;
}

/**
 * What every portal door (/api/, /mcp) asks first: the session of the token, and the per-address and
 * per-user limits counted in one call (the address before authentication, so token guessing is limited
 * too). A session read a moment ago is answered from memory, so usually the only round trip to Redis is
 * the one script that counts the address and the user together.
 */
export async function admit(
  deps: PortalDoorDeps,
  token: string | null,
  address: string,
): Promise<{
  session: Authenticated | null;
  byAddress: RateDecision | undefined;
  byUser: RateDecision | undefined;
}> {
  const session = token ? await deps.authenticate(token) : null;
  // Counted per IPv4 address or per IPv6 /64 (one host usually owns a whole /64).
  const subject = rateSubjectOf(address);
  const [byAddress, byUser] = await deps.limiter.checkAll(
    session
      ? [
          [deps.limits.apiPerAddress, subject],
          [deps.limits.apiPerUser, session.user.username.toLowerCase()],
        ]
      : [[deps.limits.apiPerAddress, subject]],
  );
  return { session, byAddress, byUser };
}

/** The operation an /api/ path names, or null for other endpoints (events, upload). */
function operationOf(pathname: string): string | null {
  const match = /^\/api\/([A-Za-z][A-Za-z0-9.]*)$/.exec(pathname);
  return match?.[1] && match[1] !== 'events' && match[1] !== 'upload' ? match[1] : null;
}

/**
 * The portal's door for every /api/ request: the per-address limit (counted before authentication,
 * so token guessing is limited too), token authentication for everything except sign-in, then the
 * per-user limit (both counted in one call). Fills the call context with the user and the session token;
 * answers 429 (Retry-After), 401 for a missing, malformed, forged, expired or revoked token, and 403
 * for uploads. Static files (the sign-in page itself) pass untouched.
 */
export function portalGate(deps: PortalDoorDeps): Middleware {
  return async (ctx, next) => {
    const { pathname } = ctx.url;
    if (!pathname.startsWith('/api/')) return next();
    const operation = operationOf(pathname);
    const isPublic = operation !== null && isPublicOperation(operation);
    const token = isPublic ? null : tokenOf(ctx);
    const { session, byAddress, byUser } = await admit(deps, token, ctx.call.address ?? 'unknown');
    if (byAddress && !byAddress.allowed) {
      setRateHeaders(ctx.res, byAddress);
      sendRateLimited(ctx.res, byAddress, 'from this address');
      return;
    }
    if (isPublic) return next();
    if (token === null) {
      sendUnauthorized(ctx.res, 'Sign in to the TallyConnect office portal first', false);
      return;
    }
    if (!session || !byUser) {
      sendUnauthorized(ctx.res, 'Your session has ended or is not valid; sign in again', true);
      return;
    }
    if (pathname === '/api/upload') {
      // Uploads only feed import.files, which stays on the desktop.
      sendEnvelope(ctx.res, {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Importing files is only available on the TallyConnect desktop',
        },
      });
      return;
    }
    setRateHeaders(ctx.res, byUser);
    if (!byUser.allowed) {
      sendRateLimited(ctx.res, byUser, 'for this user');
      return;
    }
    ctx.call.user = session.user;
    ctx.call.sessionToken = token;
    return next();
  };
}
