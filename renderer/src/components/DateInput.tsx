import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate } from '../../../shared/dates';
import { date as toIndian } from '../lib/format';

/** "25-11-2026", "25/11/2026" or "25.11.26" → "2026-11-25"; null when it is not a real date. */
export function parseIndianDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * A date typed the way Indian accountants write it (DD-MM-YYYY), whatever the browser's locale; the
 * native date picker would show MM/DD/YYYY on an English-US system.
 */
export function DateInput({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (iso: string) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? toIndian(value);
  const invalid = text !== null && parseIndianDate(text) === null;
  const commit = () => {
    if (text === null) return;
    const iso = parseIndianDate(text);
    if (iso) {
      setText(null);
      if (iso !== value) onChange(iso);
    }
  };
  return (
    <label className="field field-inline">
      <span>{label}</span>
      <input
        className={invalid ? 'date-input invalid' : 'date-input'}
        value={shown}
        placeholder="DD-MM-YYYY"
        inputMode="numeric"
        aria-invalid={invalid}
        aria-describedby={invalid && testId ? `${testId}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          // Esc first undoes the typing; only an untouched field lets Esc go back a screen.
          if (e.key === 'Escape' && text !== null) {
            e.preventDefault();
            e.stopPropagation();
            setText(null);
          }
        }}
        data-testid={testId}
      />
      {invalid && (
        <span className="field-error" role="alert" id={testId ? `${testId}-error` : undefined}>
          {t('period.typeDate')}
        </span>
      )}
    </label>
  );
}
