import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInResult } from '../../../../shared/types/portal';
import { useOperationMutation } from '../../data/client';
import { saveToken } from './token';

/** The office portal's sign-in page, shown by PortalGate when the server asks for a session. */
export function SignIn({
  onSignedIn,
  notice,
}: {
  onSignedIn: (result: SignInResult) => void;
  notice?: string;
}) {
  const { t } = useTranslation();
  const signIn = useOperationMutation('auth.signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => {
          saveToken(result.token);
          setPassword('');
          onSignedIn(result);
        },
      },
    );
  };

  const error = signIn.error;
  const message =
    error?.info.code === 'RATE_LIMITED'
      ? t('portal.signIn.tooMany', {
          defaultValue: 'Too many attempts. Try again in {{count}} seconds.',
          count: error.info.details?.retryAfterSeconds ?? 60,
        })
      : error?.message;

  return (
    <main className="content">
      <form className="card settings" onSubmit={onSubmit} aria-labelledby="portal-sign-in-title">
        <h1 id="portal-sign-in-title" className="card-title">
          {t('portal.signIn.title', 'Sign in to TallyConnect')}
        </h1>
        <p className="hint">{t('portal.signIn.hint', 'Use the account the office owner created for you.')}</p>
        {notice && (
          <div className="notice notice-warn" role="status">
            {notice}
          </div>
        )}
        <label className="field">
          <span>{t('portal.signIn.username', 'Username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('portal.signIn.password', 'Password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {message && (
          <div className="notice notice-bad" role="alert">
            {message}
          </div>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={signIn.isPending || username.trim() === '' || password === ''}
          >
            {t('portal.signIn.submit', 'Sign in')}
          </button>
        </div>
      </form>
    </main>
  );
}
