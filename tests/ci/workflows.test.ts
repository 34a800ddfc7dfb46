/**
 * The GitHub Actions workflows, checked here because no Windows runner is at hand: each file against
 * the SchemaStore github-workflow schema (embedded in @action-validator/core, offline), and the Windows
 * release job against what it must do with this repository's scripts and electron-builder settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const workflowFiles = readdirSync(join(root, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  steps: Step[];
}
const windowsWorkflow = parse(read('.github/workflows/windows.yml')) as { jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('workflow files', () => {
  it('there is at least the Windows release workflow', () => {
    expect(workflowFiles).toContain('windows.yml');
  });

  it.each(workflowFiles)('%s is a valid GitHub Actions workflow', (file) => {
    const state = validateWorkflow(read(`.github/workflows/${file}`));
    expect(state.errors).toEqual([]);
  });

  it('the validator really rejects broken workflows', () => {
    const misspelt = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo\n';
    expect(validateWorkflow(misspelt).errors.length).toBeGreaterThan(0);
    const noJobs = 'name: x\non: push\n';
    expect(validateWorkflow(noJobs).errors.length).toBeGreaterThan(0);
    const badTrigger = 'on: pushed\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';
    expect(validateWorkflow(badTrigger).errors.length).toBeGreaterThan(0);
  });
});

describe('the Windows release job', () => {
  const job = windowsWorkflow.jobs.windows!;
  const pkg = JSON.parse(read('package.json')) as { productName: string; scripts: Record<string, string> };
  const builder = parse(read('electron-builder.yml')) as { nsis: { artifactName: string } };
  const smoke = parse(read('build/electron-builder.smoke.yml')) as { directories: { output: string } };

  it('runs on Windows: npm ci, typecheck, lint, unit tests, then the installer, in that order', () => {
    expect(job['runs-on']).toBe('windows-latest');
    const script = runs(job);
    const order = ['npm ci', 'npm run typecheck', 'npm run lint', 'npm run test:unit', 'npm run dist'];
    const at = order.map((command) => script.indexOf(command));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const script of ['typecheck', 'lint', 'test:unit', 'dist'])
      expect(pkg.scripts[script]).toBeDefined();
  });

  it('smoke-tests the packaged app built with the smoke configuration, then the real installer', () => {
    const script = runs(job);
    expect(script).toContain('--config build/electron-builder.smoke.yml');
    const exe = `${smoke.directories.output}/win-unpacked/${pkg.productName}.exe`;
    expect(script).toContain(`npm run test:electron -- --exe ${exe}`);
    expect(script).toContain('node tools/electron-smoke/installer-smoke.mjs dist');
    expect(script.indexOf('test:electron')).toBeGreaterThan(script.indexOf('npm run dist'));
  });

  it('uploads the installer electron-builder names, with latest.yml and the blockmap for updates', () => {
    const upload = job.steps.find(
      (s) => s.uses?.startsWith('actions/upload-artifact@') && s.name === 'Upload the installer',
    );
    expect(upload).toBeDefined();
    const paths = String(upload!.with!.path).trim().split('\n');
    const installer = builder.nsis.artifactName.replace('${version}', '*').replace('${ext}', 'exe');
    expect(paths).toEqual([`dist/${installer}`, `dist/${installer}.blockmap`, 'dist/latest.yml']);
    expect(upload!.with!['if-no-files-found']).toBe('error');
  });

  it('keeps LF endings before checkout (Prettier runs on Windows too)', () => {
    const first = job.steps[0]!;
    expect(first.run).toBe('git config --global core.autocrlf false');
    expect(job.steps[1]!.uses).toMatch(/^actions\/checkout@v\d+$/);
  });

  it('a second job runs .ci/run on Linux', () => {
    const linux = windowsWorkflow.jobs.linux!;
    expect(linux['runs-on']).toBe('ubuntu-latest');
    expect(runs(linux)).toContain('.ci/run');
  });
});
