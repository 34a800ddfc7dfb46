import { createMemorySessionStore } from '../../../electron/core/portal/session-store';
import { createSessionManager } from '../../../electron/core/portal/sessions';
import { createSessionToken, isWellFormedToken, sessionIdOf } from '../../../electron/core/portal/tokens';
import { fakeClock } from './fixtures';

const MIN = 60_000;

function setup() {
  const clock = fakeClock();
  const store = createMemorySessionStore(clock.now);
  const sessions = createSessionManager(store, {
    now: clock.now,
    policy: { idleMs: 30 * MIN, absoluteMs: 120 * MIN, touchIntervalMs: MIN },
  });
  return { clock, store, sessions };
}

describe('session tokens', () => {
  it('are 256-bit random, url-safe and never stored as such', () => {
    const a = createSessionToken();
    const b = createSessionToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(sessionIdOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdOf(a)).not.toContain(a.slice(4));
    expect(isWellFormedToken('tcp_short')).toBe(false);
    expect(isWellFormedToken(`${a} `)).toBe(false);
  });
});

describe('session manager', () => {
  it('resolves a fresh session and refuses forged and malformed tokens', async () => {
    const { sessions } = setup();
    const { token, record } = await sessions.create('asha', '10.0.0.7', 'v1');
    expect(record).toMatchObject({ username: 'asha', address: '10.0.0.7', companyGuid: null });
    expect((await sessions.resolve(token))?.record.username).toBe('asha');
    expect(await sessions.resolve(createSessionToken())).toBeNull();
    expect(await sessions.resolve('Bearer nonsense')).toBeNull();
    expect(await sessions.resolve('')).toBeNull();
  });

  it('slides the expiry forward while used and ends an idle session', async () => {
    const { clock, sessions } = setup();
    const { token } = await sessions.create('asha', '10.0.0.7', 'v1');
    for (let i = 0; i < 4; i++) {
      clock.advance(20 * MIN);
      expect(await sessions.resolve(token)).not.toBeNull();
    }
    clock.advance(31 * MIN);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('ends a session at its absolute lifetime even when busy', async () => {
    const { clock, sessions } = setup();
    const { token } = await sessions.create('asha', '10.0.0.7', 'v1');
    for (let i = 0; i < 11; i++) {
      clock.advance(10 * MIN);
      expect(await sessions.resolve(token)).not.toBeNull();
    }
    clock.advance(10 * MIN); // 120 min after sign-in
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('does not rewrite the session on every request (touch interval)', async () => {
    const { clock, store, sessions } = setup();
    const { token } = await sessions.create('asha', '10.0.0.7', 'v1');
    const put = vi.spyOn(store, 'put');
    clock.advance(10_000);
    await sessions.resolve(token);
    await sessions.resolve(token);
    expect(put).not.toHaveBeenCalled();
    clock.advance(MIN);
    await sessions.resolve(token);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('trusts a session it just read for a moment, and sees another instance’s sign-out after it', async () => {
    const { clock, store, sessions } = setup();
    const other = createSessionManager(store, { now: clock.now });
    const { token } = await sessions.create('asha', '10.0.0.7', 'v1');
    const get = vi.spyOn(store, 'get');
    await sessions.resolve(token);
    await sessions.resolve(token);
    expect(get).toHaveBeenCalledTimes(1);
    await other.revoke(token);
    expect(await sessions.resolve(token)).not.toBeNull(); // within the local cache window
    clock.advance(1_000);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('applies its own sign-out at once, cache or not', async () => {
    const { sessions } = setup();
    const { token } = await sessions.create('asha', '10.0.0.7', 'v1');
    await sessions.resolve(token);
    await sessions.revoke(token);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('signs out one session, or every session of a user', async () => {
    const { sessions } = setup();
    const a1 = await sessions.create('asha', '10.0.0.7', 'v1');
    const a2 = await sessions.create('ASHA', '10.0.0.8', 'v1');
    const r = await sessions.create('ravi', '10.0.0.9', 'v1');
    expect(await sessions.revoke(a1.token)).toBe(true);
    expect(await sessions.revoke(a1.token)).toBe(false);
    expect(await sessions.resolve(a1.token)).toBeNull();
    expect(await sessions.revokeUser('asha')).toBe(1);
    expect(await sessions.resolve(a2.token)).toBeNull();
    expect(await sessions.resolve(r.token)).not.toBeNull();
  });

  it('lists active sessions with the company each one looks at', async () => {
    const { clock, sessions } = setup();
    const a = await sessions.create('asha', '10.0.0.7', 'v1');
    clock.advance(1000);
    const r = await sessions.create('ravi', '10.0.0.9', 'v1');
    await sessions.noteCompany(a.token, 'guid-1');
    await sessions.noteCompany(r.token, 'guid-2');
    await sessions.noteCompany(r.token, 'guid-3');
    const active = await sessions.active();
    expect(active.map((s) => [s.username, s.companyGuid])).toEqual([
      ['asha', 'guid-1'],
      ['ravi', 'guid-3'],
    ]);
    clock.advance(31 * MIN);
    expect(await sessions.active()).toEqual([]);
  });
});
