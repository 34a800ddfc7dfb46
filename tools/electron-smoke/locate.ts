/**
 * Which Electron the smoke test launches: the packaged TallyConnect.exe when given (CI on Windows), else
 * `electron .` with the Electron binary from node_modules — when it has been downloaded. Pure, so the
 * "no binary here" decision is unit-tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type SmokeTarget =
  | { kind: 'packaged'; executable: string; args: string[] }
  | { kind: 'development'; executable: string; args: string[] }
  | { kind: 'unavailable'; reason: string };

export interface LocateInput {
  root: string;
  argv: string[];
  env: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  read?: (path: string) => string;
}

/** `--exe <path>` or TALLYCONNECT_SMOKE_EXE: the packaged app to test. */
export function packagedExe(argv: string[], env: Record<string, string | undefined>): string | null {
  const at = argv.indexOf('--exe');
  const given = at >= 0 ? argv[at + 1] : env.TALLYCONNECT_SMOKE_EXE;
  return given && given.trim() !== '' ? given.trim() : null;
}

/**
 * The Electron binary npm's `electron` package would run, without requiring the package: requiring it
 * starts a download when the binary is missing, which these machines cannot do.
 */
export function developmentElectron(input: LocateInput): string | null {
  const exists = input.exists ?? existsSync;
  const read = input.read ?? ((path: string) => readFileSync(path, 'utf8'));
  const dir = join(input.root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!exists(pathFile)) return null;
  const relative = read(pathFile).trim();
  if (relative === '') return null;
  const override = input.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative) : join(dir, 'dist', relative);
  return exists(binary) ? binary : null;
}

export function locateSmokeTarget(input: LocateInput): SmokeTarget {
  const exists = input.exists ?? existsSync;
  const exe = packagedExe(input.argv, input.env);
  if (exe !== null) {
    const full = isAbsolute(exe) ? exe : resolve(input.root, exe);
    if (!exists(full)) return { kind: 'unavailable', reason: `the packaged app ${full} does not exist` };
    return { kind: 'packaged', executable: full, args: [] };
  }
  const binary = developmentElectron(input);
  if (binary === null)
    return {
      kind: 'unavailable',
      reason:
        'no Electron binary on this machine (node_modules/electron has not downloaded it; ' +
        'pass --exe <TallyConnect.exe> or run `npx install-electron` where downloads work)',
    };
  return { kind: 'development', executable: binary, args: [input.root] };
}
