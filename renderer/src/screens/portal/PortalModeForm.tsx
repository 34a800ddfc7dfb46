import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { settingsPatch } from '../../../../shared/contract/settings';
import type { Settings } from '../../../../shared/types/settings';
import { useOperation, useOperationMutation } from '../../data/client';
import { QueryState } from '../../components/QueryState';
import { PortalCertificate } from './PortalCertificate';

/** Turns the office portal on or off and sets where it listens; applies when serve mode restarts. */
export function PortalModeForm() {
  const settings = useOperation('settings.get', {});
  return (
    <>
      <QueryState query={settings}>{(s) => <ModeFields current={s.portal} />}</QueryState>
      <PortalState />
      <PortalCertificate />
    </>
  );
}

/**
 * Where the portal keeps sessions and rate limits. A Redis without a password is refused when the portal
 * listens on the network (anyone on the LAN could write sessions into it): said here, not only in the log.
 */
function PortalState() {
  const { t } = useTranslation();
  const status = useOperation('portal.status', {});
  const s = status.data;
  if (!s) return null;
  return (
    <div className="card" data-testid="portal-state">
      <p className="hint">
        {t('portal.state.sessions', {
          where: s.backend === 'redis' ? 'Redis / Memurai' : t('portal.state.memory'),
        })}
      </p>
      {s.redisRefused !== null && (
        <p className="notice notice-warn" role="status">
          {t('portal.state.refused', { reason: s.redisRefused })}
        </p>
      )}
    </div>
  );
}

function ModeFields({ current }: { current: Settings['portal'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('settings.update');
  const [enabled, setEnabled] = useState(current.enabled);
  const [bind, setBind] = useState(current.bindAddress);
  const [port, setPort] = useState(String(current.port));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = settingsPatch.safeParse({
      portal: { enabled, bindAddress: bind, port: /^\d+$/.test(port.trim()) ? Number(port) : Number.NaN },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(
        `${issue?.path.join('.') ?? ''}: ${issue?.code === 'invalid_type' ? 'must be a whole number' : issue?.message}`,
      );
      return;
    }
    setProblem(null);
    save.mutate(parsed.data, {
      onSuccess: (next) => {
        setSaved(true);
        client.setQueryData(['settings.get', {}], next);
      },
    });
  };

  return (
    <form
      className="card"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('portal.mode.title', 'Office portal')}
    >
      <h2 className="card-title">{t('portal.mode.title', 'Office portal')}</h2>
      <p className="hint">
        {t(
          'portal.mode.hint',
          'Lets partners and staff open TallyConnect in a browser on their own PCs. Off by default; everyone must sign in.',
        )}
      </p>
      <label className="field-check">
        <input
          type="checkbox"
          name="portalEnabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        <span>{t('portal.mode.enabled', 'Open the portal on the office network')}</span>
      </label>
      <div className="form-grid">
        <label className="field">
          <span>{t('portal.mode.bind', 'Listen on address')}</span>
          <input name="portalBind" value={bind} onChange={(e) => setBind(e.target.value)} />
          <small>{t('portal.mode.bindHint', '0.0.0.0 = every network card; 127.0.0.1 = this PC only')}</small>
        </label>
        <label className="field">
          <span>{t('portal.mode.port', 'Port')}</span>
          <input
            name="portalPort"
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
      </div>
      {problem && (
        <div className="notice notice-bad" role="alert">
          {problem}
        </div>
      )}
      {save.error && (
        <div className="notice notice-bad" role="alert">
          {save.error.message}
        </div>
      )}
      {saved && (
        <div className="notice notice-good" role="status">
          {t('portal.mode.saved', 'Saved. Restart TallyConnect serve mode to apply.')}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('portal.mode.save', 'Save portal settings')}
        </button>
      </div>
    </form>
  );
}
