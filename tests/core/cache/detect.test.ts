import type { CacheConfig } from '../../../electron/core/config/config';
import { loadConfig } from '../../../electron/core/config/config';
import { detectCache, type DetectDeps } from '../../../electron/core/cache/detect';
import { identifyServer, parseInfo, toMemoryInfo } from '../../../electron/core/cache/info';
import type { ProcessRunner } from '../../../electron/core/cache/process-runner';
import { probeRedis, type Probe } from '../../../electron/core/cache/probe';
import {
  parseScQuery,
  queryCacheServices,
  startServiceElevated,
} from '../../../electron/core/cache/windows-services';
import { freePort, startTestRedis } from '../../helpers/redis-server';

// Recorded `sc.exe query` outputs (Windows 11, English).
const SC_RUNNING = `
SERVICE_NAME: Memurai
        TYPE               : 10  WIN32_OWN_PROCESS
        STATE              : 4  RUNNING
                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)
        WIN32_EXIT_CODE    : 0  (0x0)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x0
        WAIT_HINT          : 0x0
`.replace(/\n/g, '\r\n');
const SC_STOPPED = `
SERVICE_NAME: Memurai
        TYPE               : 10  WIN32_OWN_PROCESS
        STATE              : 1  STOPPED
        WIN32_EXIT_CODE    : 1077  (0x435)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x0
        WAIT_HINT          : 0x0
`.replace(/\n/g, '\r\n');
const SC_MISSING =
  '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n\r\n';
const SC_GERMAN_STOPPED =
  'SERVICE_NAME: Redis\r\n        TYP                : 10  WIN32_OWN_PROCESS\r\n        STATE              : 1  BEENDET\r\n';

const MEMURAI_INFO =
  '# Server\r\nredis_version:7.2.5\r\nmemurai_version:4.1.2\r\nmemurai_edition:Developer\r\nredis_mode:standalone\r\nos:Windows\r\n';
const REDIS_INFO = '# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\nos:Linux 6.1 x86_64\r\n';

function runnerFor(
  outputs: Record<string, { stdout: string; code: number }>,
): ProcessRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const runner: ProcessRunner = async (command, args) => {
    calls.push([command, ...args]);
    const out = outputs[args[args.length - 1] as string] ?? { stdout: SC_MISSING, code: 1060 };
    return { code: out.code, stdout: out.stdout, stderr: '' };
  };
  return Object.assign(runner, { calls });
}

function configWith(env: Record<string, string> = {}): {
  cache: CacheConfig;
  errors: ReturnType<typeof loadConfig>['errors'];
} {
  const loaded = loadConfig({ dataDir: '/nonexistent-tc-dir', env });
  return { cache: loaded.config.cache, errors: loaded.errors };
}

function deps(probe: Probe, platform: NodeJS.Platform = 'linux', runner = runnerFor({})): DetectDeps {
  return { platform, runner, probe, now: () => new Date('2025-06-01T10:00:00Z') };
}

const refused: Probe = async () => ({ ok: false, error: 'connect ECONNREFUSED 127.0.0.1:6379' });
const memurai: Probe = async () => ({ ok: true, info: parseInfo(MEMURAI_INFO) });

describe('sc.exe query parsing (recorded outputs)', () => {
  it.each([
    ['running', SC_RUNNING, 0],
    ['stopped', SC_STOPPED, 0],
    ['missing', SC_MISSING, 1060],
    ['stopped', SC_GERMAN_STOPPED, 0],
    ['unknown', '', 5],
  ] as const)('reads %s', (state, stdout, code) => {
    expect(parseScQuery(stdout, code)).toBe(state);
  });

  it('queries Memurai and Redis', async () => {
    const runner = runnerFor({ Memurai: { stdout: SC_STOPPED, code: 0 } });
    expect(await queryCacheServices(runner)).toEqual([
      { name: 'Memurai', state: 'stopped' },
      { name: 'Redis', state: 'missing' },
    ]);
    expect(runner.calls).toEqual([
      ['sc.exe', 'query', 'Memurai'],
      ['sc.exe', 'query', 'Redis'],
    ]);
  });
});

