import { ToolInputError } from './errors';

export interface Named {
  guid: string;
  name: string;
}

/** Case, spacing and punctuation do not tell names apart ("M/s. Asha Stores" = "ms asha stores"). */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('en-IN')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of the names' letter pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of ga) {
    shared += Math.min(count, gb.get(gram) ?? 0);
    total += count;
  }
  for (const count of gb.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Scores below this are not offered, even as "did you mean". */
const SUGGEST_AT = 0.45;
/** A typo is accepted without asking when it is this close and clearly ahead of the next name. */
const ACCEPT_AT = 0.7;
const ACCEPT_MARGIN = 0.2;
const MAX_SUGGESTIONS = 8;

export interface Resolved<T extends Named> {
  match: T;
  /** How the name was found: the same name, or a close spelling the answer says it used. */
  how: 'guid' | 'exact' | 'contains' | 'close';
}

/** Normalised names of a candidate list, kept while the list lives (the context keeps it per sync). */
const normalizedLists = new WeakMap<readonly Named[], string[]>();
function normalizedOf(candidates: readonly Named[]): string[] {
  let list = normalizedLists.get(candidates);
  if (!list) {
    list = candidates.map((c) => normalizeName(c.name));
    normalizedLists.set(candidates, list);
  }
  return list;
}

/**
 * Finds one master by GUID or name: the same name (any case, spacing, punctuation); else the only name
 * that contains every word asked for; else a close spelling clearly ahead of the rest. Otherwise refuses
 * with a "did you mean" list, so an assistant never reads the wrong ledger's figures.
 */
export function resolveName<T extends Named>(
  query: string,
  candidates: readonly T[],
  what: string,
): Resolved<T> {
  const trimmed = query.trim();
  if (trimmed === '') throw new ToolInputError(`Name the ${what}`);
  const byGuid = candidates.find((c) => c.guid === trimmed);
  if (byGuid) return { match: byGuid, how: 'guid' };
  const wanted = normalizeName(trimmed);
  const normalized = normalizedOf(candidates);
  const exact = candidates.filter((_, i) => normalized[i] === wanted);
  if (exact.length === 1) return { match: exact[0]!, how: 'exact' };
  if (exact.length > 1) {
    // Names differing only in case or punctuation: the one written exactly so wins.
    const verbatim = exact.find((c) => c.name === trimmed);
    if (verbatim) return { match: verbatim, how: 'exact' };
    throw ambiguous(
      trimmed,
      what,
      exact.map((c) => c.name),
    );
  }
  const words = wanted.split(' ').filter((w) => w !== '');
  const containing = candidates.filter((_, i) => words.every((w) => normalized[i]!.includes(w)));
  if (containing.length === 1) return { match: containing[0]!, how: 'contains' };
  if (containing.length > 1) {
    throw ambiguous(
      trimmed,
      what,
      containing
        .map((c) => ({ name: c.name, score: similarity(wanted, normalizeName(c.name)) }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .map((c) => c.name),
      containing.length,
    );
  }
  const scored = candidates
    .map((c, i) => ({ c, score: similarity(wanted, normalized[i]!) }))
    .filter((s) => s.score >= SUGGEST_AT)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name));
  const [best, second] = scored;
  if (best && best.score >= ACCEPT_AT && (!second || best.score - second.score >= ACCEPT_MARGIN)) {
    return { match: best.c, how: 'close' };
  }
  if (scored.length === 0) {
    throw new ToolInputError(
      `No ${what} named "${trimmed}" (nor anything close). Use search_names to list the ${what} names.`,
    );
  }
  throw new ToolInputError(
    `No ${what} named "${trimmed}". Did you mean one of didYouMean? Ask again with the exact name.`,
    scored.slice(0, MAX_SUGGESTIONS).map((s) => s.c.name),
  );
}

function ambiguous(
  query: string,
  what: string,
  names: readonly string[],
  count = names.length,
): ToolInputError {
  const more = count > MAX_SUGGESTIONS ? ` (${count} match; showing ${MAX_SUGGESTIONS})` : '';
  return new ToolInputError(
    `"${query}" matches more than one ${what}${more}. Did you mean one of didYouMean? Ask again with the full name.`,
    names.slice(0, MAX_SUGGESTIONS),
  );
}
