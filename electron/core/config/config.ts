import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { Language } from '../../../shared/types/settings';
import { isAllowedFeedUrl } from '../../../shared/contract/update';
import {
  DEFAULT_TTLS,
  FIRST_TIER_DEFAULTS,
  MEMORY_DEFAULTS,
  REDIS_TIMEOUT_DEFAULTS,
  SINGLE,
  TTL_ENV_VARS,
  type CacheResource,
  type FirstTierOptions,
  type HostPort,
  type MemoryLimits,
  type RedisAddress,
  type RedisTimeouts,
  type RedisTopology,
} from './cache-settings';
import { checkHost, EnvReader, type ConfigError, type Source } from './parse';

export type RedisMode = 'auto' | 'true' | 'false';

export interface CacheConfig {
  mode: RedisMode;
  /** Where to find Redis/Memurai (127.0.0.1:6379 unless configured). */
  address: RedisAddress;
  /** Single server, or Sentinel (REDIS_SENTINELS + REDIS_SENTINEL_NAME) or Cluster (REDIS_CLUSTER_NODES). */
  topology: RedisTopology;
  /** True when REDIS_URL, REDIS_HOST, REDIS_SENTINELS or REDIS_CLUSTER_NODES chose where (auto then tries only that). */
  explicitAddress: boolean;
  /** True when a connection variable was invalid: the app runs on memory and says why. */
  addressInvalid: boolean;
  /** REDIS_URL as written ('' when unset). */
  redisUrl: string;
  keyPrefix: string;
  defaultTtlSeconds: number;
  ttls: Record<CacheResource, number>;
  timeouts: RedisTimeouts;
  /** How long auto-detection may spend probing 127.0.0.1:6379. */
  probeBudgetMs: number;
  memory: MemoryLimits;
  firstTier: FirstTierOptions;
}

export interface AppConfig {
  dataDir: string;
  envFilePath: string;
  /** timeoutMs: per request; a large company's day book can take Tally minutes to export. */
  tally: { host: string; port: number; timeoutMs: number };
  /** Minutes between automatic syncs; 0 = off. */
  autoSyncMinutes: number;
  /**
   * Parse Tally's answers in a second worker thread while the sync worker stores the previous batch. On by
   * default wherever there is a second core: one batch parsed at a time, it is 1.3–1.5× the end-to-end
   * rate for ~50 MB more at a million vouchers (docs/BENCHMARKS.md "Sync speed"). Where Tally's own export
   * is the slower side (Tally on a busy PC) both ways wait for Tally alike.
   */
  syncParseWorker: boolean;
  language: Language;
  portal: { enabled: boolean; bindAddress: string; port: number };
  /**
   * The office's own certificate for the portal's HTTPS (PORTAL_TLS_*): a PFX file and its passphrase,
   * or a PEM certificate and key; all empty: the certificate TallyConnect makes for this PC. Kept apart
   * from `portal` so the passphrase never travels with the settings the screen reads.
   */
  portalCertificate: { pfxPath: string; passphrase: string; certPath: string; keyPath: string };
  /** PORTAL_HTTPS: 'network' (HTTPS whenever the portal listens on a network address) or 'always' (loopback too). */
  portalHttps: 'network' | 'always';
  cache: CacheConfig;
  /** Self-update feed (electron-updater generic provider); '' = updates off. */
  updates: { feedUrl: string };
  /** Live mode (electron/core/live); `enabled` null = the mode's default (on in the desktop app). */
  live: LiveConfig;
}

export interface LiveConfig {
  enabled: boolean | null;
  intervalSeconds: number;
  notifyReceipts: boolean;
  notifyPaymentAbovePaise: number;
}

export interface LoadedConfig {
  config: AppConfig;
  /** Each bad value, naming the variable and the value; the defaults were used instead. */
  errors: ConfigError[];
  /** Variables set in the process environment (they override the .env file). */
  fromEnvironment: ReadonlySet<string>;
}

export const ENV_FILE_NAME = '.env';
export const DEFAULT_KEY_PREFIX = 'tallyconnect:';
export const MAX_TTL_SECONDS = 7 * 86_400;

