import { AppError } from '../../../shared/errors';
import type { CompanySummary } from '../../../shared/types/reports';
import type { Store } from '../db/store';
import { loadDemoCompany } from '../demo/load';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { companySummary } from '../reports/company-list';
import { todayInIndia } from './report-handlers';
import type { PartialHandlerMap } from './types';

export interface CompanyDeps {
  store: Store;
  events: EventBus;
  logger: Logger;
  now: () => Date;
  /** Drops the company's cached answers (and the company list) after a committed change. */
  invalidateCompany: (companyGuid: string) => Promise<unknown>;
  info: { version: string; dataDir: string; databasePath: string; mode: 'electron' | 'serve' | 'cli' };
}

/** Demo load, company removal and app info: the store-level operations outside sync. */
export function companyHandlers(
  deps: CompanyDeps,
): PartialHandlerMap<'demo.load' | 'company.delete' | 'company.setBooksFrom' | 'app.info'> {
  const { store, events, logger } = deps;
  // Invalidate before announcing, so a screen refreshing on 'books.changed' reads the new books.
  const announceChange = async (companyGuid: string, dataVersion: number): Promise<void> => {
    try {
      await deps.invalidateCompany(companyGuid);
    } catch (error) {
      // Report keys carry the data version; only the company list could be briefly stale.
      logger.warn('cache invalidation failed', { error, companyGuid });
    }
    events.emit('books.changed', { companyGuid, dataVersion });
  };
  return {
    'demo.load': async (input) => {
      const started = performance.now();
      const result = loadDemoCompany(store, {
        vouchers: input.vouchers,
        seed: input.seed,
        until: todayInIndia(deps.now()),
      });
      logger.info('demo company loaded', {
        companyGuid: result.companyGuid,
        vouchers: result.vouchers,
        ms: Math.round(performance.now() - started),
      });
      await announceChange(result.companyGuid, result.dataVersion);
      const summary: CompanySummary | null = companySummary(store.db, result.companyGuid);
      if (!summary) throw new AppError('INTERNAL', 'The demo company was written but cannot be read back');
      return summary;
    },
    'company.delete': async (input) => {
      if (!store.deleteCompany(input.companyGuid)) {
        throw new AppError(
          'NOT_FOUND',
          `No company with GUID "${input.companyGuid}" in the local store`,
          { companyGuid: input.companyGuid },
          { reason: 'unknownCompany', params: { guid: input.companyGuid } },
        );
      }
      logger.info('company deleted', { companyGuid: input.companyGuid });
      await announceChange(input.companyGuid, 0);
      return { deleted: true };
    },
    'company.setBooksFrom': async (input) => {
      store.setBooksFrom(input.companyGuid, input.booksFrom);
      const row = store.requireCompany(input.companyGuid);
      logger.info('books-from date set', { companyGuid: input.companyGuid, booksFrom: input.booksFrom });
      await announceChange(input.companyGuid, row.dataVersion);
      const summary = companySummary(store.db, input.companyGuid);
      if (!summary) throw new AppError('INTERNAL', 'The company was changed but cannot be read back');
      return summary;
    },
    'app.info': async () => ({ ...deps.info }),
  };
}
