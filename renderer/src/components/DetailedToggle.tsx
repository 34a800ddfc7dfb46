import { useTranslation } from 'react-i18next';

/**
 * Detailed or condensed (Tally's Alt+F1) for what is printed and exported: groups with their ledgers, or
 * the groups alone.
 */
export function DetailedToggle({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (detailed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="field field-inline">
      <input
        type="checkbox"
        checked={value}
        onChange={(e) => onChange(e.target.checked)}
        data-testid="detailed"
      />{' '}
      <span>{t('statements.detailed')}</span>
    </label>
  );
}
