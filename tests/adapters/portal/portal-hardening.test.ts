import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { createLogger, type LogRecord } from '../../../electron/core/logger';
import { portalKeyPrefix } from '../../../electron/core/portal/portal';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import { createSessionToken, sessionIdOf } from '../../../electron/core/portal/tokens';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { addUser, call, openEvents, signIn, startHarness, startPasswordRedis, type Harness } from './harness';

const PREFIX = portalKeyPrefix('tallyconnect:');

describe('session records in Redis are signed: write access to Redis is not impersonation', () => {
  let redis: TestRedis;
  let raw: Redis;
  let h: Harness;
  beforeAll(async () => {
    redis = await startTestRedis();
    raw = createPortalRedis(redis.url, { commandTimeoutMs: 5000 });
    await whenReady(raw);
    h = await startHarness({ redis: redis.url });
    expect(h.portal.backend).toBe('redis');
    await addUser(h.portal, 'asha', 'asha-password', { companies: ['g1'] });
    await addUser(h.portal, 'ravi', 'ravi-password', { role: 'owner' });
  });
  afterAll(async () => {
    await h.close();
    raw.disconnect();
    await redis.stop();
  });

  /** The record Redis holds for a token, as anyone with access to Redis can read it. */
  const storedRecord = async (token: string): Promise<Record<string, unknown>> =>
    JSON.parse((await raw.get(`${PREFIX}session:${sessionIdOf(token)}`)) as string) as Record<
      string,
      unknown
    >;

  /** Writes a session record straight into Redis under the attacker's own token. */
  const plant = async (record: Record<string, unknown>): Promise<string> => {
    const token = createSessionToken();
    const id = sessionIdOf(token);
    await raw.set(`${PREFIX}session:${id}`, JSON.stringify(record), 'PX', 60_000);
    await raw.zadd(`${PREFIX}sessions`, Date.now() + 60_000, id);
    return token;
  };

  it('refuses a forged session record (a partner’s, rebuilt from what Redis shows)', async () => {
    const ravi = await signIn(h.url, 'ravi', 'ravi-password');
    const genuine = await storedRecord(ravi);
    expect(genuine.mac).toEqual(expect.any(String));
    // Everything a real record has (credentials version included), minus the signature nobody can make.
    const { mac: _mac, ...unsigned } = genuine;
    const forged = await plant({
      ...unsigned,
      lastSeenAt: new Date().toISOString(),
      expiresAt: Date.now() + 60_000,
    });
    const answer = await call(h.url, 'sessions.active', {}, forged);
    expect(answer.status).toBe(401);
    expect((await call(h.url, 'users.list', {}, forged)).status).toBe(401);
    // With a made-up signature, too.
    const guessed = await plant({ ...unsigned, expiresAt: Date.now() + 60_000, mac: genuine.mac });
    expect((await call(h.url, 'auth.me', {}, guessed)).status).toBe(401);
    // The genuine one still works.
    expect((await call(h.url, 'auth.me', {}, ravi)).status).toBe(200);
  });

  it('refuses a genuine record that was altered in place (staff turned into a partner)', async () => {
    const asha = await signIn(h.url, 'asha', 'asha-password');
    const ravi = await signIn(h.url, 'ravi', 'ravi-password');
    const ashaRecord = await storedRecord(asha);
    const raviRecord = await storedRecord(ravi);
    const key = `${PREFIX}session:${sessionIdOf(asha)}`;
    await raw.set(
      key,
      JSON.stringify({ ...ashaRecord, username: 'ravi', credentialsVersion: raviRecord.credentialsVersion }),
      'PX',
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1_100)); // past the instance's 1 s hot copy
    expect((await call(h.url, 'sessions.active', {}, asha)).status).toBe(401);
  });

  it('refuses a genuine record copied under the attacker’s own token', async () => {
    const ravi = await signIn(h.url, 'ravi', 'ravi-password');
    const copied = await plant(await storedRecord(ravi));
    expect((await call(h.url, 'auth.me', {}, copied)).status).toBe(401);
  });
});

