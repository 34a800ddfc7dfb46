/**
 * SHA-256 certificate fingerprints as people compare them: browsers show "AB:CD:…" or "ab cd …"; the
 * portal's Settings show "AB:CD:…". Staff check on their first visit that their browser shows the same.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return (hex.match(/../g) ?? []).join(':');
}

/** 'same', 'different', or 'invalid' when the text is not a SHA-256 fingerprint at all. */
export function compareFingerprints(shown: string, seen: string): 'same' | 'different' | 'invalid' {
  const a = normalizeFingerprint(shown);
  const b = normalizeFingerprint(seen);
  if (a === null || b === null) return 'invalid';
  return a === b ? 'same' : 'different';
}
