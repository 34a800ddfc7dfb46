import { useTranslation } from 'react-i18next';
import type { OperationError } from '../data/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: OperationError | Error;
  onRetry?: () => void;
  /** What failed, when it is not loading something ("The sync did not finish"). */
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? t('common.errorTitle')}</strong>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