describe('a Redis without a password is refused for portal state on the network', () => {
  it('bound to the network: sessions, limits and live updates stay in memory, with a warning and a status', async () => {
    const redis = await startTestRedis();
    const raw = createPortalRedis(redis.url, { commandTimeoutMs: 5000 });
    await whenReady(raw);
    const logs: LogRecord[] = [];
    const h = await startHarness({
      redis: redis.url,
      host: '0.0.0.0',
      logger: createLogger({ sink: (r) => logs.push(r) }),
    });
    try {
      const status = h.portal.status();
      expect(status).toMatchObject({ backend: 'memory', liveUpdates: 'local' });
      expect(status.redisRefused).toMatch(/listens on the network \(0\.0\.0\.0\).*no password/);
      expect(logs.some((l) => l.level === 'warn' && /NOT using Redis/.test(l.message))).toBe(true);
      await addUser(h.portal, 'asha', 'asha-password');
      const token = await signIn(h.url, 'asha', 'asha-password');
      expect((await call(h.url, 'auth.me', {}, token)).status).toBe(200);
      await call(h.url, 'auth.signIn', { username: 'asha', password: 'wrong-password' });
      // Nothing of the portal reached that Redis.
      expect(await raw.keys(`${PREFIX}*`)).toEqual([]);
    } finally {
      await h.close();
      raw.disconnect();
      await redis.stop();
    }
  });

  it('bound to loopback, or with a password, Redis is used', async () => {
    const open = await startTestRedis();
    const locked = await startPasswordRedis();
    const local = await startHarness({ redis: open.url, host: '127.0.0.1' });
    const networked = await startHarness({ redis: locked.url, host: '0.0.0.0' });
    try {
      expect(local.portal.status()).toEqual({ backend: 'redis', liveUpdates: 'redis', redisRefused: null });
      expect(networked.portal.status()).toEqual({
        backend: 'redis',
        liveUpdates: 'redis',
        redisRefused: null,
      });
      await addUser(networked.portal, 'asha', 'asha-password');
      const token = await signIn(networked.url, 'asha', 'asha-password');
      expect((await call(networked.url, 'auth.me', {}, token)).status).toBe(200);
    } finally {
      await local.close();
      await networked.close();
      await open.stop();
      await locked.stop();
    }
  });
});

describe('staff see no other company through sync status or progress', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-portal-sync-'));
    h = await startHarness({ dir });
    await addUser(h.portal, 'asha', 'asha-password', { companies: ['g1'] });
    await addUser(h.portal, 'ravi', 'ravi-password', { role: 'owner' });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const progress = (companyGuid: string | null, message: string) => ({
    runId: 'run-9',
    companyGuid,
    companyName: companyGuid === 'g2' ? 'Two Traders' : null,
    phase: 'vouchers' as const,
    done: 1,
    total: 9,
    rate: null,
    etaSeconds: null,
    message,
  });

  it('streams to staff only progress that names one of their companies; partners see all', async () => {
    const asha = await signIn(h.url, 'asha', 'asha-password');
    const ravi = await signIn(h.url, 'ravi', 'ravi-password');
    const staffStream = openEvents(`${h.url}/api/events?token=${asha}`, 1);
    const partnerStream = openEvents(`${h.url}/api/events?token=${ravi}`, 4);
    await Promise.all([staffStream.ready, partnerStream.ready]);
    h.bus.emit('sync.progress', progress(null, 'Reading the company list: Two Traders'));
    h.bus.emit('sync.progress', progress('g2', 'Two Traders: vouchers'));
    h.bus.emit('sync.failed', {
      runId: 'run-9',
      companyGuid: null,
      error: { code: 'TALLY_ERROR', message: 'Two Traders is not open in Tally' },
    });
    h.bus.emit('sync.progress', progress('g1', 'One: vouchers'));
    const staffEvents = await staffStream.events;
    expect(staffEvents).toEqual([{ event: 'sync.progress', data: progress('g1', 'One: vouchers') }]);
    expect((await partnerStream.events).map((e) => e.event)).toEqual([
      'sync.progress',
      'sync.progress',
      'sync.failed',
      'sync.progress',
    ]);
  });
});

describe('password hashing: bounded queue', () => {
  it('answers 429 with Retry-After when too many sign-ins wait for the hasher, instead of queueing them', async () => {
    const h = await startHarness({
      hashing: { threads: 1, maxQueued: 1 },
      // Slow enough that the sign-ins below overlap.
      argon2: { memoryKiB: 16_384, iterations: 3, parallelism: 1, hashLength: 32, saltLength: 16 },
    });
    try {
      await addUser(h.portal, 'asha', 'asha-password');
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          call(h.url, 'auth.signIn', { username: `user${i}`, password: 'some-password' }, undefined, {}),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
      const busy = answers.find((a) => a.status === 429);
      expect(busy?.body.error?.message).toMatch(/busy/);
      expect(Number(busy?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(h.portal.accounts.recentSignIns(10).map((r) => r.outcome)).toContain('rate_limited');
      // Once the queue drains, sign-in works again.
      expect(await signIn(h.url, 'asha', 'asha-password')).toMatch(/^tcp_/);
    } finally {
      await h.close();
    }
  });
});
