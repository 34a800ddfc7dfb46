import { createSessionToken } from '../../../electron/core/portal/tokens';
import { DEFAULT_LIMITS } from '../../../electron/core/portal/limits';
import { addUser, call, openEvents, rawGet, signIn, startHarness, type Harness } from './harness';
import { fakeClock } from '../../core/portal/fixtures';

describe('office portal over HTTP (memory backend)', () => {
  let h: Harness;
  const clock = fakeClock(Date.now());
  beforeAll(async () => {
    h = await startHarness({ now: clock.now, sessionPolicy: { idleMs: 30 * 60_000, touchIntervalMs: 1000 } });
    await addUser(h.portal, 'asha', 'asha-password', { companies: ['g1'] });
    await addUser(h.portal, 'ravi', 'ravi-password', { role: 'owner' });
  });
  afterAll(() => h.close());

  describe('tokens', () => {
    it('refuses an API call without a token, naming the scheme', async () => {
      const answer = await call(h.url, 'companies.list', {});
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('UNAUTHORIZED');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="TallyConnect"');
    });

    it('refuses forged, malformed and wrong-scheme tokens', async () => {
      for (const auth of [
        `Bearer ${createSessionToken()}`,
        'Bearer tcp_forged',
        'Bearer ',
        'Basic YXNoYTpwdw==',
      ]) {
        const answer = await call(h.url, 'companies.list', {}, undefined, { authorization: auth });
        expect(answer.status, auth).toBe(401);
        expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
      }
    });

    it('signs in, answers with a token that works, and signs out', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      const me = await call(h.url, 'auth.me', {}, token);
      expect(me.body).toMatchObject({ ok: true, data: { username: 'asha', companies: ['g1'] } });
      const out = await call(h.url, 'auth.signOut', {}, token);
      expect(out.body).toEqual({ ok: true, data: { signedOut: true } });
      expect((await call(h.url, 'auth.me', {}, token)).status).toBe(401);
    });

    it('refuses an expired token', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      expect((await call(h.url, 'auth.me', {}, token)).status).toBe(200);
      clock.advance(31 * 60_000);
      const answer = await call(h.url, 'auth.me', {}, token);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.message).toMatch(/session has ended/);
    });

    it('answers a wrong password with 401 and a validation error for a bad username', async () => {
      expect((await call(h.url, 'auth.signIn', { username: 'asha', password: 'wrong-one' })).status).toBe(
        401,
      );
      const bad = await call(h.url, 'auth.signIn', { username: '../etc', password: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.error?.message).toMatch(/username/);
    });
  });

  describe('access', () => {
    it('refuses a company the user may not see, and lists only theirs', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      const denied = await call(h.url, 'dashboard.get', { companyGuid: 'g2', fy: '2025-26' }, token);
      expect(denied.status).toBe(403);
      expect(denied.body.error?.code).toBe('FORBIDDEN');
      expect((await call(h.url, 'dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, token)).status).toBe(
        200,
      );
      const list = await call(h.url, 'companies.list', {}, token);
      expect((list.body.data as { data: { guid: string }[] }).data.map((c) => c.guid)).toEqual(['g1']);
    });

    it('keeps account management and uploads on the desktop', async () => {
      const token = await signIn(h.url, 'ravi', 'ravi-password');
      expect((await call(h.url, 'users.list', {}, token)).status).toBe(403);
      const save = await call(
        h.url,
        'users.save',
        { username: 'evil', displayName: 'E', password: 'password1' },
        token,
      );
      expect(save.status).toBe(403);
      const upload = await fetch(`${h.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: 'x',
      });
      expect(upload.status).toBe(403);
    });

    it('shows partners who is signed in and what they look at', async () => {
      const asha = await signIn(h.url, 'asha', 'asha-password');
      await call(h.url, 'dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, asha);
      const ravi = await signIn(h.url, 'ravi', 'ravi-password');
      const active = await call(h.url, 'sessions.active', {}, ravi);
      const rows = active.body.data as { username: string; companyGuid: string | null; address: string }[];
      expect(rows).toContainEqual(
        expect.objectContaining({ username: 'asha', companyGuid: 'g1', address: '127.0.0.1' }),
      );
      expect((await call(h.url, 'sessions.active', {}, asha)).status).toBe(403);
    });
  });

  describe('hardening', () => {
    it('answers 413 for an oversized body', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      const big = { companyGuid: 'g1', query: 'x'.repeat(10_000) };
      const answer = await call(h.url, 'ledgers.search', big, token);
      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses directory traversal on static files', async () => {
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/static/..%2f..%2fsecret.txt',
        '/%2e%2e%5csecret.txt',
      ]) {
        const answer = await rawGet(h.port, path);
        expect(answer.body, path).not.toContain('TOP-SECRET');
        expect([400, 404, 200]).toContain(answer.status);
        if (answer.status === 200) expect(answer.body).toContain('<title>TallyConnect</title>');
      }
    });

    it('sends security headers on pages, API answers and errors', async () => {
      for (const path of ['/', '/api/companies.list', '/api/nothing']) {
        const answer = await rawGet(h.port, path);
        expect(answer.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['x-frame-options']).toBe('DENY');
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
      }
    });
  });

  describe('live updates', () => {
    it('streams books changes of the user’s companies only, with the token in the URL', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      expect((await rawGet(h.port, '/api/events')).status).toBe(401);
      const stream = openEvents(`${h.url}/api/events?token=${token}`, 1);
      await stream.ready;
      h.bus.emit('books.changed', { companyGuid: 'g2', dataVersion: 1 });
      h.bus.emit('books.changed', { companyGuid: 'g1', dataVersion: 2 });
      expect(await stream.events).toEqual([
        { event: 'books.changed', data: { companyGuid: 'g1', dataVersion: 2 } },
      ]);
    });

    it('stops streaming to a session that has signed out', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      const stream = openEvents(`${h.url}/api/events?token=${token}`, 3, 1500);
      await stream.ready;
      h.bus.emit('books.changed', { companyGuid: 'g1', dataVersion: 3 });
      await call(h.url, 'auth.signOut', {}, token);
      clock.advance(31_000);
      h.bus.emit('books.changed', { companyGuid: 'g1', dataVersion: 4 }); // triggers the re-check
      await new Promise((r) => setTimeout(r, 50));
      h.bus.emit('books.changed', { companyGuid: 'g1', dataVersion: 5 });
      const versions = (await stream.events).map((e) => (e.data as { dataVersion: number }).dataVersion);
      expect(versions).toEqual([3, 4]);
    });

    it('does not accept the token in the URL for API calls', async () => {
      const token = await signIn(h.url, 'asha', 'asha-password');
      const answer = await fetch(`${h.url}/api/auth.me?token=${token}`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(401);
    });
  });
});

describe('rate limits over HTTP', () => {
  it('limits a user and an address with 429 and Retry-After', async () => {
    const h = await startHarness({
      limits: {
        ...DEFAULT_LIMITS,
        apiPerUser: { name: 'api-user', limit: 3, windowMs: 60_000 },
        apiPerAddress: { name: 'api-address', limit: 8, windowMs: 60_000 },
      },
    });
    try {
      await addUser(h.portal, 'asha', 'asha-password');
      await addUser(h.portal, 'zoya', 'zoya-password');
      const asha = await signIn(h.url, 'asha', 'asha-password');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(h.url, 'auth.me', {}, asha)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call(h.url, 'auth.me', {}, asha);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.error?.code).toBe('RATE_LIMITED');
      // Another user from the same address still has their own allowance, until the address is spent.
      const zoya = await signIn(h.url, 'zoya', 'zoya-password');
      expect((await call(h.url, 'auth.me', {}, zoya)).status).toBe(200);
      const last = await call(h.url, 'auth.me', {}, zoya);
      expect(last.status).toBe(429);
      expect(last.body.error?.message).toMatch(/from this address/);
    } finally {
      await h.close();
    }
  });

  it('limits sign-in attempts hard, with Retry-After', async () => {
    const h = await startHarness();
    try {
      await addUser(h.portal, 'asha', 'asha-password');
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await call(h.url, 'auth.signIn', { username: 'asha', password: `guess${i}` })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const limited = await call(h.url, 'auth.signIn', { username: 'asha', password: 'asha-password' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(h.portal.accounts.recentSignIns(2).map((r) => r.outcome)).toEqual([
        'rate_limited',
        'rate_limited',
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('portal mode off (local serve)', () => {
  it('needs no sign-in on localhost but refuses foreign Host names (DNS rebinding)', async () => {
    const h = await startHarness({ enabled: false });
    try {
      // The desktop page's per-launch secret (server.ts); no portal sign-in.
      const local = await call(h.url, 'users.list', {}, undefined, {
        'x-tallyconnect-token': h.server.token,
      });
      expect(local.status).toBe(200);
      const foreign = await rawGet(h.port, '/api/companies.list', { host: 'evil.example:4870' });
      expect(foreign.status).toBe(403);
      expect((await rawGet(h.port, '/', { host: 'localhost:4870' })).status).toBe(200);
      expect((await rawGet(h.port, '/')).headers['x-frame-options']).toBe('DENY');
    } finally {
      await h.close();
    }
  });
});
