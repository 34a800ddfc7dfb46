import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig, loadConfig, redactUrl, redisUrlOf } from '../../../electron/core/config/config';
import { formatConfigError } from '../../../electron/core/config/parse';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the design defaults when nothing is set', () => {
    const { config, errors } = loadConfig({ dataDir: dir, env: {} });
    expect(errors).toEqual([]);
    expect(config.tally).toEqual({ host: 'localhost', port: 9000, timeoutMs: 5 * 60_000 });
    expect(config.autoSyncMinutes).toBe(0);
    expect(config.language).toBe('en');
    expect(config.portal.enabled).toBe(false);
    expect(config.cache).toMatchObject({
      mode: 'auto',
      explicitAddress: false,
      addressInvalid: false,
      keyPrefix: 'tallyconnect:',
      defaultTtlSeconds: 300,
      ttls: { companies: 600, dashboard: 300, ledger: 600, outstanding: 600, report: 900 },
      address: { host: '127.0.0.1', port: 6379, db: 0, password: null, tls: false },
    });
    expect(config.envFilePath).toBe(join(dir, '.env'));
  });

  it('parses in a second thread by default only where there is a second core', () => {
    expect(buildConfig(dir, {}, 1).config.syncParseWorker).toBe(false);
    expect(buildConfig(dir, {}, 2).config.syncParseWorker).toBe(true);
    expect(buildConfig(dir, { SYNC_PARSE_WORKER: 'false' }, 8).config.syncParseWorker).toBe(false);
    expect(buildConfig(dir, { SYNC_PARSE_WORKER: 'true' }, 1).config.syncParseWorker).toBe(true);
  });

  it('reads the .env file in the data folder; the environment overrides it', () => {
    writeFileSync(
      join(dir, '.env'),
      '# comment\nTALLY_PORT=9100\nLANGUAGE=mr\nCACHE_TTL_DASHBOARD=120\nREDIS_HOST=cache.local\n',
    );
    const { config, errors, fromEnvironment } = loadConfig({ dataDir: dir, env: { TALLY_PORT: '9200' } });
    expect(errors).toEqual([]);
    expect(config.tally.port).toBe(9200);
    expect(config.language).toBe('mr');
    expect(config.cache.ttls.dashboard).toBe(120);
    expect(config.cache.explicitAddress).toBe(true);
    expect(config.cache.address.host).toBe('cache.local');
    expect([...fromEnvironment]).toEqual(['TALLY_PORT']);
  });

  it('reports each bad value naming the variable and the value, and falls back to defaults', () => {
    const { config, errors } = loadConfig({
      dataDir: dir,
      env: {
        REDIS_PORT: 'abc',
        REDIS_ENABLED: 'maybe',
        CACHE_TTL_REPORTS: '-5',
        LANGUAGE: 'fr',
        PORTAL_ENABLED: 'sure',
        TALLY_HOST: 'http://localhost:9000',
      },
    });
    const texts = errors.map(formatConfigError);
    expect(texts).toContain(
      'REDIS_PORT="abc" is not valid: must be a whole number from 1 to 65535 (using 6379)',
    );
    expect(texts.some((t) => t.startsWith('REDIS_ENABLED="maybe"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('CACHE_TTL_REPORTS="-5"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('LANGUAGE="fr"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('PORTAL_ENABLED="sure"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('TALLY_HOST="http://localhost:9000"'))).toBe(true);
    expect(config.cache.addressInvalid).toBe(true);
    expect(config.cache.mode).toBe('auto');
    expect(config.cache.ttls.report).toBe(900);
    expect(config.tally.host).toBe('localhost');
  });

  it("reads Tally's request timeout in minutes and refuses one that is not a whole number of minutes", () => {
    expect(loadConfig({ dataDir: dir, env: { TALLY_TIMEOUT_MINUTES: '20' } }).config.tally.timeoutMs).toBe(
      20 * 60_000,
    );
    const { config, errors } = loadConfig({ dataDir: dir, env: { TALLY_TIMEOUT_MINUTES: '0' } });
    expect(config.tally.timeoutMs).toBe(5 * 60_000);
    expect(errors.map(formatConfigError).some((t) => t.startsWith('TALLY_TIMEOUT_MINUTES="0"'))).toBe(true);
  });

  it('parses REDIS_URL (TLS, password, db) and never shows the password in errors or redacted output', () => {
    const { config } = loadConfig({
      dataDir: dir,
      env: { REDIS_URL: 'rediss://:s3cret%21@10.0.0.5:6380/2' },
    });
    expect(config.cache.address).toEqual({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      username: null,
      password: 's3cret!',
      tls: true,
    });
    expect(config.cache.explicitAddress).toBe(true);
    expect(redactUrl(config.cache.redisUrl)).toBe('rediss://:***@10.0.0.5:6380/2');
    expect(redisUrlOf(config.cache.address)).toBe('rediss://:s3cret!@10.0.0.5:6380/2');

    const bad = loadConfig({ dataDir: dir, env: { REDIS_URL: 'http://:pw@host/99' } });
    expect(bad.config.cache.addressInvalid).toBe(true);
    expect(JSON.stringify(bad.errors)).not.toContain('pw');
    const badDb = loadConfig({ dataDir: dir, env: { REDIS_URL: 'redis://host/99' } });
    expect(badDb.errors[0]?.message).toContain('0 to 15');
  });

  it('never echoes REDIS_PASSWORD', () => {
    const { config, errors } = loadConfig({
      dataDir: dir,
      env: { REDIS_PASSWORD: 'hunter2', REDIS_PORT: 'x' },
    });
    expect(config.cache.address.password).toBe('hunter2');
    expect(JSON.stringify(errors)).not.toContain('hunter2');
  });
});
