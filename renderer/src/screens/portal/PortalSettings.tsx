import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { PortalUser } from '../../../../shared/types/portal';
import { useOperation, useOperationMutation } from '../../data/client';
import { ErrorState, Loading } from '../../components/States';
import { AccountForm } from './AccountForm';
import { PortalModeForm } from './PortalModeForm';
import { usePolledOperation } from './polled';
import { dateTime } from '../../lib/format';

/** Settings → Office portal: the mode, the accounts, and who is signed in now. */
export function PortalSettings() {
  const { t } = useTranslation();
  const me = useOperation('auth.me', {});
  // Accounts are the desktop owner's business; a signed-in portal user never sees this section.
  if (me.isPending || (me.data !== null && me.data !== undefined)) return null;
  return (
    <section className="settings" aria-label={t('portal.title', 'Office portal')}>
      <PortalModeForm />
      <Accounts />
      <ActiveUsers />
    </section>
  );
}

function Accounts() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useOperation('users.list', {});
  const companies = useOperation('companies.list', {});
  const remove = useOperationMutation('users.delete');
  const [editing, setEditing] = useState<PortalUser | 'new' | null>(null);
  const refresh = () => {
    setEditing(null);
    void client.invalidateQueries({ queryKey: ['users.list'] });
    void client.invalidateQueries({ queryKey: ['sessions.active'] });
  };
  const names = new Map((companies.data?.data ?? []).map((c) => [c.guid, c.name]));

  return (
    <div className="card">
      <div className="card-head">
        <h2 className="card-title">{t('portal.accounts.title', 'Accounts')}</h2>
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          {t('portal.accounts.add', 'Add account')}
        </button>
      </div>
      {editing !== null && (
        <AccountForm
          key={editing === 'new' ? 'new' : editing.username}
          user={editing === 'new' ? null : editing}
          companies={companies.data?.data ?? []}
          onDone={refresh}
        />
      )}
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.length === 0 && (
        <p className="hint">
          {t('portal.accounts.none', 'No accounts yet. Add one for each partner or staff member.')}
        </p>
      )}
      {users.data && users.data.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('portal.accounts.username', 'Username')}</th>
              <th>{t('portal.accounts.displayName', 'Full name')}</th>
              <th>{t('portal.accounts.role', 'Role')}</th>
              <th>{t('portal.accounts.companiesShort', 'Companies')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.username}>
                <td>
                  {u.username}{' '}
                  {u.disabled && (
                    <span className="pill pill-bad">{t('portal.accounts.off', 'disabled')}</span>
                  )}
                </td>
                <td>{u.displayName}</td>
                <td>
                  {u.role === 'owner'
                    ? t('portal.accounts.partnerShort', 'Partner')
                    : t('portal.accounts.staffShort', 'Staff')}
                </td>
                <td>
                  {u.role === 'owner'
                    ? t('portal.accounts.all', 'All')
                    : u.companies.map((g) => names.get(g) ?? g).join(', ') || '—'}
                </td>
                <td>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(u)}>
                    {t('portal.accounts.edit', 'Edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          t('portal.accounts.confirmDelete', {
                            defaultValue: 'Delete {{name}} and sign them out?',
                            name: u.username,
                          }),
                        )
                      ) {
                        remove.mutate({ username: u.username }, { onSuccess: refresh });
                      }
                    }}
                  >
                    {t('portal.accounts.delete', 'Delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.error && <ErrorState error={remove.error} />}
    </div>
  );
}

function ActiveUsers() {
  const { t } = useTranslation();
  const sessions = usePolledOperation('sessions.active', {}, 10_000);
  const companies = useOperation('companies.list', {});
  const names = new Map((companies.data?.data ?? []).map((c) => [c.guid, c.name]));
  const time = (iso: string) => dateTime(iso);
  return (
    <div className="card">
      <h2 className="card-title">{t('portal.active.title', 'Signed in now')}</h2>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && sessions.data.length === 0 && (
        <p className="hint">{t('portal.active.none', 'Nobody is signed in to the office portal.')}</p>
      )}
      {sessions.data && sessions.data.length > 0 && (
        <table className="data-table" data-testid="active-users">
          <thead>
            <tr>
              <th>{t('portal.active.who', 'Who')}</th>
              <th>{t('portal.active.since', 'Since')}</th>
              <th>{t('portal.active.lastSeen', 'Last seen')}</th>
              <th>{t('portal.active.address', 'Computer')}</th>
              <th>{t('portal.active.company', 'Looking at')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={`${s.username}-${s.signedInAt}-${s.address}`}>
                <td>{s.displayName}</td>
                <td>{time(s.signedInAt)}</td>
                <td>{time(s.lastSeenAt)}</td>
                <td>{s.address}</td>
                <td>{s.companyGuid ? (names.get(s.companyGuid) ?? s.companyGuid) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
