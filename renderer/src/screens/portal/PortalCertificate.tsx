import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { compareFingerprints } from '../../../../shared/fingerprint';
import type { PortalCertificateState } from '../../../../shared/types/portal';
import { useOperation, useOperationMutation } from '../../data/client';
import { formatDateIndian } from '../../../../shared/dates';

/**
 * Settings › Office portal › HTTPS certificate. On the office network the portal speaks HTTPS only, with
 * a certificate made for this PC (or the office's own). Browsers warn about a certificate they do not
 * know; staff compare the SHA-256 fingerprint their browser shows with this one on their first visit.
 */
export function PortalCertificate() {
  const { t } = useTranslation();
  const state = useOperation('portal.certificate', {});
  return (
    <section className="card" data-testid="portal-certificate" aria-label={t('portal.certificate.title')}>
      <h2 className="card-title">{t('portal.certificate.title')}</h2>
      <p className="hint">{t('portal.certificate.hint')}</p>
      {state.isError && (
        <p className="notice notice-bad" role="alert">
          {state.error?.message}
        </p>
      )}
      {state.data && <CertificateDetails state={state.data} />}
      {state.data && <OfficeCertificateForm current={state.data.configured} />}
    </section>
  );
}

function CertificateDetails({ state }: { state: PortalCertificateState }) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState('');
  const c = state.certificate;
  if (c === null) {
    return (
      <p className="notice notice-bad" role="alert">
        {t('portal.certificate.problem', { problem: state.problem ?? '' })}
      </p>
    );
  }
  const verdict = seen.trim() === '' ? null : compareFingerprints(c.fingerprint256, seen);
  return (
    <>
      <dl className="facts">
        <dt>{t('portal.certificate.source')}</dt>
        <dd>{t(`portal.certificate.sources.${c.source}`)}</dd>
        <dt>{t('portal.certificate.fingerprint')}</dt>
        <dd>
          <code data-testid="portal-fingerprint" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
            {c.fingerprint256}
          </code>
        </dd>
        <dt>{t('portal.certificate.names')}</dt>
        <dd>{c.names.join(', ')}</dd>
        <dt>{t('portal.certificate.validTo')}</dt>
        <dd>{formatDateIndian(c.validTo.slice(0, 10))}</dd>
      </dl>
      <label className="field">
        <span>{t('portal.certificate.check')}</span>
        <input
          name="seenFingerprint"
          value={seen}
          onChange={(e) => setSeen(e.target.value)}
          spellCheck={false}
        />
      </label>
      {verdict !== null && (
        <p
          className={`notice ${verdict === 'same' ? 'notice-good' : 'notice-bad'}`}
          role="status"
          data-testid="fingerprint-verdict"
        >
          {t(`portal.certificate.verdict.${verdict}`)}
        </p>
      )}
    </>
  );
}

function OfficeCertificateForm({ current }: { current: PortalCertificateState['configured'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('settings.update');
  const [pfxPath, setPfxPath] = useState(current.pfxPath);
  const [passphrase, setPassphrase] = useState('');
  const [certPath, setCertPath] = useState(current.certPath);
  const [keyPath, setKeyPath] = useState(current.keyPath);
  const [saved, setSaved] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // An empty passphrase box keeps the stored one unless the PFX is removed too.
    const certificate = {
      pfxPath: pfxPath.trim(),
      certPath: certPath.trim(),
      keyPath: keyPath.trim(),
      ...(passphrase !== '' || pfxPath.trim() === '' ? { passphrase } : {}),
    };
    save.mutate(
      { portal: { certificate } },
      {
        onSuccess: () => {
          setSaved(true);
          setPassphrase('');
          void client.invalidateQueries({ queryKey: ['portal.certificate'] });
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('portal.certificate.office')}>
      <h3>{t('portal.certificate.office')}</h3>
      <p className="hint">{t('portal.certificate.officeHint')}</p>
      <div className="form-grid">
        <label className="field">
          <span>{t('portal.certificate.pfxPath')}</span>
          <input name="pfxPath" value={pfxPath} onChange={(e) => setPfxPath(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('portal.certificate.passphrase')}</span>
          <input
            name="pfxPassphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            placeholder={current.hasPassphrase ? '••••••' : ''}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('portal.certificate.certPath')}</span>
          <input name="certPath" value={certPath} onChange={(e) => setCertPath(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('portal.certificate.keyPath')}</span>
          <input name="keyPath" value={keyPath} onChange={(e) => setKeyPath(e.target.value)} />
        </label>
      </div>
      {save.error && (
        <div className="notice notice-bad" role="alert">
          {save.error.message}
        </div>
      )}
      {saved && (
        <div className="notice notice-good" role="status">
          {t('portal.mode.saved')}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={save.isPending}>
          {t('portal.certificate.save')}
        </button>
      </div>
    </form>
  );
}
