import type { Argon2Params } from '../../../electron/core/portal/password';

/** Tiny argon2 parameters so tests run fast; production uses DEFAULT_ARGON2. */
export const FAST_ARGON2: Argon2Params = {
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
  hashLength: 32,
  saltLength: 16,
};

/** A settable clock for expiry tests. */
export function fakeClock(start = Date.parse('2026-01-05T09:00:00Z')): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}
