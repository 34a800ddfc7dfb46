import type { CacheDetection, ServiceState } from '../../../shared/types/cache';
import type { CacheConfig } from '../config/config';
import { formatConfigError, type ConfigError } from '../config/parse';
import { identifyServer } from './info';
import type { ProcessRunner } from './process-runner';
import type { Probe } from './probe';
import { cacheExposure } from './exposure';
import { describeTarget } from './topology';
import { queryCacheServices } from './windows-services';

export interface DetectDeps {
  platform: NodeJS.Platform;
  runner: ProcessRunner;
  probe: Probe;
  now: () => Date;
}

function serviceNote(services: { name: string; state: ServiceState }[]): string {
  const stopped = services.find((s) => s.state === 'stopped' || s.state === 'paused');
  if (stopped) return ` ${stopped.name} is installed but ${stopped.state}; start it to make reports faster.`;
  const starting = services.find((s) => s.state === 'starting');
  if (starting) return ` ${starting.name} is still starting; re-detect in a moment.`;
  return '';
}

/**
 * Decides which cache the app uses and says why, in words the tray and the cache panel can show.
 * auto: an explicit address if configured, else 127.0.0.1:6379 within the probe budget (300 ms); on
 * Windows the Service Control Manager is asked about Memurai and Redis so "installed but stopped" is
 * reported instead of silently using memory. true: Redis is required, and its absence is said loudly.
 */
export async function detectCache(
  config: CacheConfig,
  configErrors: readonly ConfigError[],
  deps: DetectDeps,
): Promise<CacheDetection> {
  const base = {
    mode: config.mode,
    configErrors: configErrors.map(formatConfigError),
    detectedAt: deps.now().toISOString(),
  };
  const memory = (
    reason: string,
    services: CacheDetection['services'] = [],
    memuraiStopped = false,
  ): CacheDetection => ({
    ...base,
    backend: 'memory',
    address: null,
    serverVersion: null,
    reason,
    services,
    memuraiStopped,
  });

  if (config.mode === 'false') {
    return memory('Redis is switched off (REDIS_ENABLED=false); using the in-memory cache.');
  }
  if (config.addressInvalid) {
    const first = configErrors.find((e) => e.variable.startsWith('REDIS_'));
    return memory(
      `The Redis settings are not valid (${first ? formatConfigError(first) : 'see the configuration errors'}); ` +
        'using the in-memory cache. Fix the setting and re-detect.',
    );
  }

  // Never send the books' figures to a server anyone on the network can read.
  const exposed = cacheExposure(config);
  if (exposed !== null) return memory(exposed);

  const where = describeTarget(config);
  const budget =
    config.explicitAddress || config.mode === 'true'
      ? config.timeouts.connectTimeoutMs
      : config.probeBudgetMs;
  const [services, probe] = await Promise.all([
    deps.platform === 'win32' ? queryCacheServices(deps.runner) : Promise.resolve([]),
    deps.probe(config.address, budget, config.topology),
  ]);

  if (probe.ok) {
    const server = identifyServer(probe.info);
    const name = server.kind === 'memurai' ? `Memurai${server.edition ? ` ${server.edition}` : ''}` : 'Redis';
    return {
      ...base,
      backend: server.kind,
      address: where,
      serverVersion: server.version,
      reason: `Using ${name}${server.version ? ` ${server.version}` : ''} at ${where}.`,
      services,
      memuraiStopped: false,
    };
  }

  const memurai = services.find((s) => s.name === 'Memurai');
  const memuraiStopped = memurai?.state === 'stopped' || memurai?.state === 'paused';
  const why = /NOAUTH|WRONGPASS|AUTH/i.test(probe.error)
    ? `it asks for a password (set REDIS_PASSWORD or put it in REDIS_URL): ${probe.error}`
    : probe.error;
  if (config.mode === 'true') {
    return memory(
      `REDIS_ENABLED=true but the cache server at ${where} could not be reached (${why}). ` +
        `TallyConnect is running on its in-memory cache until it can.${serviceNote(services)}`,
      services,
      memuraiStopped,
    );
  }
  if (config.explicitAddress) {
    return memory(
      `The configured cache server at ${where} could not be reached (${why}); using the in-memory cache.` +
        serviceNote(services),
      services,
      memuraiStopped,
    );
  }
  const note = serviceNote(services);
  return memory(
    note
      ? `No cache server answered at ${where}; using the in-memory cache.${note}`
      : `No Redis or Memurai found at ${where} (${why}); using the in-memory cache.`,
    services,
    memuraiStopped,
  );
}
