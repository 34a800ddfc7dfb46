import { Redis } from 'ioredis';
import { globMatch } from '../../../electron/core/cache/glob';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';

// Differential test: the memory backend must clear exactly what SCAN MATCH finds on a real server.
const KEYS = [
  'a',
  'b',
  'ab',
  'abc',
  'aXc',
  'a?c',
  'a*c',
  'a[c',
  'a]c',
  'a\\c',
  'a-c',
  'a^c',
  '',
  'hello',
  'hallo',
  'hxllo',
  'hllo',
  'heeeello',
  'dashboard:G1:7:2025-26',
  'dashboard:G10:7:2025-26',
  'ledger:G1:7:x:a:b',
  'companies:all:synced',
  'x-y',
  'z',
  'ä',
  'äb',
  'a\u00e9c',
  '[',
  ']',
  '\\',
  '*',
  '?',
  '^',
  'A',
  'Z',
];
const PATTERNS = [
  '*',
  '?',
  '??',
  'a*',
  '*c',
  'a?c',
  'a*c',
  'h?llo',
  'h*llo',
  'h[ae]llo',
  'h[^e]llo',
  'h[a-b]llo',
  'h[b-a]llo',
  '[a-c]',
  '[^a-c]',
  'a\\*c',
  'a\\?c',
  'a\\[c',
  'a[\\]]c',
  'a[]]c',
  'a[',
  'a[c',
  '[',
  '[^',
  '\\',
  'a\\',
  'a\\\\c',
  '[\\-]',
  '[a-]',
  '[-a]',
  'dashboard:G1:*',
  'dashboard:G1?:*',
  '*:synced',
  '**',
  '*a*',
  'a**c',
  '[[]',
  '[]]',
  '[\\]',
  'x[-]y',
  '[A-Z]',
  '[z-a]',
  '\\*',
  '?\\?',
  'ä*',
  '?b',
  '[^]',
  '[a',
  'h[ae',
  'a[b-]',
  '*[',
  '[\\\\]',
];

describe('Redis glob semantics (differential against SCAN MATCH)', () => {
  let server: TestRedis;
  let client: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    client = new Redis(server.port, '127.0.0.1');
    for (const key of KEYS) await client.set(`g:${key}`, '1');
  });
  afterAll(async () => {
    client.disconnect();
    await server.stop();
  });

  async function scanMatch(pattern: string): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `g:${pattern}`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) found.add(key.slice(2));
    } while (cursor !== '0');
    return [...found].sort();
  }

  it.each(PATTERNS)('pattern %j matches the same keys as Redis', async (pattern) => {
    const expected = await scanMatch(pattern);
    const actual = KEYS.filter((key) => globMatch(pattern, key)).sort();
    expect(actual).toEqual(expected);
  });

  it('randomised patterns over the key alphabet agree with Redis', async () => {
    const alphabet = ['a', 'b', 'c', '*', '?', '[', ']', '^', '-', '\\', 'h', 'e', 'l', 'o'];
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 150; i++) {
      const len = 1 + rand(6);
      let pattern = '';
      for (let j = 0; j < len; j++) pattern += alphabet[rand(alphabet.length)];
      const expected = await scanMatch(pattern);
      expect([pattern, KEYS.filter((key) => globMatch(pattern, key)).sort()]).toEqual([pattern, expected]);
    }
  });
});
