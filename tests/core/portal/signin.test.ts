import { createEventBus } from '../../../electron/core/events/bus';
import { createLogger, type LogRecord } from '../../../electron/core/logger';
import { createPortal, type Portal } from '../../../electron/core/portal/portal';
import { DEFAULT_LIMITS } from '../../../electron/core/portal/limits';
import { AppError } from '../../../shared/errors';
import { FAST_ARGON2 } from './fixtures';

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('portal sign-in', () => {
  let portal: Portal;
  let logs: LogRecord[];
  beforeEach(async () => {
    logs = [];
    portal = createPortal({
      dataDir: ':memory:',
      redis: null,
      bus: createEventBus(),
      argon2: FAST_ARGON2,
      logger: createLogger({ sink: (r) => logs.push(r) }),
    });
    const hash = await portal.hasher.hash('s3cret-pass');
    portal.accounts.save(
      { username: 'asha', displayName: 'Asha', role: 'staff', companies: ['g1'], disabled: false },
      hash,
    );
  });
  afterEach(() => portal.close());

  it('answers a token that authenticates the user', async () => {
    const result = await portal.signIn('ASHA', 's3cret-pass', '10.0.0.2');
    expect(result.user.username).toBe('asha');
    expect(result.expiresInSeconds).toBe(2 * 60 * 60);
    expect((await portal.authenticate(result.token))?.user.companies).toEqual(['g1']);
    expect(portal.accounts.recentSignIns(1)[0]).toMatchObject({
      username: 'ASHA',
      outcome: 'ok',
      address: '10.0.0.2',
    });
    expect(logs.some((l) => l.message === 'portal sign-in' && l.outcome === 'ok')).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown user, and logs both', async () => {
    const wrong = await expectCode(portal.signIn('asha', 'nope-nope', '10.0.0.2'), 'UNAUTHORIZED');
    const unknown = await expectCode(portal.signIn('nobody', 'nope-nope', '10.0.0.2'), 'UNAUTHORIZED');
    expect(wrong.message).toBe(unknown.message);
    expect(portal.accounts.recentSignIns(5).map((r) => r.outcome)).toEqual([
      'bad_credentials',
      'bad_credentials',
    ]);
    expect(logs.filter((l) => l.level === 'warn' && l.message === 'portal sign-in refused')).toHaveLength(2);
  });

  it('refuses a disabled account, and disabling ends its sessions at once', async () => {
    const { token } = await portal.signIn('asha', 's3cret-pass', '10.0.0.2');
    portal.accounts.save(
      { username: 'asha', displayName: 'Asha', role: 'staff', companies: [], disabled: true },
      null,
    );
    expect(await portal.authenticate(token)).toBeNull();
    await expectCode(portal.signIn('asha', 's3cret-pass', '10.0.0.2'), 'UNAUTHORIZED');
  });

  it('locks a username out after 5 attempts, with Retry-After, even with the right password', async () => {
    for (let i = 0; i < DEFAULT_LIMITS.signInPerUser.limit; i++) {
      await expectCode(portal.signIn('asha', `guess-${i}`, `10.0.1.${i}`), 'UNAUTHORIZED');
    }
    const limited = await expectCode(portal.signIn('asha', 's3cret-pass', '10.0.2.1'), 'RATE_LIMITED');
    expect(Number(limited.details?.retryAfterSeconds)).toBeGreaterThan(800);
    expect(portal.accounts.recentSignIns(1)[0]?.outcome).toBe('rate_limited');
  });

  it('limits attempts per address across usernames', async () => {
    for (let i = 0; i < DEFAULT_LIMITS.signInPerAddress.limit; i++) {
      await expectCode(portal.signIn(`user${i}`, 'whatever1', '10.9.9.9'), 'UNAUTHORIZED');
    }
    await expectCode(portal.signIn('asha', 's3cret-pass', '10.9.9.9'), 'RATE_LIMITED');
    expect((await portal.signIn('asha', 's3cret-pass', '10.9.9.10')).token).toBeTruthy();
  });

  it('a successful sign-in clears the username counter', async () => {
    for (let i = 0; i < 4; i++)
      await expectCode(portal.signIn('asha', 'typo-typo', '10.0.0.3'), 'UNAUTHORIZED');
    await portal.signIn('asha', 's3cret-pass', '10.0.0.3');
    for (let i = 0; i < 4; i++)
      await expectCode(portal.signIn('asha', 'typo-typo', '10.0.0.4'), 'UNAUTHORIZED');
    expect((await portal.signIn('asha', 's3cret-pass', '10.0.0.4')).token).toBeTruthy();
  });

  it('upgrades a hash made with weaker parameters on sign-in', async () => {
    const weak = await portal.hasher.hash('s3cret-pass');
    const stronger = createPortal({
      dataDir: ':memory:',
      redis: null,
      bus: createEventBus(),
      argon2: { ...FAST_ARGON2, memoryKiB: 128 },
    });
    stronger.accounts.save(
      { username: 'old', displayName: 'Old', role: 'staff', companies: [], disabled: false },
      weak,
    );
    await stronger.signIn('old', 's3cret-pass', '10.0.0.5');
    expect(stronger.accounts.getWithHash('old')?.passwordHash).toContain('m=128,');
    await stronger.close();
  });
});

