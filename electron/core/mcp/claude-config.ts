import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

/** How an MCP client starts this server: a program and its arguments (Claude Desktop's "mcpServers" entry). */
export interface ServerLaunch {
  command: string;
  args: string[];
}

export const CLAUDE_SERVER_NAME = 'tallyconnect';

/**
 * Where Claude Desktop keeps its configuration: %APPDATA%\Claude\claude_desktop_config.json on Windows,
 * ~/Library/Application Support/Claude/ on macOS (modelcontextprotocol.io, "Connect to local MCP
 * servers"); elsewhere ~/.config/Claude/, where no official build runs.
 */
export function claudeConfigPath(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Claude', 'claude_desktop_config.json');
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Claude', 'claude_desktop_config.json');
}

/** The configuration snippet a user pastes into an MCP client (Claude Desktop's format). */
export function configSnippet(launch: ServerLaunch): string {
  return JSON.stringify({ mcpServers: { [CLAUDE_SERVER_NAME]: launch } }, null, 2);
}

/**
 * Adds (or replaces) this server in a Claude Desktop configuration, keeping every other server and
 * setting as it was. A file that is not a JSON object is refused: nothing is written over it.
 */
export function mergeClaudeConfig(
  existing: string | null,
  launch: ServerLaunch,
): { text: string; replaced: boolean } {
  let config: Record<string, unknown> = {};
  if (existing !== null && existing.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new AppError(
        'CONFIG',
        `Claude Desktop's configuration is not valid JSON (${(error as Error).message}); it was left as it is`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new AppError(
        'CONFIG',
        "Claude Desktop's configuration is not a JSON object; it was left as it is",
      );
    }
    config = parsed as Record<string, unknown>;
  }
  const servers = config.mcpServers;
  if (servers !== undefined && (typeof servers !== 'object' || servers === null || Array.isArray(servers))) {
    throw new AppError(
      'CONFIG',
      "mcpServers in Claude Desktop's configuration is not an object; it was left as it is",
    );
  }
  const current = (servers ?? {}) as Record<string, unknown>;
  const replaced = Object.prototype.hasOwnProperty.call(current, CLAUDE_SERVER_NAME);
  const next = { ...config, mcpServers: { ...current, [CLAUDE_SERVER_NAME]: launch } };
  return { text: `${JSON.stringify(next, null, 2)}\n`, replaced };
}

export interface ConfigFiles {
  read(path: string): string | null;
  /** Writes the whole file at once (temporary file and rename). */
  write(path: string, text: string): void;
  copy(from: string, to: string): void;
}

/**
 * Adds this server to Claude Desktop's configuration file: a backup of the file first (when there is
 * one), then the merged file. Answers where the file and its backup are.
 */
export function addToClaudeConfig(
  path: string,
  launch: ServerLaunch,
  files: ConfigFiles,
  now: Date,
): { path: string; backup: string | null; replaced: boolean } {
  const existing = files.read(path);
  const merged = mergeClaudeConfig(existing, launch);
  let backup: string | null = null;
  if (existing !== null) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    backup = `${path}.${stamp}.bak`;
    files.copy(path, backup);
  }
  files.write(path, merged.text);
  return { path, backup, replaced: merged.replaced };
}
