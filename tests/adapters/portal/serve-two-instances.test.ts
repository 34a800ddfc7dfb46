import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEventBus } from '../../../electron/core/events/bus';
import { createPortal } from '../../../electron/core/portal/portal';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { spawnServe } from '../../helpers/serve-process';
import { call, openEvents, signIn } from './harness';

interface Serve {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `npm run serve` as a real process (tsx), on a free port, sharing the given Redis. */
async function startServe(dataDir: string, redisUrl: string, flags: string[]): Promise<Serve> {
  const serve = await spawnServe({
    args: ['--data-dir', dataDir, '--static-dir', dataDir, ...flags],
    env: { ...process.env, REDIS_ENABLED: 'true', REDIS_URL: redisUrl },
    startTimeoutMs: 60_000,
  });
  return { url: serve.url, dataDir, stop: serve.stop };
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
