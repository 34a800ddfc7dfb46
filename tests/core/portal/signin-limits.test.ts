import Database from 'better-sqlite3';
import { createEventBus } from '../../../electron/core/events/bus';
import { migratePortalDb, portalSecret } from '../../../electron/core/portal/accounts-db';
import { createAccountStore } from '../../../electron/core/portal/accounts';
import { networkScopeOf, normalizeAddress, rateSubjectOf } from '../../../electron/core/portal/address';
import { DEFAULT_LIMITS, type PortalLimits } from '../../../electron/core/portal/limits';
import { createPortal, type Portal } from '../../../electron/core/portal/portal';
import { isLoopbackHost, portalRedisRefusal } from '../../../electron/core/portal/redis-policy';
import { AppError } from '../../../shared/errors';
import { FAST_ARGON2 } from './fixtures';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

function makePortal(limits: PortalLimits = DEFAULT_LIMITS): Portal {
  return createPortal({
    dataDir: ':memory:',
    redis: null,
    bus: createEventBus(),
    argon2: FAST_ARGON2,
    limits,
  });
}

async function withUsers(portal: Portal): Promise<void> {
  for (const [username, role] of [
    ['ravi', 'owner'],
    ['asha', 'staff'],
  ] as const) {
    portal.accounts.save(
      { username, displayName: username, role, companies: [], disabled: false },
      await portal.hasher.hash(`${username}-password`),
    );
  }
}

