import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useOperationMutation } from '../../data/client';
import { usePolledOperation } from './polled';
import { Loading } from '../../components/States';
import { SignIn } from './SignIn';
import { clearToken } from './token';
import { PortalUserContext } from './portal-user';

/**
 * Shows the app to the desktop owner (auth.me answers null) and to signed-in portal users; shows the
 * sign-in page when the server answers UNAUTHORIZED (portal mode without a valid session). The check
 * repeats every minute, so an expired or revoked session returns to the sign-in page by itself.
 * It wraps the whole app so nothing (not even the event stream) starts before sign-in.
 */
export function PortalGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = usePolledOperation('auth.me', {}, 60_000);
  const signOut = useOperationMutation('auth.signOut');

  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (me.error.info.code === 'UNAUTHORIZED') {
      // A dead token stays out of later requests (and out of the event stream URL).
      clearToken();
      return <SignIn onSignedIn={() => void client.resetQueries()} />;
    }
    // Any other failure is not the gate's to show: the screens report their own errors.
    return <>{children}</>;
  }
  const user = me.data;
  if (user === null) return <>{children}</>;

  const onSignOut = () => {
    signOut.mutate(
      {},
      {
        onSettled: () => {
          clearToken();
          client.clear();
          void client.resetQueries();
        },
      },
    );
  };
  return (
    <PortalUserContext.Provider value={user}>
      <div className="toolbar portal-user" data-testid="portal-user">
        <span>
          {t('portal.signedInAs', 'Signed in as')} <strong>{user.displayName}</strong> ({user.username})
        </span>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={onSignOut}
          disabled={signOut.isPending}
        >
          {t('portal.signOut', 'Sign out')}
        </button>
      </div>
      {children}
    </PortalUserContext.Provider>
  );
}
