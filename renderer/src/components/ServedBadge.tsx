import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiagnostics } from '../lib/diagnostics';

/** Where a report came from and how long it took: shown when Settings › Diagnostics is on. */
export function ServedBadge({ source, tookMs }: { source: 'cache' | 'database'; tookMs: number }) {
  const { t } = useTranslation();
  const diagnostics = useDiagnostics();
  if (!diagnostics) return null;
  return (
    <span className={`served served-${source}`} data-testid="served" data-source={source}>
      <span className="served-dot" aria-hidden="true" />
      {source === 'cache' ? t('common.fromCache') : t('common.fromDatabase')}
      <span className="served-ms">
        {' '}
        · {t('common.tookMs', { ms: tookMs < 10 ? tookMs.toFixed(1) : Math.round(tookMs) })}
      </span>
    </span>
  );
}

/** A report page's subtitle: what the report covers, then (once answered) where it came from. */
export function ReportSubtitle({
  served,
  children,
}: {
  served: { source: 'cache' | 'database'; tookMs: number } | undefined;
  children: ReactNode;
}) {
  return (
    <>
      {children}
      {served && (
        <>
          {' '}
          <ServedBadge source={served.source} tookMs={served.tookMs} />
        </>
      )}
    </>
  );
}
