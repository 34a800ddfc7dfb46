import { randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import type { Argon2Compute } from './argon2-pool';

/**
 * Password hashing with argon2id (memory-hard, hash-wasm). Hashes are stored in the standard PHC
 * string form ($argon2id$v=19$m=..,t=..,p=..$salt$hash) so parameters can be raised later and old
 * hashes still verify.
 */
export interface Argon2Params {
  /** KiB of memory per hash. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
  saltLength: number;
}

/** OWASP's recommended argon2id minimum (19 MiB, 2 passes, 1 lane): ~50-100 ms per hash here. */
export const DEFAULT_ARGON2: Argon2Params = {
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
  saltLength: 16,
};

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** True when the stored hash used weaker parameters than the current ones. */
  needsRehash(encoded: string): boolean;
  /** Burns the same time as a real verification, so unknown usernames cannot be told apart by timing. */
  verifyDummy(password: string): Promise<false>;
}

interface ParsedHash {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Buffer;
  hash: Buffer;
}

const PHC_RE = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const b64 = (buf: Uint8Array): string => Buffer.from(buf).toString('base64').replace(/=+$/, '');

export function parseArgon2Hash(encoded: string): ParsedHash | null {
  const m = PHC_RE.exec(encoded);
  if (!m) return null;
  const [, mem, t, p, salt, hash] = m;
  return {
    memoryKiB: Number(mem),
    iterations: Number(t),
    parallelism: Number(p),
    salt: Buffer.from(salt ?? '', 'base64'),
    hash: Buffer.from(hash ?? '', 'base64'),
  };
}

/** argon2id on the calling thread (tests, tools); the portal runs it in worker threads (argon2-pool.ts). */
export const inThreadArgon2: Argon2Compute = (job) =>
  argon2id({
    password: job.password,
    salt: job.salt,
    parallelism: job.parallelism,
    iterations: job.iterations,
    memorySize: job.memoryKiB,
    hashLength: job.hashLength,
    outputType: 'binary',
  });

export function createPasswordHasher(
  params: Argon2Params = DEFAULT_ARGON2,
  randomBytes: (size: number) => Uint8Array = nodeRandomBytes,
  compute: Argon2Compute = inThreadArgon2,
): PasswordHasher {
  const rawHash = (
    password: string,
    salt: Uint8Array,
    p: Pick<ParsedHash, 'memoryKiB' | 'iterations' | 'parallelism'>,
    hashLength: number,
    priority: boolean,
  ): Promise<Uint8Array> =>
    compute(
      {
        password: password.normalize('NFC'),
        salt,
        parallelism: p.parallelism,
        iterations: p.iterations,
        memoryKiB: p.memoryKiB,
        hashLength,
      },
      { priority },
    );

  if (params.memoryKiB < 8 * params.parallelism)
    throw new RangeError('argon2 memory must be >= 8 KiB per lane');
  if (params.saltLength < 8) throw new RangeError('argon2 salt must be at least 8 bytes');

  // Hashing a new password (account management, re-hash after a good sign-in) is never refused by a
  // full queue; checking a sign-in password is (see argon2-pool.ts).
  const hash = async (password: string): Promise<string> => {
    if (password === '') throw new RangeError('password must not be empty');
    // A fresh salt per hash: equal passwords never produce equal hashes.
    const salt = randomBytes(params.saltLength);
    const digest = await rawHash(password, salt, params, params.hashLength, true);
    return `$argon2id$v=19$m=${params.memoryKiB},t=${params.iterations},p=${params.parallelism}$${b64(salt)}$${b64(digest)}`;
  };

  const verify = async (password: string, encoded: string): Promise<boolean> => {
    const parsed = parseArgon2Hash(encoded);
    // hash-wasm refuses empty passwords; an empty password never matches anything anyway.
    if (!parsed || parsed.hash.length < 16 || password === '') return false;
    const digest = Buffer.from(await rawHash(password, parsed.salt, parsed, parsed.hash.length, false));
    // Constant-time comparison: no early exit on the first differing byte.
    return digest.length === parsed.hash.length && timingSafeEqual(digest, parsed.hash);
  };

  let dummy: Promise<string> | null = null;
  return {
    hash,
    verify,
    needsRehash(encoded) {
      const parsed = parseArgon2Hash(encoded);
      return (
        !parsed ||
        parsed.memoryKiB < params.memoryKiB ||
        parsed.iterations < params.iterations ||
        parsed.hash.length < params.hashLength
      );
    },
    async verifyDummy(password) {
      dummy ??= hash('not-a-real-password');
      await verify(password, await dummy);
      return false;
    },
  };
}
