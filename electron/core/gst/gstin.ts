import { isStateCode } from './states';

/**
 * GSTIN checks. Structure (GSTN / CBIC): 2-digit state code, the holder's 10-character PAN, the entity
 * number for that PAN in the state (1–9, then A–Z), a default letter (Z for normal taxpayers) and a
 * check character computed over the first 14 characters by the mod-36 Luhn scheme GSTN publishes.
 * UINs (embassies, UN bodies: 4 digits, 3 letters, 5 digits, "UN"/"ON") and other registrations share
 * the length, state prefix and check character.
 */
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The check character for the first 14 characters of a GSTIN. */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = CHARS.indexOf(first14[i] ?? '');
    if (value < 0) throw new RangeError(`Invalid GSTIN character "${first14[i] ?? ''}"`);
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHARS[(36 - (sum % 36)) % 36]!;
}

const SHAPES = [
  // Normal taxpayer, composition, casual, SEZ unit, TDS/TCS (14th character D or C), non-resident.
  /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z][A-Z][0-9A-Z]$/,
  // UIN holders (embassies, UN bodies).
  /^\d{4}[A-Z]{3}\d{5}[UO]N[0-9A-Z]$/,
  // Non-resident online service providers (OIDAR, state code 99).
  /^9917[A-Z]{3}\d{5}OS[0-9A-Z]$/,
];

export type GstinProblem = 'missing' | 'length' | 'characters' | 'shape' | 'state' | 'check';

export type GstinCheck =
  { ok: true; gstin: string; stateCode: string } | { ok: false; problem: GstinProblem; message: string };

/** Checks a GSTIN as the portal would: spaces are dropped and letters upper-cased first. */
/** The checks of the GSTINs met lately (a month's returns check each party's GSTIN on every document). */
const checked = new Map<string, GstinCheck>();
const CHECKED_KEPT = 20_000;

export function checkGstin(text: string | null | undefined): GstinCheck {
  const key = text ?? '';
  let check = checked.get(key);
  if (check === undefined) {
    if (checked.size >= CHECKED_KEPT) checked.clear();
    check = checkGstinText(key);
    checked.set(key, check);
  }
  return check;
}

function checkGstinText(text: string): GstinCheck {
  const gstin = (text ?? '').replace(/\s+/g, '').toUpperCase();
  const fail = (problem: GstinProblem, message: string): GstinCheck => ({ ok: false, problem, message });
  if (gstin === '') return fail('missing', 'No GSTIN');
  if (gstin.length !== 15) return fail('length', `GSTIN "${gstin}" has ${gstin.length} characters, not 15`);
  if (!/^[0-9A-Z]+$/.test(gstin))
    return fail('characters', `GSTIN "${gstin}" has characters other than A–Z and 0–9`);
  if (!SHAPES.some((shape) => shape.test(gstin)))
    return fail('shape', `GSTIN "${gstin}" is not shaped as a GSTIN (state code, PAN, entity, Z, check)`);
  const stateCode = gstin.slice(0, 2);
  if (!isStateCode(stateCode))
    return fail('state', `GSTIN "${gstin}" starts with ${stateCode}, which is no state code`);
  const expected = gstinCheckChar(gstin.slice(0, 14));
  if (expected !== gstin[14])
    return fail(
      'check',
      `GSTIN "${gstin}" fails its check character (expected ${expected}, found ${gstin[14]})`,
    );
  return { ok: true, gstin, stateCode };
}

export const isValidGstin = (text: string): boolean => checkGstin(text).ok;
