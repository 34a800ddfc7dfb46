/**
 * Dates travel as ISO calendar dates ("2025-04-01"), compared as strings.
 * Financial years run April to March and are labelled "2025-26" by the calendar years they span. A
 * company whose Tally year starts in another month (STARTINGFROM) passes that month (`startMonth`, 1–12):
 * its year "2025-26" starts in that month of 2025.
 */
export type IsoDate = string;
export type FinancialYear = string;

export const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const FY_RE = /^(\d{4})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function isValidFinancialYear(label: string): boolean {
  const m = FY_RE.exec(label);
  if (!m) return false;
  return (Number(m[1]) + 1) % 100 === Number(m[2]);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2025-26" -> { from: "2025-04-01", to: "2026-03-31" } (April start; other months by `startMonth`). */
export function financialYearRange(label: FinancialYear, startMonth = 4): { from: IsoDate; to: IsoDate } {
  if (!isValidFinancialYear(label))
    throw new RangeError(`Not a financial year: "${label}" (expected e.g. 2025-26)`);
  const start = Number(label.slice(0, 4));
  const from = `${start}-${pad2(startMonth)}-01`;
  const next = startMonth === 1 ? `${start + 1}-01-01` : `${start + 1}-${pad2(startMonth)}-01`;
  return { from, to: addDays(next, -1) };
}

/** The financial year a date falls in: "2026-02-10" -> "2025-26" (April start by default). */
export function financialYearOf(date: IsoDate, startMonth = 4): FinancialYear {
  const start = Number(yearStartOf(date, startMonth).slice(0, 4));
  return `${start}-${pad2((start + 1) % 100)}`;
}

/** The twelve months of a financial year as "YYYY-MM", its first month first. */
export function financialYearMonths(label: FinancialYear, startMonth = 4): string[] {
  const start = Number(financialYearRange(label, startMonth).from.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((startMonth - 1 + i) % 12) + 1;
    const year = startMonth - 1 + i < 12 ? start : start + 1;
    return `${year}-${pad2(month)}`;
  });
}

/** Whole days from a to b (b - a), both ISO dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** DD-MM-YYYY, the way Indian accountants write dates. */
export function formatDateIndian(date: IsoDate): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** Today's date in India (IST, UTC+5:30): "today" for an Indian accountant, wherever the clock runs. */
export function todayInIndia(now: Date): IsoDate {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}

/**
 * The first day of the year that contains `date`, for a year starting in `startMonth` (1–12; Tally's
 * STARTINGFROM, April for nearly every Indian company).
 */
export function yearStartOf(date: IsoDate, startMonth = 4): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = m >= startMonth ? y : y - 1;
  return `${start}-${String(startMonth).padStart(2, '0')}-01`;
}

/** The last day of a month given as "YYYY-MM". */
export function lastDayOfMonth(month: string): IsoDate {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
