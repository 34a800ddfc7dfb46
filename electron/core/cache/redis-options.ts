import type { RedisOptions } from 'ioredis';

import type { RedisAddress, RedisTimeouts } from '../config/cache-settings';

export {
  describeAddress,
  REDIS_TIMEOUT_DEFAULTS,
  type RedisAddress,
  type RedisTimeouts,
} from '../config/cache-settings';

/**
 * Fast-fail client options. ioredis's defaults queue commands while disconnected and retry each one
 * 20 times, so a dead server costs seconds per call; here a dead server costs nothing (the command is
 * refused at once) and a hung one costs one command timeout. Reconnecting continues in the background
 * with a capped backoff, forever: the resilient cache switches back when the server returns.
 */
export function fastFailOptions(address: RedisAddress, timeouts: RedisTimeouts): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username ? { username: address.username } : {}),
    ...(address.password ? { password: address.password } : {}),
    ...(address.tls ? { tls: { servername: address.host } } : {}),
    lazyConnect: true,
    enableOfflineQueue: false,
    enableReadyCheck: true,
    commandTimeout: timeouts.commandTimeoutMs,
    connectTimeout: timeouts.connectTimeoutMs,
    // 0: commands in flight when the connection drops fail at once instead of waiting for a reconnect.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: false,
    retryStrategy: (attempt: number) =>
      Math.min(50 * 2 ** Math.min(attempt, 10), timeouts.maxReconnectDelayMs),
    connectionName: 'tallyconnect',
  };
}
