import { NOT_APPLICABLE_MARK } from './quirks';

/**
 * Tally writes characters that XML 1.0 forbids, both raw (control bytes in narrations) and as character
 * references (`&#4;`). Strict parsers reject them, so this cleaner runs between the decoder and the
 * parser. It works on a stream of string chunks and carries a partial reference ("&#" at the end of one
 * chunk, "4;" at the start of the next) over to the next chunk.
 */
export interface TextCleaner {
  push(chunk: string): string;
  /** The remaining held-back text at end of input. */
  flush(): string;
}

// Longest legal reference we may need to hold back: "&#x10FFFF;" is 10 characters.
const MAX_REF = 12;
// Raw characters illegal in XML 1.0 (everything below 0x20 except tab, LF, CR; and U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NA_REF = /&#0*4;/g;
const CHAR_REF = /&#(x[0-9A-Fa-f]+|[0-9]+);/g;

function isLegalCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function cleanComplete(text: string): string {
  // Fast path for Tally's most common illegal reference; the general one only when others remain.
  let out = text.replace(NA_REF, NOT_APPLICABLE_MARK);
  if (out.indexOf('&#') >= 0) out = out.replace(CHAR_REF, replaceRef);
  if (RAW_ILLEGAL.test(out)) {
    RAW_ILLEGAL.lastIndex = 0;
    out = out.replace(RAW_ILLEGAL, (c) => (c === '\u0004' ? NOT_APPLICABLE_MARK : ''));
  }
  return out;
}

function replaceRef(ref: string, body: string): string {
  const cp = body[0] === 'x' ? parseInt(body.slice(1), 16) : parseInt(body, 10);
  if (isLegalCodePoint(cp)) return ref;
  // &#4; is Tally's "not applicable" marker: keep its meaning as a legal private-use character.
  return cp === 4 ? NOT_APPLICABLE_MARK : '';
}

export function createTextCleaner(): TextCleaner {
  let carry = '';
  return {
    push(chunk) {
      const text = carry + chunk;
      // Hold back a trailing "&..." that may be the start of a reference split across chunks.
      const amp = text.lastIndexOf('&', text.length - 1);
      if (amp >= 0 && text.length - amp < MAX_REF && text.indexOf(';', amp) < 0) {
        carry = text.slice(amp);
        return cleanComplete(text.slice(0, amp));
      }
      carry = '';
      return cleanComplete(text);
    },
    flush() {
      const rest = carry;
      carry = '';
      return cleanComplete(rest);
    },
  };
}
