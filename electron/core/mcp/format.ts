import { paiseToDecimalString, type Paise } from '../../../shared/money';

/**
 * How amounts read in an assistant's answer: rupees with two decimals as text (exact, from integer
 * paise, never through floats). A balance carries Dr or Cr (debit positive inside the app, as in Tally's
 * screens); a flow (sales, a debit column) is a plain positive or negative amount.
 */
export function rupees(paise: Paise): string {
  return paiseToDecimalString(paise);
}

/** A balance the way Tally shows it: "12000.00 Dr", "350.50 Cr", "0.00". */
export function drCr(paise: Paise): string {
  if (paise === 0) return '0.00';
  return `${paiseToDecimalString(Math.abs(paise))} ${paise > 0 ? 'Dr' : 'Cr'}`;
}

/** A quantity kept in thousandths of its unit: "12.5 Nos" (null unit: the bare number). */
export function quantity(thousandths: number | null, unit: string | null): string | null {
  if (thousandths === null) return null;
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const whole = Math.trunc(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const text = `${sign}${whole}${frac ? `.${frac}` : ''}`;
  return unit ? `${text} ${unit}` : text;
}
