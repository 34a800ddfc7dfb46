/**
 * Redis's glob matcher (stringmatchlen in util.c), re-expressed over UTF-8 bytes so the memory backend
 * clears exactly the keys `SCAN MATCH` would: `*`, `?`, `[abc]`, `[a-z]` (reversed ranges allowed),
 * `[^x]`, backslash escapes, and Redis's quirks for an unterminated `[`. Proven by a differential test
 * against a real redis-server (tests/core/cache/glob.redis.test.ts).
 */
const encoder = new TextEncoder();
const STAR = 42; // *
const QUESTION = 63; // ?
const OPEN = 91; // [
const CLOSE = 93; // ]
const CARET = 94; // ^
const BACKSLASH = 92; // \
const DASH = 45; // -

function matchBytes(pat: Uint8Array, str: Uint8Array): boolean {
  // Out-of-range reads behave like C's NUL terminator.
  const at = (buf: Uint8Array, i: number): number => (i < buf.length ? (buf[i] as number) : 0);
  let skipLonger = false;

  const impl = (p0: number, s0: number): boolean => {
    let p = p0;
    let s = s0;
    let pl = pat.length - p0;
    let sl = str.length - s0;
    while (pl > 0 && sl > 0) {
      const c = at(pat, p);
      if (c === STAR) {
        while (pl > 0 && at(pat, p + 1) === STAR) {
          p++;
          pl--;
        }
        if (pl === 1) return true;
        while (sl > 0) {
          if (impl(p + 1, s)) return true;
          if (skipLonger) return false;
          s++;
          sl--;
        }
        skipLonger = true;
        return false;
      } else if (c === QUESTION) {
        s++;
        sl--;
      } else if (c === OPEN) {
        p++;
        pl--;
        const not = at(pat, p) === CARET;
        if (not) {
          p++;
          pl--;
        }
        let match = false;
        const sc = at(str, s);
        for (;;) {
          const pc = at(pat, p);
          if (pc === BACKSLASH && pl >= 2) {
            p++;
            pl--;
            if (at(pat, p) === sc) match = true;
          } else if (pc === CLOSE) {
            break;
          } else if (pl === 0) {
            p--;
            pl++;
            break;
          } else if (pl >= 3 && at(pat, p + 1) === DASH) {
            let start = pc;
            let end = at(pat, p + 2);
            if (start > end) [start, end] = [end, start];
            p += 2;
            pl -= 2;
            if (sc >= start && sc <= end) match = true;
          } else if (pc === sc) {
            match = true;
          }
          p++;
          pl--;
        }
        if (not) match = !match;
        if (!match) return false;
        s++;
        sl--;
      } else {
        if (c === BACKSLASH && pl >= 2) {
          p++;
          pl--;
        }
        if (at(pat, p) !== at(str, s)) return false;
        s++;
        sl--;
      }
      p++;
      pl--;
      if (sl === 0) {
        while (at(pat, p) === STAR) {
          p++;
          pl--;
        }
        break;
      }
    }
    return pl === 0 && sl === 0;
  };
  return impl(0, 0);
}

/**
 * Compiles a Redis glob pattern once; the returned function tests unprefixed keys against it.
 * Redis always sees prefix + pattern against prefix + key, so both are matched behind one literal byte:
 * that reproduces Redis's rule that trailing stars match an empty remainder (e.g. "**" matches "").
 */
export function compileGlob(pattern: string): (key: string) => boolean {
  if (pattern === '*') return () => true;
  if (!/[*?[\\]/.test(pattern)) return (key) => key === pattern;
  const pat = encoder.encode(`:${pattern}`);
  return (key) => matchBytes(pat, encoder.encode(`:${key}`));
}

export function globMatch(pattern: string, key: string): boolean {
  return compileGlob(pattern)(key);
}
