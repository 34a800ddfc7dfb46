import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portalHandlers } from '../../../electron/core/service/portal-handlers';
import type { CallContext } from '../../../electron/core/service/types';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { addUser, call, signIn, startHarness, type Harness } from './harness';

/** The desktop owner, as the Settings screen calls the account operations. */
const desktop: CallContext = { caller: 'ipc', user: null };

/**
 * Two portal instances (two processes' worth of state: own session stores, own hot caches, own SQLite
 * connections) on ONE portal.db, as two serve processes on the same data folder. Account changes made
 * through one must end the sessions on the other at once, with Redis shared and without Redis at all.
 */
describe.each(['memory', 'redis'] as const)('credentials version across instances (%s)', (backend) => {
  let redis: TestRedis | null = null;
  let dir: string;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    if (backend === 'redis') redis = await startTestRedis();
    dir = mkdtempSync(join(tmpdir(), 'tc-portal-cred-'));
    const redisUrl = redis?.url ?? null;
    a = await startHarness({ dir, redis: redisUrl, instanceId: 'A' });
    b = await startHarness({ dir, redis: redisUrl, instanceId: 'B' });
    expect(a.portal.backend).toBe(backend === 'redis' ? 'redis' : 'memory');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const save = (h: Harness, input: Record<string, unknown>) =>
    portalHandlers(h.portal)['users.save'](
      { displayName: 'Asha', role: 'staff', companies: ['g1'], disabled: false, ...input } as never,
      desktop,
    );

  it('a password changed on one instance ends the session on the other at once', async () => {
    await addUser(a.portal, 'asha', 'asha-password', { companies: ['g1'] });
    const token = await signIn(a.url, 'asha', 'asha-password');
    // Used just now: instance A trusts its hot copy of the session for a moment.
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(200);
    await save(b, { username: 'asha', password: 'new-asha-password' });
    const refused = await call(a.url, 'auth.me', {}, token);
    expect(refused.status).toBe(401);
    expect((await call(b.url, 'auth.me', {}, token)).status).toBe(401);
    // The new password works (on every instance, when they share Redis).
    const fresh = await signIn(a.url, 'asha', 'new-asha-password');
    expect((await call(a.url, 'auth.me', {}, fresh)).status).toBe(200);
    if (backend === 'redis') expect((await call(b.url, 'auth.me', {}, fresh)).status).toBe(200);
  });

  it('a password reset through the account store alone (no session clean-up) is enough', async () => {
    await addUser(a.portal, 'mira', 'mira-password');
    const token = await signIn(a.url, 'mira', 'mira-password');
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(200);
    // Another process's portal.db write, without touching any session store.
    b.portal.accounts.save(
      { username: 'mira', displayName: 'Mira', role: 'staff', companies: [], disabled: false },
      await b.portal.hasher.hash('mira-new-password'),
    );
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(401);
  });

  it('disabling on one instance ends the session on the other; enabling again does not revive it', async () => {
    await addUser(a.portal, 'zoya', 'zoya-password');
    const token = await signIn(a.url, 'zoya', 'zoya-password');
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(200);
    await save(b, { username: 'zoya', displayName: 'Zoya', disabled: true });
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(401);
    await save(b, { username: 'zoya', displayName: 'Zoya', disabled: false });
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(401);
  });

  it('deleting on one instance ends the session on the other, and a re-created namesake does not inherit it', async () => {
    await addUser(a.portal, 'kiran', 'kiran-password', { companies: ['g1'] });
    const token = await signIn(a.url, 'kiran', 'kiran-password');
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(200);
    await portalHandlers(b.portal)['users.delete']({ username: 'kiran' }, desktop);
    // Re-created at once, with the same name: the old session must not come back to life.
    b.portal.accounts.save(
      { username: 'kiran', displayName: 'Kiran', role: 'owner', companies: [], disabled: false },
      await b.portal.hasher.hash('other-password'),
    );
    expect((await call(a.url, 'auth.me', {}, token)).status).toBe(401);
    expect((await call(b.url, 'auth.me', {}, token)).status).toBe(401);
  });

  it('the active list leaves out sessions whose credentials changed elsewhere', async () => {
    await addUser(a.portal, 'dev', 'dev-password');
    await signIn(a.url, 'dev', 'dev-password');
    b.portal.accounts.renewCredentialsVersion('dev');
    const active = await portalHandlers(a.portal)['sessions.active']({} as never, desktop);
    expect(active.map((s) => s.username)).not.toContain('dev');
  });
});
