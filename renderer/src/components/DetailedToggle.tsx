import { useTranslation } from 'react-i18next';
import { useStatementKeys } from './keyboard/useStatementKeys';

/**
 * Detailed or condensed (Tally's Alt+F1): groups with their ledgers, or the groups alone — on screen, on
 * paper and in Excel. The checkbox shows the state; Alt+F1 anywhere on the statement toggles it.
 */
export function DetailedToggle({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (detailed: boolean) => void;
}) {
  const { t } = useTranslation();
  useStatementKeys({ detailed: () => onChange(!value) });
  return (
    <label className="field field-inline" title={t('comparison.detailedTitle')}>
      <input
        type="checkbox"
        checked={value}
        onChange={(e) => onChange(e.target.checked)}
        aria-keyshortcuts="Alt+F1"
        data-testid="detailed"
      />{' '}
      <span>{t('statements.detailed')}</span>
    </label>
  );
}
