import { portalOptionsFromEnv } from '../../../electron/core/portal/env';

describe('portal options from the environment', () => {
  it('reads rate limits and session lifetimes', () => {
    const { options, problems } = portalOptionsFromEnv({
      PORTAL_RATE_LIMIT_PER_MINUTE: '100',
      PORTAL_SESSION_IDLE_MINUTES: '30',
      PORTAL_SESSION_MAX_HOURS: '8',
    });
    expect(problems).toEqual([]);
    expect(options.limits?.apiPerUser.limit).toBe(100);
    expect(options.limits?.apiPerAddress.limit).toBe(200);
    expect(options.limits?.signInPerUser.limit).toBe(5);
    expect(options.sessionPolicy).toEqual({ idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 });
  });

  it('names a bad value and keeps the default', () => {
    const { options, problems } = portalOptionsFromEnv({
      PORTAL_RATE_LIMIT_PER_MINUTE: 'lots',
      PORTAL_SESSION_IDLE_MINUTES: '0',
    });
    expect(options).toEqual({});
    expect(problems).toEqual([
      'PORTAL_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000, got "lots"; using the default',
      'PORTAL_SESSION_IDLE_MINUTES must be a whole number from 1 to 10080, got "0"; using the default',
    ]);
  });
});
