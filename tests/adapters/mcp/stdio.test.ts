import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { writeAssistantSettings } from '../../../electron/core/mcp/assistant-settings';
import { MCP_TOOLS } from '../../../electron/core/mcp/tools';
import { checkBadInput, checkEveryTool, replyOf, type CallTool } from '../../core/mcp/cases';
import { openBooks, OWNER, TINY_GUID } from '../../core/mcp/books';
import { tinyVouchers, writeTiny } from '../../core/db/fixtures';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let books: Awaited<ReturnType<typeof openBooks>>;
beforeAll(async () => {
  books = await openBooks('tc-mcp-stdio-');
});
afterAll(async () => {
  await books.cleanup();
});

const env = (): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out[k] = v;
  return { ...out, REDIS_ENABLED: 'false', TALLYCONNECT_DATA_DIR: '' };
};

/** `npm run mcp` as a real process (electron/mcp/main.ts through tsx), driven by the SDK's stdio client. */
async function spawnMcp(args: string[]): Promise<{ client: Client; call: CallTool; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'electron/mcp/main.ts', '--data-dir', books.dataDir, ...args],
    cwd: ROOT,
    env: env(),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'tallyconnect-stdio-test', version: '1' });
  await client.connect(transport);
  const call: CallTool = async (name, a) => replyOf(await client.callTool({ name, arguments: a }));
  return { client, call, stderr: () => stderr };
}

describe('npm run mcp (stdio)', () => {
  it('lists the tools and answers each as the contract does, bad input as tool errors', async () => {
    const { client, call } = await spawnMcp(['--company', books.demoName]);
    try {
      expect(client.getServerVersion()?.name).toBe('tallyconnect');
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(MCP_TOOLS.map((t) => t.name));
      // The desktop owner's server: every tool, the desktop-only GST summaries too.
      const checked = await checkEveryTool(call, books.core, OWNER, {
        guid: books.demoGuid,
        name: books.demoName,
      });
      expect(checked.sort()).toEqual(MCP_TOOLS.map((t) => t.name).sort());
      await checkBadInput(call, { guid: books.demoGuid, name: books.demoName });
    } finally {
      await client.close();
    }
  }, 120_000);

  it('reads the companies chosen in Settings › Assistants when none is named', async () => {
    writeAssistantSettings(books.dataDir, { enabled: true, companies: [TINY_GUID] });
    const { client, call } = await spawnMcp([]);
    try {
      const listed = await call('list_companies', {});
      const companies = (listed.body.data as { companies: { guid: string }[] }).companies;
      expect(companies.map((c) => c.guid)).toEqual([TINY_GUID]);
      const hidden = await call('trial_balance', { company: books.demoName });
      expect(hidden.isError).toBe(true);
      // The desktop app (another process) syncs: the server's answers say so within a second or two.
      const before = (companies[0] as { vouchers?: number }).vouchers;
      writeTiny(books.core.store, tinyVouchers.slice(0, 3));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = await call('list_companies', {});
      const now = (after.body.data as { companies: { vouchers: number }[] }).companies[0]!;
      expect(before).toBe(tinyVouchers.length);
      expect(now.vouchers).toBe(3);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('refuses to start while assistants are off, or for a company it cannot find', () => {
    writeAssistantSettings(books.dataDir, { enabled: false, companies: [books.demoGuid] });
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/mcp/main.ts', '--data-dir', books.dataDir, ...args],
        {
          cwd: ROOT,
          env: env(),
          input: '',
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const off = run([]);
    expect(off.status).toBe(1);
    expect(off.stderr).toContain('Assistants are switched off');
    expect(off.stdout).toBe('');
    const unknown = run(['--company', 'Nowhere Traders']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--company Nowhere Traders: No company named');
    const bad = run(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown option --bogus');
  }, 120_000);
});
