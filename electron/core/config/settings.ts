import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { settingsPatch } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/types/settings';
import {
  DEFAULT_TTLS,
  describeHostPort,
  TTL_ENV_VARS,
  type CacheResource,
  type HostPort,
  type RedisTopology,
} from './cache-settings';
import {
  buildConfig,
  CONFIG_VARIABLES,
  loadConfig,
  mergeSources,
  readEnvFile,
  redactUrl,
  type LoadedConfig,
} from './config';
import { updateEnvText, writeFileAtomic } from './env-file';
import { formatConfigError, type Source } from './parse';

export type SettingsPatch = z.output<typeof settingsPatch>;

const hostPorts = (list: readonly HostPort[]): string => list.map(describeHostPort).join(', ');

/** Sentinel/Cluster as the settings screen shows them (the sentinel password is never sent out). */
function topologySettings(t: RedisTopology): {
  sentinels: string;
  sentinelName: string;
  clusterNodes: string;
} {
  return {
    sentinels: t.kind === 'sentinel' ? hostPorts(t.sentinels) : '',
    sentinelName: t.kind === 'sentinel' ? t.name : '',
    clusterNodes: t.kind === 'cluster' ? hostPorts(t.nodes) : '',
  };
}

/** The settings the UI shows; the Redis password inside REDIS_URL is never sent out. */
export function toSettings(loaded: LoadedConfig): Settings {
  const { config } = loaded;
  return {
    tallyHost: config.tally.host,
    tallyPort: config.tally.port,
    autoSyncMinutes: config.autoSyncMinutes,
    language: config.language,
    cache: {
      redisEnabled: config.cache.mode,
      redisUrl: redactUrl(config.cache.redisUrl),
      ...topologySettings(config.cache.topology),
      keyPrefix: config.cache.keyPrefix,
      defaultTtlSeconds: config.cache.defaultTtlSeconds,
      ttls: { ...config.cache.ttls },
    },
    portal: { ...config.portal },
  };
}

/** Maps a validated patch to .env variables (null removes a line). */
export function patchToVariables(patch: SettingsPatch, current: LoadedConfig): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (patch.tallyHost !== undefined) out['TALLY_HOST'] = patch.tallyHost;
  if (patch.tallyPort !== undefined) out['TALLY_PORT'] = String(patch.tallyPort);
  if (patch.autoSyncMinutes !== undefined) out['AUTO_SYNC_MINUTES'] = String(patch.autoSyncMinutes);
  if (patch.language !== undefined) out['LANGUAGE'] = patch.language;
  const cache = patch.cache;
  if (cache) {
    if (cache.redisEnabled !== undefined) out['REDIS_ENABLED'] = cache.redisEnabled;
    // The UI echoes the redacted URL back unchanged: keep the stored one (and its password) then.
    if (cache.redisUrl !== undefined && cache.redisUrl.trim() !== redactUrl(current.config.cache.redisUrl)) {
      out['REDIS_URL'] = cache.redisUrl.trim() === '' ? null : cache.redisUrl.trim();
    }
    // The screen echoes these back as shown: only a change is written ('' removes the line).
    const shown = topologySettings(current.config.cache.topology);
    const lists = [
      ['sentinels', 'REDIS_SENTINELS'],
      ['sentinelName', 'REDIS_SENTINEL_NAME'],
      ['clusterNodes', 'REDIS_CLUSTER_NODES'],
    ] as const;
    for (const [field, variable] of lists) {
      const text = cache[field]?.trim();
      if (text !== undefined && text !== shown[field]) out[variable] = text === '' ? null : text;
    }
    if (cache.keyPrefix !== undefined) out['REDIS_KEY_PREFIX'] = cache.keyPrefix;
    if (cache.defaultTtlSeconds !== undefined) out['REDIS_DEFAULT_TTL'] = String(cache.defaultTtlSeconds);
    for (const [resource, seconds] of Object.entries(cache.ttls ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(DEFAULT_TTLS, resource)) {
        throw new AppError(
          'CONFIG',
          `cache.ttls.${resource}: unknown cache resource (known: ${Object.keys(DEFAULT_TTLS).join(', ')})`,
          { field: `cache.ttls.${resource}` },
        );
      }
      out[TTL_ENV_VARS[resource as CacheResource]] = String(seconds);
    }
  }
  const portal = patch.portal;
  if (portal) {
    if (portal.enabled !== undefined) out['PORTAL_ENABLED'] = String(portal.enabled);
    if (portal.bindAddress !== undefined) out['PORTAL_BIND'] = portal.bindAddress;
    if (portal.port !== undefined) out['PORTAL_PORT'] = String(portal.port);
    const certificate = portal.certificate;
    if (certificate) {
      const fields = [
        ['pfxPath', 'PORTAL_TLS_PFX'],
        ['passphrase', 'PORTAL_TLS_PASSPHRASE'],
        ['certPath', 'PORTAL_TLS_CERT'],
        ['keyPath', 'PORTAL_TLS_KEY'],
      ] as const;
      for (const [field, variable] of fields) {
        const value = certificate[field];
        if (value !== undefined) out[variable] = value === '' ? null : value;
      }
    }
  }
  return out;
}

