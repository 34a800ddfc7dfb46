import { cacheKeys } from '../cache/keys';
import { registerSummary, registerVouchers } from '../reports/register';
import { registerScope } from '../reports/register-scope';
import { reportServer, type ReportDeps } from './report-handlers';
import type { PartialHandlerMap } from './types';

export type RegisterOperation = 'register.summary' | 'register.vouchers';

/**
 * Voucher registers (Sales / Purchase Register and the like), cached as the other reports: the key holds
 * the company's data version, so a sync (which bumps it and clears the company's keys) never serves an
 * old register. The voucher type is checked before the cache, so an unknown or refused type is never
 * cached.
 */
export function registerHandlers(
  deps: Pick<ReportDeps, 'store' | 'cache' | 'ttl'>,
): PartialHandlerMap<RegisterOperation> {
  const { store } = deps;
  const { serve, guarded, company, masters } = reportServer(deps);
  return {
    'register.summary': async (input) => {
      const row = company(input.companyGuid);
      guarded(() => registerScope(store.db, masters(row), input.voucherType));
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'register', [input.voucherType, input.from, input.to]),
        'report',
        () => registerSummary(store.db, masters(row), input),
      );
    },
    'register.vouchers': async (input) => {
      const row = company(input.companyGuid);
      guarded(() => registerScope(store.db, masters(row), input.voucherType));
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'register-vouchers', [
          input.voucherType,
          input.from,
          input.to,
          input.page,
          input.pageSize,
        ]),
        'report',
        () => registerVouchers(store.db, masters(row), input),
      );
    },
  };
}