/** Every variable this module reads; settings.update writes only these. */
export const CONFIG_VARIABLES = [
  'TALLY_HOST',
  'TALLY_PORT',
  'TALLY_TIMEOUT_MINUTES',
  'AUTO_SYNC_MINUTES',
  'SYNC_PARSE_WORKER',
  'LANGUAGE',
  'PORTAL_ENABLED',
  'PORTAL_BIND',
  'PORTAL_PORT',
  'PORTAL_TLS_PFX',
  'PORTAL_TLS_PASSPHRASE',
  'PORTAL_TLS_CERT',
  'PORTAL_TLS_KEY',
  'PORTAL_HTTPS',
  'REDIS_ENABLED',
  'REDIS_URL',
  'REDIS_HOST',
  'REDIS_PORT',
  'REDIS_DB',
  'REDIS_PASSWORD',
  'REDIS_TLS',
  'REDIS_SENTINELS',
  'REDIS_SENTINEL_NAME',
  'REDIS_SENTINEL_PASSWORD',
  'REDIS_CLUSTER_NODES',
  'REDIS_DEFAULT_TTL',
  'REDIS_KEY_PREFIX',
  'REDIS_COMMAND_TIMEOUT_MS',
  'REDIS_CONNECT_TIMEOUT_MS',
  'CACHE_MEMORY_MAX_ENTRIES',
  'CACHE_MEMORY_MAX_MB',
  'CACHE_FIRST_TIER',
  'CACHE_FIRST_TIER_TTL',
  'UPDATE_FEED_URL',
  'LIVE_MODE',
  'LIVE_INTERVAL_SECONDS',
  'LIVE_NOTIFY_RECEIPTS',
  'LIVE_NOTIFY_PAYMENT_PAISE',
  ...Object.values(TTL_ENV_VARS),
] as const;

/** Reads `${dataDir}/.env` (missing is fine); an unreadable or binary file is reported, not fatal. */
export function readEnvFile(path: string): { values: Source; error: ConfigError | null } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, error: null };
    return {
      values: {},
      error: { variable: ENV_FILE_NAME, value: path, message: `cannot be read: ${String(error)}` },
    };
  }
  return { values: parseDotenv(text), error: null };
}

export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => {
    const colon = auth.indexOf(':');
    return colon === -1 ? `${scheme}***@` : `${scheme}${auth.slice(0, colon)}:***@`;
  });
}

function parseRedisUrl(reader: EnvReader, text: string): RedisAddress | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    reader.fail(
      'REDIS_URL',
      redactUrl(text),
      'must look like redis://[:password@]host[:port][/db] or rediss://...',
    );
    return null;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    reader.fail('REDIS_URL', redactUrl(text), 'must start with redis:// or rediss:// (TLS)');
    return null;
  }
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && (!/^\d+$/.test(dbText) || Number(dbText) > 15)) {
    reader.fail('REDIS_URL', redactUrl(text), 'the database after the "/" must be a number from 0 to 15');
    return null;
  }
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port,
    db: dbText === '' ? 0 : Number(dbText),
    username: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    tls: url.protocol === 'rediss:',
  };
}

/** "host:port, host:port" (IPv6 in brackets: "[::1]:26379"); null after reporting what was wrong. */
function parseHostPorts(reader: EnvReader, name: string, text: string): HostPort[] | null {
  const entries = text
    .split(/[,\s]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const out: HostPort[] = [];
  for (const entry of entries) {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(entry);
    const host = match?.[1]?.replace(/^\[|\]$/g, '') ?? '';
    const port = Number(match?.[2]);
    const hostProblem = match ? checkHost(host) : null;
    if (!match || hostProblem || port < 1 || port > 65535) {
      reader.fail(
        name,
        text,
        `"${entry}" is not host:port (${hostProblem ?? 'a host name or IP address, a colon, a port from 1 to 65535'}); ` +
          'list them separated by commas, e.g. 10.0.0.5:26379,10.0.0.6:26379',
      );
      return null;
    }
    if (!out.some((e) => e.host === host && e.port === port)) out.push({ host, port });
  }
  if (out.length === 0) {
    reader.fail(name, text, 'must list at least one host:port');
    return null;
  }
  return out;
}

/** REDIS_SENTINELS + REDIS_SENTINEL_NAME, or REDIS_CLUSTER_NODES, or neither (one server). */
function parseTopology(r: EnvReader, db: number): RedisTopology {
  const sentinelsText = r.raw('REDIS_SENTINELS');
  const nameText = r.raw('REDIS_SENTINEL_NAME');
  const clusterText = r.raw('REDIS_CLUSTER_NODES');
  if (sentinelsText && clusterText) {
    r.fail(
      'REDIS_CLUSTER_NODES',
      clusterText,
      'cannot be used together with REDIS_SENTINELS: set the one your servers run (Sentinel or Cluster)',
    );
    return SINGLE;
  }
  if (clusterText) {
    const nodes = parseHostPorts(r, 'REDIS_CLUSTER_NODES', clusterText);
    if (db !== 0) {
      r.fail(
        'REDIS_DB',
        String(db),
        'must be 0 with REDIS_CLUSTER_NODES (Redis Cluster has database 0 only)',
      );
      return SINGLE;
    }
    return nodes ? { kind: 'cluster', nodes } : SINGLE;
  }
  if (sentinelsText) {
    const sentinels = parseHostPorts(r, 'REDIS_SENTINELS', sentinelsText);
    if (!nameText) {
      r.fail(
        'REDIS_SENTINEL_NAME',
        '',
        'is needed with REDIS_SENTINELS: the master name the sentinels monitor (as in "sentinel monitor <name> ...")',
      );
      return SINGLE;
    }
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(nameText)) {
      r.fail('REDIS_SENTINEL_NAME', nameText, 'may use only letters, digits and _ . - (1 to 64 characters)');
      return SINGLE;
    }
    return sentinels
      ? {
          kind: 'sentinel',
          sentinels,
          name: nameText,
          sentinelPassword: r.raw('REDIS_SENTINEL_PASSWORD') ?? null,
        }
      : SINGLE;
  }
  if (nameText) {
    r.fail('REDIS_SENTINEL_NAME', nameText, 'is used only with REDIS_SENTINELS (the sentinels to ask)');
  }
  if (r.raw('REDIS_SENTINEL_PASSWORD')) {
    r.fail('REDIS_SENTINEL_PASSWORD', '***', 'is used only with REDIS_SENTINELS (the sentinels to ask)');
  }
  return SINGLE;
}

