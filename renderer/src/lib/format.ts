import { formatInr, type Paise } from '../../../shared/money';
import type { Language } from '../../../shared/types/settings';
import {
  formatDateIndian,
  formatDateTimeIndian,
  formatTimeIndian,
  todayInIndia,
  type Instant,
  type IsoDate,
} from '../../../shared/dates';

export const money = (paise: Paise): string => formatInr(paise);
/**
 * The side of a balance in the words of the screen's language: Tally's Dr / Cr in English, and the words the
 * column headings already use in Marathi (नावे / जमा) and Hindi (नामे / जमा), so a figure never says Dr
 * under a नावे heading. Exports keep Dr / Cr in their own column (lib/export.ts).
 */
const SIDE_WORDS: Record<Language, { debit: string; credit: string }> = {
  en: { debit: 'Dr', credit: 'Cr' },
  mr: { debit: 'नावे', credit: 'जमा' },
  hi: { debit: 'नामे', credit: 'जमा' },
};
let sideWords = SIDE_WORDS.en;

/** Called when the screen's language changes (i18n/index.ts). */
export function showSidesIn(language: Language): void {
  sideWords = SIDE_WORDS[language] ?? SIDE_WORDS.en;
}

/** "Dr" / "Cr" (or नावे / जमा) for a balance: debit positive. */
export const side = (paise: Paise): string => (paise >= 0 ? sideWords.debit : sideWords.credit);

/** A balance as Tally shows it: "₹12,000.00 Dr"; zero has no side. */
export const drCr = (paise: Paise): string =>
  paise === 0 ? formatInr(0) : `${formatInr(Math.abs(paise))} ${side(paise)}`;
export const date = (iso: IsoDate | null | undefined): string => (iso ? formatDateIndian(iso) : '—');

/** Counts with Indian grouping in Latin digits (as Tally prints them, whatever the UI language). */
export const count = (n: number): string => new Intl.NumberFormat('en-IN').format(n);

/** "₹12.34 L" / "₹1.20 Cr" for chart axes and KPI sub-lines; units come from the translation. */
export function compactInr(paise: Paise, units: { lakh: string; crore: string }): string {
  const rupees = paise / 100;
  const abs = Math.abs(rupees);
  const sign = rupees < 0 ? '-' : '';
  if (abs >= 1e7) return `${sign}₹${(abs / 1e7).toFixed(2)} ${units.crore}`;
  if (abs >= 1e5) return `${sign}₹${(abs / 1e5).toFixed(2)} ${units.lakh}`;
  return `${sign}₹${new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }).format(abs)}`;
}

/** Month label of "2025-04" in the UI language ("Apr 25", "एप्रि 25"). */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1));
  const name = new Intl.DateTimeFormat(`${language}-IN`, { month: 'short', timeZone: 'UTC' }).format(d);
  return `${name} ${String(y).slice(2)}`;
}

export function bytes(n: number | null): string {
  if (n === null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * "45 s", "1 min 20 s", "10 min", "1 h 30 min", "2 h": the sync ETA and how long cache entries are kept.
 * A zero smaller unit is left out; beyond an hour the seconds are dropped.
 */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

/** Today in India, whatever zone the PC clock is set to (shared/dates: India time). */
export function todayIso(now: Instant = Date.now()): IsoDate {
  return todayInIndia(now);
}

/** A timestamp as an Indian accountant reads it, in India time: "07-12-2026 01:49 am". */
export const dateTime = (instant: Instant): string => formatDateTimeIndian(instant);

/** The time of an instant in India, 24-hour: "14:03". */
export const clockTime = (instant: Instant): string => formatTimeIndian(instant, { hour12: false });
