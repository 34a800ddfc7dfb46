import { resolveCliDataDir } from '../cli/args';

export interface McpArgs {
  dataDir: string;
  /** True when --data-dir or TALLYCONNECT_DATA_DIR chose the folder (else the per-user default). */
  dataDirGiven: boolean;
  /** Companies (GUID or name) given with --company; empty: the Assistants setting decides. */
  companies: string[];
  help: boolean;
}

export const MCP_USAGE = `TallyConnect MCP server (stdio): lets an AI assistant read the local copy of the books.

  npm run mcp -- [--data-dir DIR] [--company GUID_OR_NAME ...]

Without --company, the companies chosen in Settings › Assistants (none by default) are readable, and
only while assistants are switched on there. See docs/MCP.md.`;

/** `--data-dir DIR`, `--company X` (repeatable; also --company=X), `--help`. */
export function parseMcpArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): McpArgs {
  let dataDir: string | undefined;
  const companies: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v.trim() === '' || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v.trim();
    };
    if (flag === '--data-dir') dataDir = value();
    else if (flag === '--company') companies.push(value());
    else if (flag === '--help' || flag === '-h') help = true;
    // The desktop app is started as "TallyConnect.exe --mcp ..."; the switch itself is not ours to refuse.
    else if (flag === '--mcp') continue;
    else throw new Error(`Unknown option ${arg.slice(0, 60)} (see --help)`);
  }
  return {
    dataDir: resolveCliDataDir(dataDir, env, platform),
    dataDirGiven: Boolean(dataDir ?? env.TALLYCONNECT_DATA_DIR?.trim()),
    companies,
    help,
  };
}
