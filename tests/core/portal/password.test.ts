import {
  createPasswordHasher,
  DEFAULT_ARGON2,
  parseArgon2Hash,
} from '../../../electron/core/portal/password';
import { FAST_ARGON2 } from './fixtures';

describe('password hashing (argon2id)', () => {
  const hasher = createPasswordHasher(FAST_ARGON2);

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hasher.hash('correct horse battery');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await hasher.verify('correct horse battery', encoded)).toBe(true);
    expect(await hasher.verify('correct horse batterY', encoded)).toBe(false);
    expect(await hasher.verify('', encoded)).toBe(false);
  });

  it('uses a fresh salt per hash, so equal passwords give different hashes', async () => {
    const a = await hasher.hash('same password');
    const b = await hasher.hash('same password');
    expect(a).not.toBe(b);
    expect(parseArgon2Hash(a)?.salt.equals(parseArgon2Hash(b)?.salt ?? Buffer.alloc(0))).toBe(false);
  });

  it('refuses malformed or foreign hashes instead of throwing', async () => {
    expect(await hasher.verify('pw', 'plain-text')).toBe(false);
    expect(await hasher.verify('pw', '$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe(
      false,
    );
    expect(await hasher.verify('pw', '$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$c2hvcnQ')).toBe(false);
  });

  it('keeps verifying hashes made with other parameters and flags them for rehash', async () => {
    const old = await hasher.hash('long enough');
    const strong = createPasswordHasher({ ...FAST_ARGON2, memoryKiB: 128, iterations: 2 });
    expect(await strong.verify('long enough', old)).toBe(true);
    expect(strong.needsRehash(old)).toBe(true);
    expect(strong.needsRehash(await strong.hash('long enough'))).toBe(false);
  });

  it('production parameters are memory-hard (>= 19 MiB) and still verify', async () => {
    expect(DEFAULT_ARGON2.memoryKiB).toBeGreaterThanOrEqual(19_456);
    const real = createPasswordHasher();
    const encoded = await real.hash('office partner 1');
    expect(await real.verify('office partner 1', encoded)).toBe(true);
  });

  it('the dummy verification never succeeds', async () => {
    expect(await hasher.verifyDummy('not-a-real-password')).toBe(false);
  });

  it('refuses parameters that would weaken hashing', () => {
    expect(() => createPasswordHasher({ ...FAST_ARGON2, saltLength: 4 })).toThrow(/salt/);
    expect(() => createPasswordHasher({ ...FAST_ARGON2, memoryKiB: 4 })).toThrow(/memory/);
  });
});