function checkPrefix(value: string): string | null {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(value)
    ? null
    : 'may use only letters, digits and _ . : - (1 to 64 characters)';
}

/** Process environment over the .env file: the variables set in each, merged. */
export function mergeSources(env: Source, file: Source): { merged: Source; fromEnvironment: Set<string> } {
  const fromEnvironment = new Set<string>(
    CONFIG_VARIABLES.filter((name) => env[name] !== undefined && env[name] !== ''),
  );
  const merged: Source = { ...file };
  for (const name of fromEnvironment) merged[name] = env[name];
  return { merged, fromEnvironment };
}

/** Loads the configuration: process environment first, then `${dataDir}/.env`, then defaults. */
export function loadConfig(options: { dataDir: string; env: Source }): LoadedConfig {
  const envFilePath = join(options.dataDir, ENV_FILE_NAME);
  const file = readEnvFile(envFilePath);
  const { merged, fromEnvironment } = mergeSources(options.env, file.values);
  const { config, errors } = buildConfig(options.dataDir, merged);
  return { config, errors: file.error ? [file.error, ...errors] : errors, fromEnvironment };
}

/**
 * Parses merged variables into the typed configuration, collecting every bad value. `cores` (the machine's)
 * decides defaults that depend on it.
 */
export function buildConfig(
  dataDir: string,
  merged: Source,
  cores: number = availableParallelism(),
): { config: AppConfig; errors: ConfigError[] } {
  const envFilePath = join(dataDir, ENV_FILE_NAME);
  const r = new EnvReader(merged);

  const mode = r.oneOf<RedisMode>('REDIS_ENABLED', ['auto', 'true', 'false'], 'auto');
  const before = r.errors.length;
  const urlText = r.raw('REDIS_URL');
  const fromUrl = urlText ? parseRedisUrl(r, urlText) : null;
  const hostText = r.raw('REDIS_HOST');
  const address: RedisAddress = fromUrl ?? {
    host: r.string('REDIS_HOST', '127.0.0.1', checkHost),
    port: r.int('REDIS_PORT', 6379, 1, 65535),
    db: r.int('REDIS_DB', 0, 0, 15),
    username: null,
    password: r.raw('REDIS_PASSWORD') ?? null,
    tls: r.bool('REDIS_TLS', false),
  };
  if (fromUrl && r.raw('REDIS_PASSWORD') && !fromUrl.password)
    address.password = r.raw('REDIS_PASSWORD') ?? null;
  const topology = parseTopology(r, address.db);
  const addressInvalid = r.errors.length > before;

  const defaultTtlSeconds = r.int('REDIS_DEFAULT_TTL', 300, 1, MAX_TTL_SECONDS);
  const ttls = {} as Record<CacheResource, number>;
  for (const resource of Object.keys(DEFAULT_TTLS) as CacheResource[]) {
    ttls[resource] = r.int(TTL_ENV_VARS[resource], DEFAULT_TTLS[resource], 1, MAX_TTL_SECONDS);
  }

  const config: AppConfig = {
    dataDir,
    envFilePath,
    tally: {
      host: r.string('TALLY_HOST', 'localhost', checkHost),
      port: r.int('TALLY_PORT', 9000, 1, 65535),
      timeoutMs: r.int('TALLY_TIMEOUT_MINUTES', 5, 1, 120) * 60_000,
    },
    autoSyncMinutes: r.int('AUTO_SYNC_MINUTES', 0, 0, 24 * 60),
    // Parsing in a second thread while the sync thread stores is 1.3–1.5× the rate wherever a second core
    // exists (docs/BENCHMARKS.md "Sync speed"); on one core it would only add the hand-over.
    syncParseWorker: r.bool('SYNC_PARSE_WORKER', cores > 1),
    language: r.oneOf<Language>('LANGUAGE', ['en', 'mr', 'hi'], 'en'),
    portal: {
      enabled: r.bool('PORTAL_ENABLED', false),
      // Only used once the portal is switched on; it serves the office LAN.
      bindAddress: r.string('PORTAL_BIND', '0.0.0.0', checkHost),
      port: r.int('PORTAL_PORT', 4871, 1, 65535),
    },
    portalCertificate: {
      pfxPath: r.raw('PORTAL_TLS_PFX')?.trim() ?? '',
      passphrase: r.raw('PORTAL_TLS_PASSPHRASE') ?? '',
      certPath: r.raw('PORTAL_TLS_CERT')?.trim() ?? '',
      keyPath: r.raw('PORTAL_TLS_KEY')?.trim() ?? '',
    },
    portalHttps: r.oneOf<'network' | 'always'>('PORTAL_HTTPS', ['network', 'always'], 'network'),
    cache: {
      mode,
      address,
      topology,
      explicitAddress: Boolean(urlText || hostText) || topology.kind !== 'single',
      addressInvalid,
      redisUrl: urlText ?? '',
      keyPrefix: r.string('REDIS_KEY_PREFIX', DEFAULT_KEY_PREFIX, checkPrefix),
      defaultTtlSeconds,
      ttls,
      timeouts: {
        commandTimeoutMs: r.int(
          'REDIS_COMMAND_TIMEOUT_MS',
          REDIS_TIMEOUT_DEFAULTS.commandTimeoutMs,
          5,
          10_000,
        ),
        connectTimeoutMs: r.int(
          'REDIS_CONNECT_TIMEOUT_MS',
          REDIS_TIMEOUT_DEFAULTS.connectTimeoutMs,
          50,
          30_000,
        ),
        maxReconnectDelayMs: REDIS_TIMEOUT_DEFAULTS.maxReconnectDelayMs,
      },
      probeBudgetMs: 300,
      memory: {
        maxEntries: r.int('CACHE_MEMORY_MAX_ENTRIES', MEMORY_DEFAULTS.maxEntries, 100, 10_000_000),
        maxBytes:
          r.int('CACHE_MEMORY_MAX_MB', MEMORY_DEFAULTS.maxBytes / 1024 / 1024, 1, 64 * 1024) * 1024 * 1024,
      },
      firstTier: {
        ...FIRST_TIER_DEFAULTS,
        enabled: r.bool('CACHE_FIRST_TIER', FIRST_TIER_DEFAULTS.enabled),
        ttlSeconds: r.int('CACHE_FIRST_TIER_TTL', FIRST_TIER_DEFAULTS.ttlSeconds, 1, 3600),
      },
    },
    updates: {
      feedUrl: r.string('UPDATE_FEED_URL', '', (url) =>
        isAllowedFeedUrl(url) ? null : 'must be an https:// address (http only on 127.0.0.1)',
      ),
    },
    live: {
      enabled: r.raw('LIVE_MODE') === undefined ? null : r.bool('LIVE_MODE', false),
      intervalSeconds: r.int('LIVE_INTERVAL_SECONDS', 5, 2, 300),
      notifyReceipts: r.bool('LIVE_NOTIFY_RECEIPTS', false),
      notifyPaymentAbovePaise: r.int('LIVE_NOTIFY_PAYMENT_PAISE', 0, 0, Number.MAX_SAFE_INTEGER),
    },
  };
  return { config, errors: r.errors };
}

/** The URL of the configured server with its password, for other Redis users (the portal). */
export function redisUrlOf(address: RedisAddress): string {
  const auth = address.password
    ? `${encodeURIComponent(address.username ?? '')}:${encodeURIComponent(address.password)}@`
    : '';
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `${address.tls ? 'rediss' : 'redis'}://${auth}${host}:${address.port}/${address.db}`;
}
