import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, yearStartOf, type IsoDate } from '../../../../shared/dates';
import { MAX_COMPARISON_COLUMNS } from '../../../../shared/contract/comparison';
import { DateInput } from '../../components/DateInput';
import { useStatementKeys } from '../../components/keyboard/useStatementKeys';
import { date } from '../../lib/format';

/** A comparison column as the contract takes it: a period, or an as-on date. */
export type ColumnSpec = { from: IsoDate; to: IsoDate } | { asOn: IsoDate };

/** The same day a year earlier (29 February goes to the 28th). */
export function yearBefore(iso: IsoDate): IsoDate {
  const year = Number(iso.slice(0, 4)) - 1;
  const candidate = `${String(year).padStart(4, '0')}${iso.slice(4)}`;
  return isValidIsoDate(candidate) ? candidate : `${String(year).padStart(4, '0')}-02-28`;
}

/** A column one year before another: Tally's usual comparison, the previous year. */
export function previousYearOf(spec: ColumnSpec): ColumnSpec {
  return 'asOn' in spec
    ? { asOn: yearBefore(spec.asOn) }
    : { from: yearBefore(spec.from), to: yearBefore(spec.to) };
}

/** A column's heading: its period, or "As on" its date. */
export function columnLabel(
  spec: ColumnSpec,
  t: ReturnType<typeof useTranslation>['t'],
  yearStartMonth: number,
  asOnOnly = false,
): string {
  if ('asOn' in spec) {
    return asOnOnly
      ? t('balanceSheet.asOnDate', { date: date(spec.asOn) })
      : `${date(yearStartOf(spec.asOn, yearStartMonth))} – ${date(spec.asOn)}`;
  }
  return asOnOnly
    ? t('balanceSheet.asOnDate', { date: date(spec.to) })
    : `${date(spec.from)} – ${date(spec.to)}`;
}

/**
 * The extra columns of a statement (Tally's Alt+C, New Column): none until asked; each new one is the
 * year before the last; at most three beside the current one.
 */
export function useComparison(current: ColumnSpec) {
  const [extra, setExtra] = useState<ColumnSpec[]>([]);
  const all = [current, ...extra];
  const add = () =>
    setExtra((list) =>
      list.length + 1 >= MAX_COMPARISON_COLUMNS ? list : [...list, previousYearOf(list.at(-1) ?? current)],
    );
  const update = (i: number, spec: ColumnSpec) =>
    setExtra((list) => list.map((s, j) => (j === i ? spec : s)));
  const remove = (i: number) => setExtra((list) => list.filter((_, j) => j !== i));
  return { extra, columns: all, active: extra.length > 0, add, update, remove };
}

export type Comparison = ReturnType<typeof useComparison>;

/**
 * "New column" (Alt+C), in the report's toolbar beside its other controls, so a statement without extra
 * columns keeps every row of the laptop screen for figures.
 */
export function NewColumnButton({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  useStatementKeys({ newColumn: comparison.add });
  const full = comparison.columns.length >= MAX_COMPARISON_COLUMNS;
  return (
    <button
      type="button"
      className="btn"
      onClick={comparison.add}
      disabled={full}
      title={full ? t('comparison.max', { n: MAX_COMPARISON_COLUMNS }) : t('comparison.newColumnTitle')}
      aria-keyshortcuts="Alt+C"
      data-testid="new-column"
    >
      + {t('comparison.newColumn')} <kbd>Alt+C</kbd>
    </button>
  );
}

/**
 * The extra columns, once there are any: for each its dates (a period or an as-on date; a balance sheet's
 * only as on) and a button to remove it. A reversed period is sent as typed: the service refuses it naming
 * the column, and the screen says so (never silently rewritten).
 */
export function ComparisonBar({
  comparison,
  asOnOnly = false,
}: {
  comparison: Comparison;
  asOnOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (!comparison.active) return null;
  return (
    <div className="comparison-bar" data-testid="comparison-bar">
      {comparison.extra.map((spec, i) => (
        <fieldset key={i} className="comparison-column" data-testid={`column-${i + 1}`}>
          <legend>{t('comparison.columnOf', { n: i + 2 })}</legend>
          {!asOnOnly && (
            <select
              value={'asOn' in spec ? 'asOn' : 'period'}
              aria-label={t('comparison.columnOf', { n: i + 2 })}
              onChange={(e) =>
                comparison.update(
                  i,
                  e.target.value === 'asOn'
                    ? { asOn: 'asOn' in spec ? spec.asOn : spec.to }
                    : 'asOn' in spec
                      ? { from: spec.asOn.slice(0, 8) + '01', to: spec.asOn }
                      : spec,
                )
              }
            >
              <option value="period">{t('comparison.periodKind')}</option>
              <option value="asOn">{t('comparison.asOnKind')}</option>
            </select>
          )}
          {'asOn' in spec ? (
            <DateInput
              label={t('comparison.asOnKind')}
              value={spec.asOn}
              onChange={(asOn) => comparison.update(i, { asOn })}
              testId={`column-${i + 1}-as-on`}
            />
          ) : (
            <>
              <DateInput
                label={t('comparison.from')}
                value={spec.from}
                onChange={(from) => comparison.update(i, { from, to: spec.to })}
                testId={`column-${i + 1}-from`}
              />
              <DateInput
                label={t('comparison.to')}
                value={spec.to}
                onChange={(to) => comparison.update(i, { from: spec.from, to })}
                testId={`column-${i + 1}-to`}
              />
            </>
          )}
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => comparison.remove(i)}
            aria-label={t('comparison.remove', { n: i + 2 })}
            title={t('comparison.remove', { n: i + 2 })}
            data-testid={`column-${i + 1}-remove`}
          >
            ×
          </button>
        </fieldset>
      ))}
      <span className="muted" data-testid="difference-rule">
        {t('comparison.differenceRule')}
      </span>
    </div>
  );
}
