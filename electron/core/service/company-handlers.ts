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
  info: { version: string; dataDir: string; databasePath: string; mode: 'electron' | 'serve' | 'cli' };
}

/** Demo load, company removal and app info: the store-level operations outside sync. */
export function companyHandlers(
  deps: CompanyDeps,
): PartialHandlerMap<'demo.load' | 'company.delete' | 'app.info'> {
  const { store, events, logger } = deps;
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
      events.emit('books.changed', { companyGuid: result.companyGuid, dataVersion: result.dataVersion });
      const summary: CompanySummary | null = companySummary(store.db, result.companyGuid);
      if (!summary) throw new AppError('INTERNAL', 'The demo company was written but cannot be read back');
      return summary;
    },
    'company.delete': async (input) => {
      if (!store.deleteCompany(input.companyGuid)) {
        throw new AppError('NOT_FOUND', `No company with GUID "${input.companyGuid}" in the local store`, {
          companyGuid: input.companyGuid,
        });
      }
      logger.info('company deleted', { companyGuid: input.companyGuid });
      events.emit('books.changed', { companyGuid: input.companyGuid, dataVersion: 0 });
      return { deleted: true };
    },
    'app.info': async () => ({ ...deps.info }),
  };
}
