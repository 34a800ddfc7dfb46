import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearOf, financialYearRange, isValidIsoDate } from '../../../shared/dates';
import type { CompanySummary } from '../../../shared/types/reports';
import { date, todayIso } from '../lib/format';
import type { Screen } from '../lib/route';
import { useAppState, type SessionPeriod } from '../state';
import { DateInput } from './DateInput';
import { Toolbar } from './PageHeader';

export interface PeriodValue {
  from: string;
  to: string;
}

/** The company's newest financial year with vouchers, or the current one. */
export function defaultFy(company: CompanySummary | null): string {
  return company?.financialYears[0] ?? financialYearOf(todayIso(), company?.yearStartMonth);
}

/**
 * The period a report shows: its own dates when it was opened by a drill-down (from/to in the route),
 * else the session's period (Alt+F2), else the company's newest financial year.
 */
export function periodFrom(
  params: Record<string, string>,
  company: CompanySummary | null,
  session: SessionPeriod | null = null,
): PeriodValue {
  const fy = params.fy && /^\d{4}-\d{2}$/.test(params.fy) ? params.fy : null;
  const base = fy
    ? financialYearRange(fy, company?.yearStartMonth)
    : (session ?? financialYearRange(defaultFy(company), company?.yearStartMonth));
  const from = params.from && isValidIsoDate(params.from) ? params.from : base.from;
  const to = params.to && isValidIsoDate(params.to) ? params.to : base.to;
  return from <= to ? { from, to } : base;
}

/** The report period of the current route (see periodFrom). */
export function useReportPeriod(company: CompanySummary): PeriodValue {
  const { route, sessionPeriod } = useAppState();
  return periodFrom(route.params, company, sessionPeriod);
}

/** "As on" for balances and ageing: the period's end, but never a day in the future. */
export function asOnOf(period: PeriodValue): string {
  const today = todayIso();
  return period.to > today && period.from <= today ? today : period.to;
}

/** What is wrong with the dates a link carries; the report is not shown over a date it cannot read. */
export type PeriodProblem =
  { reason: 'badDate'; field: string; value: string } | { reason: 'reversedRange'; from: string; to: string };

const DATE_FIELDS = ['from', 'to', 'asOn', 'on'] as const;

export function periodProblem(params: Record<string, string>): PeriodProblem | null {
  for (const field of DATE_FIELDS) {
    const value = params[field];
    if (value !== undefined && value !== '' && !isValidIsoDate(value))
      return { reason: 'badDate', field, value };
  }
  if (params.from && params.to && params.from > params.to) {
    return { reason: 'reversedRange', from: params.from, to: params.to };
  }
  return null;
}

/** The inline message for a period problem, in the user's language. */
export function PeriodProblemNote({ problem }: { problem: PeriodProblem }) {
  const { t } = useTranslation();
  return (
    <p className="field-error" role="alert" data-testid="period-problem">
      {problem.reason === 'badDate'
        ? t('period.badDate', { value: problem.value })
        : t('period.reversed', { from: date(problem.from), to: date(problem.to) })}
    </p>
  );
}

export function FyPicker({
  years,
  value,
  onChange,
}: {
  years: string[];
  value: string;
  onChange: (fy: string) => void;
}) {
  const { t } = useTranslation();
  const options = years.includes(value) ? years : [value, ...years];
  return (
    <label className="field field-inline">
      <span>{t('common.year')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="fy-picker">
        {options.map((fy) => (
          <option key={fy} value={fy}>
            {fy}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Financial-year shortcut plus a free date range. A From after the To is refused with an inline
 * message (never silently rewritten); by default a choice becomes the session's period.
 */
export function PeriodPicker({
  company,
  value,
  onChange,
}: {
  company: CompanySummary;
  value: PeriodValue;
  onChange?: (value: PeriodValue) => void;
}) {
  const { t } = useTranslation();
  const { setPeriod } = useAppState();
  const apply = onChange ?? setPeriod;
  // A half-typed range that is reversed stays here, with its message, until the user mends it.
  const [draft, setDraft] = useState<PeriodValue | null>(null);
  const toField = useRef<HTMLInputElement>(null);
  const shown = draft ?? value;
  const fy = financialYearOf(shown.from, company.yearStartMonth);
  const range = financialYearRange(fy, company.yearStartMonth);
  const isWholeYear = range.from === shown.from && range.to === shown.to;
  const change = (next: PeriodValue) => {
    if (next.from > next.to) {
      setDraft(next);
      return;
    }
    setDraft(null);
    apply(next);
  };
  return (
    <div className="period">
      <label className="field field-inline">
        <span>{t('common.year')}</span>
        <select
          value={isWholeYear ? fy : ''}
          onChange={(e) =>
            e.target.value && change(financialYearRange(e.target.value, company.yearStartMonth))
          }
          data-testid="fy-picker"
        >
          {!isWholeYear && <option value="">—</option>}
          {(company.financialYears.includes(fy)
            ? company.financialYears
            : [fy, ...company.financialYears]
          ).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <DateInput
        label={t('common.from')}
        value={shown.from}
        onChange={(from) => change({ ...shown, from })}
        testId="period-from"
        // As in Tally, Enter in From goes on to To.
        onEnter={() => {
          toField.current?.focus();
          toField.current?.select();
        }}
      />
      <DateInput
        label={t('common.to')}
        value={shown.to}
        onChange={(to) => change({ ...shown, to })}
        testId="period-to"
        inputRef={toField}
      />
      {draft && <PeriodProblemNote problem={{ reason: 'reversedRange', from: draft.from, to: draft.to }} />}
    </div>
  );
}

/** A report's toolbar: the period picker (the session's period), then `children`. */
export function PeriodToolbar({
  company,
  value,
  children,
}: {
  /** Kept for the callers' readability; the period is the session's, whatever the screen. */
  screen?: Screen;
  company: CompanySummary;
  value: PeriodValue;
  children?: ReactNode;
}) {
  return (
    <Toolbar>
      <PeriodPicker company={company} value={value} />
      {children}
    </Toolbar>
  );
}
