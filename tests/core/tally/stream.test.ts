import { createTextCleaner } from '../../../electron/core/tally/clean';
import { createStreamDecoder, detectEncoding } from '../../../electron/core/tally/decode';
import { NOT_APPLICABLE_MARK } from '../../../electron/core/tally/quirks';

const cleanAll = (chunks: string[]): string => {
  const c = createTextCleaner();
  return chunks.map((x) => c.push(x)).join('') + c.flush();
};

describe('text cleaner', () => {
  it('turns &#4; into the not-applicable mark and drops other illegal references and raw controls', () => {
    expect(cleanAll(['<A>&#4; Not Applicable</A><B>x&#1;y\u0002z&#x1F;</B>'])).toBe(
      `<A>${NOT_APPLICABLE_MARK} Not Applicable</A><B>xyz</B>`,
    );
  });

  it('keeps legal references such as &#13;&#10; and &amp;', () => {
    expect(cleanAll(['a&#13;&#10;b &amp; &#x20B9;'])).toBe('a&#13;&#10;b &amp; &#x20B9;');
  });

  it('handles a reference split across chunks at every position', () => {
    const input = '<A>pre&#4; Not Applicable</A>';
    for (let i = 1; i < input.length; i++) {
      expect(cleanAll([input.slice(0, i), input.slice(i)])).toBe(
        `<A>pre${NOT_APPLICABLE_MARK} Not Applicable</A>`,
      );
    }
  });
});

describe('stream decoder', () => {
  const xml = '<ENVELOPE>₹ गणेश</ENVELOPE>';

  it('detects UTF-16LE with and without BOM, UTF-8 with and without BOM', () => {
    expect(detectEncoding(Buffer.from('\uFEFF<A/>', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('<A/>', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('\uFEFF<A/>', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('<A/>', 'utf8'))).toBe('utf-8');
  });

  it.each([
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])],
    ['utf-16le', Buffer.from(xml, 'utf16le')],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['utf-8', Buffer.from(xml, 'utf8')],
  ])('decodes %s split into 1-byte chunks', (_name, bytes) => {
    const d = createStreamDecoder('test');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.push(bytes.subarray(i, i + 1));
    out += d.end();
    expect(out).toBe(xml);
  });

  it('reports the wrong encoding in plain words', () => {
    const latin1 = Buffer.from('<A>Caf\xe9 \xe0 la carte</A>', 'latin1');
    const d = createStreamDecoder('DayBook.xml');
    expect(() => {
      d.push(latin1);
      d.end();
    }).toThrow(/DayBook.xml is not valid UTF-8 text/);
  });

  it('reports a file cut in the middle of a character', () => {
    const bytes = Buffer.from(xml, 'utf16le');
    const d = createStreamDecoder('Masters.xml');
    d.push(bytes.subarray(0, bytes.length - 1));
    expect(() => d.end()).toThrow(/ends in the middle of a character/);
  });
});
