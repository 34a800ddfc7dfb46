import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiRoutes, type DispatchFn } from './api';
import { compose, type Middleware, type RequestContext } from './pipeline';
import { sendError } from './respond';
import { eventStream, type OnAny } from './sse';
import { staticFiles } from './static';
import { uploadRoute } from './upload';

export interface ServeCore {
  dispatch: DispatchFn;
  events: { onAny: OnAny };
}

export interface ServeServerOptions {
  core: ServeCore;
  /** Built renderer (out/renderer); null serves only the API. */
  staticDir: string | null;
  uploadDir: string;
  uploadLimitBytes?: number;
  bodyLimitBytes?: number;
  heartbeatMs?: number;
  /** Runs before the routes: sign-in, rate limits, security headers (portal). */
  before?: Middleware[];
  onError?: (error: unknown) => void;
}

export interface ServeServer {
  server: http.Server;
  /** Adds middleware in front of the routes (after any given in `before`). */
  use(middleware: Middleware): void;
  listen(port: number, host?: string): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export const DEFAULT_UPLOAD_LIMIT = 512 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The headless HTTP adapter: a middleware list (before → API → events → upload → static → 404).
 * The portal adds its sign-in and headers with `before` / `use` without touching the routes.
 */
export function createServeServer(options: ServeServerOptions): ServeServer {
  const before: Middleware[] = [...(options.before ?? [])];
  const routes: Middleware[] = [
    eventStream(options.core.events.onAny, { heartbeatMs: options.heartbeatMs ?? 15_000 }),
    uploadRoute({
      uploadDir: options.uploadDir,
      limitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
    }),
    apiRoutes(options.core.dispatch, { bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT }),
    ...(options.staticDir ? [staticFiles(options.staticDir)] : []),
    async (ctx) => {
      sendError(ctx.res, 'NOT_FOUND', `Nothing at ${ctx.url.pathname}`);
    },
  ];
  const handle = (ctx: RequestContext) => compose([...before, ...routes])(ctx);

  const server = http.createServer((req, res) => {
    const ctx: RequestContext = {
      req,
      res,
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      call: { caller: 'http', user: null, address: req.socket.remoteAddress },
    };
    handle(ctx).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) sendError(res, 'INTERNAL', 'The server could not answer this request');
      else res.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    use(middleware) {
      before.push(middleware);
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve({ host, port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        // Event streams never end on their own; close their sockets so close() can finish.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
