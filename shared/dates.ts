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

/**
 * India time. Tally keeps its books in calendar dates and its users are in India, so every "today",
 * default as-on date and shown timestamp is India Standard Time (UTC+05:30 all year, no daylight saving),
 * whatever time zone the PC clock is set to: a PC set to UTC at 01:49 on 7 December in India is still
 * on 6 December by its own clock. Only the instant comes from the clock (injectable: `now`); the zone
 * never does, so these give the same answer under TZ=UTC and TZ=Asia/Kolkata.
 */
export const INDIA_UTC_OFFSET_MINUTES = 330;

/** An instant: a Date, milliseconds since the epoch or an ISO timestamp ("2026-12-06T20:19:00.000Z"). */
export type Instant = Date | number | string;

/** Reads the time the app runs at; tests pass a fixed one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const millisOf = (instant: Instant): number =>
  instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);

/** The wall clock in India at an instant, read through the UTC fields of a shifted Date. */
function indiaWallClock(instant: Instant): Date {
  const ms = millisOf(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(instant)}"`);
  return new Date(ms + INDIA_UTC_OFFSET_MINUTES * 60_000);
}

/** The calendar date in India at an instant. */
export function indiaDateOf(instant: Instant): IsoDate {
  return indiaWallClock(instant).toISOString().slice(0, 10);
}

/** Today's date in India (IST, UTC+5:30): "today" for an Indian accountant, wherever the clock runs. */
export function todayInIndia(now: Instant = Date.now()): IsoDate {
  return indiaDateOf(now);
}

/**
 * The time of day in India: "01:49 am" (12-hour, as en-IN writes it), or "01:49" with `hour12: false`.
 */
export function formatTimeIndian(instant: Instant, options: { hour12?: boolean } = {}): string {
  const wall = indiaWallClock(instant);
  const hours = wall.getUTCHours();
  const minutes = pad2(wall.getUTCMinutes());
  if (options.hour12 === false) return `${pad2(hours)}:${minutes}`;
  return `${pad2(hours % 12 === 0 ? 12 : hours % 12)}:${minutes} ${hours < 12 ? 'am' : 'pm'}`;
}

/** Date and time in India, DD-MM-YYYY first: "07-12-2026 01:49 am". */
export function formatDateTimeIndian(instant: Instant, options: { hour12?: boolean } = {}): string {
  return `${formatDateIndian(indiaDateOf(instant))} ${formatTimeIndian(instant, options)}`;
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
