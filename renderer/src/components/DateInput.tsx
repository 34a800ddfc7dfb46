import { useState, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate } from '../../../shared/dates';
import { date as toIndian } from '../lib/format';

const DATE_PATTERN = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\s*$/;

/** "25-11-2026", "25/11/2026" or "25.11.26" → "2026-11-25"; null when it is not a real date. */
export function parseIndianDate(text: string): string | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * Why a typed date cannot be read: not written DD-MM-YYYY, a month that does not exist, or a day the
 * month does not have (31-02, or 29-02 outside a leap year); null when it is a real date.
 */
export type DateProblem =
  | { kind: 'format' }
  | { kind: 'month'; month: number }
  | { kind: 'day'; day: number; month: number; year: number };

export function dateProblem(text: string): DateProblem | null {
  if (parseIndianDate(text)) return null;
  const m = DATE_PATTERN.exec(text);
  if (!m) return { kind: 'format' };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]);
  if (month < 1 || month > 12) return { kind: 'month', month };
  if (day < 1) return { kind: 'format' };
  return { kind: 'day', day, month, year };
}

/** The sentence for a date problem in the UI language ("There is no 31 February."). */
export function dateProblemText(t: TFunction, language: string, problem: DateProblem): string {
  if (problem.kind === 'format') return t('period.typeDate');
  if (problem.kind === 'month') return t('period.noSuchMonth', { month: problem.month });
  const monthName = new Intl.DateTimeFormat(`${language}-IN`, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, problem.month - 1, 1)),
  );
  // 29 February exists, only not in this year.
  return problem.month === 2 && problem.day === 29
    ? t('period.noLeapDay', { year: problem.year })
    : t('period.noSuchDay', { day: problem.day, month: monthName });
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
  inputRef,
  onEnter,
}: {
  value: string;
  onChange: (iso: string) => void;
  label: string;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Enter on a readable date, after it is taken: Tally's Enter goes on to the next field. */
  onEnter?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? toIndian(value);
  const problem = text === null ? null : dateProblem(text);
  const invalid = problem !== null;
  /** Takes the typed date; true when the field holds a readable date afterwards. */
  const commit = (): boolean => {
    if (text === null) return true;
    const iso = parseIndianDate(text);
    if (!iso) return false;
    setText(null);
    if (iso !== value) onChange(iso);
    return true;
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
        ref={inputRef}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && commit() && onEnter) {
            e.preventDefault();
            onEnter();
          }
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
          {problem && dateProblemText(t, i18n.language, problem)}
        </span>
      )}
    </label>
  );
}
