import type { SyncManager } from '../sync/manager';
import type { PartialHandlerMap } from './types';

/** Tally connection test, sync now / cancel / status, and file import. */
export function syncHandlers(deps: {
  sync: SyncManager;
}): PartialHandlerMap<
  'tally.testConnection' | 'sync.start' | 'sync.cancel' | 'sync.status' | 'import.files'
> {
  const { sync } = deps;
  return {
    'tally.testConnection': (input) => sync.testConnection({ host: input.host, port: input.port }),
    'sync.start': (input) => sync.start({ companyGuid: input.companyGuid, full: input.full }),
    'sync.cancel': async () => sync.cancel(),
    'sync.status': async () => sync.status(),
    'import.files': (input) => sync.importFiles(input.paths),
  };
}
