import type { Store } from '../db/store';
import { databaseError } from '../db/sqlite-errors';
import { loadMasters } from '../reports/masters';
import { masterNames } from '../reports/master-names';
import type { PartialHandlerMap } from './types';

/** Master name lists (a read of the company's masters; nothing cached beyond the masters' own memo). */
export function masterHandlers(deps: { store: Store }): PartialHandlerMap<'masters.names'> {
  const { store } = deps;
  return {
    'masters.names': async (input) => {
      try {
        const row = store.requireCompany(input.companyGuid);
        return masterNames(store.db, loadMasters(store.db, row), input.kind);
      } catch (error) {
        if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_')) {
          throw databaseError(store.path, error);
        }
        throw error;
      }
    },
  };
}
