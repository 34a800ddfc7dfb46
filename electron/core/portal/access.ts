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
 * - collections: partners, and staff for their companies only where the company's reminder settings allow
 *   staff (issue 28: "never staff unless the owner allows"); the settings themselves stay partner-only
 */
export type AccessLevel = 'public' | 'user' | 'partner' | 'collections';

/** What the access check asks the collections store: may staff use collections for this company? */
export interface AccessPolicy {
  staffMayCollect(companyGuid: string): boolean;
}

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
  'trialBalance.compare': 'user',
  'profitLoss.compare': 'user',
  'balanceSheet.compare': 'user',
  'groupSummary.compare': 'user',
  'register.summary': 'user',
  'register.vouchers': 'user',
  'masters.names': 'user',
  'sync.status': 'user',
  'sync.start': 'partner',
  'sync.cancel': 'partner',
  'cache.status': 'partner',
  'cache.clearCompany': 'partner',
  'sessions.active': 'partner',
  'company.profile': 'user',
  'collections.parties': 'collections',
  'collections.party.update': 'collections',
  'collections.preview': 'collections',
  'collections.run.start': 'collections',
  'collections.run.cancel': 'collections',
  'collections.runs': 'collections',
  'collections.log': 'collections',
  'collections.whatsapp': 'collections',
  'collections.settings.get': 'collections',
  'collections.settings.set': 'partner',
  'collections.smtp.get': 'partner',
  'collections.smtp.set': 'partner',
  'collections.smtp.test': 'partner',
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
export function assertAllowed(
  user: PortalUser | null,
  operation: string,
  input: unknown,
  policy?: AccessPolicy,
): void {
  if (user === null) return;
  const level = accessLevelOf(operation);
  if (level === 'desktop') {
    throw new AppError('FORBIDDEN', `"${operation}" is only available on the TallyConnect desktop`);
  }
  if (level === 'partner' && user.role !== 'owner') {
    throw new AppError('FORBIDDEN', `"${operation}" needs a partner (owner) account`);
  }
  const guid = companyOf(input);
  if (level === 'collections' && user.role !== 'owner') {
    // Staff: only for a company they may see and whose owner allowed staff to send reminders.
    if (guid === null || !canSeeCompany(user, guid) || !(policy?.staffMayCollect(guid) ?? false))
      throw new AppError(
        'FORBIDDEN',
        `"${operation}" needs a partner (owner) account, or the owner's permission for staff in the company's reminder settings`,
      );
  }
  if (guid !== null && !canSeeCompany(user, guid)) {
    throw new AppError('FORBIDDEN', `You do not have access to company ${guid}`, { companyGuid: guid });
  }
}
