import { createCore } from '../core/app';
import { streamLogger } from '../core/logger';
import { MCP_USAGE, parseMcpArgs } from './args';
import { mcpCoreEnv, runStdioServer } from './run';

/** `npm run mcp`: the assistants' server over stdio, on the same core and data folder as the app. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseMcpArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${MCP_USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stderr.write(`${MCP_USAGE}\n`);
    return;
  }
  const logger = streamLogger(process.stderr, 'warn').child({ area: 'mcp' });
  const core = await createCore({ dataDir: args.dataDir, mode: 'cli', env: mcpCoreEnv(process.env), logger });
  const stop = async (code: number) => {
    await core.close().catch(() => undefined);
    process.exit(code);
  };
  try {
    const { closed } = await runStdioServer({ core, companies: args.companies, logger });
    process.on('SIGINT', () => void stop(0));
    process.on('SIGTERM', () => void stop(0));
    await closed;
    await stop(0);
  } catch (error) {
    process.stderr.write(`TallyConnect MCP server could not start: ${(error as Error).message}\n`);
    await stop(1);
  }
}

void main();
