import type { Store } from '../db/store';
import { withDatabaseErrors } from '../db/sqlite-errors';
import { loadMasters } from '../reports/masters';
import { masterNames } from '../reports/master-names';
import type { PartialHandlerMap } from './types';

/** Master name lists (a read of the company's masters; nothing cached beyond the masters' own memo). */
export function masterHandlers(deps: { store: Store }): PartialHandlerMap<'masters.names'> {
  const { store } = deps;
  return {
    'masters.names': async (input) => {
      return withDatabaseErrors(store.path, () => {
        const row = store.requireCompany(input.companyGuid);
        return masterNames(store.db, loadMasters(store.db, row), input.kind);
      });
    },
  };
}
