import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AppEventName, AppEvents } from '../../shared/contract';
import type { CallContext } from '../core/service/types';
import type { Portal } from '../core/portal/portal';
import { eventForUser } from '../core/portal/live-filter';
import type { AccessPolicy } from '../core/portal/access';
import type { LiveFeed } from '../core/portal/live-feed';
import type { Middleware } from './pipeline';
import { portalGate } from './portal-auth';
import { loopbackHostOnly, securityHeaders } from './portal-headers';
import { addressOf } from './portal-rate-limit';
import { streamCaps, type StreamCaps } from './portal-streams';
import { networkScopeOf, normalizeAddress } from '../core/portal/address';

export interface PortalServeOptions {
  enabled: boolean;
  /**
   * The address serve mode listens on (PortalListen.host). Unknown, the portal assumes the network
   * (its default bind, 0.0.0.0): a Redis without a password is then not used for portal state.
   */
  host?: string;
  /** Open event streams per session and per user (DEFAULT_STREAM_CAPS). */
  streamCaps?: StreamCaps;
}

/** How a host name resolves (dns.lookup with all: true); injected so tests never ask a resolver. */
export type LookupAll = (host: string) => Promise<{ address: string }[]>;

const systemLookup: LookupAll = (host) => lookup(host, { all: true, verbatim: true });

/** An address literal (IPv4, IPv6, [IPv6]) on this machine only: 127.0.0.0/8, ::1, ::ffff:127.x. */
export function isLoopbackLiteral(address: string): boolean {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  return isIP(normalizeAddress(text)) !== 0 && networkScopeOf(text) === 'loopback';
}

/**
 * Whether binding to this address keeps serve mode on this machine: an address literal by its value; a
 * host name (localhost too: hosts files can say anything) by every address it resolves to, so
 * "127.invalid" or "127.0.0.1.evil.example" is judged by what it is, not by how it is spelled. A name
 * that does not resolve is not loopback.
 */
export async function isLoopbackBind(address: string, resolve: LookupAll = systemLookup): Promise<boolean> {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIP(text) !== 0) return isLoopbackLiteral(text);
  let answers: { address: string }[];
  try {
    answers = await resolve(text);
  } catch {
    return false;
  }
  return answers.length > 0 && answers.every((a) => isLoopbackLiteral(a.address));
}

/**
 * Refuses to expose the unauthenticated desktop API to the network: a bind address that is not
 * loopback (or may not be: a name that does not resolve) needs portal mode (and so sign-in) on.
 */
export async function checkBind(
  bindAddress: string,
  portalEnabled: boolean,
  resolve: LookupAll = systemLookup,
): Promise<void> {
  if (!portalEnabled && !(await isLoopbackBind(bindAddress, resolve))) {
    throw new Error(
      `Binding to ${bindAddress} exposes TallyConnect to the network (it is not, or does not resolve only to, a loopback address); that needs the office portal (--portal or PORTAL_ENABLED=true)`,
    );
  }
}

/**
 * The middleware the serve mode puts in front of its routes.
 * Portal off: security headers, and loopback Host names only (the caller is the desktop owner).
 * Portal on: security headers, then the portal gate (address limit, token authentication, user limit)
 * and the cap on open event streams;
 * and the portal is told where it listens, so it refuses a Redis without a password on the network
 * (portal.status().redisRefused says why; a warning is logged).
 */
export function portalMiddleware(portal: Portal, options: PortalServeOptions): Middleware[] {
  if (!options.enabled) return [securityHeaders(), loopbackHostOnly()];
  portal.applyBind(options.host ?? '0.0.0.0');
  const normalizeAddress: Middleware = async (ctx, next) => {
    ctx.call.address = addressOf(ctx);
    return next();
  };
  return [
    securityHeaders(),
    normalizeAddress,
    portalGate({
      limiter: portal.limiter,
      limits: portal.limits,
      authenticate: (token) => portal.authenticate(token),
    }),
    streamCaps(options.streamCaps),
  ];
}

type CallListener = <E extends AppEventName>(event: E, payload: AppEvents[E]) => void;

/** How often an open event stream re-checks its session (sign-out, expiry, a disabled account). */
export const STREAM_RECHECK_MS = 30_000;

/**
 * The event source for the server-sent events route: the live feed (local events plus other
 * instances' over Redis), with each portal user seeing only events about their companies. A stream
 * whose session has ended stops receiving events (checked at most every STREAM_RECHECK_MS).
 */
export function portalEvents(
  live: LiveFeed,
  options: { authenticate?: Portal['authenticate']; now?: () => number; policy?: AccessPolicy } = {},
): (listener: CallListener, call?: CallContext) => () => void {
  const now = options.now ?? Date.now;
  return (listener, call) => {
    let user = call?.user ?? null;
    const token = call?.sessionToken;
    let ended = false;
    let checkedAt = now();
    const recheck = (): void => {
      if (!token || !options.authenticate || now() - checkedAt < STREAM_RECHECK_MS) return;
      checkedAt = now();
      options.authenticate(token).then(
        (session) => {
          if (session) user = session.user;
          else ended = true;
        },
        () => undefined,
      );
    };
    return live.subscribe((event, payload) => {
      recheck();
      if (ended) return;
      const visible = eventForUser(user, event, payload, options.policy);
      if (visible !== null) listener(event, visible);
    });
  };
}

export interface PortalListen {
  enabled: boolean;
  host: string;
  port: number;
}

/**
 * Where serve mode listens. Flags win over settings (PORTAL_ENABLED / PORTAL_BIND / PORTAL_PORT).
 * Portal off: always 127.0.0.1 and the serve port. Portal on: the bind address, and PORTAL_PORT
 * unless a port was given explicitly. A non-loopback address without the portal is refused.
 */
export async function resolvePortalListen(
  flags: { portal: boolean | null; bind: string | null; port: number; portGiven: boolean },
  config: { enabled: boolean; bindAddress: string; port: number },
  resolve: LookupAll = systemLookup,
): Promise<PortalListen> {
  const enabled = flags.portal ?? config.enabled;
  const host = flags.bind ?? (enabled ? config.bindAddress : '127.0.0.1');
  await checkBind(host, enabled, resolve);
  return { enabled, host, port: enabled && !flags.portGiven ? config.port : flags.port };
}

/**
 * Whether serve mode speaks HTTPS, and with which certificate: whenever the portal listens on a network
 * address (passwords and Bearer tokens must not cross the office Wi-Fi in clear). Plain HTTP stays only
 * on loopback. A certificate that cannot be used stops serve mode: it never falls back to plain HTTP.
 * `isLoopback` is injectable so tests can treat a 127.0.0.1 listener as a network one.
 */
export async function portalTransport<T>(
  listen: PortalListen,
  deps: { certificate: () => Promise<T>; isLoopback?: (host: string) => Promise<boolean> },
): Promise<T | null> {
  if (!listen.enabled) return null;
  const loopback = await (deps.isLoopback ?? ((host: string) => isLoopbackBind(host)))(listen.host);
  return loopback ? null : deps.certificate();
}
