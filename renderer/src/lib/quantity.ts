/**
 * Stock quantities (integer thousandths of a unit) as Tally shows them: "1,234.500 Kgs", "10 Nos".
 * The unit's decimal places, or more when the quantity needs them (nothing is hidden by rounding).
 */
export function quantityNumber(milli: number, decimals = 0): string {
  const needed = milli % 1000 === 0 ? 0 : milli % 100 === 0 ? 1 : milli % 10 === 0 ? 2 : 3;
  const places = Math.min(3, Math.max(decimals, needed));
  return new Intl.NumberFormat('en-IN', {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  }).format(milli / 1000);
}

/** "10.500 Kgs"; '' for a missing quantity (a group of items in different units). */
export function quantity(milli: number | null, unit: string | null, decimals = 0): string {
  if (milli === null) return '';
  const n = quantityNumber(milli, decimals);
  return unit ? `${n} ${unit}` : n;
}
