import { limitsWithApiPerMinute, type PortalLimits } from './limits';
import type { SessionPolicy } from './sessions';

export interface PortalEnvOptions {
  limits?: PortalLimits;
  sessionPolicy?: Partial<SessionPolicy>;
}

function wholeNumber(
  env: Record<string, string | undefined>,
  name: string,
  min: number,
  max: number,
  problems: string[],
): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${text}"; using the default`);
    return undefined;
  }
  return value;
}

/**
 * Portal tuning from the environment: PORTAL_RATE_LIMIT_PER_MINUTE (API requests per user per
 * minute; per address twice that), PORTAL_SESSION_IDLE_MINUTES and PORTAL_SESSION_MAX_HOURS.
 * A bad value is reported and ignored, never fatal.
 */
export function portalOptionsFromEnv(env: Record<string, string | undefined>): {
  options: PortalEnvOptions;
  problems: string[];
} {
  const problems: string[] = [];
  const options: PortalEnvOptions = {};
  const perMinute = wholeNumber(env, 'PORTAL_RATE_LIMIT_PER_MINUTE', 1, 1_000_000, problems);
  if (perMinute !== undefined) options.limits = limitsWithApiPerMinute(perMinute);
  const idle = wholeNumber(env, 'PORTAL_SESSION_IDLE_MINUTES', 1, 7 * 24 * 60, problems);
  const max = wholeNumber(env, 'PORTAL_SESSION_MAX_HOURS', 1, 30 * 24, problems);
  if (idle !== undefined || max !== undefined) {
    options.sessionPolicy = {
      ...(idle !== undefined ? { idleMs: idle * 60_000 } : {}),
      ...(max !== undefined ? { absoluteMs: max * 3_600_000 } : {}),
    };
  }
  return { options, problems };
}
