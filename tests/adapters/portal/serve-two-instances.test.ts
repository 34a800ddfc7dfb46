import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventBus } from '../../../electron/core/events/bus';
import { createPortal } from '../../../electron/core/portal/portal';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { call, openEvents, signIn } from './harness';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Serve {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `npm run serve` as a real process (tsx), on a free port, sharing the given Redis. */
async function startServe(dataDir: string, redisUrl: string, flags: string[]): Promise<Serve> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/serve/main.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--static-dir',
      dataDir,
      ...flags,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, REDIS_ENABLED: 'true', REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

describe('two serve processes sharing one Redis', () => {
  let redis: TestRedis;
  const dirs: string[] = [];
  const servers: Serve[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await redis.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("a portal browser on one instance sees the other instance's books change", async () => {
    const desktopDir = mkdtempSync(path.join(tmpdir(), 'tc-two-a-'));
    const portalDir = mkdtempSync(path.join(tmpdir(), 'tc-two-b-'));
    dirs.push(desktopDir, portalDir);
    // The owner created a partner account on the portal PC.
    const setup = createPortal({ dataDir: portalDir, redis: null, bus: createEventBus() });
    setup.accounts.save(
      { username: 'ravi', displayName: 'Ravi', role: 'owner', companies: [], disabled: false },
      await setup.hasher.hash('ravi-password'),
    );
    await setup.close();

    const [desktop, portal] = await Promise.all([
      startServe(desktopDir, redis.url, []),
      startServe(portalDir, redis.url, ['--portal', '--bind', '127.0.0.1']),
    ]);
    servers.push(desktop, portal);

    expect((await call(portal.url, 'companies.list', {})).status).toBe(401);
    const token = await signIn(portal.url, 'ravi', 'ravi-password');
    const stream = openEvents(
      `${portal.url}/api/events?token=${token}`,
      50,
      30_000,
      (e) => e.event === 'books.changed',
    );
    await stream.ready;
    await new Promise((r) => setTimeout(r, 200));

    const loaded = await call(desktop.url, 'demo.load', { vouchers: 20 });
    expect(loaded.status).toBe(200);
    const changed = (await stream.events).find((e) => e.event === 'books.changed');
    expect((changed?.data as { companyGuid: string }).companyGuid).toBe(
      (loaded.body.data as { guid: string }).guid,
    );
  });
});
