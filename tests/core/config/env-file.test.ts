import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { quoteEnvValue, updateEnvText, writeFileAtomic } from '../../../electron/core/config/env-file';

describe('updateEnvText', () => {
  it('replaces, appends and removes while keeping comments, unknown lines and order', () => {
    const text = [
      '# TallyConnect settings',
      'TALLY_HOST=localhost',
      '',
      'SOMETHING_ELSE="keep me"  # inline comment',
      'export TALLY_PORT=9000',
      'REDIS_URL=redis://old',
    ].join('\n');
    const next = updateEnvText(text, { TALLY_PORT: '9001', REDIS_URL: null, LANGUAGE: 'mr' });
    expect(next).toBe(
      [
        '# TallyConnect settings',
        'TALLY_HOST=localhost',
        '',
        'SOMETHING_ELSE="keep me"  # inline comment',
        'TALLY_PORT=9001',
        'LANGUAGE=mr',
        '',
      ].join('\n'),
    );
    expect(parse(next)).toEqual({
      TALLY_HOST: 'localhost',
      SOMETHING_ELSE: 'keep me',
      TALLY_PORT: '9001',
      LANGUAGE: 'mr',
    });
  });

  it('keeps CRLF line endings, collapses duplicates and replaces a multi-line quoted value whole', () => {
    const text = 'A=1\r\nKEY="line one\r\nline two"\r\nB=2\r\nA=3\r\n';
    const next = updateEnvText(text, { KEY: 'single', A: '9' });
    expect(next).toBe('A=9\r\nKEY=single\r\nB=2\r\n');
  });

  it('quotes values so dotenv reads back exactly the same string', () => {
    for (const value of [
      'p@ss word',
      "it's",
      'has "double"',
      'a#b',
      'x=y',
      '',
      ' lead',
      'back\\slash',
      'mix\'"',
    ]) {
      const text = updateEnvText('', { V: value });
      expect(parse(text)['V']).toBe(value);
    }
    expect(() => quoteEnvValue('V', 'two\nlines')).toThrow('line break');
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file whole, leaves no temporary file and creates the folder', () => {
    const path = join(dir, 'nested', '.env');
    writeFileAtomic(path, 'A=1\n');
    writeFileAtomic(path, 'A=2\n');
    expect(readFileSync(path, 'utf8')).toBe('A=2\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['.env']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reports a CONFIG error when the target cannot be written', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(() => writeFileAtomic(join(blocker, '.env'), 'A=1')).toThrow(
      expect.objectContaining({ code: 'CONFIG' }),
    );
  });
});
