import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearOf, financialYearRange, isValidIsoDate } from '../../../shared/dates';
import type { CompanySummary } from '../../../shared/types/reports';
import { todayIso } from '../lib/format';
import type { Screen } from '../lib/route';
import { useAppState } from '../state';
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

/** from/to from the route, else the given financial year. */
export function periodFrom(params: Record<string, string>, company: CompanySummary | null): PeriodValue {
  const fy = params.fy && /^\d{4}-\d{2}$/.test(params.fy) ? params.fy : defaultFy(company);
  const range = financialYearRange(fy, company?.yearStartMonth);
  const from = params.from && isValidIsoDate(params.from) ? params.from : range.from;
  const to = params.to && isValidIsoDate(params.to) ? params.to : range.to;
  return from <= to ? { from, to } : range;
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

/** Financial-year shortcut plus a free date range. */
export function PeriodPicker({
  company,
  value,
  onChange,
}: {
  company: CompanySummary;
  value: PeriodValue;
  onChange: (value: PeriodValue) => void;
}) {
  const { t } = useTranslation();
  const fy = financialYearOf(value.from, company.yearStartMonth);
  const range = financialYearRange(fy, company.yearStartMonth);
  const isWholeYear = range.from === value.from && range.to === value.to;
  return (
    <div className="period">
      <label className="field field-inline">
        <span>{t('common.year')}</span>
        <select
          value={isWholeYear ? fy : ''}
          onChange={(e) =>
            e.target.value && onChange(financialYearRange(e.target.value, company.yearStartMonth))
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
        value={value.from}
        onChange={(from) => onChange(from <= value.to ? { ...value, from } : { from, to: from })}
        testId="period-from"
      />
      <DateInput
        label={t('common.to')}
        value={value.to}
        onChange={(to) => onChange(to >= value.from ? { ...value, to } : { from: to, to })}
        testId="period-to"
      />
    </div>
  );
}

/** A report's toolbar: the period picker, which moves `screen` to the chosen period, then `children`. */
export function PeriodToolbar({
  screen,
  company,
  value,
  children,
}: {
  screen: Screen;
  company: CompanySummary;
  value: PeriodValue;
  children?: ReactNode;
}) {
  const { go } = useAppState();
  return (
    <Toolbar>
      <PeriodPicker
        company={company}
        value={value}
        onChange={(p) => go(screen, { from: p.from, to: p.to })}
      />
      {children}
    </Toolbar>
  );
}
