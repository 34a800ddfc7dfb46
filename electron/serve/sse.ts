import type { AppEventName, AppEvents } from '../../shared/contract';
import type { CallContext } from '../core/service/types';
import type { Middleware } from './pipeline';

export type AnyListener = <E extends AppEventName>(event: E, payload: AppEvents[E]) => void;
/** `call` lets the portal show each signed-in user only the events they may see. */
export type OnAny = (listener: AnyListener, call?: CallContext) => () => void;

/** GET /api/events: server-sent events forwarded from the core's event bus, with a heartbeat. */
export function eventStream(onAny: OnAny, options: { heartbeatMs: number }): Middleware {
  return async (ctx, next) => {
    if (ctx.url.pathname !== '/api/events') return next();
    const { req, res } = ctx;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Tells EventSource to reconnect after 2 s when the server restarts.
    res.write('retry: 2000\n: connected\n\n');
    const unsubscribe = onAny((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    }, ctx.call);
    // Comments keep proxies and idle timeouts from closing a quiet stream.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs);
    heartbeat.unref();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearInterval(heartbeat);
        unsubscribe();
        resolve();
      };
      req.on('close', done);
      res.on('close', done);
    });
  };
}
