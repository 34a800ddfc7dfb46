import { createArgon2Pool, type Argon2Job } from '../../../electron/core/portal/argon2-pool';
import { createPasswordHasher, inThreadArgon2 } from '../../../electron/core/portal/password';
import { AppError } from '../../../shared/errors';
import { FAST_ARGON2 } from './fixtures';

/** Heavy enough (64 MiB, 3 passes) that a hash on the main thread would stall it visibly. */
const HEAVY = { memoryKiB: 65_536, iterations: 3, parallelism: 1, hashLength: 32, saltLength: 16 };

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; tookMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 2);
  const started = performance.now();
  await work();
  const tookMs = performance.now() - started;
  clearInterval(timer);
  return { stallMs, tookMs };
}

describe('password hashing in worker threads', () => {
  it('keeps the event loop free while a hash runs', async () => {
    const pool = createArgon2Pool({ threads: 1, maxQueued: 4 });
    try {
      const hasher = createPasswordHasher(HEAVY, undefined, pool.compute);
      await hasher.hash('warm-up-the-worker');
      const { stallMs, tookMs } = await longestStall(() => hasher.hash('correct horse battery staple'));
      // On the main thread the stall would be the whole hash (hundreds of ms).
      expect(tookMs).toBeGreaterThan(60);
      expect(stallMs).toBeLessThan(Math.max(40, tookMs / 3));
    } finally {
      await pool.close();
    }
  });

  it('(the same hash on the main thread does stall it: what the pool prevents)', async () => {
    const hasher = createPasswordHasher(HEAVY, undefined, inThreadArgon2);
    const { stallMs, tookMs } = await longestStall(() => hasher.hash('correct horse battery staple'));
    expect(stallMs).toBeGreaterThan(tookMs / 2);
  });

  it('gives the same hashes as hashing in-thread (verifies both ways)', async () => {
    const pool = createArgon2Pool({ threads: 2, maxQueued: 4 });
    try {
      const pooled = createPasswordHasher(FAST_ARGON2, undefined, pool.compute);
      const local = createPasswordHasher(FAST_ARGON2);
      expect(await local.verify('pässword-ü', await pooled.hash('pässword-ü'))).toBe(true);
      expect(await pooled.verify('pässword-ü', await local.hash('pässword-ü'))).toBe(true);
      expect(await pooled.verify('wrong', await local.hash('pässword-ü'))).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('refuses work over the bound at once (RATE_LIMITED, retry in 1 s) instead of queueing it forever', async () => {
    const pool = createArgon2Pool({ threads: 1, maxQueued: 2 });
    try {
      const job: Argon2Job = {
        password: 'pw',
        salt: new Uint8Array(16),
        memoryKiB: 16_384,
        iterations: 2,
        parallelism: 1,
        hashLength: 32,
      };
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => pool.compute(job)));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3); // 1 running + 2 waiting
      expect(refused).toHaveLength(3);
      const error = (refused[0] as PromiseRejectedResult).reason as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.details?.retryAfterSeconds).toBe(1);
      // Account management (priority) is never refused, even with the queue full.
      const busy = Array.from({ length: 3 }, () => pool.compute(job));
      await expect(pool.compute(job, { priority: true })).resolves.toHaveLength(32);
      await Promise.allSettled(busy);
      expect(pool.pending).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('fails the jobs of a closed pool instead of leaving them hanging', async () => {
    const pool = createArgon2Pool({ threads: 1, maxQueued: 4 });
    const job: Argon2Job = {
      password: 'pw',
      salt: new Uint8Array(16),
      memoryKiB: 16_384,
      iterations: 2,
      parallelism: 1,
      hashLength: 32,
    };
    const settled = Promise.allSettled([pool.compute(job), pool.compute(job)]);
    await pool.close();
    expect((await settled).map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
