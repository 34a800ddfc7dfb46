import type { OperationName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { PortalUser } from '../../../shared/types/portal';

/**
 * Who may call what over the portal. Desktop-owner calls (IPC, CLI, local serve: user null) may call
 * everything; portal users only what is listed here. Operations not listed are desktop-only, so a new
 * operation is closed to the portal until someone decides otherwise.
 *
 * - public:  no session needed (sign-in itself)
 * - user:    any signed-in portal user (company-scoped calls still checked against their companies)
 * - partner: portal users with role 'owner' (see every company, may sync and clear the cache)
 */
export type AccessLevel = 'public' | 'user' | 'partner';

export const PORTAL_ACCESS: Partial<Record<OperationName, AccessLevel>> = {
  'auth.signIn': 'public',
  'auth.signOut': 'user',
  'auth.me': 'user',
  'companies.list': 'user',
  'dashboard.get': 'user',
  'ledgers.search': 'user',
  'ledger.statement': 'user',
  'outstanding.get': 'user',
  'bill.history': 'user',
  'trialBalance.get': 'user',
  'profitLoss.get': 'user',
  'dayBook.get': 'user',
  'voucher.get': 'user',
  'balanceSheet.get': 'user',
  'groupSummary.get': 'user',
  'ledgerMonthly.get': 'user',
  'stockSummary.get': 'user',
  'stockItem.movements': 'user',
  'register.summary': 'user',
  'register.vouchers': 'user',
  'masters.names': 'user',
  'sync.status': 'user',
  'sync.start': 'partner',
  'sync.cancel': 'partner',
  'cache.status': 'partner',
  'cache.clearCompany': 'partner',
  'sessions.active': 'partner',
};

export function accessLevelOf(operation: string): AccessLevel | 'desktop' {
  return (PORTAL_ACCESS as Record<string, AccessLevel | undefined>)[operation] ?? 'desktop';
}

export function isPublicOperation(operation: string): boolean {
  return accessLevelOf(operation) === 'public';
}

export function canSeeCompany(user: PortalUser | null, companyGuid: string): boolean {
  return user === null || user.role === 'owner' || user.companies.includes(companyGuid);
}

/** The company an operation's (validated) input is about, if any. */
export function companyOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const guid = (input as { companyGuid?: unknown }).companyGuid;
  return typeof guid === 'string' ? guid : null;
}

/**
 * The one place portal access is decided: throws FORBIDDEN when `user` may not call `operation` with
 * this input. A company the user may not see is refused the same way as one that does not exist for
 * them, without saying whether it exists.
 */
export function assertAllowed(user: PortalUser | null, operation: string, input: unknown): void {
  if (user === null) return;
  const level = accessLevelOf(operation);
  if (level === 'desktop') {
    throw new AppError('FORBIDDEN', `"${operation}" is only available on the TallyConnect desktop`);
  }
  if (level === 'partner' && user.role !== 'owner') {
    throw new AppError('FORBIDDEN', `"${operation}" needs a partner (owner) account`);
  }
  const guid = companyOf(input);
  if (guid !== null && !canSeeCompany(user, guid)) {
    throw new AppError('FORBIDDEN', `You do not have access to company ${guid}`, { companyGuid: guid });
  }
}
