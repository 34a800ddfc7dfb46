import {
  financialYearOf,
  financialYearRange,
  isValidFinancialYear,
  isValidIsoDate,
  lastDayOfMonth,
  type IsoDate,
} from '../../../shared/dates';
import type { CompanySummary } from '../../../shared/types/reports';
import { ToolInputError } from './errors';

const INDIAN_DATE_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A date as an accountant or a model writes it: DD-MM-YYYY (also / or .) or YYYY-MM-DD. */
export function parseDate(text: string, field: string): IsoDate {
  const trimmed = text.trim();
  const indian = INDIAN_DATE_RE.exec(trimmed);
  const iso = ISO_RE.exec(trimmed);
  const parts = indian
    ? { y: indian[3], m: indian[2], d: indian[1] }
    : iso
      ? { y: iso[1], m: iso[2], d: iso[3] }
      : null;
  const date = parts ? `${parts.y}-${parts.m!.padStart(2, '0')}-${parts.d!.padStart(2, '0')}` : '';
  if (!parts || !isValidIsoDate(date)) {
    throw new ToolInputError(
      `${field}: "${trimmed.slice(0, 40)}" is not a real date; write DD-MM-YYYY (e.g. 01-04-2025) or YYYY-MM-DD`,
    );
  }
  return date;
}

/** "2025-26", also written "2025-2026" or "FY 2025-26". */
export function parseFinancialYear(text: string): string {
  const trimmed = text
    .trim()
    .replace(/^fy\s*/i, '')
    .replace(/\s+/g, '');
  const long = /^(\d{4})-(\d{4})$/.exec(trimmed);
  const label = long && Number(long[2]) === Number(long[1]) + 1 ? `${long[1]}-${long[2]!.slice(2)}` : trimmed;
  if (!isValidFinancialYear(label)) {
    throw new ToolInputError(
      `fy: "${text.slice(0, 40)}" is not a financial year; write it like 2025-26 (April 2025 to March 2026)`,
    );
  }
  return label;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** How the period was chosen, for the answer's envelope. */
  note: string;
}

/** The financial year an assistant gets when it names none: the latest with vouchers, else today's. */
export function defaultYear(company: CompanySummary, today: IsoDate): string {
  return company.financialYears[0] ?? financialYearOf(today, company.yearStartMonth);
}

/**
 * The period of a report: a financial year ("2025-26", in the company's own year start), or from/to
 * (one of them alone runs to the end / from the start of its financial year), else the latest year with
 * vouchers.
 */
export function resolvePeriod(
  args: { fy?: string | undefined; from?: string | undefined; to?: string | undefined },
  company: CompanySummary,
  today: IsoDate,
): Period {
  const start = company.yearStartMonth;
  if (args.fy !== undefined && (args.from !== undefined || args.to !== undefined)) {
    throw new ToolInputError('Give either fy or from/to, not both');
  }
  if (args.fy !== undefined) {
    const fy = parseFinancialYear(args.fy);
    return { ...financialYearRange(fy, start), note: `financial year ${fy}` };
  }
  if (args.from === undefined && args.to === undefined) {
    const fy = defaultYear(company, today);
    return {
      ...financialYearRange(fy, start),
      note: `financial year ${fy} (none was asked for: the latest year with vouchers)`,
    };
  }
  const from = args.from !== undefined ? parseDate(args.from, 'from') : undefined;
  const to = args.to !== undefined ? parseDate(args.to, 'to') : undefined;
  const resolvedFrom = from ?? financialYearRange(financialYearOf(to!, start), start).from;
  const resolvedTo = to ?? financialYearRange(financialYearOf(from!, start), start).to;
  if (resolvedFrom > resolvedTo) {
    throw new ToolInputError(`from (${resolvedFrom}) is after to (${resolvedTo}): the period is reversed`);
  }
  return {
    from: resolvedFrom,
    to: resolvedTo,
    note:
      from && to
        ? 'as asked'
        : from
          ? 'to the end of its financial year'
          : 'from the start of its financial year',
  };
}

/**
 * The date a balance is taken on when none is asked for: today while the latest year with vouchers runs,
 * else that year's last day (books not kept up to date still answer their last year).
 */
export function resolveAsOn(
  text: string | undefined,
  company: CompanySummary,
  today: IsoDate,
): { asOn: IsoDate; note: string } {
  if (text !== undefined) return { asOn: parseDate(text, 'as_on'), note: 'as asked' };
  const fy = defaultYear(company, today);
  const { to } = financialYearRange(fy, company.yearStartMonth);
  // A year to come (post-dated vouchers) is not read ahead: its balances are today's.
  if (to >= today) return { asOn: today, note: 'today (none was asked for)' };
  return { asOn: to, note: `end of financial year ${fy}, the latest with vouchers (none was asked for)` };
}

