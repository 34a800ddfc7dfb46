import { AppError } from '../../../shared/errors';
import type { SignInResult } from '../../../shared/types/portal';
import type { Logger } from '../logger';
import type { AccountStore, SignInOutcome } from './accounts';
import { networkScopeOf, rateSubjectOf } from './address';
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
 * Sign-in with brute-force protection: attempts are counted per address (IPv6 per /64), per username
 * and for everyone together before the password is even looked at; unknown users cost as much time as
 * known ones; every attempt is logged (log file and portal.db) with its outcome.
 *
 * The username and global counters are kept per network scope (loopback vs network): failed attempts
 * from the LAN can lock a username out of the LAN, never out of the TallyConnect machine itself, so
 * the owner can always sign in at the office PC (and the Electron desktop needs no sign-in at all).
 * Counting stops at the first refusal: an address already refused does not use up the username's or
 * everyone's allowance. On the machine itself (loopback) a partner's right password always signs in,
 * even when failures from this PC spent the loopback allowance; wrong ones stay refused.
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

  const scope = networkScopeOf(address);
  const userSubject = `${scope}:${username.toLowerCase()}`;
  const refusedForRate = (retryAfterSeconds: number): AppError => {
    record('rate_limited');
    return new AppError(
      'RATE_LIMITED',
      `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`,
      {
        retryAfterSeconds,
      },
    );
  };
  // On this PC itself a spent allowance is not the end: the password is still checked (at the speed
  // of the bounded hashing queue) and a partner's right password signs in; anything else stays refused.
  let limitedOnLoopback: number | null = null;
  for (const [rule, subject] of [
    [deps.limits.signInPerAddress, rateSubjectOf(address)],
    [deps.limits.signInPerUser, userSubject],
    [deps.limits.signInGlobal, scope],
  ] as const) {
    const decision = await deps.limiter.check(rule, subject);
    if (!decision.allowed) {
      if (scope !== 'loopback') throw refusedForRate(decision.retryAfterSeconds);
      limitedOnLoopback = decision.retryAfterSeconds;
      break;
    }
  }

  const account = deps.accounts.getWithHash(username);
  let ok: boolean;
  try {
    ok = account
      ? await deps.hasher.verify(password, account.passwordHash)
      : await deps.hasher.verifyDummy(password);
  } catch (error) {
    // The hashing queue is full (argon2-pool.ts): refused at once, answered 429.
    if (error instanceof AppError && error.code === 'RATE_LIMITED') record('rate_limited');
    throw error;
  }
  if (
    limitedOnLoopback !== null &&
    !(account && ok && !account.user.disabled && account.user.role === 'owner')
  ) {
    throw refusedForRate(limitedOnLoopback);
  }
  if (!account || !ok) {
    record('bad_credentials');
    throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS);
  }
  // A disabled account is answered like a wrong password (the answer must not confirm the password);
  // the real reason is in the log and the sign-in log.
  if (account.user.disabled) {
    record('disabled');
    throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS);
  }

  await deps.limiter.reset(deps.limits.signInPerUser, userSubject);
  if (deps.hasher.needsRehash(account.passwordHash)) {
    deps.accounts.setPasswordHash(account.user.username, await deps.hasher.hash(password));
  }
  const { token, record: session } = await deps.sessions.create(
    account.user.username,
    address,
    account.credentialsVersion,
  );
  record('ok');
  return {
    token,
    user: account.user,
    expiresInSeconds: Math.max(0, Math.round((session.expiresAt - Date.parse(session.lastSeenAt)) / 1000)),
  };
}