export type ConfigListener = (next: LoadedConfig, previous: LoadedConfig) => void | Promise<void>;

export interface SettingsStore {
  /** The configuration as last loaded (environment + .env). */
  current(): LoadedConfig;
  settings(): Settings;
  /** Validates, writes the .env file atomically (unknown lines and comments kept), reloads, notifies. */
  update(patch: SettingsPatch): Promise<Settings>;
  /**
   * Writes known variables (CONFIG_VARIABLES) directly, for areas whose settings are not part of the
   * settings form (the update feed, live mode); validated, written and announced exactly like update().
   */
  setVariables(variables: Record<string, string | null>): Promise<Settings>;
  /** Other areas (sync, portal, cache) react to changes here; update() waits for them. */
  onChange(listener: ConfigListener): () => void;
}

export function createSettingsStore(options: { dataDir: string; env: Source }): SettingsStore {
  let loaded = loadConfig(options);
  const listeners = new Set<ConfigListener>();
  let queue: Promise<unknown> = Promise.resolve();

  const apply = (patch: SettingsPatch): Promise<Settings> => write(patchToVariables(patch, loaded));
  const write = async (variables: Record<string, string | null>): Promise<Settings> => {
    const names = Object.keys(variables);
    if (names.length === 0) return toSettings(loaded);

    // The environment overrides the file: a change there would silently not take effect.
    const locked = names.filter(
      (name) => loaded.fromEnvironment.has(name) && options.env[name] !== variables[name],
    );
    if (locked.length > 0) {
      throw new AppError(
        'CONFIG',
        `${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} set in the environment, which overrides ` +
          'the .env file; change or remove it there to change it here',
        { field: locked[0] ?? null },
      );
    }

    const path = loaded.config.envFilePath;
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new AppError('CONFIG', `Cannot read ${path}: ${(error as Error).message}`);
      }
    }
    const nextText = updateEnvText(text, variables);

    // Validate the would-be configuration before writing anything.
    const fileValues: Source = { ...readEnvFile(path).values };
    for (const [name, value] of Object.entries(variables)) {
      if (value === null) delete fileValues[name];
      else fileValues[name] = value;
    }
    const { merged } = mergeSources(options.env, fileValues);
    // Sentinel/Cluster variables are checked together (a list without its name is the name's error).
    const topologyVars = [
      'REDIS_SENTINELS',
      'REDIS_SENTINEL_NAME',
      'REDIS_SENTINEL_PASSWORD',
      'REDIS_CLUSTER_NODES',
      'REDIS_DB',
    ];
    const touchesTopology = names.some((n) => topologyVars.includes(n));
    const problems = buildConfig(options.dataDir, merged).errors.filter(
      (e) => names.includes(e.variable) || (touchesTopology && topologyVars.includes(e.variable)),
    );
    if (problems.length > 0) {
      throw new AppError('CONFIG', problems.map(formatConfigError).join('; '), {
        field: problems[0]?.variable ?? null,
      });
    }

    writeFileAtomic(path, nextText);
    const previous = loaded;
    loaded = loadConfig(options);
    for (const listener of listeners) await listener(loaded, previous);
    return toSettings(loaded);
  };

  // One update at a time, so two saves never lose each other's lines.
  const enqueue = (work: () => Promise<Settings>): Promise<Settings> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    current: () => loaded,
    settings: () => toSettings(loaded),
    update: (patch) => enqueue(() => apply(patch)),
    setVariables(variables) {
      const unknown = Object.keys(variables).filter(
        (name) => !(CONFIG_VARIABLES as readonly string[]).includes(name),
      );
      if (unknown.length > 0) {
        return Promise.reject(new AppError('CONFIG', `Unknown setting ${unknown.join(', ')}`));
      }
      return enqueue(() => write(variables));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
