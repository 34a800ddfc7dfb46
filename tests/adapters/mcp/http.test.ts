import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { readAssistantSettings, writeAssistantSettings } from '../../../electron/core/mcp/assistant-settings';
import { MCP_TOOLS } from '../../../electron/core/mcp/tools';
import { portalEvents, portalMiddleware } from '../../../electron/serve/portal-setup';
import { mcpRoute } from '../../../electron/serve/mcp-route';
import { createServeServer, type ServeServer } from '../../../electron/serve/server';
import type { PortalUser } from '../../../shared/types/portal';
import {
  checkBadInput,
  checkEveryTool,
  DESKTOP_ONLY_TOOLS,
  replyOf,
  type CallTool,
} from '../../core/mcp/cases';
import { openBooks, TINY_GUID } from '../../core/mcp/books';
import { addUser, call, signIn } from '../portal/harness';

let books: Awaited<ReturnType<typeof openBooks>>;
let server: ServeServer;
let base: string;

beforeAll(async () => {
  books = await openBooks('tc-mcp-http-');
  const { core } = books;
  writeAssistantSettings(books.dataDir, { enabled: true, companies: [books.demoGuid, TINY_GUID] });
  await addUser(core.portal, 'asha', 'asha-password', { companies: [books.demoGuid] });
  await addUser(core.portal, 'ravi', 'ravi-password', { companies: [TINY_GUID] });
  server = createServeServer({
    core: { dispatch: core.dispatch, events: { onAny: portalEvents(core.portal.live) } },
    before: portalMiddleware(core.portal, { enabled: true, host: '127.0.0.1' }),
    staticDir: null,
    uploadDir: join(books.dataDir, 'uploads'),
  });
  server.use(
    mcpRoute({
      dispatch: core.dispatch,
      authenticate: (token) => core.portal.authenticate(token),
      limiter: core.portal.limiter,
      limits: core.portal.limits,
      assistants: () => readAssistantSettings(books.dataDir),
      version: 'test',
      bodyLimitBytes: 1024 * 1024,
    }),
  );
  const { port } = await server.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
}, 60_000);
afterAll(async () => {
  await server.close();
  await books.cleanup();
});

async function connect(token: string | null): Promise<{ client: Client; call: CallTool }> {
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: { headers: token ? { authorization: `Bearer ${token}` } : {} },
  });
  const client = new Client({ name: 'tallyconnect-http-test', version: '1' });
  await client.connect(transport);
  return { client, call: async (name, args) => replyOf(await client.callTool({ name, arguments: args })) };
}

const userOf = async (token: string): Promise<PortalUser> => {
  const me = await call(base, 'auth.me', {}, token);
  return me.body.data as PortalUser;
};

describe('/mcp on the office portal (Streamable HTTP)', () => {
  it("answers a staff user's tools from their companies, as the contract does for them", async () => {
    const token = await signIn(base, 'asha', 'asha-password');
    const { client, call: tool } = await connect(token);
    try {
      // Every tool but the desktop-only ones (the GST returns: the portal does not open gst.*).
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(
        MCP_TOOLS.map((t) => t.name).filter((name) => !DESKTOP_ONLY_TOOLS.includes(name)),
      );
      const context = { caller: 'http' as const, user: await userOf(token) };
      const checked = await checkEveryTool(tool, books.core, context, {
        guid: books.demoGuid,
        name: books.demoName,
      });
      expect(checked.sort()).toEqual(
        MCP_TOOLS.map((t) => t.name)
          .filter((name) => !DESKTOP_ONLY_TOOLS.includes(name))
          .sort(),
      );
      await checkBadInput(tool, { guid: books.demoGuid, name: books.demoName }, { desktop: false });
    } finally {
      await client.close();
    }
  }, 120_000);

  it('shows each user only their companies', async () => {
    const token = await signIn(base, 'ravi', 'ravi-password');
    const { client, call: tool } = await connect(token);
    try {
      const listed = await tool('list_companies', {});
      const guids = (listed.body.data as { companies: { guid: string }[] }).companies.map((c) => c.guid);
      expect(guids).toEqual([TINY_GUID]);
      const other = await tool('trial_balance', { company: books.demoGuid });
      expect(other.isError).toBe(true);
      expect(String(other.body.error)).toContain('No company named');
    } finally {
      await client.close();
    }
  }, 60_000);

  it('gives nothing without a valid session: no token, a forged one, a signed-out one', async () => {
    await expect(connect(null)).rejects.toThrow();
    await expect(connect('forged-token')).rejects.toThrow();
    const token = await signIn(base, 'asha', 'asha-password');
    const signedOut = await call(base, 'auth.signOut', {}, token);
    expect(signedOut.body.ok).toBe(true);
    await expect(connect(token)).rejects.toThrow();
    const raw = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('www-authenticate')).toContain('invalid_token');
    const text = await raw.text();
    expect(text).not.toContain('trial_balance');
  }, 60_000);

  it('refuses other sites, other methods, and everyone while assistants are off', async () => {
    const token = await signIn(base, 'asha', 'asha-password');
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${token}`,
    };
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const foreign = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const get = await fetch(`${base}/mcp`, { headers });
    expect(get.status).toBe(405);
    writeAssistantSettings(books.dataDir, { enabled: false, companies: [books.demoGuid] });
    try {
      const off = await fetch(`${base}/mcp`, { method: 'POST', headers, body });
      expect(off.status).toBe(403);
      expect(await off.text()).toContain('Assistants are switched off');
    } finally {
      writeAssistantSettings(books.dataDir, { enabled: true, companies: [books.demoGuid, TINY_GUID] });
    }
  }, 60_000);

  it('limits each user as the API does (429 with Retry-After)', async () => {
    const { core } = books;
    const limited = createServeServer({
      core: { dispatch: core.dispatch, events: { onAny: portalEvents(core.portal.live) } },
      before: portalMiddleware(core.portal, { enabled: true, host: '127.0.0.1' }),
      staticDir: null,
      uploadDir: join(books.dataDir, 'uploads'),
    });
    limited.use(
      mcpRoute({
        dispatch: core.dispatch,
        authenticate: (token) => core.portal.authenticate(token),
        limiter: core.portal.limiter,
        limits: {
          apiPerAddress: { name: 'mcp-test-address', limit: 100, windowMs: 60_000 },
          apiPerUser: { name: 'mcp-test-user', limit: 3, windowMs: 60_000 },
        },
        assistants: () => readAssistantSettings(books.dataDir),
        version: 'test',
        bodyLimitBytes: 1024 * 1024,
      }),
    );
    const { port } = await limited.listen(0, '127.0.0.1');
    try {
      const token = await signIn(base, 'asha', 'asha-password');
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const answer = await fetch(`http://127.0.0.1:${port}/mcp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/list' }),
        });
        statuses.push(answer.status);
        retryAfter = answer.headers.get('retry-after');
        await answer.text();
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  }, 60_000);
});
