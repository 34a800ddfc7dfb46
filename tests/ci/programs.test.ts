/**
 * Every program that a test, tool or bench starts by name must be installed by .ci/run on a fresh
 * machine and listed in the README's test section: a program installed by hand on one machine hid a red
 * CI once (the print tests' pdftoppm). The test reads the sources for the programs they start, so a new
 * one fails here until .ci/run and the README name it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Programs that come with Node or are never started on a Linux CI machine. */
const NOT_INSTALLED_BY_CI = new Set(['npm', 'node', 'taskkill']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

/** Program names in `spawn('x'`, `spawnSync('x'`, `execFile('x'`, `execFileSync('x'` and absolute executable paths. */
function programsStarted(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*['"]([^'"]+)['"]/g))
    found.add(m[1]!);
  for (const m of source.matchAll(/['"](\/usr\/bin\/[A-Za-z0-9._-]+)['"]/g)) found.add(m[1]!);
  return [...found];
}

/** The program → package pairs of .ci/run's `programs=( … )` list. */
function ciPrograms(): Map<string, string> {
  const script = read('.ci/run');
  const list = /programs=\(([\s\S]*?)\n\)/.exec(script)?.[1] ?? '';
  const pairs = new Map<string, string>();
  for (const m of list.matchAll(/"([^":]+):([^"]+)"/g)) pairs.set(m[1]!, m[2]!);
  return pairs;
}

const started = new Map<string, string[]>();
for (const file of ['tests', 'bench', 'tools'].flatMap(sourceFiles)) {
  if (file === join('tests', 'ci', 'programs.test.ts')) continue;
  for (const program of programsStarted(read(file))) {
    if (NOT_INSTALLED_BY_CI.has(program)) continue;
    started.set(program, [...(started.get(program) ?? []), file]);
  }
}

describe('programs the tests, tools and benches start', () => {
  it('finds the ones known to be started (the scan itself works)', () => {
    expect([...started.keys()]).toEqual(
      expect.arrayContaining(['redis-server', 'pdftoppm', 'pdfinfo', 'pdftotext', '/usr/bin/chromium']),
    );
    expect(programsStarted("execFileSync('pdftoppm', ['-png'])")).toEqual(['pdftoppm']);
  });

  it.each([...started.keys()])('.ci/run installs %s where it is missing', (program) => {
    const pairs = ciPrograms();
    expect(pairs.has(program), `${program} (started by ${started.get(program)!.join(', ')})`).toBe(true);
  });

  it.each([...started.keys()])('the README names %s and its package', (program) => {
    const section = /## Run the tests([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
    expect(section).toContain(`\`${program}\``);
    expect(section).toContain(`\`${ciPrograms().get(program) ?? '?'}\``);
  });

  it('.ci/run checks the list before installing and installs before the tests', () => {
    const script = read('.ci/run');
    expect(script.indexOf('apt-get install')).toBeGreaterThan(script.indexOf('programs=('));
    expect(script.indexOf('npm test')).toBeGreaterThan(script.indexOf('apt-get install'));
  });
});
