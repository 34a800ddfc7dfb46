import { Redis } from 'ioredis';

/**
 * ioredis options for the portal's connections: fail fast while Redis is down (no offline queue, short
 * timeouts) so a request falls back to memory at once instead of hanging, and reconnect in the
 * background every second.
 */
export function createPortalRedis(url: string, options: { subscriber?: boolean } = {}): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: options.subscriber === true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: options.subscriber ? undefined : 500,
    retryStrategy: () => 1_000,
    enableReadyCheck: true,
  });
  // Errors are handled per command; without a listener ioredis prints every reconnect failure.
  client.on('error', () => undefined);
  return client;
}

/** Resolves once the client is connected, or after timeoutMs (the caller then runs on fallbacks). */
export function whenReady(client: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean): void => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = (): void => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}
