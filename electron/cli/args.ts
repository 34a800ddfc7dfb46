import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export interface ParsedArgs {
  command: string | null;
  /** Words after the command that are not flags (e.g. `call <operation> <json>`). */
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--switch`; a value never starts with "--". */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        flags.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(arg.slice(2), next);
        i++;
      } else flags.set(arg.slice(2), true);
    } else if (command === null) command = arg;
    else positional.push(arg);
  }
  return { command, positional, flags };
}

export const DATA_DIR_ENV = 'TALLYCONNECT_DATA_DIR';

/**
 * --data-dir, else TALLYCONNECT_DATA_DIR, else the per-user folder the desktop app uses:
 * %APPDATA%\TallyConnect on Windows, ~/.config/TallyConnect elsewhere.
 */
export function resolveCliDataDir(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
  cwd: string = process.cwd(),
): string {
  const chosen = flag?.trim() || env[DATA_DIR_ENV]?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'TallyConnect');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'TallyConnect');
}
