import { AppError } from '../../../shared/errors';
import { parseRupees, type Paise } from '../../../shared/money';
import { isValidIsoDate, type IsoDate } from '../../../shared/dates';
import { rememberUpTo } from './remember';

/**
 * Every peculiarity of Tally's XML in one module. Nothing outside electron/core/tally knows Tally's
 * sign convention (debit NEGATIVE), its date format or its "not applicable" marker.
 */

/**
 * Tally writes "not applicable" values as `&#4; Not Applicable`. The stream cleaner (clean.ts) turns the
 * illegal reference into this private-use character so the marker survives strict XML parsing.
 */
export const NOT_APPLICABLE_MARK = '\uE004';

/**
 * Tally's reserved values behind the &#4; marker. A file opened and re-saved in an editor may have lost
 * the marker's "&#" and ";" and read "4 Not Applicable": only these words are taken for the marker then,
 * so a real value such as "4 Nos" stays what it is.
 */
const RESAVED_MARKER = /^4 (?:Not Applicable|Primary|Any|End of List|Not Available|Undefined|None)$/;

/** Trimmed text, or null for empty and "&#4; ..." values (also when re-saved as "4 ..."). */
export function text(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith(NOT_APPLICABLE_MARK)) return null;
  // "4 " starts only a re-saved marker or an ordinary value such as "4 Nos": the regex runs for those only.
  if (trimmed.charCodeAt(0) === 52 && trimmed.charCodeAt(1) === 32 && RESAVED_MARKER.test(trimmed))
    return null;
  return trimmed;
}

/**
 * A master's PARENT: null for a primary group and for the reserved Profit & Loss A/c, which exports write
 * as <PARENT/>, Collection answers as "&#4; Primary", and some producers as plain "Primary".
 */
export function parentName(value: string | undefined | null): string | null {
  const name = text(value);
  return name === null || name === 'Primary' ? null : name;
}

/** "Yes"/"No" flags; anything else (missing, empty) is false. */
export function yesNo(value: string | undefined | null): boolean {
  return (value ?? '').trim().toLowerCase() === 'yes';
}

/** Integers such as ALTERID/MASTERID, often written with a leading space: " 18". */
export function tallyInt(value: string | undefined | null, field: string): number {
  const t = (value ?? '').trim();
  if (t === '') return 0;
  if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw new AppError('IMPORT_INVALID', `${field} is not a whole number: "${t.slice(0, 40)}"`, { field });
  }
  return Number(t);
}

const knownDate = rememberUpTo<IsoDate | null>(50_000);

/** YYYYMMDD (Tally's XML date) -> ISO date; also accepts ISO and "1-Apr-2025". Empty -> null. */
export function tallyDate(value: string | undefined | null, field: string): IsoDate | null {
  // Only short texts are remembered; a bad date still throws each time (nothing is remembered for it).
  if (value === undefined || value === null || value.length > 16) return parseTallyDate(value, field);
  return knownDate(value, () => parseTallyDate(value, field));
}

