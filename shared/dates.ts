/**
 * Dates travel as ISO calendar dates ("2025-04-01"), compared as strings.
 * Financial years run April to March and are labelled "2025-26".
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

/** "2025-26" -> { from: "2025-04-01", to: "2026-03-31" } */
export function financialYearRange(label: FinancialYear): { from: IsoDate; to: IsoDate } {
  if (!isValidFinancialYear(label))
    throw new RangeError(`Not a financial year: "${label}" (expected e.g. 2025-26)`);
  const start = Number(label.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The financial year a date falls in: "2026-02-10" -> "2025-26". */
export function financialYearOf(date: IsoDate): FinancialYear {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The twelve months of a financial year as "YYYY-MM", April first. */
export function financialYearMonths(label: FinancialYear): string[] {
  const start = Number(financialYearRange(label).from.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    const year = i < 9 ? start : start + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
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
