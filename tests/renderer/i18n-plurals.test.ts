import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/en';
import { mr } from '../../renderer/src/i18n/mr';
import { hi } from '../../renderer/src/i18n/hi';
import { leaves } from './message-leaves';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Base keys ("dashboard.overdueDays") of every plural key in a language. */
function pluralBases(messages: object): string[] {
  return [
    ...new Set(
      Object.keys(leaves(messages))
        .filter((k) => PLURAL.test(k))
        .map((k) => k.replace(PLURAL, '')),
    ),
  ].sort();
}

describe('plurals', () => {
  const english = createI18n('en');
  const hindi = createI18n('hi');
  const marathi = createI18n('mr');

  it('says "1 day" but "5 days" in English', () => {
    expect(english.t('dashboard.overdueDays', { count: 1 })).toBe('1 day');
    expect(english.t('dashboard.overdueDays', { count: 5 })).toBe('5 days');
    expect(english.t('dashboard.overdueDays', { count: 0 })).toBe('0 days');
    expect(english.t('common.rows', { count: 1 })).toBe('1 row');
    expect(english.t('common.rows', { count: 2 })).toBe('2 rows');
    expect(english.t('cache.cleared', { count: 1 })).toBe('1 key deleted.');
    expect(english.t('cache.cleared', { count: 12 })).toBe('12 keys deleted.');
    expect(english.t('companies.imported', { count: 1, company: 'Sharma' })).toBe(
      'Imported 1 voucher into Sharma.',
    );
    expect(english.t('companies.imported', { count: 3, company: 'Sharma' })).toBe(
      'Imported 3 vouchers into Sharma.',
    );
    expect(english.t('companies.syncDone', { count: 1 })).toBe('Sync finished: 1 voucher written.');
    expect(english.t('companies.syncDone', { count: 40 })).toBe('Sync finished: 40 vouchers written.');
    expect(english.t('portal.signIn.tooMany', { count: 1 })).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(english.t('portal.signIn.tooMany', { count: 840 })).toBe(
      'Too many attempts. Try again in 840 seconds.',
    );
  });

  it('picks the form by the number but shows the grouped figure for day book vouchers', () => {
    expect(english.t('dayBook.vouchers', { count: 1, n: '1' })).toBe('1 voucher');
    expect(english.t('dayBook.vouchers', { count: 12345, n: '12,345' })).toBe('12,345 vouchers');
  });

  it('uses the Hindi and Marathi forms', () => {
    expect(hindi.t('dashboard.overdueDays', { count: 1 })).toBe('1 दिन');
    expect(hindi.t('dashboard.overdueDays', { count: 5 })).toBe('5 दिन');
    expect(hindi.t('common.rows', { count: 1 })).toBe('1 पंक्ति');
    expect(hindi.t('common.rows', { count: 5 })).toBe('5 पंक्तियाँ');
    expect(hindi.t('cache.cleared', { count: 1 })).toBe('1 कुंजी हटाई गई.');
    expect(hindi.t('cache.cleared', { count: 5 })).toBe('5 कुंजियाँ हटाई गईं.');
    expect(hindi.t('companies.syncDone', { count: 1 })).toBe('सिंक पूरा: 1 वाउचर लिखा गया.');
    expect(hindi.t('companies.syncDone', { count: 5 })).toBe('सिंक पूरा: 5 वाउचर लिखे गए.');

    expect(marathi.t('dashboard.overdueDays', { count: 1 })).toBe('1 दिवस');
    expect(marathi.t('dashboard.overdueDays', { count: 5 })).toBe('5 दिवस');
    expect(marathi.t('common.rows', { count: 1 })).toBe('1 ओळ');
    expect(marathi.t('common.rows', { count: 5 })).toBe('5 ओळी');
    expect(marathi.t('cache.cleared', { count: 1 })).toBe('1 की हटवली.');
    expect(marathi.t('cache.cleared', { count: 5 })).toBe('5 कीज हटवल्या.');
    expect(marathi.t('portal.signIn.tooMany', { count: 1 })).toBe(
      'खूप वेळा प्रयत्न झाले. 1 सेकंदाने पुन्हा प्रयत्न करा.',
    );
    expect(marathi.t('portal.signIn.tooMany', { count: 30 })).toBe(
      'खूप वेळा प्रयत्न झाले. 30 सेकंदांनी पुन्हा प्रयत्न करा.',
    );
  });

  it('has the one and other form of every plural key in all three languages', () => {
    const bases = pluralBases(en);
    expect(bases).toEqual(
      expect.arrayContaining([
        'cache.cleared',
        'common.rows',
        'companies.imported',
        'companies.syncDone',
        'dashboard.overdueDays',
        'dayBook.vouchers',
        'portal.signIn.tooMany',
      ]),
    );
    for (const [code, messages] of [
      ['en', en],
      ['hi', hi],
      ['mr', mr],
    ] as const) {
      const flat = leaves(messages);
      expect(pluralBases(messages), code).toEqual(bases);
      for (const base of bases) {
        expect(flat[`${base}_one`], `${code} ${base}_one`).toBeTypeOf('string');
        expect(flat[`${base}_other`], `${code} ${base}_other`).toBeTypeOf('string');
        // A bare key next to its plural forms would shadow nothing but would be a stale leftover.
        expect(flat[base], `${code} ${base}`).toBeUndefined();
      }
    }
  });

  it('passes a number `count` wherever the screens ask for a plural key', () => {
    const root = join(__dirname, '../../renderer/src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    const bases = pluralBases(en);
    let calls = 0;
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([\w.]+)'\s*,\s*\{([\s\S]*?)\}\s*\)/g)) {
        if (!bases.includes(m[1]!)) continue;
        calls += 1;
        expect(m[2], `${m[1]} (${file})`).toMatch(/\bcount:/);
        expect(m[2], `${m[1]} (${file}): count must be the number, not formatted text`).not.toMatch(
          /\bcount:\s*count\(/,
        );
      }
    }
    expect(calls).toBeGreaterThanOrEqual(5);
  });
});