function parseTallyDate(value: string | undefined | null, field: string): IsoDate | null {
  const t = text(value);
  if (t === null) return null;
  let iso: string | null = null;
  if (/^\d{8}$/.test(t)) iso = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  else {
    const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(t);
    const month = m ? MONTHS.indexOf((m[2] ?? '').toLowerCase()) : -1;
    if (m && month >= 0) {
      const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : (m[3] ?? '');
      iso = `${year}-${String(month + 1).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
    }
  }
  if (iso === null || !isValidIsoDate(iso)) {
    throw new AppError('IMPORT_INVALID', `${field} is not a date: "${t.slice(0, 40)}"`, { field });
  }
  return iso;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** ISO date -> Tally's request format "1-Apr-2025". */
export function toTallyRequestDate(date: IsoDate): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? 'jan';
  return `${Number(date.slice(8, 10))}-${month[0]?.toUpperCase()}${month.slice(1)}-${date.slice(0, 4)}`;
}

/** ISO date -> YYYYMMDD, as used in TDL $$Date:"..." filters and in native exports. */
export function toTallyDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** Tally's usual amount text, " -17228.00": read without the general path's regex replacements. */
const PLAIN_AMOUNT = /^ *(-?)(\d{1,13})(?:\.(\d{1,2}))? *$/;

/**
 * A Tally amount in Tally's sign (debit negative) -> paise in Tally's sign. Handles " -12000.00",
 * "₹ 8300.00", "-1,20,000.00" and forex text "$ 100.00 @ ₹ 83.00/$ = -₹ 8300.00" (the base amount
 * follows "=").
 */
export function tallyAmountRaw(value: string | undefined | null, field: string): Paise {
  const plain = value ? PLAIN_AMOUNT.exec(value) : null;
  if (plain) {
    const fraction = plain[3] ?? '';
    const paise = Number(plain[2]) * 100 + (fraction === '' ? 0 : Number(fraction.padEnd(2, '0')));
    return plain[1] === '-' ? -paise : paise;
  }
  const original = text(value);
  if (original === null) return 0;
  const eq = original.lastIndexOf('=');
  const base = eq >= 0 ? original.slice(eq + 1) : original;
  // Drop currency symbols and spaces; keep digits, the sign, the decimal point and grouping commas.
  const compact = base.replace(/[^\d.,-]/g, '');
  const m = /^(-?)([\d,]*\d)(\.\d+)?$/.exec(compact);
  if (!m) {
    throw new AppError('IMPORT_INVALID', `${field} is not an amount: "${original.slice(0, 60)}"`, { field });
  }
  try {
    return parseRupees(`${m[1]}${(m[2] ?? '').replace(/,/g, '')}${m[3] ?? ''}`);
  } catch {
    throw new AppError('IMPORT_INVALID', `${field} is out of range: "${original.slice(0, 60)}"`, { field });
  }
}

/**
 * THE one place Tally's sign becomes the app's: Tally writes debits negative, the app keeps them
 * positive. The amount's own sign is authoritative; ISDEEMEDPOSITIVE only says which side the line
 * normally sits on (a deemed-positive line with a positive amount is a legitimate negative debit, e.g.
 * a discount on an invoice), so it is not used to guess signs.
 */
export function toAppAmount(value: string | undefined | null, field: string): Paise {
  const raw = tallyAmountRaw(value, field);
  return raw === 0 ? 0 : -raw;
}

/** "10 Nos" -> { quantity: 10, unit: "Nos" }; "250.00/Nos" (a rate) -> { quantity: 250, unit: "Nos" }. */
export function tallyQuantity(value: string | undefined | null): { quantity: number; unit: string | null } {
  const t = text(value);
  if (t === null) return { quantity: 0, unit: null };
  const m = /^(-?[\d,]*\.?\d+)\s*\/?\s*(.*)$/.exec(t);
  if (!m) return { quantity: 0, unit: null };
  const quantity = Number((m[1] ?? '0').replace(/,/g, ''));
  const unit = (m[2] ?? '').trim();
  return { quantity: Number.isFinite(quantity) ? quantity : 0, unit: unit === '' ? null : unit };
}

const QUANTITY = /^(-?)(\d[\d,]*)?(?:\.(\d+))?\s*(.*)$/;

/** Decimal text (sign, whole, fraction digits) -> integer in units of 10^-places, half away from zero. */
function scaled(sign: string, whole: string, fraction: string, places: number, field: string): number {
  const digits = whole.replace(/,/g, '') || '0';
  let value = Number(digits) * 10 ** places + Number(fraction.slice(0, places).padEnd(places, '0') || '0');
  if ((fraction[places] ?? '0') >= '5') value += 1;
  if (!Number.isSafeInteger(value)) {
    throw new AppError('IMPORT_INVALID', `${field} is out of range: "${sign}${whole}.${fraction}"`, {
      field,
    });
  }
  return sign === '-' && value !== 0 ? -value : value;
}

/**
 * A quantity, exactly: " 10 Nos" -> { milli: 10000, unit: "Nos" }, " 10.500 Kgs" -> 10500; thousandths of
 * the unit, a fourth decimal rounded half away from zero. "20 Nos = 2 Box" (alternate units) keeps the
 * first. Empty or "not applicable" -> 0 and no unit.
 */
export function tallyQuantityMilli(
  value: string | undefined | null,
  field: string,
): { milli: number; unit: string | null } {
  const t = text(value);
  if (t === null) return { milli: 0, unit: null };
  const m = QUANTITY.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    throw new AppError('IMPORT_INVALID', `${field} is not a quantity: "${t.slice(0, 40)}"`, { field });
  }
  const unit = (m[4] ?? '').split('=')[0]!.trim();
  return { milli: scaled(m[1] ?? '', m[2] ?? '', m[3] ?? '', 3, field), unit: unit === '' ? null : unit };
}

/**
 * A rate, "250.00/Nos" -> { paise: 25000, unit: "Nos" } (rounded half away from zero to the paisa);
 * forex text ("$ 3.00 = ₹ 250.00/Nos") takes the amount after "=". Empty -> null.
 */
export function tallyRate(
  value: string | undefined | null,
  field: string,
): { paise: number | null; unit: string | null } {
  const t = text(value);
  if (t === null) return { paise: null, unit: null };
  const slash = t.lastIndexOf('/');
  const unit = slash >= 0 ? t.slice(slash + 1).trim() : '';
  let amount = slash >= 0 ? t.slice(0, slash) : t;
  const eq = amount.lastIndexOf('=');
  if (eq >= 0) amount = amount.slice(eq + 1);
  const m = /^(-?)(\d[\d,]*)?(?:\.(\d+))?$/.exec(amount.replace(/[^\d.,-]/g, ''));
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    throw new AppError('IMPORT_INVALID', `${field} is not a rate: "${t.slice(0, 40)}"`, { field });
  }
  return { paise: scaled(m[1] ?? '', m[2] ?? '', m[3] ?? '', 2, field), unit: unit === '' ? null : unit };
}

/** "30 Days" / "30" -> 30; a due date or anything else -> null (the caller may read it as a date). */
export function creditPeriodDays(value: string | undefined | null): number | null {
  const t = text(value);
  if (t === null) return null;
  const m = /^(\d+)\s*(days?)?$/i.exec(t);
  return m ? Number(m[1]) : null;
}

/** Escapes text for a Tally request (company names with & < > " '). */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** TDL string literal inside a formula: doubled quotes are not supported by TDL, so quotes are refused. */
export function tdlString(value: string, field: string): string {
  if (/["\r\n]/.test(value)) {
    throw new AppError(
      'VALIDATION',
      `${field} cannot contain quotes or line breaks: "${value.slice(0, 40)}"`,
    );
  }
  return `"${value}"`;
}

/** Tally object GUIDs are "<company GUID>-<hex master id>"; the company part identifies the books. */
export function companyGuidOf(objectGuid: string): string | null {
  const m = /^(.+)-[0-9a-fA-F]{8}$/.exec(objectGuid.trim());
  return m ? (m[1] ?? null) : null;
}
