import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../../electron/core/portal/limits';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { addUser, call, openEvents, signIn, startHarness, type Harness } from './harness';

/** Two serve instances sharing one Redis (as two office PCs sharing a Memurai) and one data folder. */
describe('office portal on Redis: two instances', () => {
  let redis: TestRedis;
  let dir: string;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    redis = await startTestRedis();
    dir = mkdtempSync(join(tmpdir(), 'tc-portal-two-'));
    const limits = { ...DEFAULT_LIMITS, apiPerUser: { name: 'api-user', limit: 20, windowMs: 60_000 } };
    a = await startHarness({ dir, redis: redis.url, limits, instanceId: 'A' });
    b = await startHarness({ dir, redis: redis.url, limits, instanceId: 'B' });
    await addUser(a.portal, 'asha', 'asha-password', { companies: ['g1'] });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shares sessions: signed in on one, recognised on the other; signed out everywhere', async () => {
    const token = await signIn(a.url, 'asha', 'asha-password');
    expect((await call(b.url, 'auth.me', {}, token)).body).toMatchObject({
      ok: true,
      data: { username: 'asha' },
    });
    await call(b.url, 'auth.signOut', {}, token);
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(401);
  });

  it("delivers one instance's books changes and sync progress to the other's browsers", async () => {
    const token = await signIn(b.url, 'asha', 'asha-password');
    const stream = openEvents(`${b.url}/api/events?token=${token}`, 2);
    await stream.ready;
    await new Promise((r) => setTimeout(r, 50));
    a.bus.emit('sync.progress', {
      runId: 'run-1',
      companyGuid: 'g1',
      companyName: 'One',
      phase: 'vouchers',
      done: 10,
      total: 100,
      rate: null,
      etaSeconds: null,
      message: 'Reading vouchers',
    });
    a.bus.emit('books.changed', { companyGuid: 'g2', dataVersion: 9 }); // not asha's company
    a.bus.emit('books.changed', { companyGuid: 'g1', dataVersion: 10 });
    const events = await stream.events;
    expect(events.map((e) => e.event)).toEqual(['sync.progress', 'books.changed']);
    expect(events[1]?.data).toEqual({ companyGuid: 'g1', dataVersion: 10 });
  });

  it('counts one user’s requests across both instances', async () => {
    const token = await signIn(a.url, 'asha', 'asha-password');
    await a.portal.limiter.reset(a.portal.limits.apiPerUser, 'asha');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(a.url, 'auth.me', {}, token)).status);
      statuses.push((await call(b.url, 'auth.me', {}, token)).status);
    }
    // 20 per minute in all, wherever they land.
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
  });

  it('keeps serving signed-in users and signing in while Redis is down', async () => {
    const token = await signIn(a.url, 'asha', 'asha-password');
    await a.portal.limiter.reset(a.portal.limits.apiPerUser, 'asha');
    await redis.kill();
    try {
      expect((await call(a.url, 'dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, token)).status).toBe(
        200,
      );
      const fresh = await signIn(a.url, 'asha', 'asha-password');
      expect((await call(a.url, 'auth.me', {}, fresh)).status).toBe(200);
      expect((await call(a.url, 'dashboard.get', { companyGuid: 'g2', fy: '2025-26' }, fresh)).status).toBe(
        403,
      );
    } finally {
      await redis.restart();
    }
  });
});
