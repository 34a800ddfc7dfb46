import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { UpdatePhase, UpdateStatus } from '../../../../shared/types/update';
import { updateFeedUrl } from '../../../../shared/contract/update';
import { queryKeyOf, useAppEvent, useOperation, useOperationMutation } from '../../data/client';
import { ErrorState } from '../../components/States';
import { dateTime } from '../../lib/format';

const PHASE_KEYS: Record<UpdatePhase, string> = {
  disabled: 'updates.phase.disabled',
  idle: 'updates.phase.idle',
  checking: 'updates.phase.checking',
  'up-to-date': 'updates.phase.upToDate',
  downloading: 'updates.phase.downloading',
  ready: 'updates.phase.ready',
  error: 'updates.phase.error',
};

/**
 * Settings › Updates (desktop only): where updates come from, what the updater is doing, and the
 * user's consent to install a downloaded version. The state arrives live with the update.status event.
 */
export function UpdateSettings() {
  const query = useOperation('update.status', {});
  const client = useQueryClient();
  useAppEvent(
    'update.status',
    useCallback(
      (status: UpdateStatus) => client.setQueryData(queryKeyOf('update.status', {}), status),
      [client],
    ),
  );
  const status = query.data;
  // The browser server cannot update the desktop app: nothing to show there.
  if (!status || status.disabledReason === 'not-desktop') return null;
  return <UpdateCard status={status} />;
}

function UpdateCard({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const configure = useOperationMutation('update.configure');
  const check = useOperationMutation('update.check');
  const install = useOperationMutation('update.install');
  const [feed, setFeed] = useState(status.feedUrl);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const store = (next: UpdateStatus) => client.setQueryData(queryKeyOf('update.status', {}), next);
  const fromEnvironment = status.feedSource === 'environment';
  const version = status.available?.version ?? '';
  const percent = Math.floor(status.progress?.percent ?? 0);
  const failure = configure.error ?? check.error ?? install.error;

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const parsed = updateFeedUrl.safeParse(feed);
    if (!parsed.success) {
      setProblem(`${t('updates.feedUrl')}: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    setProblem(null);
    configure.mutate(
      { feedUrl: parsed.data },
      {
        onSuccess: (next) => {
          store(next);
          setSaved(true);
        },
      },
    );
  };

  return (
    <section
      className="card update-settings"
      aria-labelledby="update-settings-title"
      data-testid="update-settings"
    >
      <h2 id="update-settings-title" className="subhead">
        {t('updates.title')}
      </h2>
      <p className="hint">{t('updates.current', { version: status.currentVersion })}</p>
      <p data-testid="update-phase" role="status">
        {t(PHASE_KEYS[status.phase], { version, percent })}
      </p>
      {status.phase === 'disabled' && status.disabledReason === 'no-feed' && (
        <p className="hint">{t('updates.noFeed')}</p>
      )}
      {status.phase === 'disabled' && status.disabledReason === 'not-installed' && (
        <p className="hint">{t('updates.notInstalled')}</p>
      )}
      {status.phase === 'downloading' && (
        <div className="progress" aria-label={t('updates.title')} aria-valuenow={percent} role="progressbar">
          <span style={{ width: `${percent}%` }} />
        </div>
      )}
      {status.phase === 'error' && status.error && (
        <div className="notice notice-bad" data-testid="update-error">
          {status.error}
        </div>
      )}
      {status.lastCheckedAt && (
        <p className="hint">
          {t('updates.lastChecked', {
            when: dateTime(status.lastCheckedAt),
          })}
        </p>
      )}
      {status.phase === 'ready' && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="update-install-now"
            disabled={install.isPending}
            onClick={() => install.mutate({ when: 'now' }, { onSuccess: store })}
          >
            {t('updates.installNow')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="update-install-on-quit"
            disabled={install.isPending || status.installOnQuit}
            onClick={() => install.mutate({ when: 'on-quit' }, { onSuccess: store })}
          >
            {t('updates.installOnQuit')}
          </button>
          {status.installOnQuit && <p className="hint">{t('updates.willInstallOnQuit')}</p>}
        </div>
      )}
      {['idle', 'up-to-date', 'error'].includes(status.phase) && (
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            data-testid="update-check"
            disabled={check.isPending}
            onClick={() => check.mutate({}, { onSuccess: store })}
          >
            {t('updates.checkNow')}
          </button>
        </div>
      )}
      <form onSubmit={onSave} noValidate>
        <label className="field">
          <span>{t('updates.feedUrl')}</span>
          <input
            name="updateFeedUrl"
            value={feed}
            disabled={fromEnvironment}
            placeholder="https://"
            aria-describedby="update-feed-hint"
            onChange={(e) => {
              setFeed(e.target.value);
              setSaved(false);
            }}
          />
        </label>
        <p className="hint" id="update-feed-hint">
          {fromEnvironment ? t('updates.feedFromEnvironment') : t('updates.feedHint')}
        </p>
        {problem && (
          <div className="notice notice-bad" role="alert">
            {problem}
          </div>
        )}
        {saved && (
          <div className="notice notice-good" role="status">
            {t('updates.feedSaved')}
          </div>
        )}
        {!fromEnvironment && (
          <div className="form-actions">
            <button type="submit" className="btn" disabled={configure.isPending}>
              {t('updates.saveFeed')}
            </button>
          </div>
        )}
      </form>
      {failure && <ErrorState error={failure} />}
    </section>
  );
}
