import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearRange, yearStartOf } from '../../../shared/dates';
import type { CompanySummary } from '../../../shared/types/reports';
import { date } from '../lib/format';
import type { SessionPeriod } from '../state';
import { dateProblem, dateProblemText, parseIndianDate, type DateProblem } from './DateInput';
import { Dialog } from './Dialog';

type Problem = { field: 'from' | 'to'; why: DateProblem } | 'reversed' | null;

/** What both dialogs (Alt+F2 and F2) take: the session period and what to do with a new one. */
interface PeriodDialogProps {
  company: CompanySummary | null;
  period: SessionPeriod;
  onApply: (period: SessionPeriod) => void;
  onClose: () => void;
}

/**
 * Tally's Alt+F2: the period every report shows from now on. Dates are typed DD-MM-YYYY; a year can
 * be picked whole. As in Tally, Enter in From moves to To and Enter in To applies; Esc leaves the
 * period as it was.
 */
export function PeriodDialog({ company, period, onApply, onClose }: PeriodDialogProps) {
  const { t, i18n } = useTranslation();
  const toRef = useRef<HTMLInputElement>(null);
  const [from, setFrom] = useState(date(period.from));
  const [to, setTo] = useState(date(period.to));
  const [problem, setProblem] = useState<Problem>(null);
  const startMonth = company?.yearStartMonth;
  const years = company?.financialYears ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const f = parseIndianDate(from);
    const tt = parseIndianDate(to);
    if (!f) return setProblem({ field: 'from', why: dateProblem(from) ?? { kind: 'format' } });
    if (!tt) return setProblem({ field: 'to', why: dateProblem(to) ?? { kind: 'format' } });
    if (f > tt) return setProblem('reversed');
    onApply({ from: f, to: tt });
  };
  const pickYear = (fy: string) => {
    const range = financialYearRange(fy, startMonth);
    setFrom(date(range.from));
    setTo(date(range.to));
    setProblem(null);
  };

  return (
    <Dialog title={t('period.dialogTitle')} onClose={onClose} testId="period-dialog">
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span>{t('common.from')}</span>
          <input
            className="date-input"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            placeholder="DD-MM-YYYY"
            inputMode="numeric"
            aria-invalid={problem !== null && problem !== 'reversed' && problem.field === 'from'}
            onKeyDown={(e) => {
              // Tally's Enter: to the next field; the period is applied from To (or with Apply).
              if (e.key !== 'Enter') return;
              e.preventDefault();
              toRef.current?.focus();
              toRef.current?.select();
            }}
            data-autofocus
            data-testid="period-dialog-from"
          />
        </label>
        <label className="field">
          <span>{t('common.to')}</span>
          <input
            className="date-input"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder="DD-MM-YYYY"
            inputMode="numeric"
            ref={toRef}
            aria-invalid={problem !== null && problem !== 'reversed' && problem.field === 'to'}
            data-testid="period-dialog-to"
          />
        </label>
        {years.length > 0 && (
          <label className="field">
            <span>{t('common.year')}</span>
            <select
              value=""
              onChange={(e) => e.target.value && pickYear(e.target.value)}
              data-testid="period-dialog-year"
            >
              <option value="">—</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {problem && (
          <p className="field-error" role="alert" data-testid="period-dialog-problem">
            {problem === 'reversed'
              ? t('period.reversedShort')
              : `${problem.field === 'from' ? t('common.from') : t('common.to')}: ${dateProblemText(t, i18n.language, problem.why)}`}
          </p>
        )}
        <ApplyOrCancel onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/**
 * Tally's F2: one date, the "as on" of balances and the end of the period. A date before the period's
 * start moves the start to the beginning of that date's financial year (the range is never reversed).
 */
export function DateDialog({ company, period, onApply, onClose }: PeriodDialogProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(date(period.to));
  const [problem, setProblem] = useState<DateProblem | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const on = parseIndianDate(text);
    if (!on) return setProblem(dateProblem(text) ?? { kind: 'format' });
    const from = period.from <= on ? period.from : yearStartOf(on, company?.yearStartMonth);
    onApply({ from, to: on });
  };
  return (
    <Dialog title={t('period.dateDialogTitle')} onClose={onClose} testId="date-dialog">
      <form onSubmit={submit} className="dialog-form">
        <label className="field">
          <span>{t('common.asOn')}</span>
          <input
            className="date-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="DD-MM-YYYY"
            inputMode="numeric"
            aria-invalid={problem !== null}
            data-autofocus
            data-testid="date-dialog-date"
          />
        </label>
        {problem && (
          <p className="field-error" role="alert" data-testid="date-dialog-problem">
            {dateProblemText(t, i18n.language, problem)}
          </p>
        )}
        <ApplyOrCancel onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The dialogs' two buttons: Cancel closes, Apply submits the form. */
function ApplyOrCancel({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="btn btn-primary">
        {t('period.apply')}
      </button>
    </div>
  );
}
