import type { z } from 'zod';
import type { Envelope } from '../errors';
import type { OperationSpec } from './define';
import type { AppEventName, AppEvents } from './events';
import { reportOperations } from './reports';
import { cacheOperations } from './cache';
import { syncOperations } from './sync';
import { settingsOperations } from './settings';
import { portalOperations } from './portal';
import { updateOperations } from './update';
import { liveOperations } from './live';
import { masterOperations } from './masters';
import { assistantOperations } from './assistants';
import { gstOperations } from './gst';
import { collectionOperations } from './collections';
import { comparisonOperations } from './comparison';
import { registerOperations } from './registers';

/** The one contract: IPC, the HTTP server, the CLI and the tests all speak it. */
export const contract = {
  ...reportOperations,
  ...cacheOperations,
  ...syncOperations,
  ...settingsOperations,
  ...portalOperations,
  ...updateOperations,
  ...liveOperations,
  ...masterOperations,
  ...assistantOperations,
  ...gstOperations,
  ...collectionOperations,
  ...comparisonOperations,
  ...registerOperations,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

type SpecOf<N extends OperationName> = Contract[N];
/** What a caller may pass (defaults still optional). */
export type InputOf<N extends OperationName> = z.input<SpecOf<N>['input']>;
/** What a handler receives after validation (defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<SpecOf<N>['input']>;
export type OutputOf<N extends OperationName> =
  SpecOf<N> extends OperationSpec<z.ZodType, infer O> ? O : never;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The API the renderer sees, whether over the Electron preload bridge or HTTP. */
export interface Bridge {
  invoke<N extends OperationName>(operation: N, input: InputOf<N>): Promise<Envelope<OutputOf<N>>>;
  subscribe<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
}

export type { AppEvents, AppEventName } from './events';
export { APP_EVENT_NAMES } from './events';