/** Rupees an assistant writes ("1,25,000", "2500.50", 2500) as paise; null when absent. */
export function parseAmount(value: string | number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/[,\s₹]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    throw new ToolInputError(
      `${field}: "${String(value).slice(0, 40)}" is not an amount in rupees (e.g. 25000 or 2500.50)`,
    );
  }
  const [whole = '0', frac = ''] = text.split('.');
  const paise = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(paise)) throw new ToolInputError(`${field}: the amount is too large`);
  return paise;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A month as an assistant writes it: YYYY-MM ("2025-04"), MM-YYYY ("04-2025", also / or .), or its name
 * and year ("April 2025", "Apr-2025"). Answers "YYYY-MM".
 */
export function parseMonth(text: string, field: string): string {
  const trimmed = text.trim();
  let year: number | null = null;
  let month: number | null = null;
  const iso = /^(\d{4})[-/.](\d{1,2})$/.exec(trimmed);
  const indian = /^(\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const named = /^([a-z]+)\.?[\s,'-]*(\d{4})$/i.exec(trimmed);
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (indian) [year, month] = [Number(indian[2]), Number(indian[1])];
  else if (named && named[1]!.length >= 3) {
    const word = named[1]!.toLowerCase();
    const index = MONTH_NAMES.findIndex((m) => m.startsWith(word));
    if (index >= 0) [year, month] = [Number(named[2]), index + 1];
  }
  if (year === null || month === null || month < 1 || month > 12 || year < 1900 || year > 2999) {
    throw new ToolInputError(
      `${field}: "${trimmed.slice(0, 40)}" is not a month; write YYYY-MM (e.g. 2025-04), MM-YYYY or April 2025`,
    );
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The same date a year earlier: a month's last day stays its month's last day (29-02-2024 → 28-02-2023,
 * 28-02-2025 → 29-02-2024), so a month or a year ending on one compares with the whole month a year before.
 */
export function yearEarlier(date: IsoDate): IsoDate {
  const month = `${Number(date.slice(0, 4)) - 1}-${date.slice(5, 7)}`;
  const lastThen = lastDayOfMonth(month);
  const wasLast = date === lastDayOfMonth(date.slice(0, 7));
  if (wasLast || `${month}-${date.slice(8, 10)}` > lastThen) return lastThen;
  return `${month}-${date.slice(8, 10)}`;
}

/**
 * A GST return period: a month (as parseMonth reads it), or a quarter of the financial year for quarterly
 * (QRMP) filers, written "2025-Q1" or "Q1 2025-26" (April–June 2025; Q4 is January–March 2026). Answers
 * the contract's form, "YYYY-MM" or "YYYY-Qn", and its first and last day.
 */
export function parseReturnPeriod(
  text: string,
  field: string,
): { period: string; from: IsoDate; to: IsoDate } {
  const trimmed = text.trim();
  const short = /^(\d{4})\s*-?\s*q([1-4])$/i.exec(trimmed);
  const long = /^q([1-4])\s*(?:fy\s*)?(\d{4})-(\d{2}|\d{4})$/i.exec(trimmed);
  let year: number | null = null;
  let quarter: number | null = null;
  if (short) [year, quarter] = [Number(short[1]), Number(short[2])];
  else if (long) {
    const fy = `${long[2]}-${long[3]!.slice(-2)}`;
    if (!isValidFinancialYear(fy)) {
      throw new ToolInputError(
        `${field}: "${trimmed.slice(0, 40)}" names no financial year; write e.g. Q1 2025-26`,
      );
    }
    [year, quarter] = [Number(long[2]), Number(long[1])];
  }
  if (year === null || quarter === null) {
    let month: string;
    try {
      month = parseMonth(trimmed, field);
    } catch {
      throw new ToolInputError(
        `${field}: "${trimmed.slice(0, 40)}" is not a return period; write a month (2025-04, 04-2025, April 2025) or a quarter (2025-Q1 or Q1 2025-26)`,
      );
    }
    return { period: month, from: `${month}-01`, to: lastDayOfMonth(month) };
  }
  // Quarters of the GST year, April to March.
  const firstIndex = year * 12 + 3 + (quarter - 1) * 3;
  const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return {
    period: `${year}-Q${quarter}`,
    from: `${monthOf(firstIndex)}-01`,
    to: lastDayOfMonth(monthOf(firstIndex + 2)),
  };
}
