import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type CoreOptions } from '../../../electron/core/app';
import { mcpCoreEnv } from '../../../electron/mcp/run';
import { mcpLaunchFor, runMcpMode, wantsMcp } from '../../../electron/main/mcp-mode';
import { openBooks } from '../../core/mcp/books';

vi.mock('electron', () => import('./fake-electron'));

/** The client end of a pair of pipes: what an MCP client does with the app's stdin and stdout. */
function pipeTransport(toServer: PassThrough, fromServer: PassThrough): Transport {
  const buffer = new ReadBuffer();
  const transport: Transport = {
    async start() {
      fromServer.on('data', (chunk: Buffer) => {
        buffer.append(chunk);
        for (let message = buffer.readMessage(); message; message = buffer.readMessage()) {
          transport.onmessage?.(message);
        }
      });
    },
    async send(message: JSONRPCMessage) {
      toServer.write(serializeMessage(message));
    },
    async close() {
      toServer.end();
      transport.onclose?.();
    },
  };
  return transport;
}

let books: Awaited<ReturnType<typeof openBooks>>;
beforeAll(async () => {
  books = await openBooks('tc-mcp-electron-');
});
afterAll(async () => {
  await books.cleanup();
});

describe('TallyConnect.exe --mcp', () => {
  it('is started by the --mcp switch, the installed app with it alone', () => {
    expect(wantsMcp(['C:\\TallyConnect\\TallyConnect.exe', '--mcp'])).toBe(true);
    expect(wantsMcp(['C:\\TallyConnect\\TallyConnect.exe', '--hidden'])).toBe(false);
    expect(mcpLaunchFor(true, 'C:\\TallyConnect\\TallyConnect.exe', 'C:\\app.asar')).toEqual({
      command: 'C:\\TallyConnect\\TallyConnect.exe',
      args: ['--mcp'],
    });
    expect(mcpLaunchFor(false, '/dev/electron', '/src/tallyconnect')).toEqual({
      command: '/dev/electron',
      args: ['/src/tallyconnect', '--mcp'],
    });
  });

  it('serves the tools over its stdin and stdout without a window, then exits when the client leaves', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let logged = '';
    stderr.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const hide = vi.fn();
    const started: CoreOptions[] = [];
    const exited = runMcpMode({
      app: { getPath: () => '/nonexistent-user-data', exit: vi.fn(), dock: { hide } },
      argv: ['TallyConnect.exe', '--mcp', '--data-dir', books.dataDir, '--company', books.demoName],
      env: { REDIS_ENABLED: 'false', AUTO_SYNC_MINUTES: '15' },
      createCore: (options) => {
        started.push(options);
        return createCore(options);
      },
      stdin,
      stdout,
      stderr,
    });
    const client = new Client({ name: 'claude-desktop-stand-in', version: '1' });
    await client.connect(pipeTransport(stdin, stdout));
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    const result = await client.callTool({ name: 'list_companies', arguments: {} });
    const text = (result.content as { text: string }[])[0]!.text;
    expect(JSON.parse(text).data.companies[0].guid).toBe(books.demoGuid);
    await client.close();
    expect(await exited).toBe(0);
    expect(hide).toHaveBeenCalled();
    expect(started[0]?.env).toMatchObject({
      AUTO_SYNC_MINUTES: '0',
      LIVE_MODE: 'false',
      CACHE_TTL_COMPANIES: '1',
    });
    expect(logged).not.toContain('"level":"error"');
  });

  it('refuses a bad switch with its usage, exit code 2', async () => {
    const stderr = new PassThrough();
    let logged = '';
    stderr.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    const code = await runMcpMode({
      app: { getPath: () => '/nonexistent', exit: vi.fn() },
      argv: ['TallyConnect.exe', '--mcp', '--bogus'],
      env: {},
      createCore,
      stderr,
    });
    expect(code).toBe(2);
    expect(logged).toContain('Unknown option --bogus');
  });

  it("never syncs on its own, whatever the data folder's .env says", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-mcp-env-'));
    writeFileSync(join(dir, '.env'), 'AUTO_SYNC_MINUTES=5\nLIVE_MODE=true\n');
    const core = await createCore({ dataDir: dir, mode: 'cli', env: mcpCoreEnv({ REDIS_ENABLED: 'false' }) });
    try {
      expect(core.settings.current().config.autoSyncMinutes).toBe(0);
      expect(core.settings.current().config.live.enabled).toBe(false);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Without the override, such a .env does turn automatic sync and live mode on (the desktop's own reading).
    const desktopDir = mkdtempSync(join(tmpdir(), 'tc-mcp-env-'));
    writeFileSync(join(desktopDir, '.env'), 'AUTO_SYNC_MINUTES=5\nLIVE_MODE=true\n');
    const desktop = await createCore({ dataDir: desktopDir, mode: 'cli', env: { REDIS_ENABLED: 'false' } });
    expect(desktop.settings.current().config.autoSyncMinutes).toBe(5);
    expect(desktop.settings.current().config.live.enabled).toBe(true);
    await desktop.close();
    rmSync(desktopDir, { recursive: true, force: true });
  });
});
