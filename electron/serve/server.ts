import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import type { SecureContextOptions } from 'node:tls';
import path from 'node:path';
import { isPublicOperation } from '../core/portal/access';
import { apiRoutes, type DispatchFn } from './api';
import { compose, type Middleware, type RequestContext } from './pipeline';
import { newErrorId, sendError, sendJson } from './respond';
import { eventStream, type OnAny } from './sse';
import { staticFiles } from './static';
import { uploadRoute, type UploadCaps } from './upload';

export interface ServeCore {
  dispatch: DispatchFn;
  events: { onAny: OnAny };
}

/** Where a failure happened, for the log line (the error id is what a portal user sees). */
export interface ErrorContext {
  errorId: string;
  operation?: string;
  user?: string;
}

export interface ServeServerOptions {
  core: ServeCore;
  /** Built renderer (out/renderer); null serves only the API. */
  staticDir: string | null;
  uploadDir: string;
  uploadLimitBytes?: number;
  /** How many files and bytes may wait in the upload folder, and how long before they are swept. */
  uploadCaps?: Partial<UploadCaps>;
  /**
   * The largest JSON body of an API call (DEFAULT_BODY_LIMIT, 1 MB); an operation whose contract spec
   * declares bodyLimitBytes (gst.gstr2bReco: 20 MB) gets its own.
   */
  bodyLimitBytes?: number;
  heartbeatMs?: number;
  /** Runs before the routes: sign-in, rate limits, security headers (portal). */
  before?: Middleware[];
  /**
   * The per-launch secret every state-changing call must carry (X-TallyConnect-Token). Random when not
   * given; tests pass one to know it.
   */
  launchToken?: string;
  /**
   * Operations that need no launch token (the portal's sign-in, which has no session yet and whose answer
   * a foreign page cannot read). Defaults to the portal's public operations; serve mode without the portal
   * passes () => false.
   */
  isPublicOperation?: (operation: string) => boolean;
  onError?: (error: unknown, context: ErrorContext) => void;
  /**
   * Serve HTTPS with this certificate (the portal on a network address). Plain HTTP on the same port is
   * then answered only with a redirect to https:// (pages) or a refusal (the API), never with data.
   */
  tls?: Pick<SecureContextOptions, 'cert' | 'key' | 'pfx' | 'passphrase'>;
}

export interface ServeServer {
  server: http.Server;
  /** The per-launch secret the app's own page gets in index.html and sends back on every call. */
  readonly token: string;
  /** Adds middleware in front of the routes (after any given in `before`). */
  use(middleware: Middleware): void;
  listen(port: number, host?: string): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export const DEFAULT_UPLOAD_LIMIT = 512 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Header carrying the per-launch secret on API calls and uploads. */
export const TOKEN_HEADER = 'x-tallyconnect-token';
/** Query parameter carrying the per-launch secret on the event stream (EventSource sends no headers). */
export const TOKEN_QUERY = 'launch';
/** Header every upload must carry; a cross-origin "simple" request cannot set it. */
export const UPLOAD_HEADER = 'x-tallyconnect-upload';

const EVENTS_PATH = '/api/events';
const UPLOAD_PATH = '/api/upload';
const OPERATION_RE = /^\/api\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)$/;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A fresh per-launch secret: 32 random bytes, base64url. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function refuse(ctx: RequestContext, status: number, reason: string, message: string): void {
  const code = status === 415 ? 'VALIDATION' : 'FORBIDDEN';
  sendJson(ctx.res, status, { ok: false, error: { code, message, details: { reason } } });
  // Whatever the body was, it is not read.
  ctx.req.resume();
}

function isLoopbackHost(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The origin a browser sees for this request (http://host[:port] from the Host header), or null when
 * the Host header is missing or malformed. When the server listens on a loopback address, only loopback
 * names on the listening port count (a rebound DNS name is not this server).
 */
export function ownOrigin(
  hostHeader: string | undefined,
  listening: { host: string; port: number; secure?: boolean } | null,
): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match?.[1]) return null;
  if (listening && isLoopbackHost(listening.host === '::1' ? '[::1]' : listening.host.toLowerCase())) {
    const port = match[2] === undefined ? (listening.secure ? 443 : 80) : Number(match[2]);
    if (!isLoopbackHost(match[1]) || port !== listening.port) return null;
  }
  return `${listening?.secure ? 'https' : 'http'}://${host}`;
}

