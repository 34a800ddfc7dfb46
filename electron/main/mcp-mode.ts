import type { Readable, Writable } from 'node:stream';
import type { Core, CoreOptions } from '../core/app';
import { streamLogger } from '../core/logger';
import type { ServerLaunch } from '../core/mcp/claude-config';
import { MCP_USAGE, parseMcpArgs } from '../mcp/args';
import { mcpCoreEnv, runStdioServer } from '../mcp/run';

/** The switch that starts the installed app as the assistants' MCP server (stdio, no window). */
export const MCP_ARG = '--mcp';

export function wantsMcp(argv: readonly string[]): boolean {
  return argv.includes(MCP_ARG);
}

/**
 * How an MCP client starts this app as its server: the installed TallyConnect.exe with --mcp (the
 * packaged app cannot run as plain Node, its fuses forbid ELECTRON_RUN_AS_NODE); in development the
 * Electron binary with the app folder.
 */
export function mcpLaunchFor(isPackaged: boolean, execPath: string, appPath: string): ServerLaunch {
  return { command: execPath, args: isPackaged ? [MCP_ARG] : [appPath, MCP_ARG] };
}

interface McpApp {
  getPath(name: 'userData'): string;
  exit(code?: number): void;
  dock?: { hide(): void } | undefined;
}

/**
 * `TallyConnect.exe --mcp [--data-dir DIR] [--company X ...]`: the same core and data folder as the app,
 * serving the MCP tools over stdio with no window, tray or single-instance lock (the app may be open at
 * the same time; SQLite lets both read). Logs go to stderr, which the MCP client keeps.
 */
export async function runMcpMode(options: {
  app: McpApp;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  createCore: (options: CoreOptions) => Promise<Core>;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
}): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  options.app.dock?.hide();
  const after = options.argv.slice(options.argv.indexOf(MCP_ARG) + 1);
  let args;
  try {
    args = parseMcpArgs(after, options.env);
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${MCP_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    stderr.write(`${MCP_USAGE}\n`);
    return 0;
  }
  const dataDir = args.dataDirGiven ? args.dataDir : options.app.getPath('userData');
  const logger = streamLogger(stderr, 'warn').child({ area: 'mcp' });
  let core: Core | null = null;
  try {
    core = await options.createCore({ dataDir, mode: 'cli', env: mcpCoreEnv(options.env), logger });
    const { closed } = await runStdioServer({
      core,
      companies: args.companies,
      logger,
      ...(options.stdin ? { stdin: options.stdin } : {}),
      ...(options.stdout ? { stdout: options.stdout } : {}),
    });
    await closed;
    return 0;
  } catch (error) {
    stderr.write(`TallyConnect MCP server could not start: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await core?.close().catch(() => undefined);
  }
}
