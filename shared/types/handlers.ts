import type { OperationName, OutputOf, ParsedInputOf } from '../contract';
import type { PortalUser } from './portal';

/**
 * The API handlers' shapes. Shared, not the service layer's own: the portal's access check wraps handlers
 * (electron/core/portal/guard.ts) and sits below the service, so the types both use live here.
 */

/** Who is calling; adapters fill it in. Handlers use it for access checks, never for business rules. */
export interface CallContext {
  caller: 'ipc' | 'http' | 'cli' | 'test';
  /** The portal user for office-portal HTTP calls; null for the desktop owner (IPC, local serve, CLI). */
  user: PortalUser | null;
  /** Session token of a portal call, for sign-out. */
  sessionToken?: string;
  /** Remote address of an HTTP call. */
  address?: string;
  /** When set, import.files may read only files inside this folder (HTTP: the upload folder). */
  importFolder?: string;
  signal?: AbortSignal;
}

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  context: CallContext,
) => Promise<OutputOf<N>>;

export type HandlerMap = { [N in OperationName]: Handler<N> };
export type PartialHandlerMap<K extends OperationName> = { [N in K]: Handler<N> };
