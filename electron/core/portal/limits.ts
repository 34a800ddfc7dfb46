import type { RateRule } from './rate-limit';

export interface PortalLimits {
  apiPerAddress: RateRule;
  apiPerUser: RateRule;
  /** Sign-in is limited far harder than the API: it is the one door a password guesser can knock on. */
  /** Per address (IPv6: per /64), and per (username, network scope): see address.ts. */
  signInPerAddress: RateRule;
  signInPerUser: RateRule;
  /**
   * All sign-ins of one network scope together (every username, every address): caps distributed
   * guessing and the hashing work a flood can cause. The LAN can exhaust only the 'network' scope.
   */
  signInGlobal: RateRule;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: PortalLimits = {
  apiPerAddress: { name: 'api-address', limit: 1200, windowMs: MINUTE },
  apiPerUser: { name: 'api-user', limit: 600, windowMs: MINUTE },
  signInPerAddress: { name: 'signin-address', limit: 10, windowMs: 15 * MINUTE },
  signInPerUser: { name: 'signin-user', limit: 5, windowMs: 15 * MINUTE },
  signInGlobal: { name: 'signin-all', limit: 100, windowMs: 15 * MINUTE },
};

/** Defaults with the API limits per minute overridden (PORTAL_RATE_LIMIT_PER_MINUTE, benchmarks). */
export function limitsWithApiPerMinute(perMinute: number, base: PortalLimits = DEFAULT_LIMITS): PortalLimits {
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new RangeError(
      `API rate limit must be a whole number of requests per minute >= 1, got ${perMinute}`,
    );
  }
  return {
    ...base,
    apiPerAddress: { ...base.apiPerAddress, limit: perMinute * 2 },
    apiPerUser: { ...base.apiPerUser, limit: perMinute },
  };
}
