import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallContext } from '../core/service/types';

/** Per-request state shared by the middleware chain. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** What the core sees as the caller; auth middleware may fill user / sessionToken. */
  call: CallContext;
}

export type Next = () => Promise<void>;
export type Middleware = (ctx: RequestContext, next: Next) => Promise<void>;

/** Runs middleware in order; each decides whether to answer or to call next(). */
export function compose(middleware: readonly Middleware[]): (ctx: RequestContext) => Promise<void> {
  return (ctx) => {
    const run = (index: number): Promise<void> => {
      const mw = middleware[index];
      if (!mw) return Promise.resolve();
      let called = false;
      return mw(ctx, () => {
        if (called) return Promise.reject(new Error('next() called twice'));
        called = true;
        return run(index + 1);
      });
    };
    return run(0);
  };
}
