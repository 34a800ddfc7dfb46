import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEventBus } from '../../../electron/core/events/bus';
import { createPortal } from '../../../electron/core/portal/portal';
import { spawnServe } from '../../helpers/serve-process';
import { call, openEvents, signIn, startPasswordRedis } from './harness';

interface Serve {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  output(): string;
}

/** `npm run serve` as a real process (tsx), on a free port, sharing the given Redis. */
async function startServe(dataDir: string, redisUrl: string, flags: string[]): Promise<Serve> {
  const serve = await spawnServe({
    args: ['--data-dir', dataDir, '--static-dir', dataDir, ...flags],
    env: { ...process.env, REDIS_ENABLED: 'true', REDIS_URL: redisUrl },
    startTimeoutMs: 60_000,
  });
  return { url: serve.url, dataDir, stop: serve.stop, output: serve.output };
}

/**
 * Serve mode does not tell the portal its bind address, so the portal assumes the network and uses
 * only a Redis with a password (redis-policy.ts): the shared Redis here has one, as an office's must.
 */
describe('two serve processes sharing one Redis', () => {
  let redis: Awaited<ReturnType<typeof startPasswordRedis>>;
  const dirs: string[] = [];
  const servers: Serve[] = [];
  beforeAll(async () => {
    redis = await startPasswordRedis();
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

    const portal = await startServe(portalDir, redis.url, ['--portal', '--bind', '127.0.0.1']);
    servers.push(portal);

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

    // The desktop instance loads its demo company as it starts (its books change).
    const desktop = await startServe(desktopDir, redis.url, ['--demo']);
    servers.push(desktop);
    const changed = (await stream.events).find((e) => e.event === 'books.changed');
    const companies = await call(portal.url, 'companies.list', {}, token);
    expect((changed?.data as { companyGuid: string } | undefined)?.companyGuid).toEqual(expect.any(String));
    // Nothing in the portal's log says it gave up on Redis.
    expect(portal.output()).not.toMatch(/NOT using Redis/);
    expect(companies.status).toBe(200);
  });
});
