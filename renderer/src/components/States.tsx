import { useTranslation } from 'react-i18next';
import { OperationError } from '../data/client';
import { useDiagnostics } from '../lib/diagnostics';
import { errorText } from '../lib/error-text';

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
  const diagnostics = useDiagnostics();
  // What the user reads is translated from the error's code and reason; the core's own English words
  // are a technical detail, shown only with Diagnostics on.
  const info = error instanceof OperationError ? error.info : { code: 'INTERNAL' as const };
  return (
    <div className="state state-error" role="alert" data-code={info.code}>
      <strong>{title ?? t('common.errorTitle')}</strong>
      <p>{errorText(t, info)}</p>
      {diagnostics && <p className="state-detail">{error.message}</p>}
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
