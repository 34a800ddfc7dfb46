// The handler types are shared with the portal's access check, below this layer: shared/types/handlers.ts.
export type { CallContext, Handler, HandlerMap, PartialHandlerMap } from '../../../shared/types/handlers';
