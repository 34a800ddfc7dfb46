import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../electron/cli/run';

const fixtures = fileURLToPath(new URL('../../fixtures/tally/', import.meta.url));

describe('npm run cli -- import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-cli-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports Masters and Day Book given relative to where the user typed the command', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', 'masters.xml', 'daybook.xml', '--data-dir', dir, '--compact'], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: { INIT_CWD: resolve(fixtures), REDIS_ENABLED: 'false' },
    });
    expect(err.join('')).not.toContain('"ok":false');
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({
      kind: 'import',
      companyName: 'Fixture Traders & Co',
      vouchersWritten: 4, // the cancelled one is kept, off the books
    });
  });

  it('needs file paths', async () => {
    const err: string[] = [];
    const code = await runCli(['import', '--data-dir', dir], {
      stdout: () => undefined,
      stderr: (t) => err.push(t),
      env: { REDIS_ENABLED: 'false' },
    });
    expect(code).toBe(1);
    expect(err.join('')).toContain('import needs file paths');
  });
});
