import { useTranslation } from 'react-i18next';
import { count } from '../../lib/format';
import type { RunProgress } from './run-progress';

/** How far a reminder run has got: parties done of all, the one being sent, Cancel while it runs. */
export function RunProgressBar({
  progress,
  total,
  onCancel,
  cancelling,
}: {
  progress: RunProgress;
  total: number;
  onCancel?: () => void;
  cancelling: boolean;
}) {
  const { t } = useTranslation();
  const all = progress.total ?? total;
  const percent = all === 0 ? 100 : Math.min(100, Math.round((progress.done / all) * 100));
  const phase = progress.ended ? (progress.ended.kind === 'cancelled' ? 'cancelled' : 'done') : 'running';
  return (
    <div className={`sync-progress phase-${phase}`} data-testid="run-progress" data-phase={phase}>
      <div className="sync-progress-head">
        <strong>{t('collections.progressTitle')}</strong>
        <span className="sync-progress-meta">
          {t('collections.progress', { done: count(progress.done), total: count(all) })}
        </span>
        {!progress.ended && onCancel && (
          <button
            type="button"
            className="btn btn-small"
            onClick={onCancel}
            disabled={cancelling}
            data-testid="cancel-run"
          >
            {t('collections.cancelRun')}
          </button>
        )}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('collections.progressTitle')}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      {!progress.ended && (
        <div className="sync-progress-message">
          {cancelling
            ? t('collections.cancelling')
            : progress.current
              ? t('collections.sendingTo', { party: progress.current })
              : null}
        </div>
      )}
    </div>
  );
}