describe('client addresses for rate limits', () => {
  it('writes IPv4-mapped IPv6 as IPv4 and counts IPv6 per /64', () => {
    expect(normalizeAddress('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(normalizeAddress('::FFFF:10.0.0.5')).toBe('10.0.0.5');
    expect(rateSubjectOf('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(rateSubjectOf('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(rateSubjectOf('2001:0db8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(rateSubjectOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateSubjectOf('2001:db8:1:3::a')).not.toBe(rateSubjectOf('2001:db8:1:2::a'));
    expect(rateSubjectOf('::1')).toBe('::1');
  });

  it('tells loopback from the network', () => {
    for (const a of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', 'local'])
      expect(networkScopeOf(a), a).toBe('loopback');
    for (const a of ['10.0.0.1', '192.168.1.5', '::', '::2', '2001:db8::1', '::ffff:10.0.0.1', 'unknown'])
      expect(networkScopeOf(a), a).toBe('network');
  });
});

describe('sign-in limits', () => {
  let portal: Portal;
  afterEach(() => portal.close());

  it('counts an IPv6 /64 as one address', async () => {
    portal = makePortal();
    await withUsers(portal);
    for (let i = 0; i < DEFAULT_LIMITS.signInPerAddress.limit; i++) {
      // A fresh address of the same /64 each time, and a fresh username (no per-user limit).
      expect(
        await codeOf(portal.signIn(`nobody${i}`, 'guess-guess', `2001:db8:1:2::${(i + 1).toString(16)}`)),
      ).toBe('UNAUTHORIZED');
    }
    expect(await codeOf(portal.signIn('asha', 'asha-password', '2001:db8:1:2:ffff::99'))).toBe(
      'RATE_LIMITED',
    );
    expect(await codeOf(portal.signIn('asha', 'asha-password', '2001:db8:1:3::1'))).toBe('ok');
  });

  it('counts IPv4-mapped IPv6 and plain IPv4 as the same address', async () => {
    portal = makePortal();
    await withUsers(portal);
    for (let i = 0; i < DEFAULT_LIMITS.signInPerAddress.limit; i++) {
      const address = i % 2 ? '10.0.0.9' : '::ffff:10.0.0.9';
      expect(await codeOf(portal.signIn(`nobody${i}`, 'guess-guess', address))).toBe('UNAUTHORIZED');
    }
    expect(await codeOf(portal.signIn('asha', 'asha-password', '10.0.0.9'))).toBe('RATE_LIMITED');
    expect(await codeOf(portal.signIn('asha', 'asha-password', '::ffff:10.0.0.9'))).toBe('RATE_LIMITED');
  });

  it('limits all sign-ins from the network together (many addresses, many usernames)', async () => {
    portal = makePortal({
      ...DEFAULT_LIMITS,
      signInGlobal: { name: 'signin-all', limit: 6, windowMs: 60_000 },
    });
    await withUsers(portal);
    for (let i = 0; i < 6; i++) {
      expect(await codeOf(portal.signIn(`user${i}`, 'guess-guess', `10.1.${i}.1`))).toBe('UNAUTHORIZED');
    }
    // A new address and a new username: still refused, before any password is checked.
    expect(await codeOf(portal.signIn('asha', 'asha-password', '10.9.9.9'))).toBe('RATE_LIMITED');
    expect(portal.accounts.recentSignIns(1)[0]?.outcome).toBe('rate_limited');
    // The machine itself is another scope.
    expect(await codeOf(portal.signIn('ravi', 'ravi-password', '127.0.0.1'))).toBe('ok');
  });

  it('the LAN alone cannot lock the owner out: sign-in on the TallyConnect machine still works', async () => {
    portal = makePortal({
      ...DEFAULT_LIMITS,
      signInGlobal: { name: 'signin-all', limit: 20, windowMs: 60_000 },
    });
    await withUsers(portal);
    // An attacker on the LAN spends the owner's username allowance and everyone's.
    for (let i = 0; i < 25; i++) await codeOf(portal.signIn('ravi', 'guess-guess', `10.2.${i}.1`));
    expect(await codeOf(portal.signIn('ravi', 'ravi-password', '10.3.0.1'))).toBe('RATE_LIMITED');
    for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await codeOf(portal.signIn('ravi', 'ravi-password', local)), local).toBe('ok');
    }
  });

  it('a successful sign-in clears only its own scope’s username counter', async () => {
    portal = makePortal();
    await withUsers(portal);
    for (let i = 0; i < DEFAULT_LIMITS.signInPerUser.limit; i++)
      await codeOf(portal.signIn('ravi', 'guess-guess', `10.4.${i}.1`));
    expect(await codeOf(portal.signIn('ravi', 'ravi-password', '127.0.0.1'))).toBe('ok');
    expect(await codeOf(portal.signIn('ravi', 'ravi-password', '10.5.0.1'))).toBe('RATE_LIMITED');
  });
});

describe('Redis for portal state: password rule', () => {
  it('refuses a Redis without a password when the portal or the Redis is on the network', () => {
    expect(portalRedisRefusal('redis://127.0.0.1:6380', '0.0.0.0')).toMatch(/no password/);
    expect(portalRedisRefusal('redis://127.0.0.1:6380', '192.168.1.10')).toMatch(/no password/);
    expect(portalRedisRefusal('redis://192.168.1.2:6379', '127.0.0.1')).toMatch(/on the network/);
    expect(portalRedisRefusal({ host: '10.0.0.2', port: 6379 }, '127.0.0.1')).toMatch(/no password/);
    expect(portalRedisRefusal('redis://user@127.0.0.1:6379', '0.0.0.0')).toMatch(/no password/);
  });

  it('accepts a Redis with a password anywhere, and one without only when everything is on loopback', () => {
    expect(portalRedisRefusal('redis://:s3cret@127.0.0.1:6380', '0.0.0.0')).toBeNull();
    expect(portalRedisRefusal('rediss://default:s3cret@10.0.0.2:6380', '0.0.0.0')).toBeNull();
    expect(portalRedisRefusal({ host: '10.0.0.2', password: 's3cret' }, '::')).toBeNull();
    expect(portalRedisRefusal('redis://127.0.0.1:6380', '127.0.0.1')).toBeNull();
    expect(portalRedisRefusal('redis://localhost:6380', '::1')).toBeNull();
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('tally-server')).toBe(false);
  });
});

describe('portal.db: credentials versions and the signing key', () => {
  it('gives accounts of an older portal.db a credentials version, and keeps one key per portal.db', () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE users (
        username TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'staff')), password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)), created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE user_companies (username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE
        ON UPDATE CASCADE, company_guid TEXT NOT NULL, PRIMARY KEY (username, company_guid)) STRICT;
      CREATE TABLE signin_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, username TEXT NOT NULL,
        address TEXT NOT NULL, outcome TEXT NOT NULL) STRICT;
      INSERT INTO users VALUES ('old', 'Old', 'staff', 'x', 0, '2025-01-01', '2025-01-01');
      INSERT INTO users VALUES ('older', 'Older', 'staff', 'x', 0, '2025-01-01', '2025-01-01');
      PRAGMA user_version = 1;
    `);
    migratePortalDb(db);
    const accounts = createAccountStore(db);
    const v1 = accounts.getCredentials('old')?.credentialsVersion;
    expect(v1).toMatch(/^[0-9a-f]{32}$/);
    expect(accounts.getCredentials('older')?.credentialsVersion).not.toBe(v1);
    const key = portalSecret(db, 'session-mac');
    expect(key).toHaveLength(32);
    expect(portalSecret(db, 'session-mac').equals(key)).toBe(true);
    db.close();
  });

  it('changes the version on a new password and on disabling, not on other edits or a re-hash', () => {
    const db = new Database(':memory:');
    migratePortalDb(db);
    const accounts = createAccountStore(db);
    const input = {
      username: 'asha',
      displayName: 'Asha',
      role: 'staff' as const,
      companies: [],
      disabled: false,
    };
    accounts.save(input, 'hash-1');
    const version = () => accounts.getCredentials('asha')?.credentialsVersion;
    const first = version();
    accounts.save({ ...input, displayName: 'Asha K', companies: ['g1'] }, null);
    accounts.setPasswordHash('asha', 'hash-1-stronger');
    expect(version()).toBe(first);
    accounts.save(input, 'hash-2');
    const second = version();
    expect(second).not.toBe(first);
    accounts.save({ ...input, disabled: true }, null);
    const third = version();
    expect(third).not.toBe(second);
    accounts.save({ ...input, disabled: true }, null);
    expect(version()).toBe(third);
    expect(accounts.renewCredentialsVersion('asha')).toBe(true);
    expect(version()).not.toBe(third);
    expect(accounts.renewCredentialsVersion('nobody')).toBe(false);
    db.close();
  });
});
