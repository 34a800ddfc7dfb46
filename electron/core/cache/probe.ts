import { parseInfo } from './info';
import type { RedisAddress } from './redis-options';
import { createRedisClient, SINGLE, type RedisTopology } from './topology';

export type ProbeResult = { ok: true; info: Record<string, string> } | { ok: false; error: string };
export type Probe = (
  address: RedisAddress,
  budgetMs: number,
  topology?: RedisTopology,
) => Promise<ProbeResult>;

/**
 * Connects, runs INFO server and disconnects, all within budgetMs (a closed port fails in ~1 ms). Through
 * the sentinels (the master they name) or the cluster (any node, once the slot map is read) when so
 * configured.
 */
export const probeRedis: Probe = async (address, budgetMs, topology = SINGLE) => {
  const client = createRedisClient(
    { address, topology },
    { commandTimeoutMs: budgetMs, connectTimeoutMs: budgetMs, maxReconnectDelayMs: 0 },
    {
      retryStrategy: () => null,
      connectionName: 'tallyconnect-probe',
      ...(topology.kind === 'sentinel' ? { sentinelRetryStrategy: () => null } : {}),
    },
  );
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${budgetMs} ms` }), budgetMs);
  });
  const attempt = (async (): Promise<ProbeResult> => {
    try {
      await client.connect();
      return { ok: true, info: parseInfo(await client.info('server')) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: message };
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
};
