import type { CompanyProfile, PartyContactDetails } from '../types/collections';
import type { PrintDocument } from './document';
import type { ExportSheet } from './sheet';
import type { StatementCompany, StatementParty } from './statement';

/**
 * The company as every printed page and every workbook's title rows show it (issue 25): the name Tally
 * prints on documents (its mailing name), then a compact address (one line, two when long) and the GSTIN
 * when the company has one. Built once from `company.profile`; a company without a profile (an older
 * store, an import without the tags) has no lines, and prints as before.
 */
export interface Letterhead {
  name: string;
  /** At most three short lines: the address (one or two) and the GSTIN; empty when nothing is known. */
  lines: string[];
}

/** A letterhead line longer than this is split (at an address line's end) rather than cut. */
export const LETTERHEAD_LINE_CHARS = 100;

const clean = (lines: readonly string[]): string[] => lines.map((l) => l.trim()).filter((l) => l !== '');

const mentions = (lines: readonly string[], part: string): boolean => {
  const wanted = part.toLowerCase().replace(/\s+/g, '');
  return lines.some((l) => l.toLowerCase().replace(/\s+/g, '').includes(wanted));
};

/**
 * Address lines with the pincode (and, when `withState`, the state) on the last one, unless a line already
 * has it: Tally keeps the pincode and the state in fields of their own, users often type them into the
 * address too.
 */
export function fullAddress(
  address: readonly string[],
  extra: { state?: string | null; pincode?: string | null; country?: string | null },
  options: { withState: boolean },
): string[] {
  const lines = clean(address);
  const state = extra.state?.trim() ?? '';
  const pincode = extra.pincode?.trim() ?? '';
  const country = extra.country?.trim() ?? '';
  const withState = options.withState && state !== '' && !mentions(lines, state);
  const withPincode = pincode !== '' && !mentions(lines, pincode);
  const foreign = country !== '' && country.toLowerCase() !== 'india' && !mentions(lines, country);
  if (withState) lines.push(withPincode ? `${state} - ${pincode}` : state);
  else if (withPincode && lines.length > 0)
    lines[lines.length - 1] = `${lines[lines.length - 1]} - ${pincode}`;
  else if (withPincode) lines.push(pincode);
  if (foreign) lines.push(country);
  return lines;
}

/**
 * The address on one line ("Office 4, Laxmi Road, Pune, Maharashtra - 411030"), on two when it would be
 * longer than `LETTERHEAD_LINE_CHARS`: cut at the end of the address line that balances the two best.
 */
export function compactAddress(lines: readonly string[]): string[] {
  const parts = clean(lines);
  if (parts.length === 0) return [];
  const whole = parts.join(', ');
  if (whole.length <= LETTERHEAD_LINE_CHARS || parts.length === 1) return [whole];
  let best = 1;
  let worst = Number.POSITIVE_INFINITY;
  for (let cut = 1; cut < parts.length; cut += 1) {
    const longer = Math.max(parts.slice(0, cut).join(', ').length, parts.slice(cut).join(', ').length);
    if (longer < worst) {
      worst = longer;
      best = cut;
    }
  }
  return [parts.slice(0, best).join(', '), parts.slice(best).join(', ')];
}

/** The letterhead from the company's profile; null when there is none (then the sheet's name prints alone). */
export function letterheadFromProfile(
  profile: CompanyProfile | null | undefined,
  labels: { gstin: string },
): Letterhead | null {
  if (!profile) return null;
  const name = profile.mailingName.trim() || profile.name.trim();
  if (name === '') return null;
  const address = compactAddress(fullAddress(profile.address, profile, { withState: true }));
  const gstin = profile.gstin?.trim() ?? '';
  return { name, lines: [...address, ...(gstin !== '' ? [`${labels.gstin}: ${gstin}`] : [])] };
}

/** The company as a statement of account's letterhead prints it (every address line, GSTIN, state). */
export function statementCompanyOf(profile: CompanyProfile): StatementCompany {
  return {
    name: profile.mailingName.trim() || profile.name,
    address: fullAddress(profile.address, profile, { withState: false }),
    gstin: profile.gstin?.trim() || null,
    state: profile.state?.trim() || null,
  };
}

/** A party's address, GSTIN and state for its statement, from its contact facts (collections.parties). */
export function statementPartyOf(contact: PartyContactDetails): Omit<StatementParty, 'name'> {
  return {
    address: fullAddress(contact.address, contact, { withState: false }),
    gstin: contact.gstin?.trim() || null,
    state: contact.state?.trim() || null,
  };
}

/**
 * A sheet with the company's letterhead in its title rows (and on its printed pages), its further
 * worksheets and the sheet it prints instead likewise; one that has its own (a statement of account) keeps it.
 */
export function sheetWithLetterhead<Row>(
  sheet: ExportSheet<Row>,
  letterhead: Letterhead | null,
): ExportSheet<Row> {
  if (!letterhead) return sheet;
  const print = sheet.print;
  return {
    ...sheet,
    letterhead: sheet.letterhead ?? letterhead,
    ...(sheet.more ? { more: sheet.more.map((m) => sheetWithLetterhead(m, letterhead)) } : {}),
    ...(print
      ? {
          print: {
            ...print,
            ...(print.sheet ? { sheet: sheetWithLetterhead(print.sheet, letterhead) } : {}),
            ...(print.document ? { document: documentWithLetterhead(print.document, letterhead) } : {}),
          },
        }
      : {}),
  };
}

/** A print document with the company's name and letterhead lines on every page, unless it has its own. */
export function documentWithLetterhead(doc: PrintDocument, letterhead: Letterhead | null): PrintDocument {
  if (!letterhead || doc.letterhead !== undefined) return doc;
  return {
    ...doc,
    company: letterhead.name,
    ...(letterhead.lines.length > 0 ? { letterhead: letterhead.lines } : {}),
  };
}
