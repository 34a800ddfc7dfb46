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

/** A period's flow and where it ends: debit and credit as amounts, the closing balance with Dr/Cr. */
export function debitCreditClosing(x: { debit: Paise; credit: Paise; closing: Paise }): {
  debit: string;
  credit: string;
  closing: string;
} {
  return { debit: rupees(x.debit), credit: rupees(x.credit), closing: drCr(x.closing) };
}

/**
 * A group-and-ledger tree's rows by their place in it: name, kind, level (0 = primary group) and the
 * name of the group they stand under (null at the top).
 */
export function treePlace<
  R extends { guid: string; name: string; kind: string; depth: number; parentGuid: string | null },
>(rows: readonly R[]) {
  const names = new Map(rows.map((r) => [r.guid, r.name]));
  return (r: R): { name: string; kind: R['kind']; level: number; under: string | null } => ({
    name: r.name,
    kind: r.kind,
    level: r.depth,
    under: r.parentGuid === null ? null : (names.get(r.parentGuid) ?? null),
  });
}
