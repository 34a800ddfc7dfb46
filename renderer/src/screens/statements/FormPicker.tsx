import { useTranslation } from 'react-i18next';

/** How a statement is laid out: Tally's horizontal form, or the vertical form of Schedule III. */
export type StatementForm = 'horizontal' | 'vertical';

/** The layout choice, on screen as in print and Excel. */
export function FormPicker({
  value,
  onChange,
  testId = 'statement-form',
}: {
  value: StatementForm;
  onChange: (form: StatementForm) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="field field-inline">
      <span>{t('scheduleThree.form')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value === 'vertical' ? 'vertical' : 'horizontal')}
        data-testid={testId}
      >
        <option value="horizontal">{t('scheduleThree.horizontal')}</option>
        <option value="vertical">{t('scheduleThree.vertical')}</option>
      </select>
    </label>
  );
}
