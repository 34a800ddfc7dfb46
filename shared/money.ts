/**
 * Money is carried as integer paise (1 rupee = 100 paise) in plain numbers.
 * Sums of paise stay exact up to Number.MAX_SAFE_INTEGER (about 90 lakh crore rupees).
 *
 * Internal sign convention: DEBIT IS POSITIVE, credit is negative.
 * Tally writes the opposite (debit negative); the Tally parser converts at that one boundary
 * (see electron/core/tally), and nothing else in the app ever sees Tally's sign.
 */
export type Paise = number;

const DECIMAL_RE = /^\s*([+-])?\s*(\d+)(?:\.(\d+))?\s*$/;

/** Parses a decimal rupee string ("-12000.50", " 7.5") into paise without going through floats. */
export function parseRupees(text: string): Paise {
  const m = DECIMAL_RE.exec(text);
  if (!m) throw new RangeError(`Not an amount: "${text}"`);
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) {
    // Tally keeps two decimals for INR; anything finer is rounded half away from zero.
    const paise = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
    const roundUp = Number(frac[2]) >= 5 ? 1 : 0;
    return (sign === '-' ? -1 : 1) * (paise + roundUp);
  }
  const paise = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(paise)) throw new RangeError(`Amount out of range: "${text}"`);
  return sign === '-' ? -paise : paise;
}

/** "12345.60" style decimal text for export files; exact, no float formatting. */
export function paiseToDecimalString(paise: Paise): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const groupIndian = (digits: string): string => {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${rest},${last3}`;
};

/** ₹ with lakh/crore grouping: 123456789 paise -> "₹12,34,567.89". Exact (string arithmetic). */
export function formatInr(paise: Paise, options: { symbol?: boolean } = {}): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  const rupees = groupIndian(String(Math.trunc(abs / 100)));
  const body = `${rupees}.${String(abs % 100).padStart(2, '0')}`;
  return `${sign}${options.symbol === false ? '' : '₹'}${body}`;
}

export type DrCr = 'Dr' | 'Cr';

/** A balance the way Tally shows it: "₹12,000.00 Dr" (debit positive internally). */
export function formatDrCr(paise: Paise, options: { symbol?: boolean } = {}): string {
  if (paise === 0) return formatInr(0, options);
  return `${formatInr(Math.abs(paise), options)} ${paise > 0 ? 'Dr' : 'Cr'}`;
}
