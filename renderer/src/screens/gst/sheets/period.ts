import type { Translate } from '../../../lib/export-columns';

/**
 * GST return periods as the screens carry them (?m=): a month "YYYY-MM", or a quarter of the financial
 * year "YYYY-Qn" for quarterly (QRMP) filers of GSTR-1 and GSTR-3B, YYYY being the year the financial year
 * starts in April: "2025-Q1" is April–June 2025, "2025-Q4" January–March 2026 (shared/contract/gst.ts).
 */

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER = /^(\d{4})-Q([1-4])$/;

export const isMonth = (period: string): boolean => MONTH.test(period);
export const isQuarter = (period: string): boolean => QUARTER.test(period);

/** "2025-04" moved by `months`. */
function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The quarter of the financial year a month falls in: "2025-05" → "2025-Q1", "2026-02" → "2025-Q4". */
export function quarterOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m >= 4 ? `${year}-Q${Math.floor((m - 4) / 3) + 1}` : `${year - 1}-Q4`;
}

/** A period's first and last months: a month is both; "2025-Q4" is 2026-01 … 2026-03. */
export function monthsOf(period: string): { first: string; last: string } {
  const q = QUARTER.exec(period);
  if (q === null) return { first: period, last: period };
  const first = addMonths(`${q[1]}-04`, (Number(q[2]) - 1) * 3);
  return { first, last: addMonths(first, 2) };
}

/** The financial year a quarter belongs to, as the app writes years: "2025-Q4" → "2025-26". */
export function quarterYear(quarter: string): string {
  const start = Number(quarter.slice(0, 4));
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const monthFormat = (language: string, month: 'long' | 'short', withYear: boolean) =>
  new Intl.DateTimeFormat(`${language}-IN`, {
    month,
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
const dateOf = (month: string): Date =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));

/** "April 2025" in the screen's language, for titles and file names. */
export function monthTitle(month: string, language: string): string {
  return monthFormat(language, 'long', true).format(dateOf(month));
}

/**
 * A period for titles, workbooks and their file names: "April 2025", or "Q1 2025-26 (April 2025 – June
 * 2025)" for a quarter, in the screen's language.
 */
export function periodTitle(period: string, language: string, t: Translate): string {
  if (!isQuarter(period)) return monthTitle(period, language);
  const { first, last } = monthsOf(period);
  return t('gst.quarterTitle', {
    q: period.slice(-1),
    fy: quarterYear(period),
    from: monthTitle(first, language),
    to: monthTitle(last, language),
  });
}

/** A quarter in the chooser: "Q1 (Apr–Jun) 2025-26". */
export function quarterLabel(quarter: string, language: string, t: Translate): string {
  const { first, last } = monthsOf(quarter);
  const short = monthFormat(language, 'short', false);
  return t('gst.quarterOption', {
    q: quarter.slice(-1),
    from: short.format(dateOf(first)),
    to: short.format(dateOf(last)),
    fy: quarterYear(quarter),
  });
}

/**
 * The quarters the chooser offers, newest first: every quarter of the financial years from three before
 * the earlier of `around` and today's to today's, none starting after `today` ("YYYY-MM").
 */
export function quarterChoices(around: string, today: string): string[] {
  const lastYear = Number(quarterOf(today).slice(0, 4));
  const firstYear = Math.min(Number(quarterOf(monthsOf(around).first).slice(0, 4)), lastYear) - 3;
  const out: string[] = [];
  for (let year = lastYear; year >= firstYear; year--)
    for (let q = 4; q >= 1; q--) {
      const quarter = `${year}-Q${q}`;
      if (monthsOf(quarter).first <= today) out.push(quarter);
    }
  return out;
}
