import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../shared/types/reports';
import { date } from '../lib/format';
import { ExportMenu, type SheetSource } from './ExportMenu';
import { PageHeader } from './PageHeader';
import type { PeriodValue } from './Period';
import { ReportSubtitle } from './ServedBadge';

/**
 * A report page's header: the title, what the report covers (children) with where the answer came
 * from, and the Excel / CSV / Print buttons once there is something to export.
 */
export function ReportHeader({
  title,
  served,
  sheet,
  children,
}: {
  title: string;
  served: { source: 'cache' | 'database'; tookMs: number } | undefined;
  /** Builds the export (and the print document); leave it out (undefined) while there is no data. */
  sheet: SheetSource | undefined;
  children: ReactNode;
}) {
  return (
    <PageHeader
      title={title}
      subtitle={<ReportSubtitle served={served}>{children}</ReportSubtitle>}
      actions={sheet && <ExportMenu sheet={sheet} />}
    />
  );
}

/** "Company · 01-04-2025 to 31-03-2026": the usual subtitle of a report over a period. */
export function CompanyPeriod({ company, period }: { company: CompanySummary; period: PeriodValue }) {
  const { t } = useTranslation();
  return (
    <>
      {company.name} · {t('common.period', { from: date(period.from), to: date(period.to) })}
    </>
  );
}
