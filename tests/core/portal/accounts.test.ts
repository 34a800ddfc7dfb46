import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  migratePortalDb,
  openPortalDb,
  PORTAL_SCHEMA_VERSION,
} from '../../../electron/core/portal/accounts-db';
import { AccountError, createAccountStore } from '../../../electron/core/portal/accounts';

const input = (
  username: string,
  extra: Partial<Parameters<ReturnType<typeof createAccountStore>['save']>[0]> = {},
) => ({
  username,
  displayName: username.toUpperCase(),
  role: 'staff' as const,
  companies: [] as string[],
  disabled: false,
  ...extra,
});

describe('portal accounts store (portal.db)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-portal-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates portal.db with its migrations and reopens it without re-running them', () => {
    const path = join(dir, 'portal.db');
    const db = openPortalDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(PORTAL_SCHEMA_VERSION);
    createAccountStore(db).save(input('asha'), 'hash-1');
    db.close();
    const again = openPortalDb(path);
    expect(createAccountStore(again).get('asha')?.displayName).toBe('ASHA');
    again.close();
  });

  it('refuses a portal.db from a newer TallyConnect', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${PORTAL_SCHEMA_VERSION + 1}`);
    expect(() => migratePortalDb(db)).toThrow(/newer than this TallyConnect/);
  });

  it('requires a password to create, keeps the hash on update, and stores company grants', () => {
    const store = createAccountStore(openPortalDb(':memory:'), () => new Date('2026-01-05T10:00:00Z'));
    expect(() => store.save(input('ravi'), null)).toThrow(AccountError);
    const created = store.save(input('ravi', { companies: ['g2', 'g1', 'g1'] }), 'hash-a');
    expect(created).toEqual({
      username: 'ravi',
      displayName: 'RAVI',
      role: 'staff',
      companies: ['g1', 'g2'],
      disabled: false,
      createdAt: '2026-01-05T10:00:00.000Z',
    });
    const updated = store.save(input('RAVI', { role: 'owner', companies: ['g3'], disabled: true }), null);
    expect(updated).toMatchObject({ username: 'ravi', role: 'owner', companies: ['g3'], disabled: true });
    expect(store.getWithHash('Ravi')?.passwordHash).toBe('hash-a');
    store.save(input('ravi'), 'hash-b');
    expect(store.getWithHash('ravi')?.passwordHash).toBe('hash-b');
  });

  it('deletes a user with their grants, and lists users by name', () => {
    const store = createAccountStore(openPortalDb(':memory:'));
    store.save(input('zoya', { companies: ['g1'] }), 'h');
    store.save(input('amit'), 'h');
    expect(store.list().map((u) => u.username)).toEqual(['amit', 'zoya']);
    expect(store.delete('ZOYA')).toBe(true);
    expect(store.delete('zoya')).toBe(false);
    expect(store.get('zoya')).toBeNull();
  });

  it('logs sign-in attempts, newest first', () => {
    const store = createAccountStore(openPortalDb(':memory:'));
    store.logSignIn('amit', '10.0.0.5', 'bad_credentials');
    store.logSignIn('amit', '10.0.0.5', 'ok');
    expect(store.recentSignIns(5).map((r) => r.outcome)).toEqual(['ok', 'bad_credentials']);
  });
});