/** The media type of a Content-Type header (no parameters, lower case) and its charset, if any. */
function mediaTypeOf(value: string | undefined): { type: string; charset: string | null } | null {
  if (value === undefined || value.trim() === '') return null;
  const [type = '', ...params] = value.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const [name, raw] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset')
      charset = (raw ?? '').trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

function sameSecret(given: string | null | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const buf = Buffer.from(given, 'utf8');
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

/**
 * The HTTP edge against foreign web pages (cross-site request forgery): every /api/ request must come
 * from this server's own page. In order: a foreign Origin or Sec-Fetch-Site → 403; an API call whose
 * body is not application/json → 415 (text/plain, form and multipart bodies are what a page can send
 * without a CORS preflight); an upload without the X-TallyConnect-Upload header → 403; and the launch
 * token (X-TallyConnect-Token, or ?launch= on the event stream) → 403 without it. A call the portal
 * authenticated with a Bearer session needs no launch token (a Bearer header is never sent by the
 * browser on its own), nor does a public operation (sign-in).
 */
export function edgeGuard(options: {
  token: string;
  listening: () => { host: string; port: number; secure?: boolean } | null;
  isPublicOperation: (operation: string) => boolean;
}): Middleware {
  const expected = Buffer.from(options.token, 'utf8');
  return async (ctx, next) => {
    const { pathname } = ctx.url;
    if (!pathname.startsWith('/api/')) return next();
    const method = ctx.req.method ?? 'GET';

    const origin = header(ctx, 'origin');
    if (origin !== undefined) {
      const own = ownOrigin(ctx.req.headers.host, options.listening());
      if (own === null || origin.trim().toLowerCase() !== own) {
        refuse(ctx, 403, 'origin', `Refused a request from another site (Origin ${origin.slice(0, 100)})`);
        return;
      }
    }
    const site = header(ctx, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      refuse(
        ctx,
        403,
        'fetch-site',
        `Refused a request from another site (Sec-Fetch-Site: ${site.slice(0, 40)})`,
      );
      return;
    }

    const operation = OPERATION_RE.exec(pathname)?.[1] ?? null;
    const isEvents = pathname === EVENTS_PATH;
    const isUpload = pathname === UPLOAD_PATH;
    // Other methods on an operation get 405 from the API route; nothing changes.
    if (!isEvents && !isUpload && method !== 'POST') return next();

    if (isUpload) {
      if (header(ctx, UPLOAD_HEADER) !== '1') {
        refuse(
          ctx,
          403,
          'upload-header',
          'Uploads must come from the TallyConnect page (the X-TallyConnect-Upload: 1 header is missing)',
        );
        return;
      }
    } else if (!isEvents) {
      const media = mediaTypeOf(header(ctx, 'content-type'));
      if (media === null || media.type !== 'application/json') {
        refuse(
          ctx,
          415,
          'content-type',
          `POST ${pathname} needs Content-Type: application/json (got ${media === null ? 'no content type' : media.type.slice(0, 60)})`,
        );
        return;
      }
      if (media.charset !== null && media.charset !== 'utf-8' && media.charset !== 'utf8') {
        refuse(
          ctx,
          415,
          'content-type',
          `POST ${pathname} needs a UTF-8 JSON body (got charset ${media.charset.slice(0, 30)})`,
        );
        return;
      }
    }

    const authenticatedSession = typeof ctx.call.sessionToken === 'string' && ctx.call.sessionToken !== '';
    const exempt =
      authenticatedSession ||
      (operation !== null && !isEvents && !isUpload && options.isPublicOperation(operation));
    if (!exempt) {
      const given = header(ctx, TOKEN_HEADER) ?? (isEvents ? ctx.url.searchParams.get(TOKEN_QUERY) : null);
      if (!sameSecret(given, expected)) {
        refuse(
          ctx,
          403,
          'token',
          given
            ? 'The TallyConnect page is out of date (the server restarted); reload the page'
            : 'This call must come from the TallyConnect page (the X-TallyConnect-Token header is missing)',
        );
        return;
      }
    }
    return next();
  };
}

/**
 * The headless HTTP adapter: a middleware list (before → edge guard → API → events → upload → static
 * → 404). The portal adds its sign-in and headers with `before` / `use` without touching the routes.
 */
export function createServeServer(options: ServeServerOptions): ServeServer {
  const token = options.launchToken ?? newLaunchToken();
  const uploadDir = path.resolve(options.uploadDir);
  let listening: { host: string; port: number; secure: boolean } | null = null;
  const secure = options.tls !== undefined;
  const before: Middleware[] = [...(options.before ?? [])];
  const routes: Middleware[] = [
    edgeGuard({
      token,
      listening: () => listening,
      isPublicOperation: options.isPublicOperation ?? isPublicOperation,
    }),
    eventStream(options.core.events.onAny, { heartbeatMs: options.heartbeatMs ?? 15_000 }),
    uploadRoute({
      uploadDir,
      limitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
      caps: options.uploadCaps,
    }),
    apiRoutes(options.core.dispatch, {
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
      uploadDir,
      onError: options.onError,
    }),
    ...(options.staticDir ? [staticFiles(options.staticDir, { token })] : []),
    async (ctx) => {
      sendError(ctx.res, 'NOT_FOUND', `Nothing at ${ctx.url.pathname}`);
    },
  ];
  const handle = (ctx: RequestContext) => compose([...before, ...routes])(ctx);

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const ctx: RequestContext = {
      req,
      res,
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      // import.files over HTTP reads only files in the upload folder (checked by its handler).
      call: { caller: 'http', user: null, address: req.socket.remoteAddress, importFolder: uploadDir },
    };
    handle(ctx).catch((error: unknown) => {
      const errorId = newErrorId();
      options.onError?.(error, {
        errorId,
        ...(ctx.call.user ? { user: ctx.call.user.username } : {}),
      });
      if (!res.headersSent) {
        sendJson(res, 500, {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The server could not answer this request (error id ${errorId})`,
            details: { errorId },
          },
        });
      } else res.destroy();
    });
  };
  const server: http.Server = secure
    ? (https.createServer({ ...options.tls, minVersion: 'TLSv1.2' }, onRequest) as unknown as http.Server)
    : http.createServer(onRequest);
  // With TLS, one port serves both: a TLS handshake goes to the HTTPS server, anything else to the refusal.
  const front: net.Server = secure ? net.createServer((socket) => sniff(socket, server)) : server;
  const sockets = new Set<Socket>();
  front.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    token,
    use(middleware) {
      before.push(middleware);
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        front.once('error', reject);
        front.listen(port, host, () => {
          front.off('error', reject);
          const address = front.address() as AddressInfo;
          listening = { host, port: address.port, secure };
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({
            host,
            port: address.port,
            url: `${secure ? 'https' : 'http'}://${shown}:${address.port}`,
          });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        // Event streams never end on their own; close their sockets so close() can finish.
        for (const socket of sockets) socket.destroy();
        if (front !== server) server.close();
        front.close(() => resolve());
      });
    },
  };
}

/** The first byte of a TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;
const PLAIN_HTTP_WAIT_MS = 10_000;

/**
 * Hands a connection to the HTTPS server when it starts a TLS handshake; answers anything else (plain
 * HTTP) itself: a page is redirected to https:// on the same host and port, the API is refused. Plain
 * HTTP never reaches a route, so no answer of the API (or the page's launch token) goes out in clear.
 */
function sniff(socket: Socket, tlsServer: http.Server): void {
  socket.setTimeout(PLAIN_HTTP_WAIT_MS, () => socket.destroy());
  socket.once('data', (chunk: Buffer) => {
    socket.setTimeout(0);
    socket.pause();
    socket.unshift(chunk);
    if (chunk[0] === TLS_HANDSHAKE) {
      tlsServer.emit('connection', socket);
      return;
    }
    socket.end(plainHttpAnswer(chunk.toString('latin1')));
  });
  socket.on('error', () => socket.destroy());
}

/** The whole answer to a plain-HTTP request on the HTTPS port. */
export function plainHttpAnswer(head: string): string {
  const [requestLine = ''] = head.split('\r\n', 1);
  const [method = '', target = ''] = requestLine.split(' ');
  const host = /\r\nhost:[ \t]*([^\r\n]*)/i.exec(head)?.[1]?.trim().toLowerCase() ?? '';
  const validHost = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host);
  const page =
    (method === 'GET' || method === 'HEAD') && target.startsWith('/') && !target.startsWith('/api/');
  const common = 'Connection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n';
  if (page && validHost && !/[\s"<>\\]/.test(target)) {
    const location = `https://${host}${target}`;
    return `HTTP/1.1 308 Permanent Redirect\r\nLocation: ${location}\r\n${common}Content-Length: 0\r\n\r\n`;
  }
  const body = JSON.stringify({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `The TallyConnect office portal answers only over HTTPS${validHost ? `: use https://${host}/` : ''}`,
      details: { reason: 'https-only' },
    },
  });
  return (
    `HTTP/1.1 403 Forbidden\r\n${common}Content-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}