describe('INFO parsing', () => {
  it('tells Memurai from Redis', () => {
    expect(identifyServer(parseInfo(MEMURAI_INFO))).toEqual({
      kind: 'memurai',
      version: '4.1.2',
      edition: 'Developer',
    });
    expect(identifyServer(parseInfo(REDIS_INFO))).toEqual({
      kind: 'redis',
      version: '7.0.15',
      edition: null,
    });
  });
  it('reads INFO memory', () => {
    const info = parseInfo(
      'used_memory_human:1.05M\r\nmaxmemory:0\r\nmaxmemory_human:0B\r\nmaxmemory_policy:allkeys-lru\r\n',
    );
    expect(toMemoryInfo(info)).toEqual({
      usedMemoryHuman: '1.05M',
      maxmemory: 0,
      maxmemoryHuman: '0B',
      maxmemoryPolicy: 'allkeys-lru',
    });
  });
});

describe('detectCache', () => {
  it('REDIS_ENABLED=false: memory, without probing', async () => {
    const probe = vi.fn(refused);
    const { cache, errors } = configWith({ REDIS_ENABLED: 'false' });
    const d = await detectCache(cache, errors, deps(probe));
    expect(d).toMatchObject({ backend: 'memory', mode: 'false', address: null, services: [] });
    expect(d.reason).toContain('REDIS_ENABLED=false');
    expect(probe).not.toHaveBeenCalled();
  });

  it('a bad REDIS_PORT: memory, naming the variable and value', async () => {
    const probe = vi.fn(refused);
    const { cache, errors } = configWith({ REDIS_PORT: 'abc' });
    const d = await detectCache(cache, errors, deps(probe));
    expect(d.backend).toBe('memory');
    expect(d.reason).toContain('REDIS_PORT="abc"');
    expect(d.configErrors[0]).toContain('REDIS_PORT="abc"');
    expect(probe).not.toHaveBeenCalled();
  });

  it('auto on Windows: Memurai running → memurai with its version', async () => {
    const runner = runnerFor({ Memurai: { stdout: SC_RUNNING, code: 0 } });
    const { cache, errors } = configWith();
    const d = await detectCache(cache, errors, deps(memurai, 'win32', runner));
    expect(d).toMatchObject({
      backend: 'memurai',
      address: '127.0.0.1:6379',
      serverVersion: '4.1.2',
      memuraiStopped: false,
      services: [
        { name: 'Memurai', state: 'running' },
        { name: 'Redis', state: 'missing' },
      ],
    });
    expect(d.reason).toBe('Using Memurai Developer 4.1.2 at 127.0.0.1:6379.');
  });

  it('auto on Windows: Memurai installed but stopped → memory, saying so', async () => {
    const runner = runnerFor({ Memurai: { stdout: SC_STOPPED, code: 0 } });
    const { cache, errors } = configWith();
    const d = await detectCache(cache, errors, deps(refused, 'win32', runner));
    expect(d).toMatchObject({ backend: 'memory', memuraiStopped: true });
    expect(d.reason).toContain('Memurai is installed but stopped');
  });

  it('auto with nothing installed → memory; the probe budget is 300 ms', async () => {
    const probe = vi.fn(refused);
    const { cache, errors } = configWith();
    const d = await detectCache(cache, errors, deps(probe, 'win32'));
    expect(d.backend).toBe('memory');
    expect(d.reason).toContain('No Redis or Memurai found at 127.0.0.1:6379');
    expect(probe.mock.calls[0]?.[1]).toBe(300);
  });

  it('REDIS_ENABLED=true and unreachable: says so loudly and runs on memory', async () => {
    const { cache, errors } = configWith({
      REDIS_ENABLED: 'true',
      REDIS_HOST: 'cache.office',
      REDIS_PASSWORD: 'office-secret',
    });
    const d = await detectCache(cache, errors, deps(refused));
    expect(d.backend).toBe('memory');
    expect(d.reason).toMatch(
      /^REDIS_ENABLED=true but the cache server at cache\.office:6379 could not be reached/,
    );
  });

  it('never sends the books to a server on the network without a password or TLS (memory, and says why)', async () => {
    const probed: string[] = [];
    const answering: Probe = async (address) => {
      probed.push(address.host);
      return { ok: true, info: parseInfo(MEMURAI_INFO) };
    };
    for (const env of [
      { REDIS_HOST: '192.168.1.20' } as Record<string, string>,
      { REDIS_URL: 'redis://cache.office:6379' },
      { REDIS_ENABLED: 'true', REDIS_URL: 'redis://user@10.0.0.5:6379' },
      { REDIS_SENTINELS: '10.0.0.7:26379', REDIS_SENTINEL_NAME: 'mymaster', REDIS_HOST: '127.0.0.1' },
    ]) {
      const { cache, errors } = configWith(env);
      const d = await detectCache(cache, errors, deps(answering));
      expect(d.backend, JSON.stringify(env)).toBe('memory');
      expect(d.reason).toMatch(/is on the network and has no password or TLS/);
      expect(d.reason).toMatch(/REDIS_PASSWORD|rediss:/);
    }
    // Not even probed: nothing of the books is sent.
    expect(probed).toEqual([]);
    // With a password, with TLS, or on this machine: used.
    for (const env of [
      { REDIS_URL: 'redis://:office-secret@192.168.1.20:6379' } as Record<string, string>,
      { REDIS_URL: 'rediss://cache.office:6380' },
      { REDIS_URL: 'redis://127.0.0.1:6380' },
      { REDIS_HOST: 'localhost' },
    ]) {
      const { cache, errors } = configWith(env);
      expect((await detectCache(cache, errors, deps(answering))).backend, JSON.stringify(env)).toBe(
        'memurai',
      );
    }
  });

  it('a password-protected server without a password is explained', async () => {
    const { cache, errors } = configWith();
    const d = await detectCache(
      cache,
      errors,
      deps(async () => ({ ok: false, error: 'NOAUTH Authentication required.' })),
    );
    expect(d.reason).toContain('REDIS_PASSWORD');
  });

  it('against a real redis-server: identified as Redis with its version', async () => {
    const server = await startTestRedis();
    try {
      const { cache, errors } = configWith({ REDIS_URL: server.url });
      const d = await detectCache(cache, errors, deps(probeRedis));
      expect(d.backend).toBe('redis');
      expect(d.serverVersion).toMatch(/^\d+\.\d+/);
      expect(d.address).toBe(`127.0.0.1:${server.port}`);
    } finally {
      await server.stop();
    }
  });

  it('the real probe answers within its budget for a closed port', async () => {
    const port = await freePort();
    const { cache } = configWith({ REDIS_PORT: String(port) });
    const started = performance.now();
    const result = await probeRedis(cache.address, 300);
    expect(result.ok).toBe(false);
    // Behaviour: the budget caps the probe (ioredis's defaults would retry for seconds).
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('starting Memurai elevated', () => {
  it('runs sc start through PowerShell Start-Process -Verb RunAs', async () => {
    const calls: string[][] = [];
    const runner: ProcessRunner = async (command, args) => {
      calls.push([command, ...args]);
      return { code: 0, stdout: '', stderr: '' };
    };
    expect(await startServiceElevated(runner, 'Memurai')).toEqual({
      ok: true,
      message: 'Windows started the Memurai service.',
    });
    expect(calls[0]?.[0]).toBe('powershell.exe');
    expect(calls[0]?.join(' ')).toContain(
      "Start-Process -FilePath 'sc.exe' -ArgumentList 'start','Memurai' -Verb RunAs",
    );
  });

  it('explains a cancelled permission prompt', async () => {
    const runner: ProcessRunner = async () => ({
      code: 1,
      stdout: '',
      stderr:
        'Start-Process : This command cannot be run due to the error: The operation was canceled by the user.',
    });
    const result = await startServiceElevated(runner, 'Memurai');
    expect(result.ok).toBe(false);
    expect(result.message).toContain('cancelled');
  });
});
