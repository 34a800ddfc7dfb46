import { useTranslation } from 'react-i18next';

/** Previous / next over a table the core pages; the page is clamped to the ones that exist. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const current = Math.min(Math.max(1, page), pages);
  return (
    <div className="pager no-print">
      <button type="button" className="btn" disabled={current <= 1} onClick={() => onPage(current - 1)}>
        ← {t('wholeTable.previous')}
      </button>
      <span>{t('wholeTable.page', { page: current, pages })}</span>
      <button type="button" className="btn" disabled={current >= pages} onClick={() => onPage(current + 1)}>
        {t('wholeTable.next')} →
      </button>
    </div>
  );
}

export const pageCount = (total: number, pageSize: number): number =>
  Math.max(1, Math.ceil(total / pageSize));
