/**
 * India's GST state codes (the first two digits of a GSTIN and the portal's `pos`), with the names
 * Tally writes in STATENAME / PLACEOFSUPPLY. Source: the GST portal's state code list (used by its
 * offline tool and e-invoice schema); 25 (Daman and Diu) merged into 26 from 26 January 2020 but old
 * GSTINs keep it; 97 is "Other Territory", 96 "Foreign Country" (exports' place of supply).
 */
const STATES: readonly (readonly [code: string, name: string, ...aliases: string[]])[] = [
  ['01', 'Jammu and Kashmir'],
  ['02', 'Himachal Pradesh'],
  ['03', 'Punjab'],
  ['04', 'Chandigarh'],
  ['05', 'Uttarakhand', 'Uttaranchal'],
  ['06', 'Haryana'],
  ['07', 'Delhi', 'New Delhi', 'NCT of Delhi'],
  ['08', 'Rajasthan'],
  ['09', 'Uttar Pradesh'],
  ['10', 'Bihar'],
  ['11', 'Sikkim'],
  ['12', 'Arunachal Pradesh'],
  ['13', 'Nagaland'],
  ['14', 'Manipur'],
  ['15', 'Mizoram'],
  ['16', 'Tripura'],
  ['17', 'Meghalaya'],
  ['18', 'Assam'],
  ['19', 'West Bengal'],
  ['20', 'Jharkhand'],
  ['21', 'Odisha', 'Orissa'],
  ['22', 'Chhattisgarh'],
  ['23', 'Madhya Pradesh'],
  ['24', 'Gujarat'],
  ['25', 'Daman and Diu'],
  ['26', 'Dadra and Nagar Haveli and Daman and Diu', 'Dadra and Nagar Haveli'],
  ['27', 'Maharashtra'],
  ['28', 'Andhra Pradesh (Before Division)'],
  ['29', 'Karnataka'],
  ['30', 'Goa'],
  ['31', 'Lakshadweep'],
  ['32', 'Kerala'],
  ['33', 'Tamil Nadu'],
  ['34', 'Puducherry', 'Pondicherry'],
  ['35', 'Andaman and Nicobar Islands'],
  ['36', 'Telangana'],
  ['37', 'Andhra Pradesh', 'Andhra Pradesh (New)'],
  ['38', 'Ladakh'],
  ['96', 'Foreign Country', 'Not Applicable', 'Other Country'],
  ['97', 'Other Territory'],
  ['99', 'Centre Jurisdiction'],
];

/** "Dadra & Nagar Haveli", "DADRA AND NAGAR HAVELI " → one key. */
const nameKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9()]+/g, ' ')
    .trim();

const BY_CODE = new Map(STATES.map(([code, name]) => [code, name]));
const BY_NAME = new Map(STATES.flatMap(([code, ...names]) => names.map((n) => [nameKey(n), code] as const)));

/** The state's name for a code ("27" → "Maharashtra"), or null for an unknown code. */
export function stateName(code: string): string | null {
  return BY_CODE.get(code) ?? null;
}

/** The state code for a name as Tally writes it ("Maharashtra" → "27"), or null when unknown. */
export function stateCodeOf(name: string | null | undefined): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  // Tally's place of supply is sometimes written with its code ("27-Maharashtra").
  const coded = /^(\d{2})\s*-/.exec(trimmed);
  if (coded && BY_CODE.has(coded[1]!)) return coded[1]!;
  return BY_NAME.get(nameKey(trimmed)) ?? null;
}

export const isStateCode = (code: string): boolean => BY_CODE.has(code);

/** Place of supply for goods or services leaving India. */
export const FOREIGN_COUNTRY = '96';
