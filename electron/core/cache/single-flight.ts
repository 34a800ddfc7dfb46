import { prepareValue, type PreparedValue } from './json-value';

/** What single-flight needs from a backend: a read and a write of an already prepared value. */
export interface Loadable {
  get<T>(key: string): Promise<T | undefined>;
  putPrepared(key: string, prepared: PreparedValue, ttlSeconds: number): Promise<void>;
}

/**
 * fetch-or-load with single-flight: N concurrent misses on one key run the loader once.
 * Any invalidation bumps the generation and forgets in-flight loads, so a load that started before a
 * "clear" neither stores its (possibly stale) result nor is joined by callers arriving after the clear.
 */
export class SingleFlight {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private generation = 0;

  invalidate(): void {
    this.generation++;
    this.inflight.clear();
  }

  get pending(): number {
    return this.inflight.size;
  }

  async getOrCompute<T>(
    target: Loadable,
    key: string,
    ttlSeconds: number,
    loader: () => T | Promise<T>,
  ): Promise<{ value: T; hit: boolean }> {
    const joined = this.inflight.get(key);
    if (joined) return { value: (await joined) as T, hit: false };
    const cached = await target.get<T>(key);
    if (cached !== undefined) return { value: cached, hit: true };
    let flight = this.inflight.get(key);
    if (!flight) {
      const generation = this.generation;
      const started = (async (): Promise<unknown> => {
        const prepared = prepareValue(key, await loader());
        if (generation === this.generation) await target.putPrepared(key, prepared, ttlSeconds);
        return prepared.value;
      })();
      flight = started;
      this.inflight.set(key, started);
      const forget = (): void => {
        if (this.inflight.get(key) === started) this.inflight.delete(key);
      };
      started.then(forget, forget);
    }
    return { value: (await flight) as T, hit: false };
  }
}
