import { AppError } from '../../../shared/errors';
import type { PortalCertificateState, PortalUser, SessionInfo } from '../../../shared/types/portal';
import { AccountError } from '../portal/accounts';
import type { Portal } from '../portal/portal';
import type { CallContext, PartialHandlerMap } from './types';

type PortalOperation =
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.me'
  | 'users.list'
  | 'users.save'
  | 'users.delete'
  | 'sessions.active'
  | 'portal.status'
  | 'portal.certificate';

/** Account management is the desktop owner's; the access guard refuses it to portal users too. */
function desktopOnly(context: CallContext, what: string): void {
  if (context.user !== null)
    throw new AppError('FORBIDDEN', `${what} is managed on the TallyConnect desktop`);
}

export interface PortalHandlerDeps {
  /** The certificate serve mode uses on a network address (made on first need), or why it cannot. */
  certificate?: () => Promise<PortalCertificateState>;
}

export function portalHandlers(
  portal: Portal,
  deps: PortalHandlerDeps = {},
): PartialHandlerMap<PortalOperation> {
  return {
    'auth.signIn': async (input, context) => {
      return portal.signIn(input.username, input.password, context.address ?? 'local');
    },
    'auth.signOut': async (_input, context) => {
      if (!context.sessionToken) return { signedOut: false };
      return { signedOut: await portal.sessions.revoke(context.sessionToken) };
    },
    // The HTTP layer refuses portal calls without a session, so null here means the desktop owner.
    'auth.me': async (_input, context) => context.user,
    'users.list': async (_input, context) => {
      desktopOnly(context, 'The user list');
      return portal.accounts.list();
    },
    'users.save': async (input, context): Promise<PortalUser> => {
      desktopOnly(context, 'Accounts');
      const hash = input.password === undefined ? null : await portal.hasher.hash(input.password);
      let saved: PortalUser;
      try {
        saved = portal.accounts.save(input, hash);
      } catch (error) {
        if (error instanceof AccountError) throw new AppError('CONFIG', error.message, { field: 'password' });
        throw error;
      }
      // A new password or a disabled account ends the sessions that used the old state: save() gave the
      // account a new credentials version (refused in every process); this also clears them from the
      // shared store and the active list at once.
      if (hash !== null || saved.disabled) await portal.sessions.revokeUser(saved.username);
      return saved;
    },
    'users.delete': async (input, context) => {
      desktopOnly(context, 'Accounts');
      if (!portal.accounts.delete(input.username)) {
        throw new AppError('NOT_FOUND', `No portal user named "${input.username}"`);
      }
      await portal.sessions.revokeUser(input.username);
      return { deleted: true };
    },
    'portal.status': async (_input, context) => {
      desktopOnly(context, 'The portal status');
      return portal.status();
    },
    'portal.certificate': async (_input, context) => {
      desktopOnly(context, 'The portal certificate');
      if (!deps.certificate) throw new AppError('CONFIG', 'The portal certificate is not available here');
      return deps.certificate();
    },
    'sessions.active': async (): Promise<SessionInfo[]> => {
      const accounts = new Map(
        portal.accounts
          .list()
          .map((u) => [
            u.username.toLowerCase(),
            { user: u, credentials: portal.accounts.getCredentials(u.username) },
          ]),
      );
      // Only sessions that would still be let in: not those of deleted or disabled accounts, nor those
      // signed in before a password change (another process may not have removed them yet).
      const live = (await portal.sessions.active()).filter((s) => {
        const account = accounts.get(s.username.toLowerCase());
        return (
          account !== undefined &&
          !account.user.disabled &&
          account.credentials?.credentialsVersion === s.credentialsVersion
        );
      });
      const names = new Map([...accounts].map(([name, a]) => [name, a.user.displayName]));
      return live.map((s) => ({
        username: s.username,
        displayName: names.get(s.username.toLowerCase()) ?? s.username,
        signedInAt: s.signedInAt,
        lastSeenAt: s.lastSeenAt,
        address: s.address,
        companyGuid: s.companyGuid,
      }));
    },
  };
}
