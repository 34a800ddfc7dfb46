import { AppError } from '../../../shared/errors';
import type { SignInResult } from '../../../shared/types/portal';
import type { Logger } from '../logger';
import type { AccountStore, SignInOutcome } from './accounts';
import type { PortalLimits } from './limits';
import type { PasswordHasher } from './password';
import type { RateLimiter } from './rate-limit';
import type { SessionManager } from './sessions';

export interface SignInDeps {
  accounts: AccountStore;
  hasher: PasswordHasher;
  sessions: SessionManager;
  limiter: RateLimiter;
  limits: PortalLimits;
  logger: Logger;
}

const BAD_CREDENTIALS = 'Wrong username or password';

/**
 * Sign-in with brute-force protection: attempts are counted per address and per username before the
 * password is even looked at; unknown users cost as much time as known ones; every attempt is logged
 * (log file and portal.db) with its outcome.
 */
export async function signIn(
  deps: SignInDeps,
  username: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const record = (outcome: SignInOutcome): void => {
    deps.accounts.logSignIn(username, address, outcome);
    const fields = { username, address, outcome };
    if (outcome === 'ok') deps.logger.info('portal sign-in', fields);
    else deps.logger.warn('portal sign-in refused', fields);
  };

  for (const [rule, subject] of [
    [deps.limits.signInPerAddress, address],
    [deps.limits.signInPerUser, username.toLowerCase()],
  ] as const) {
    const decision = await deps.limiter.check(rule, subject);
    if (!decision.allowed) {
      record('rate_limited');
      throw new AppError(
        'RATE_LIMITED',
        `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} seconds`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
  }

  const account = deps.accounts.getWithHash(username);
  const ok = account
    ? await deps.hasher.verify(password, account.passwordHash)
    : await deps.hasher.verifyDummy(password);
  if (!account || !ok) {
    record('bad_credentials');
    throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS);
  }
  // Only someone who knows the password learns that the account is disabled.
  if (account.user.disabled) {
    record('disabled');
    throw new AppError('UNAUTHORIZED', 'This account is disabled; ask the office owner');
  }

  await deps.limiter.reset(deps.limits.signInPerUser, username.toLowerCase());
  if (deps.hasher.needsRehash(account.passwordHash)) {
    deps.accounts.setPasswordHash(account.user.username, await deps.hasher.hash(password));
  }
  const { token, record: session } = await deps.sessions.create(account.user.username, address);
  record('ok');
  return {
    token,
    user: account.user,
    expiresInSeconds: Math.max(0, Math.round((session.expiresAt - Date.parse(session.lastSeenAt)) / 1000)),
  };
}
