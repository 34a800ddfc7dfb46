/**
 * The installer's additions: the uninstaller's "delete my data?" question (build/installer.nsh), the
 * update metadata electron-builder writes (publish), and the CI smoke-test build
 * (build/electron-builder.smoke.yml), loaded with electron-builder's own configuration loader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const require = createRequire(import.meta.url);

type Loaded = Record<string, unknown> & {
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  publish: { provider: string; url: string }[];
};
/** electron-builder's getConfig: the same file reading, `extends` resolution and merging `dist` uses. */
async function builderConfig(file: string): Promise<Loaded> {
  const { getConfig } = require(join(root, 'node_modules/app-builder-lib/out/util/config/config.js')) as {
    getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Loaded>;
  };
  const log = console.log;
  console.log = () => undefined; // electron-builder announces each file it loads
  try {
    return await getConfig(root, file, null);
  } finally {
    console.log = log;
  }
}
const schema = () => JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;

describe('installer: uninstall keeps the data unless the user says otherwise', () => {
  const nsh = read('build/installer.nsh');
  const macro = nsh.slice(nsh.indexOf('!macro customUnInstall'), nsh.indexOf('!macroend'));

  it('is included in the NSIS build', async () => {
    const config = await builderConfig('electron-builder.yml');
    expect(config.nsis.include).toBe('build/installer.nsh');
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.perMachine).toBe(false);
  });

  it('asks "Also delete my data?" with No as the default and as the silent answer, never during an update', () => {
    expect(macro).toMatch(/\$\{ifNot\} \$\{isUpdated\}/);
    const box = macro.slice(macro.indexOf('MessageBox'));
    expect(box).toMatch(/^MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2/);
    expect(box).toContain('Also delete my TallyConnect data?');
    expect(box).toMatch(/\/SD IDNO IDNO tallyConnectKeepData/);
    // The removal sits between the question and the "keep" label, so No skips it.
    const removal = box.indexOf('RMDir /r');
    expect(removal).toBeGreaterThan(box.indexOf('/SD IDNO'));
    expect(removal).toBeLessThan(box.indexOf('tallyConnectKeepData:'));
  });

  it('removes only the per-user data folder, nothing else', () => {
    const removals = macro.match(/^\s*(RMDir|Delete)\b.*$/gm) ?? [];
    expect(removals.map((line) => line.trim())).toEqual(['RMDir /r "$APPDATA\\${APP_FILENAME}"']);
  });
});

describe('update metadata and the smoke-test build', () => {
  it('publishes to a generic feed (latest.yml + app-update.yml) without uploading from npm run dist', async () => {
    const config = await builderConfig('electron-builder.yml');
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\//) }]);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/electron-builder --win --x64 --publish never$/);
    expect(pkg.scripts['test:electron']).toBe('tsx tools/electron-smoke/run.ts');
    // The smoke test drives a real Electron: never part of npm test.
    expect(pkg.scripts.test).not.toContain('test:electron');
  });

  it('the smoke build is the release build with only the inspector fuse on, into its own folder', async () => {
    const release = await builderConfig('electron-builder.yml');
    const smoke = await builderConfig('build/electron-builder.smoke.yml');
    expect(smoke.directories.output).toBe('dist-smoke');
    expect(smoke.electronFuses).toEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    const strip = ({ directories: _d, electronFuses: _f, extends: _e, ...rest }: Loaded) => rest;
    expect(strip(smoke)).toEqual(strip(release));
  });

  it("both files validate against electron-builder's schema", () => {
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema());
    for (const file of ['electron-builder.yml', 'build/electron-builder.smoke.yml']) {
      validate(parse(read(file)));
      expect(validate.errors ?? [], file).toEqual([]);
    }
  });
});
