import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Issue 23 (C): the app's date logic gives the same days and times on a PC set to UTC as on one set to
 * India time. The date tests run in a fresh process under each zone (a zone is read when a process
 * starts), so they really run there.
 */
const ROOT = join(__dirname, '..', '..');
const DATE_TESTS = ['tests/shared/india-time.test.ts'];

describe.each(['UTC', 'Asia/Kolkata'])('the date logic under TZ=%s', (zone) => {
  it('passes', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=verbose', ...DATE_TESTS],
      {
        cwd: ROOT,
        env: { ...process.env, TZ: zone, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    // The tests ran (and in the zone asked for), not an empty run.
    expect(output).toContain(`TZ=${zone}`);
    expect(output).toMatch(/Tests\s+\S*\s*\d+ passed/);
  });
});
