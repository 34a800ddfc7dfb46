import { assertKeyCursor } from '../../../shared/contract/cache';
import type { CacheManager } from '../cache/manager';
import type { PartialHandlerMap } from './types';

type CacheOperation =
  | 'cache.status'
  | 'cache.keys'
  | 'cache.clearAll'
  | 'cache.clearCompany'
  | 'cache.redetect'
  | 'cache.startMemurai';

/** The cache panel's and the tray's operations. Redis faults never reach here (the cache falls back). */
export function cacheHandlers(deps: { cache: CacheManager }): PartialHandlerMap<CacheOperation> {
  const { cache } = deps;
  return {
    'cache.status': async () => cache.status(),
    'cache.keys': async (input) => {
      // The contract schema checks it too; this keeps a caller that skips the dispatcher honest.
      if (input.cursor !== null) assertKeyCursor(input.cursor);
      return cache.keys(input.cursor, input.count, input.pattern);
    },
    'cache.clearAll': async () => ({ deleted: await cache.clearAll() }),
    'cache.clearCompany': async (input) => ({ deleted: await cache.invalidateCompany(input.companyGuid) }),
    'cache.redetect': async () => cache.redetect(),
    'cache.startMemurai': async () => cache.startMemurai(),
  };
}
