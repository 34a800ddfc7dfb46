import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../shared/types/sync';
import { useAppEvent, useOperation } from '../data/client';
import { count, duration } from '../lib/format';
import { useDiagnostics } from '../lib/diagnostics';

/** The latest sync progress: from sync.status at mount, then from events. */
export function useSyncProgress(): { progress: SyncProgress | null; running: boolean } {
  const status = useOperation('sync.status', {});
  const [live, setLive] = useState<SyncProgress | null>(null);
  const onProgress = useCallback((p: SyncProgress) => setLive(p), []);
  const onFinished = useCallback(
    () => setLive((p) => (p ? { ...p, phase: 'done', etaSeconds: 0, done: p.total ?? p.done } : p)),
    [],
  );
  const onFailed = useCallback(
    () => setLive((p) => (p ? { ...p, phase: 'failed', etaSeconds: null } : p)),
    [],
  );
  useAppEvent('sync.progress', onProgress);
  useAppEvent('sync.finished', onFinished);
  useAppEvent('sync.failed', onFailed);
  const progress = live ?? status.data?.progress ?? null;
  const running = progress !== null && !['done', 'failed', 'cancelled'].includes(progress.phase);
  return { progress, running };
}

export function SyncProgressBar({ progress, onCancel }: { progress: SyncProgress; onCancel?: () => void }) {
  const { t } = useTranslation();
  const diagnostics = useDiagnostics();
  const finished = ['done', 'failed', 'cancelled'].includes(progress.phase);
  const percent =
    progress.phase === 'done'
      ? 100
      : progress.total
        ? Math.min(100, Math.round((progress.done / progress.total) * 100))
        : null;
  return (
    <div
      className={`sync-progress phase-${progress.phase}`}
      data-testid="sync-progress"
      data-phase={progress.phase}
    >
      <div className="sync-progress-head">
        <strong>{t(`companies.phase.${progress.phase}`)}</strong>
        {progress.companyName && <span> · {progress.companyName}</span>}
        <span className="sync-progress-meta">
          {progress.total !== null && `${count(progress.done)} / ${count(progress.total)}`}
          {!finished &&
            progress.etaSeconds !== null &&
            ` · ${t('companies.timeLeft', { time: duration(progress.etaSeconds) })}`}
        </span>
        {!finished && onCancel && (
          <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
            {t('companies.cancelSync')}
          </button>
        )}
      </div>
      <div
        className={`progress${percent === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-label={t(`companies.phase.${progress.phase}`)}
      >
        <span style={{ width: `${percent ?? 35}%` }} />
      </div>
      {/* The phase above is the status in the user's language; the core's English detail is technical. */}
      {diagnostics && progress.message && <div className="sync-progress-message">{progress.message}</div>}
    </div>
  );
}
