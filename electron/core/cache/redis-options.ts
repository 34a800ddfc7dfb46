import type { RedisOptions } from 'ioredis';

/** Where and how to reach a Redis/Memurai server (parsed from REDIS_URL or REDIS_HOST/PORT/...). */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username: string | null;
  password: string | null;
  tls: boolean;
}

export interface RedisTimeouts {
  /** A command not answered within this is failed and served from memory. */
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** Cap of the reconnect backoff. */
  maxReconnectDelayMs: number;
}

export const REDIS_TIMEOUT_DEFAULTS: RedisTimeouts = {
  commandTimeoutMs: 50,
  connectTimeoutMs: 1000,
  maxReconnectDelayMs: 2000,
};

export function describeAddress(address: RedisAddress): string {
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

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
