import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { PNG } from 'pngjs';
import { readIco } from '../../../tools/icon/ico';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path));

type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  asar: boolean;
  win: {
    target: { target: string; arch: string[] }[];
    icon: string;
    signtoolOptions?: Record<string, unknown>;
  } & Record<string, unknown>;
  nsis: Record<string, unknown>;
  electronFuses?: Record<string, boolean>;
  forceCodeSigning?: boolean;
} & Record<string, unknown>;

const config = parse(read('electron-builder.yml').toString('utf8')) as BuilderConfig;
const builderSchema = (): object =>
  JSON.parse(read('node_modules/app-builder-lib/scheme.json').toString('utf8')) as object;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const schema = builderSchema();
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check really rejects a wrong option', () => {
    const schema = builderSchema();
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'yes' } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds a per-user Windows x64 NSIS installer with shortcuts that runs the app afterwards', () => {
    expect(config.appId).toBe('in.tallyconnect.desktop');
    expect(config.productName).toBe('TallyConnect');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      perMachine: false,
      runAfterFinish: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
  });

  it('keeps better-sqlite3 outside the asar and rebuilds native modules for Electron', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    expect(config.npmRebuild).toBe(true);
  });

  it('ships only built output and package.json (no tests, no sources)', () => {
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['out/**/*', 'package.json']);
    // npm start's Electron-ABI copy of better-sqlite3 must not be packaged over the rebuilt one.
    expect(config.files).toContain('!out/node_modules{,/**/*}');
    expect(config.files).toContain('!out/**/*.map');
  });

  it('flips the hardening fuses: no run-as-node, NODE_OPTIONS or --inspect; only an integrity-checked app.asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("the fuse options are exactly the ones electron-builder's schema knows (a misspelt fuse fails)", () => {
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(builderSchema());
    const fuses = config.electronFuses ?? {};
    const definitions = (builderSchema() as { definitions: Record<string, { properties: object }> })
      .definitions;
    const known = Object.keys(definitions['FuseOptionsV1']!.properties);
    for (const fuse of Object.keys(fuses)) expect(known).toContain(fuse);
    expect(validate({ ...config, electronFuses: { ...fuses, runAsNod: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...fuses, runAsNode: 'no' } })).toBe(false);
  });

  it('signs Windows builds from the environment only: SHA-256 + timestamp, no secret in the file, unsigned still possible', () => {
    expect(config.win.signtoolOptions).toMatchObject({
      signingHashAlgorithms: ['sha256'],
      rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//),
    });
    // The certificate and its password come from WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_*).
    const text = JSON.stringify(config); // the parsed settings (the comments explain the variables)
    for (const secret of [
      'cscLink',
      'cscKeyPassword',
      'certificateFile',
      'certificatePassword',
      'certificateSha1',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\.(pfx|p12)\b/i);
    // Local builds without a certificate still work; release builds pass -c.forceCodeSigning=true.
    expect(config.forceCodeSigning).toBe(false);
  });

  it('uses the main entry the build produces', () => {
    const pkg = JSON.parse(read('package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/main.js');
  });
});

describe('build/icon.ico', () => {
  const entries = readIco(read(config.win.icon));

  it('holds 16, 32, 48 and 256 pixel images', () => {
    expect(entries.map((e) => e.width).sort((a, b) => a - b)).toEqual([16, 32, 48, 256]);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      expect(e.bitCount).toBe(32);
    }
  });

  it('stores real images: a decodable 256 px PNG and 32-bit bitmaps for the small sizes', () => {
    for (const e of entries) {
      if (e.format === 'png') {
        const png = PNG.sync.read(e.data);
        expect([png.width, png.height]).toEqual([e.width, e.height]);
        // Not blank: the centre is opaque, the corner transparent.
        const centre = (png.width * (png.height / 2) + png.width / 2) * 4;
        expect(png.data[centre + 3]).toBe(255);
        expect(png.data[3]).toBe(0);
      } else {
        expect(e.data.readUInt32LE(0)).toBe(40);
        expect(e.data.readInt32LE(4)).toBe(e.width);
        expect(e.data.readInt32LE(8)).toBe(e.width * 2);
        expect(e.data.readUInt16LE(14)).toBe(32);
        const maskBytes = Math.ceil(e.width / 32) * 4 * e.width;
        expect(e.data.length).toBe(40 + e.width * e.width * 4 + maskBytes);
      }
    }
    expect(entries.find((e) => e.width === 256)?.format).toBe('png');
  });

  it('readIco refuses a file that is not an icon', () => {
    expect(() => readIco(Buffer.from('GIF89a....'))).toThrow(/not an \.ico/);
  });

  it('the tray icons exist as PNG and ICO', () => {
    const tray = PNG.sync.read(read('build/tray/tray.png'));
    expect(tray.width).toBe(16);
    expect(readIco(read('build/tray/tray.ico')).map((e) => e.width)).toEqual([16, 20, 24, 32]);
  });
});
