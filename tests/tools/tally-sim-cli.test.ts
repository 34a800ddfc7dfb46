import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSimArgs } from '../../tools/tally-sim/cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run tally:sim -- …` as a user would (tsx main.ts), only for arguments that stop at once. */
function runSim(args: string[]) {
  return spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/tally-sim/main.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('npm run tally:sim -- --help', () => {
  it('prints the options and exits 0 (it crashed with a stack trace)', () => {
    const run = runSim(['--help']);
    expect(run.stderr).not.toMatch(/at .*parse_args|TypeError/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run tally:sim -- [options]');
    expect(run.stdout).toContain('--no-groups-twice');
  });

  it('names an unknown option or a bad number in one line, with the usage, and exits 2', () => {
    const unknown = runSim(['--bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("Unknown option '--bogus'");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(parseSimArgs(['--port', 'abc'])).toEqual({
      kind: 'error',
      message: '--port must be a whole number, got "abc"',
    });
    expect(parseSimArgs(['--port', '70000'])).toMatchObject({ kind: 'error' });
  });

  it('reads the options as before', () => {
    const command = parseSimArgs(['--vouchers', '500', '--plain', '--slow', '20', '--earlier-profit', '3']);
    expect(command.kind).toBe('run');
    if (command.kind !== 'run') return;
    expect(command.options).toMatchObject({
      vouchers: 500,
      seed: 42,
      port: 9000,
      host: '127.0.0.1',
      earlierProfitPaise: 300,
      faults: [{ fault: { kind: 'slow', delayMs: 20 } }],
    });
    expect(command.options.realShapes.groupsTwice).toBe(false);
    expect(parseSimArgs(['-h'])).toEqual({ kind: 'help' });
  });
});