describe('sign-in answers that confirm nothing, and the owner at the PC', () => {
  let portal: Portal;
  let logs: LogRecord[];
  beforeEach(async () => {
    logs = [];
    portal = createPortal({
      dataDir: ':memory:',
      redis: null,
      bus: createEventBus(),
      argon2: FAST_ARGON2,
      logger: createLogger({ sink: (r) => logs.push(r) }),
    });
    for (const [username, role, disabled] of [
      ['ravi', 'owner', false],
      ['asha', 'staff', false],
      ['gone', 'staff', true],
    ] as const) {
      portal.accounts.save(
        { username, displayName: username, role, companies: [], disabled },
        await portal.hasher.hash(`${username}-password`),
      );
    }
  });
  afterEach(() => portal.close());

  it('answers a disabled account with the right password exactly like a wrong password, logging why', async () => {
    const right = await expectCode(portal.signIn('gone', 'gone-password', '10.0.0.2'), 'UNAUTHORIZED');
    const wrong = await expectCode(portal.signIn('gone', 'not-it-at-all', '10.0.0.2'), 'UNAUTHORIZED');
    expect(right.message).toBe(wrong.message);
    expect(right.details).toEqual(wrong.details);
    expect(right.message).not.toMatch(/disabled/i);
    expect(portal.accounts.recentSignIns(2).map((r) => r.outcome)).toEqual(['bad_credentials', 'disabled']);
    expect(logs.some((l) => l.outcome === 'disabled')).toBe(true);
  });

  it('lets the owner at the PC sign in with the right password after failures from this PC spent its allowance', async () => {
    for (let i = 0; i < DEFAULT_LIMITS.signInPerAddress.limit + 5; i++) {
      await portal.signIn(i % 2 ? 'ravi' : `nobody${i}`, `guess-${i}`, '127.0.0.1').catch(() => undefined);
    }
    // Wrong passwords stay refused as too many attempts, from the PC as from anywhere.
    await expectCode(portal.signIn('ravi', 'guess-again', '127.0.0.1'), 'RATE_LIMITED');
    await expectCode(portal.signIn('asha', 'asha-password', '127.0.0.1'), 'RATE_LIMITED');
    await expectCode(portal.signIn('gone', 'gone-password', '127.0.0.1'), 'RATE_LIMITED');
    // The partner's right password works on the PC itself.
    const { token } = await portal.signIn('ravi', 'ravi-password', '127.0.0.1');
    expect((await portal.authenticate(token))?.user.username).toBe('ravi');
    // From the network the same allowances still hold.
    for (let i = 0; i < DEFAULT_LIMITS.signInPerUser.limit; i++) {
      await portal.signIn('ravi', `guess-${i}`, '10.7.0.1').catch(() => undefined);
    }
    await expectCode(portal.signIn('ravi', 'ravi-password', '10.7.0.2'), 'RATE_LIMITED');
  });
});
