/**
 * What the report service needs from a cache. The full cache interface (electron/core/cache/cache.ts)
 * implements it; `passThroughCache` is the honest no-cache implementation used by benchmarks that
 * measure the database alone.
 */
export interface ReportCache {
  getOrCompute<T>(
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }>;
}

export const passThroughCache: ReportCache = {
  async getOrCompute(_key, _ttl, loader) {
    return { value: await loader(), hit: false };
  },
};
