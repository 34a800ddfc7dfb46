import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import packageJson from '../../package.json';
import type { Core } from '../core/app';
import type { Logger } from '../core/logger';
import { readAssistantSettings } from '../core/mcp/assistant-settings';
import { resolveName } from '../core/mcp/fuzzy';
import { createMcpServer } from '../core/mcp/server';
import type { CallContext } from '../core/service/types';
import type { CompanySummary, Served } from '../../shared/types/reports';

const OWNER: CallContext = { caller: 'cli', user: null };

/**
 * The environment the assistants' server starts its core with: whatever the data folder's .env says,
 * it never syncs on its own (automatic sync, live mode): it only reads, and the desktop app, which may
 * run beside it, keeps the books up to date. The environment wins over .env (config.ts).
 */
export function mcpCoreEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  // The desktop app syncs in another process: with the in-memory cache this process would not hear of
  // it, so the company list (last sync, AlterIDs in every answer) is read again after a second. The
  // reports themselves are keyed by the company's data version, read from the database on every call.
  return { ...env, AUTO_SYNC_MINUTES: '0', LIVE_MODE: 'false', CACHE_TTL_COMPANIES: '1' };
}

/**
 * The companies this server may read: those named with --company (by GUID or name, checked now so a
 * typo stops the start with a clear message), else the Assistants setting, which must be switched on.
 */
export async function allowedCompanies(
  core: Pick<Core, 'dispatch' | 'dataDir'>,
  named: readonly string[],
): Promise<string[]> {
  if (named.length === 0) {
    const settings = readAssistantSettings(core.dataDir);
    if (settings.problem) throw new Error(settings.problem);
    if (!settings.enabled) {
      throw new Error(
        'Assistants are switched off: turn them on in TallyConnect, Settings › Assistants (or name companies with --company)',
      );
    }
    return settings.companies;
  }
  const listed = await core.dispatch('companies.list', {}, OWNER);
  if (!listed.ok) throw new Error(listed.error.message);
  const companies = (listed.data as Served<CompanySummary[]>).data;
  return named.map((name) => {
    try {
      return resolveName(name, companies, 'company').match.guid;
    } catch (error) {
      throw new Error(`--company ${name}: ${(error as Error).message}`, { cause: error });
    }
  });
}

/**
 * Runs the MCP server over stdio until the client closes stdin. The JSON-RPC stream owns stdout, so
 * every log line goes to the logger (stderr).
 */
export async function runStdioServer(options: {
  core: Core;
  companies: readonly string[];
  logger: Logger;
  stdin?: Readable;
  stdout?: Writable;
}): Promise<{ closed: Promise<void> }> {
  const allowed = await allowedCompanies(options.core, options.companies);
  const server = createMcpServer({
    dispatch: options.core.dispatch,
    call: OWNER,
    allowedCompanies: allowed,
    version: packageJson.version,
    logger: options.logger,
  });
  const transport = new StdioServerTransport(options.stdin, options.stdout);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    (options.stdin ?? process.stdin).once('end', () => resolve());
  });
  await server.connect(transport);
  options.logger.info('MCP server ready on stdio', { companies: allowed.length });
  return { closed };
}
